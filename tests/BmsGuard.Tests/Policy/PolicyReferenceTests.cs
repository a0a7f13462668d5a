using System.Security.Cryptography;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Policy;

/// <summary>The reference policy over the bundled reference drive: what leaves, what is blanked, and no allocation per frame.</summary>
public class PolicyReferenceTests
{
    private static readonly DbcDatabase Db = DbcDatabase.Load(PolicyFiles.ReferenceDbc);

    private static TelemetryPolicy Reference() =>
        PolicyCompiler.Compile(PolicyDocument.Parse(File.ReadAllText(PolicyFiles.ReferencePolicy), "reference-policy.yaml"), Db);

    private static List<CaptureFrame> BmsFrames() =>
        Captures.Read(Captures.BundledSample).Where(f => f.Channel == "can0" && !f.Remote && !f.Error && !f.Fd).ToList();

    [Fact]
    public void Samples_follow_each_action_and_the_serial_leaves_only_as_its_pseudonym()
    {
        var policy = Reference();
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        var sink = new ListSink();
        var sanitizer = new TelemetrySanitizer(policy, PseudonymKey.Derive(secret), sink);
        var frames = BmsFrames();
        foreach (var f in frames)
        {
            sanitizer.Observe(f.Id, f.Extended, f.Data, f.Length, f.TimestampNanos / 1000);
        }

        // SOC: downsampled to 1 Hz from the 50 Hz PackStatus frames; each sample is exactly the DBC's
        // physical value (0.1 % units) of the frame it was taken from.
        var socSignal = Db.Message("PackStatus")!.Signal("SOC")!;
        var packStatus = frames.Where(f => f.Id == 0x1F0).ToDictionary(f => f.TimestampNanos / 1000);
        var soc = sink.Of(policy.IndexOf("SOC"));
        Assert.InRange(soc.Count, 58, 61);
        Assert.All(soc.Zip(soc.Skip(1)), p => Assert.True(p.Second.Time - p.First.Time >= 1_000_000));
        foreach (var sample in soc)
        {
            var frame = packStatus[sample.Time];
            decimal expected = SignalScaling.ToPhysical(socSignal, SignalCodec.Read(socSignal, frame.Data.AsSpan(0, frame.Length))).Exact!.Value;
            Assert.Equal(expected * 10, (decimal)sample.Value);
        }

        // PackVoltage: 0.5 V steps (5 units of 0.1 V), at most once a second.
        var voltage = sink.Of(policy.IndexOf("PackVoltage"));
        Assert.InRange(voltage.Count, 55, 61);
        Assert.All(voltage, v => Assert.Equal(0, v.Value % 5));
        Assert.All(voltage.Zip(voltage.Skip(1)), p => Assert.True(p.Second.Time - p.First.Time >= 1_000_000));

        // Temperatures: one min/max/mean per 10 s window, stamped at the window's end.
        var tmax = sink.Of(policy.IndexOf("CellTempMax"));
        Assert.InRange(tmax.Count, 5, 6);
        Assert.All(tmax.Zip(tmax.Skip(1)), p => Assert.Equal(10_000_000, p.Second.Time - p.First.Time));

        // Nothing of the debug frame or of the dropped VIN fragment; the serial once, as HMAC(pseudonym key, serial)[..16].
        Assert.Empty(sink.Of(policy.IndexOf("DebugTag")));
        Assert.Equal(0, sanitizer.Emitted(policy.IndexOf("IsolationResistance")));
        var ids = sink.Identifiers;
        Assert.Single(ids);
        Assert.Equal(policy.IdentifierIndexOf("battery_serial"), ids[0].Identifier);
        byte[] serial = SerialFrom(frames);
        byte[] expectedPseudonym = HMACSHA256.HashData(PseudonymKey.Derive(secret), serial)[..16];
        Assert.Equal(Convert.ToHexString(expectedPseudonym), ids[0].Hex);
        Assert.True(sanitizer.IdentifierUnchanged(policy.IdentifierIndexOf("battery_serial")) > 10);
    }

