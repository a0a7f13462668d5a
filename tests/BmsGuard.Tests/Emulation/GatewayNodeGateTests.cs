using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Emulation;

/// <summary>
/// On the device, frames are decided on the CAN event thread while the main loop ticks the guard:
/// the node's gate makes them take turns.
/// </summary>
public class GatewayNodeGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_frame_arriving_while_another_thread_holds_the_gate_is_decided_after_it_lets_go()
    {
        using var board = new EmulatedBoard();
        var (node, bms) = Open(board, oneThread: false);
        var holder = new GateHolder(node.Gate);
        try
        {
            // Another thread (the device's event thread) receives a frame no rule allows.
            var received = Task.Run(() => bms.Receive(0x0D0, false, false, new byte[8], 8));
            await Task.Delay(200);
            Assert.False(received.IsCompleted, "the frame must wait for the gate");
            Assert.Equal(0, node.Gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));

            holder.Release();
            Assert.True(await received.WaitAsync(Patience));
            Assert.Equal(1, node.Gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));
        }
        finally
        {
            holder.Release();
            node.Close();
        }
    }

    [Fact]
    public async Task A_tick_waits_while_the_gate_is_held()
    {
        using var board = new EmulatedBoard();
        var (node, _) = Open(board, oneThread: false);
        var holder = new GateHolder(node.Gate);
        try
        {
            var ticked = Task.Run(() => node.Tick(1_000_000));
            await Task.Delay(200);
            Assert.False(ticked.IsCompleted, "the tick must wait for the gate");

            holder.Release();
            await ticked.WaitAsync(Patience);
        }
        finally
        {
            holder.Release();
            node.Close();
        }
    }

    [Fact]
    public async Task A_one_thread_node_as_the_replay_uses_decides_without_the_gate()
    {
        using var board = new EmulatedBoard();
        var (node, bms) = Open(board, oneThread: true);
        var holder = new GateHolder(node.Gate);
        try
        {
            Assert.True(await Task.Run(() => bms.Receive(0x0D0, false, false, new byte[8], 8)).WaitAsync(Patience));
            Assert.Equal(1, node.Gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));
        }
        finally
        {
            holder.Release();
            node.Close();
        }
    }

    private static (GatewayNode Node, EmulatedCanPort Bms) Open(EmulatedBoard board, bool oneThread) => NucleoNode.Open(board, oneThread);

    // Holds a gate on a thread of its own (Monitor is owned per thread) until released; releasing
    // twice is harmless, so a test releases again in its finally and a failed assertion cannot leave
    // the thread holding the gate.
    private sealed class GateHolder
    {
        private readonly ManualResetEventSlim _release = new();
        private readonly Thread _thread;

        public GateHolder(object gate)
        {
            using var held = new ManualResetEventSlim();
            _thread = new Thread(() =>
            {
                Monitor.Enter(gate);
                try
                {
                    held.Set();
                    _release.Wait();
                }
                finally
                {
                    Monitor.Exit(gate);
                }
            });
            _thread.Start();
            held.Wait();
        }

        public void Release()
        {
            _release.Set();
            _thread.Join();
        }
    }
}
