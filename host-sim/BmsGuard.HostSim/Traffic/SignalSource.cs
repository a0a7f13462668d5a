namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// What the physical model knows, by DBC signal name (case-insensitive): the value a signal
/// carries now, in the signal's physical unit as the reference DBC defines it. Names it does not
/// know return null and the encoder falls back to the signal's default (see <see cref="MessageSynthesizer"/>).
/// Measurement noise is drawn here, so only transmitted values are noisy, never the model.
/// </summary>
public sealed class SignalSource
{
    private readonly Dictionary<string, Func<BatteryState, int, double>> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly Xorshift _rng;

    /// <summary>Reads <paramref name="state"/>; <paramref name="rng"/> draws the measurement noise.</summary>
    public SignalSource(BatteryState state, Xorshift rng)
    {
        State = state;
        _rng = rng;
        Add("VehicleSpeed", s => s.SpeedKmh);
        Add("ChargingState", s => (int)s.Charging);
        Add("PackVoltage", s => s.PackVolts);
        Add("PackCurrent", s => s.CurrentA + (_rng.Symmetric() * 1.5));
        Add("SOC", s => s.Soc * 100);
        Add("SOH", _ => 97);
        Add("CellVoltageMin", s => (s.CellVolts * 1000) - 8 - (Math.Abs(s.CurrentA) * 0.04) - _rng.Below(3));
        Add("CellVoltageMax", s => (s.CellVolts * 1000) + 10 + (Math.Abs(s.CurrentA) * 0.03) + _rng.Below(3));
        Add("CellVoltageMinIndex", _ => ReferenceBms.WeakestCell);
        Add("CellVoltageMaxIndex", _ => ReferenceBms.StrongestCell);
        Add("CellCount", _ => BatteryModel.Cells);
        Add("BalancingFlags", _ => 0);
        Add("CellTempMin", s => s.CellTempC - 2);
        Add("CellTempMax", s => s.CellTempC + BatteryModel.HotSpread);
        Add("CellTempAvg", s => s.CellTempC);
        Add("CoolantTempIn", s => s.CoolantInC);
        Add("CoolantTempOut", s => s.CoolantOutC);
        Add("CellTempMinIndex", _ => 4);
        Add("CellTempMaxIndex", _ => 11);
        Add("ContactorMainPositive", _ => 1);
        Add("ContactorMainNegative", _ => 1);
        Add("ContactorPrecharge", _ => 0);
        Add("ContactorCharge", s => s.ChargeContactor ? 1 : 0);
        Add("FaultFlags", _ => 0);
        Add("IsolationResistance", _ => 2.5);
        Add("BmsState", s => s.PluggedIn ? 3 : 2);
        Add("MaxChargeCurrent", s => s.MaxChargeCurrentA);
        Add("MaxDischargeCurrent", s => s.MaxDischargeCurrentA);
        Add("MaxPackVoltage", _ => 4.2 * BatteryModel.Cells);
        Add("MinPackVoltage", _ => 3.0 * BatteryModel.Cells);
        Add("ChargerVoltage", s => s.PackVolts);
        Add("ChargerCurrent", s => s.ChargerCurrentA);
        Add("ChargerStatusFlags", s => s.ChargeContactor ? 1 : 0);
        Add("DebugTag", _ => 0x1BCA);
        Add("DebugValue", _ => _rng.Below(65536));
        Add("DebugMode", _ => 1);
        Add("HeartbeatVersion", _ => 1);

        // Multiplexed pages: the multiplexor value picks the cell group or the character.
        Add("CellVoltageA", (s, page) => CellVolts(s, (3 * page) + 1));
        Add("CellVoltageB", (s, page) => CellVolts(s, (3 * page) + 2));
        Add("CellVoltageC", (s, page) => CellVolts(s, (3 * page) + 3));
        for (int i = 0; i < ReferenceBms.SerialNumber.Length; i++)
        {
            char c = ReferenceBms.SerialNumber[i];
            Add("SerialChar" + i, _ => c);
        }

        for (int i = 0; i < ReferenceBms.VinFragment.Length; i++)
        {
            char c = ReferenceBms.VinFragment[i];
            Add("VinChar" + i, _ => c);
        }
    }

    /// <summary>The model state the values come from.</summary>
    public BatteryState State { get; }

    /// <summary>Signal names the model knows.</summary>
    public IEnumerable<string> Names => _known.Keys;

    /// <summary>The physical value of signal <paramref name="name"/> now, or null when the model does not know it.</summary>
    /// <param name="name">DBC signal name.</param>
    /// <param name="page">The message's multiplexor value for this frame (0 when not multiplexed).</param>
    public double? Value(string name, int page) => _known.TryGetValue(name, out var f) ? f(State, page) : null;

    // Cells drift a few mV apart around the mean; the weakest and strongest are the extremes.
    private static double CellVolts(BatteryState s, int cell) =>
        s.CellVolts + (cell == ReferenceBms.WeakestCell ? -0.008 : cell == ReferenceBms.StrongestCell ? 0.010 : (((cell * 37) % 11) - 5) * 0.001);

    private void Add(string name, Func<BatteryState, double> value) => _known[name] = (s, _) => value(s);

    private void Add(string name, Func<BatteryState, int, double> value) => _known[name] = value;
}
