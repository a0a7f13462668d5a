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
    public class MqttMsgUnsubscribeEventArgs : EventArgs
    {
        public ushort MessageId { get; }

        public string[] Topics { get; }

        public MqttMsgUnsubscribeEventArgs(ushort messageId, string[] topics)
        {
            throw null;
        }
    }
}
