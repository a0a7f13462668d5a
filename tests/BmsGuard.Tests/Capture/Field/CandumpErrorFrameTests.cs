using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>Error frames written to candump logs as the kernel writes them, so candump's readers see error frames.</summary>
public class CandumpErrorFrameTests
{
    // ASC error frames carry no SocketCAN error class; the candump line needs one.
    private const string Errors = """
        date Thu Jan 01 12:00:00.000 am 2026
        base hex  timestamps absolute
           0.001000 1 ErrorFrame
           0.002000 1  1F0             Rx   d 2 01 02
           0.003000 2 ErrorFrame Flags = 0xe CodeExt = 0x20a2 Code = 0x82 ID = 0 DLC = 0 Position = 5 Length = 11300

        """;

    [Fact]
    public void Error_frames_without_a_class_become_bus_errors_with_8_data_bytes()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.log");
        Assert.Equal(0, CliRun.Of("convert", dir.File("e.asc", Errors), output).ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.EndsWith(" can0 20000080#0000000000000000", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" can1 20000080#0000000000000000", lines[2], StringComparison.Ordinal);

        // A SocketCAN class read from a candump log is kept, its data padded to the kernel's 8 bytes.
        string kept = Path.Combine(dir.Path, "kept.log");
        Assert.Equal(0, CliRun.Of("convert", dir.File("in.log", "(1.000000) can0 20000004#0004\n"), kept).ExitCode);
        Assert.EndsWith(" can0 20000004#0004000000000000", File.ReadAllText(kept).Trim(), StringComparison.Ordinal);
    }

    [PythonCanFact]
    public void Python_can_reads_them_back_as_error_frames()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.log");
        Assert.Equal(0, CliRun.Of("convert", dir.File("e.asc", Errors), output).ExitCode);
        Assert.Equal(["ERR", "1F0 0 0 0 0 0 0 2 0102", "ERR"], FieldReads.Lines(PythonCan.Run(FieldReads.PythonDump, output)));
    }

    [CanUtilsFact]
    public void Can_utils_reads_them_back_as_error_frames()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.log");
        Assert.Equal(0, CliRun.Of("convert", dir.File("e.asc", Errors), output).ExitCode);
        var asc = CanUtils.ToAsc(output, "can0", "can1").Split('\n').Where(l => l.StartsWith("   0.", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(["0.000000 1  ErrorFrame", "0.001000 1  1F0             Rx   d 2 01 02", "0.002000 2  ErrorFrame"], asc);
    }
}
