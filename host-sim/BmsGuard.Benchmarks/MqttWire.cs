namespace BmsGuard.Benchmarks;

/// <summary>Bytes an MQTT 3.1.1 PUBLISH at QoS 1 takes on the wire (above TCP): the payload plus its framing.</summary>
internal static class MqttWire
{
    /// <summary>A PUBACK (fixed header, remaining length 2, packet id), which the broker sends back per QoS 1 message.</summary>
    public const int PubAckBytes = 4;

    /// <summary>
    /// Fixed header byte, remaining length (1..4 bytes, 7 bits each), topic length (2) and topic, packet id (2),
    /// payload. <paramref name="topicBytes"/> is the topic's UTF-8 length.
    /// </summary>
    public static int PublishBytes(int topicBytes, int payloadBytes)
    {
        int remaining = 2 + topicBytes + 2 + payloadBytes;
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        return 1 + lengthBytes + remaining;
    }
}
