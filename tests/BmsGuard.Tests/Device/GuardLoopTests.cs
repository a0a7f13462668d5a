using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Faults;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.Esp32;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Verbs;
using nanoFramework.Runtime.Native;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// The device's main loop on the host's stand-ins: a step that throws is counted and recorded and the other steps
/// still run, and so is a fault a receive event caught; an exhausted heap and a stalled loop restart the board; the
/// boards restart through nanoFramework's Power.RebootDevice.
/// </summary>
public class GuardLoopTests
{
    [Fact]
    public void A_poll_that_throws_is_counted_and_recorded_and_the_tick_after_it_still_runs()
    {
        using var rig = new Rig();
        rig.Bridge.PollFault = new IOException("flash busy");

        Assert.True(rig.Loop.Pass());
        Assert.True(rig.Loop.Pass());

        Assert.Equal(2, rig.Loop.Faults.OfStep(LoopStep.Poll));
        Assert.Equal(2, rig.Loop.Faults.OfClass(FaultClass.Io));
        Assert.Equal(2, rig.Bridge.Resumes);
        Assert.Equal(0, rig.Board.Restarts);
        var faults = rig.Records().Where(r => r.Kind == AuditKind.LoopFault).ToList();
        Assert.Single(faults);
        Assert.Equal(LoopStep.Poll, faults[0].Reason);
        Assert.Equal([(byte)FaultClass.Io, 0, 0, 0, 0, 1, 0, 0, 0, 0], faults[0].Detail);
    }

    [Fact]
    public void Three_out_of_memory_passes_restart_the_board_after_a_record_that_says_so()
    {
        using var rig = new Rig();
        rig.Bridge.ResumeFault = new OutOfMemoryException();

        Assert.True(rig.Loop.Pass());
        Assert.True(rig.Loop.Pass());
        Assert.Equal(0, rig.Board.Restarts);
        Assert.False(rig.Loop.Pass());

        Assert.Equal(1, rig.Board.Restarts);
        Assert.Equal(3, rig.Loop.Faults.OfClass(FaultClass.OutOfMemory));
        var last = rig.Records().Last();
        Assert.Equal(AuditKind.LoopFault, last.Kind);
        Assert.Equal(LoopStep.Tick, last.Reason);
        Assert.Equal(1, last.Detail[1]);
        Assert.Equal(3, last.Detail[5]);
        Assert.Equal(1, last.Detail[9]);
    }

    [Fact]
    public void A_clean_pass_between_out_of_memory_faults_keeps_the_board_running()
    {
        using var rig = new Rig();
        for (int i = 0; i < 10; i++)
        {
            rig.Bridge.ResumeFault = i % 2 == 0 ? new OutOfMemoryException() : null;
            Assert.True(rig.Loop.Pass());
        }

        Assert.Equal(5, rig.Loop.Faults.OfClass(FaultClass.OutOfMemory));
        Assert.Equal(0, rig.Board.Restarts);
    }

    [Fact]
    public void A_status_line_that_throws_is_a_status_fault_and_the_frames_are_still_polled()
    {
        using var rig = new Rig();
        rig.Board.StatusFault = new InvalidOperationException();
        for (int i = 0; i < GuardLoop.StatusEveryPasses; i++)
        {
            Assert.True(rig.Loop.Pass());
        }

        Assert.Equal(1, rig.Loop.Faults.OfStep(LoopStep.Status));
        Assert.Equal(GuardLoop.StatusEveryPasses, rig.Bridge.Polls);
    }

    [Fact]
    public void A_loop_that_stops_coming_round_is_restarted_by_the_watch()
    {
        using var rig = new Rig(stallChecks: 2);
        rig.Loop.Pass();
        var watch = new Thread(rig.Loop.Watch) { IsBackground = true };
        watch.Start();

        // No pass after the first: two quiet checks, a second apart.
        Assert.True(watch.Join(TimeSpan.FromSeconds(10)), "the watch restarts and returns");
        Assert.Equal(1, rig.Board.Restarts);
    }

