// Public surface of nanoFramework.Networking.Sntp.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle ("nanoFramework.Networking.Sntp")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.Networking.Sntp")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.4.4")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.6.42.0")]
[assembly: AssemblyVersion ("1.6.42.0")]
