// Public surface of nanoFramework.System.Text.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle ("nanoFramework.System.Text")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.System.Text")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.0.1")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.3.42.0")]
[assembly: AssemblyVersion ("1.3.42.0")]
