// Public surface of nanoFramework.M2Mqtt.Core.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using nanoFramework.M2Mqtt.Messages;

[assembly: AssemblyTitle ("nanoFramework.M2Mqtt.Core")]
[assembly: AssemblyCompany ("nanoFramework Contributors")]
[assembly: AssemblyProduct ("nanoFramework.M2Mqtt.Core")]
[assembly: AssemblyCopyright ("Copyright (c) Paolo Patierno 2014 & .NET Foundation and Contributors")]
[assembly: ComVisible (false)]
[assembly: AssemblyFileVersion ("5.1.215.0")]
[assembly: AssemblyVersion ("5.1.215.0")]
