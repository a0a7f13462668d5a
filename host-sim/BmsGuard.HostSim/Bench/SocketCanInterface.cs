using System.Runtime.InteropServices;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// A Linux SocketCAN raw socket (<c>socketcan:can0</c>), classic and FD frames, with the kernel's
/// receive time (SIOCGSTAMPNS) and error frames on: a bus-off error frame ends the run. No library
/// on NuGet wraps AF_CAN for .NET on Linux, and System.Net.Sockets cannot bind one, so this
/// calls libc directly (socket, bind, poll, read, write).
/// </summary>
public sealed class SocketCanInterface : ICanInterface
{
    private const int AfCan = 29;
    private const int SockRaw = 3;
    private const int CanRaw = 1;
    private const int SolCanRaw = 101;
    private const int CanRawErrFilter = 2;
    private const int CanRawFdFrames = 5;
    private const uint CanErrBusOff = 0x40;
    private const uint CanErrMask = 0x1FFFFFFF;
    private const ulong SiocGStampNs = 0x8907;
    private const int EAfNoSupport = 97;
    private const int ENetDown = 100;
    private const int ENoBufs = 105;
    private const int EIntr = 4;

    private readonly string _device;
    private readonly byte[] _rx = new byte[SocketCanFrame.FdSize];
    private readonly byte[] _tx = new byte[SocketCanFrame.FdSize];
    private int _fd = -1;

    /// <summary>Makes the interface <paramref name="name"/> on network device <paramref name="device"/> (not opened yet).</summary>
    public SocketCanInterface(string name, string device)
    {
        Name = name;
        _device = device;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public long TransmitRefused { get; private set; }

    /// <summary>True when this machine's kernel has SocketCAN (a raw CAN socket can be made).</summary>
    public static bool KernelSupport()
    {
        int fd = Socket(AfCan, SockRaw, CanRaw);
        if (fd < 0)
        {
            return false;
        }

        Close(fd);
        return true;
    }

    /// <inheritdoc />
    public void Open()
    {
        if (Encoding16(_device) == null)
        {
            throw Fail("a network interface name has 1 to 15 characters");
        }

        _fd = Socket(AfCan, SockRaw, CanRaw);
        if (_fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw Fail(errno == EAfNoSupport
                ? "this kernel has no SocketCAN (address family not supported; modprobe can-raw, or use slcan:)"
                : $"cannot make a CAN socket ({Describe(errno)})");
        }

        int index = (int)IfNameToIndex(_device);
        if (index == 0)
        {
            throw Fail($"no such network interface '{_device}' (ip link show; for a test bus: ip link add dev {_device} type vcan)");
        }

        int on = 1;
        SetSockOpt(_fd, SolCanRaw, CanRawFdFrames, ref on, sizeof(int));
        uint errors = CanErrMask;
        SetSockOptU(_fd, SolCanRaw, CanRawErrFilter, ref errors, sizeof(uint));
        var address = new byte[24]; // struct sockaddr_can: family (u16), pad, ifindex (int), addressing union
        address[0] = AfCan;
        BitConverter.TryWriteBytes(address.AsSpan(4), index);
        if (Bind(_fd, address, address.Length) != 0)
        {
            throw Fail($"cannot bind to '{_device}' ({Describe(Marshal.GetLastPInvokeError())})");
        }
    }

    /// <inheritdoc />
    public bool Receive(CaptureFrame frame, int timeoutMs)
    {
        var poll = new PollFd { Fd = _fd, Events = 1 };
        int ready = Poll(ref poll, 1, timeoutMs);
        if (ready < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == EIntr ? false : throw Fail($"poll failed ({Describe(errno)})");
        }

        if (ready == 0)
        {
            return false;
        }

        long n = Read(_fd, _rx, _rx.Length);
        if (n < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw Fail(errno == ENetDown ? "the interface is down (ip link set up)" : $"the interface went away (unplugged?): {Describe(errno)}");
        }

        if (SocketCanFrame.Decode(_rx, (int)n, frame) is { } why)
        {
            throw Fail($"the kernel sent {why}");
        }

        if (frame.Error && (frame.Id & CanErrBusOff) != 0)
        {
            throw Fail("bus-off (error frame from the controller): check wiring, termination and bit rate");
        }

        var stamp = new long[2];
        frame.TimestampNanos = IoctlStamp(_fd, SiocGStampNs, stamp) == 0 ? (stamp[0] * 1_000_000_000) + stamp[1] : HostClock.NowNanos;
        return true;
    }

    /// <inheritdoc />
    public bool Send(CaptureFrame frame)
    {
        int size = SocketCanFrame.Encode(frame, _tx);
        if (Write(_fd, _tx, size) == size)
        {
            return true;
        }

        int errno = Marshal.GetLastPInvokeError();
        if (errno == ENoBufs)
        {
            TransmitRefused++;
            return false;
        }

        throw Fail(errno == ENetDown ? "the interface is down (ip link set up)" : $"cannot send ({Describe(errno)})");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_fd >= 0)
        {
            Close(_fd);
            _fd = -1;
        }
    }

    private static byte[]? Encoding16(string name) =>
        name.Length is > 0 and < 16 ? System.Text.Encoding.ASCII.GetBytes(name) : null;

    private static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    private CanInterfaceException Fail(string reason) => new(Name, reason);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static extern int Socket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "if_nametoindex", SetLastError = true)]
    private static extern uint IfNameToIndex([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSockOpt(int fd, int level, int name, ref int value, int length);

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSockOptU(int fd, int level, int name, ref uint value, int length);

    [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static extern int Bind(int fd, byte[] address, int length);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fds, ulong count, int timeoutMs);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern long Read(int fd, byte[] buffer, long count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern long Write(int fd, byte[] buffer, long count);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int IoctlStamp(int fd, ulong request, long[] timespec);
}
