#if CAN_LIBRARY
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.DeviceBench.Can;
using nanoFramework.Device.Can;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// A native receive path, measured before any firmware uses it: CanBridge's drain on the BMS side, with the
    /// bench's native <see cref="CanInjector.ReadFrame"/> and <see cref="CanInjector.WriteFrame"/> in place of
    /// GetMessage, the message's four properties and WriteMessage. The frame goes into a buffer this drain keeps
    /// (no allocation per frame) with its length. The event still comes from the CAN library, one per batch with
    /// the batched driver. What stays as CanBridge has it: the gate, the clock once per DrainClock.Every frames,
    /// Decide.
    /// </summary>
    internal sealed class NativeDrain
    {
        private readonly Gateway _gateway;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private readonly byte[] _data = new byte[8];

        internal NativeDrain(Gateway gateway, IClock clock)
        {
            _gateway = gateway;
            _clock = clock;
        }

        internal void OnMessage(object sender, CanMessageReceivedEventArgs e)
        {
            Monitor.Enter(_gate);
            try
            {
                byte[] data = _data;
                long now = 0;
                int n = 0;
                long frame;
                while ((frame = CanInjector.ReadFrame(1, data)) >= 0)
                {
                    if ((n & (DrainClock.Every - 1)) == 0)
                    {
                        now = _clock.NowMicros;
                    }

                    n++;
                    int bits = (int)frame;
                    Verdict verdict = _gateway.Decide(
                        GatewayPort.Bms, (uint)(bits & 0x1FFFFFFF), (bits & 0x20000000) != 0, (bits & 0x40000000) != 0, data, (int)(frame >> 32), now);
                    if (verdict == Verdict.Forward)
                    {
                        CanInjector.WriteFrame(2, frame, data);
                    }
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
#endif
