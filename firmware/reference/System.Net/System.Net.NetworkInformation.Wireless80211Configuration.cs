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
    public class Wireless80211Configuration
    {
        [Flags]
        public enum ConfigurationOptions : byte
        {
            None = 0,
            Disable = 1,
            Enable = 2,
            AutoConnect = 6,
            SmartConfig = 0xA
        }

        public AuthenticationType Authentication
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

        public EncryptionType Encryption
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

        public RadioType Radio
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

        public ConfigurationOptions Options
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

        public string Password
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

        public string Ssid
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

        public uint Id
        {
            get
            {
                throw null;
            }
        }

        public Wireless80211Configuration(uint id)
        {
            throw null;
        }

        public void SaveConfiguration()
        {
            throw null;
        }

        public static Wireless80211Configuration[] GetAllWireless80211Configurations()
        {
            throw null;
        }
    }
}
