// Public surface of nanoFramework.M2Mqtt.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.M2Mqtt.Session;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgConnectEventArgs : EventArgs
    {
        public MqttMsgConnect Message { get; }

        public MqttMsgConnectEventArgs(MqttMsgConnect connect)
        {
            throw null;
        }
    }
}
