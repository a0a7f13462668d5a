namespace nanoFramework.M2Mqtt
{
    /// <summary>Process-wide client settings (a singleton, as in nanoFramework.M2Mqtt).</summary>
    public class MqttSettings
    {
        /// <summary>Default port for MQTT.</summary>
        public const int BrokerDefaultPort = 1883;

        /// <summary>Default port for MQTT over TLS.</summary>
        public const int BrokerDefaultSslPort = 8883;

        /// <summary>Default wait for an answer (CONNACK), in milliseconds.</summary>
        public const int DefaultTimeout = 30_000;

        /// <summary>Sends of a QoS 1 PUBLISH, SUBSCRIBE or UNSUBSCRIBE before giving up.</summary>
        public const int MaximumAttemptsRetry = 3;

        /// <summary>Wait for an acknowledgement before resending, in 100 ns ticks (1 s).</summary>
        public const int DefaultDelayRetry = 10_000_000;

        /// <summary>Connection timeout in milliseconds.</summary>
        public const int ConnectTimeout = 30_000;

        /// <summary>Default inflight queue size: unbounded.</summary>
        public const int DefaultInflightQueueSize = int.MaxValue;

        private static MqttSettings instance;

        private MqttSettings()
        {
            Port = BrokerDefaultPort;
            SslPort = BrokerDefaultSslPort;
            TimeoutOnReceiving = DefaultTimeout;
            AttemptsOnRetry = MaximumAttemptsRetry;
            DelayOnRetry = DefaultDelayRetry;
            TimeoutOnConnection = ConnectTimeout;
            InflightQueueSize = DefaultInflightQueueSize;
            CertificateCheck = true;
        }

        /// <summary>The singleton.</summary>
        public static MqttSettings Instance => instance ??= new MqttSettings();

        /// <summary>Port of the last non-secure client created.</summary>
        public int Port { get; internal set; }

        /// <summary>Port of the last secure client created.</summary>
        public int SslPort { get; internal set; }

        /// <summary>Timeout on client connection, in milliseconds.</summary>
        public int TimeoutOnConnection { get; internal set; }

        /// <summary>Wait for CONNACK, in milliseconds.</summary>
        public int TimeoutOnReceiving { get; internal set; }

        /// <summary>Sends of an unacknowledged message before giving up.</summary>
        public int AttemptsOnRetry { get; internal set; }

        /// <summary>Wait for an acknowledgement before resending, in 100 ns ticks.</summary>
        public int DelayOnRetry { get; internal set; }

        /// <summary>Maximum queued plus unacknowledged messages; Publish beyond it throws InflightQueueFull.</summary>
        public int InflightQueueSize { get; set; }

        /// <summary>Check the broker certificate (TLS; unused by this stand-in).</summary>
        public bool CertificateCheck { get; set; }
    }
}
