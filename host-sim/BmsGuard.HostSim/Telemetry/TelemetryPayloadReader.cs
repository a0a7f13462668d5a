using System.Buffers.Binary;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Telemetry;

/// <summary>
/// Decodes the telemetry payloads the guard publishes (layout: <see cref="TelemetryBatch"/>) back into
/// samples and pseudonyms with absolute times. Payloads arrive from the network: every field is checked
/// and the first problem is a <see cref="TelemetryPayloadException"/> naming its byte offset.
/// </summary>
public static class TelemetryPayloadReader
{
    /// <summary>Decodes one whole payload.</summary>
    /// <exception cref="TelemetryPayloadException">The payload is malformed (truncated, unknown version or kind, bad varint, out-of-range time or length, trailing bytes).</exception>
    public static TelemetryPayload Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < TelemetryBatch.HeaderSize)
        {
            throw new TelemetryPayloadException(payload.Length, $"truncated header: {payload.Length} of {TelemetryBatch.HeaderSize} bytes");
        }

        if (payload[0] != TelemetryBatch.FormatVersion)
        {
            throw new TelemetryPayloadException(0, $"unsupported format version {payload[0]} (this reader knows {TelemetryBatch.FormatVersion})");
        }

        int kind = payload[1];
        if (kind != TelemetryBatch.SampleKind && kind != TelemetryBatch.IdentifierKind)
        {
            throw new TelemetryPayloadException(1, $"unknown payload kind {kind}");
        }

        uint policyVersion = BinaryPrimitives.ReadUInt32LittleEndian(payload[2..]);
        ulong baseTime = BinaryPrimitives.ReadUInt64LittleEndian(payload[6..]);
        if (baseTime > long.MaxValue)
        {
            throw new TelemetryPayloadException(6, "base time beyond the 64-bit signed range");
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(payload[14..]);
        if (count == 0)
        {
            throw new TelemetryPayloadException(14, "record count is 0 (the guard never sends an empty payload)");
        }

        var samples = new List<TelemetrySampleRecord>(kind == TelemetryBatch.SampleKind ? count : 0);
        var pseudonyms = new List<TelemetryPseudonymRecord>();
        int at = TelemetryBatch.HeaderSize;
        long time = (long)baseTime;
        for (int r = 0; r < count; r++)
        {
            if (at >= payload.Length)
            {
                throw new TelemetryPayloadException(at, $"truncated: record {r} of {count} missing");
            }

            int index = payload[at++];
            int deltaAt = at;
            long delta = Unzigzag(ReadVarint(payload, ref at));
            if (r == 0 && delta != 0)
            {
                throw new TelemetryPayloadException(deltaAt, $"the first record's time delta is {delta}, not 0");
            }

            if (delta < TelemetryBatch.MinDeltaMillis || delta > TelemetryBatch.MaxDeltaMillis)
            {
                throw new TelemetryPayloadException(deltaAt, $"time delta {delta} ms outside the 32-bit range");
            }

            time += delta;
            if (time < 0)
            {
                throw new TelemetryPayloadException(deltaAt, $"record {r} lies before 1970 (time {time} ms)");
            }

            if (kind == TelemetryBatch.SampleKind)
            {
                long value = Unzigzag(ReadVarint(payload, ref at));
                samples.Add(new TelemetrySampleRecord(index, time, value));
                continue;
            }

            if (at >= payload.Length)
            {
                throw new TelemetryPayloadException(at, "truncated: pseudonym length missing");
            }

            int len = payload[at];
            if (len < 1 || len > TelemetryBatch.MaxPseudonymBytes)
            {
                throw new TelemetryPayloadException(at, $"pseudonym length {len} outside 1..{TelemetryBatch.MaxPseudonymBytes}");
            }

            at++;
            if (at + len > payload.Length)
            {
                throw new TelemetryPayloadException(at, $"truncated: pseudonym of {len} bytes has {payload.Length - at}");
            }

            pseudonyms.Add(new TelemetryPseudonymRecord(index, time, payload.Slice(at, len).ToArray()));
            at += len;
        }

        if (at != payload.Length)
        {
            throw new TelemetryPayloadException(at, $"{payload.Length - at} bytes after the last of {count} records");
        }

        return new TelemetryPayload(kind, policyVersion, (long)baseTime, samples, pseudonyms);
    }

    /// <summary>Reverses zigzag: 0, 1, 2, 3, ... become 0, -1, 1, -2, ...</summary>
    public static long Unzigzag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static ulong ReadVarint(ReadOnlySpan<byte> p, ref int at)
    {
        int start = at;
        ulong v = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (at >= p.Length)
            {
                throw new TelemetryPayloadException(at, $"truncated varint starting at byte offset {start}");
            }

            byte b = p[at++];
            if (shift == 63 && b > 1)
            {
                throw new TelemetryPayloadException(start, "varint longer than 64 bits");
            }

            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return v;
            }
        }
    }
}
