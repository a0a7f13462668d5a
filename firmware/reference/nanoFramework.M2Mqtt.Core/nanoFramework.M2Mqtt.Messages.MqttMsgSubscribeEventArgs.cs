// Public surface of nanoFramework.M2Mqtt.Core.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgSubscribeEventArgs : EventArgs
    {
        public ushort MessageId { get; }

        public string[] Topics { get; }

        public MqttQoSLevel[] QoSLevels { get; }

        public MqttMsgSubscribeEventArgs(ushort messageId, string[] topics, MqttQoSLevel[] qosLevels)
        {
            throw null;
        }
    }
}
