// Public surface of System.Threading.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace System.Threading
{
    public struct CancellationTokenRegistration : IDisposable
    {
        private int _dummyPrimitive;

        public void Dispose()
        {
            throw null;
        }

        public static bool operator ==(CancellationTokenRegistration left, CancellationTokenRegistration right)
        {
            throw null;
        }

        public static bool operator !=(CancellationTokenRegistration left, CancellationTokenRegistration right)
        {
            throw null;
        }

        public override bool Equals(object obj)
        {
            throw null;
        }

        public bool Equals(CancellationTokenRegistration other)
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }
    }
}
