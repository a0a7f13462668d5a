using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>A request the client refuses (bad topic, QoS, queue full).</summary>
    public class MqttClientException : Exception
    {
        /// <summary>Creates the exception for an error code.</summary>
        public MqttClientException(MqttClientErrorCode errorCode)
            : base("MQTT client error: " + errorCode)
        {
            ErrorCode = errorCode;
        }

        /// <summary>What was wrong.</summary>
        public MqttClientErrorCode ErrorCode { get; set; }
    }
}
