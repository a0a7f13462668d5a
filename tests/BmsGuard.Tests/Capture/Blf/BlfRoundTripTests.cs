using System.Buffers.Binary;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Blf;
using Xunit;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>Our BLF writer and reader together: every field survives, in any container layout.</summary>
public class BlfRoundTripTests
{
    [Fact]
    public void Every_field_survives_across_many_containers()
    {
        // 20,000 objects of 48..136 bytes: 9 containers of 128 KiB, an object split at each boundary.
        var frames = BlfFrames.Varied(20_000);
        byte[] blf = BlfFrames.Write(frames);
        var containers = BlfBytes.TopLevel(blf);
        Assert.True(containers.Count >= 8, $"only {containers.Count} containers");
        Assert.Equal(blf.Length, containers[^1].Offset + containers[^1].Size + (containers[^1].Size % 4));

        var back = BlfFrames.Read(blf);
        Assert.Equal(frames.Select(BlfFrames.Exact), back.Select(BlfFrames.Exact));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(37)]
    [InlineData(4096)]
    public void Tiny_containers_split_headers_and_payloads(int containerSize)
    {
        // Containers smaller than an object header: objects span several containers.
        var frames = BlfFrames.Varied(300, seed: containerSize);
        byte[] blf = BlfFrames.Write(frames, containerSize: containerSize);
        Assert.True(BlfBytes.TopLevel(blf).Count > 300 * 48 / containerSize / 2);
        Assert.Equal(frames.Select(BlfFrames.Exact), BlfFrames.Read(blf).Select(BlfFrames.Exact));
    }

    [Fact]
    public void Reads_a_forward_only_stream_one_byte_at_a_time()
    {
        var frames = BlfFrames.Varied(2_000, seed: 5);
        byte[] blf = BlfFrames.Write(frames, containerSize: 1000);
        Assert.Equal(frames.Select(BlfFrames.Exact), BlfFrames.Read(blf, chunk: 1).Select(BlfFrames.Exact));
    }

    [Fact]
    public void Header_carries_statistics_and_start_time()
    {
        var frames = BlfFrames.Varied(5_000, seed: 2);
        byte[] blf = BlfFrames.Write(frames);
        var h = blf.AsSpan();
        Assert.Equal("LOGG"u8.ToArray(), h[..4].ToArray());
        Assert.Equal(144u, BinaryPrimitives.ReadUInt32LittleEndian(h[4..]));
        Assert.Equal((ulong)blf.Length, BinaryPrimitives.ReadUInt64LittleEndian(h[16..]));
        Assert.Equal(5_000u, BinaryPrimitives.ReadUInt32LittleEndian(h[32..]));

        // Uncompressed size: header + each container's 32-byte header and uncompressed data.
        ulong uncompressed = 144;
        foreach (var (offset, _) in BlfBytes.TopLevel(blf))
        {
            uncompressed += 32 + BinaryPrimitives.ReadUInt32LittleEndian(h[(offset + 24)..]);
        }

        Assert.Equal(uncompressed, BinaryPrimitives.ReadUInt64LittleEndian(h[24..]));

        // Start: the first frame's millisecond (2026-01-01 00:00:00.123 UTC, a Thursday); stop: the last's.
        ushort[] start = Enumerable.Range(0, 8).Select(i => BinaryPrimitives.ReadUInt16LittleEndian(blf.AsSpan(40 + (2 * i)))).ToArray();
        long first = frames[0].TimestampNanos;
        Assert.Equal(new ushort[] { 2026, 1, 4, 1, 0, 0, 0, (ushort)((first / 1_000_000) % 1000) }, start);
        var stop = DateTime.UnixEpoch.AddTicks(frames[^1].TimestampNanos / 100);
        Assert.Equal((ushort)stop.Second, BinaryPrimitives.ReadUInt16LittleEndian(h[(56 + 12)..]));
    }

