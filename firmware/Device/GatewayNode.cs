using System.Threading;
using BmsGuard.Core;
using nanoFramework.Device.Can;

namespace BmsGuard.Device
{
    /// <summary>
    /// The running guard: opens the two controllers named by the board file and bridges them
    /// through a gateway. Shared by the device's Program.Main and by the emulator. Frames are decided on
    /// the controllers' event thread; anything else that drives the guard (ticks, the uplink) goes through
    /// <see cref="Tick"/> or holds <see cref="Gate"/>, so the guard sees one caller at a time.
    /// </summary>
    public sealed class GatewayNode
    {
        private readonly CanController _bms;
        private readonly CanController _tcu;
        private readonly bool _oneThread;

        /// <summary>Opens the BMS and TCU controllers and starts bridging; the guard's state lives in RAM (unprovisioned).</summary>
        public GatewayNode(RuleTable rules, IClock clock, string bmsController, string tcuController, CanSettings settings)
            : this(rules, clock, bmsController, tcuController, settings, GuardFiles.InMemory())
        {
        }

        /// <summary>Opens the controllers, assembles the guard from <paramref name="files"/> and starts bridging.</summary>
        public GatewayNode(RuleTable rules, IClock clock, string bmsController, string tcuController, CanSettings settings, GuardFiles files)
            : this(rules, clock, bmsController, tcuController, settings, files, false)
        {
        }

        /// <summary>
        /// As above; with <paramref name="oneThread"/> the caller promises that frames arrive and the node
        /// ticks on one thread only, as in the emulator's replay, and the gate is not taken per frame
        /// (an uncontended Monitor.Enter/Exit costs the host about 25 ns a frame). Never on a device.
        /// </summary>
        public GatewayNode(RuleTable rules, IClock clock, string bmsController, string tcuController, CanSettings settings, GuardFiles files, bool oneThread)
        {
            Gate = new object();
            _oneThread = oneThread;
            Gateway = new Gateway(rules);
            _bms = CanController.FromId(bmsController, settings);
            _tcu = CanController.FromId(tcuController, settings);

            // The bridge subscribes at once: a frame arriving before the guard is attached waits for it.
            Monitor.Enter(Gate);
            try
            {
                Bridge = new CanBridge(Gateway, clock, _bms, _tcu, oneThread ? null : Gate);
                Guard = new Guard(files, Bridge, clock.NowMicros);
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

        /// <summary>The controller glue.</summary>
        public readonly CanBridge Bridge;

        /// <summary>The guard's periodic work (telemetry, the uplink and the commands it delivers), holding <see cref="Gate"/>.</summary>
        public void Tick(long nowMicros)
        {
            if (_oneThread)
            {
                Guard.Tick(nowMicros);
                return;
            }

            Monitor.Enter(Gate);
            try
            {
                Guard.Tick(nowMicros);
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }

        /// <summary>Stops bridging and closes both controllers.</summary>
        public void Close()
        {
            Bridge.Detach();
            _bms.Dispose();
            _tcu.Dispose();
        }
    }
}
