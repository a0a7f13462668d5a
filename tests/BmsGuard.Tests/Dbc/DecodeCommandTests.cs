using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary><c>bmsguard decode</c> end to end.</summary>
public class DecodeCommandTests
{
    private static string Dbc => DbcSnippets.ReferenceDbc;

    [Fact]
    public void Decodes_the_bundled_sample_one_line_per_frame()
    {
        var run = CliRun.Of("decode", Captures.BundledSample, "--dbc", Dbc);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6547, lines.Length);
        Assert.Equal("1767225600.002982 can0 VehicleState VehicleSpeed=0 km/h ChargingState=not_connected", lines[0]);
        Assert.Contains("1767225600.009964 can0 PackStatus PackVoltage=383.6 V PackCurrent=4.8 A SOC=80 % SOH=97 % PackStatusCounter=0 PackStatusChecksum=99", lines);
        Assert.Contains("1767225600.011025 can0 Contactors ContactorMainPositive=closed ContactorMainNegative=closed ContactorPrecharge=open ContactorCharge=open FaultFlags=0 IsolationResistance=2.5 MOhm BmsState=drive", lines);
        Assert.Contains(lines, l => l.Contains(" can0 ChargerStatus ChargerVoltage=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" can1 RemoteCommand RemoteCommandId=open_contactors RemoteCommandKey=170", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" can1 UdsRequestBms29 Uds29ReqFrameType=SingleFrame Uds29ReqLength=3 byte Uds29ReqService=ReadDataByIdentifier Uds29ReqDataId=61840", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" can1 RemoteDiagFd RemoteDiagFrameType=FirstFrame RemoteDiagFirstLength=12 byte RemoteDiagFirstService=RoutineControl RemoteDiagRoutineControl=startRoutine RemoteDiagRoutineId=65280", StringComparison.Ordinal));
        Assert.Equal($"bmsguard: {Captures.BundledSample}: 6549 frames, 6547 decoded, 0 without a DBC message, 2 error/remote frames without signals", run.Stderr.Trim());
    }

    [Fact]
    public void Frames_without_a_dbc_message_are_counted_and_listed()
    {
        using var dir = new TempDir();
        string capture = dir.File("in.log", """
            (1.000000) can0 1F0#F40E1700A0C20084
            (1.000100) can0 123#01
            (1.000200) can1 123#02
            (1.000300) can0 1F0F0000#00
            (1.000400) can0 12345678#00

            """);
        var run = CliRun.Of("decode", capture, "--dbc", Dbc);
        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"bmsguard: {capture}: 5 frames, 1 decoded, 4 without a DBC message (0x123 x2, 0x12345678 x1, 0x1F0F0000 x1)", run.Stderr.Trim());
    }

    [Fact]
    public void Short_frames_decode_what_they_carry_and_are_counted()
    {
        using var dir = new TempDir();
        string capture = dir.File("short.log", "(1.000000) can0 1F0#F40E17\n");
        var run = CliRun.Of("decode", capture, "--dbc", Dbc);
        Assert.Equal("1.000000 can0 PackStatus PackVoltage=382.8 V", run.Stdout.Trim());
        Assert.EndsWith("1 shorter than their DBC message (signals beyond the data left out)", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_filter_keeps_frames_carrying_the_signals_and_prints_only_those()
    {
        var run = CliRun.Of("decode", Captures.BundledSample, "--dbc", Dbc, "--signal", "PackVoltage,SOC");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3000, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^\d+\.\d{6} can0 PackStatus PackVoltage=\d+(\.\d)? V SOC=\d+(\.5)? %$", l));
        Assert.Contains("3547 without the --signal signals", run.Stderr, StringComparison.Ordinal);

        // A multiplexed signal: only the identity frames of its page carry it.
        var page = CliRun.Of("decode", Captures.BundledSample, "--dbc", Dbc, "--signal", "Identity.SerialChar7");
        Assert.All(page.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith(" can0 Identity SerialChar7=52", l, StringComparison.Ordinal));
        Assert.Equal(20, page.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Bad_dbc_exits_1_with_file_line_and_reason()
    {
        using var dir = new TempDir();
        string dbc = dir.File("bad.dbc", "VERSION \"\"\nBU_: A\nBO_ 496 PackStatus: 8 A\n SG_ PackVoltage : 0|16@1+ (0.1,0) [0|6553.5] V A\n");
        var run = CliRun.Of("decode", Captures.BundledSample, "--dbc", dbc);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {dbc}:4: expected a quoted string after the range of PackVoltage (the unit), found 'V'", run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Malformed_capture_exits_1_with_file_line_and_reason()
    {
        using var dir = new TempDir();
        string capture = dir.File("bad.log", "(1.000000) can0 1F0#F40E1700A0C20084\n(1.000001) can0 1F0#1\n");
        var run = CliRun.Of("decode", capture, "--dbc", Dbc);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {capture}:2: odd number of hex digits in the data (decoded 1 frames before it)", run.Stderr.Trim());
    }

    [Fact]
    public void Missing_files_exit_1_and_bad_command_lines_exit_2()
    {
        using var dir = new TempDir();
        var noDbc = CliRun.Of("decode", Captures.BundledSample, "--dbc", Path.Combine(dir.Path, "nope.dbc"));
        Assert.Equal(1, noDbc.ExitCode);
        Assert.StartsWith("bmsguard: cannot read DBC file", noDbc.Stderr, StringComparison.Ordinal);

        var noCapture = CliRun.Of("decode", Path.Combine(dir.Path, "nope.log"), "--dbc", Dbc);
        Assert.Equal(1, noCapture.ExitCode);
        Assert.Contains("cannot open capture", noCapture.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, CliRun.Of("decode", Captures.BundledSample).ExitCode);
        Assert.Equal(2, CliRun.Of("decode", "--dbc", Dbc).ExitCode);
        var unknown = CliRun.Of("decode", Captures.BundledSample, "--dbc", Dbc, "--signal", "Nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"--signal Nope: {Dbc} has no such signal", unknown.Stderr, StringComparison.Ordinal);
        foreach (var run in new[] { noDbc, noCapture, unknown })
        {
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_lists_decode()
    {
        Assert.Contains("decode <capture>", CliRun.Of("help").Stdout, StringComparison.Ordinal);
        Assert.Contains("--dbc <FILE>", CliRun.Of("decode", "-h").Stdout, StringComparison.Ordinal);
    }
}
