using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Mcp2515;

/// <summary><c>bmsguard replay --board esp32-mcp2515</c>: the firmware's MCP2515 path through the emulated chips.</summary>
public sealed class Esp32ReplayTests
{
    private static readonly string[] Logs = ["to-tcu.log", "to-bms.log", "dropped-bms-to-tcu.log", "dropped-tcu-to-bms.log", "decisions.log"];

    [Fact]
    public void Forwards_the_same_frames_as_the_nucleo_with_exact_dlc()
    {
        using var dir = new TempDir();
        string nucleo = Path.Combine(dir.Path, "nucleo");
        string esp32 = Path.Combine(dir.Path, "esp32");
        Assert.Equal(0, CliRun.Of("replay", "--exact-dlc", "--out", nucleo, "--quiet").ExitCode);
        var run = CliRun.Of("replay", "--board", "esp32-mcp2515", "--out", esp32);
        Assert.Equal(0, run.ExitCode);
        foreach (string log in Logs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(nucleo, log)).SequenceEqual(File.ReadAllBytes(Path.Combine(esp32, log))), log + " differs");
        }

        Assert.True(new FileInfo(Path.Combine(esp32, "to-tcu.log")).Length > 0);
        Assert.Contains("lost 0", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rx-overrun", run.Stdout, StringComparison.Ordinal);

        // The MCP2515 keeps the DLC as the patched NUCLEO image does; the stock STM32 driver pads to 8 bytes.
        string capture = dir.File("short.log", "(0.000000) can0 1F1#010203\n");
        foreach (var (name, args) in new[] { ("pad", new[] { "--board", "nucleo-f767zi", "--stock-driver" }), ("exact", new[] { "--exact-dlc" }), ("default", Array.Empty<string>()), ("mcp", new[] { "--board", "esp32-mcp2515" }) })
        {
            Assert.Equal(0, CliRun.Of([.. new[] { "replay", capture, "--quiet", "--out", Path.Combine(dir.Path, name) }, .. args]).ExitCode);
        }

        string Hex(string name) => Captures.Hex(Assert.Single(Captures.Read(Path.Combine(dir.Path, name, "to-tcu.log"))));
        Assert.Equal("010203", Hex("mcp"));
        Assert.Equal(Hex("exact"), Hex("mcp"));
        Assert.Equal(Hex("default"), Hex("mcp"));
        Assert.NotEqual(Hex("pad"), Hex("mcp"));
    }

    [Fact]
    public void Stock_driver_and_exact_dlc_together_are_refused()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("replay", "--stock-driver", "--exact-dlc", "--quiet", "--out", dir.Path);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("give one", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_faster_than_the_SPI_drains_loses_frames_and_counts_each_loss()
    {
        using var dir = new TempDir();
        const int Frames = 2000;
        var text = new StringBuilder();
        for (int i = 0; i < Frames; i++)
        {
            // cell_extremes (0x1F1) has no rate limit; 2 us apart, a frame needs about 14 us of SPI at 10 MHz.
            text.Append(CultureInfo.InvariantCulture, $"({i * 0.000002:F6}) can0 1F1#{i:X8}00000000\n");
        }

        string capture = dir.File("fast.log", text.ToString());
        string outDir = Path.Combine(dir.Path, "out");
        var run = CliRun.Of("replay", capture, "--board", "esp32-mcp2515", "--out", outDir);
        Assert.Equal(0, run.ExitCode);

        long lost = long.Parse(Regex.Match(run.Stdout, @"MCP2515-BMS: .*lost ([\d,]+)").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        long overrun = long.Parse(Regex.Match(run.Stdout, @"rx-overrun\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var overflows = Regex.Match(run.Stdout, @"MCP2515-BMS: received ([\d,]+), .*overflows rxb0=(\d+) rxb1=(\d+)");
        long received = long.Parse(overflows.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        long firmwareOverflows = long.Parse(overflows.Groups[2].Value, CultureInfo.InvariantCulture) + long.Parse(overflows.Groups[3].Value, CultureInfo.InvariantCulture);

        Assert.True(lost > Frames / 2, run.Stdout);
        Assert.Equal(lost, overrun);
        Assert.Equal(Frames, received + lost);

        // The chip flags an overflow, it does not count frames: the firmware sees at least one per flag it clears.
        Assert.InRange(firmwareOverflows, 1, lost);

        // Every frame the firmware read is labelled with its own capture time: the data carries the index.
        var forwarded = Captures.Read(Path.Combine(outDir, "to-tcu.log"));
        Assert.Equal(received, forwarded.Count);
        Assert.All(forwarded, f => Assert.Equal(BitConverter.ToUInt32([.. f.Data.AsSpan(0, 4).ToArray().Reverse()]) * 2L, f.TimestampNanos / 1000));
    }

    [Fact]
    public void The_same_capture_at_bus_speed_loses_nothing()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            // 250 us apart: a fully loaded 500 kbit/s bus (8-byte standard frames take 222-270 us).
            text.Append(CultureInfo.InvariantCulture, $"({i * 0.000250:F6}) can0 1F1#{i:X8}00000000\n");
        }

        var run = CliRun.Of("replay", dir.File("bus.log", text.ToString()), "--board", "esp32-mcp2515", "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lost 0", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rx-overrun", run.Stdout, StringComparison.Ordinal);

        // With 100 us of interpreter time per SPI transaction it no longer keeps up.
        var slow = CliRun.Of("replay", dir.File("bus.log"), "--board", "esp32-mcp2515", "--spi-overhead-ns", "100000", "--out", Path.Combine(dir.Path, "slow"));
        Assert.Equal(0, slow.ExitCode);
        Assert.Contains("rx-overrun", slow.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_board_is_a_usage_error()
    {
        var run = CliRun.Of("replay", "--board", "esp8266");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--board must be nucleo-f767zi or esp32-mcp2515", run.Stderr, StringComparison.Ordinal);
    }
}
