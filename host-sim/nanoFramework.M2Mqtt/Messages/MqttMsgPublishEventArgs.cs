using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A PUBLISH received from the broker.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            Topic = topic;
            Message = message;
            DupFlag = dupFlag;
            QosLevel = qosLevel;
            Retain = retain;
        }

        /// <summary>Message topic.</summary>
        public string Topic { get; internal set; }

        /// <summary>Message data (payload), never null.</summary>
        public byte[] Message { get; internal set; }

        /// <summary>Duplicate flag: the broker may have delivered this message before.</summary>
        public bool DupFlag { get; set; }

        /// <summary>QoS level the message was delivered with.</summary>
        public MqttQoSLevel QosLevel { get; internal set; }

        /// <summary>Retain flag: a retained message sent on subscription.</summary>
        public bool Retain { get; internal set; }
    }
}
