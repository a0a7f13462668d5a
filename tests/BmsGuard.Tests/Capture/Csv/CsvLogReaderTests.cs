using BmsGuard.HostSim.Capture;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Csv;

public class CsvLogReaderTests
{
    [Fact]
    public void Reads_every_frame_kind_with_exact_timestamps()
    {
        var f = CsvText.Read(CsvText.Header + """
            1767225600.000013,0x1f0,0,0,0,8,9A4XAKDCAIQ=
            1767225600.5,0x18ff50e5,1,0,0,2,AQI=
            1e-05,0x7FF,0,1,0,4,
            0.1234567891234,123,0,0,0,0,
            1767225601.0,0x4,0,0,1,8,AAQAAAAAAAA=
            1767225602,0x5a2,0,0,0,12,EAwxAQAAAAAAAAAA
            1767225603.25,0x3ff,0,0,0,13,VaoBAgMEBQY=
            1.5e+3,0x1,0,1,0,15,
            -0.5,0x2,0,0,0,0,
            """);
        Assert.Equal(
            [
                "1767225600000013000 1 1F0 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 F40E1700A0C20084",
                "1767225600500000000 1 18FF50E5 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0102",
                "10000 1 7FF ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=4 dlc8=0 -",
                "123456789 1 123 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
                "1767225601000000000 1 4 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0004000000000000",
                "1767225602000000000 1 5A2 ext=0 rtr=0 err=0 fd=1 brs=0 esi=0 len=12 dlc8=0 100C31010000000000000000",
                "1767225603250000000 1 3FF ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=13 55AA010203040506",
                "1500000000000 1 1 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=8 dlc8=15 -",
                "-500000000 1 2 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
            ],
            f.Select(Exact));
    }

    [Fact]
    public void Crlf_bom_and_blank_lines_are_accepted()
    {
        var f = CsvText.Read("\uFEFF" + CsvText.Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "1.0,0x1,0,0,0,1,AQ==\r\n\r\n2.0,0x2,0,0,0,1,Ag==");
        Assert.Equal(["1000000000 1 1 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 01", "2000000000 1 2 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 02"], f.Select(Exact));
    }

    [Fact]
    public void Empty_and_header_only_files_have_no_frames()
    {
        Assert.Empty(CsvText.Read(""));
        Assert.Empty(CsvText.Read(CsvText.Header));
    }

    [Theory]
    [InlineData("1.0,0x123,0,0,0,1", "expected 7 comma-separated columns (timestamp,arbitration_id,extended,remote,error,dlc,data), found 6")]
    [InlineData("1.0,0x123,0,0,0,1,AQ==,x", "found 8")]
    [InlineData("1.0.0,0x123,0,0,0,1,AQ==", "timestamp '1.0.0': unexpected character in decimal seconds")]
    [InlineData("now,0x123,0,0,0,1,AQ==", "timestamp 'now': expected decimal seconds")]
    [InlineData("1e,0x123,0,0,0,1,AQ==", "timestamp '1e': missing exponent digits")]
    [InlineData("1e300,0x123,0,0,0,1,AQ==", "timestamp '1e300': timestamp out of range")]
    [InlineData("99999999999,0x123,0,0,0,1,AQ==", "timestamp '99999999999': timestamp out of range")]
    [InlineData("1.0,0x12G,0,0,0,1,AQ==", "invalid arbitration_id '0x12G' (hex)")]
    [InlineData("1.0,,0,0,0,1,AQ==", "invalid arbitration_id ''")]
    [InlineData("1.0,0x800,0,0,0,1,AQ==", "arbitration_id 800 above 7FF for a standard id")]
    [InlineData("1.0,0x20000000,1,0,0,1,AQ==", "arbitration_id 20000000 above 1FFFFFFF")]
    [InlineData("1.0,0x123,2,0,0,1,AQ==", "extended must be 0 or 1, found '2'")]
    [InlineData("1.0,0x123,0,True,0,1,AQ==", "remote must be 0 or 1, found 'True'")]
    [InlineData("1.0,0x123,0,0,,1,AQ==", "error must be 0 or 1, found ''")]
    [InlineData("1.0,0x123,0,0,0,x,AQ==", "invalid dlc 'x' (0..64)")]
    [InlineData("1.0,0x123,0,0,0,65,AQ==", "invalid dlc '65' (0..64)")]
    [InlineData("1.0,0x123,0,0,0,2,AQ==", "dlc 2 does not match the 1 data bytes")]
    [InlineData("1.0,0x123,0,0,0,9,AQ==", "dlc 9 does not match the 1 data bytes")]
    [InlineData("1.0,0x123,0,0,0,1,A", "data 'A' is not valid base64")]
    [InlineData("1.0,0x123,0,0,0,1,AQ=*", "is not valid base64")]
    [InlineData("1.0,0x123,0,1,0,1,AQ==", "remote frame with data")]
    [InlineData("1.0,0x123,0,1,0,16,", "remote frame dlc 16 above 15")]
    [InlineData("1.0,0x123,0,0,0,10,AAAAAAAAAAAAAA==", "10 is not a valid CAN FD payload length")]
    [InlineData("1.0,0x123,0,0,0,64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "data longer than 64 bytes")]
    public void Malformed_rows_name_file_line_and_reason(string bad, string reason)
    {
        string text = CsvText.Header + "0.5,0x1,0,0,0,1,AQ==\n" + bad + "\n2.0,0x2,0,0,0,1,Ag==\n";
        var e = Assert.Throws<CaptureFormatException>(() => CsvText.Read(text));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("test.csv:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp,arbitration_id,extended,remote,error,dlc\n")]
    [InlineData("0.5,0x1,0,0,0,1,AQ==\n")]
    public void A_missing_or_different_header_is_an_error_on_line_1(string text)
    {
        var e = Assert.Throws<CaptureFormatException>(() => CsvText.Read(text));
        Assert.Equal(1, e.Line);
        Assert.Contains("expected python-can's CSV header 'timestamp,arbitration_id,extended,remote,error,dlc,data'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_allocates_nothing_per_frame()
    {
        var frames = Enumerable.Range(0, 20_000).Select(i => Frame(1767225600_000013_000L + (i * 1000L), "1", (uint)i % 0x800, i % 5 == 0 ? "000102030405060708090A0B" : "0102030405", ext: i % 7 == 0, remote: i % 11 == 0, error: i % 13 == 0));
        byte[] text = System.Text.Encoding.ASCII.GetBytes(CsvText.Write(frames));
        using var reader = new HostSim.Capture.Csv.CsvLogReader(new MemoryStream(text), "a.csv");
        var f = new CaptureFrame();
        Assert.True(reader.Read(f));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int n = 1;
        while (reader.Read(f))
        {
            n++;
        }

        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < n, $"reading {n} frames allocated {allocated} bytes");
        Assert.Equal(20_000, n);
    }
}
