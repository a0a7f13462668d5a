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
        private object _gate;

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
            if (_bms.Interrupt != null)
            {
                _bms.Interrupt.ValueChanged += _onBms;
            }

            if (_tcu.Interrupt != null)
            {
                _tcu.Interrupt.ValueChanged += _onTcu;
            }
        }

        /// <inheritdoc />
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
        {
            return (to == GatewayPort.Bms ? _bms : _tcu).TryTransmit(id, extended, false, data, length);
        }

        /// <summary>Stops reacting to the INT pins (the controllers stay in their mode).</summary>
        public void Close()
        {
            if (_bms.Interrupt != null)
            {
                _bms.Interrupt.ValueChanged -= _onBms;
            }

            if (_tcu.Interrupt != null)
            {
                _tcu.Interrupt.ValueChanged -= _onTcu;
            }
        }

        /// <summary>Drains both controllers; for polling loops and for an INT that was low before subscription.</summary>
        public void Poll()
        {
            Drain(_bms, _tcu, GatewayPort.Bms, _bmsFrame);
            Drain(_tcu, _bms, GatewayPort.Tcu, _tcuFrame);
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
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void DrainHeld(Mcp2515Controller from, Mcp2515Controller to, GatewayPort port, Mcp2515Frame frame)
        {
            // The clock as DrainClock says: once for the first frame and every DrainClock.Every after.
            long now = 0;
            for (int n = 0; from.TryReceive(frame); n++)
            {
                if ((n & (DrainClock.Every - 1)) == 0)
                {
                    now = _clock.NowMicros;
                }

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
        }
    }
}
