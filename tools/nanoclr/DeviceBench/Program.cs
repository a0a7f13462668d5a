using System;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.Safety;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using BmsGuard.Core.Uds;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// The per-frame path on nanoFramework's interpreter: Gateway.Decide with the reference rules
    /// (firmware/Device/ReferenceRules.cs), the guard's BMS observers (vehicle state with the reference
    /// safety taps, and a telemetry sanitizer) and the sanitizer as egress filter, as Guard.Attach plugs
    /// them in, for a BMS frame mix that cycles the reference ids with 8-byte payloads. The telemetry
    /// policy is the reference policy as `bmsguard policy compile` makes it (ReferencePolicyBody, written
    /// by the runner), and in the last phase four signals forwarded on every frame (the most samples).
    /// Each phase is framed by "bench: start NAME" and "bench: end NAME ..." lines with a pause after
    /// each, so the runner reads the process's cost at both ends (tools/nanoclr/devicetests.py): start-up
    /// and warm-up stay outside the per-frame figure. The phases add one part at a time.
    /// </summary>
    public static partial class Program
    {
        private const int Frames = 20000;
        private const int PauseMs = 150;

        private const int Loop = 0;
        private const int Rules = 1;
        private const int State = 2;
        private const int Observers = 3;
        private const int Full = 4;

        // How drive phases reach Decide: directly, through the bridge's drain loop, or through a receive event as well.
        private const int NoGlue = 0;
        private const int GlueDrain = 1;
        private const int GlueEvents = 2;
        private static int _glue = NoGlue;

        public static void Main()
        {
#if CAN_LIBRARY
            int freeAtStart = BmsGuard.DeviceBench.Can.CanInjector.CollectAndFreeBytes();
#endif
            int line;
            string error;
            RuleTable rules = RuleTableText.Parse(BmsGuard.Device.ReferenceRules.Text, out line, out error);
            if (rules == null || !rules.Compile())
            {
                Console.WriteLine("bench: reference rules do not parse: " + error);
                return;
            }
#if CAN_LIBRARY
            Footprint(rules, freeAtStart);
#endif

            uint[] ids = { 0x1F0, 0x1F1, 0x1F2, 0x1F3, 0x1F4, 0x3F0, 0x0D0, 0x1F0 };
            byte[] data = new byte[8];
            long now = 1000000;
#if MCP_ONLY
            // DEVICETESTS_BENCH_ONLY=mcp (devicebench.py): the drive's loop and full path, then the MCP2515 phases alone,
            // so that a count under callgrind or qemu-arm takes minutes, not hours.
            Phase("loop-drive", null, null, data, ref now);
            Gateway only = Build(rules, Full, ReferencePolicy());
            Phase("full-drive", only, null, data, ref now);
            Mcp2515Library.Run(only, Frames, ref now);
            Console.WriteLine("bench: done");
            return;
#endif
            Phase("loop", null, ids, data, ref now);
            Phase("rules", Build(rules, Rules, null), ids, data, ref now);
            Phase("rules+state", Build(rules, State, null), ids, data, ref now);
            TelemetryPolicy reference = ReferencePolicy();
            Phase("rules+observers", Build(rules, Observers, reference), ids, data, ref now);
            Gateway full = Build(rules, Full, reference);
            for (int rep = 0; rep < 3; rep++)
            {
                Phase("full", full, ids, data, ref now);
            }

            Phase("full-every-sample", Build(rules, Full, EverySamplePolicy()), ids, data, ref now);

            // The reference BMS's own mix of ids and payloads (the reference drive), at full bus load.
            Phase("loop-drive", null, null, data, ref now);
            Gateway drive = Build(rules, Full, reference);
            for (int rep = 0; rep < 2; rep++)
            {
                Phase("full-drive", drive, null, data, ref now);
            }

            // The same through the board's receive path around Decide (BridgeGlue): the drain, then also the event.
            _glue = GlueDrain;
            Phase("bridge-drive", drive, null, data, ref now);
            _glue = GlueEvents;
            Phase("bridge-events-drive", drive, null, data, ref now);
            _glue = NoGlue;
#if CAN_LIBRARY
            // The same path measured: the firmware's CanBridge on the real CAN library (CanLibrary).
            CanLibrary.Run(drive, Frames, ref now);
#endif
#if MCP_LIBRARY
            // The ESP32 board's path: the firmware's Mcp2515Bridge on System.Device.Spi and System.Device.Gpio (Mcp2515Library).
            Mcp2515Library.Run(drive, Frames, ref now);
#endif

            ById(rules, reference, data, ref now);
            Parts(reference, data, ref now);
            Tcu(rules, reference, data, ref now);
            Costs(data);
            Console.WriteLine("bench: done");
        }

#if CAN_LIBRARY
        // What the guard keeps on the managed heap, part by part as Build assembles the full path, each after a
        // collection. The bench's TCU ingress keeps its audit log and state in RAM files (MemoryStorageFile) where
        // the board has flash files: measured alone and named, so that the board's figure can leave them out.
        private static void Footprint(RuleTable rules, int freeAtStart)
        {
            int withRules = Free();
            Gateway gateway = new Gateway(rules);
            int withGateway = Free();
            VehicleState state = ReferenceSafety.NewState();
            int withState = Free();
            TelemetryPolicy policy = ReferencePolicy();
            int withPolicy = Free();
            TelemetrySanitizer telemetry = new TelemetrySanitizer(policy, new byte[32], new CountingSink());
            int withTelemetry = Free();
            TcuIngress ingress = Ingress(state);
            int withIngress = Free();
            MemoryStorageFile[] files = { new MemoryStorageFile(65536), new MemoryStorageFile(4096), new MemoryStorageFile(4096) };
            int withFiles = Free();
            Console.WriteLine("bench: heap bytes: " + freeAtStart.ToString() + " free at start; reference rules "
                + (freeAtStart - withRules).ToString() + ", gateway " + (withRules - withGateway).ToString()
                + ", vehicle state " + (withGateway - withState).ToString() + ", the reference policy "
                + (withState - withPolicy).ToString() + ", its sanitizer " + (withPolicy - withTelemetry).ToString()
                + ", TCU ingress " + (withTelemetry - withIngress).ToString()
                + " of which RAM files standing in for flash " + (withIngress - withFiles).ToString());

            // Read after the last collection: the compiler drops a local nobody reads, and the interpreter roots
            // the ones it keeps until the method returns, so every part was alive at each collection.
            Alive(new object[] { gateway, state, policy, telemetry, ingress, files });
        }

        private static void Alive(object[] parts)
        {
        }

        private static int Free()
        {
            return BmsGuard.DeviceBench.Can.CanInjector.CollectAndFreeBytes();
        }
#endif

        // The full path for each id of the reference drive alone (its own frames of the drive, in turn).
        private static void ById(RuleTable rules, TelemetryPolicy policy, byte[] data, ref long now)
        {
#if BENCH_DATA
            uint[] ids = ReferenceTraffic.Ids;
            byte[] lengths = ReferenceTraffic.Lengths;
            byte[] payloads = ReferenceTraffic.Payloads;
            uint[] distinct = new uint[32];
            int kinds = 0;
            for (int j = 0; j < ids.Length; j++)
            {
                int k = 0;
                while (k < kinds && distinct[k] != ids[j])
                {
                    k++;
                }

                if (k == kinds && kinds < distinct.Length)
                {
                    distinct[kinds++] = ids[j];
                }
            }

            int[] frames = new int[ids.Length];
            for (int k = 0; k < kinds; k++)
            {
                int n = 0;
                for (int j = 0; j < ids.Length; j++)
                {
                    if (ids[j] == distinct[k])
                    {
                        frames[n++] = j;
                    }
                }

                if (n < 10)
                {
                    continue;   // a handful of requests in the drive: not a share of the load
                }

                Gateway gateway = Build(rules, Full, policy);
                string name = "id-" + ((distinct[k] & 0x80000000) != 0 ? "x" : string.Empty) + (distinct[k] & 0x7FFFFFFF).ToString("X") + "-" + n.ToString() + "-of-" + ids.Length.ToString();
                Mark("start", name);
                for (int i = 0; i < Frames; i++)
                {
                    int j = frames[i % n];
                    Array.Copy(payloads, j * 8, data, 0, 8);
                    uint id = ids[j];
                    gateway.Decide(GatewayPort.Bms, id & 0x7FFFFFFF, (id & 0x80000000) != 0, false, data, lengths[j], now);
                    now += 111;
                }

                Mark("end", name);
            }
#endif
        }

        // One part alone on one id, called directly (no gateway): where the full path's cost goes.
        private static void Parts(TelemetryPolicy policy, byte[] data, ref long now)
        {
            VehicleState state = ReferenceSafety.NewState();
            TelemetrySanitizer telemetry = new TelemetrySanitizer(policy, new byte[32], new CountingSink());
            uint[] ids = { 0x1F4, 0x1F3, 0x0D0, 0x1F0, 0x1F2, 0x1F1, 0x3F0 };
            string[] names = { "state-untapped", "state-6-taps", "policy-unknown", "policy-gated", "policy-4-aggregates", "policy-2-aggregates", "policy-paged" };
            for (int p = 0; p < ids.Length; p++)
            {
                Mark("start", names[p]);
                for (int i = 0; i < Frames; i++)
                {
                    data[0] = (byte)i;
                    if (p < 2)
                    {
                        state.Observe(ids[p], false, data, 8, now);
                    }
                    else
                    {
                        telemetry.Observe(ids[p], false, data, 8, now);
                    }

                    now += 111;
                }

                Mark("end", names[p]);
            }

            TelemetrySignal byteSignal = policy.Signal(0);
            long sum = 0;
            Mark("start", "readraw-" + byteSignal.Length.ToString() + "-bit");
            for (int i = 0; i < Frames; i++)
            {
                sum += byteSignal.ReadRaw(data);
            }

            Mark("end", "readraw-" + byteSignal.Length.ToString() + "-bit");
            Mark("start", "to-units");
            for (int i = 0; i < Frames; i++)
            {
                sum += byteSignal.ToUnits(i);
            }

            Mark("end", "to-units");
            Console.WriteLine("bench: sum " + sum.ToString());
            Mark("start", "blank-0x1F3");
            for (int i = 0; i < Frames; i++)
            {
                telemetry.BlankWithheld(0x1F3, false, data, 8);
            }

            Mark("end", "blank-0x1F3");
        }

        private static void Mark(string what, string name)
        {
            Console.WriteLine("bench: " + what + " " + name + (what == "end" ? " " + Frames.ToString() + " frames" : string.Empty));
            Thread.Sleep(PauseMs);
        }

        // Rules only; + vehicle state as the BMS observer; + the telemetry sanitizer beside it
        // (BusObservers, as Guard.Attach); + the sanitizer as egress filter (the guard's path).
        private static Gateway Build(RuleTable rules, int parts, TelemetryPolicy policy)
        {
            Gateway gateway = new Gateway(rules);
            VehicleState state = ReferenceSafety.NewState();
            TelemetrySanitizer telemetry = policy == null ? null : new TelemetrySanitizer(policy, new byte[32], new CountingSink());
            if (parts == State)
            {
                gateway.BmsObserver = state;
            }
            else if (parts >= Observers)
            {
                gateway.BmsObserver = new BusObservers(new IBusObserver[] { state, telemetry });
            }

            if (parts == Full)
            {
                // As Guard.Attach: the TCU ingress also judges the BMS's diagnostic responses.
                TcuIngress ingress = Ingress(state);
                gateway.TcuIngress = ingress;
                gateway.DiagnosticResponses = ingress;
                gateway.EgressFilter = telemetry;
            }

            return gateway;
        }

        private static void Phase(string name, Gateway gateway, uint[] ids, byte[] data, ref long now)
        {
            Run(gateway, ids, data, ref now, 2000);   // warm-up
            Console.WriteLine("bench: start " + name);
            Thread.Sleep(PauseMs);
            long t0 = DateTime.UtcNow.Ticks;
            int forwarded = Run(gateway, ids, data, ref now, Frames);
            long ticks = DateTime.UtcNow.Ticks - t0;
            Console.WriteLine("bench: end " + name + " " + Frames.ToString() + " frames, " + forwarded.ToString()
                + " forwarded, " + (ticks / TimeSpan.TicksPerMillisecond).ToString() + " ms wall");
            Thread.Sleep(PauseMs);
        }

        private static int Run(Gateway gateway, uint[] ids, byte[] data, ref long now, int frames)
        {
            if (ids == null)
            {
                return _glue == NoGlue ? RunDrive(gateway, data, ref now, frames) : BridgeGlue.RunDrive(gateway, data, ref now, frames, _glue == GlueEvents);
            }

            int forwarded = 0;
            for (int i = 0; i < frames; i++)
            {
                data[0] = (byte)i;
                data[1] = (byte)(i >> 8);
                uint id = ids[i & 7];
                if (gateway != null && gateway.Decide(GatewayPort.Bms, id, false, false, data, 8, now) == Verdict.Forward)
                {
                    forwarded++;
                }

                now += 111;   // 9,000 frames/s
            }

            return forwarded;
        }

        // The TCU ingress as Guard builds it (unprovisioned, files in memory): command guard, maintenance
        // window, UDS inspector with the reference policy, native commands, audit log.
        private static TcuIngress Ingress(VehicleState state)
        {
            AuditLog audit = new AuditLog(new MemoryStorageFile(65536), new byte[32], new MemoryMonotonicAnchor(0));
            audit.Open(0);
            InterlockTable interlocks = ReferenceSafety.NewTable(state);
            GuardStateStore store = new GuardStateStore(new MemoryStorageFile(4096), new MemoryStorageFile(4096), new MemoryMonotonicAnchor(0), new byte[32]);
            CommandGuard commands = new CommandGuard("00000000000000000", new KeyRing(), CommandPolicy.Default(), store, interlocks, audit, 0);
            MaintenanceWindow window = new MaintenanceWindow(audit);
            UdsInspector uds = new UdsInspector(UdsReferencePolicy.Create(), window, interlocks, audit, 1000000);
            return new TcuIngress(commands, ReferenceNativeCommands.NewTable(), window, uds, null, new CountingOutbox(), audit);
        }

        private sealed class CountingOutbox : IFrameOutbox
        {
            public int Frames;

            public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
            {
                Frames++;
                return true;
            }
        }

        /// <summary>The reference drive's frames (ReferenceTraffic; one empty frame when built without the bench data).</summary>
        internal static void Drive(out uint[] ids, out byte[] lengths, out byte[] payloads)
        {
#if BENCH_DATA
            ids = ReferenceTraffic.Ids;
            lengths = ReferenceTraffic.Lengths;
            payloads = ReferenceTraffic.Payloads;
#else
            ids = new uint[1];
            lengths = new byte[1];
            payloads = new byte[8];
#endif
        }

        // Frame i is frame i mod 2,048 of the reference drive (ReferenceTraffic), 111 us apart.
        private static int RunDrive(Gateway gateway, byte[] data, ref long now, int frames)
        {
            uint[] ids;
            byte[] lengths;
            byte[] payloads;
            Drive(out ids, out lengths, out payloads);
            int forwarded = 0;
            int n = ids.Length;
            for (int i = 0; i < frames; i++)
            {
                int j = i % n;
                Array.Copy(payloads, j * 8, data, 0, 8);
                uint id = ids[j];
                if (gateway != null && gateway.Decide(GatewayPort.Bms, id & 0x7FFFFFFF, (id & 0x80000000) != 0, false, data, lengths[j], now) == Verdict.Forward)
                {
                    forwarded++;
                }

                now += 111;
            }

            return forwarded;
        }

        // The reference policy (host-sim's samples/reference-policy.yaml on reference-bms.dbc) as the
        // owner compiles it: the body of the signed bundle, decoded as the guard decodes it.
        private static TelemetryPolicy ReferencePolicy()
        {
            string error;
#if BENCH_DATA
            byte[] body = ReferencePolicyBody.Bytes;
#else
            byte[] body = new byte[0];   // built without it: Decode refuses, the bench stops
#endif
            TelemetryPolicy policy = TelemetryPolicyCodec.Decode(body, 0, body.Length, out error);
            if (policy == null)
            {
                throw new Exception(error);
            }

            Console.WriteLine("bench: reference policy, " + policy.SignalCount.ToString() + " signals");
            return policy;
        }

        // Four signals of the frame mix forwarded on every frame, nothing rate-gated: the most samples.
        private static TelemetryPolicy EverySamplePolicy()
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
