using System.Globalization;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>
/// Our BLF reader and writer against python-can 4.1's BLFReader and BLFWriter, both sides reading
/// the header's local start time in the same zone (Europe/Berlin, so the zone matters).
/// </summary>
/// <remarks>
/// python-can 4.1 quirks met here:
/// <list type="bullet">
/// <item>BLFWriter stores the start time rounded to the millisecond but object times relative to the
/// unrounded first timestamp, so every timestamp it reads back is shifted by up to 0.5 ms (we read
/// its files exactly as its own reader does).</item>
/// <item>Timestamps are float seconds: at 2026 Unix times a double resolves ~0.24 µs, so the
/// comparison is to the microsecond, with times chosen that a float cannot round across a
/// microsecond boundary; our own round trip checks nanoseconds.</item>
/// <item>The SYSTEMTIME is local time both ways; in the hour repeated when clocks go back python-can
/// reads the first occurrence (fold=0), so its own files started in the second one read an hour
/// early. We read such headers as it does; our writer avoids ambiguous start times.</item>
/// <item>BLFWriter writes CAN FD as CAN_FD_MESSAGE (100), not CAN_FD_MESSAGE_64, and BLFReader
/// finds objects by scanning for "LOBJ" rather than by size and padding.</item>
/// </list>
/// </remarks>
public class BlfPythonCanTests
{
    private const string Zone = "Europe/Berlin";

    // argv: file, zone. One line per message, in BlfFrames.PythonView's format.
    private const string Dump = """
        import os, sys, time
        os.environ['TZ'] = sys.argv[2]; time.tzset()
        import can
        for m in can.BLFReader(sys.argv[1]):
            print(round(m.timestamp * 1e6), m.channel + 1, '%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame),
                  int(m.is_error_frame), int(m.is_fd), int(m.bitrate_switch), int(m.error_state_indicator), m.dlc,
                  (m.data or b'').hex().upper() or '-')
        """;

    // argv: file, zone, max container size, first timestamp, count. Steps of k/64 s keep every
    // float timestamp exact, so what python-can writes is exactly what it meant.
    private const string Write = """
        import os, sys, time
        os.environ['TZ'] = sys.argv[2]; time.tzset()
        import can, random
        r = random.Random(11)
        w = can.BLFWriter(sys.argv[1], max_container_size=int(sys.argv[3]))
        t = float(sys.argv[4])
        for i in range(int(sys.argv[5])):
            ch = r.choice([0, 1, 2])
            kind = r.randint(0, 9)
            ext = kind in (1, 2, 6)
            aid = r.randint(0, 0x1FFFFFFF if ext else 0x7FF)
            data = lambda n: bytes(r.randrange(256) for _ in range(n))
            if kind == 3:
                m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_remote_frame=True, dlc=r.randint(0, 8), channel=ch)
            elif kind in (4, 6):
                m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_fd=True, bitrate_switch=r.random() < .5,
                                error_state_indicator=r.random() < .5, data=data(r.choice([0, 1, 5, 8, 12, 16, 20, 24, 32, 48, 64])), channel=ch)
            elif kind == 5:
                m = can.Message(timestamp=t, is_error_frame=True, arbitration_id=r.randint(1, 0xFFF), is_extended_id=False, data=data(8), channel=ch)
            elif kind == 7:
                m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, dlc=r.randint(9, 15), data=data(8), channel=ch)
            else:
                m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, data=data(r.randint(0, 8)), channel=ch)
            w.on_message_received(m)
            t += r.randint(1, 8) / 64
        w.stop()
        """;

    [PythonCanFact]
    public void We_read_what_python_can_writes_in_small_containers() => WeReadWhatPythonCanWrites(4096, 3000);

    [PythonCanFact]
    public void We_read_what_python_can_writes_in_default_containers() => WeReadWhatPythonCanWrites(128 * 1024, 6000);

    [PythonCanFact]
    public void Python_can_reads_what_we_write() => PythonCanReadsWhatWeWrite("2026-01-01T00:00:00.123Z", 4096);

    [PythonCanFact]
    public void Python_can_reads_what_we_write_in_default_containers_in_summer_time() => PythonCanReadsWhatWeWrite("2026-06-30T23:59:59.999Z", 128 * 1024);

    [PythonCanFact]
    public void Python_can_reads_what_we_write_starting_in_the_repeated_hour() => PythonCanReadsWhatWeWrite("2026-10-25T01:30:00.500Z", 4096); // 02:30:00.5 CET, the second pass

    private static void WeReadWhatPythonCanWrites(int containerSize, int count)
    {
        using var dir = new TempDir();
        string path = dir.File("py.blf");

        // 2026-01-01 00:00:00.453125 UTC: not on a millisecond, to meet the start rounding quirk.
        PythonCan.Run(Write, path, Zone, containerSize.ToString(CultureInfo.InvariantCulture), "1767225600.453125", count.ToString(CultureInfo.InvariantCulture));
        byte[] blf = File.ReadAllBytes(path);
        Assert.True(BlfBytes.TopLevel(blf).Count >= (containerSize < 10_000 ? 20 : 2), "the file should span several containers");

        var ours = BlfFrames.Read(blf, BlfFrames.Berlin);
        Assert.Equal(count, ours.Count);
        Assert.Equal(Lines(PythonCan.Run(Dump, path, Zone)), ours.Select(BlfFrames.PythonView));

        // The quirk, pinned: the first message was written at .453125 s and reads back at .453 s.
        Assert.Equal(1_767_225_600_453_000_000L, ours[0].TimestampNanos);
        Assert.Contains(ours, f => f.Fd && f.BitRateSwitch && f.ErrorStateIndicator);
        Assert.Contains(ours, f => f.Error);
        Assert.Contains(ours, f => f.Remote && f.Length > 0);
        Assert.Contains(ours, f => f.Len8Dlc > 8);
        Assert.Equal(["1", "2", "3"], ours.Select(f => f.Channel).Distinct().Order());
    }

    private static void PythonCanReadsWhatWeWrite(string start, int containerSize)
    {
        using var dir = new TempDir();
        string path = dir.File("ours.blf");
        long first = (DateTimeOffset.Parse(start, CultureInfo.InvariantCulture).UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

        // Whole microseconds: python-can's float seconds cannot carry nanoseconds.
        var frames = BlfFrames.Varied(3000, seed: 21, start: first, maxSubMicro: 0);
        File.WriteAllBytes(path, BlfFrames.Write(frames, BlfFrames.Berlin, containerSize));
        Assert.Equal(frames.Select(BlfFrames.PythonView), Lines(PythonCan.Run(Dump, path, Zone)));
    }

    [PythonCanFact]
    public void We_read_an_ambiguous_local_start_time_as_python_can_does()
    {
        using var dir = new TempDir();
        string path = dir.File("py.blf");

        // 2026-10-25 01:30:00 UTC is 02:30 CET, the second 02:30 that night: python-can writes
        // "02:30:00" and reads it back as 02:30 CEST, an hour early. So do we.
        PythonCan.Run(Write, path, Zone, "4096", "1792891800.0", "50");
        var ours = BlfFrames.Read(File.ReadAllBytes(path), BlfFrames.Berlin);
        Assert.Equal(1_792_888_200_000_000_000L, ours[0].TimestampNanos);
        Assert.Equal(Lines(PythonCan.Run(Dump, path, Zone)), ours.Select(BlfFrames.PythonView));
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
