using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>One Decide case: a frame mix against a rule table; <paramref name="HitRules"/> &gt; 0 limits the allowed ids the traffic uses.</summary>
internal sealed record DecideCase(string Mix, string Rules, Func<RuleTable> Table, bool Extended, int HitRules = 0);

/// <summary>The cases of part 1, in report order; a case is named by its index on the child command line.</summary>
internal static class DecideCases
{
    /// <summary>Traffic on this many allowed ids: what a real bus carries (a BMS sends tens of ids), against a large table.</summary>
    public const int BusIds = 64;

    /// <summary>
    /// 1 and 2,048 rules for each mix, the large tables once with traffic over every rule and once
    /// over <see cref="BusIds"/> of them (separates the table's size from the traffic's spread);
    /// the 8-mask table is the index's worst case (its limit).
    /// </summary>
    public static IReadOnlyList<DecideCase> All { get; } =
    [
        new("standard", "1", DecisionTables.StandardSingle, false),
        new("standard", "2,048", DecisionTables.StandardLarge, false),
        new("standard", $"2,048, {BusIds} ids hit", DecisionTables.StandardLarge, false, BusIds),
        new("extended", "1", DecisionTables.ExtendedSingle, true),
        new("extended", "2,048 (3 masks)", () => DecisionTables.ExtendedLarge(2), true),
        new("extended", $"2,048 (3 masks), {BusIds} ids hit", () => DecisionTables.ExtendedLarge(2), true, BusIds),
        new("extended", "2,048 (8 masks)", () => DecisionTables.ExtendedLarge(7), true),
    ];
}
