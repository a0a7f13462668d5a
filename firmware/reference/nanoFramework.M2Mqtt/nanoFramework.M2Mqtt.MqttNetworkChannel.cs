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
    public class MqttNetworkChannel : IMqttNetworkChannel
    {
        public string RemoteHostName
        {
            get
            {
                throw null;
            }
        }

        public IPAddress RemoteIpAddress
        {
            get
            {
                throw null;
            }
        }

        public int RemotePort
        {
            get
            {
                throw null;
            }
        }

        public bool DataAvailable
        {
            get
            {
                throw null;
            }
        }

        public bool ValidateServerCertificate { get; set; }

        public MqttNetworkChannel(Socket socket)
            : this(default(System.Net.Sockets.Socket), default(bool), default(System.Security.Cryptography.X509Certificates.X509Certificate), default(nanoFramework.M2Mqtt.MqttSslProtocols))
        {
            throw null;
        }

        public MqttNetworkChannel(Socket socket, bool secure, X509Certificate serverCert, MqttSslProtocols sslProtocol)
        {
            throw null;
        }

        public MqttNetworkChannel(string remoteHostName, int remotePort)
            : this(default(string), default(int), default(bool), default(System.Security.Cryptography.X509Certificates.X509Certificate), default(System.Security.Cryptography.X509Certificates.X509Certificate), default(nanoFramework.M2Mqtt.MqttSslProtocols))
        {
            throw null;
        }

        public MqttNetworkChannel(string remoteHostName, int remotePort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw null;
        }

        public void Connect()
        {
            throw null;
        }

        public int Send(byte[] buffer)
        {
            throw null;
        }

        public int Receive(byte[] buffer)
        {
            throw null;
        }

        public int Receive(byte[] buffer, int timeout)
        {
            throw null;
        }

        public void Close()
        {
            throw null;
        }

        public void Accept()
        {
            throw null;
        }
    }
}
