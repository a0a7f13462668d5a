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

        /// <summary>Stops bridging and closes the board's controllers.</summary>
        public void Close()
        {
            Bridge.Close();
        }
    }
}
