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

namespace System.Net
{
    [Serializable]
    public class IPEndPoint : EndPoint
    {
        public const int MinPort = 0;

        public const int MaxPort = 65535;

        public IPAddress Address
        {
            get
            {
                throw null;
            }
        }

        public AddressFamily AddressFamily
        {
            get
            {
                throw null;
            }
        }

        public int Port
        {
            get
            {
                throw null;
            }
        }

        public IPEndPoint(long address, int port)
        {
            throw null;
        }

        public IPEndPoint(IPAddress address, int port)
        {
            throw null;
        }

        public override SocketAddress Serialize()
        {
            throw null;
        }

        public override EndPoint Create(SocketAddress socketAddress)
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }

        public override bool Equals(object obj)
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }
    }
}
