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
    public class IPAddress
    {
        internal IPAddress()
        {
            throw null;
        }

        public static readonly IPAddress Any;

        public static readonly IPAddress Loopback;

        public static readonly IPAddress Broadcast;

        public static readonly IPAddress None;

        public static readonly IPAddress IPv6Any;

        public static readonly IPAddress IPv6Loopback;

        public AddressFamily AddressFamily
        {
            get
            {
                throw null;
            }
        }

        public long ScopeId
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

        public bool IsIPv4MappedToIPv6
        {
            get
            {
                throw null;
            }
        }

        public IPAddress(long newAddress)
        {
            throw null;
        }

        public IPAddress(byte[] address)
        {
            throw null;
        }

        public static bool operator ==(IPAddress a, IPAddress b)
        {
            throw null;
        }

        public static bool operator !=(IPAddress a, IPAddress b)
        {
            throw null;
        }

        public IPAddress(byte[] address, long scopeid)
            : this(default(byte[]))
        {
            throw null;
        }

        public override bool Equals(object other)
        {
            throw null;
        }

        public bool Equals(IPAddress other)
        {
            throw null;
        }

        public byte[] GetAddressBytes()
        {
            throw null;
        }

        public static IPAddress Parse(string ipString)
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }

        public static IPAddress GetDefaultLocalAddress()
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }

        public IPAddress MapToIPv6()
        {
            throw null;
        }

        public IPAddress MapToIPv4()
        {
            throw null;
        }
    }
}
