using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Cli;

/// <summary>The progress line of long operations: on a terminal's standard error only, erased at the end, never in redirected output.</summary>
public sealed class ProgressLineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Progress_appears_on_a_terminal_and_is_erased()
    {
        // Drawn from the first report: converting an hour of traffic can take less than the default 0.2 s.
        var (code, terminal) = CliProcess.OnTerminal("export BMSGUARD_PROGRESS_AFTER_MS=0; bmsguard gen --duration 1h --out g.log && bmsguard convert g.log g.asc > out.txt", _dir.Path);
        Assert.True(code == 0, terminal);
        Assert.Matches(@"\r\u001b\[Kgen: [\d,]+ frames, \d+ % of 1h", terminal);
        Assert.Matches(@"\r\u001b\[Kconvert: [\d,]+ frames, \d+ % of \d+\.\d MB", terminal);

        // Erased before the summary: the summary starts a fresh line.
        Assert.Matches(@"\r\u001b\[Kbmsguard: converted \d+ frames from g.log to g.asc", terminal);
        Assert.Equal(0, new FileInfo(_dir.File("out.txt")).Length);
    }

    [Fact]
    public void Progress_is_never_written_when_standard_error_is_redirected()
    {
        var run = CliProcess.Shell("bmsguard gen --duration 1h --out g.log && bmsguard convert g.log - --format asc | bmsguard decode - --dbc " + Path.Combine(Captures.RepoRoot, "host-sim", "BmsGuard.HostSim", "samples", "reference-bms.dbc") + " | tail -n 1", _dir.Path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("\r", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stderr + run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" % of ", run.Stderr, StringComparison.Ordinal);

        // Standard output on the terminal, standard error to a file: still none.
        var (code, terminal) = CliProcess.OnTerminal("bmsguard convert g.log g.trc 2> err.txt; cat err.txt", _dir.Path, stdoutOnTerminal: true);
        Assert.Equal(0, code);
        Assert.DoesNotContain("\u001b[K", terminal, StringComparison.Ordinal);
        Assert.Contains("bmsguard: converted", terminal, StringComparison.Ordinal);
    }
}