    [Fact]
    public void Forward_only_output_has_zero_statistics_but_reads_back()
    {
        var frames = BlfFrames.Varied(3_000, seed: 3);
        byte[] blf = BlfFrames.Write(frames, seekable: false);
        Assert.Equal(0ul, BinaryPrimitives.ReadUInt64LittleEndian(blf.AsSpan(16)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(blf.AsSpan(32)));
        Assert.Equal(frames.Select(BlfFrames.Exact), BlfFrames.Read(blf).Select(BlfFrames.Exact));
    }

    [Fact]
    public void Relative_times_before_1990_keep_a_zero_start()
    {
        var frames = BlfFrames.Varied(100, seed: 4, start: 1_500_000_123);
        byte[] blf = BlfFrames.Write(frames, zone: BlfFrames.Berlin);
        Assert.True(blf.AsSpan(40, 32).IndexOfAnyExcept((byte)0) < 0, "start and stop SYSTEMTIME should be all zero");
        Assert.Equal(frames.Select(BlfFrames.Exact), BlfFrames.Read(blf, BlfFrames.Berlin).Select(BlfFrames.Exact));
    }

    [Theory]
    [InlineData("2026-10-25T00:30:00Z")] // 02:30 CEST, first pass through the repeated hour
    [InlineData("2026-10-25T01:30:00Z")] // 02:30 CET, the second pass: same local time
    [InlineData("2026-03-29T00:59:59.999Z")] // just before clocks skip 02:00..03:00
    [InlineData("2026-07-01T12:00:00Z")]
    public void Local_start_time_round_trips_through_daylight_saving_changes(string first)
    {
        long start = (DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture).UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        var frames = BlfFrames.Varied(500, seed: 6, start: start + 777);
        byte[] blf = BlfFrames.Write(frames, zone: BlfFrames.Berlin);
        Assert.Equal(frames.Select(BlfFrames.Exact), BlfFrames.Read(blf, BlfFrames.Berlin).Select(BlfFrames.Exact));

        // The same file read in another zone shifts by the zone difference, nothing else.
        var utc = BlfFrames.Read(blf, TimeZoneInfo.Utc);
        long shift = utc[0].TimestampNanos - frames[0].TimestampNanos;
        Assert.Contains(shift, new[] { 3_600_000_000_000L, 7_200_000_000_000L });
        Assert.All(utc.Zip(frames), p => Assert.Equal(shift, p.First.TimestampNanos - p.Second.TimestampNanos));
    }

    [Fact]
    public void Interface_names_become_channel_numbers()
    {
        var frames = BlfFrames.Varied(3, seed: 8);
        frames[0].Channel = "can0";
        frames[1].Channel = "vcan3";
        frames[2].Channel = "7";
        var back = BlfFrames.Read(BlfFrames.Write(frames));
        Assert.Equal(["1", "4", "7"], back.Select(f => f.Channel));
    }

    [Fact]
    public void Empty_capture_is_a_valid_file()
    {
        byte[] blf = BlfFrames.Write([]);
        Assert.Equal(144, blf.Length);
        Assert.Empty(BlfFrames.Read(blf));
    }

    [Fact]
    public void Frames_BLF_cannot_hold_are_errors_naming_the_frame()
    {
        static string Fails(Action<CaptureFrame> change, bool earlierSecond = false)
        {
            var frames = BlfFrames.Varied(2, seed: 9);
            frames[0].Fd = false;
            frames[0].Error = false;
            frames[0].Length = 1;
            frames[0].Channel = "1";
            change(frames[1]);
            if (earlierSecond)
            {
                frames[1].TimestampNanos = frames[0].TimestampNanos - 1_000_000;
            }

            var e = Assert.Throws<CaptureFormatException>(() => BlfFrames.Write(frames));
            Assert.Equal(2, e.Line);
            return e.Message;
        }

        Assert.Contains("channel 'bms' has no number", Fails(f => f.Channel = "bms"), StringComparison.Ordinal);
        Assert.Contains("earlier than the file start", Fails(_ => { }, earlierSecond: true), StringComparison.Ordinal);
        Assert.Contains("13 is not a CAN FD payload length", Fails(f => (f.Error, f.Fd, f.Length) = (false, true, 13)), StringComparison.Ordinal);
        Assert.Contains("identifier 800 does not fit 11 bits", Fails(f => (f.Error, f.Extended, f.Id) = (false, false, 0x800)), StringComparison.Ordinal);
        Assert.Contains("channel 70000 above 65535", Fails(f => (f.Error, f.Fd, f.Length, f.Channel) = (false, true, 8, "70000")), StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_by_extension_including_gzip()
    {
        using var dir = new Support.TempDir();
        var frames = BlfFrames.Varied(1_000, seed: 10);
        foreach (string name in new[] { "x.blf", "x.BLF", "x.blf.gz" })
        {
            string path = dir.File(name);
            using (var w = CaptureFormats.CreateWriter(path))
            {
                frames.ForEach(w.Write);
            }

            var back = new List<string>();
            using (var r = CaptureFormats.OpenReader(path, name))
            {
                var f = new CaptureFrame();
                while (r.Read(f))
                {
                    back.Add(BlfFrames.Exact(f));
                }

                Assert.True(r.BytesConsumed > 144);
            }

            Assert.Equal(frames.Select(BlfFrames.Exact), back);
        }
    }
}
