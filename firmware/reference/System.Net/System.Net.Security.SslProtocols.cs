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
    [Flags]
    public enum SslProtocols
    {
        None = 0,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 0xC0,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 0x300,
        Tls12 = 0xC00,
        Tls13 = 0x3000
    }
}
