using BmsGuard.Core;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.Benchmarks;

/// <summary>
/// A pre-generated frame stream for the Decide loop, as flat arrays so the loop does nothing but
/// call <see cref="Gateway.Decide"/>: three quarters of the frames carry an id some rule allows
/// (uniform over the rules, or over a few of them), the rest an id no rule allows.
/// </summary>
internal sealed class DecisionStream
{
    /// <summary>Frames per pass; small enough that the arrays stay in L2 like a receive path's would.</summary>
    public const int Length = 1 << 14;

    /// <summary>Distinct payload buffers, reused round-robin: a received payload is hot in cache.</summary>
    public const int PayloadBuffers = 256;

    /// <summary>Share of frames whose id a rule allows.</summary>
    public const double HitShare = 0.75;

    /// <summary>Flag bit: 29-bit identifier.</summary>
    public const byte ExtendedFlag = 1;

    /// <summary>Flag bit: remote (RTR) frame.</summary>
    public const byte RemoteFlag = 2;

    private DecisionStream(uint[] ids, byte[] flags, byte[] lengths, byte[][] payloads)
    {
        Ids = ids;
        Flags = flags;
        Lengths = lengths;
        Payloads = payloads;
    }

    /// <summary>Frame identifiers.</summary>
    public uint[] Ids { get; }

    /// <summary><see cref="ExtendedFlag"/> and <see cref="RemoteFlag"/> per frame.</summary>
    public byte[] Flags { get; }

    /// <summary>Data length per frame.</summary>
    public byte[] Lengths { get; }

    /// <summary><see cref="PayloadBuffers"/> 8-byte payloads; frame i uses buffer i mod their number.</summary>
    public byte[][] Payloads { get; }

    /// <summary>
    /// Builds a stream of <paramref name="extended"/> frames against <paramref name="table"/>; the
    /// allowed ids come from <paramref name="hitRules"/> rules picked at random (0: from every rule).
    /// The ids that no rule allows are allowed by no rule of <paramref name="alsoUnmatchedIn"/> either.
    /// </summary>
    public static DecisionStream Build(RuleTable table, bool extended, int hitRules, ulong seed, RuleTable? alsoUnmatchedIn = null)
    {
        var rng = new Xorshift(seed);
        var rules = Enumerable.Range(0, table.Count).Select(i => table[i]).Where(r => r.Extended == extended && !r.Inverse).ToArray();
        if (rules.Length == 0)
        {
            throw new ArgumentException("the table has no rule for this id type", nameof(table));
        }

        if (hitRules > 0 && hitRules < rules.Length)
        {
            rules = rules.OrderBy(_ => rng.Next()).Take(hitRules).ToArray();
        }

        uint width = extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax;
        var ids = new uint[Length];
        var flags = new byte[Length];
        var lengths = new byte[Length];
        for (int i = 0; i < Length; i++)
        {
            ids[i] = rng.Symmetric() < (HitShare * 2) - 1
                ? Matching(rules[rng.Below(rules.Length)], width, rng)
                : Unmatched(table.Index, alsoUnmatchedIn?.Index, extended, width, rng);
            flags[i] = extended ? ExtendedFlag : (byte)0;
            lengths[i] = 8;
        }

        var payloads = new byte[PayloadBuffers][];
        for (int b = 0; b < PayloadBuffers; b++)
        {
            payloads[b] = BitConverter.GetBytes(rng.Next());
        }

        return new DecisionStream(ids, flags, lengths, payloads);
    }

    // The rule's key with random bits where its mask leaves them free.
    private static uint Matching(FilterRule rule, uint width, Xorshift rng) =>
        rule.Key | ((uint)rng.Next() & ~rule.Mask & width);

    private static uint Unmatched(RuleIndex index, RuleIndex? other, bool extended, uint width, Xorshift rng)
    {
        while (true)
        {
            uint id = (uint)rng.Next() & width;
            if (index.Find(id, extended) == RuleIndex.NoRule && (other == null || other.Find(id, extended) == RuleIndex.NoRule))
            {
                return id;
            }
        }
    }
}
