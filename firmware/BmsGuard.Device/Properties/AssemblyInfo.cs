using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("BmsGuard.Device")]
[assembly: AssemblyProduct("BMS Guard")]
[assembly: AssemblyVersion("1.0.0.0")]
