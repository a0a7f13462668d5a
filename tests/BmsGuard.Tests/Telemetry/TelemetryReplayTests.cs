using System.Text;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Traffic;
using BmsGuard.HostSim.Telemetry;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Telemetry;

/// <summary>
/// The telemetry path end to end through the CLI: a provisioned guard, the reference policy signed by
/// the owner, the bundled drive replayed into the outbox and into a real mosquitto; what arrives is
/// exactly what the policy allows, nothing identifying leaves raw, and the egress report verifies it.
/// </summary>
public sealed class TelemetryReplayTests : IDisposable
{
    private const string Vin = "WVWZZZ1JZXW000001";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_outbox_holds_only_what_the_policy_allows_and_the_egress_report_verifies_it()
    {
        string bundle = Stage();
        var run = Cli("replay", "--guard", P("guard"), "--policy", bundle, "--out", P("out"));
        Assert.Contains("telemetry: policy v1 (owner key 1)", run.Stdout);
        Assert.Contains("uplink: enqueued=61 published=61 acknowledged=61 resent=0 dropped: queue-full=0 over-budget=0 too-large=0; pending=0", run.Stdout);

        var lines = Outbox(P("out", "outbox.txt"));
        Assert.Equal(61, lines.Count);
        Assert.All(lines, l => Assert.Equal("outbox", l.Destination));
        AssertOnlyAllowed(lines.Select(l => l.Payload).ToList(), Policy(bundle));

        var report = CliRun.Of("egress", "report", "--outbox", P("out", "outbox.txt"), "--audit", P("guard", "audit.log"), "--key", P("guard", "audit.key"), "--policy", bundle);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("61 publishes in range, 61 in the audit log", report.Stdout);
        Assert.Matches(@"SOC\s+60\s", report.Stdout);
        Assert.Matches(@"DebugTag\s+0\s", report.Stdout);

        // The same policy blanks the CAN path: the identity pages (serial, VIN) no longer reach the TCU at all.
        Assert.DoesNotContain(Captures.Read(P("out", "to-tcu.log")), f => f.Id == ReferenceBms.Identity);
    }

    [MosquittoFact]
    public void A_real_broker_receives_byte_for_byte_what_the_outbox_shows()
    {
        string bundle = Stage();

        // A second guard for the same vehicle and owner shows what the broker should receive.
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard-dry"));
        Cli("replay", "--guard", P("guard-dry"), "--policy", bundle, "--out", P("dry"));
        var expected = Outbox(P("dry", "outbox.txt"));

        using var broker = Mosquitto.Start();
        using var sub = broker.Sub("-C", expected.Count.ToString(), "-q", "1", "-t", "owner/bms-guard/#", "-F", "%t %x");
        sub.WaitSubscribed();
        var run = Cli("replay", "--guard", P("guard"), "--policy", bundle, "--mqtt", $"127.0.0.1:{broker.Port}", "--out", P("out"));
        Assert.Contains($"published={expected.Count} acknowledged={expected.Count}", run.Stdout);

        var received = sub.Messages().Select(m => m.Split(' ')).Select(p => (Topic: p[0], Hex: p[1].ToUpperInvariant())).ToList();
        Assert.Equal(expected.Select(e => (e.Topic, Convert.ToHexString(e.Payload))), received);
        AssertOnlyAllowed(received.Select(r => Convert.FromHexString(r.Hex)).ToList(), Policy(bundle));

        var sent = Outbox(P("out", "outbox.txt"));
        Assert.All(sent, l => Assert.Equal($"127.0.0.1:{broker.Port}", l.Destination));
        var report = CliRun.Of("egress", "report", "--outbox", P("out", "outbox.txt"), "--audit", P("guard", "audit.log"), "--key", P("guard", "audit.key"));
        Assert.True(report.ExitCode == 0, report.Stderr);
    }

