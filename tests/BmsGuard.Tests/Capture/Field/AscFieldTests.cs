using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>
/// ASC lines as CANoe, CANalyzer and other tools write them, read as python-can reads them: odd
/// ones with a warning naming file:line, non-frame events skipped and counted, errors under --strict.
/// </summary>
public class AscFieldTests
{
    private static readonly string Zeros60 = string.Join(' ', Enumerable.Repeat("00", 60));
    private static readonly string Hex64 = string.Join(' ', Enumerable.Range(0, 64).Select(i => i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>One of each oddity, in the shapes of python-can's test files (lines 6 to 14).</summary>
    public static readonly string Odd = $"""
        date Sat Sep 30 15:06:13.191 2017
        base hex  timestamps absolute
        internal events logged
        Begin Triggerblock Sat Sep 30 15:06:13.191 2017
           0.000000 Start of measurement
          30.506898 CANFD   4 Rx        4EE                                   0 1 f 64 A1 02 03 04 {Zeros60} 1331984 11 0 46500250 460a0250 20011736 20010205
           31.000000 1  123x            Rx   d 40 {Hex64}
           31.500000 1  Statistic: D 0 R 0 XD 0 XR 0 E 0 O 0 B 0.00%
          32.305233 2  J1939TP FEE3p        6    0  0   -   Rx   d 23 A0 0F A6 60 3B D1 40 1F DE 80 25 DF C0 2B E1 00 4B FF FF 3C 0F 00 4B FF FF FF FF FF FF FF FF FF FF FF FF
           33.501000 1 ErrorFrame
           34.501000 1 ErrorFrame ECC: 10100010
           35.501000 2 ErrorFrame Flags = 0xe CodeExt = 0x20a2 Code = 0x82 ID = 0 DLC = 0 Position = 5 Length = 11300
          36.806898 CANFD   5 Tx ErrorFrame Not Acknowledge error, dominant error flag fffe c7 31ca Arb. 556 44 0 0 f 64 {Zeros60} 00 00 00 00 1331984 11 0 46500250 460a0250 20011736 20010205
          37.000000 1  1F0             Tx   d 2 01 02
        End TriggerBlock

        """;

    [Fact]
    public void Oddities_read_with_a_warning_naming_the_line_and_non_frame_events_are_counted()
    {
        using var dir = new TempDir();
        string path = FieldReads.Write(dir.Path, "odd.asc", Odd);
        var (frames, warnings, printed) = FieldReads.Read(path);

        Assert.Equal(7, frames.Count);
        Assert.Equal("4EE 0 0 1 0 1 0 64 A1020304" + string.Concat(Enumerable.Repeat("00", 60)), FieldReads.Line(frames[0]));
        Assert.Equal("123 1 0 0 0 0 0 8 0001020304050607", FieldReads.Line(frames[1]));
        Assert.All(frames.Skip(2).Take(4), f => Assert.True(f.Error));
        Assert.Equal(["1", "1", "2", "5"], frames.Skip(2).Take(4).Select(f => f.Channel));
        Assert.True(frames[5].Transmit);
        Assert.True(frames[6].Transmit);

        Assert.Equal(2, warnings.Count);
        Assert.Contains("odd.asc:6: CANFD line with 64 data bytes but flags 0 without EDL (0x1000): read as a CAN FD frame", printed, StringComparison.Ordinal);
        Assert.Contains("odd.asc:7: classic frame with DLC 40 (at most F): read as 8 data bytes, as python-can does; the 56 further columns are not read", printed, StringComparison.Ordinal);
        Assert.Equal(1, warnings.Skipped["J1939TP"]);
        Assert.Equal(1, warnings.Skipped["Statistic:"]);
        Assert.Equal(1, warnings.Skipped["Start"]);
    }

    [Fact]
    public void Strict_refuses_the_first_oddity_with_its_line()
    {
        using var dir = new TempDir();
        string path = FieldReads.Write(dir.Path, "odd.asc", Odd);
        var e = Assert.Throws<CaptureFormatException>(() => FieldReads.Read(path, strict: true));
        Assert.Equal(6, e.Line);
        Assert.StartsWith("odd.asc:6: CANFD line with 64 data bytes but flags 0 without EDL", e.Message, StringComparison.Ordinal);
    }

    [PythonCanFact]
    public void Python_can_reads_the_oddities_as_we_do()
    {
        using var dir = new TempDir();
        string path = FieldReads.Write(dir.Path, "odd.asc", Odd);
        var ours = FieldReads.Read(path).Frames.Select(FieldReads.Line).ToList();
        Assert.Equal(7, ours.Count);
        Assert.Equal(FieldReads.Lines(PythonCan.Run(FieldReads.PythonDump, path)), ours);
    }

    [Fact]
    public void Text_that_is_not_ASC_is_an_error_not_zero_frames()
    {
        using var dir = new TempDir();
        string readme = FieldReads.Write(dir.Path, "README.asc", "# BMS Guard\n\nOpen firmware for a gateway between an EV's BMS and its telematics unit.\n3.65 V/cell is the charge limit.\n");
        var e = Assert.Throws<CaptureFormatException>(() => FieldReads.Read(readme));
        Assert.Equal("README.asc:4: not a Vector ASC file: none of its 4 lines is an ASC header (date, base, Begin Triggerblock) or a CAN event", e.Message);

        string binary = Path.Combine(dir.Path, "firmware.asc");
        File.WriteAllBytes(binary, [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, (byte)'\n', 0x90, 0xFF, 0x00, (byte)'\n']);
        Assert.Contains("not a Vector ASC file", Assert.Throws<CaptureFormatException>(() => FieldReads.Read(binary)).Message, StringComparison.Ordinal);

        // A header without events is a valid, empty capture.
        Assert.Empty(FieldReads.Read(FieldReads.Write(dir.Path, "none.asc", "date Sat Sep 30 15:06:13.191 2017\nbase hex  timestamps absolute\n")).Frames);
    }
}
