// Public surface of System.Threading.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public bool IsCancellationRequested
        {
            get
            {
                throw null;
            }
        }

        public CancellationToken Token
        {
            get
            {
                throw null;
            }
        }

        public CancellationTokenSource(int millisecondsDelay)
        {
            throw null;
        }

        public CancellationTokenSource(TimeSpan delay)
        {
            throw null;
        }

        public CancellationTokenSource()
        {
            throw null;
        }

        public void Cancel()
        {
            throw null;
        }

        public void Cancel(bool throwOnFirstException)
        {
            throw null;
        }

        public void CancelAfter(TimeSpan delay)
        {
            throw null;
        }

        public void CancelAfter(int millisecondsDelay)
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        protected virtual void Dispose(bool disposing)
        {
            throw null;
        }
    }
}
