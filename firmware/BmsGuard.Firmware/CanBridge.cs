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
    /// command counters, diagnostic sessions) must see one of them at a time.
    /// </summary>
    public sealed class CanBridge : IBusBridge
    {
        private readonly CanController _bms;
        private readonly CanController _tcu;
        private Gateway _gateway;
        private IClock _clock;
        private object _gate;

        /// <summary>Takes the two open controllers; nothing is received until <see cref="Attach"/>.</summary>
        public CanBridge(CanController bms, CanController tcu)
        {
            _bms = bms;
            _tcu = tcu;
        }

        /// <inheritdoc />
        public void Attach(Gateway gateway, IClock clock, object gate)
        {
            _gate = gate;
            _gateway = gateway;
            _clock = clock;
            _bms.MessageReceived += OnBmsMessage;
            _tcu.MessageReceived += OnTcuMessage;
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

        /// <summary>Stops receiving and closes both controllers.</summary>
        public void Close()
        {
            _bms.MessageReceived -= OnBmsMessage;
            _tcu.MessageReceived -= OnTcuMessage;
            _bms.Dispose();
            _tcu.Dispose();
        }

        /// <summary>Drains both receive buffers; for polling loops and for frames that raced the event.</summary>
        public void Poll()
        {
            Drain(_bms, _tcu, GatewayPort.Bms);
            Drain(_tcu, _bms, GatewayPort.Tcu);
        }

        private void OnBmsMessage(object sender, CanMessageReceivedEventArgs e)
        {
            Drain(_bms, _tcu, GatewayPort.Bms);
        }

        private void OnTcuMessage(object sender, CanMessageReceivedEventArgs e)
        {
            Drain(_tcu, _bms, GatewayPort.Tcu);
        }

        // The event carries no frame: read until the controller's buffer is empty, holding the gate. One
        // method: every frame posts an event, and on the interpreter each call level costs about a microsecond.
        private void Drain(CanController from, CanController to, GatewayPort port)
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
                for (int n = 0; true; n++)
                {
                    CanMessage message = from.GetMessage();
                    if (message == null)
                    {
                        return;
                    }

                    if ((n & (DrainClock.Every - 1)) == 0)
                    {
                        now = _clock.NowMicros;
                    }

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
