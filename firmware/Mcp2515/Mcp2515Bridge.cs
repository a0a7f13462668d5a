using System.Device.Gpio;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;

namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// Wires two MCP2515 controllers to a <see cref="Gateway"/>, as CanBridge does for
    /// native controllers: a falling INT edge drains that controller, every frame is decided and a
    /// forwarded frame is queued on the other controller. The frame is read into one reused
    /// <see cref="Mcp2515Frame"/> per side: nothing is allocated per frame. The MCP2515 keeps the DLC.
    /// A port over its <see cref="ReceiveBudget"/> is not listened to until the pause ends (<see cref="Resume"/>).
    /// </summary>
    public sealed class Mcp2515Bridge : IBusBridge
    {
        private readonly Mcp2515Controller _bms;
        private readonly Mcp2515Controller _tcu;
        private readonly Mcp2515Frame _bmsFrame = new Mcp2515Frame();
        private readonly Mcp2515Frame _tcuFrame = new Mcp2515Frame();
        private readonly PinValueChangedEventHandler _onBms;
        private readonly PinValueChangedEventHandler _onTcu;
        private Gateway _gateway;
        private IClock _clock;
        private System.Exception _fault;
        private object _gate;
        private ReceiveBudget _bmsBudget;
        private ReceiveBudget _tcuBudget;

        // The budgets a drain counts against: null for a side without a limit, so its drains make no call.
        private ReceiveBudget _bmsCounted;
        private ReceiveBudget _tcuCounted;

        /// <summary>Takes the two controllers, configured and in their operating mode; nothing is received until <see cref="Attach"/>.</summary>
        public Mcp2515Bridge(Mcp2515Controller bms, Mcp2515Controller tcu)
        {
            _bms = bms;
            _tcu = tcu;
            _onBms = new PinValueChangedEventHandler(OnBmsInterrupt);
            _onTcu = new PinValueChangedEventHandler(OnTcuInterrupt);
        }

        /// <summary>The controller on the BMS bus.</summary>
        public Mcp2515Controller Bms
        {
            get { return _bms; }
        }

        /// <summary>The controller on the TCU bus.</summary>
        public Mcp2515Controller Tcu
        {
            get { return _tcu; }
        }

        /// <inheritdoc />
        public void Attach(Gateway gateway, IClock clock, object gate)
        {
            _gateway = gateway;
            _clock = clock;
            _gate = gate;
            _bmsBudget = gateway.Budget(GatewayPort.Bms);
            _tcuBudget = gateway.Budget(GatewayPort.Tcu);
            _bmsCounted = _bmsBudget.Limited ? _bmsBudget : null;
            _tcuCounted = _tcuBudget.Limited ? _tcuBudget : null;
            Listen(_bms, _onBms, true);
            Listen(_tcu, _onTcu, true);
        }

        /// <inheritdoc />
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
        {
            return (to == GatewayPort.Bms ? _bms : _tcu).TryTransmit(id, extended, false, data, length);
        }

        /// <inheritdoc />
        public System.Exception TakeFault()
        {
            System.Exception fault = _fault;
            _fault = null;
            return fault;
        }

        /// <summary>Stops reacting to the INT pins (the controllers stay in their mode).</summary>
        public void Close()
        {
            Listen(_bms, _onBms, false);
            Listen(_tcu, _onTcu, false);
        }

        /// <summary>Drains both controllers, except a paused port's; for polling loops and for an INT that was low before subscription.</summary>
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
                    Drain(_bms, _tcu, GatewayPort.Bms, _bmsFrame);
                }

                if (!_tcuBudget.Paused)
                {
                    Drain(_tcu, _bms, GatewayPort.Tcu, _tcuFrame);
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
            ResumePort(_bms, _bmsBudget, _bmsFrame, _onBms, nowMicros);
            ResumePort(_tcu, _tcuBudget, _tcuFrame, _onTcu, nowMicros);
        }

        // The two receive buffers hold frames of the flood (the chip counted the rest as overflows):
        // dropped unjudged and counted, then the INT pin is listened to again.
        private void ResumePort(Mcp2515Controller from, ReceiveBudget budget, Mcp2515Frame frame, PinValueChangedEventHandler handler, long nowMicros)
        {
            if (!budget.Paused || !budget.Ended(nowMicros))
            {
                return;
            }

            int flushed = 0;
            while (from.TryReceive(frame))
            {
                flushed++;
                _gateway.Refuse(budget.Port, frame.Id, frame.Extended, frame.Remote, frame.Data, frame.Length, Verdict.ReceivePaused, nowMicros);
            }

            budget.Resume(flushed, nowMicros);
            Listen(from, handler, true);
        }

        // Not listening to a paused chip's INT: its edges stop (INT stays low while its buffers are full),
        // so a flood costs neither SPI nor events until the pause ends.
        private static void Listen(Mcp2515Controller controller, PinValueChangedEventHandler handler, bool on)
        {
            if (controller.Interrupt == null)
            {
                return;
            }

            if (on)
            {
                controller.Interrupt.ValueChanged += handler;
            }
            else
            {
                controller.Interrupt.ValueChanged -= handler;
            }
        }

        private void OnBmsInterrupt(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                Drain(_bms, _tcu, GatewayPort.Bms, _bmsFrame);
            }
        }

        private void OnTcuInterrupt(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                Drain(_tcu, _bms, GatewayPort.Tcu, _tcuFrame);
            }
        }

        private void Drain(Mcp2515Controller from, Mcp2515Controller to, GatewayPort port, Mcp2515Frame frame)
        {
            if (_gate == null)
            {
                DrainHeld(from, to, port, frame);
                return;
            }

            Monitor.Enter(_gate);
            try
            {
                DrainHeld(from, to, port, frame);
            }
            catch (System.Exception fault)
            {
                // Left uncaught it would end this event's dispatch uncounted (see IBusBridge.TakeFault).
                _gateway.CountDrop(port, Verdict.ReceiveFault);
                _fault = fault;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        // The budget (null: no limit) counts the frames at each clock reading and at the end: a flood that
        // refills the buffers as fast as they drain still ends the loop.
        private void DrainHeld(Mcp2515Controller from, Mcp2515Controller to, GatewayPort port, Mcp2515Frame frame)
        {
            ReceiveBudget budget = port == GatewayPort.Bms ? _bmsCounted : _tcuCounted;

            // The clock as DrainClock says: once for the first frame and every DrainClock.Every after.
            long now = 0;
            int n = 0;
            while (from.TryReceive(frame))
            {
                if ((n & (DrainClock.Every - 1)) == 0)
                {
                    if (n > 0 && budget != null && !budget.Admit(DrainClock.Every, now))
                    {
                        // Read but not judged, as the flush at the pause's end drops the rest.
                        _gateway.Refuse(port, frame.Id, frame.Extended, frame.Remote, frame.Data, frame.Length, Verdict.ReceivePaused, now);
                        Listen(from, port == GatewayPort.Bms ? _onBms : _onTcu, false);
                        return;
                    }

                    now = _clock.NowMicros;
                }

                n++;

                Verdict verdict = _gateway.Decide(port, frame.Id, frame.Extended, frame.Remote, frame.Data, frame.Length, now);
                if (verdict != Verdict.Forward)
                {
                    continue;
                }

                if (!to.TryTransmit(frame.Id, frame.Extended, frame.Remote, frame.Data, frame.Length))
                {
                    // All three transmit buffers busy or the controller not transmitting: counted, never silent.
                    _gateway.CountDrop(port, Verdict.QueueFull);
                }
            }

            // The frames since the last clock reading.
            if (n > 0 && budget != null && !budget.Admit(DrainClock.SinceReading(n), now))
            {
                Listen(from, port == GatewayPort.Bms ? _onBms : _onTcu, false);
            }
        }
    }
}
