using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>SUBACK received: the QoS the broker granted for each requested topic filter.</summary>
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels)
        {
            MessageId = messageId;
            GrantedQoSLevels = grantedQosLevels;
        }

        /// <summary>The id <see cref="MqttClient.Subscribe"/> returned.</summary>
        public ushort MessageId { get; internal set; }

        /// <summary>Granted levels in request order; <see cref="MqttQoSLevel.GrantedFailure"/> for a refused filter.</summary>
        public MqttQoSLevel[] GrantedQoSLevels { get; internal set; }
    }
}