    [Fact]
    public void An_unreachable_broker_loses_nothing_silently_and_a_broker_off_the_policy_list_gets_nothing()
    {
        string bundle = Stage();
        // Both are an external part failing: exit 3 with one line, the logs and the summary complete.
        var down = CliRun.Of("replay", "--guard", P("guard"), "--policy", bundle, "--mqtt", "127.0.0.1:1", "--mqtt-wait", "300ms", "--out", P("down"));
        Assert.Equal(3, down.ExitCode);
        Assert.Equal("bmsguard: --mqtt 127.0.0.1:1: 61 telemetry message(s) still pending: the broker did not acknowledge them", down.Stderr.Trim());
        Assert.Contains("uplink: enqueued=61 published=0 acknowledged=0 resent=0 dropped: queue-full=0 over-budget=0 too-large=0; pending=61", down.Stdout);
        Assert.True(File.Exists(P("down", "summary.txt")));
        Assert.Empty(Outbox(P("down", "outbox.txt")));

        var foreign = CliRun.Of("replay", "--guard", P("guard"), "--policy", bundle, "--mqtt", "192.0.2.7:1883", "--mqtt-wait", "0s", "--out", P("foreign"));
        Assert.Equal(3, foreign.ExitCode);
        Assert.Contains("the broker is not on the policy's broker list", foreign.Stderr, StringComparison.Ordinal);
        Assert.Contains("uplink: refused: the broker is not on the policy's list", foreign.Stdout);
        Assert.Empty(Outbox(P("foreign", "outbox.txt")));
    }

    private static void AssertOnlyAllowed(List<byte[]> payloads, TelemetryPolicy policy)
    {
        string serialHex = Convert.ToHexString(Encoding.ASCII.GetBytes(ReferenceBms.SerialNumber[..6]));
        string vinHex = Convert.ToHexString(Encoding.ASCII.GetBytes(ReferenceBms.VinFragment[..5]));
        var soc = new List<long>();
        foreach (var bytes in payloads)
        {
            string hex = Convert.ToHexString(bytes);
            Assert.DoesNotContain(serialHex, hex, StringComparison.Ordinal);
            Assert.DoesNotContain(vinHex, hex, StringComparison.Ordinal);
            var payload = TelemetryPayloadReader.Read(bytes);
            foreach (var s in payload.Samples)
            {
                var action = policy.Signal(s.Signal).Treatment.Action;
                Assert.NotEqual(TelemetryAction.Drop, action);
                if (policy.Signal(s.Signal).Name == "SOC")
                {
                    soc.Add(s.TimeMillis);
                }
            }

            Assert.All(payload.Pseudonyms, p => Assert.Equal(16, p.Pseudonym.Length));
        }

        // The policy's rate: SOC downsampled from 50 Hz to at most one sample a second.
        Assert.InRange(soc.Count, 55, 61);
        Assert.All(soc.Zip(soc.Skip(1)), p => Assert.True(p.Second - p.First >= 1000));
    }

    private static TelemetryPolicy Policy(string bundle)
    {
        byte[] data = File.ReadAllBytes(bundle);
        return TelemetryBundle.Read(data, data.Length, out _, out _)!.Policy;
    }

    private static List<(string Destination, string Topic, byte[] Payload)> Outbox(string path) =>
        File.ReadAllLines(path).Where(l => !l.StartsWith('#')).Select(l => l.Split(' '))
            .Select(p => (p[1], p[2], p[4] == "-" ? Array.Empty<byte>() : Convert.FromHexString(p[4]))).ToList();

    private string Stage()
    {
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"));
        Cli("policy", "compile", PolicyFiles.ReferencePolicy, "--dbc", PolicyFiles.ReferenceDbc, "--key", P("owner.key"), "--vin", Vin, "--version", "1", "--out", P("policy.bin"));
        return P("policy.bin");
    }

    private static CliRun Cli(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"bmsguard {string.Join(' ', args)}: {run.Stderr}");
        return run;
    }

    private string P(params string[] parts) => Path.Combine([_dir.Path, .. parts]);
}
