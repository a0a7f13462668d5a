using BmsGuard.Core;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Verbs;
using BmsGuard.Tests.Stored;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// On the device the tick holds the node's gate, which the receive events wait for. A connection attempt toward an
/// unreachable broker blocks for the MQTT client's connect timeout. So a node with a gate makes its attempts in
/// <see cref="GatewayNode.Reconnect"/>, outside the gate, and frames are decided meanwhile.
/// </summary>
public sealed class UplinkConnectGateTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly GuardBench _bench = new();
    private readonly EmulatedBoard _can = new();
    private readonly HangingTransport _transport = new();

    [Fact]
    public async Task A_connection_attempt_that_hangs_does_not_hold_up_the_frames()
    {
        var (node, bms) = Open(oneThread: false);
        try
        {
            var attempt = Task.Run(() => node.Reconnect(GuardBench.Now));
            Assert.True(_transport.Entered.Wait(Patience), "the attempt is made");

            // While it hangs, a frame from the BMS is decided (no rule allows 0x0D0).
            Assert.True(await Task.Run(() => bms.Receive(0x0D0, false, false, new byte[8], 8)).WaitAsync(Patience));
            Assert.Equal(1, node.Gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));
            Assert.False(attempt.IsCompleted, "the attempt still hangs");

            _transport.Release.Set();
            await attempt.WaitAsync(Patience);
            Assert.Equal(1, _transport.Attempts);
        }
        finally
        {
            _transport.Release.Set();
            node.Close();
        }
    }

    [Fact]
    public void With_a_gate_the_tick_makes_no_attempt_and_Reconnect_one_per_interval()
    {
        var (node, _) = Open(oneThread: false);
        _transport.Release.Set();
        try
        {
            node.Tick(GuardBench.Now);
            node.Tick(GuardBench.Now + 10_000_000);
            Assert.Equal(0, _transport.Attempts);

            node.Reconnect(GuardBench.Now);
            node.Reconnect(GuardBench.Now + 1_000);
            Assert.Equal(1, _transport.Attempts);
            node.Reconnect(GuardBench.Now + TelemetryUplink.For("v/", 0, false, false).ReconnectMicros);
            Assert.Equal(2, _transport.Attempts);
        }
        finally
        {
            node.Close();
        }
    }

    [Fact]
    public void A_one_thread_node_as_the_emulator_runs_connects_in_its_tick()
    {
        var (node, _) = Open(oneThread: true);
        _transport.Release.Set();
        try
        {
            node.Reconnect(GuardBench.Now);
            Assert.Equal(0, _transport.Attempts);
            node.Tick(GuardBench.Now);
            Assert.Equal(1, _transport.Attempts);
        }
        finally
        {
            node.Close();
        }
    }

    public void Dispose()
    {
        _can.Dispose();
        _bench.Dispose();
    }

    // A provisioned guard with the reference policy on an emulated NUCLEO, its uplink on the hanging transport.
    private (GatewayNode Node, EmulatedCanPort Bms) Open(bool oneThread)
    {
        var (node, bms) = NucleoNode.Open(_can, oneThread, GuardFiles.At(_bench.GuardDir + Path.DirectorySeparatorChar));
        Assert.Equal(BundleReason.Accepted, node.Guard.Telemetry.OfferPolicy(_bench.Bundle, _bench.Bundle.Length, GuardBench.Now));
        Assert.True(node.Guard.Telemetry.Connect(_transport, "broker.owner.example"));
        return (node, bms);
    }

    // A broker that never answers: each attempt waits until the test lets it fail.
    private sealed class HangingTransport : IUplinkTransport
    {
        public readonly ManualResetEventSlim Entered = new();
        public readonly ManualResetEventSlim Release = new();
        public int Attempts;

        public bool IsConnected => false;

        public bool TryConnect(long nowMicros)
        {
            Interlocked.Increment(ref Attempts);
            Entered.Set();
            Release.Wait();
            return false;
        }

        public int Publish(string topic, byte[] payload, int length) => -1;

        public bool IsAcknowledged(int messageId) => false;

        public void Service(long nowMicros)
        {
        }
    }
}
