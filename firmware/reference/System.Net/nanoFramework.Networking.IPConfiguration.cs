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
    public class IPConfiguration
    {
        public string IPAddress { get; set; }

        public string IPSubnetMask { get; set; }

        public string IPGatewayAddress { get; set; }

        public string[] IPDns { get; set; }

        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null)
        {
            throw null;
        }
    }
}
