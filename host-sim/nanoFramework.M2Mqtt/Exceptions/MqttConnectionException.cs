using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>The TCP connection to the broker could not be opened (Connect).</summary>
    public class MqttConnectionException : Exception
    {
        /// <summary>Creates the exception wrapping the socket error.</summary>
        public MqttConnectionException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
