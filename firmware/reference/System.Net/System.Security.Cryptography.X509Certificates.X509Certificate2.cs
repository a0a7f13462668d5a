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

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate2 : X509Certificate
    {
        public bool HasPrivateKey
        {
            get
            {
                throw null;
            }
        }

        public byte[] PrivateKey
        {
            get
            {
                throw null;
            }
        }

        public byte[] PublicKey
        {
            get
            {
                throw null;
            }
        }

        public DateTime NotAfter
        {
            get
            {
                throw null;
            }
        }

        public DateTime NotBefore
        {
            get
            {
                throw null;
            }
        }

        public byte[] RawData
        {
            get
            {
                throw null;
            }
        }

        public X509Certificate2()
        {
            throw null;
        }

        public X509Certificate2(byte[] rawData)
            : base(default(byte[]))
        {
            throw null;
        }

        public X509Certificate2(string certificate)
            : base(default(string))
        {
            throw null;
        }

        public X509Certificate2(string rawData, string key, string password)
            : base(default(string))
        {
            throw null;
        }

        public X509Certificate2(byte[] rawData, string key, string password)
            : base(default(byte[]))
        {
            throw null;
        }

        public X509Certificate2(byte[] rawData, byte[] key, string password)
            : base(default(byte[]))
        {
            throw null;
        }
    }
}
