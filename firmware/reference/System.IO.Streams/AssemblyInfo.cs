// Public surface of System.IO.Streams.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

[assembly: AssemblyTitle ("nanoFramework.System.IO.Streams")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.System.IO.Streams")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.1.96.0")]
[assembly: AssemblyVersion ("1.1.96.0")]
