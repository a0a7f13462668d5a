namespace BmsGuard.HostSim.Egress;

/// <summary>What left, per destination and topic (and per signal with a policy), in the range.</summary>
/// <param name="Destination">Broker <c>host:port</c> or <see cref="OutboxWriter.NotSent"/>.</param>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Messages">Outbox lines (publishes, resends included).</param>
/// <param name="Resent">Of those, lines paired with a resend record.</param>
/// <param name="Bytes">Payload bytes of those lines.</param>
/// <param name="FirstMicros">Time of the first line.</param>
/// <param name="LastMicros">Time of the last line.</param>
public sealed record EgressRow(string Destination, string Topic, int Messages, int Resent, long Bytes, long FirstMicros, long LastMicros);

/// <summary>Samples of one policy signal in the payloads that left in the range.</summary>
public sealed record EgressSignalRow(int Index, string Name, long Samples, long FirstMicros, long LastMicros);

/// <summary>The result of <see cref="EgressReport.Build"/>.</summary>
public sealed class EgressResult
{
    /// <summary>Rows ordered by destination, then topic (ordinal).</summary>
    public List<EgressRow> Rows { get; } = [];

    /// <summary>Per-signal rows in policy order; null without a policy or a decoder.</summary>
    public List<EgressSignalRow>? Signals { get; set; }

    /// <summary>Why <see cref="Signals"/> is null although a policy was given.</summary>
    public string? SignalsUnavailable { get; set; }

    /// <summary>Mismatches and chain problems, each <c>FILE:LINE</c> or <c>LOG:OFFSET</c> and the reason; any makes the exit code 1.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Things worth knowing that do not fail the check (a torn tail, a broker off the policy's list).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Publish records of other runs (boots) than the outbox's, not paired with its lines.</summary>
    public int OtherRunRecords { get; set; }

    /// <summary>Audit records that verified.</summary>
    public int AuditRecords { get; set; }

    /// <summary>Verified publish records in the range.</summary>
    public int PublishRecords { get; set; }

    /// <summary>Of those, resends.</summary>
    public int ResendRecords { get; set; }

    /// <summary>Outbox lines in the range.</summary>
    public int Lines { get; set; }

    /// <summary>Outbox lines in the range paired exactly with a publish record.</summary>
    public int Verified { get; set; }
}
