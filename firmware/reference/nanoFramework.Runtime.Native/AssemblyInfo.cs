// Public surface of nanoFramework.Runtime.Native.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle ("nanoFramework.Runtime.Native")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.Runtime.Native")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.10.0")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.7.11.0")]
[assembly: AssemblyVersion ("1.7.11.0")]
