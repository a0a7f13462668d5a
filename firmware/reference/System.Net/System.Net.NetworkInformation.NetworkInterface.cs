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

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        public bool IsAutomaticDnsEnabled
        {
            get
            {
                throw null;
            }
        }

        public string IPv4Address
        {
            get
            {
                throw null;
            }
        }

        public string IPv4GatewayAddress
        {
            get
            {
                throw null;
            }
        }

        public string IPv4SubnetMask
        {
            get
            {
                throw null;
            }
        }

        public bool IsDhcpEnabled
        {
            get
            {
                throw null;
            }
        }

        public string[] IPv4DnsAddresses
        {
            get
            {
                throw null;
            }
        }

        public byte[] PhysicalAddress
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

        public NetworkInterfaceType NetworkInterfaceType
        {
            get
            {
                throw null;
            }
        }

        public uint SpecificConfigId
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

        public static bool GetIsNetworkAvailable()
        {
            throw null;
        }

        protected NetworkInterface(int interfaceIndex)
        {
            throw null;
        }

        public static NetworkInterface[] GetAllNetworkInterfaces()
        {
            throw null;
        }

        public void EnableStaticIPv4(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress)
        {
            throw null;
        }

        public void EnableStaticIPv6(string ipv6Address, string ipv6SubnetMask, string ipv6GatewayAddress)
        {
            throw null;
        }

        public void EnableStaticIP(string ipv4Address, string ipv4subnetMask, string ipv4gatewayAddress, string ipv6Address, string ipv6SubnetMask, string ipv6GatewayAddress)
        {
            throw null;
        }

        public void EnableDhcp()
        {
            throw null;
        }

        public void EnableStaticIPv4Dns(string[] dnsAddresses)
        {
            throw null;
        }

        public void EnableStaticIPv6Dns(string[] dnsAddresses)
        {
            throw null;
        }

        [Obsolete("This method will be removed in a future version. Using automatic DNS it's part of DHCP configuration and can't be used as an individual operation.")]
        public void EnableAutomaticDns()
        {
            throw null;
        }

        public void ReleaseDhcpLease()
        {
            throw null;
        }

        public void RenewDhcpLease()
        {
            throw null;
        }
    }
}
