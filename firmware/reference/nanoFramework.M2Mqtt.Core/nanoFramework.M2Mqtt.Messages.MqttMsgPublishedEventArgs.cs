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
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public ushort MessageId { get; set; }

        public bool IsPublished { get; set; }

        public MqttMsgPublishedEventArgs(ushort messageId)
            : this(default(ushort), default(bool))
        {
            throw null;
        }

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            throw null;
        }
    }
}
