using BmsGuard.HostSim.Capture;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Asc;

public class AscMalformedTests
{
    private const string Fd8 = "01 02 03 04 05 06 07 08";

    [Theory]
    [InlineData("   1.000000 1  12G Rx d 1 01", "invalid identifier '12G'")]
    [InlineData("   1.000000 1  800 Rx d 1 01", "standard identifier 800 above 7FF")]
    [InlineData("   1.000000 1  20000000x Rx d 1 01", "extended identifier 20000000 above 1FFFFFFF")]
    [InlineData("   1.000000 1  123 Rxx d 1 01", "expected direction Rx, Tx or TxRq, found 'Rxx'")]
    [InlineData("   1.000000 1  123 Rx q 1 01", "expected 'd' (data) or 'r' (remote) after the direction, found 'q'")]
    [InlineData("   1.000000 1  123 Rx", "expected 'd' (data) or 'r' (remote) after the direction")]
    [InlineData("   1.000000 1  123 Rx d", "expected the DLC after 'd'")]
    [InlineData("   1.000000 1  123 Rx d G 01", "invalid DLC 'G'")]
    [InlineData("   1.000000 1  123 Rx d 10 01", "DLC 10 needs 8 data bytes, found 1")]
    [InlineData("   1.000000 1  123 Rx d 100 01", "invalid DLC '100'")]
    [InlineData("   1.000000 1  123 Rx d 8 01 02", "DLC 8 needs 8 data bytes, found 2")]
    [InlineData("   1.000000 1  123 Rx d 2 01 1FF", "DLC 2: data byte 2 '1FF' is not a hex byte")]
    [InlineData("   1.000000 1  123 Rx d 2 01 Length = 5", "DLC 2: data byte 2 'Length' is not a hex byte")]
    [InlineData("   1.000000 1  123 Rx r 16", "remote frame DLC '16' above 15")]
    [InlineData("   99999999999.000000 1  123 Rx d 0", "timestamp out of range")]
    [InlineData("   1.000000 CANFD", "invalid channel number ''")]
    [InlineData("   1.000000 CANFD x Rx 123 1 0 8 8 " + Fd8, "invalid channel number 'x'")]
    [InlineData("   1.000000 CANFD 1", "CANFD line ends after the channel")]
    [InlineData("   1.000000 CANFD 1 Rx 123 1 0", "CANFD line needs BRS, ESI, DLC and data length columns")]
    [InlineData("   1.000000 CANFD 1 Tx 123 2 0 8 8 " + Fd8, "BRS and ESI columns must be 0 or 1, found '2' '0'")]
    [InlineData("   1.000000 CANFD 1 Tx 123 1 0 Z 8 " + Fd8, "invalid CANFD DLC 'Z'")]
    [InlineData("   1.000000 CANFD 1 Tx 123 1 0 8 65", "invalid CANFD data length '65' (decimal 0..64)")]
    [InlineData("   1.000000 CANFD 1 Tx 123 1 0 9 12 00", "data length 12 needs 12 data bytes, found 1")]
    [InlineData("   1.000000 CANFD 1 Tx 123 1 0 9 8 " + Fd8, "DLC 9 means 12 data bytes, but the data length column says 8")]
    [InlineData("   1.000000 CANFD 1 Tx 123 1 0 a 10 " + Fd8 + " 09 0A", "10 is not a valid CAN FD payload length")]
    [InlineData("   1.000000 CANFD 1 Tx 123 0 0 8 8 " + Fd8 + " 0 0 10", "remote frame (RTR flag) with 8 data bytes")]
    [InlineData("   1.000000 CANFD 1 Tx 123 0 0 7 8 " + Fd8 + " 0 0 0", "DLC 7 does not match data length 8")]
    [InlineData("   1.000000 CANFD 1 Tx 800 0 0 8 8 " + Fd8, "standard identifier 800 above 7FF")]
    [InlineData("date", "date line without a date")]
    [InlineData("date Thu Foo 01 12:00:00.000 am 2026", "unrecognised date 'Thu Foo 01 12:00:00.000 am 2026'")]
    [InlineData("date Thu Feb 30 12:00:00.000 am 2026", "unrecognised date")]
    [InlineData("date Thu Jan 01 13:00:00.000 pm 2026", "unrecognised date")]
    [InlineData("Begin Triggerblock Thu Jan 99 12:00:00.000 am 2026", "unrecognised Begin Triggerblock date")]
    [InlineData("base oct  timestamps absolute", "base must be hex or dec, found 'oct'")]
    [InlineData("base hex  timestamps sometimes", "expected 'base hex|dec  timestamps absolute|relative'")]
    public void Malformed_lines_name_file_line_and_reason(string bad, string reason)
    {
        string text = "date Thu Jan 01 12:00:00.000 am 2026\nbase hex  timestamps absolute\ninternal events logged\n   0.5 1  001 Rx d 1 01\n" + bad + "\n   2.0 1  002 Rx d 1 02\n";
        var e = Assert.Throws<CaptureFormatException>(() => ReadAsc(text));
        Assert.Equal(5, e.Line);
        Assert.StartsWith("test.asc:5: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   1.000000 1  Statistic: D 0 R 0 XD 0 XR 0 E 0 O 0 B 0.00%")]
    [InlineData("   1.000000 CAN 1 Status:chip status error passive - TxErr: 132 RxErr: 0")]
    [InlineData("   1.000000 1  J1939TP FEE3p        6    0  0   -   Rx   d 23 A0 0F")]
    [InlineData("   1.000000 Start of measurement")]
    [InlineData("   1.000000 1  123 Xx d 1 01")]
    [InlineData("   1,000000 1  123 Rx d 1 01")]
    [InlineData("   1.000000 SV: 1 0 1 ::Signal = 5")]
    [InlineData("// 1.000000 1  123 Rx d 1 01")]
    [InlineData("some unknown header")]
    public void Lines_python_can_skips_are_skipped(string other)
    {
        var f = ReadAsc("   0.5 1  001 Rx d 1 01\n" + other + "\n   2.0 1  002 Rx d 1 02\n");
        Assert.Equal([1u, 2u], f.Select(x => x.Id));
    }
}
