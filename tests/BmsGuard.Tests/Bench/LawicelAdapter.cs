using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BmsGuard.Tests.Bench;

/// <summary>
/// An emulated Lawicel (SLCAN) adapter serving the adapter end of a <see cref="PtyPair"/>, written from
/// the protocol (Lawicel CAN232/CANUSB manual, python-can's slcan.py) independently of bmsguard's host
/// side: commands end with CR; it acknowledges with CR and refuses with BEL; Sn/sxxyy (closed only),
/// O/L (open), C (close), Z0/Z1 (timestamps), F (status flags "Fxx"), V, N; a transmit
/// (t/T/r/R, only while open) is answered z (standard) or Z (extended) and put on the bus; frames
/// from the bus are passed to the host while open, with a 4-digit millisecond timestamp after Z1.
/// </summary>
public sealed class LawicelAdapter : IDisposable
{
    private readonly EmulatedCanBus _bus;
    private readonly FileStream _read;
    private readonly FileStream _write;
    private readonly object _writeGate = new();
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _commands = [];
    private volatile bool _open;
    private volatile bool _closed;

    /// <summary>Serves <paramref name="ptyPath"/> (a pty pair's adapter end) on <paramref name="bus"/>.</summary>
    public LawicelAdapter(string ptyPath, EmulatedCanBus bus)
    {
        _bus = bus;
        _read = new FileStream(ptyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        _write = new FileStream(ptyPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
        bus.Attach(this);
        _thread = new Thread(Serve) { IsBackground = true, Name = "lawicel " + ptyPath };
        _thread.Start();
    }

    /// <summary>Commands this adapter refuses with BEL (e.g. "S6" for an adapter without 500 kbit/s).</summary>
    public HashSet<string> Refuse { get; } = [];

    /// <summary>When true the adapter answers nothing (a device that is not an SLCAN adapter).</summary>
    public bool Silent { get; set; }

    /// <summary>Status flags reported (and then cleared) by the next F command.</summary>
    public int StatusFlags { get; set; }

    /// <summary>On the bus (after O or L).</summary>
    public bool IsOpen => _open;

    /// <summary>Timestamps on (Z1).</summary>
    public bool Timestamps { get; private set; }

    /// <summary>The bit-rate command last accepted (S0..S8, sxxyy).</summary>
    public string? BitRate { get; private set; }

    /// <summary>Every command line received, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return _commands.ToList();
            }
        }
    }

    /// <summary>Waits until the host has opened the channel.</summary>
    public void WaitOpen(int timeoutMs = 10_000)
    {
        var clock = Stopwatch.StartNew();
        while (!_open)
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException("the host did not open the adapter");
            }

            Thread.Sleep(5);
        }
    }

    /// <summary>A frame from the bus: passed to the host while open.</summary>
    internal void Deliver(BusFrame f)
    {
        if (!_open)
        {
            return;
        }

        var sb = new StringBuilder();
        sb.Append(f.Remote ? (f.Extended ? 'R' : 'r') : (f.Extended ? 'T' : 't'));
        sb.Append(f.Extended ? f.Id.ToString("X8", CultureInfo.InvariantCulture) : f.Id.ToString("X3", CultureInfo.InvariantCulture));
        sb.Append((char)('0' + f.Dlc));
        if (!f.Remote)
        {
            sb.Append(Convert.ToHexString(f.Data));
        }

        if (Timestamps)
        {
            sb.Append((_clock.ElapsedMilliseconds % 60_000).ToString("X4", CultureInfo.InvariantCulture));
        }

        Send(sb.Append('\r').ToString());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closed = true;
        _read.Dispose();
        _write.Dispose();
    }

    private void Serve()
    {
        var line = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!_closed)
            {
                int n = _read.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    return;
                }

                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] == '\r')
                    {
                        Command(line.ToString());
                        line.Clear();
                    }
                    else
                    {
                        line.Append((char)buffer[i]);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pty pair went away or the test is over.
        }
    }

    private void Command(string c)
    {
        lock (_commands)
        {
            _commands.Add(c);
        }

        if (Silent)
        {
            return;
        }

        if (Refuse.Contains(c))
        {
            Send("\a");
            return;
        }

        char kind = c.Length > 0 ? c[0] : '\0';
        switch (kind)
        {
            case '\0':
                Send("\r");
                break;
            case 'S' when c.Length == 2 && c[1] is >= '0' and <= '9' && !_open:
            case 's' when c.Length == 5 && !_open:
                BitRate = c;
                Send("\r");
                break;
            case 'O' or 'L' when c.Length == 1 && !_open && BitRate != null:
                _open = true;
                Send("\r");
                break;
            case 'C' when c.Length == 1:
                _open = false;
                Send("\r");
                break;
            case 'Z' when c is "Z0" or "Z1":
                Timestamps = c == "Z1";
                Send("\r");
                break;
            case 'F' when c.Length == 1:
                Send($"F{StatusFlags:X2}\r");
                StatusFlags = 0;
                break;
            case 'V' when c.Length == 1:
                Send("V1013\r");
                break;
            case 'N' when c.Length == 1:
                Send("NEMU1\r");
                break;
            case 't' or 'T' or 'r' or 'R' when _open && Parse(c) is { } frame:
                Send(frame.Extended ? "Z\r" : "z\r");
                _bus.Transmit(this, frame);
                break;
            default:
                Send("\a");
                break;
        }
    }

    private static BusFrame? Parse(string c)
    {
        bool ext = c[0] is 'T' or 'R';
        bool rtr = c[0] is 'r' or 'R';
        int idLen = ext ? 8 : 3;
        if (c.Length < 1 + idLen + 1
            || !uint.TryParse(c.AsSpan(1, idLen), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint id)
            || id > (ext ? 0x1FFFFFFFu : 0x7FFu)
            || c[1 + idLen] is < '0' or > '8')
        {
            return null;
        }

        int dlc = c[1 + idLen] - '0';
        string hex = c[(2 + idLen)..];
        if (rtr ? hex.Length != 0 : hex.Length != dlc * 2)
        {
            return null;
        }

        try
        {
            return new BusFrame(id, ext, rtr, rtr ? [] : Convert.FromHexString(hex), dlc);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void Send(string text)
    {
        if (_closed)
        {
            return;
        }

        try
        {
            lock (_writeGate)
            {
                _write.Write(Encoding.ASCII.GetBytes(text));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The host end is gone.
        }
    }
}
