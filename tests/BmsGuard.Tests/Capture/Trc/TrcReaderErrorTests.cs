using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Trc;
using Xunit;
using static BmsGuard.Tests.Capture.Trc.TrcTestSupport;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>Malformed lines stop the read naming the file, the line and the reason.</summary>
public class TrcReaderErrorTests
{
    private static readonly Dictionary<string, (string Header, string Good)> Versions = new()
    {
        ["1.0"] = ("", "1) 1 0001 1 01"),
        ["1.1"] = (";$FILEVERSION=1.1\n;$STARTTIME=25569\n", "1) 1.0 Rx 0001 1 01"),
        ["1.3"] = (";$FILEVERSION=1.3\n;$STARTTIME=25569\n", "1) 1.0 1 Rx 0001 - 1 01"),
        ["2.0"] = (";$FILEVERSION=2.0\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,I,d,l,D\n", "1 1.000 DT 0001 Rx 1 01"),
        ["2.1"] = (";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n", "1 1.000 DT 1 0001 Rx - 1 01"),
    };

    [Theory]
    [InlineData("2.1", "2 1.000 XX 1 0001 Rx - 0", "unknown message type 'XX' (TRC 2.x knows DT, FD, FB, FE, BI, RR, ER, ST, EC, EV)")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Rx - 2 01", "length 2 needs 2 data bytes, the line has 1")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Rx - 1 01 02", "length 1 needs 1 data byte, the line has 2")]
    [InlineData("2.1", "2 1.000 DT 1 0800 Rx - 0", "11-bit identifier 0800 above 07FF (29-bit identifiers have more than 4 digits)")]
    [InlineData("2.1", "2 1.000 DT 1 3FFFFFFF Rx - 0", "29-bit identifier 3FFFFFFF above 1FFFFFFF")]
    [InlineData("2.1", "2 1.000 DT 1 12G4 Rx - 0", "invalid hex digit in the identifier '12G4'")]
    [InlineData("2.1", "2 1.000 DT 1 123456789 Rx - 0", "identifier '123456789' must have 1 to 4 (11-bit) or 5 to 8 (29-bit) hex digits")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Rx - 1 0G", "data byte '0G' is not two hex digits")]
    [InlineData("2.1", "2 1,000 DT 1 0001 Rx - 0", "time offset '1,000' is not milliseconds with up to 6 decimals")]
    [InlineData("2.1", "2 1.0000001 DT 1 0001 Rx - 0", "time offset '1.0000001' is not milliseconds with up to 6 decimals")]
    [InlineData("2.1", "2 1.000 DT 0 0001 Rx - 0", "bus 0: TRC numbers buses from 1")]
    [InlineData("2.1", "2 1.000 DT x 0001 Rx - 0", "bus 'x' is not a number from 0 to 255")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Up - 0", "direction 'Up' is not Rx or Tx")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Rx + 0", "reserved column is '+', expected '-'")]
    [InlineData("2.1", "2 1.000 DT 1 0001 Rx - 16", "data length code '16' is not a number from 0 to 15")]
    [InlineData("2.1", "2 1.000 RR 1 0001 Rx - 9", "remote request with data length code 9 (at most 8)")]
    [InlineData("2.1", "2 1.000 RR 1 0001 Rx - 2 01 02", "a remote request needs 0 data bytes, the line has 2")]
    [InlineData("2.1", "2 1.000 ER 1 0001 Rx - 5 01 00 00 00 00", "error frame has identifier '0001', expected '-'")]
    [InlineData("2.1", "2 1.000 ER 1 - Rx - 4 01 00 00 00", "error frame has length 4, expected 5")]
    [InlineData("2.1", "2 1.000 ER 1 - Rx - 5 03 00 00 00 00", "error frame type 03 is not 01 (bit), 02 (form), 04 (stuff) or 08 (other error)")]
    [InlineData("2.1", "2 1.000 ER 1 - Rx - 5 01 02 00 00 00", "error frame direction 02 is not 00 (sending) or 01 (receiving)")]
    [InlineData("2.1", "2 1.000 DT 1", "line ends before the identifier (column I)")]
    [InlineData("2.1", "2x 1.000 DT 1 0001 Rx - 0", "message number '2x' is not digits")]
    [InlineData("2.1", ";$FILEVERSION=2.1", "header keyword ';$FILEVERSION=2.1' after the first message")]
    [InlineData("2.0", "2 1.000 FD 0001 Rx 10 00 00 00 00 00 00 00 00 00 00", "10 is not a CAN FD payload length")]
    [InlineData("2.0", "2 1.000 DT 0001 Rx 9 00 00 00 00 00 00 00 00 00", "classic frame with data length 9 (at most 8)")]
    [InlineData("2.0", "2 1.000 ER Rx 04 00 02 00", "an error frame (type, direction, position, RX and TX counters) needs 5 data bytes, the line has 4")]
    [InlineData("1.3", "2) 1.0 1 Rx 0001 x 0", "reserved column is 'x', expected '-'")]
    [InlineData("1.1", "2) 1.0 Rz 0001 0", "unknown message type 'Rz' (TRC 1.1 knows Rx, Tx, Warng, Error)")]
    [InlineData("1.1", "2 1.0 Rx 0001 0", "message number '2' is not digits and ')'")]
    [InlineData("1.1", "2) 1.0 Rx 0001 9 00 00 00 00 00 00 00 00 00", "data length code '9' is not a number from 0 to 8")]
    [InlineData("1.1", "2) 1.0 Error 0008 3 00 19 08", "error frame has data length code 3, expected 4")]
    [InlineData("1.1", "2) 1.0 Rx 0001 1 RTR 00", "unexpected '00' after RTR")]
    [InlineData("1.0", "2) 1 0001 2 01", "data length code 2 needs 2 data bytes, the line has 1")]
    [InlineData("1.0", "2) 1 0001", "line ends before the data length code")]
    public void Malformed_message_lines_name_file_line_and_reason(string version, string bad, string reason)
    {
        var (header, good) = Versions[version];
        string text = header + good + "\n\n" + bad + "\n" + good + "\n";
        int line = header.Count(c => c == '\n') + 3;
        var e = Assert.Throws<CaptureFormatException>(() => Read(text));
        Assert.Equal((line, reason), (e.Line, e.Reason));
        Assert.StartsWith($"test.trc:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";$FILEVERSION=3.0\n;$STARTTIME=25569\n1 1.000 DT 1 0001 Rx - 0\n", 1, "unsupported $FILEVERSION '3.0' (known: 1.0, 1.1, 1.2, 1.3, 2.0, 2.1)")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=abc\n", 2, "$STARTTIME 'abc' is not days since 1899-12-30 from 0 to 120000, a point and the fraction of the day")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=45000.5x\n", 2, "$STARTTIME '45000.5x' is not a decimal number of days since 1899-12-30")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$STARTTIME=25570\n", 3, "second $STARTTIME line")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,X,D\n", 3, "$COLUMNS names unknown column 'X' (known: N,O,T,B,I,d,R,L,l,D)")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,I,D,L\n", 3, "$COLUMNS: the data column D must come last")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,I,L,L,D\n", 3, "$COLUMNS names column 'L' twice")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,I,D\n", 3, "$COLUMNS lacks column L or l (length)")]
    [InlineData(";$FILEVERSION=2.1\n;$STARTTIME=25569\n\n1 1.000 DT 1 0001 Rx - 0\n", 4, "TRC 2.1 needs a $COLUMNS line before the first message")]
    [InlineData(";$FILEVERSION=1.1\n1) 1.0 Rx 0001 0\n", 2, "no $STARTTIME before the first message (TRC 1.1 requires it)")]
    [InlineData(";$FILEVERSION=1.1\n;$STARTTIME=25569\n;$COLUMNS=N,O,T,I,d,l,D\n1) 1.0 Rx 0001 0\n", 4, "$COLUMNS is a TRC 2.x keyword but the file is version 1.1")]
    public void Malformed_headers_name_the_line(string text, int line, string reason)
    {
        var e = Assert.Throws<CaptureFormatException>(() => Read(text));
        Assert.Equal((line, reason), (e.Line, e.Reason));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_an_error_not_a_split()
    {
        string text = ";$FILEVERSION=2.1\n" + new string(';', 100) + "\n";
        using var reader = new TrcReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "long.trc", bufferSize: 64);
        var e = Assert.Throws<CaptureFormatException>(() => reader.Read(new CaptureFrame()));
        Assert.Equal((2L, "line longer than 64 bytes (is this a PEAK .trc file?)"), (e.Line, e.Reason));
    }
}
