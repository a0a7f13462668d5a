using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Report;

/// <summary>
/// The bundled drive with signed commands injected (provision a fleet key, a charge target, open
/// contactors with two keys, the charge target forged and replayed, open contactors with one key, and
/// again with two while driving), replayed through a provisioned guard with the reference telemetry
/// policy: what docs/report-sample.sh stages for the screenshot.
/// </summary>
public static class ReportSample
{
    public const string Vin = "WVWZZZ1JZXW000001";
    private const string Issued = "2026-01-01T00:00:01Z";

    /// <summary>Stages the sample in <paramref name="dir"/>, returns the capture to replay; the guard is in dir/guard, the policy bundle dir/policy.bin.</summary>
    public static string Stage(string dir)
    {
        string P(string name) => Path.Combine(dir, name);
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("keys", "new", "--role", "fleet", "--id", "2", "--out", P("fleet.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"));
        Cli("policy", "compile", PolicyFiles.ReferencePolicy, "--dbc", PolicyFiles.ReferenceDbc, "--key", P("owner.key"), "--vin", Vin, "--version", "1", "--out", P("policy.bin"));
        void Sign(string output, string type, params string[] options) =>
            Cli(["command", "sign", type, "--vin", Vin, "--issued", Issued, "--out", P(output), .. options]);

        // Signed in the order delivered: a denied envelope is spent, and with it every lower counter.
        Sign("k.env", "provision-key", "--key", P("owner.key"), "--new-key", P("fleet.key"));
        Sign("c.env", "set-charge-target", "--percent", "80", "--key", P("owner.key"));
        Sign("o.env", "open-contactors", "--key", P("owner.key"), "--key", P("fleet.key"));
        Sign("o1.env", "open-contactors", "--key", P("owner.key"));
        Sign("o2.env", "open-contactors", "--key", P("owner.key"), "--key", P("fleet.key"));
        string input = Captures.BundledSample;
        var steps = new (string Env, string At, string? Tamper)[]
        {
            ("k.env", "1s", null), ("c.env", "2s", null), ("o.env", "3s", null), ("c.env", "4s", "30"), ("c.env", "5s", null), ("o1.env", "6s", null), ("o2.env", "20s", null),
        };
        for (int i = 0; i < steps.Length; i++)
        {
            string output = P($"s{i}.log");
            var args = new List<string> { "command", "inject", input, output, "--envelope", P(steps[i].Env), "--at", steps[i].At };
            if (steps[i].Tamper != null)
            {
                args.AddRange(["--tamper", steps[i].Tamper!]);
            }

            Cli([.. args]);
            input = output;
        }

        return input;
    }

    public static CliRun Cli(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"bmsguard {string.Join(' ', args)}: {run.Stderr}");
        return run;
    }
}
