// Public surface of System.IO.FileSystem.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

[assembly: AssemblyTitle ("nanoFramework.System.IO.FileSystem")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.System.IO.FileSystem")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: ComVisible (false)]
[assembly: AssemblyNativeVersion ("1.1.0.4")]
[assembly: AssemblyFileVersion ("1.1.87.0")]
[assembly: AssemblyVersion ("1.1.87.0")]
