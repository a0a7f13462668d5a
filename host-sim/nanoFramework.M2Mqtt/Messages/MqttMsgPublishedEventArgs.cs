using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Outcome of a QoS 1 publish: acknowledged, or given up after the retries.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            MessageId = messageId;
            IsPublished = isPublished;
        }

        /// <summary>The id <see cref="MqttClient.Publish(string, byte[])"/> returned.</summary>
        public ushort MessageId { get; internal set; }

        /// <summary>True when the broker acknowledged it (PUBACK), false when all attempts went unanswered.</summary>
        public bool IsPublished { get; internal set; }
    }
}
