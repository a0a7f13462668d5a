using System;
using BmsGuard.Core;
using BmsGuard.Core.Safety;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// The per-frame path on nanoFramework's interpreter: Gateway.Decide with the reference rules
    /// (firmware/Device/ReferenceRules.cs), the guard's BMS observers (vehicle state with the reference
    /// safety taps, and a telemetry sanitizer) and the sanitizer as egress filter, as Guard.Attach plugs
    /// them in. Prints frames/s of a BMS frame mix that cycles the reference ids with 8-byte payloads.
    /// </summary>
    public static class Program
    {
        private const int Frames = 20000;

        public static void Main()
        {
            int line;
            string error;
            RuleTable rules = RuleTableText.Parse(BmsGuard.Device.ReferenceRules.Text, out line, out error);
            if (rules == null || !rules.Compile())
            {
                Console.WriteLine("bench: reference rules do not parse: " + error);
                return;
            }

            Gateway gateway = new Gateway(rules);
            VehicleState state = ReferenceSafety.NewState();
            TelemetrySanitizer telemetry = new TelemetrySanitizer(Policy(), new byte[32], new CountingSink());
            gateway.BmsObserver = new BusObservers(new IBusObserver[] { state, telemetry });
            gateway.EgressFilter = telemetry;

            uint[] ids = { 0x1F0, 0x1F1, 0x1F2, 0x1F3, 0x1F4, 0x3F0, 0x0D0, 0x1F0 };
            byte[] data = new byte[8];
            long now = 1000000;
            Run(gateway, ids, data, ref now, 2000);   // warm-up
            for (int rep = 0; rep < 3; rep++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                int forwarded = Run(gateway, ids, data, ref now, Frames);
                long ticks = DateTime.UtcNow.Ticks - t0;
                long perSecond = ticks > 0 ? (long)Frames * TimeSpan.TicksPerSecond / ticks : 0;
                Console.WriteLine("bench: " + Frames.ToString() + " frames in " + (ticks / TimeSpan.TicksPerMillisecond).ToString()
                    + " ms: " + perSecond.ToString() + " frames/s (" + forwarded.ToString() + " forwarded)");
            }
            Console.WriteLine("bench: done");
        }

        private static int Run(Gateway gateway, uint[] ids, byte[] data, ref long now, int frames)
        {
            int forwarded = 0;
            for (int i = 0; i < frames; i++)
            {
                data[0] = (byte)i;
                data[1] = (byte)(i >> 8);
                if (gateway.Decide(GatewayPort.Bms, ids[i & 7], false, false, data, 8, now) == Verdict.Forward)
                {
                    forwarded++;
                }
                now += 111;   // 9,000 frames/s
            }

            return forwarded;
        }

        private static TelemetryPolicy Policy()
        {
            SignalTreatment raw = new SignalTreatment(TelemetryAction.Forward, 0, 0, 0, 0, 0, 0, -1, 0);
            TelemetrySignal[] signals =
            {
                new TelemetrySignal("pack_voltage", 0x1F0, false, 0, 16, false, false, 1, 0, 1, "V", null, raw),
                new TelemetrySignal("pack_current", 0x1F0, false, 16, 16, false, true, 1, 0, 1, "A", null, raw),
                new TelemetrySignal("cell_max", 0x1F1, false, 0, 16, false, false, 1, 0, 3, "V", null, raw),
                new TelemetrySignal("temp_max", 0x1F2, false, 0, 8, false, true, 1, -40, 0, "C", null, raw),
            };
            string error;
            TelemetryPolicy policy = TelemetryPolicy.Build(signals, new TelemetryIdentifier[0], new string[] { "broker.owner.example" }, "owner/", 100000, out error);
            if (policy == null)
            {
                throw new Exception(error);
            }

            return policy;
        }

        private sealed class CountingSink : ITelemetrySink
        {
            public int Calls;

            public void Sample(int signal, long valueUnits, long timeMicros)
            {
                Calls++;
            }

            public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros)
            {
                Calls++;
            }
        }
    }
}
