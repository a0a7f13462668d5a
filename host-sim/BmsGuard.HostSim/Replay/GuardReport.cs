using System.Globalization;
using System.Text;
using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Text;
using BmsGuard.Core.Commands;
using BmsGuard.Core.SecOc;
using BmsGuard.Core.Telemetry;
using BmsGuard.Core.Uds;
using BmsGuard.Device;
using BmsGuard.HostSim.Audit;

namespace BmsGuard.HostSim.Replay;

/// <summary>What the TCU-side guard decided in a replay: verdict counts for the summary, and its audit log as text.</summary>
public static class GuardReport
{
    /// <summary>A summary line for each port that went over its receive budget (none when no port did).</summary>
    public static IEnumerable<string> ReceivePauses(Gateway gateway)
    {
        foreach (var port in new[] { GatewayPort.Bms, GatewayPort.Tcu })
        {
            var b = gateway.Budget(port);
            if (b.Pauses == 0)
            {
                continue;
            }

            string side = port == GatewayPort.Bms ? "bms" : "tcu";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"receive budget {side}: over {b.MaxFrames} frames per {TableValues.FormatDuration(b.WindowMicros)}, paused {b.Pauses} time(s) for {TableValues.FormatDuration(b.PauseMicros)}{(b.Paused ? ", still paused at the end" : "")}; {b.Flushed} frames held by the controller dropped unjudged (receive-paused), the rest lost in the controller (rx-overrun)");
        }
    }

    /// <summary>Summary lines: the guard's state, then command and diagnostic verdicts with counts.</summary>
    public static IReadOnlyList<string> Lines(Guard guard)
    {
        var lines = new List<string>
        {
            guard.Identity == null
                ? "guard: unprovisioned (no identity): every command is denied"
                : $"guard: vehicle {guard.Identity.Vin}, {guard.Keys.Count} key(s), state {StateLoad.Name(guard.Commands.LoadResult)}",
        };
        lines.Add("commands (signed envelopes): " + Counts(CommandVerdict.Count, v => guard.Commands.Count(v), CommandVerdict.Name));
        if (guard.SecOc != null)
        {
            var r = guard.SecOc.Receiver;
            lines.Add($"SecOC frames ({Role.Name(guard.SecOc.Role)} key): " + Counts(SecOcVerdict.Count, v => r.Count(v), SecOcVerdict.Name)
                + "; after authentication: " + Counts(CommandVerdict.Count, v => v == CommandVerdict.Accepted ? 0 : guard.SecOc.Denied(v), CommandVerdict.Name));
        }

        lines.Add("diagnostics (UDS from the TCU): " + Counts(UdsVerdict.Count, v => guard.Uds.Count(v), UdsVerdict.Name));
        string[] responseKinds = ["refused", "answers", "answer-frames", "flow-control"];
        lines.Add("diagnostic responses (BMS to TCU): " + Counts(responseKinds.Length, v => guard.Uds.ResponseCount(v), v => responseKinds[v]));
        lines.AddRange(TelemetryLines(guard.Telemetry));
        var budget = guard.Audit.Budget;
        int[] denials = [.. Enumerable.Range(0, 256).Where(AuditBudget.Budgeted)];
        if (denials.Any(k => budget.Suppressed(k) > 0))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"audit budget: over {budget.Allowance} records per kind per {TableValues.FormatDuration(budget.WindowMicros)}: ")
                + Counts(denials.Length, i => budget.Suppressed(denials[i]), i => AuditKind.Name(denials[i]))
                + " counted, not written (records-suppressed)");
        }

        if (guard.Ingress.ExecutionFailures > 0 || guard.Ingress.RepliesLost > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"warning: {guard.Ingress.ExecutionFailures} accepted command(s) not executed, {guard.Ingress.RepliesLost} reply frame(s) lost"));
        }

        return lines;
    }

    private static IEnumerable<string> TelemetryLines(GuardTelemetry t)
    {
        var inv = CultureInfo.InvariantCulture;
        var policy = t.Store.Active;
        if (policy == null)
        {
            yield return $"telemetry: no policy ({BundleReason.Name(t.Store.LastReason)}): nothing is published";
            yield break;
        }

        var p = t.Publisher!;
        yield return string.Create(inv, $"telemetry: policy v{t.Store.ActiveVersion} (owner key {t.Store.ActiveKeyId}), {policy.SignalCount} signals: {p.Samples} samples, {p.Identifiers} pseudonyms in {p.Batches} payloads, {p.Bytes} bytes; {t.Sanitizer!.FramesWithheld} frames to the TCU withheld by the policy");
        var u = t.Uplink;
        if (u == null)
        {
            yield return t.DestinationRefused > 0 ? "uplink: refused: the broker is not on the policy's list" : "uplink: none";
            yield break;
        }

        var c = u.Counters;
        yield return string.Create(inv, $"uplink: enqueued={c.Enqueued} published={c.Published} acknowledged={c.Acknowledged} resent={c.Resent} dropped: queue-full={c.DroppedQueueFull} over-budget={c.DroppedOverBudget} too-large={c.DroppedTooLarge}; pending={u.Pending}");
    }

    /// <summary>Writes the guard's audit log as text lines (see <see cref="AuditText.Record"/>).</summary>
    public static void WriteAudit(Guard guard, GuardFiles files, TextWriter output)
    {
        byte[] key = guard.Identity?.DeriveKey("audit") ?? new byte[32];
        var scanner = new AuditScanner(key);
        scanner.Start(files.Audit);
        for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
        {
            if (e is AuditScanner.Record or AuditScanner.Resumed)
            {
                output.WriteLine(AuditText.Record(scanner.RecordBytes));
            }
            else
            {
                output.WriteLine($"audit log problem at offset {scanner.Offset}: {AuditProblem.Name(scanner.Problem)}");
            }
        }
    }

    private static string Counts(int count, Func<int, long> of, Func<int, string> name)
    {
        var sb = new StringBuilder();
        for (int v = 0; v < count; v++)
        {
            long n = of(v);
            if (n > 0)
            {
                sb.Append(sb.Length == 0 ? string.Empty : ", ").Append(name(v)).Append('=').Append(n.ToString(CultureInfo.InvariantCulture));
            }
        }

        return sb.Length == 0 ? "none" : sb.ToString();
    }
}
