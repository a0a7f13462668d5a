// Public surface of System.Threading.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace System.Threading
{
    [Serializable]
    public class OperationCanceledException : SystemException
    {
        public OperationCanceledException()
        {
            throw null;
        }

        public OperationCanceledException(string message)
            : base(default(string))
        {
            throw null;
        }

        public OperationCanceledException(string message, Exception innerException)
            : base(default(string), default(System.Exception))
        {
            throw null;
        }
    }
}
