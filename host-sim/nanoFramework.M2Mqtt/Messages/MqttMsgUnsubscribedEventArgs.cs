using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>UNSUBACK received.</summary>
    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgUnsubscribedEventArgs(ushort messageId)
        {
            MessageId = messageId;
        }

        /// <summary>The id <see cref="MqttClient.Unsubscribe"/> returned.</summary>
        public ushort MessageId { get; internal set; }
    }
}
