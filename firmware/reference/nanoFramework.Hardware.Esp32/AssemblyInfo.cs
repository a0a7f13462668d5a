// Public surface of nanoFramework.Hardware.Esp32.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using nanoFramework.Runtime.Events;

[assembly: AssemblyTitle ("nanoFramework.Hardware.Esp32")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.Hardware.Esp32")]
[assembly: AssemblyCopyright ("Copyright © nanoFramework Contributors 2019")]
[assembly: AssemblyNativeVersion ("100.0.10.0")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("1.6.42.0")]
[assembly: AssemblyVersion ("1.6.42.0")]
