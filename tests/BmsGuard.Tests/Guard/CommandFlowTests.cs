using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Guard;

/// <summary>
/// The bench flow end to end through the CLI: keys, provisioning, signed and forged commands
/// injected into the bundled drive, replayed through the whole guard; then a reboot (a second
/// replay on the same files) and a storage rollback.
/// </summary>
public sealed class CommandFlowTests : IDisposable
{
    private const string Vin = "WVWZZZ1JZXW000001";
    private const string Issued = "2026-01-01T00:00:01Z";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Signed_commands_reach_the_bms_as_native_frames_and_every_attack_is_denied_with_its_reason()
    {
        string capture = Stage();
        var run = Cli("replay", capture, "--guard", P("guard"), "--out", P("out"));
        Assert.Contains("commands (signed envelopes): accepted=3, role-mismatch=1, replayed=1, below-threshold=1", run.Stdout);
        Assert.Contains("guard -> BMS                    2", run.Stdout);

        var audit = File.ReadAllLines(P("out", "audit.txt"));
        Assert.Contains(audit, l => l.Contains("seq=1 kind=key-provisioned reason=0:accepted detail=0001", StringComparison.Ordinal)); // owner, installed at boot
        Assert.Contains(audit, l => l.Contains("kind=key-provisioned reason=0:accepted detail=0002", StringComparison.Ordinal)); // fleet, by signed command
        Assert.Equal(3, audit.Count(l => l.Contains("kind=command-accepted", StringComparison.Ordinal)));
        Assert.Contains(audit, l => l.Contains("kind=command-denied reason=11:role-mismatch", StringComparison.Ordinal)); // forged
        Assert.Contains(audit, l => l.Contains("kind=command-denied reason=13:replayed", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("kind=command-denied reason=16:below-threshold", StringComparison.Ordinal)); // one signature on a threshold command

        // The BMS hears only the guard's native commands: charge target 80 % and open contactors.
        var toBms = Captures.Read(P("out", "to-bms.log"));
        Assert.Equal(["5A1#0150000000000000", "5A0#0100000000000000"], toBms.Select(f => $"{f.Id:X3}#{Captures.Hex(f)}"));

        // The TCU got a status for every command: type, verdict, executed.
        var status = Captures.Read(P("out", "to-tcu.log")).Where(f => f.Id == 0x6A8 && f.Data[0] == 0x03).Select(Captures.Hex).ToList();
        Assert.Equal(["03100001CCCCCCCC", "03010001CCCCCCCC", "03040001CCCCCCCC", "03010B00CCCCCCCC", "03010D00CCCCCCCC", "03041000CCCCCCCC"], status);

        Assert.Equal(0, Cli("audit", "verify", P("guard", "audit.log"), "--key", P("guard", "audit.key")).ExitCode);
    }

    [Fact]
    public void After_a_reboot_every_envelope_is_a_replay_and_a_rolled_back_storage_fails_closed()
    {
        string capture = Stage();
        Cli("replay", capture, "--guard", P("guard"), "--out", P("out1"));
        File.Copy(P("guard", "state.a"), P("state.a.old"));
        File.Copy(P("guard", "state.b"), P("state.b.old"));

        // Reboot: the counters persisted, so the same commands are replays now.
        var second = Cli("replay", capture, "--guard", P("guard"), "--out", P("out2"));
        Assert.Contains("state loaded", second.Stdout);
        // The owner-only envelope denied below threshold was spent on the first run too.
        Assert.Contains("commands (signed envelopes): role-mismatch=1, replayed=5", second.Stdout);
        Assert.Empty(Captures.Read(P("out2", "to-bms.log")));

        // One more accepted command advances the state; then the old state files are put back.
        string fresh = P("fresh.env");
        Cli("command", "sign", "set-charge-target", "--percent", "90", "--vin", Vin, "--key", P("owner.key"), "--issued", Issued, "--out", fresh);
        Cli("command", "inject", Captures.BundledSample, P("fresh.log"), "--envelope", fresh, "--at", "2s");
        Assert.Contains("accepted=1", Cli("replay", P("fresh.log"), "--guard", P("guard"), "--out", P("out3")).Stdout);
        File.Copy(P("state.a.old"), P("guard", "state.a"), true);
        File.Copy(P("state.b.old"), P("guard", "state.b"), true);

        var rolledBack = Cli("replay", capture, "--guard", P("guard"), "--out", P("out4"));
        Assert.Contains("state rollback-detected", rolledBack.Stdout);
        Assert.Contains("commands (signed envelopes): rollback-detected=6", rolledBack.Stdout);
        Assert.Contains(File.ReadAllLines(P("out4", "audit.txt")), l => l.Contains("kind=rollback-detected", StringComparison.Ordinal));
        Assert.Empty(Captures.Read(P("out4", "to-bms.log")));
    }

    [Fact]
    public void A_window_opened_at_standstill_serves_security_access_until_the_car_moves_and_only_answers_return()
    {
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("keys", "new", "--role", "workshop", "--id", "3", "--out", P("workshop.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"));
        Sign("w.env", "provision-key", "--key", P("owner.key"), "--new-key", P("workshop.key"));
        // Signed in the order delivered: a denied envelope is spent, and with it every lower counter.
        Sign("f.env", "open-flashing-window", "--for", "10m", "--key", P("owner.key"), "--key", P("workshop.key"));
        Sign("m.env", "open-maintenance-window", "--for", "10m", "--key", P("owner.key"), "--key", P("workshop.key"));
        Cli("command", "inject", Captures.BundledSample, P("a.log"), "--envelope", P("w.env"), "--at", "1s");
        Cli("command", "inject", P("a.log"), P("b.log"), "--envelope", P("f.env"), "--at", "2s");
        Cli("command", "inject", P("b.log"), P("c.log"), "--envelope", P("m.env"), "--at", "3s");

        // The sample stands still for its first 4.9 s, then drives. At 4 s the tester asks for a seed; the
        // BMS answers it, then tries the battery serial on the response id. At 11.6 s (driving) the
        // sample's own security access comes, and the BMS "answers" it too.
        var lines = File.ReadAllLines(P("c.log")).ToList();
        lines.Add("(1767225604.000000) can1 7E4#0227010000000000");
        lines.Add("(1767225604.020000) can0 7EC#0667011122334455");
        lines.Add("(1767225604.030000) can0 7EC#0662F18C42415454");
        lines.Add("(1767225611.619983) can0 7EC#0667011122334455");
        File.WriteAllLines(P("d.log"), lines.OrderBy(l => decimal.Parse(l[1..l.IndexOf(')')], System.Globalization.CultureInfo.InvariantCulture)));

        var run = Cli("replay", P("d.log"), "--guard", P("guard"), "--out", P("out"));
        var audit = File.ReadAllLines(P("out", "audit.txt"));

        // Flashing needs a stopped car with open contactors; the sample's contactors are closed.
        Assert.Contains(audit, l => l.Contains("kind=command-denied reason=19:unsafe detail=08", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("kind=window-opened", StringComparison.Ordinal));
        Assert.Contains("accepted=2", run.Stdout);

        // At standstill the request passes; once driving the open window serves nothing.
        Assert.Contains(audit, l => l.StartsWith("1767225604.000000", StringComparison.Ordinal) && l.Contains("kind=uds-allowed", StringComparison.Ordinal) && l.EndsWith("detail=000007E42701", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("kind=uds-denied reason=10:denied-unsafe", StringComparison.Ordinal) && l.EndsWith("detail=000007E42701", StringComparison.Ordinal));
        Assert.Single(Captures.Read(P("out", "to-bms.log")), f => f.Id == 0x7E4 && Captures.Hex(f).StartsWith("022701", StringComparison.Ordinal));

        // Only the answer to the request let through reaches the tester; the serial and the late "answer" do not.
        var answers = Captures.Read(P("out", "to-tcu.log")).Where(f => f.Id == 0x7EC && Captures.Hex(f).StartsWith("06", StringComparison.Ordinal)).ToList();
        // Its byte after the 6-byte payload is padding, rewritten: nothing rides along.
        Assert.Equal(["06670111223344CC"], answers.Select(Captures.Hex));
        var decisions = File.ReadAllLines(P("out", "decisions.log"));
        Assert.Contains(decisions, l => l.Contains("7EC#0662F18C42415454 -> drop reason=uds-response-unsolicited", StringComparison.Ordinal));
        Assert.Contains(decisions, l => l.StartsWith("(1767225611.619983) can0 7EC#0667011122334455 -> drop reason=uds-response-unsolicited", StringComparison.Ordinal));
    }

    [Fact]
    public void SecOC_single_frames_are_authenticated_fresh_and_still_judged_by_the_policy_and_survive_a_reset()
    {
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"), "--secoc", "owner");
        string key = P("guard", "secoc.key");
        Cli("command", "secoc", "set-charge-target", Captures.BundledSample, P("a.log"), "--key", key, "--at", "2s", "--percent", "85");
        Cli("command", "secoc", "set-charge-target", P("a.log"), P("b.log"), "--key", key, "--at", "3s", "--percent", "85", "--freshness", "1");
        Cli("command", "secoc", "open-contactors", P("b.log"), P("c.log"), "--key", key, "--at", "4s");
        Cli("command", "secoc", "set-charge-target", P("c.log"), P("d.log"), "--key", key, "--at", "5s", "--percent", "120");

        var run = Cli("replay", P("d.log"), "--guard", P("guard"), "--out", P("out"));
        Assert.Contains("SecOC frames (owner key): accepted=3, replayed=1; after authentication: bad-parameters=1, below-threshold=1", run.Stdout);
        Assert.Equal(["5A1#0155000000000000"], Captures.Read(P("out", "to-bms.log")).Select(f => $"{f.Id:X3}#{Captures.Hex(f)}"));

        // A forged frame (one MAC bit flipped) does not authenticate.
        var frames = File.ReadAllLines(P("a.log")).ToList();
        int at = frames.FindIndex(l => l.Contains(" 6A1#", StringComparison.Ordinal));
        frames[at] = frames[at][..^1] + (frames[at][^1] == '0' ? '1' : '0');
        File.WriteAllLines(P("forged.log"), frames);
        Assert.Contains("bad-mac=1", Cli("replay", P("forged.log"), "--guard", P("guard"), "--out", P("out2")).Stdout);

        // After a reset the freshness persisted: the recorded frames are replays now.
        Assert.Contains("SecOC frames (owner key): replayed=4", Cli("replay", P("d.log"), "--guard", P("guard"), "--out", P("out3")).Stdout);
    }

    [Fact]
    public void Without_a_guard_directory_every_command_is_denied_as_unprovisioned()
    {
        string capture = Stage();
        var run = Cli("replay", capture, "--out", P("out"));
        Assert.Contains("guard: unprovisioned", run.Stdout);
        Assert.Contains("commands (signed envelopes): unprovisioned=6", run.Stdout);
        Assert.Empty(Captures.Read(P("out", "to-bms.log")));
    }

    // Owner and fleet keys, a provisioned guard, and the drive with six envelopes injected:
    // provision fleet, charge target (owner), open contactors (owner + fleet), the charge target
    // forged, the charge target replayed, open contactors with the owner's signature alone.
    private string Stage()
    {
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("keys", "new", "--role", "fleet", "--id", "2", "--out", P("fleet.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"));
        Sign("k.env", "provision-key", "--key", P("owner.key"), "--new-key", P("fleet.key"));
        Sign("c.env", "set-charge-target", "--percent", "80", "--key", P("owner.key"));
        Sign("o.env", "open-contactors", "--key", P("owner.key"), "--key", P("fleet.key"));
        Sign("o1.env", "open-contactors", "--key", P("owner.key"));
        string input = Captures.BundledSample;
        var steps = new (string Env, string At, string? Tamper)[] { ("k.env", "1s", null), ("c.env", "2s", null), ("o.env", "3s", null), ("c.env", "4s", "30"), ("c.env", "5s", null), ("o1.env", "6s", null) };
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

    private void Sign(string output, string type, params string[] options) =>
        Cli(["command", "sign", type, "--vin", Vin, "--issued", Issued, "--out", P(output), .. options]);

    private static CliRun Cli(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"bmsguard {string.Join(' ', args)}: {run.Stderr}");
        return run;
    }

    private string P(params string[] parts) => Path.Combine([_dir.Path, .. parts]);
}
