using System.Threading;
using BmsGuard.Core;
using nanoFramework.Device.Can;

namespace BmsGuard.Device
{
    /// <summary>
    /// Wires two CAN controllers to a <see cref="Gateway"/>: every received frame is decided, and a
    /// forwarded frame is written to the other controller. The received <see cref="CanMessage"/> is
    /// edited and written back as is, so the bridge allocates nothing of its own per frame.
    /// Frames are decided under a gate object: on the device the receive event runs on the runtime's
    /// event thread while the main loop polls and ticks the guard, and the guard's state (rate limits,
    /// command counters, diagnostic sessions) must see one of them at a time. A port over its
    /// <see cref="ReceiveBudget"/> loses its handler until the pause ends (<see cref="Resume"/>).
    /// </summary>
    public sealed class CanBridge : IBusBridge
    {
        private readonly CanController _bms;
        private readonly CanController _tcu;
        private readonly CanMessageReceivedEventHandler _onBms;
        private readonly CanMessageReceivedEventHandler _onTcu;
        private Gateway _gateway;
        private IClock _clock;
        private System.Exception _fault;
        private object _gate;
        private ReceiveBudget _bmsBudget;
        private ReceiveBudget _tcuBudget;

        // The budgets a drain counts against: null for a side without a limit, so its drains make no call.
        private ReceiveBudget _bmsCounted;
        private ReceiveBudget _tcuCounted;
        private int _coalescing;

        /// <summary>Takes the two open controllers; nothing is received until <see cref="Attach"/>.</summary>
        public CanBridge(CanController bms, CanController tcu)
        {
            _bms = bms;
            _tcu = tcu;
            _onBms = new CanMessageReceivedEventHandler(OnBmsMessage);
            _onTcu = new CanMessageReceivedEventHandler(OnTcuMessage);
        }

        /// <summary>
        /// Milliseconds the receive handler waits before it drains (0, the default: at once). On a busy bus the
        /// frames that arrive meanwhile share the event, whose dispatch costs more on the interpreter than a
        /// frame's decision (docs/device.md, "A full bus"); the processor is free for the main loop while it
        /// waits. Needs a driver that posts no event while one is pending (the NUCLEO image's event-per-drain
        /// patch): with one event per frame, waiting would only queue them.
        /// </summary>
        public int Coalescing
        {
            get { return _coalescing; }
            set { _coalescing = value < 0 ? 0 : value; }
        }

        /// <inheritdoc />
        public void Attach(Gateway gateway, IClock clock, object gate)
        {
            _gate = gate;
            _gateway = gateway;
            _clock = clock;
            _bmsBudget = gateway.Budget(GatewayPort.Bms);
            _tcuBudget = gateway.Budget(GatewayPort.Tcu);
            _bmsCounted = _bmsBudget.Limited ? _bmsBudget : null;
            _tcuCounted = _tcuBudget.Limited ? _tcuBudget : null;
            _bms.MessageReceived += _onBms;
            _tcu.MessageReceived += _onTcu;
        }

        /// <inheritdoc />
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
        {
            // Rare (commands, diagnostics): a new message per frame is acceptable here, not on the forward path.
            byte[] payload = new byte[length];
            System.Array.Copy(data, payload, length);
            CanMessage message = new CanMessage(
                id,
                extended ? CanMessageIdType.EID : CanMessageIdType.SID,
                CanMessageFrameType.Data,
                payload);
            try
            {
                (to == GatewayPort.Bms ? _bms : _tcu).WriteMessage(message);
            }
            catch (System.Exception)
            {
                return false;
            }

            return true;
        }

        /// <inheritdoc />
        public System.Exception TakeFault()
        {
            System.Exception fault = _fault;
            _fault = null;
            return fault;
        }

        /// <summary>Stops receiving and closes both controllers.</summary>
        public void Close()
        {
            _bms.MessageReceived -= _onBms;
            _tcu.MessageReceived -= _onTcu;
            _bms.Dispose();
            _tcu.Dispose();
        }

        /// <summary>Drains both receive buffers, except a paused port's; for polling loops and for frames that raced the event.</summary>
        public void Poll()
        {
            // Under the gate: the event thread may pause a side between the check and the drain (the gate is reentrant).
            object gate = _gate;
            if (gate != null)
            {
                Monitor.Enter(gate);
            }

            try
            {
                if (!_bmsBudget.Paused)
                {
                    Drain(_bms, _tcu, GatewayPort.Bms, _bmsCounted);
                }

                if (!_tcuBudget.Paused)
                {
                    Drain(_tcu, _bms, GatewayPort.Tcu, _tcuCounted);
                }
            }
            finally
            {
                if (gate != null)
                {
                    Monitor.Exit(gate);
                }
            }
        }

