// Public surface of System.Device.Spi.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Device.Gpio;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle ("System.Device.Spi")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("System.Device.Spi")]
[assembly: AssemblyCopyright ("Copyright (c) .NET Foundation and Contributors")]
[assembly: AssemblyNativeVersion ("100.1.2.0")]
[assembly: AssemblyFileVersion ("1.3.89.0")]
[assembly: AssemblyVersion ("1.3.89.0")]
