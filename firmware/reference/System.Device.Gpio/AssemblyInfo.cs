// Public surface of System.Device.Gpio.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nanoFramework.Runtime.Events;

[assembly: AssemblyTitle ("System.Device.Gpio")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("System.Device.Gpio")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.1.0.6")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.1.62.0")]
[assembly: AssemblyVersion ("1.1.62.0")]