        /// <inheritdoc />
        public void Resume(long nowMicros)
        {
            ResumePort(_bms, _bmsBudget, _onBms, nowMicros);
            ResumePort(_tcu, _tcuBudget, _onTcu, nowMicros);
        }

        // What the controller still holds arrived during the flood: dropped unjudged and counted, then the
        // handler is back (on the STM32 that also gives the driver its receive callback back).
        private void ResumePort(CanController from, ReceiveBudget budget, CanMessageReceivedEventHandler handler, long nowMicros)
        {
            if (!budget.Paused || !budget.Ended(nowMicros))
            {
                return;
            }

            int flushed = 0;
            CanMessage message;
            while ((message = from.GetMessage()) != null)
            {
                flushed++;
                Refuse(message, budget.Port, nowMicros);
            }

            budget.Resume(flushed, nowMicros);
            from.MessageReceived += handler;
        }

        // Without a handler the STM32 driver has no receive callback (nf-interpreter's CanController
        // NativeUpdateCallbacks): the controller drops the flood in hardware and posts no events.
        private void Pause(CanController from, GatewayPort port)
        {
            from.MessageReceived -= port == GatewayPort.Bms ? _onBms : _onTcu;
        }

        private void Refuse(CanMessage message, GatewayPort port, long nowMicros)
        {
            byte[] data = message.Message;
            _gateway.Refuse(
                port,
                message.Id,
                message.IdentifierType == CanMessageIdType.EID,
                message.FrameType == CanMessageFrameType.RemoteRequest,
                data,
                data == null ? 0 : data.Length,
                Verdict.ReceivePaused,
                nowMicros);
        }

        private void OnBmsMessage(object sender, CanMessageReceivedEventArgs e)
        {
            // Outside the gate: the main loop may take it while the frames gather.
            if (_coalescing > 0)
            {
                Thread.Sleep(_coalescing);
            }

            Drain(_bms, _tcu, GatewayPort.Bms, _bmsCounted);
        }

        private void OnTcuMessage(object sender, CanMessageReceivedEventArgs e)
        {
            if (_coalescing > 0)
            {
                Thread.Sleep(_coalescing);
            }

            Drain(_tcu, _bms, GatewayPort.Tcu, _tcuCounted);
        }

        // The event carries no frame: read until the controller's buffer is empty, holding the gate. One
        // method: every frame posts an event, and on the interpreter each call level costs about a microsecond.
        // The budget (null: no limit) counts the frames at each clock reading and at the end: a flood that
        // refills the buffer as fast as it drains still ends the loop.
        private void Drain(CanController from, CanController to, GatewayPort port, ReceiveBudget budget)
        {
            object gate = _gate;
            if (gate != null)
            {
                Monitor.Enter(gate);
            }

            try
            {
                // The clock as DrainClock says: once for the first frame and every DrainClock.Every after.
                long now = 0;
                int n = 0;
                CanMessage message;
                while ((message = from.GetMessage()) != null)
                {
                    if ((n & (DrainClock.Every - 1)) == 0)
                    {
                        if (n > 0 && budget != null && !budget.Admit(DrainClock.Every, now))
                        {
                            // Read but not judged, as the flush at the pause's end drops the rest.
                            Refuse(message, port, now);
                            Pause(from, port);
                            return;
                        }

                        now = _clock.NowMicros;
                    }

                    n++;
                    byte[] data = message.Message;
                    int length = data == null ? 0 : data.Length;
                    bool extended = message.IdentifierType == CanMessageIdType.EID;
                    bool remote = message.FrameType == CanMessageFrameType.RemoteRequest;
                    Verdict verdict = _gateway.Decide(port, message.Id, extended, remote, data, length, now);
                    if (verdict != Verdict.Forward)
                    {
                        continue;
                    }

                    try
                    {
                        to.WriteMessage(message);
                    }
                    catch (System.Exception)
                    {
                        // A transmit failure (mailboxes full, bus-off) must not be silent: count it.
                        _gateway.CountDrop(port, Verdict.QueueFull);
                    }
                }

                // The frames since the last clock reading.
                if (n > 0 && budget != null && !budget.Admit(DrainClock.SinceReading(n), now))
                {
                    Pause(from, port);
                }
            }
            catch (System.Exception fault)
            {
                // Left uncaught on the device it would end this event's dispatch uncounted. One catch per drain, not per
                // frame: a try the interpreter leaves costs an exception-table search.
                if (gate == null)
                {
                    throw;
                }

                _gateway.CountDrop(port, Verdict.ReceiveFault);
                _fault = fault;
            }
            finally
            {
                if (gate != null)
                {
                    Monitor.Exit(gate);
                }
            }
        }
    }
}
