using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.HostSim.Audit;
using BmsGuard.HostSim.Replay;

namespace BmsGuard.HostSim.Report;

/// <summary>One audited decision of this run: a command, diagnostic or key attempt, its verdict and the state it was judged on.</summary>
public sealed record Attempt(uint Sequence, long Micros, string Kind, string Reason, bool Allowed, string Subject, string Detail, StateAt? State);

/// <summary>The audit log's verification: records verified, and the first problem (null when the chain is whole).</summary>
public sealed record AuditCheck(int Records, uint LastSequence, string HeadTag, string? Problem, string? TornTail);

/// <summary>What the telemetry sanitizer did with one policy signal.</summary>
public sealed record SignalUse(string Name, string Action, string Treatment, long Seen, long Emitted, long Dropped);

/// <summary>What the sanitizer did with one identifier (serial, VIN...).</summary>
public sealed record IdentifierUse(string Name, string Action, long Emitted, long Unchanged);

/// <summary>What the guard reports at the end of a run: its summary lines, this run's audited attempts, the audit check, telemetry counters.</summary>
public sealed class GuardFindings
{
    /// <summary>The guard's summary lines (as in summary.txt).</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>This run's audited decisions, in log order (publish records only counted).</summary>
    public required IReadOnlyList<Attempt> Attempts { get; init; }

    /// <summary>Publish records of this run.</summary>
    public required int PublishRecords { get; init; }

    /// <summary>The chain check of the whole log.</summary>
    public required AuditCheck Audit { get; init; }

    /// <summary>The active telemetry policy; null when none.</summary>
    public required TelemetryPolicy? Policy { get; init; }

    /// <summary>Policy version, when one is active.</summary>
    public required uint PolicyVersion { get; init; }

    /// <summary>Per policy signal.</summary>
    public required IReadOnlyList<SignalUse> SignalUses { get; init; }

    /// <summary>Per policy identifier.</summary>
    public required IReadOnlyList<IdentifierUse> IdentifierUses { get; init; }

    /// <summary>Frames to the TCU withheld by the policy.</summary>
    public required long FramesWithheld { get; init; }

    /// <summary>Uplink counters, when there was an uplink.</summary>
    public required UplinkCounters? Uplink { get; init; }

    /// <summary>Reads everything from <paramref name="guard"/> after its run.</summary>
    public static GuardFindings Read(Guard guard, GuardFiles files, uint firstSequence, IReadOnlyList<StateAt> states)
    {
        byte[] key = guard.Identity?.DeriveKey("audit") ?? new byte[32];
        var attempts = new List<Attempt>();
        int publishes = 0;
        var scanner = new AuditScanner(key);
        scanner.Start(files.Audit);
        int s = 0;
        for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
        {
            if (e is not (AuditScanner.Record or AuditScanner.Resumed))
            {
                continue;
            }

            byte[] r = scanner.RecordBytes;
            uint seq = AuditRecord.Sequence(r, 0);
            int kind = AuditRecord.Kind(r);
            if (seq <= firstSequence || kind == AuditKind.Boot)
            {
                continue;
            }

            if (kind == AuditKind.Publish)
            {
                publishes++;
                continue;
            }

            while (s < states.Count && states[s].Sequence < seq)
            {
                s++;
            }

            var detail = r.AsSpan(AuditRecord.HeaderSize, AuditRecord.DetailLength(r)).ToArray();
            int reason = AuditRecord.Reason(r);
            attempts.Add(new Attempt(
                seq,
                AuditRecord.TimeMicros(r),
                AuditKind.Name(kind),
                (kind == AuditKind.PolicyLoaded ? BundleReason.Name(reason) : AuditText.ReasonName(kind, reason)) ?? reason.ToString(System.Globalization.CultureInfo.InvariantCulture),
                IsAllowed(kind, reason),
                AttemptSubject.Of(kind, detail),
                Convert.ToHexString(detail),
                s < states.Count ? states[s] : null));
        }

        var t = guard.Telemetry;
        var sanitizer = t.Sanitizer;
        var policy = sanitizer?.Policy;
        var signals = new List<SignalUse>();
        var identifiers = new List<IdentifierUse>();
        for (int i = 0; policy != null && i < policy.SignalCount; i++)
        {
            var signal = policy.Signal(i);
            signals.Add(new SignalUse(signal.Name, TelemetryAction.Name(signal.Treatment.Action), TreatmentText.Of(signal),
                sanitizer!.Seen(i), sanitizer.Emitted(i), sanitizer.Dropped(i)));
        }

        for (int i = 0; policy != null && i < policy.IdentifierCount; i++)
        {
            var id = policy.Identifier(i);
            identifiers.Add(new IdentifierUse(id.Name, IdentifierAction.Name(id.Action), sanitizer!.IdentifierEmitted(i), sanitizer.IdentifierUnchanged(i)));
        }

        return new GuardFindings
        {
            Lines = GuardReport.Lines(guard),
            Attempts = attempts,
            PublishRecords = publishes,
            Audit = Verify(files.Audit, key),
            Policy = policy,
            PolicyVersion = t.Store.ActiveVersion,
            SignalUses = signals,
            IdentifierUses = identifiers,
            FramesWithheld = sanitizer?.FramesWithheld ?? 0,
            Uplink = t.Uplink?.Counters,
        };
    }

    // Kinds that record a let-through (their reason is the component's 0 = accepted) against refusals.
    private static bool IsAllowed(int kind, int reason) =>
        kind is AuditKind.WindowOpened or AuditKind.WindowClosed or AuditKind.SecOcLockoutEnded
        || (reason == 0 && kind is AuditKind.CommandAccepted or AuditKind.UdsAllowed or AuditKind.SecOcAccepted
            or AuditKind.KeyProvisioned or AuditKind.KeyRotated or AuditKind.KeyRevoked or AuditKind.PolicyLoaded);

    private static AuditCheck Verify(Core.Storage.IStorageFile log, byte[] key)
    {
        var verifier = new AuditVerifier(key);
        int problem = verifier.Verify(log, 0);
        byte[] head = new byte[AuditRecord.TagSize];
        verifier.CopyHeadTag(head, 0);
        string? message = problem == AuditProblem.None
            ? null
            : AuditText.Problem("audit.log", verifier.FirstProblemOffset, problem, verifier.ExpectedSequence, verifier.FoundSequence);
        string? torn = verifier.TornTailOffset >= 0 ? AuditText.TornTail("audit.log", verifier.TornTailOffset, verifier.TornTailBytes) : null;
        return new AuditCheck(verifier.Records, verifier.LastSequence, Convert.ToHexString(head), message, torn);
    }
}
