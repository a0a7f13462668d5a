// Public surface of nanoFramework.Runtime.Events.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle ("nanoFramework.Runtime.Events")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.Runtime.Events")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.8.0")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.11.32.0")]
[assembly: AssemblyVersion ("1.11.32.0")]
