using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("BmsGuard.Core")]
[assembly: AssemblyProduct("BMS Guard")]
[assembly: AssemblyVersion("1.0.0.0")]
// The firmware was one assembly before it outgrew nanoFramework's 64 KB tables; the assemblies built on this one keep its internals.
[assembly: InternalsVisibleTo("BmsGuard.Core.Telemetry")]
[assembly: InternalsVisibleTo("BmsGuard.Core.Owner")]
[assembly: InternalsVisibleTo("BmsGuard.Core.Diagnostics")]
[assembly: InternalsVisibleTo("BmsGuard.Device")]
