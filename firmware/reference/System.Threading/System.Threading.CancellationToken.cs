// Public surface of System.Threading.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace System.Threading
{
    public struct CancellationToken
    {
        private int _dummyPrimitive;

        public static CancellationToken None
        {
            get
            {
                throw null;
            }
        }

        public bool IsCancellationRequested
        {
            get
            {
                throw null;
            }
        }

        public bool CanBeCanceled
        {
            get
            {
                throw null;
            }
        }

        public WaitHandle WaitHandle
        {
            get
            {
                throw null;
            }
        }

        public CancellationToken(bool canceled)
        {
            throw null;
        }

        public CancellationTokenRegistration Register(Action callback)
        {
            throw null;
        }

        public bool Equals(CancellationToken other)
        {
            throw null;
        }

        public override bool Equals(object other)
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }

        public void ThrowIfCancellationRequested()
        {
            throw null;
        }
    }
}
