using System;
using nanoFramework.Device.Can;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// One emulated controller: a bounded receive FIFO (frames beyond it are counted as overruns,
    /// as a real controller's would be lost) and a transmit path to an <see cref="ICanTransmitSink"/>.
    /// Reception raises MessageReceived synchronously, which keeps replays deterministic.
    /// </summary>
    /// <remarks>
    /// Like nanoFramework's STM32 native driver (nf-interpreter targets/ChibiOS/_nanoCLR/
    /// nanoFramework.Device.Can, GetMessage), received messages carry an 8-byte
    /// <see cref="CanMessage.Message"/> whatever the DLC on the bus, so the DLC is lost and a frame the
    /// firmware forwards leaves with 8 bytes. The emulator zero-fills the missing bytes (the hardware
    /// may leave stale mailbox bytes there). <see cref="PadsPayloadTo8"/> = false emulates a driver
    /// that keeps the DLC. Received messages live in preallocated FIFO slots, valid until the slot is reused.
    /// </remarks>
    public sealed class EmulatedCanPort
    {
        private readonly ICanTransmitSink _transmit;
        private readonly CanMessage[] _fifo;
        private readonly byte[][][] _payloads;
        private readonly CanMessage _copy = new CanMessage(0, CanMessageIdType.SID, CanMessageFrameType.Data, null);
        private readonly byte[][] _copies = { new byte[0], new byte[1], new byte[2], new byte[3], new byte[4], new byte[5], new byte[6], new byte[7], new byte[8] };
        private int _head;
        private int _count;

        internal EmulatedCanPort(string controllerId, ICanTransmitSink transmit, int receiveBufferFrames)
        {
            ControllerId = controllerId;
            _transmit = transmit;
            _fifo = new CanMessage[Math.Max(1, receiveBufferFrames)];
            _payloads = new byte[_fifo.Length][][];
            for (int i = 0; i < _fifo.Length; i++)
            {
                _fifo[i] = new CanMessage(0, CanMessageIdType.SID, CanMessageFrameType.Data, null);
                _payloads[i] = new byte[9][];
                for (int n = 0; n <= 8; n++)
                {
                    _payloads[i][n] = new byte[n];
                }
            }
        }

        /// <summary>True (default) to hand the firmware 8 data bytes per frame, as the stock nanoFramework STM32 driver does.</summary>
        public bool PadsPayloadTo8 { get; set; } = true;

        /// <summary>The controller id, e.g. "CAN1".</summary>
        public string ControllerId { get; }

        /// <summary>Frames lost because the receive FIFO was full.</summary>
        public long Overruns { get; private set; }

        /// <summary>Frames the controller has written to the bus.</summary>
        public long Transmitted { get; private set; }

        internal CanController Controller { get; private set; }

        internal CanSettings Settings { get; private set; }

        /// <summary>
        /// A frame arrives from the bus. Returns false (and counts an overrun) when the FIFO is full
        /// or the controller is not open.
        /// </summary>
        public bool Receive(CanMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            byte[] data = message.Message ?? Array.Empty<byte>();
            bool remote = message.FrameType == CanMessageFrameType.RemoteRequest;
            return Receive(message.Id, message.IdentifierType == CanMessageIdType.EID, remote, remote ? default : data, data.Length);
        }

        /// <summary>
        /// A frame arrives from the bus (no allocation): <paramref name="dlc"/> is the data length, or for
        /// a remote frame the requested length. Returns false (and counts an overrun) when the FIFO is
        /// full or the controller is not open.
        /// </summary>
        public bool Receive(uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc)
        {
            if ((uint)dlc > 8 || data.Length > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(dlc), "classic CAN carries at most 8 bytes");
            }

            if (Controller == null || _count == _fifo.Length)
            {
                Overruns++;
                return false;
            }

            int tail = _head + _count;
            int slot = tail >= _fifo.Length ? tail - _fifo.Length : tail;
            CanMessage message = _fifo[slot];
            byte[] payload = _payloads[slot][PadsPayloadTo8 ? 8 : dlc];
            data.CopyTo(payload);
            if (payload.Length > data.Length)
            {
                payload.AsSpan(data.Length).Clear(); // a padded or remote frame: no stale bytes from the slot's last frame
            }

            message.Id = id;
            message.IdentifierType = extended ? CanMessageIdType.EID : CanMessageIdType.SID;
            message.FrameType = remote ? CanMessageFrameType.RemoteRequest : CanMessageFrameType.Data;
            message.Message = payload;
            _count++;
            Controller.RaiseMessageReceived();
            return true;
        }

        internal CanMessage Dequeue()
        {
            if (_count == 0)
            {
                return null;
            }

            CanMessage message = _fifo[_head];
            _head = _head + 1 == _fifo.Length ? 0 : _head + 1;
            _count--;
            return message;
        }

        internal void Transmit(CanMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            byte[] source = message.Message;
            if (source != null && source.Length > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(message), "classic CAN carries at most 8 bytes");
            }

            // The copy the sink sees is only valid during the call: reuse one message and one array per length.
            byte[] data = null;
            if (source != null)
            {
                data = _copies[source.Length];
                source.AsSpan().CopyTo(data);
            }

            _copy.Id = message.Id;
            _copy.IdentifierType = message.IdentifierType;
            _copy.FrameType = message.FrameType;
            _copy.Message = data;
            Transmitted++;
            _transmit?.OnTransmit(ControllerId, _copy);
        }

        internal void Attach(CanController controller, CanSettings settings)
        {
            Controller = controller;
            Settings = settings;
        }

        internal void Detach()
        {
            Controller = null;
            _head = 0;
            _count = 0;
        }
    }
}
