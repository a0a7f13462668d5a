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

[assembly: AssemblyTitle ("nanoFramework Test Framework")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: ComVisible (false)]
[assembly: AssemblyNativeVersion ("1.0.0.0")]
[assembly: AssemblyFileVersion ("3.0.77.0")]
[assembly: AssemblyVersion ("3.0.77.0")]
