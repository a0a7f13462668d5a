using System.Text;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Telemetry;
using nanoFramework.M2Mqtt.Internal;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// What arrives over MQTT: broker packets as the client stand-in decodes them (PacketReader), and the
/// telemetry payloads the host tools read back (TelemetryPayloadReader).
/// </summary>
public static class MqttTargets
{
    /// <summary>The targets.</summary>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new("mqtt-packet", "PacketReader.Read and the decoder for the packet's type (CONNACK, PUBLISH, PUBACK..., SUBACK)",
            "only InvalidDataException (malformed) or EndOfStreamException (stream ends inside a packet)",
            Packets, PacketSeeds);
        yield return new("telemetry-payload", "TelemetryPayloadReader.Read", "only TelemetryPayloadException with an offset inside the payload",
            Payload, PayloadSeeds);
    }

    private static string Packets(byte[] input)
    {
        var stream = new MemoryStream(input, writable: false);
        int count = 0;
        try
        {
            while (PacketReader.Read(stream) is { } packet)
            {
                count++;
                switch (packet.Type)
                {
                    case PacketType.ConnAck:
                        PacketReader.ConnAckReturnCode(packet, out _);
                        break;
                    case PacketType.Publish:
                        PacketReader.Publish(packet);
                        break;
                    case PacketType.PubAck or PacketType.PubRec or PacketType.PubRel or PacketType.PubComp or PacketType.UnsubAck:
                        PacketReader.PacketId(packet);
                        break;
                    case PacketType.SubAck:
                        PacketReader.SubAck(packet, out _);
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return $"refused after {count} packets: {e.Message}";
        }

        return $"ok: {count} packets";
    }

    private static IEnumerable<(string, byte[])> PacketSeeds()
    {
        byte[] topic = Encoding.UTF8.GetBytes("owner/bms-guard/commands");
        var publish = new List<byte> { 0x32, (byte)(2 + topic.Length + 2 + 4), 0, (byte)topic.Length };
        publish.AddRange(topic);
        publish.AddRange(new byte[] { 0x12, 0x34, 1, 2, 3, 4 });
        byte[] broker = [0x20, 2, 0, 0, 0x90, 4, 0, 1, 1, 0x80, 0x40, 2, 0, 7, 0xB0, 2, 0, 8, 0xD0, 0, .. publish];
        yield return ("session.mqtt", broker);
    }

    private static string Payload(byte[] input)
    {
        try
        {
            var p = TelemetryPayloadReader.Read(input);
            return $"ok: {TelemetryPayloadJson.Of(p).Length} chars of JSON";
        }
        catch (TelemetryPayloadException e)
        {
            if (e.Offset < 0 || e.Offset > input.Length)
            {
                throw new FuzzFailure($"offset {e.Offset} outside the {input.Length}-byte payload: {e.Message}");
            }

            return "refused: " + e.Message;
        }
    }

    private static IEnumerable<(string, byte[])> PayloadSeeds()
    {
        // Written by the firmware's own batch encoder.
        var samples = new TelemetryBatch(TelemetryBatch.SampleKind, 3, 256);
        samples.AddSample(0, 4000, 1_767_225_600_000);
        samples.AddSample(1, -12345, 1_767_225_600_020);
        samples.AddSample(255, long.MaxValue / 4, 1_767_225_601_000);
        yield return ("samples.payload", samples.Buffer.AsSpan(0, samples.Length).ToArray());

        var ids = new TelemetryBatch(TelemetryBatch.IdentifierKind, 3, 256);
        byte[] pseudonym = Enumerable.Range(0, 16).Select(i => (byte)(i * 13)).ToArray();
        ids.AddIdentifier(0, pseudonym, 16, 1_767_225_600_000);
        ids.AddIdentifier(2, pseudonym, 8, 1_767_225_660_000);
        yield return ("pseudonyms.payload", ids.Buffer.AsSpan(0, ids.Length).ToArray());
    }
}
