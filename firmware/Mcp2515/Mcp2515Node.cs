using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;

namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// The running guard on two MCP2515 controllers (the ESP32 board), as GatewayNode is
    /// on native controllers: a gateway, the guard attached to it and the bridge. The controllers come
    /// configured and in their operating mode. Anything else that drives the guard goes through
    /// <see cref="Tick"/> or holds <see cref="Gate"/>.
    /// </summary>
    public sealed class Mcp2515Node
    {
        private readonly bool _oneThread;

        /// <summary>
        /// Assembles the guard from <paramref name="files"/> and starts bridging; with
        /// <paramref name="oneThread"/> (the emulator's replay, never a device) no gate is taken per frame.
        /// </summary>
        public Mcp2515Node(RuleTable rules, IClock clock, Mcp2515Controller bms, Mcp2515Controller tcu, GuardFiles files, bool oneThread)
        {
            Gate = new object();
            _oneThread = oneThread;
            Bms = bms;
            Tcu = tcu;
            Gateway = new Gateway(rules);
            Monitor.Enter(Gate);
            try
            {
                Bridge = new Mcp2515Bridge(Gateway, clock, bms, tcu, oneThread ? null : Gate);
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

        /// <summary>The TCU-side guard.</summary>
        public readonly Guard Guard;

        /// <summary>The decision core.</summary>
        public readonly Gateway Gateway;

        /// <summary>The controller glue.</summary>
        public readonly Mcp2515Bridge Bridge;

        /// <summary>The controller on the BMS bus.</summary>
        public readonly Mcp2515Controller Bms;

        /// <summary>The controller on the TCU bus.</summary>
        public readonly Mcp2515Controller Tcu;

        /// <summary>The guard's periodic work, holding <see cref="Gate"/>.</summary>
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

        /// <summary>Stops bridging.</summary>
        public void Close()
        {
            Bridge.Detach();
        }
    }
}
