using System.Text;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace BmsGuard.Tests.Mqtt;

/// <summary>The stand-in's MQTT 3.1.1 wire codec, byte for byte against the specification's examples and limits.</summary>
public class PacketCodecTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Remaining_length_encodes_as_the_spec_table_and_decodes_back(int value, byte[] expected)
    {
        Assert.Equal(expected.Length, PacketWriter.RemainingLengthSize(value));
        var buffer = new byte[6];
        int end = PacketWriter.WriteRemainingLength(value, buffer, 1);
        Assert.Equal(expected, buffer[1..end]);
        Assert.Equal(value, PacketReader.ReadRemainingLength(new MemoryStream(expected)));
    }

    [Fact]
    public void Remaining_length_limits_are_enforced_both_ways()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PacketWriter.RemainingLengthSize(268_435_456));
        Assert.Throws<ArgumentOutOfRangeException>(() => PacketWriter.RemainingLengthSize(-1));
        var tooLong = Assert.Throws<InvalidDataException>(() => PacketReader.ReadRemainingLength(new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF, 0x01])));
        Assert.Contains("longer than 4 bytes", tooLong.Message);
        Assert.Throws<EndOfStreamException>(() => PacketReader.ReadRemainingLength(new MemoryStream([0x80])));
    }

    [Fact]
    public void Strings_carry_their_UTF8_byte_length_not_their_char_count()
    {
        // 'ä' is 2 UTF-8 bytes, '€' 3, the G clef (a surrogate pair, 2 chars) 4.
        string text = "bms/ä€\U0001D11E";
        byte[] encoded = PacketWriter.EncodeString(text);
        Assert.Equal(new byte[] { 0x00, 0x0D }, encoded[..2]);
        Assert.Equal(Encoding.UTF8.GetBytes(text), encoded[2..]);
        int index = 0;
        Assert.Equal(text, PacketReader.ReadString(encoded, ref index));
        Assert.Equal(encoded.Length, index);

        Assert.Equal(65_537, PacketWriter.EncodeString(new string('x', 65_535)).Length);
        Assert.Throws<ArgumentException>(() => PacketWriter.EncodeString(new string('x', 65_536)));
        index = 0;
        Assert.Throws<InvalidDataException>(() => PacketReader.ReadString([0x00, 0x05, (byte)'a'], ref index));
    }

    [Fact]
    public void Connect_packet_has_the_3_1_1_header_flags_keep_alive_and_credentials()
    {
        byte[] packet = PacketWriter.Connect("gw-1", "user", "pw", cleanSession: true, keepAliveSeconds: 300);
        byte[] expected =
        [
            0x10, 26,
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
            0b1100_0010, 0x01, 0x2C,
            0x00, 0x04, (byte)'g', (byte)'w', (byte)'-', (byte)'1',
            0x00, 0x04, (byte)'u', (byte)'s', (byte)'e', (byte)'r',
            0x00, 0x02, (byte)'p', (byte)'w',
        ];
        Assert.Equal(expected, packet);

        byte[] anonymous = PacketWriter.Connect("gw-1", null!, null!, cleanSession: false, keepAliveSeconds: 0);
        Assert.Equal(0x00, anonymous[9]);
        Assert.Equal(new byte[] { 0x00, 0x00 }, anonymous[10..12]);
    }

    [Fact]
    public void Publish_round_trips_topic_id_flags_and_every_byte_value()
    {
        byte[] payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        byte[] packet = PacketWriter.Publish("bms/pack", payload, MqttQoSLevel.AtLeastOnce, retain: true, dup: true, packetId: 0x1234);
        Assert.Equal(0x30 | 0x08 | 0x02 | 0x01, packet[0]);
        Assert.Equal(new byte[] { 0x8C, 0x02 }, packet[1..3]); // 2 + 8 + 2 + 256 = 268

        var read = PacketReader.Read(new MemoryStream(packet))!;
        Assert.Equal(PacketType.Publish, read.Type);
        var publish = PacketReader.Publish(read);
        Assert.Equal("bms/pack", publish.Topic);
        Assert.Equal(payload, publish.Payload);
        Assert.Equal(MqttQoSLevel.AtLeastOnce, publish.Qos);
        Assert.True(publish.Dup);
        Assert.True(publish.Retain);
        Assert.Equal(0x1234, publish.PacketId);
    }

    [Fact]
    public void Publish_at_QoS_0_has_no_packet_id_and_an_empty_payload_is_allowed()
    {
        byte[] packet = PacketWriter.Publish("a/b", null!, MqttQoSLevel.AtMostOnce, retain: false, dup: false, packetId: 7);
        Assert.Equal(new byte[] { 0x30, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b' }, packet);
        var publish = PacketReader.Publish(PacketReader.Read(new MemoryStream(packet))!);
        Assert.Empty(publish.Payload);
        Assert.Equal(0, publish.PacketId);
    }

    [Theory]
    [InlineData("bms/#", MqttClientErrorCode.TopicWildcard)]
    [InlineData("bms/+/soc", MqttClientErrorCode.TopicWildcard)]
    [InlineData("", MqttClientErrorCode.TopicLength)]
    public void Publish_refuses_topics_as_M2Mqtt_does(string topic, MqttClientErrorCode code)
    {
        var ex = Assert.Throws<MqttClientException>(() => PacketWriter.Publish(topic, [1], MqttQoSLevel.AtMostOnce, false, false, 1));
        Assert.Equal(code, ex.ErrorCode);
    }

    [Fact]
    public void Subscribe_unsubscribe_and_control_packets_are_exact()
    {
        Assert.Equal(
            new byte[] { 0x82, 0x0A, 0x00, 0x05, 0x00, 0x01, (byte)'a', 0x01, 0x00, 0x01, (byte)'b', 0x00 },
            PacketWriter.Subscribe(5, ["a", "b"], [MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtMostOnce]));
        Assert.Equal(new byte[] { 0xA2, 0x05, 0x01, 0x00, 0x00, 0x01, (byte)'a' }, PacketWriter.Unsubscribe(256, ["a"]));
        Assert.Equal(new byte[] { 0x40, 0x02, 0xAB, 0xCD }, PacketWriter.PubAck(0xABCD));
        Assert.Equal(new byte[] { 0xC0, 0x00 }, PacketWriter.PingReq());
        Assert.Equal(new byte[] { 0xE0, 0x00 }, PacketWriter.Disconnect());
    }

    [Fact]
    public void Broker_packets_decode_and_malformed_ones_are_named()
    {
        var connack = PacketReader.Read(new MemoryStream([0x20, 0x02, 0x01, 0x05]))!;
        Assert.Equal(MqttReasonCode.ConnectionRefusedNotAuthorized, PacketReader.ConnAckReturnCode(connack, out bool present));
        Assert.True(present);

        var suback = PacketReader.Read(new MemoryStream([0x90, 0x04, 0x00, 0x09, 0x01, 0x80]))!;
        Assert.Equal(new[] { MqttQoSLevel.AtLeastOnce, MqttQoSLevel.GrantedFailure }, PacketReader.SubAck(suback, out ushort id));
        Assert.Equal(9, id);

        Assert.Equal(0x0102, PacketReader.PacketId(PacketReader.Read(new MemoryStream([0x40, 0x02, 0x01, 0x02]))!));
        Assert.Null(PacketReader.Read(new MemoryStream([])));
        Assert.Contains("reserved", Assert.Throws<InvalidDataException>(() => PacketReader.Read(new MemoryStream([0xF0, 0x00]))).Message);
        Assert.Throws<EndOfStreamException>(() => PacketReader.Read(new MemoryStream([0x30, 0x05, 0x00])));
        Assert.Throws<InvalidDataException>(() => PacketReader.SubAck(PacketReader.Read(new MemoryStream([0x90, 0x03, 0x00, 0x01, 0x03]))!, out _));
        Assert.Throws<InvalidDataException>(() => PacketReader.Publish(PacketReader.Read(new MemoryStream([0x36, 0x03, 0x00, 0x01, (byte)'a']))!));
    }

    [Fact]
    public void A_100_KB_publish_uses_a_3_byte_remaining_length()
    {
        byte[] payload = new byte[100 * 1024];
        new Random(1).NextBytes(payload);
        byte[] packet = PacketWriter.Publish("bms/big", payload, MqttQoSLevel.AtMostOnce, false, false, 0);
        Assert.Equal(1 + 3 + 9 + payload.Length, packet.Length);
        Assert.Equal(payload, PacketReader.Publish(PacketReader.Read(new MemoryStream(packet))!).Payload);
    }
}
