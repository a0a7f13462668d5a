using System.Diagnostics;
using System.IO.Ports;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// An SLCAN (Lawicel serial-line) adapter: CANable, USBtin, CANUSB and their kin, over System.IO.Ports.
/// Opening closes the channel (C), sets the bit rate (Sn), asks for timestamps (Z1, optional) and goes
/// on the bus (O); each command must be answered with CR (done) or BEL (refused) within
/// <see cref="ReplyTimeoutMs"/>. A transmit is answered z/Z (sent) or BEL (refused, counted); the
/// status flags (F) are polled every second: a bus error is bus-off for this host.
/// </summary>
public sealed class SlcanInterface : ICanInterface
{
    /// <summary>How long a command may wait for its reply.</summary>
    public const int ReplyTimeoutMs = 1000;

    /// <summary>How long any request may stay unanswered while on the bus before the adapter counts as gone silent.</summary>
    public const int SilenceMs = 3000;

    private const int StatusPollMs = 1000;
    private const byte Cr = (byte)'\r';
    private const byte Bel = 7;

    private readonly SlcanAddress _address;
    private readonly object _write = new();
    private readonly Queue<(Request Kind, long Ticks)> _pending = new();
    private readonly byte[] _in = new byte[1 << 14];
    private readonly byte[] _out = new byte[SlcanCodec.MaxLine + 2];
    private readonly SlcanTimestamps _timestamps = new();
    private SerialPort? _port;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _lock;
    private FileStream? _writer;
    private Stream? _stream;
    private int _start;
    private int _end;
    private bool _pollStatus = true;
    private long _nextPoll;
    private bool? _lastCommand;
    private long _readNanos;

    /// <summary>Makes the interface <paramref name="name"/> for <paramref name="address"/> (not opened yet).</summary>
    public SlcanInterface(string name, SlcanAddress address)
    {
        Name = name;
        _address = address;
    }

    private enum Request
    {
        Command,
        Transmit,
        Status,
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>True when the adapter accepted Z1: received frames carry its millisecond timestamps.</summary>
    public bool AdapterTimestamps { get; private set; }

    /// <inheritdoc />
    public long TransmitRefused { get; private set; }

    /// <summary>Lines from the adapter that are neither frames nor replies (counted, skipped).</summary>
    public long Malformed { get; private set; }

    /// <summary>Frames the adapter reported lost (status flags: receive queue full, data overrun).</summary>
    public long AdapterOverruns { get; private set; }

    /// <summary>The last status flags the adapter reported (F), or -1.</summary>
    public int StatusFlags { get; private set; } = -1;

