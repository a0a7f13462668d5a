using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>
/// One Decide case: a frame mix against a rule table; <paramref name="HitRules"/> &gt; 0 limits the
/// allowed ids the traffic uses; <paramref name="TrafficOf"/>, when set, is the table whose traffic
/// is replayed instead (the same frames, and the same verdicts, as that table's case);
/// <paramref name="Twin"/>, on a 1-rule case, is the large table that replays its traffic (its
/// unmatched ids must be unmatched there too).
/// </summary>
internal sealed record DecideCase(string Mix, string Rules, Func<RuleTable> Table, bool Extended, int HitRules = 0, Func<RuleTable>? TrafficOf = null, Func<RuleTable>? Twin = null)
{
    /// <summary>True when the case differs from its mix's 1-rule case only by the table's size: flatness is judged on it.</summary>
    public bool SameTrafficAsSingle => TrafficOf != null;

    /// <summary>"mix, rules": the case's name in BenchmarkDotNet's tables.</summary>
    public string Name => $"{Mix}, {Rules}";
}

/// <summary>The cases of part 1, in report order; a case is named by its index on the child command line.</summary>
internal static class DecideCases
{
    /// <summary>Traffic on this many allowed ids: what a real bus carries (a BMS sends tens of ids), against a large table.</summary>
    public const int BusIds = 64;

    /// <summary>
    /// 1 and 2,048 rules for each mix. The 2,048-rule table decides the 1-rule case's very frames
    /// (its rule first, the others never hit): only the table's size differs, which is what "flat"
    /// is judged on. Then traffic over every rule and over <see cref="BusIds"/> of them: there the
    /// traffic's spread (caches, branch prediction) adds its own cost. The 8-mask table is the
    /// index's worst case (its limit).
    /// </summary>
    private static RuleTable StandardTwin() => DecisionTables.Behind(DecisionTables.StandardSingle, DecisionTables.StandardLarge);

    private static RuleTable ExtendedTwin() => DecisionTables.Behind(DecisionTables.ExtendedSingle, () => DecisionTables.ExtendedLarge(7));

    /// <summary>The case called <paramref name="name"/> (<see cref="DecideCase.Name"/>).</summary>
    public static DecideCase Named(string name) => All.First(c => c.Name == name);

    /// <summary>The cases, in report order.</summary>
    public static IReadOnlyList<DecideCase> All { get; } =
    [
        new("standard", "1", DecisionTables.StandardSingle, false, Twin: StandardTwin),
        new("standard", "2,048, the 1-rule traffic", StandardTwin, false, TrafficOf: DecisionTables.StandardSingle),
        new("standard", "2,048", DecisionTables.StandardLarge, false),
        new("standard", $"2,048, {BusIds} ids hit", DecisionTables.StandardLarge, false, BusIds),
        new("extended", "1", DecisionTables.ExtendedSingle, true, Twin: ExtendedTwin),
        new("extended", "2,048 (8 masks), the 1-rule traffic", ExtendedTwin, true, TrafficOf: DecisionTables.ExtendedSingle),
        new("extended", "2,048 (3 masks)", () => DecisionTables.ExtendedLarge(2), true),
        new("extended", $"2,048 (3 masks), {BusIds} ids hit", () => DecisionTables.ExtendedLarge(2), true, BusIds),
        new("extended", "2,048 (8 masks)", () => DecisionTables.ExtendedLarge(7), true),
    ];
}
