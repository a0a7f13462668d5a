using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Verbs;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// A frame whose reading or deciding throws, on the device's receive event: counted as receive-fault, the frames after
/// it still decided, and the fault kept for the main loop. In the emulator (one thread) it reaches the caller.
/// </summary>
public class ReceiveFaultTests
{
    private const uint Poisoned = 0x123;

    [Fact]
    public void With_a_gate_the_frame_is_counted_and_the_next_one_is_decided_and_the_fault_is_kept_once()
    {
        using var board = new EmulatedBoard();
        var (node, bms) = Open(board, oneThread: false);
        try
        {
            bms.Receive(Poisoned, false, false, new byte[8], 8);
            Assert.Equal(1, node.Gateway.Count(GatewayPort.Bms, Verdict.ReceiveFault));

            bms.Receive(0x0D0, false, false, new byte[8], 8);
            Assert.Equal(1, node.Gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));

            Assert.IsType<InvalidOperationException>(node.TakeReceiveFault());
            Assert.Null(node.TakeReceiveFault());
            Assert.Equal("receive-fault", VerdictNames.Name(Verdict.ReceiveFault));
        }
        finally
        {
            node.Close();
        }
    }

    [Fact]
    public void In_the_emulator_the_fault_reaches_the_caller()
    {
        using var board = new EmulatedBoard();
        var (node, bms) = Open(board, oneThread: true);
        try
        {
            Assert.Throws<InvalidOperationException>(() => bms.Receive(Poisoned, false, false, new byte[8], 8));
            Assert.Equal(0, node.Gateway.Count(GatewayPort.Bms, Verdict.ReceiveFault));
            Assert.Null(node.TakeReceiveFault());
        }
        finally
        {
            node.Close();
        }
    }

    // The reference node on an emulated NUCLEO, with an observer that throws on one id (a defect stand-in).
    private static (GatewayNode Node, EmulatedCanPort Bms) Open(EmulatedBoard board, bool oneThread)
    {
        var (node, bms) = NucleoNode.Open(board, oneThread);
        node.Gateway.AddObserver(new Poison());
        return (node, bms);
    }

    private sealed class Poison : IBusObserver
    {
        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            if (id == Poisoned)
            {
                throw new InvalidOperationException("poisoned frame");
            }
        }
    }
}
