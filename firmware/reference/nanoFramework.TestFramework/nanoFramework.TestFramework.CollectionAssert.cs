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
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            throw null;
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            throw null;
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            throw null;
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            throw null;
        }
    }
}
