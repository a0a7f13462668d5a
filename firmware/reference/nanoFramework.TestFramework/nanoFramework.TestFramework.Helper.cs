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

namespace nanoFramework.TestFramework
{
    public static class Helper
    {
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            throw null;
        }
    }
}
