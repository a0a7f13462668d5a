using BmsGuard.HostSim.Egress;

namespace BmsGuard.Tests.Egress;

/// <summary>
/// A stand-in payload format for the tests: 9-byte records, each a signal index (1 byte) and the sample's
/// unix time in microseconds (8 bytes big-endian).
/// </summary>
public sealed class SampleRecordDecoder : IPayloadDecoder
{
    public const int RecordBytes = 9;

    /// <summary>A payload with one record per (signal, time).</summary>
    public static byte[] Encode(params (int Signal, long Micros)[] samples)
    {
        byte[] payload = new byte[samples.Length * RecordBytes];
        for (int i = 0; i < samples.Length; i++)
        {
            payload[i * RecordBytes] = (byte)samples[i].Signal;
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan((i * RecordBytes) + 1), samples[i].Micros);
        }

        return payload;
    }

    public bool TryDecode(string topic, byte[] payload, int length, Action<int, long> onSample, out string? error)
    {
        if (length % RecordBytes != 0)
        {
            error = $"{length} bytes are not whole {RecordBytes}-byte samples";
            return false;
        }

        for (int o = 0; o < length; o += RecordBytes)
        {
            onSample(payload[o], System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(o + 1)));
        }

        error = null;
        return true;
    }
}
