// Public surface of nanoFramework.TestFramework.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TestFrameworkShared;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex)
            : base(default(string), default(System.Exception))
        {
            throw null;
        }

        public AssertFailedException(string msg)
            : base(default(string))
        {
            throw null;
        }

        public AssertFailedException()
        {
            throw null;
        }
    }
}
