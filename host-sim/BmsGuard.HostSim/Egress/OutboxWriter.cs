using System.Globalization;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Writes the outbox file: one line per publish handed to the broker link, so the owner can check it
/// against the audit log (<c>bmsguard egress report</c>). Format (read back by <see cref="OutboxReader"/>):
/// <code>
/// # comment
/// TIME DESTINATION TOPIC SIZE HEX
/// 1767225600.000250 broker.example:8883 bms/v1/telemetry 4 0A0B0C0D
/// </code>
/// TIME: unix seconds with 6 decimals (the time the uplink published, the same clock as its audit record);
/// DESTINATION: <c>host:port</c>, or <see cref="NotSent"/> when nothing was sent; SIZE: payload bytes;
/// HEX: the payload in uppercase hex, <c>-</c> for an empty payload. Fields are separated by one space.
/// Every line is flushed before <see cref="Write"/> returns; calls may come from any thread.
/// </summary>
public sealed class OutboxWriter : IDisposable
{
    /// <summary>The destination of a publish that was only written to the outbox, not sent.</summary>
    public const string NotSent = "outbox";

    /// <summary>What an empty payload is written as.</summary>
    public const string EmptyPayload = "-";

    /// <summary>The comment a new outbox file starts with.</summary>
    public const string Header = "# bmsguard outbox v1: TIME DESTINATION TOPIC SIZE HEX";

    /// <summary>
    /// The comment that names the run the lines after it belong to: the sequence number of the guard's
    /// boot record in its audit log (<see cref="WriteBoot"/>). The egress report pairs those lines with
    /// that run's publish records only: the same drive replayed twice into one guard directory
    /// publishes the same payloads twice, and payloads alone cannot tell the runs apart.
    /// </summary>
    public const string BootComment = "# boot: audit record seq=";

    private readonly TextWriter _writer;
    private readonly bool _owns;
    private readonly object _gate = new();

    /// <summary>Writes to <paramref name="writer"/>; disposes it with this writer when <paramref name="ownsWriter"/>.</summary>
    public OutboxWriter(TextWriter writer, bool ownsWriter = false)
    {
        _writer = writer;
        _owns = ownsWriter;
    }

    /// <summary>Opens <paramref name="path"/> for appending; a new or empty file gets the <see cref="Header"/> line.</summary>
    public static OutboxWriter Open(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream) { NewLine = "\n" };
        if (stream.Length == 0)
        {
            writer.WriteLine(Header);
            writer.Flush();
        }

        return new OutboxWriter(writer, ownsWriter: true);
    }

    /// <summary>Notes that the publishes from here on come from the guard that booted with audit record <paramref name="sequence"/>.</summary>
    public void WriteBoot(uint sequence)
    {
        lock (_gate)
        {
            _writer.Write(BootComment);
            _writer.Write(sequence.ToString(CultureInfo.InvariantCulture));
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    /// <summary>Appends the line for one publish of the first <paramref name="length"/> bytes of <paramref name="payload"/>.</summary>
    /// <exception cref="ArgumentException">The destination is not <c>host:port</c> or <see cref="NotSent"/>, the topic is not publishable, or the length is out of range.</exception>
    public void Write(long timeMicros, string destination, string topic, byte[] payload, int length)
    {
        string line = Format(timeMicros, destination, topic, payload, length);
        lock (_gate)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    /// <summary>The outbox line for one publish (without the line break); checks as <see cref="Write"/>.</summary>
    public static string Format(long timeMicros, string destination, string topic, byte[] payload, int length)
    {
        if (timeMicros < 0)
        {
            throw new ArgumentException("outbox times are unix time, not before 1970", nameof(timeMicros));
        }

        string? bad = OutboxReader.CheckDestination(destination) ?? UplinkPolicy.CheckTopic(topic);
        if (bad != null)
        {
            throw new ArgumentException(bad);
        }

        if (length < 0 || length > payload.Length)
        {
            throw new ArgumentException($"length {length} is outside the {payload.Length}-byte payload", nameof(length));
        }

        string hex = length == 0 ? EmptyPayload : Convert.ToHexString(payload, 0, length);
        return string.Create(CultureInfo.InvariantCulture, $"{OutboxTime.Format(timeMicros)} {destination} {topic} {length} {hex}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_owns)
        {
            _writer.Dispose();
        }
    }
}