    [Fact]
    public void A_fault_the_receive_events_caught_fails_the_receive_step_once_and_is_recorded()
    {
        using var rig = new Rig();
        rig.Node.Gateway.AddObserver(new Poison());
        rig.Bms.Receive(Poison.Id, false, false, new byte[8], 8);
        rig.Bms.Receive(Poison.Id, false, false, new byte[8], 8);

        Assert.True(rig.Loop.Pass());
        Assert.True(rig.Loop.Pass());

        Assert.Equal(2, rig.Node.Gateway.Count(GatewayPort.Bms, Verdict.ReceiveFault));
        Assert.Equal(1, rig.Loop.Faults.OfStep(LoopStep.Receive));
        var record = Assert.Single(rig.Records(), r => r.Kind == AuditKind.LoopFault);
        Assert.Equal(LoopStep.Receive, record.Reason);
        Assert.Equal((byte)FaultClass.InvalidOperation, record.Detail[0]);
    }

    [Fact]
    public void Both_boards_restart_with_a_normal_reboot()
    {
        int before = Power.Requests;
        new NucleoF767ZiBoard().Restart();
        Assert.Equal(before + 1, Power.Requests);
        new Esp32Mcp2515Board().Restart();
        Assert.Equal(before + 2, Power.Requests);
        Assert.Equal(RebootOption.NormalReboot, Power.LastOption);
    }

    // A node on an emulated NUCLEO whose bridge throws on demand, a board that counts restarts, and the loop over both.
    private sealed class Rig : IDisposable
    {
        private readonly EmulatedBoard _can = new();
        private readonly GuardFiles _files = GuardFiles.InMemory();

        public Rig(int stallChecks = StallWatch.DefaultQuietChecks)
        {
            FaultyBridge? bridge = null;
            (Node, Bms) = NucleoNode.Open(_can, false, _files, inner => bridge = new FaultyBridge(inner));
            Bridge = bridge!;
            Loop = new GuardLoop(Board, Node, new SimulatedClock(), new LoopFaults(), new StallWatch(stallChecks));
        }

        public CountingBoard Board { get; } = new();

        public EmulatedCanPort Bms { get; }

        public FaultyBridge Bridge { get; }

        public GatewayNode Node { get; }

        public GuardLoop Loop { get; }

        public List<(int Kind, int Reason, byte[] Detail)> Records()
        {
            // Unprovisioned: the audit key is zeros.
            var scanner = new AuditScanner(new byte[32]);
            var list = new List<(int, int, byte[])>();
            scanner.Start(_files.Audit);
            for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
            {
                if (e is AuditScanner.Record or AuditScanner.Resumed)
                {
                    byte[] r = scanner.RecordBytes;
                    list.Add((AuditRecord.Kind(r), AuditRecord.Reason(r), r.AsSpan(AuditRecord.HeaderSize, AuditRecord.DetailLength(r)).ToArray()));
                }
            }

            return list;
        }

        public void Dispose()
        {
            Node.Close();
            _can.Dispose();
        }
    }

    // An observer that throws on one id: a defect in deciding a frame.
    private sealed class Poison : IBusObserver
    {
        public const uint Id = 0x123;

        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            if (id == Id)
            {
                throw new InvalidOperationException("poisoned frame");
            }
        }
    }

    private sealed class CountingBoard : IGuardBoard
    {
        public int Restarts;

        public Exception? StatusFault;

        public GuardFiles Files() => throw new NotSupportedException();

        public IBusBridge OpenBridge() => throw new NotSupportedException();

        public void PrintStatus()
        {
            if (StatusFault != null)
            {
                throw StatusFault;
            }
        }

        public void Restart() => Interlocked.Increment(ref Restarts);
    }

    // The board's bridge, throwing from Poll or Resume (called by the node's tick) while a fault is set.
    private sealed class FaultyBridge(IBusBridge inner) : IBusBridge
    {
        public Exception? PollFault;
        public Exception? ResumeFault;
        public int Polls;
        public int Resumes;

        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length) => inner.Send(to, id, extended, data, length);

        public void Attach(Gateway gateway, IClock clock, object gate) => inner.Attach(gateway, clock, gate);

        public void Poll()
        {
            Polls++;
            if (PollFault != null)
            {
                throw PollFault;
            }

            inner.Poll();
        }

        public void Resume(long nowMicros)
        {
            Resumes++;
            if (ResumeFault != null)
            {
                throw ResumeFault;
            }

            inner.Resume(nowMicros);
        }

        public void Close() => inner.Close();

        public Exception? TakeFault() => inner.TakeFault();
    }
}
