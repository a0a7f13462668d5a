using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Policy;

/// <summary>Policy file errors name the file and line, and say what is wrong.</summary>
public class PolicyErrorTests
{
    private const string Head = "destination:\n  brokers: [b.example]\n  topic-prefix: owner/\negress:\n  bytes-per-hour: 1000\n";

    [Theory]
    [InlineData("signals:\n  SOC: forward\n  NoSuchSignal: forward\n", 8, "unknown signal 'NoSuchSignal'")]
    [InlineData("signals:\n  SOC: teleport\n", 7, "SOC: unknown action 'teleport'")]
    [InlineData("signals:\n  SOC: {action: quantize}\n", 7, "quantize needs a step")]
    [InlineData("signals:\n  SOC: {action: downsample, every: 10 s}\n", 7, "'10 s' is not a duration")]
    [InlineData("signals:\n  SOC: {action: aggregate, window: 1s, function: median}\n", 7, "unknown function 'median'")]
    [InlineData("signals:\n  SOC: {action: forward, colour: red}\n", 7, "unknown field 'colour'")]
    [InlineData("signals:\n  SOC: {action: quantize, step: -1}\n", 7, "step must be a positive decimal")]
    [InlineData("signals:\n  SOC: forward\n  PackStatus.SOC: drop\n", 8, "names the same signal as an earlier entry")]
    [InlineData("messages:\n  NoSuchMessage: drop\n", 7, "no message 'NoSuchMessage'")]
    [InlineData("identifiers:\n  serial:\n    signals: [SerialChar0]\n    action: hide\n", 7, "unknown identifier action 'hide'")]
    [InlineData("identifiers:\n  serial:\n    signals: [SerialChar0]\n    action: pseudonymize\n    bytes: 4\n", 7, "pseudonym bytes must be 8..32")]
    [InlineData("signals:\n  SerialChar0: forward\nidentifiers:\n  serial:\n    signals: [SerialChar1,\n      SerialChar0]\n    action: drop\n", 11, "SerialChar0 is already part of another identifier")]
    [InlineData("colour: red\n", 6, "unknown section 'colour'")]
    [InlineData("signals:\n  SOC: [forward\n", 8, "not valid YAML")]
    public void Error_names_file_line_and_reason(string body, int line, string reason)
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        string policy = dir.File("p.yaml", Head + body);
        var run = PolicyFiles.Compile(dir, policy, keyPath).Run;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{policy}:{line}: ", run.Stderr);
        Assert.Contains(reason, run.Stderr);
    }

    [Fact]
    public void The_uplink_drop_policy_travels_in_the_bundle_and_prints_back()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        string body = "destination:\n  brokers: [b.example]\n  topic-prefix: owner/\negress:\n  bytes-per-hour: 1000\n  drop: newest\nsignals:\n  SOC: forward\n";
        var (run, bundle) = PolicyFiles.Compile(dir, dir.File("p.yaml", body), keyPath);
        Assert.True(run.ExitCode == 0, run.Stderr);
        byte[] data = File.ReadAllBytes(bundle);
        Assert.True(BmsGuard.Core.Telemetry.TelemetryBundle.Read(data, data.Length, out _, out _)!.Policy.DropNewest);
        Assert.Contains("  drop: newest\n", CliRun.Of("policy", "show", bundle, "--key", keyPath).Stdout);

        string bad = dir.File("bad.yaml", body.Replace("drop: newest", "drop: middle", StringComparison.Ordinal));
        var refused = PolicyFiles.Compile(dir, bad, keyPath).Run;
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{bad}:6: drop must be 'oldest' or 'newest'", refused.Stderr);
    }

    [Fact]
    public void Missing_destination_is_an_error()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var run = PolicyFiles.Compile(dir, dir.File("p.yaml", "egress:\n  bytes-per-hour: 5000\nsignals:\n  SOC: forward\n"), keyPath).Run;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing destination: brokers", run.Stderr);
    }
}
