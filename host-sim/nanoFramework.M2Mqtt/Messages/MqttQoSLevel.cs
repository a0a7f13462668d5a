namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>MQTT Quality of Service level (values as on the wire).</summary>
    public enum MqttQoSLevel
    {
        /// <summary>QoS 0: at most once.</summary>
        AtMostOnce = 0x00,

        /// <summary>QoS 1: at least once.</summary>
        AtLeastOnce = 0x01,

        /// <summary>QoS 2: exactly once (not supported by this stand-in).</summary>
        ExactlyOnce = 0x02,

        /// <summary>SUBACK only: the broker refused the subscription [v3.1.1].</summary>
        GrantedFailure = 0x80,
    }
}
