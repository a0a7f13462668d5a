using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Audit;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Builds the egress report: outbox lines against the audit log's publish records (<see cref="EgressMatcher"/>),
/// totals per destination and topic, samples per signal through an <see cref="IPayloadDecoder"/>. Matching
/// runs over both files whole, so a range boundary never splits a pair; the range then selects the lines
/// counted and the mismatches reported (a line by its time, a record with no line by the record's time:
/// both carry the uplink's clock). A broken audit chain is reported whatever the range.
/// </summary>
public static class EgressReport
{
    /// <summary>
    /// Builds the report; <paramref name="outboxName"/> and <paramref name="auditName"/> name the files in
    /// messages. With <paramref name="boot"/> (the outbox's run, <see cref="OutboxWriter.BootComment"/>) the
    /// lines pair only with the publish records of that run, from its boot record to the next one.
    /// </summary>
    public static EgressResult Build(IReadOnlyList<OutboxLine> lines, string outboxName, PublishLog log, string auditName,
        EgressRange range, TelemetryPolicy? policy, IPayloadDecoder? decoder, uint? boot = null)
    {
        var result = new EgressResult { AuditRecords = log.Chain.Records };
        ChainProblems(log, auditName, result);
        var records = log.Records;
        if (boot is { } seq)
        {
            if (log.RunOf(seq) is { } run)
            {
                records = log.Records.GetRange(run.From, run.To - run.From);
                result.OtherRunRecords = log.Records.Count - records.Count;
            }
            else
            {
                result.Problems.Add($"{outboxName}: the outbox is of the run that booted with audit record seq={seq}, which {auditName} does not hold (another guard's log, or records lost)");
                records = [];
            }
        }
        else if (log.Boots.Count > 1)
        {
            result.Warnings.Add($"{outboxName} names no boot record (written before runs were marked): its lines are paired with the publish records of all {log.Boots.Count} runs in {auditName}, and records of other runs count as missing");
        }

        var digests = new PublishDigests();
        var details = lines.Select(digests.Describe).ToList();
        var match = EgressMatcher.Match(lines, details, records);
        var topicNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            topicNames.TryAdd(Convert.ToHexString(details[i], 0, UplinkAudit.TopicDigestBytes), lines[i].Topic);
        }

        foreach (var r in records.Where(r => range.Contains(r.TimeMicros)))
        {
            result.PublishRecords++;
            result.ResendRecords += r.Resend ? 1 : 0;
        }

        var inRange = Enumerable.Range(0, lines.Count).Where(i => range.Contains(lines[i].TimeMicros)).ToList();
        result.Lines = inRange.Count;
        result.Verified = inRange.Count(i => match.RecordOf(i) >= 0);
        Totals(lines, inRange, match, records, result);
        Mismatches(lines, outboxName, auditName, range, match, topicNames, result);
        if (policy != null)
        {
            PolicyChecks(lines, inRange, outboxName, policy, result);
            if (decoder == null)
            {
                result.SignalsUnavailable = "this build has no decoder for the telemetry payload format";
            }
            else
            {
                result.Signals = Signals(lines, inRange, outboxName, policy, decoder, result);
            }
        }

