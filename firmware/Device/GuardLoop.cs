using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Faults;

namespace BmsGuard.Device
{
    /// <summary>
    /// The device's main loop after boot: each pass runs the steps of <see cref="LoopStep"/> (time, poll, tick, status, receive),
    /// each in its own try, so one failing step neither skips the others nor ends the program. What a fault leads to is
    /// <see cref="LoopFaults"/>' policy; a loop that stops coming round is <see cref="StallWatch"/>'s, checked by
    /// <see cref="Watch"/> on a thread of its own. Frames themselves are decided on the controllers' events, not here.
    /// </summary>
    public sealed class GuardLoop
    {
        /// <summary>Pause between passes.</summary>
        public const int PassMilliseconds = 50;

        /// <summary>Passes between status lines: 10 s.</summary>
        public const int StatusEveryPasses = 200;

        private readonly IGuardBoard _board;
        private readonly GatewayNode _node;
        private readonly IClock _clock;
        private readonly TimeSource _time = new TimeSource();
        private readonly LoopFaults _faults;
        private readonly StallWatch _stall;
        private readonly byte[] _detail = new byte[LoopFaults.DetailLength];
        private int _passes;

        /// <summary>A loop over <paramref name="node"/> on <paramref name="board"/>, with the given fault and stall policies.</summary>
        public GuardLoop(IGuardBoard board, GatewayNode node, IClock clock, LoopFaults faults, StallWatch stall)
        {
            _board = board;
            _node = node;
            _clock = clock;
            _faults = faults;
            _stall = stall;
        }

        /// <summary>The faults counted so far, and the policy that answers them.</summary>
        public LoopFaults Faults
        {
            get { return _faults; }
        }

        /// <summary>Passes forever (the device's Program.Main ends here).</summary>
        public void Run()
        {
            while (Pass())
            {
                Thread.Sleep(PassMilliseconds);
            }

            // The board's restart returned: only a host stand-in does. Leave the bus rather than run on.
            try
            {
                _node.Close();
            }
            catch (System.Exception)
            {
                // Closing failed as well: nothing more to do from here.
            }

            while (true)
            {
                Thread.Sleep(1000);
            }
        }

        /// <summary>One pass of every step; false when a fault asked the board to restart.</summary>
        public bool Pass()
        {
            for (int step = 0; step < LoopStep.Count; step++)
            {
                try
                {
                    RunStep(step);
                }
                catch (System.Exception fault)
                {
                    if (Answer(step, fault))
                    {
                        return false;
                    }
                }
            }

            _faults.PassEnded();
            _stall.Beat();
            return true;
        }

        /// <summary>The stall watch's thread: a check a second; a stalled loop restarts the board.</summary>
        public void Watch()
        {
            while (true)
            {
                Thread.Sleep(1000);
                if (_stall.Check())
                {
                    Say(LineStalled, _stall.QuietChecks, null, null);
                    // No audit record: the stalled step may hold the node's gate, and the log is not written without it.
                    _board.Restart();
                    return;
                }
            }
        }

        private void RunStep(int step)
        {
            switch (step)
            {
                case LoopStep.Time:
                    // Signed commands are judged against the wall clock: until SNTP has set it from a time server the
                    // owner's policy lists, every command is "not yet valid" and denied.
                    if (_time.Apply(_node.Guard.Telemetry.Store.Active))
                    {
                        System.Console.WriteLine(_time.Status);
                    }

                    break;
                case LoopStep.Poll:
                    // Events drive the bridge; the poll catches frames that arrived before subscription.
                    _node.Bridge.Poll();
                    break;
                case LoopStep.Tick:
                    long now = _clock.NowMicros;
                    _node.Reconnect(now);
                    _node.Tick(now);
                    break;
                case LoopStep.Receive:
                    // A fault the receive events caught (and counted as receive-fault) fails this step, so the loop
                    // counts and records it as its own: one a pass, however many frames it cost.
                    System.Exception fault = _node.TakeReceiveFault();
                    if (fault != null)
                    {
                        throw fault;
                    }

                    break;
                default:
                    if (++_passes >= StatusEveryPasses)
                    {
                        _passes = 0;
                        _board.PrintStatus();
                        if (_faults.Total > 0)
                        {
                            System.Console.WriteLine(_faults.Status());
                        }
                    }

                    break;
            }
        }

        // Counts the fault and carries out the policy's answer; true when the board was asked to restart. Printing and
        // the record may fail too (the heap is what ran out, often): neither stops the answer.
        private bool Answer(int step, System.Exception fault)
        {
            long now = _clock.NowMicros;
            int answer = _faults.Fault(step, fault, now);
            bool restart = answer == LoopFaults.Restart;
            if (answer != LoopFaults.GoOn)
            {
                // Printed as often as recorded: a step failing every pass would otherwise print 20 lines a second. The
                // status line counts the rest.
                Say(restart ? LineRestart : LineFault, 0, LoopStep.Name(step), FaultClass.Name(_faults.LastClass));
                Record(restart, now);
            }

            if (restart)
            {
                _board.Restart();
            }

            return restart;
        }

        private void Record(bool restart, long now)
        {
            try
            {
                Monitor.Enter(_node.Gate);
                try
                {
                    _faults.WriteDetail(_detail, restart);
                    _node.Guard.Audit.Record(now, AuditKind.LoopFault, _faults.LastStep, _detail, LoopFaults.DetailLength);
                }
                finally
                {
                    Monitor.Exit(_node.Gate);
                }
            }
            catch (System.Exception)
            {
                Say(LineNoRecord, 0, null, null);
            }
        }

        private const int LineFault = 0;
        private const int LineRestart = 1;
        private const int LineNoRecord = 2;
        private const int LineStalled = 3;

        // The line is put together inside the try: when the heap is what ran out, joining strings throws too.
        private static void Say(int line, int seconds, string step, string faultClass)
        {
            try
            {
                System.Console.WriteLine(
                    line == LineStalled ? "loop stalled: no pass for " + seconds.ToString() + " s, restarting"
                    : line == LineNoRecord ? "loop fault: its audit record failed; the counters keep it"
                    : "loop fault: " + step + " " + faultClass + (line == LineRestart ? ", restarting" : ""));
            }
            catch (System.Exception)
            {
                // Nothing left to tell it with; the counters and the record carry the fault.
            }
        }
    }
}
