using System.Globalization;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;

namespace BmsGuard.HostSim.Report;

/// <summary>What an audit record's detail names: the command type, or the UDS request's CAN id and service.</summary>
public static class AttemptSubject
{
    /// <summary>A short text for the record's subject, e.g. <c>open-contactors</c>, <c>UDS 7E4 27 01</c> or <c>26992 records not written</c>.</summary>
    public static string Of(int kind, byte[] detail)
    {
        switch (kind)
        {
            case AuditKind.CommandAccepted or AuditKind.CommandDenied or AuditKind.CommandNotExecuted or AuditKind.SecOcAccepted or AuditKind.SecOcDenied
                when detail.Length > 0:
                return CommandType.Name(detail[0]);
            case AuditKind.UdsAllowed or AuditKind.UdsDenied when detail.Length >= 4:
                uint id = ((uint)detail[0] << 24) | ((uint)detail[1] << 16) | ((uint)detail[2] << 8) | detail[3];
                string service = detail.Length > 4 ? " " + string.Join(' ', detail.Skip(4).Select(b => b.ToString("X2", CultureInfo.InvariantCulture))) : string.Empty;
                return "UDS " + id.ToString("X3", CultureInfo.InvariantCulture) + service;
            case AuditKind.RecordsSuppressed when detail.Length >= 4:
                return AuditRecord.GetUInt32(detail, 0).ToString(CultureInfo.InvariantCulture) + " records not written";
            case AuditKind.KeyProvisioned or AuditKind.KeyRotated or AuditKind.KeyRevoked when detail.Length >= 2:
                return "key " + ((detail[0] << 8) | detail[1]).ToString(CultureInfo.InvariantCulture);
            default:
                return AuditKind.Name(kind);
        }
    }
}
