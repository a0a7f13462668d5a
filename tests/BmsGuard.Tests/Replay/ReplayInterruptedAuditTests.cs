using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Replay;

/// <summary>
/// An interrupted replay with a guard cuts audit.txt where it cuts the other logs: the guard's audit log
/// up to the frame it stopped at, never an empty file in place of an earlier replay's.
/// </summary>
public sealed class ReplayInterruptedAuditTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_interrupted_replay_writes_the_audit_text_up_to_the_frame_it_stopped_at()
    {
        var (keyPath, _) = PolicyFiles.NewKey(_dir, "owner.key");
        Assert.Equal(0, CliRun.Of("provision", "--vin", PolicyFiles.Vin, "--owner", keyPath, "--out", _dir.File("guard")).ExitCode);
        string[] sample = File.ReadAllLines(Captures.BundledSample);
        string[] lines = [.. Enumerable.Repeat(sample, 12).SelectMany(l => l)];
        string input = _dir.File("long.log", string.Join('\n', lines) + "\n");
        string head = _dir.File("head.log", string.Join('\n', lines.Take(ReplayEngine.ProgressEvery)) + "\n");
        string outDir = _dir.File("out");

        Assert.Equal(0, CliRun.Of("replay", input, "--guard", Guard("whole"), "--out", outDir, "--quiet").ExitCode);
        long earlier = new FileInfo(Path.Combine(outDir, "audit.txt")).Length;
        Assert.True(earlier > 0);

        using var interrupt = new ReplayInterrupt();
        interrupt.Request();
        int code = ReplayCommand.Run(CommandLine.Parse(["replay", input, "--guard", Guard("cut"), "--out", outDir, "--quiet"]), new StringWriter(), new StringWriter(), interrupt);
        Assert.Equal(ReplayInterrupt.ExitCode, code);

        // The same guard fed exactly the frames the interrupted replay took writes the same audit text.
        string headOut = _dir.File("head-out");
        Assert.Equal(0, CliRun.Of("replay", head, "--guard", Guard("head"), "--out", headOut, "--quiet").ExitCode);
        string cutAudit = File.ReadAllText(Path.Combine(outDir, "audit.txt"));
        Assert.NotEqual(string.Empty, cutAudit);
        Assert.Equal(File.ReadAllText(Path.Combine(headOut, "audit.txt")), cutAudit);
        Assert.Equal(File.ReadAllLines(Path.Combine(headOut, "decisions.log")), File.ReadAllLines(Path.Combine(outDir, "decisions.log")));
        Assert.Empty(Directory.GetFiles(outDir, "*.part"));
    }

    // A fresh copy of the provisioned guard directory, so each replay starts from the same state.
    private string Guard(string name)
    {
        string to = _dir.File("guard-" + name);
        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(_dir.File("guard")))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }

        return to;
    }
}
