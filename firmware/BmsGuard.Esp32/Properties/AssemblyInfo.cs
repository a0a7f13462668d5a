using System.Reflection;
using System.Runtime.InteropServices;

// Device build only: the desktop host project (host-sim/BmsGuard.Firmware.Host) generates its own
// assembly attributes and does not compile this file.
[assembly: AssemblyTitle("BmsGuard.Esp32")]
[assembly: AssemblyDescription("CAN gateway between the BMS and the TCU, ESP32 with two MCP2515")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyProduct("BMS Guard")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
