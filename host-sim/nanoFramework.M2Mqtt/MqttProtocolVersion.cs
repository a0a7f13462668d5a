namespace nanoFramework.M2Mqtt
{
    /// <summary>MQTT protocol version (the CONNECT protocol level byte).</summary>
    public enum MqttProtocolVersion
    {
        /// <summary>MQTT 3.1.</summary>
        Version_3_1 = 0x03,

        /// <summary>MQTT 3.1.1, the default and the only version this stand-in speaks.</summary>
        Version_3_1_1 = 0x04,

        /// <summary>MQTT 5.0 (not supported by this stand-in).</summary>
        Version_5 = 0x05,
    }
}