        return result;
    }

    private static void ChainProblems(PublishLog log, string auditName, EgressResult result)
    {
        var chain = log.Chain;
        if (chain.FirstProblem != AuditProblem.None)
        {
            string message = AuditText.Problem(auditName, chain.FirstProblemOffset, chain.FirstProblem, chain.ExpectedSequence, chain.FoundSequence);
            if (chain.Breaks > 1 || chain.Resumptions > 0)
            {
                message += $" ({chain.Breaks} chain breaks in all, {chain.Resumptions} marked by the device); publish records in broken regions are not counted";
            }

            result.Problems.Add(message);
        }

        if (chain.TornTailOffset >= 0)
        {
            string torn = AuditText.TornTail(auditName, chain.TornTailOffset, chain.TornTailBytes);
            result.Warnings.Add(torn.StartsWith("warning: ", StringComparison.Ordinal) ? torn["warning: ".Length..] : torn);
        }

        result.Problems.AddRange(log.Malformed);
    }

    private static void Totals(IReadOnlyList<OutboxLine> lines, List<int> inRange, EgressMatch match, List<PublishRecord> records, EgressResult result)
    {
        var groups = inRange.GroupBy(i => (lines[i].Destination, lines[i].Topic))
            .OrderBy(g => g.Key.Destination, StringComparer.Ordinal).ThenBy(g => g.Key.Topic, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            result.Rows.Add(new EgressRow(g.Key.Destination, g.Key.Topic, g.Count(),
                g.Count(i => match.RecordOf(i) >= 0 && records[match.RecordOf(i)].Resend),
                g.Sum(i => (long)lines[i].Payload.Length), g.Min(i => lines[i].TimeMicros), g.Max(i => lines[i].TimeMicros)));
        }
    }

    private static void Mismatches(IReadOnlyList<OutboxLine> lines, string outboxName, string auditName, EgressRange range,
        EgressMatch match, Dictionary<string, string> topicNames, EgressResult result)
    {
        var found = new List<(long Order, string Message)>();
        foreach (int i in match.Unlogged.Where(i => range.Contains(lines[i].TimeMicros)))
        {
            var l = lines[i];
            found.Add((l.Line, $"{outboxName}:{l.Line}: unlogged egress: {l.Payload.Length} bytes to {l.Destination} on {l.Topic} at {OutboxTime.Iso(l.TimeMicros)} have no publish record in {auditName}"));
        }

        foreach (var (i, r) in match.Tampered.Where(t => range.Contains(lines[t.Line].TimeMicros)))
        {
            var l = lines[i];
            string what = l.Payload.Length != r.Size ? $"size {l.Payload.Length} bytes, the record says {r.Size}" : "payload digest differs";
            found.Add((l.Line, $"{outboxName}:{l.Line}: tampered: {what} (publish record seq={r.Sequence} at {auditName}:{r.Offset}, {l.Topic})"));
        }

        foreach (var r in match.Missing.Where(r => range.Contains(r.TimeMicros)))
        {
            string topic = topicNames.GetValueOrDefault(r.TopicDigestHex) ?? "topic digest " + r.TopicDigestHex;
            found.Add((long.MaxValue, $"{auditName}:{r.Offset}: missing transparency data: publish record seq={r.Sequence} at {OutboxTime.Iso(r.TimeMicros)} ({r.Size} bytes on {topic}) has no line in {outboxName}"));
        }

        // Outbox problems in line order, then audit records in log order (Missing is in log order already).
        result.Problems.AddRange(found.OrderBy(f => f.Order).Select(f => f.Message));
    }

    private static void PolicyChecks(IReadOnlyList<OutboxLine> lines, List<int> inRange, string outboxName, TelemetryPolicy policy, EgressResult result)
    {
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (int i in inRange)
        {
            var l = lines[i];
            string host = l.Destination == OutboxWriter.NotSent ? string.Empty : l.Destination[..l.Destination.LastIndexOf(':')].Trim('[', ']');
            if (host.Length > 0 && !policy.IsBrokerAllowed(host) && warned.Add("broker " + host))
            {
                result.Warnings.Add($"{outboxName}:{l.Line}: broker {host} is not on the policy's broker list");
            }

            if (!policy.IsTopicAllowed(l.Topic) && warned.Add("topic " + l.Topic))
            {
                result.Warnings.Add($"{outboxName}:{l.Line}: topic {l.Topic} is outside the policy's topic prefix '{policy.TopicPrefix}'");
            }
        }
    }

    private static List<EgressSignalRow> Signals(IReadOnlyList<OutboxLine> lines, List<int> inRange, string outboxName, TelemetryPolicy policy,
        IPayloadDecoder decoder, EgressResult result)
    {
        int n = policy.SignalCount;
        long[] samples = new long[n];
        long[] first = new long[n];
        long[] last = new long[n];
        foreach (int i in inRange)
        {
            var l = lines[i];
            int? unknown = null;
            bool ok = decoder.TryDecode(l.Topic, l.Payload, l.Payload.Length, (signal, micros) =>
            {
                if (signal < 0 || signal >= n)
                {
                    unknown = signal;
                    return;
                }

                first[signal] = samples[signal] == 0 || micros < first[signal] ? micros : first[signal];
                last[signal] = samples[signal] == 0 || micros > last[signal] ? micros : last[signal];
                samples[signal]++;
            }, out string? error);
            if (!ok)
            {
                result.Problems.Add($"{outboxName}:{l.Line}: payload does not decode: {error}");
            }
            else if (unknown != null)
            {
                result.Problems.Add($"{outboxName}:{l.Line}: payload carries signal {unknown}, the policy has {n} signals");
            }
        }

        return Enumerable.Range(0, n).Select(s => new EgressSignalRow(s, policy.Signal(s).Name, samples[s], first[s], last[s])).ToList();
    }
}
