using System;
using BmsGuard.Emulation;

namespace nanoFramework.Device.Can
{
    /// <summary>Handler for <see cref="CanController.MessageReceived"/> (same shape as nanoFramework's).</summary>
    public delegate void CanMessageReceivedEventHandler(object sender, CanMessageReceivedEventArgs e);

    /// <summary>
    /// Host stand-in of nanoFramework's CAN controller, backed by an <see cref="EmulatedCanPort"/> of
    /// the current thread's <see cref="EmulatedBoard"/>. Public surface identical to the device API.
    /// </summary>
    public sealed class CanController : IDisposable
    {
        private readonly object _syncLock = new object();
        private readonly EmulatedCanPort _port;
        private CanMessageReceivedEventHandler _callbacks;
        private bool _disposed;

        private CanController(string controllerId, EmulatedCanPort port)
        {
            ControllerId = controllerId;
            _port = port;
        }

        /// <summary>Controller ID for this controller, e.g. "CAN1".</summary>
        public readonly string ControllerId;

        /// <summary>Raised when frames are waiting; read them with <see cref="GetMessage"/> until null.</summary>
        public event CanMessageReceivedEventHandler MessageReceived
        {
            add
            {
                lock (_syncLock)
                {
                    if (_disposed)
                    {
                        throw new ObjectDisposedException(nameof(CanController));
                    }

                    _callbacks = (CanMessageReceivedEventHandler)Delegate.Combine(_callbacks, value);
                }
            }

            remove
            {
                lock (_syncLock)
                {
                    if (_disposed)
                    {
                        throw new ObjectDisposedException(nameof(CanController));
                    }

                    _callbacks = (CanMessageReceivedEventHandler)Delegate.Remove(_callbacks, value);
                }
            }
        }

        /// <summary>Opens a CAN controller; opening an id twice throws <see cref="ArgumentException"/> as on the device.</summary>
        public static CanController FromId(string controllerId, CanSettings settings)
        {
            EmulatedBoard board = EmulatedBoard.Current
                ?? throw new InvalidOperationException("no EmulatedBoard is active on this thread");
            EmulatedCanPort port = board.Port(controllerId);
            if (port == null || port.Controller != null)
            {
                throw new ArgumentException("controller unavailable or already open", nameof(controllerId));
            }

            var controller = new CanController(controllerId, port);
            port.Attach(controller, new CanSettings(settings));
            return controller;
        }

        /// <summary>Writes a message to the bus (the message is copied, as the native driver does).</summary>
        public void WriteMessage(CanMessage message)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _port.Transmit(message);
        }

        /// <summary>Next received message, or null when the receive buffer is empty.</summary>
        public CanMessage GetMessage()
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _port.Dequeue();
        }

        /// <summary>Closes the controller.</summary>
        public void Dispose()
        {
            lock (_syncLock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _callbacks = null;
                _port.Detach();
            }
        }

        // Delegates are immutable and Dispose nulls the field: a volatile read is enough, no lock per frame.
        private static readonly CanMessageReceivedEventArgs s_args = new CanMessageReceivedEventArgs();

        internal void RaiseMessageReceived()
        {
            CanMessageReceivedEventHandler callbacks = System.Threading.Volatile.Read(ref _callbacks);
            callbacks?.Invoke(this, s_args);
        }
    }
}
