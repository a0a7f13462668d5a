using System;
using System.Collections.Generic;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// A set of emulated CAN controllers that <c>CanController.FromId</c> opens on the thread where
    /// the board is active. One board per replay or test, so tests can run in parallel.
    /// </summary>
    public sealed class EmulatedBoard : IDisposable
    {
        [ThreadStatic]
        private static EmulatedBoard s_current;

        private readonly Dictionary<string, EmulatedCanPort> _ports = new(StringComparer.Ordinal);
        private EmulatedBoard _previous;

        /// <summary>The board active on this thread, or null.</summary>
        public static EmulatedBoard Current => s_current;

        /// <summary>Adds a controller id (e.g. "CAN1") whose transmitted frames go to <paramref name="transmit"/>.</summary>
        public EmulatedCanPort AddController(string controllerId, ICanTransmitSink transmit, int receiveBufferFrames = 64)
        {
            var port = new EmulatedCanPort(controllerId, transmit, receiveBufferFrames);
            _ports.Add(controllerId, port);
            return port;
        }

        /// <summary>The port behind a controller id, or null.</summary>
        public EmulatedCanPort Port(string controllerId) =>
            _ports.TryGetValue(controllerId, out var port) ? port : null;

        /// <summary>Makes this board the one <c>CanController.FromId</c> sees on this thread.</summary>
        public EmulatedBoard Activate()
        {
            _previous = s_current;
            s_current = this;
            return this;
        }

        /// <summary>Deactivates the board (restoring the previous one).</summary>
        public void Dispose()
        {
            if (ReferenceEquals(s_current, this))
            {
                s_current = _previous;
            }
        }
    }
}
