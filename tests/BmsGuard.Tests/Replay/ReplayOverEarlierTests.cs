using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.Tests.Support;
using Xunit;
using BmsGuard.HostSim.Output;

namespace BmsGuard.Tests.Replay;

/// <summary>
/// Replays into a directory that holds an earlier replay: the logs are written over the earlier
/// ones (OutputFile.Rewrite), so nothing of those may survive, whatever way the replay ends.
/// </summary>
public class ReplayOverEarlierTests
{
    private static readonly string[] Logs = ["to-tcu.log", "to-bms.log", "dropped-bms-to-tcu.log", "dropped-tcu-to-bms.log", "decisions.log"];

    [Fact]
    public void A_replay_over_a_longer_one_writes_the_files_a_replay_into_an_empty_directory_does()
    {
        using var dir = new TempDir();
        string longer = Repeated(dir, "long.log", 3);
        string over = Path.Combine(dir.Path, "over");
        string fresh = Path.Combine(dir.Path, "fresh");
        Assert.Equal(0, CliRun.Of("replay", longer, "--out", over, "--quiet").ExitCode);
        long before = new FileInfo(Path.Combine(over, "decisions.log")).Length;

        Assert.Equal(0, CliRun.Of("replay", Captures.BundledSample, "--out", over, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("replay", Captures.BundledSample, "--out", fresh, "--quiet").ExitCode);

        Assert.True(new FileInfo(Path.Combine(over, "decisions.log")).Length < before);
        foreach (string name in Directory.GetFiles(fresh).Select(f => Path.GetFileName(f)))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, name)), File.ReadAllBytes(Path.Combine(over, name)));
        }

        Assert.Equal(Directory.GetFiles(fresh).Length, Directory.GetFiles(over).Length);
    }

    [Fact]
    public void A_replay_without_decisions_leaves_no_decision_log_of_an_earlier_replay()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Of("replay", "--out", dir.Path, "--quiet").ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "decisions.log")));

        Assert.Equal(0, CliRun.Of("replay", "--out", dir.Path, "--quiet", "--no-decisions").ExitCode);
        Assert.False(File.Exists(Path.Combine(dir.Path, "decisions.log")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "summary.txt")));
    }

    [Fact]
    public void A_replay_of_one_of_its_own_outputs_reads_it_whole()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliRun.Of("replay", "--out", outDir, "--quiet").ExitCode);
        string input = Path.Combine(outDir, "dropped-bms-to-tcu.log");
        string copy = Path.Combine(dir.Path, "copy.log");
        File.Copy(input, copy);

        // The input is also an output of this replay: it must be replaced, not written over while read.
        Assert.Equal(0, CliRun.Of("replay", input, "--out", outDir, "--quiet").ExitCode);
        string fresh = Path.Combine(dir.Path, "fresh");
        Assert.Equal(0, CliRun.Of("replay", copy, "--out", fresh, "--quiet").ExitCode);

        foreach (string name in Logs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, name)), File.ReadAllBytes(Path.Combine(outDir, name)));
        }
    }

    [Fact]
    public void An_interrupted_replay_stops_on_a_whole_count_with_no_earlier_tail_and_no_summary()
    {
        using var dir = new TempDir();
        string input = Repeated(dir, "long.log", 12); // 78,588 frames: more than one progress interval
        string whole = Path.Combine(dir.Path, "whole");
        string cut = Path.Combine(dir.Path, "cut");
        Assert.Equal(0, CliRun.Of("replay", input, "--out", whole, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("replay", input, "--out", cut, "--quiet").ExitCode);

        // As Ctrl-C would: asked for before the replay starts, so it stops at the first progress point.
        using var interrupt = new ReplayInterrupt();
        interrupt.Request();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ReplayCommand.Run(CommandLine.Parse(["replay", input, "--out", cut, "--quiet"]), stdout, stderr, interrupt);

        Assert.Equal(ReplayInterrupt.ExitCode, code);
        Assert.Contains("interrupted after 65,536 frames", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cut, "summary.txt")));
        Assert.False(File.Exists(Path.Combine(cut, "rules.txt")));

        // One decision line per replayed frame, the same as the whole replay's first ones; every
        // other log a strict prefix of the whole replay's: nothing of the earlier replay is left.
        string[] decisions = File.ReadAllLines(Path.Combine(cut, "decisions.log"));
        Assert.Equal(ReplayEngine.ProgressEvery, decisions.Length);
        Assert.Equal(File.ReadLines(Path.Combine(whole, "decisions.log")).Take(ReplayEngine.ProgressEvery), decisions);
        foreach (string name in new[] { "to-tcu.log", "dropped-bms-to-tcu.log", "dropped-tcu-to-bms.log" })
        {
            string[] part = File.ReadAllLines(Path.Combine(cut, name));
            string[] all = File.ReadAllLines(Path.Combine(whole, name));
            Assert.InRange(part.Length, 1, all.Length - 1);
            Assert.Equal(all.Take(part.Length), part);
        }
    }

    // The bundled sample, `times` times over (time restarts with each copy; the replay counts that).
    // The sample minute after minute, as a long capture is: time keeps going forward. (Repeated as is, the
    // replay clock would stand still from the second copy on and the TCU's frames would pile into one
    // receive-budget window.)
    private static string Repeated(TempDir dir, string name, int times)
    {
        string path = Path.Combine(dir.Path, name);
        string[] sample = File.ReadAllLines(Captures.BundledSample);
        using var writer = new StreamWriter(path);
        for (int k = 0; k < times; k++)
        {
            foreach (string line in sample)
            {
                int close = line.IndexOf(')', StringComparison.Ordinal);
                string[] time = line[1..close].Split('.');
                long seconds = long.Parse(time[0], System.Globalization.CultureInfo.InvariantCulture) + (60L * k);
                writer.Write($"({seconds}.{time[1]}{line[close..]}\n");
            }
        }

        return path;
    }
}
