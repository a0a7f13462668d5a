using System.Globalization;
using BmsGuard.Core.Audit;

namespace BmsGuard.HostSim.Audit;

/// <summary>The text forms of <c>bmsguard audit</c>: one line per record, one message per problem.</summary>
public static class AuditText
{
    /// <summary>
    /// A record as <c>TIME seq=N kind=NAME reason=N detail=HEX</c>, TIME in seconds with 6 decimals,
    /// e.g. <c>12.000345 seq=7 kind=uds-denied reason=2 detail=2710</c>.
    /// </summary>
    public static string Record(byte[] record)
    {
        long micros = AuditRecord.TimeMicros(record);
        string sign = micros < 0 ? "-" : string.Empty;
        ulong abs = micros < 0 ? (ulong)(-(micros + 1)) + 1 : (ulong)micros;
        string time = string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 1_000_000}.{abs % 1_000_000:D6}");
        string detail = Convert.ToHexString(record, AuditRecord.HeaderSize, AuditRecord.DetailLength(record));
        int kind = AuditRecord.Kind(record);
        int reason = AuditRecord.Reason(record);
        string? reasonName = ReasonName(kind, reason);
        string why = reasonName == null ? reason.ToString(CultureInfo.InvariantCulture) : $"{reason}:{reasonName}";
        return $"{time} seq={AuditRecord.Sequence(record, 0)} kind={AuditKind.Name(kind)} reason={why} detail={detail}";
    }

    /// <summary>The name of a record's reason code, which each kind takes from its component's verdicts; null when it has none.</summary>
    public static string? ReasonName(int kind, int reason) => kind switch
    {
        AuditKind.CommandAccepted or AuditKind.CommandDenied or AuditKind.RollbackDetected or AuditKind.KeyProvisioned
            or AuditKind.KeyRotated or AuditKind.KeyRevoked => BmsGuard.Core.Commands.CommandVerdict.Name(reason),
        AuditKind.UdsAllowed or AuditKind.UdsDenied => BmsGuard.Core.Uds.UdsVerdict.Name(reason),
        AuditKind.SecOcAccepted or AuditKind.SecOcDenied => BmsGuard.Core.SecOc.SecOcVerdict.Name(reason),
        AuditKind.Boot => BmsGuard.Core.Commands.StateLoad.Name(reason),
        AuditKind.PolicyLoaded => BmsGuard.Core.Telemetry.BundleReason.Name(reason),
        AuditKind.LogRecovered => reason == AuditProblem.Truncated ? "truncated" : reason == AuditProblem.TornTail ? "torn-tail" : null,
        AuditKind.RecordsSuppressed => AuditKind.Name(reason),
        AuditKind.LoopFault => BmsGuard.Core.Faults.LoopStep.Name(reason),
        _ => null,
    };

    /// <summary>What is wrong at <paramref name="offset"/> of <paramref name="log"/>, e.g. <c>LOG:340: expected sequence 4, found 5: deleted (sequence gap)</c>.</summary>
    public static string Problem(string log, long offset, int problem, uint expected, uint found)
    {
        string where = problem switch
        {
            AuditProblem.Edited when offset == 0 => $"sequence {expected}: {AuditProblem.Name(problem)}, or the key is wrong",
            AuditProblem.Edited => $"sequence {expected}: {AuditProblem.Name(problem)}",
            AuditProblem.Malformed => $"expected sequence {expected}: {AuditProblem.Name(problem)}",
            AuditProblem.Truncated => $"log ends at sequence {found}, expected at least {expected}: {AuditProblem.Name(problem)}",
            _ => $"expected sequence {expected}, found {found}: {AuditProblem.Name(problem)}",
        };
        return $"{log}:{offset}: {where}";
    }

    /// <summary>The warning for a torn tail.</summary>
    public static string TornTail(string log, long offset, long bytes) =>
        $"warning: {log}:{offset}: torn tail of {bytes} bytes (incomplete last record, power cut during an append); the device cuts it when it next opens the log";
}
