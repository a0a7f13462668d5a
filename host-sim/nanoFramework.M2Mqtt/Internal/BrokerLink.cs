using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>
    /// One TCP connection to the broker, from socket open to close. A client makes a new one per
    /// Connect, so threads of an old connection can tell they are stale by comparing references.
    /// </summary>
    internal sealed class BrokerLink : IDisposable
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly object _writeLock = new object();
        private int _disposed;

        private BrokerLink(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
            LastSendTicks = Environment.TickCount64;
        }

        /// <summary>Set when CONNACK arrives or the link dies before it.</summary>
        internal ManualResetEvent ConnAckArrived { get; } = new ManualResetEvent(false);

        /// <summary>Wakes this link's sender thread: something was queued, or the link ended.</summary>
        internal AutoResetEvent Wake { get; } = new AutoResetEvent(false);

        /// <summary>The CONNACK return code, or null when the link died first.</summary>
        internal MqttReasonCode? ConnAckCode { get; set; }

        /// <summary>True once CONNACK accepted the session: losing the link now raises ConnectionClosed.</summary>
        internal bool Established { get; set; }

        /// <summary>When the last packet went out (Environment.TickCount64), for keep-alive.</summary>
        internal long LastSendTicks { get; private set; }

        /// <summary>When an unanswered PINGREQ went out, or 0.</summary>
        internal long PingSentTicks { get; set; }

        internal Stream Stream => _stream;

        internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        /// <summary>Opens the TCP connection (IPv4, as nanoFramework's channel does).</summary>
        internal static BrokerLink Open(IPAddress address, int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Connect(new IPEndPoint(address, port));
                return new BrokerLink(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Writes one whole packet; concurrent writers never interleave.</summary>
        internal void Send(byte[] packet)
        {
            lock (_writeLock)
            {
                _stream.Write(packet, 0, packet.Length);
                LastSendTicks = Environment.TickCount64;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer: closing is all that is left to do.
            }
            catch (ObjectDisposedException)
            {
            }

            _stream.Dispose();
            ConnAckArrived.Set();
        }
    }
}
