using System.Globalization;
using System.Text.RegularExpressions;
using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Board;

/// <summary>
/// A TCU sending denied diagnostic requests just under its receive budget, replayed through each board's bridge:
/// every request is judged and denied, but the audit log gets the budget's allowance of them and one
/// records-suppressed record with the rest's count, instead of a sealed flash record per frame.
/// </summary>
public sealed class AuditFloodTests
{
    private const int FloodSeconds = 30;
    private const int PerSecond = 900;

    [Theory]
    [InlineData("nucleo-f767zi")]
    [InlineData("esp32-mcp2515")]
    public void Denials_under_the_receive_budget_are_audited_up_to_the_allowance_then_summed_up(string board)
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        var run = CliRun.Of("replay", Capture(dir), "--board", board, "--out", outDir);
        Assert.Equal(0, run.ExitCode);

        // Under the receive budget: nothing paused, every request judged.
        const int requests = FloodSeconds * PerSecond;
        Assert.DoesNotContain("receive-paused", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(requests, TimedCapture.Count(run.Stdout, "uds-denied"));

        string audit = File.ReadAllText(Path.Combine(outDir, "audit.txt"));
        Assert.Equal(AuditBudget.DefaultAllowance, Regex.Matches(audit, "kind=uds-denied ").Count);
        var summary = Assert.Single(Regex.Matches(audit, @"kind=records-suppressed reason=(\d+):uds-denied detail=([0-9a-f]+)"));
        Assert.Equal(AuditKind.UdsDenied, int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(requests - AuditBudget.DefaultAllowance, Convert.ToInt32(summary.Groups[2].Value[..8], 16));
        Assert.Contains($"audit budget: over {AuditBudget.DefaultAllowance} records per kind per 60s: uds-denied={requests - AuditBudget.DefaultAllowance} counted, not written", run.Stdout, StringComparison.Ordinal);
    }

    // BMS cell data every 100 ms for 70 s (the guard ticks on its time); from 1 s the TCU sends OBD requests,
    // 900 a second (90 per 100 ms, the receive budget is 100) for 30 s. The budget window ends 60 s after the
    // first denial, inside the quiet time, so its summary is written.
    private static string Capture(TempDir dir)
    {
        var events = new List<(long Micros, string Line)>();
        for (int i = 0; i < 700; i++)
        {
            events.Add((i * 100_000L, string.Create(CultureInfo.InvariantCulture, $"can0 1F1#{i:X16}")));
        }

        for (int i = 0; i < FloodSeconds * PerSecond; i++)
        {
            events.Add((1_000_000L + (i * 1_000_000L / PerSecond), string.Create(CultureInfo.InvariantCulture, $"can1 7DF#0201{i:X12}")));
        }

        return TimedCapture.Write(dir, "denials.log", events);
    }
}
