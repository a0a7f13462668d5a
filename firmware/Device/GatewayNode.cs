using System.Threading;
using BmsGuard.Core;

namespace BmsGuard.Device
{
    /// <summary>
    /// The running guard on any board: a gateway, the guard attached to it, and the board's controllers
    /// bridged through it (<see cref="IBusBridge"/>). Shared by both boards' Program.Main (through
    /// <see cref="GuardBoot"/>) and by the emulator. Frames are decided on the controllers' event thread;
    /// anything else that drives the guard (ticks, the uplink) goes through <see cref="Tick"/> or holds
    /// <see cref="Gate"/>, so the guard sees one caller at a time.
    /// </summary>
    public sealed class GatewayNode
    {
        private readonly bool _oneThread;

        /// <summary>
        /// Assembles the guard from <paramref name="files"/> and starts bridging the board's controllers.
        /// With <paramref name="oneThread"/> the caller promises that frames arrive and the node ticks on one
        /// thread only, as in the emulator's replay, and the gate is not taken per frame (an uncontended
        /// Monitor.Enter/Exit costs the host about 25 ns a frame). Never on a device.
        /// </summary>
        public GatewayNode(RuleTable rules, IClock clock, IBusBridge bridge, GuardFiles files, bool oneThread)
        {
            Gate = new object();
            _oneThread = oneThread;
            Gateway = new Gateway(rules);
            Bridge = bridge;

            // The bridge attaches under the gate: a frame arriving before the guard is attached waits for it.
            Monitor.Enter(Gate);
            try
            {
                bridge.Attach(Gateway, clock, oneThread ? null : Gate);
                Guard = new Guard(files, bridge, clock.NowMicros);
                Guard.Attach(Gateway);

                // With a gate, the tick holds it, and the receive events wait for it: the uplink's connection
                // attempts are made by Reconnect, outside it.
                Guard.Telemetry.ConnectOutsideTick = !oneThread;
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }

        /// <summary>Held while a frame is decided; hold it to touch the guard from any other thread.</summary>
        public readonly object Gate;

        /// <summary>The TCU-side guard (commands, UDS, interlocks, audit).</summary>
        public readonly Guard Guard;

        /// <summary>The decision core.</summary>
        public readonly Gateway Gateway;

        /// <summary>The board's controllers.</summary>
        public readonly IBusBridge Bridge;

        /// <summary>
        /// The guard's periodic work (telemetry, the uplink and the commands it delivers) and the end of
        /// receive pauses whose time is up, holding <see cref="Gate"/>.
        /// </summary>
        public void Tick(long nowMicros)
        {
            if (_oneThread)
            {
                Bridge.Resume(nowMicros);
                Guard.Tick(nowMicros);
                return;
            }

            Monitor.Enter(Gate);
            try
            {
                Bridge.Resume(nowMicros);
                Guard.Tick(nowMicros);
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }

        /// <summary>
        /// Tries to open the uplink's session when it is down and due, without holding <see cref="Gate"/>: an attempt
        /// toward an unreachable broker blocks for the MQTT client's connect timeout, and frames keep being decided
        /// meanwhile. The thread that calls <see cref="Tick"/> calls it, before the tick (on one-thread nodes the
        /// tick connects by itself and this does nothing).
        /// </summary>
        public void Reconnect(long nowMicros)
        {
            if (!_oneThread)
            {
                Guard.Telemetry.Reconnect(nowMicros);
            }
        }

        /// <summary>The last exception a receive event's drain caught since the last call, or null (<see cref="IBusBridge.TakeFault"/>).</summary>
        public System.Exception TakeReceiveFault()
        {
            if (_oneThread)
            {
                return Bridge.TakeFault();
            }

            Monitor.Enter(Gate);
            try
            {
                return Bridge.TakeFault();
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }

        /// <summary>Stops bridging and closes the board's controllers.</summary>
        public void Close()
        {
            Bridge.Close();
        }
    }
}
