using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using nanoFramework.Networking;
using Xunit;

namespace BmsGuard.Tests.Guard;

// Sntp is static (as on the device): these tests must not run alongside others that touch it.
[Collection(nameof(TimeSourceTests))]
public class TimeSourceTests
{
    [Fact]
    public void The_clock_is_set_only_from_the_time_servers_the_owner_policy_lists()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var (compile, bundlePath) = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, keyPath, version: 1);
        Assert.True(compile.ExitCode == 0, compile.Stderr);
        byte[] bytes = File.ReadAllBytes(bundlePath);
        TelemetryBundle bundle = TelemetryBundle.Read(bytes, bytes.Length, out _, out string? error) ?? throw new InvalidOperationException(error);
        Assert.Equal(1, bundle.Policy.TimeServerCount);

        var time = new TimeSource();
        Sntp.Server1 = "0.pool.ntp.org";
        Assert.True(time.Apply(null));
        Assert.False(Sntp.IsStarted, "no policy: no SNTP at all, not the pool default");
        Assert.Contains("SNTP is off", time.Status);

        Assert.True(time.Apply(bundle.Policy));
        Assert.True(Sntp.IsStarted);
        Assert.Equal("ntp.owner.example", Sntp.Server1);
        Assert.Equal("ntp.owner.example", Sntp.Server2);
        Assert.Equal("time: SNTP from ntp.owner.example", time.Status);
        Assert.False(time.Apply(bundle.Policy), "the same policy again changes nothing");

        TelemetryPolicy withoutServers = TelemetryPolicy.Build(
            [bundle.Policy.Signal(0)], [], ["broker.owner.example"], "owner/", 1000, out error) ?? throw new InvalidOperationException(error);
        Assert.True(time.Apply(withoutServers));
        Assert.False(Sntp.IsStarted, "a policy without time servers stops the client");
    }
}
