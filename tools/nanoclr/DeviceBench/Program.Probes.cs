using System;

namespace BmsGuard.DeviceBench
{
    /// <summary>The bench's probes: what single interpreter operations cost, for the cost model in docs/device.md.</summary>
    public static partial class Program
    {
        // What the interpreter charges, per loop iteration beyond the empty loop: a static call, an
        // instance call, an interface call (each with five arguments, as the signal reads), int and long
        // arithmetic, array reads. For the cost model in docs/device.md, not for the estimate.
        private static void Costs(byte[] data)
        {
            Probe probe = new Probe();
            IProbe iprobe = probe;
            int x = 0;
            long y = 0;
            Mark("start", "empty");
            for (int i = 0; i < Frames; i++)
            {
                x += i;
            }

            Mark("end", "empty");
            Mark("start", "call-static");
            for (int i = 0; i < Frames; i++)
            {
                x += Static(data, i, 8, false, true);
            }

            Mark("end", "call-static");
            Mark("start", "call-instance");
            for (int i = 0; i < Frames; i++)
            {
                x += probe.Instance(data, i, 8, false, true);
            }

            Mark("end", "call-instance");
            Mark("start", "call-interface");
            for (int i = 0; i < Frames; i++)
            {
                x += iprobe.Interface(data, i, 8, false, true);
            }

            Mark("end", "call-interface");
            Mark("start", "int-ops-x10");
            for (int i = 0; i < Frames; i++)
            {
                x = (((((((((x + i) ^ 5) + 3) & 0xFFFF) << 2) | 1) - i) >> 1) + 7) ^ i;
            }

            Mark("end", "int-ops-x10");
            Mark("start", "long-ops-x10");
            for (int i = 0; i < Frames; i++)
            {
                y = (((((((((y + i) ^ 5L) + 3L) & 0xFFFFL) << 2) | 1L) - i) >> 1) + 7L) ^ i;
            }

            Mark("end", "long-ops-x10");
            Mark("start", "byte-reads-x8");
            for (int i = 0; i < Frames; i++)
            {
                x += data[0] + data[1] + data[2] + data[3] + data[4] + data[5] + data[6] + data[7];
            }

            Mark("end", "byte-reads-x8");
            Mark("start", "bitconverter-u64");
            for (int i = 0; i < Frames; i++)
            {
                y += (long)BitConverter.ToUInt64(data, 0);
            }

            Mark("end", "bitconverter-u64");
            byte[] copy = new byte[64];
            Mark("start", "array-copy-8");
            for (int i = 0; i < Frames; i++)
            {
                Array.Copy(data, 0, copy, 8, 8);
            }

            Mark("end", "array-copy-8");

            // The board's receive path around Decide (BridgeGlue): the clock as SystemClock reads it, its
            // native part alone (mscorlib has no other clock), and the four properties of a received message.
            BridgeGlue.IClock clock = new BridgeGlue.Clock();
            long t = 0;
            Mark("start", "clock-system");
            for (int i = 0; i < Frames; i++)
            {
                t ^= clock.NowMicros;
            }

            Mark("end", "clock-system");
            Mark("start", "clock-utcnow-ticks");
            for (int i = 0; i < Frames; i++)
            {
                t ^= DateTime.UtcNow.Ticks;
            }

            Mark("end", "clock-utcnow-ticks");
            BridgeGlue.Message message = new BridgeGlue.Message();
            message.Fill(0x1F0, false, data);
            Mark("start", "message-4-properties");
            for (int i = 0; i < Frames; i++)
            {
                t ^= message.Id + message.IdentifierType + message.FrameType + message.Payload.Length;
            }

            Mark("end", "message-4-properties");
            x ^= (int)t;
            Console.WriteLine("bench: probes " + x.ToString() + " " + y.ToString() + " " + copy[8].ToString());
        }

        private static int Static(byte[] data, int start, int length, bool motorola, bool signed)
        {
            return start;
        }

        private interface IProbe
        {
            int Interface(byte[] data, int start, int length, bool motorola, bool signed);
        }

        private sealed class Probe : IProbe
        {
            public int Instance(byte[] data, int start, int length, bool motorola, bool signed)
            {
                return start;
            }

            public int Interface(byte[] data, int start, int length, bool motorola, bool signed)
            {
                return start;
            }
        }
    }
}
