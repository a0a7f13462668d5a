using BmsGuard.HostSim.Bench;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>A fact that needs a vcan0 interface (ip link add dev vcan0 type vcan; ip link set up vcan0).</summary>
public sealed class VcanFactAttribute : FactAttribute
{
    public VcanFactAttribute() => Skip = !SocketCanInterface.KernelSupport()
        ? "this kernel has no SocketCAN (modprobe can-raw vcan); the frame layout is checked against linux/can.h instead"
        : !Directory.Exists("/sys/class/net/vcan0") ? "no vcan0 (ip link add dev vcan0 type vcan && ip link set up vcan0)" : null;
}

public sealed class SocketCanInterfaceTests
{
    [Fact]
    public void WithoutTheInterfaceOpeningIsOneLineNamingIt()
    {
        using var iface = new SocketCanInterface("socketcan:nocan7", "nocan7");
        var e = Assert.Throws<CanInterfaceException>(iface.Open);
        Assert.Matches(@"^socketcan:nocan7: (this kernel has no SocketCAN \(address family not supported; modprobe can-raw, or use slcan:\)|no such network interface 'nocan7' .*)$", e.Message);
    }

    [VcanFact]
    public void ClassicAndFdFramesCrossVcan()
    {
        using var a = new SocketCanInterface("socketcan:vcan0", "vcan0");
        using var b = new SocketCanInterface("socketcan:vcan0", "vcan0");
        a.Open();
        b.Open();
        var classic = SlcanInterfaceTests.Frame(0x1ABCDEF0, true, false, 1, 2, 3);
        var fd = new CaptureFrame { Id = 0x123, Fd = true, BitRateSwitch = true, Length = 12 };
        Assert.True(a.Send(classic));
        Assert.True(a.Send(fd));
        var got = new CaptureFrame();
        Assert.True(b.Receive(got, 2000));
        Assert.Equal((0x1ABCDEF0u, true, false, 3), (got.Id, got.Extended, got.Fd, got.Length));
        Assert.True(b.Receive(got, 2000));
        Assert.Equal((0x123u, true, true, 12), (got.Id, got.Fd, got.BitRateSwitch, got.Length));
        Assert.InRange(got.TimestampNanos, HostClock.NowNanos - 5_000_000_000, HostClock.NowNanos);
    }
}
