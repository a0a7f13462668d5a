// Public surface of nanoFramework.System.Collections.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle ("nanoFramework.System.Collections")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.System.Collections")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.2.0")]
[assembly: AssemblyFileVersion ("1.5.59.0")]
[assembly: AssemblyVersion ("1.5.59.0")]
