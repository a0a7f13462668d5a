namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// Identifiers and constants of the project's reference BMS (500 kbit/s, little-endian signals).
/// The frame layouts live in samples/reference-bms.dbc, which the traffic generator encodes
/// through; these constants are what <c>ReferenceRules</c> filters and the tests look for.
/// </summary>
public static class ReferenceBms
{
    /// <summary>Pack status, 20 ms: voltage u16 0.1 V, current s16 0.1 A (+ = discharge), SOC u8 0.5 %, SOH u8 0.5 %, counter, checksum.</summary>
    public const uint PackStatus = 0x1F0;

    /// <summary>Cell extremes, 100 ms: min/max cell mV u16, min/max cell index, cell count, balancing flags.</summary>
    public const uint CellExtremes = 0x1F1;

    /// <summary>Temperatures, 500 ms: min/max/avg cell, coolant in/out (degC + 40), min/max sensor index.</summary>
    public const uint Temperatures = 0x1F2;

    /// <summary>Contactors, 100 ms: contactor bits (main+, main-, precharge, charge), fault flags, isolation, state.</summary>
    public const uint Contactors = 0x1F3;

    /// <summary>Limits, 100 ms: max charge / discharge current u16 0.1 A, max / min pack voltage u16 0.1 V.</summary>
    public const uint Limits = 0x1F4;

    /// <summary>Identity, 1 s, paged: page byte then 7 ASCII chars (serial number pages 0-1, VIN fragment page 2).</summary>
    public const uint Identity = 0x3F0;

    /// <summary>Internal calibration/debug, 200 ms: must never leave the vehicle.</summary>
    public const uint Debug = 0x6B0;

    /// <summary>J1939-style charging status (extended id), 100 ms.</summary>
    public const uint ChargerStatus = 0x18FF50E5;

    /// <summary>Cells in series.</summary>
    public const int Cells = 96;

    /// <summary>Cell with the lowest voltage (CellVoltageMinIndex).</summary>
    public const int WeakestCell = 17;

    /// <summary>Cell with the highest voltage (CellVoltageMaxIndex).</summary>
    public const int StrongestCell = 62;

    /// <summary>The reference DBC, next to the bundled sample in the build output's samples folder.</summary>
    public static string DbcPath => Path.Combine(AppContext.BaseDirectory, "samples", "reference-bms.dbc");

    /// <summary>Synthetic battery serial number carried on the identity frame (pages 0-1).</summary>
    public const string SerialNumber = "BGX26-0417-A93";

    /// <summary>Synthetic VIN fragment carried on the identity frame (page 2).</summary>
    public const string VinFragment = "ZZB0417";
}
