using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.Tests.Support;

/// <summary>The reference node on an emulated NUCLEO-F767ZI, as the board's Program.Main assembles it; the BMS controller's port takes the test's frames.</summary>
public static class NucleoNode
{
    /// <summary>
    /// Opens both controllers on <paramref name="can"/> and a node over them with the reference rules, in memory unless
    /// <paramref name="files"/> are given, its bridge passed through <paramref name="wrap"/> when given.
    /// </summary>
    public static (GatewayNode Node, EmulatedCanPort Bms) Open(EmulatedBoard can, bool oneThread, GuardFiles? files = null, Func<IBusBridge, IBusBridge>? wrap = null)
    {
        var bms = can.AddController(NucleoF767ZiBoard.BmsController, null!);
        can.AddController(NucleoF767ZiBoard.TcuController, null!);
        can.Activate();
        IBusBridge bridge = NucleoF767ZiBoard.Open();
        var node = new GatewayNode(RuleFiles.Load(null), new SimulatedClock(), wrap == null ? bridge : wrap(bridge), files ?? GuardFiles.InMemory(), oneThread);
        return (node, bms);
    }
}
