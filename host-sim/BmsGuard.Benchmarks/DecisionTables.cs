using System.Globalization;
using System.Text;
using BmsGuard.Core;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.Benchmarks;

/// <summary>
/// The rule tables the Decide benchmark runs against, written as rule text and parsed with
/// <see cref="RuleTableText.Parse"/> so they are tables a user could provision. Exact-id rules
/// cycle through four kinds (plain, rate-limited, byte edit, both) so every forward path is hit.
/// </summary>
internal static class DecisionTables
{
    /// <summary>Simulated time between two frames: 4,000 frames/s, a busy 500 kbit/s bus.</summary>
    public const long FrameSpacingMicros = 250;

    /// <summary>Number of rules in the large tables.</summary>
    public const int Large = 2048;

    /// <summary>Standard ids the large standard table allows (0x000-0x6FF); 0x700-0x7FF (diagnostics) stays in.</summary>
    public const int AllowedStandardIds = 0x700;

    // The 1-rule tables see their id every ~333 us; this limit drops roughly every other frame
    // of it, like the large tables' 500 ms limit does for ids seen about every 600 ms.
    private const string SingleRuleLimit = "every=400us";
    private const string LargeTableLimit = "every=500ms";

    /// <summary>1 rule: standard id 0x1F0, rate-limited and blanked (the heaviest forward path).</summary>
    public static RuleTable StandardSingle() =>
        Parse($"rule pack id=0x1F0 mask=0x7FF {SingleRuleLimit} and=FFFF00000000FFFF\n");

    /// <summary>1 rule: one exact extended id, rate-limited and blanked.</summary>
    public static RuleTable ExtendedSingle() =>
        Parse($"rule charger id=0x18FF50E5 mask=0x1FFFFFFF ext {SingleRuleLimit} and=FFFF00000000FFFF\n");

    /// <summary>
    /// 2,048 rules for the standard mix: 1,792 distinct exact standard ids (every id but the
    /// diagnostic range, since exact rules on all 2,048 ids would leave no frame to drop) plus
    /// 256 exact extended ids, which a standard frame never reaches.
    /// </summary>
    public static RuleTable StandardLarge()
    {
        var text = new StringBuilder();
        for (int i = 0; i < AllowedStandardIds; i++)
        {
            AppendExact(text, i, (uint)i, false);
        }

        int n = AllowedStandardIds;
        foreach (uint id in DistinctExtendedIds(new Xorshift(7), Large - AllowedStandardIds))
        {
            AppendExact(text, n++, id, true);
        }

        return Parse(text.ToString());
    }

    /// <summary>
    /// 2,048 extended rules: exact J1939-style ids plus 8 masked rules over
    /// <paramref name="masks"/> distinct masks (1..7), so the index has masks + 1 groups.
    /// </summary>
    public static RuleTable ExtendedLarge(int masks)
    {
        var text = new StringBuilder();
        int n = 0;
        foreach (uint id in DistinctExtendedIds(new Xorshift(11), Large - 8))
        {
            AppendExact(text, n++, id, true);
        }

        // Real masks: any source address, any priority, PGN range; further ones only to reach the limit.
        uint[] pool = [0x1FFFFF00, 0x03FFFF00, 0x1FFF0000, 0x00FFFF00, 0x1FFFF000, 0x1FFFFFF0, 0x03FF0000];
        for (int m = 0; m < 8; m++)
        {
            uint mask = pool[m % masks];
            uint key = (0x18E000F0u | ((uint)m << 16) | ((uint)m << 8)) & mask;
            text.Append(CultureInfo.InvariantCulture, $"rule masked{m} id=0x{key:X8} mask=0x{mask:X8} ext\n");
        }

        return Parse(text.ToString());
    }

    /// <summary>
    /// The rule of <paramref name="single"/> followed by the rules of <paramref name="large"/>
    /// (the last one dropped, to stay at 2,048 rules): frames of the single rule's id get the same
    /// verdicts as in the single-rule table, from a table of the large one's size.
    /// </summary>
    public static RuleTable Behind(Func<RuleTable> single, Func<RuleTable> large)
    {
        RuleTable first = single();
        RuleTable rest = large();
        var table = new RuleTable();
        table.Add(first[0]);
        for (int i = 0; i < rest.Count - 1; i++)
        {
            table.Add(rest[i]);
        }

        return table.Compile() ? table : throw new InvalidOperationException("benchmark rule table: " + table.CompileError);
    }

    private static void AppendExact(StringBuilder text, int n, uint id, bool extended)
    {
        string filter = extended
            ? $"id=0x{id:X8} mask=0x1FFFFFFF ext"
            : $"id=0x{id:X3} mask=0x7FF";
        string options = (n % 4) switch
        {
            0 => "",
            1 => LargeTableLimit,
            2 => "and=FFFF00000000FFFF",
            _ => LargeTableLimit + " and=FFFF00000000FFFF",
        };
        text.Append(CultureInfo.InvariantCulture, $"rule r{(extended ? "x" : "s")}{n} {filter} {options}\n");
    }

    // Priority 6, random PGN and source address: what a J1939 bus carries.
    private static IEnumerable<uint> DistinctExtendedIds(Xorshift rng, int count)
    {
        var seen = new HashSet<uint>();
        while (seen.Count < count)
        {
            uint id = 0x18000000u | (uint)(rng.Next() & 0x00FFFFFF);
            if (seen.Add(id))
            {
                yield return id;
            }
        }
    }

    private static RuleTable Parse(string text)
    {
        RuleTable? table = RuleTableText.Parse(text, out int line, out string error);
        return table ?? throw new InvalidOperationException($"benchmark rule table, line {line}: {error}");
    }
}
