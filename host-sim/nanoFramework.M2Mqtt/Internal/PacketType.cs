namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>MQTT 3.1.1 control packet types (high nibble of the first byte).</summary>
    internal enum PacketType
    {
        Connect = 1,
        ConnAck = 2,
        Publish = 3,
        PubAck = 4,
        PubRec = 5,
        PubRel = 6,
        PubComp = 7,
        Subscribe = 8,
        SubAck = 9,
        Unsubscribe = 10,
        UnsubAck = 11,
        PingReq = 12,
        PingResp = 13,
        Disconnect = 14,
    }
}
