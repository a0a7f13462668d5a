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

namespace nanoFramework.Networking
{
    public static class NetworkHelper
    {
        public static ManualResetEvent NetworkReady
        {
            get
            {
                throw null;
            }
        }

        public static NetworkHelperStatus Status
        {
            get
            {
                throw null;
            }
        }

        public static Exception HelperException
        {
            get
            {
                throw null;
            }
        }

        public static void SetupNetworkHelper(bool requiresDateTime = false)
        {
            throw null;
        }

        public static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false)
        {
            throw null;
        }

        public static bool SetupAndConnectNetwork(CancellationToken token = default(CancellationToken), bool requiresDateTime = false)
        {
            throw null;
        }

        public static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default(CancellationToken), bool requiresDateTime = false)
        {
            throw null;
        }

        public static void Reset()
        {
            throw null;
        }
    }
}