    /// <inheritdoc />
    public void Open()
    {
        if (!File.Exists(_address.Path))
        {
            throw Fail("no such serial port (is the adapter plugged in?)");
        }

        try
        {
            // An exclusive advisory lock (flock), as pyserial's exclusive=True takes: SerialPort takes none,
            // and two hosts on one adapter would each see half the replies.
            _lock = File.OpenHandle(_address.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            _port = new SerialPort(_address.Path, _address.TtyBaud) { ReadTimeout = 50, WriteTimeout = ReplyTimeoutMs, Handshake = Handshake.None };
            _port.Open();
            _stream = _port.BaseStream;
            _port.DiscardInBuffer();

            // Writes go straight to write(2) on the locked descriptor (same device, so the port's
            // settings apply): SerialPort's stream hands every write to its I/O thread and waits,
            // which held a loaded bench to about 600 frames/s.
            _writer = new FileStream(_lock, FileAccess.ReadWrite, 0);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidOperationException)
        {
            _port?.Dispose();
            _port = null;
            _writer = null;
            _lock?.Dispose();
            _lock = null;
            throw Fail($"cannot open the serial port: busy (another program has it) or not permitted ({Inner(e)})");
        }

        // C first: an adapter left open by an earlier program refuses Sn. Some refuse C when closed.
        Command("C");
        if (!Command(_address.BitRateCommand))
        {
            throw Fail($"the adapter refused bit rate {_address.BitRate} ({_address.BitRateCommand})");
        }

        AdapterTimestamps = Command("Z1");
        if (!Command("O"))
        {
            throw Fail("the adapter refused to go on the bus (O)");
        }

        _nextPoll = Stopwatch.GetTimestamp() + (StatusPollMs * Stopwatch.Frequency / 1000);
    }

    /// <inheritdoc />
    public bool Receive(CaptureFrame frame, int timeoutMs)
    {
        long deadline = Stopwatch.GetTimestamp() + (timeoutMs * Stopwatch.Frequency / 1000);
        while (true)
        {
            while (TryLine(out int start, out int length, out byte end))
            {
                if (Handle(_in.AsSpan(start, length), end, frame, out int millis))
                {
                    // The host's time is when the bytes were read, not when they were parsed.
                    frame.TimestampNanos = millis >= 0 ? _timestamps.Stamp(millis, _readNanos) : _readNanos;
                    return true;
                }
            }

            long now = Stopwatch.GetTimestamp();
            CheckAnswers(now);
            if (now >= deadline)
            {
                return false;
            }

            Fill((int)Math.Min(50, ((deadline - now) * 1000 / Stopwatch.Frequency) + 1));
        }
    }

    /// <inheritdoc />
    public bool Send(CaptureFrame frame)
    {
        if (frame.Fd || frame.Error || frame.Length > 8)
        {
            return false;
        }

        lock (_write)
        {
            int n = SlcanCodec.Encode(frame, _out);
            Write(Request.Transmit, _out.AsSpan(0, n));
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_port == null)
        {
            return;
        }

        try
        {
            lock (_write)
            {
                _writer!.Write("C\r"u8);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            // Closing an adapter that is gone: nothing to tell it.
        }

        // SerialPort.Dispose can block for good once the device is gone (its I/O loop waits on a dead
        // descriptor): give it a moment on another thread, then let the process end leave it.
        var port = _port;
        var closing = Task.Run(() =>
        {
            try
            {
                port.Dispose();
            }
            catch (IOException)
            {
                // The device vanished under the port; the handle is released anyway.
            }
        });
        closing.Wait(500);

        _port = null;
        _lock?.Dispose();
        _lock = null;
    }

    // Sends a command and waits for its reply: true for CR, false for BEL (refused).
    private bool Command(string text)
    {
        lock (_write)
        {
            int n = System.Text.Encoding.ASCII.GetBytes(text, _out);
            _out[n++] = Cr;
            Write(Request.Command, _out.AsSpan(0, n));
        }

        _lastCommand = null;
        long deadline = Stopwatch.GetTimestamp() + (ReplyTimeoutMs * Stopwatch.Frequency / 1000);
        var scratch = new CaptureFrame();
        while (_lastCommand == null)
        {
            while (_lastCommand == null && TryLine(out int start, out int length, out byte end))
            {
                Handle(_in.AsSpan(start, length), end, scratch, out _); // frames before the bus is open are not wanted
            }

            if (_lastCommand == null)
            {
                if (Stopwatch.GetTimestamp() >= deadline)
                {
                    throw Fail($"the adapter does not answer ('{text}' got no reply in {ReplyTimeoutMs / 1000} s: not an SLCAN adapter, or the wrong serial speed?)");
                }

                Fill(50);
            }
        }

        return _lastCommand.Value;
    }

    // One line (or reply) from the adapter. True when it was a frame, now in `frame`.
    private bool Handle(ReadOnlySpan<byte> line, byte end, CaptureFrame frame, out int millis)
    {
        millis = -1;
        if (end == Bel)
        {
            Answered(false);
            return false;
        }

        if (line.IsEmpty)
        {
            Answered(true);
            return false;
        }

        switch (line[0])
        {
            case (byte)'t' or (byte)'T' or (byte)'r' or (byte)'R':
                if (SlcanCodec.TryDecode(line, frame, out millis) == null)
                {
                    return true;
                }

                Malformed++;
                return false;
            case (byte)'z' or (byte)'Z' when line.Length == 1:
                Answered(true);
                return false;
            case (byte)'F' when line.Length == 3:
                Answered(true);
                Status(Convert.ToInt32(System.Text.Encoding.ASCII.GetString(line[1..]), 16));
                return false;
            case (byte)'V' or (byte)'v' or (byte)'N':
                Answered(true);
                return false;
            default:
                Malformed++;
                return false;
        }
    }

    private void Status(int flags)
    {
        StatusFlags = flags;
        if ((flags & 0x09) != 0)
        {
            AdapterOverruns++; // receive queue full or data overrun: frames were lost, how many the adapter does not say
        }

        if ((flags & 0x80) != 0)
        {
            throw Fail($"bus error (status flags 0x{flags:X2}): the adapter is off the bus; check wiring, termination and bit rate ({_address.BitRate})");
        }
    }

    private void Answered(bool done)
    {
        Request kind;
        lock (_write)
        {
            if (!_pending.TryDequeue(out var p))
            {
                Malformed++; // a reply to nothing
                return;
            }

            kind = p.Kind;
        }

        switch (kind)
        {
            case Request.Command:
                _lastCommand = done;
                break;
            case Request.Transmit when !done:
                TransmitRefused++;
                break;
            case Request.Status when !done:
                _pollStatus = false; // this adapter has no status flags
                break;
        }
    }

    private void CheckAnswers(long now)
    {
        long oldest;
        lock (_write)
        {
            oldest = _pending.Count > 0 ? _pending.Peek().Ticks : now;
        }

        if (now - oldest > SilenceMs * Stopwatch.Frequency / 1000)
        {
            throw Fail($"the adapter stopped answering (no reply for {SilenceMs / 1000} s)");
        }

        if (_pollStatus && now >= _nextPoll)
        {
            _nextPoll = now + (StatusPollMs * Stopwatch.Frequency / 1000);
            lock (_write)
            {
                Write(Request.Status, "F\r"u8);
            }
        }
    }

    // Caller holds _write: the request is queued in the order it goes out, so replies pair up.
    private void Write(Request kind, ReadOnlySpan<byte> bytes)
    {
        var stream = _writer ?? throw Fail("not open");
        _pending.Enqueue((kind, Stopwatch.GetTimestamp()));
        try
        {
            stream.Write(bytes);
        }
        catch (TimeoutException)
        {
            throw Fail($"the adapter does not take what is sent (write timed out after {ReplyTimeoutMs / 1000} s)");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw Fail($"the adapter went away (unplugged?): {Inner(e)}");
        }
    }

    // The next line in the input buffer, ended by CR or BEL (not included).
    private bool TryLine(out int start, out int length, out byte end)
    {
        for (int i = _start; i < _end; i++)
        {
            if (_in[i] is Cr or Bel)
            {
                start = _start;
                length = i - _start;
                end = _in[i];
                _start = i + 1;
                return true;
            }
        }

        start = length = 0;
        end = 0;
        if (_end - _start > SlcanCodec.MaxLine * 4)
        {
            Malformed++; // no terminator in sight: drop what came
            _start = _end;
        }

        return false;
    }

    // Reads what the adapter sent, waiting up to timeoutMs.
    private void Fill(int timeoutMs)
    {
        if (_start > 0)
        {
            Array.Copy(_in, _start, _in, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        int n;
        try
        {
            _stream!.ReadTimeout = Math.Max(1, timeoutMs);
            n = _stream.Read(_in, _end, _in.Length - _end);
        }
        catch (TimeoutException)
        {
            return;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw Fail($"the adapter went away (unplugged?): {Inner(e)}");
        }

        if (n == 0)
        {
            throw Fail("the adapter went away (unplugged?): the serial port closed");
        }

        _end += n;
        _readNanos = HostClock.NowNanos;
    }

    private CanInterfaceException Fail(string reason) => new(Name, reason);

    private static string Inner(Exception e) => (e.InnerException ?? e).Message;
}
