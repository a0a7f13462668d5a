namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// The reference BMS's native command frames (host-sim/BmsGuard.HostSim/samples/reference-bms.dbc:
    /// RemoteCommand 0x5A0, ChargeLimitCommand 0x5A1, LimitsCommand 0x5A2, CellVoltageLimitsCommand 0x5A3).
    /// Parameter bytes come from the signed envelope unchanged (big-endian as the command type defines).
    /// </summary>
    public static class ReferenceNativeCommands
    {
        /// <summary>The table as text (<see cref="NativeCommandText"/>).</summary>
        public const string Text =
            "native enable-charging id=0x5A0 data=03,00,00,00,00,00,00,00\n"
            + "native disable-charging id=0x5A0 data=02,00,00,00,00,00,00,00\n"
            + "native open-contactors id=0x5A0 data=01,00,00,00,00,00,00,00\n"
            + "native set-charge-target id=0x5A1 data=01,p0,00,00,00,00,00,00\n"
            + "native set-current-limits id=0x5A2 data=01,p0,p1,p2,p3,00,00,00\n"
            + "native set-cell-voltage-limits id=0x5A3 data=01,p0,p1,p2,p3,00,00,00\n";

        /// <summary>A fresh table with zero counters.</summary>
        public static NativeCommandTable NewTable()
        {
            int line;
            string error;
            return NativeCommandText.Parse(Text, out line, out error);
        }
    }
}