    [Fact]
    public void Frames_toward_the_tcu_keep_only_allowed_bits()
    {
        var sanitizer = new TelemetrySanitizer(Reference(), new byte[32], new ListSink());
        byte[] Ones() => Enumerable.Repeat((byte)0xFF, 8).ToArray();

        byte[] pack = Ones();
        Assert.True(sanitizer.BlankWithheld(0x1F0, false, pack, 8));
        Assert.Equal("FFFFFFFFFFFF0000", Convert.ToHexString(pack)); // counter and checksum are not in the policy

        byte[] contactors = Ones();
        Assert.True(sanitizer.BlankWithheld(0x1F3, false, contactors, 8));
        Assert.Equal("0FFF00FF00000000", Convert.ToHexString(contactors)); // isolation resistance dropped

        Assert.False(sanitizer.BlankWithheld(0x6B0, false, Ones(), 8)); // debug
        Assert.False(sanitizer.BlankWithheld(0x3F0, false, Ones(), 8)); // identity: serial and VIN fragment
        Assert.False(sanitizer.BlankWithheld(0x7EC, false, Ones(), 8)); // not in the policy
        byte[] charger = Ones();
        Assert.True(sanitizer.BlankWithheld(0x18FF50E5, true, charger, 8));
        Assert.Equal("FFFFFFFF00000000", Convert.ToHexString(charger));
    }

    [Fact]
    public void Observe_blank_and_advance_allocate_nothing_per_frame()
    {
        var frames = BmsFrames();
        var ids = frames.Select(f => f.Id).ToArray();
        var ext = frames.Select(f => f.Extended).ToArray();
        var data = frames.Select(f => f.Data[..8]).ToArray();
        var times = frames.Select(f => f.TimestampNanos / 1000).ToArray();
        var sink = new CountingSink();
        var sanitizer = new TelemetrySanitizer(Reference(), RandomNumberGenerator.GetBytes(32), sink);
        var scratch = new byte[8];
        long offset = 0;
        void Run(int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < ids.Length; i++)
                {
                    sanitizer.Observe(ids[i], ext[i], data[i], 8, offset + times[i]);
                    Array.Copy(data[i], scratch, 8);
                    sanitizer.BlankWithheld(ids[i], ext[i], scratch, 8);
                    if ((i & 63) == 0)
                    {
                        sanitizer.Advance(offset + times[i]);
                    }
                }

                offset += 3_600_000_000L; // an hour later each round, so the serial is pseudonymized again
            }
        }

        Run(1);
        Assert.Equal(0, SteadyAllocation.Of(() => Run(5)));
        Assert.True(sink.Samples > 10_000);
        Assert.Equal(21, sink.Identifiers);
    }

    private static byte[] SerialFrom(List<CaptureFrame> frames)
    {
        var page0 = frames.First(f => f.Id == 0x3F0 && f.Data[0] == 0);
        var page1 = frames.First(f => f.Id == 0x3F0 && f.Data[0] == 1);
        return [.. page0.Data[1..8], .. page1.Data[1..8]];
    }

    private sealed class ListSink : ITelemetrySink
    {
        private readonly List<(int Signal, long Value, long Time)> _samples = [];

        public List<(int Identifier, string Hex, long Time)> Identifiers { get; } = [];

        public List<(long Value, long Time)> Of(int signal) => _samples.Where(s => s.Signal == signal).Select(s => (s.Value, s.Time)).ToList();

        public void Sample(int signal, long valueUnits, long timeMicros) => _samples.Add((signal, valueUnits, timeMicros));

        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros) =>
            Identifiers.Add((signal, Convert.ToHexString(pseudonym, 0, len), timeMicros));
    }

    private sealed class CountingSink : ITelemetrySink
    {
        public long Samples;
        public long Identifiers;

        public void Sample(int signal, long valueUnits, long timeMicros) => Samples++;

        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros) => Identifiers++;
    }
}
