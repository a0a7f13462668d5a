// Public surface of nanoFramework.Device.Can.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nanoFramework.Runtime.Events;

[assembly: AssemblyTitle ("nanoFramework.Device.Can")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.Device.Can")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.0.5.1")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.3.26.0")]
[assembly: AssemblyVersion ("1.3.26.0")]
