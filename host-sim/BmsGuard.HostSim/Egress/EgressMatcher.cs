namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Pairs outbox lines with publish records, both in their file order. A line pairs with the next record
/// that has the same topic digest, size and payload digest; records skipped on the way are resends (which
/// the outbox may omit) or first sends with no line. Then, between two paired anchors, a leftover line and
/// a leftover first send on the same topic are the same publish with a different size or payload
/// (tampered); what is still left is unlogged egress (lines) or missing transparency data (first sends).
/// </summary>
public static class EgressMatcher
{
    /// <summary>Matches <paramref name="lines"/> (with their described <paramref name="details"/>) to <paramref name="records"/>.</summary>
    public static EgressMatch Match(IReadOnlyList<OutboxLine> lines, IReadOnlyList<byte[]> details, IReadOnlyList<PublishRecord> records)
    {
        // Positions of each distinct detail, ascending: finding the next identical record is a binary search.
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < records.Count; k++)
        {
            string key = Convert.ToHexString(records[k].Detail);
            if (!positions.TryGetValue(key, out var list))
            {
                positions.Add(key, list = []);
            }

            list.Add(k);
        }

        int[] paired = new int[lines.Count];
        int cursor = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            paired[i] = -1;
            int j = Find(positions, details[i], cursor, records.Count);

            // A line that would skip first sends is out of place when the next line pairs inside the skipped span.
            if (j < 0 || (SkipsFirstSend(records, cursor, j) && i + 1 < lines.Count && Find(positions, details[i + 1], cursor, j) >= 0))
            {
                continue;
            }

            paired[i] = j;
            cursor = j + 1;
        }

        var match = new EgressMatch(paired);
        var gapLines = new List<int>();
        int previous = -1;
        for (int i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && paired[i] < 0)
            {
                gapLines.Add(i);
                continue;
            }

            int next = i < lines.Count ? paired[i] : records.Count;
            ResolveGap(match, gapLines, details, records, previous + 1, next);
            gapLines.Clear();
            previous = next;
        }

        return match;
    }

    private static void ResolveGap(EgressMatch match, List<int> gapLines, IReadOnlyList<byte[]> details, IReadOnlyList<PublishRecord> records, int from, int to)
    {
        bool[] taken = new bool[to - from];
        int after = from;
        foreach (int line in gapLines)
        {
            int k = after;
            while (k < to && (records[k].Resend || !records[k].SameTopic(details[line])))
            {
                k++;
            }

            if (k < to)
            {
                taken[k - from] = true;
                after = k + 1;
                match.Tampered.Add((line, records[k]));
            }
            else
            {
                match.Unlogged.Add(line);
            }
        }

        for (int k = from; k < to; k++)
        {
            if (!taken[k - from] && !records[k].Resend)
            {
                match.Missing.Add(records[k]);
            }
        }
    }

    // The first record in [from, to) with exactly this detail, or -1.
    private static int Find(Dictionary<string, List<int>> positions, byte[] detail, int from, int to)
    {
        if (!positions.TryGetValue(Convert.ToHexString(detail), out var list))
        {
            return -1;
        }

        int at = list.BinarySearch(from);
        at = at < 0 ? ~at : at;
        return at < list.Count && list[at] < to ? list[at] : -1;
    }

    private static bool SkipsFirstSend(IReadOnlyList<PublishRecord> records, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!records[k].Resend)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The outcome of <see cref="EgressMatcher.Match"/>; lines are indexes into the outbox list.</summary>
public sealed class EgressMatch(int[] paired)
{
    private readonly int[] _paired = paired;

    /// <summary>Index of the publish record line <paramref name="line"/> pairs with exactly, or -1.</summary>
    public int RecordOf(int line) => _paired[line];

    /// <summary>Lines that pair with a record of the same topic but a different size or payload digest.</summary>
    public List<(int Line, PublishRecord Record)> Tampered { get; } = [];

    /// <summary>Lines with no publish record: unlogged egress.</summary>
    public List<int> Unlogged { get; } = [];

    /// <summary>First-send records with no line: missing transparency data.</summary>
    public List<PublishRecord> Missing { get; } = [];
}
