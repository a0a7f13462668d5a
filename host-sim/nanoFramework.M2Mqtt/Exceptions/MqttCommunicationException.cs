using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>The connection failed during an exchange (no CONNACK, socket closed, write failed).</summary>
    public class MqttCommunicationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttCommunicationException()
        {
        }

        /// <summary>Creates the exception wrapping the socket error.</summary>
        public MqttCommunicationException(Exception e)
            : base(string.Empty, e)
        {
        }
    }
}
