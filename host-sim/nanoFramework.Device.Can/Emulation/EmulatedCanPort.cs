using System;
using nanoFramework.Device.Can;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// One emulated controller: a bounded receive FIFO (frames beyond it are counted as overruns,
    /// as a real controller's would be lost) and a transmit path to an <see cref="ICanTransmitSink"/>.
    /// Reception raises MessageReceived synchronously, which keeps replays deterministic.
    /// </summary>
    public sealed class EmulatedCanPort
    {
        private readonly ICanTransmitSink _transmit;
        private readonly CanMessage[] _fifo;
        private readonly CanMessage _copy = new CanMessage(0, CanMessageIdType.SID, CanMessageFrameType.Data, null);
        private readonly byte[][] _copies = { new byte[0], new byte[1], new byte[2], new byte[3], new byte[4], new byte[5], new byte[6], new byte[7], new byte[8] };
        private int _head;
        private int _count;

        internal EmulatedCanPort(string controllerId, ICanTransmitSink transmit, int receiveBufferFrames)
        {
            ControllerId = controllerId;
            _transmit = transmit;
            _fifo = new CanMessage[Math.Max(1, receiveBufferFrames)];
        }

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
            if (Controller == null || _count == _fifo.Length)
            {
                Overruns++;
                return false;
            }

            int tail = _head + _count;
            _fifo[tail >= _fifo.Length ? tail - _fifo.Length : tail] = message;
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
            _fifo[_head] = null;
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
            Array.Clear(_fifo);
        }
    }
}
