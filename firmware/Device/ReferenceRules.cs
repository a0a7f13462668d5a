namespace BmsGuard.Device
{
    /// <summary>
    /// The built-in allowlist for the project's reference BMS (see host-sim's sample capture): pack
    /// data leaves at reduced rates, the battery serial leaves blanked, everything else stays in.
    /// Used until a rule table is provisioned from storage.
    /// </summary>
    public static class ReferenceRules
    {
        /// <summary>The table in <see cref="BmsGuard.Core.RuleTableText"/> syntax.</summary>
        public const string Text =
            "# Reference BMS allowlist (BMS -> TCU). First match wins; no match = dropped.\n" +
            "rule pack_status   id=0x1F0 mask=0x7FF every=90ms   # 20 ms source -> 10 Hz; 90 ms absorbs cycle jitter\n" +
            "rule cell_extremes id=0x1F1 mask=0x7FF\n" +
            "rule temperatures  id=0x1F2 mask=0x7FF every=900ms\n" +
            "rule contactors    id=0x1F3 mask=0x7FF\n" +
            "rule limits        id=0x1F4 mask=0x7FF\n" +
            "rule serial_blank  id=0x3F0 mask=0x7FF and=FF00000000000000  # keep page index, blank serial text\n" +
            "rule charger_j1939 id=0x18FF50E5 mask=0x1FFFFFFF ext every=900ms\n";
    }
}
