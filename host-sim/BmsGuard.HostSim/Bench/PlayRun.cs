using System.Diagnostics;
using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim.Bench;

/// <summary>What <c>bmsguard play</c> sends: a capture, to an interface, at a speed, how many times.</summary>
public sealed record PlayOptions
{
    /// <summary>The capture file (any format).</summary>
    public required string Capture { get; init; }

    /// <summary>The interface to send on.</summary>
    public required string To { get; init; }

    /// <summary>Only the capture's frames of these channels (e.g. can0, 1); null for all.</summary>
    public IReadOnlySet<string>? Channels { get; init; }

    /// <summary>Time factor (2 = twice as fast); 0 sends as fast as the interface takes frames.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>How many times to send the capture; 0 until stopped.</summary>
    public int Loops { get; init; } = 1;

    /// <summary>The capture's format (a <c>--input-format</c> value), or null: by extension, or told from the bytes of standard input.</summary>
    public string? Format { get; init; }
}

/// <summary>
/// <c>bmsguard play</c>: sends a capture's frames on a live interface with their original spacing
/// (scaled by the speed); each loop starts when the previous one has ended. What the interface
/// receives meanwhile is read and discarded (an SLCAN adapter's replies must be consumed).
/// </summary>
public static class PlayRun
{
    /// <summary>Sends until the loops are done or <paramref name="stop"/> is cancelled.</summary>
    public static int Run(PlayOptions o, TextWriter stderr, CancellationToken stop)
    {
        using var iface = BenchRun.Make(o.To);
        BenchRun.Open(iface);
        CanInterfaceException? failure = null;
        bool done = false;
        var drain = new Thread(() =>
        {
            var scratch = new CaptureFrame();
            try
            {
                while (!Volatile.Read(ref done))
                {
                    iface.Receive(scratch, 50);
                }
            }
            catch (CanInterfaceException e)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = "drain " + iface.Name };
        drain.Start();

        long sent = 0, refused = 0, skipped = 0;
        var clock = Stopwatch.StartNew();
        int loop = 0;
        try
        {
            for (; (o.Loops == 0 || loop < o.Loops) && !stop.IsCancellationRequested && failure == null; loop++)
            {
                using var reader = CaptureInput.Open(o.Capture, CaptureInput.Name(o.Capture), format: o.Format);
                var frame = new CaptureFrame();
                long firstNanos = long.MinValue;
                long startTicks = Stopwatch.GetTimestamp();
                while (!stop.IsCancellationRequested && failure == null && Read(reader, frame, CaptureInput.Name(o.Capture)))
                {
                    if (o.Channels != null && !o.Channels.Contains(frame.Channel))
                    {
                        continue;
                    }

                    if (firstNanos == long.MinValue)
                    {
                        // Timing starts at the first frame sent, not before opening and reading the file.
                        firstNanos = frame.TimestampNanos;
                        startTicks = Stopwatch.GetTimestamp();
                    }

                    if (o.Speed > 0)
                    {
                        WaitUntil(startTicks + (long)((frame.TimestampNanos - firstNanos) / o.Speed * Stopwatch.Frequency / 1e9), stop);
                    }

                    // Error frames are bus events, not something to send; FD needs an FD-capable interface.
                    if (frame.Error || (frame.Fd && iface is SlcanInterface))
                    {
                        skipped++;
                        continue;
                    }

                    if (iface.Send(frame))
                    {
                        sent++;
                    }
                    else
                    {
                        refused++;
                    }
                }
            }
        }
        catch (CanInterfaceException e)
        {
            failure ??= e;
        }
        finally
        {
            Thread.Sleep(200); // the adapter's last replies
            Volatile.Write(ref done, true);
            drain.Join();
        }

        refused += iface.TransmitRefused;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"play: sent {sent} frames to {iface.Name} in {clock.Elapsed.TotalSeconds:F2} s ({loop} loop{(loop == 1 ? "" : "s")}); refused by the interface {refused}; skipped {skipped} FD/error frames the interface cannot carry"));
        if (failure != null)
        {
            stderr.WriteLine($"bmsguard: {failure.Message}");
            return BenchRun.InterfaceFailed;
        }

        return 0;
    }

    private static bool Read(ICaptureReader reader, CaptureFrame frame, string path)
    {
        try
        {
            return reader.Read(frame);
        }
        catch (CaptureFormatException e)
        {
            throw new InputException(e.Message);
        }
    }

    // Sleeps most of the wait, spins the last millisecond: the capture's spacing, not the scheduler's.
    private static void WaitUntil(long ticks, CancellationToken stop)
    {
        long oneMs = Stopwatch.Frequency / 1000;
        while (!stop.IsCancellationRequested)
        {
            long left = ticks - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            if (left > 2 * oneMs)
            {
                Thread.Sleep((int)Math.Min(100, (left / oneMs) - 1));
            }
            else
            {
                Thread.SpinWait(50);
            }
        }
    }
}
