using BmsGuard.Core;
using nanoFramework.Device.Can;

namespace BmsGuard.Device
{
    /// <summary>
    /// The running guard: opens the two controllers named by the board file and bridges them
    /// through a gateway. Shared by the device's Program.Main and by the emulator.
    /// </summary>
    public sealed class GatewayNode
    {
        private readonly CanController _bms;
        private readonly CanController _tcu;

        /// <summary>Opens the BMS and TCU controllers and starts bridging; the guard's state lives in RAM (unprovisioned).</summary>
        public GatewayNode(RuleTable rules, IClock clock, string bmsController, string tcuController, CanSettings settings)
            : this(rules, clock, bmsController, tcuController, settings, GuardFiles.InMemory())
        {
        }

        /// <summary>Opens the controllers, assembles the guard from <paramref name="files"/> and starts bridging.</summary>
        public GatewayNode(RuleTable rules, IClock clock, string bmsController, string tcuController, CanSettings settings, GuardFiles files)
        {
            Gateway = new Gateway(rules);
            _bms = CanController.FromId(bmsController, settings);
            _tcu = CanController.FromId(tcuController, settings);
            Bridge = new CanBridge(Gateway, clock, _bms, _tcu);

            // The guard must be in place before the first frame: the bridge is already subscribed.
            Guard = new Guard(files, Bridge, clock.NowMicros);
            Guard.Attach(Gateway);
        }

        /// <summary>The TCU-side guard (commands, UDS, interlocks, audit).</summary>
        public readonly Guard Guard;

        /// <summary>The decision core.</summary>
        public readonly Gateway Gateway;

        /// <summary>The controller glue.</summary>
        public readonly CanBridge Bridge;

        /// <summary>Stops bridging and closes both controllers.</summary>
        public void Close()
        {
            Bridge.Detach();
            _bms.Dispose();
            _tcu.Dispose();
        }
    }
}
