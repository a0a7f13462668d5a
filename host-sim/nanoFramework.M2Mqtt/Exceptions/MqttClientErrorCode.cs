namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Reasons for <see cref="MqttClientException"/> (M2Mqtt's list and order).</summary>
    public enum MqttClientErrorCode
    {
        /// <summary>Will error (topic, message or QoS level).</summary>
        WillWrong = 1,

        /// <summary>Keep alive period too large.</summary>
        KeepAliveWrong,

        /// <summary>A PUBLISH topic contains '#' or '+'.</summary>
        TopicWildcard,

        /// <summary>Topic empty or longer than 65535 bytes.</summary>
        TopicLength,

        /// <summary>QoS level not allowed.</summary>
        QosNotAllowed,

        /// <summary>Topics list empty for subscribe.</summary>
        TopicsEmpty,

        /// <summary>QoS levels list empty for subscribe.</summary>
        QosLevelsEmpty,

        /// <summary>Topics and QoS levels differ in count.</summary>
        TopicsQosLevelsNotMatch,

        /// <summary>Wrong message from broker.</summary>
        WrongBrokerMessage,

        /// <summary>Wrong message id.</summary>
        WrongMessageId,

        /// <summary>The inflight queue reached <see cref="MqttSettings.InflightQueueSize"/>.</summary>
        InflightQueueFull,

        /// <summary>Invalid flag bits received.</summary>
        InvalidFlagBits,

        /// <summary>Invalid connect flags received.</summary>
        InvalidConnectFlags,

        /// <summary>Invalid client id.</summary>
        InvalidClientId,

        /// <summary>Invalid protocol name.</summary>
        InvalidProtocolName,
    }
}
