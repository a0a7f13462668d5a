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

            _fifo[(_head + _count) % _fifo.Length] = message;
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
            _head = (_head + 1) % _fifo.Length;
            _count--;
            return message;
        }

        internal void Transmit(CanMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            byte[] data = message.Message == null ? null : (byte[])message.Message.Clone();
            if (data != null && data.Length > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(message), "classic CAN carries at most 8 bytes");
            }

            Transmitted++;
            _transmit?.OnTransmit(ControllerId, new CanMessage(message.Id, message.IdentifierType, message.FrameType, data));
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
