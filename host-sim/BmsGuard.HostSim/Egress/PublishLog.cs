using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// The audit log's side of the egress check: verifies the chain (<see cref="AuditVerifier"/>) and collects the
/// verified publish records in log order. Records in a broken region are not collected: they cannot be trusted.
/// </summary>
public sealed class PublishLog
{
    private PublishLog(AuditVerifier verifier, List<PublishRecord> records, List<string> malformed, List<(uint Sequence, int FirstRecord)> boots)
    {
        Chain = verifier;
        Records = records;
        Malformed = malformed;
        Boots = boots;
    }

    /// <summary>The chain check: records verified, first problem and its offset, torn tail.</summary>
    public AuditVerifier Chain { get; }

    /// <summary>Verified publish records in log order.</summary>
    public List<PublishRecord> Records { get; }

    /// <summary>Publish records whose detail is not the uplink's layout, as <c>LOG:OFFSET: reason</c>.</summary>
    public List<string> Malformed { get; }

    /// <summary>The verified boot records in log order: each one's sequence number and the index in <see cref="Records"/> of the first publish record after it.</summary>
    public List<(uint Sequence, int FirstRecord)> Boots { get; }

    /// <summary>
    /// The publish records of the run that started with boot record <paramref name="bootSequence"/>, up to
    /// the next boot (index range into <see cref="Records"/>); null when the log holds no such boot record.
    /// </summary>
    public (int From, int To)? RunOf(uint bootSequence)
    {
        for (int b = 0; b < Boots.Count; b++)
        {
            if (Boots[b].Sequence == bootSequence)
            {
                return (Boots[b].FirstRecord, b + 1 < Boots.Count ? Boots[b + 1].FirstRecord : Records.Count);
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="file"/> (kept under the audit <paramref name="key"/>); messages name <paramref name="name"/>.</summary>
    public static PublishLog Read(IStorageFile file, byte[] key, string name)
    {
        var verifier = new AuditVerifier(key);
        verifier.Verify(file, 0);
        var records = new List<PublishRecord>();
        var malformed = new List<string>();
        var boots = new List<(uint, int)>();
        var scanner = new AuditScanner(key);
        scanner.Start(file);
        for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
        {
            byte[] r = scanner.RecordBytes;
            if ((e == AuditScanner.Record || e == AuditScanner.Resumed) && AuditRecord.Kind(r) == AuditKind.Boot)
            {
                boots.Add((AuditRecord.Sequence(r, 0), records.Count));
            }

            if ((e != AuditScanner.Record && e != AuditScanner.Resumed) || AuditRecord.Kind(r) != AuditKind.Publish)
            {
                continue;
            }

            int n = AuditRecord.DetailLength(r);
            int reason = AuditRecord.Reason(r);
            if (n != UplinkAudit.DetailBytes || (reason != UplinkAudit.FirstSend && reason != UplinkAudit.Resend))
            {
                malformed.Add($"{name}:{scanner.Offset}: publish record seq={AuditRecord.Sequence(r, 0)} has {n} detail bytes and reason {reason}, not {UplinkAudit.DetailBytes} and 0 or 1");
                continue;
            }

            records.Add(new PublishRecord(scanner.Offset, AuditRecord.Sequence(r, 0), AuditRecord.TimeMicros(r), reason == UplinkAudit.Resend,
                r.AsSpan(AuditRecord.HeaderSize, n).ToArray()));
        }

        return new PublishLog(verifier, records, malformed, boots);
    }
}
