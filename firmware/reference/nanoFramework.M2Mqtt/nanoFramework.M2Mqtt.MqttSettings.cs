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

namespace nanoFramework.M2Mqtt
{
    public class MqttSettings
    {
        internal MqttSettings()
        {
            throw null;
        }

        public const int BrokerDefaultPort = 1883;

        public const int BrokerDefaultSslPort = 8883;

        public const int DefaultTimeout = 30000;

        public const int MaximumAttemptsRetry = 3;

        public const int DefaultDelayRetry = 10000000;

        public const int ConnectTimeout = 30000;

        public const int DefaultInflightQueueSize = int.MaxValue;

        public int Port { get; }

        public int SslPort { get; }

        public int TimeoutOnConnection { get; }

        public int TimeoutOnReceiving { get; }

        public int AttemptsOnRetry { get; }

        public int DelayOnRetry { get; }

        public int InflightQueueSize { get; set; }

        public bool ValidateServerCertificate { get; set; }

        public static MqttSettings Instance
        {
            get
            {
                throw null;
            }
        }
    }
}
