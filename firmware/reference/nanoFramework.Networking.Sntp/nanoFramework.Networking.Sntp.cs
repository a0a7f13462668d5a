// Public surface of nanoFramework.Networking.Sntp.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace nanoFramework.Networking
{
    public class Sntp
    {
        public static bool IsStarted { get; }

        public static string Server1 { get; set; }

        public static string Server2 { get; set; }

        public static void Start()
        {
            throw null;
        }

        public static void Stop()
        {
            throw null;
        }

        public static void UpdateNow()
        {
            throw null;
        }
    }
}
