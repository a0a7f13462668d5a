// Public surface of System.Net.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.Runtime.Events;

namespace System.Net.Security
{
    public class SslStream : NetworkStream
    {
        public SslVerification SslVerification
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public bool UseStoredDeviceCertificate
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public bool IsServer
        {
            get
            {
                throw null;
            }
        }

        public override long Length
        {
            get
            {
                throw null;
            }
        }

        public override bool DataAvailable
        {
            get
            {
                throw null;
            }
        }

        public SslStream(Socket socket)
            : base(default(System.Net.Sockets.Socket), default(bool))
        {
            throw null;
        }

        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols)
        {
            throw null;
        }

        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, SslProtocols enabledSslProtocols)
        {
            throw null;
        }

        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols)
        {
            throw null;
        }

        public void AuthenticateAsServer(X509Certificate serverCertificate, SslProtocols enabledSslProtocols)
        {
            throw null;
        }

        public void AuthenticateAsServer(X509Certificate serverCertificate, bool clientCertificateRequired, SslProtocols enabledSslProtocols)
        {
            throw null;
        }

        protected override void Dispose(bool disposing)
        {
            throw null;
        }

        public override int Read(byte[] buffer, int offset, int size)
        {
            throw null;
        }

        public override void Write(byte[] buffer, int offset, int size)
        {
            throw null;
        }
    }
}
