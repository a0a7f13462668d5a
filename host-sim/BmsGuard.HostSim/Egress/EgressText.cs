using System.Globalization;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// The printed egress report: a summary line, the range, a table per destination and topic with a total,
/// and with a policy a table per signal. Example:
/// <code>
/// outbox out.txt: 12 publishes in range, 12 in the audit log; audit audit.bin: 40 records verified, 12 publish records in range (1 resend)
/// range: everything
/// DESTINATION           TOPIC              MESSAGES  RESENT  BYTES  FIRST                        LAST
/// broker.example:8883   bms/v1/telemetry         11       1    704  2026-01-01T00:00:00.000000Z  2026-01-01T00:00:10.000000Z
/// total                                          12       1    768  2026-01-01T00:00:00.000000Z  2026-01-01T00:00:11.000000Z
/// </code>
/// </summary>
public static class EgressText
{
    /// <summary>Writes the report (not its problems and warnings) to <paramref name="output"/>.</summary>
    public static void Print(EgressResult r, string outboxName, string auditName, EgressRange range, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox {outboxName}: {r.Lines} publishes in range, {r.Verified} in the audit log; audit {auditName}: {r.AuditRecords} records verified, {r.PublishRecords} publish records in range ({r.ResendRecords} {(r.ResendRecords == 1 ? "resend" : "resends")})"));
        output.WriteLine($"range: {range}");
        if (r.OtherRunRecords > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: the outbox's run only; {r.OtherRunRecords} publish records of other runs in the audit log are not its egress"));
        }

        var rows = new List<string[]> { new[] { "DESTINATION", "TOPIC", "MESSAGES", "RESENT", "BYTES", "FIRST", "LAST" } };
        foreach (var row in r.Rows)
        {
            rows.Add([row.Destination, row.Topic, N(row.Messages), N(row.Resent), N(row.Bytes), OutboxTime.Iso(row.FirstMicros), OutboxTime.Iso(row.LastMicros)]);
        }

        if (r.Rows.Count == 0)
        {
            rows.Add(["total", string.Empty, "0", "0", "0", "-", "-"]);
        }
        else
        {
            rows.Add(["total", string.Empty, N(r.Rows.Sum(x => x.Messages)), N(r.Rows.Sum(x => x.Resent)), N(r.Rows.Sum(x => x.Bytes)),
                OutboxTime.Iso(r.Rows.Min(x => x.FirstMicros)), OutboxTime.Iso(r.Rows.Max(x => x.LastMicros))]);
        }

        Table(rows, [false, false, true, true, true, false, false], output);
        if (r.SignalsUnavailable != null)
        {
            output.WriteLine($"signals: not counted: {r.SignalsUnavailable}");
        }
        else if (r.Signals != null)
        {
            var signals = new List<string[]> { new[] { "SIGNAL", "SAMPLES", "FIRST", "LAST" } };
            foreach (var s in r.Signals)
            {
                signals.Add([s.Name, N(s.Samples), s.Samples == 0 ? "-" : OutboxTime.Iso(s.FirstMicros), s.Samples == 0 ? "-" : OutboxTime.Iso(s.LastMicros)]);
            }

            Table(signals, [false, true, false, false], output);
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    // Columns two spaces apart, numbers right-aligned; no trailing spaces.
    private static void Table(List<string[]> rows, bool[] right, TextWriter output)
    {
        int[] width = new int[right.Length];
        foreach (var row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                width[c] = Math.Max(width[c], row[c].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => right[c] ? cell.PadLeft(width[c]) : cell.PadRight(width[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
