using BmsGuard.Core.Crypto;
using BmsGuard.Core.Telemetry;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Policy;

/// <summary><c>bmsguard policy compile|show</c>: round trips, signatures, keys and exit codes.</summary>
public class PolicyCommandTests
{
    [Fact]
    public void Reference_policy_compiles_into_a_signed_bundle_that_show_verifies()
    {
        using var dir = new TempDir();
        var (keyPath, key) = PolicyFiles.NewKey(dir, "owner.key");
        var (run, bundle) = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, keyPath, version: 3);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("policy version 3 for WBA00000000000001", run.Stdout);

        byte[] data = File.ReadAllBytes(bundle);
        Assert.True(TelemetryBundle.TagVerifies(data, data.Length, new HmacSha256(key.Secret)));
        var read = TelemetryBundle.Read(data, data.Length, out _, out _)!;
        Assert.Equal(3u, read.PolicyVersion);
        var p = read.Policy;
        var soc = p.Signal(p.IndexOf("SOC"));
        Assert.Equal((TelemetryAction.Downsample, 1_000_000L), (soc.Treatment.Action, soc.Treatment.EveryMicros));
        Assert.Equal((0x1F0u, 32, 8, 5L, 1), (soc.Id, soc.StartBit, soc.Length, soc.ScaleUnits, soc.Decimals));
        var voltage = p.Signal(p.IndexOf("PackVoltage")).Treatment;
        Assert.Equal((TelemetryAction.Quantize, 5L, 1_000_000L), (voltage.Action, voltage.StepUnits, voltage.EveryMicros));
        Assert.Equal(TelemetryAction.Drop, p.Signal(p.IndexOf("DebugTag")).Treatment.Action);
        Assert.Equal(TelemetryAction.Drop, p.Signal(p.IndexOf("IsolationResistance")).Treatment.Action);
        Assert.Equal(TelemetryAction.Downsample, p.Signal(p.IndexOf("FaultFlags")).Treatment.Action);
        Assert.Equal(-1, p.IndexOf("PackStatusChecksum"));
        int serial = p.IdentifierIndexOf("battery_serial");
        Assert.Equal((IdentifierAction.Pseudonymize, 16, 14), (p.Identifier(serial).Action, p.Identifier(serial).PseudonymBytes, p.IdentifierRawBytes(serial)));
        Assert.True(p.IsBrokerAllowed("broker.owner.example"));

        var show = CliRun.Of("policy", "show", bundle, "--key", keyPath);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("# signature: verified with owner key 1", show.Stdout);
        Assert.Contains("PackVoltage: {action: quantize, step: 0.5, every: 1s}", show.Stdout);
        Assert.Contains("CellTempAvg: {action: aggregate, window: 10s, function: mean}", show.Stdout);
    }

    [Fact]
    public void Show_prints_a_policy_that_compiles_back_to_the_identical_bundle()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var (_, bundle) = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, keyPath, version: 9);
        var show = CliRun.Of("policy", "show", bundle);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("owner key 1, not checked", show.Stdout);
        string printed = dir.File("printed.yaml", show.Stdout);
        var (again, bundle2) = PolicyFiles.Compile(dir, printed, keyPath, version: 9);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(File.ReadAllBytes(bundle), File.ReadAllBytes(bundle2));
        Assert.Equal(show.Stdout, CliRun.Of("policy", "show", bundle2).Stdout.Replace(bundle2, bundle));
    }

    [Fact]
    public void Show_flags_a_tampered_bundle_or_a_foreign_key_with_exit_code_1()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var (otherPath, _) = PolicyFiles.NewKey(dir, "other.key", id: 2);
        var (sameIdPath, _) = PolicyFiles.NewKey(dir, "same-id.key");
        var (_, bundle) = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, keyPath);

        byte[] data = File.ReadAllBytes(bundle);
        byte[] budget = (byte[])data.Clone();
        data[TelemetryBundle.HeaderSize + 14] ^= 0x20; // a letter of the topic prefix: still a valid body
        File.WriteAllBytes(bundle + ".tampered", data);
        var tampered = CliRun.Of("policy", "show", bundle + ".tampered", "--key", keyPath);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("INVALID", tampered.Stdout);

        budget[TelemetryBundle.HeaderSize + 10] ^= 0x20; // the egress budget, now beyond what a body may hold
        File.WriteAllBytes(bundle + ".budget", budget);
        var badBody = CliRun.Of("policy", "show", bundle + ".budget", "--key", keyPath);
        Assert.Equal(1, badBody.ExitCode);
        Assert.Contains("bad-body: egress budget must be 512 to 2000000000 bytes per hour", badBody.Stderr);
        Assert.Contains("INVALID: the tag does not verify", badBody.Stderr);

        var foreign = CliRun.Of("policy", "show", bundle, "--key", otherPath);
        Assert.Equal(1, foreign.ExitCode);
        Assert.Contains("signed by key 1, not 2", foreign.Stderr);
        Assert.Equal(1, CliRun.Of("policy", "show", bundle, "--key", sameIdPath).ExitCode);

        File.WriteAllBytes(bundle + ".cut", File.ReadAllBytes(bundle)[..100]);
        var cut = CliRun.Of("policy", "show", bundle + ".cut");
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("not a valid policy bundle: truncated", cut.Stderr);
    }

    [Fact]
    public void Compile_needs_an_owner_key_and_valid_options()
    {
        using var dir = new TempDir();
        var (fleetPath, _) = PolicyFiles.NewKey(dir, "fleet.key", BmsGuard.Core.Commands.Role.Fleet);
        var (ownerPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var fleet = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, fleetPath).Run;
        Assert.Equal(1, fleet.ExitCode);
        Assert.Contains("signed by the owner key, not a fleet key", fleet.Stderr);

        Assert.Equal(2, PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, ownerPath, vin: "WBA0000000000001").Run.ExitCode);
        Assert.Equal(2, PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, ownerPath, vin: "WBAI0000000000001").Run.ExitCode);
        Assert.Equal(2, PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, ownerPath, version: 0).Run.ExitCode);
        Assert.Equal(2, CliRun.Of("policy", "compile", PolicyFiles.ReferencePolicy, "--dbc", PolicyFiles.ReferenceDbc).ExitCode);
        Assert.Equal(2, CliRun.Of("policy").ExitCode);
        Assert.Equal(1, PolicyFiles.Compile(dir, dir.File("missing.yaml"), ownerPath).Run.ExitCode);
    }
}
