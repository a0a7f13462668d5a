namespace nanoFramework.M2Mqtt
{
    /// <summary>SSL/TLS protocol versions (TLS is not supported by this stand-in).</summary>
    public enum MqttSslProtocols
    {
        /// <summary>None.</summary>
        None,

        /// <summary>SSL version 3.</summary>
        SSLv3,

        /// <summary>TLS version 1.0.</summary>
        TLSv1_0,

        /// <summary>TLS version 1.1.</summary>
        TLSv1_1,

        /// <summary>TLS version 1.2.</summary>
        TLSv1_2,

        /// <summary>TLS version 1.3.</summary>
        TLSv1_3,
    }
}
