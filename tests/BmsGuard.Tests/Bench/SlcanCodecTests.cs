using BmsGuard.HostSim.Bench;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Bench;

public sealed class SlcanCodecTests
{
    [Theory]
    [InlineData("t1232AABB", 0x123u, false, false, "AABB", -1)]
    [InlineData("T1ABCDEF0800010203040506070788", 0x1ABCDEF0u, true, false, "0001020304050607", 0x788)]
    [InlineData("r7FF4", 0x7FFu, false, true, "", -1)]
    [InlineData("R000000420EA5F", 0x42u, true, true, "", 0xEA5F)]
    [InlineData("t0000", 0u, false, false, "", -1)]
    public void DecodesEveryFrameKind(string line, uint id, bool extended, bool remote, string data, int millis)
    {
        var f = new CaptureFrame();
        Assert.Null(SlcanCodec.TryDecode(System.Text.Encoding.ASCII.GetBytes(line), f, out int ms));
        Assert.Equal((id, extended, remote, data, millis), (f.Id, f.Extended, f.Remote, Convert.ToHexString(f.Data, 0, remote ? 0 : f.Length), ms));
        Span<byte> back = stackalloc byte[SlcanCodec.MaxLine + 1];
        int n = SlcanCodec.Encode(f, back);
        Assert.Equal(line[..(line.Length - (millis >= 0 ? 4 : 0))] + "\r", System.Text.Encoding.ASCII.GetString(back[..n]));
    }

    [Theory]
    [InlineData("t123", "bad identifier")]
    [InlineData("t1239", "bad length digit")]
    [InlineData("t1232AAB", "8 characters do not fit length 2")]
    [InlineData("t8000", "identifier 0x800 out of range")]
    [InlineData("t1231GG", "bad data byte")]
    [InlineData("t1230FFFF", "bad timestamp")]
    [InlineData("x", "'x' does not start a frame")]
    public void RefusesWhatIsNotAFrame(string line, string why) =>
        Assert.Equal(why, SlcanCodec.TryDecode(System.Text.Encoding.ASCII.GetBytes(line), new CaptureFrame(), out _));

    [Fact]
    public void FdFramesCannotBeEncoded() =>
        Assert.Throws<ArgumentException>(() => SlcanCodec.Encode(new CaptureFrame { Fd = true, Length = 12 }, new byte[64]));

    [Fact]
    public void AdapterTimestampsKeepTheAdaptersSpacingAcrossTheWrap()
    {
        var t = new SlcanTimestamps();
        long host = 1_000_000_000_000;
        Assert.Equal(host, t.Stamp(59_990, host));
        // Read 30 ms late, stamped 20 ms after the first (across the 60 s wrap).
        Assert.Equal(host + 20_000_000, t.Stamp(10, host + 50_000_000));
        // A 5-minute gap: five wraps counted from the host's clock, the adapter's 7 ms kept.
        Assert.Equal(host + 20_000_000 + 300_007_000_000, t.Stamp(17, host + 300_030_000_000));
    }

    [Fact]
    public void AdapterTimestampsNeverLeadTheHostAndReanchorWhenFarBehind()
    {
        var t = new SlcanTimestamps();
        long host = 5_000_000_000;
        t.Stamp(100, host + 40_000_000); // the first frame read 40 ms late
        Assert.Equal(host + 10_000_000, t.Stamp(110, host + 10_000_000)); // cannot lead: the anchor moves back
        Assert.Equal(host + 15_000_000, t.Stamp(115, host + 16_000_000)); // the adapter's spacing from the moved anchor
        Assert.Equal(host + 9_000_000_000, t.Stamp(120, host + 9_000_000_000)); // 9 s behind: the adapter was reset
    }
}
