// Public surface of System.Threading.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle ("nanoFramework.System.Threading")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.System.Threading")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("0.0.0.0")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.1.52.0")]
[assembly: AssemblyVersion ("1.1.52.0")]
