using BmsGuard.HostSim.Bench;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>bmsguard's SLCAN host against the emulated Lawicel adapter over a real pty pair.</summary>
public sealed class SlcanInterfaceTests
{
    [PtyFact]
    public void OpensAtTheBitRateSendsAndReceivesEveryKindOfClassicFrame()
    {
        using var pty = new PtyPair();
        var bus = new EmulatedCanBus();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, bus);
        using var iface = new SlcanInterface("slcan:test", SlcanAddress.Parse("slcan:test", pty.HostEnd + "@125000"));
        iface.Open();
        Assert.Equal(["C", "S4", "Z1", "O"], adapter.Commands);
        Assert.True(iface.AdapterTimestamps);

        Assert.True(iface.Send(Frame(0x123, false, false, 0x11, 0x22)));
        Assert.True(iface.Send(Frame(0x1ABCDEF0, true, false, 1, 2, 3, 4, 5, 6, 7, 8)));
        Assert.True(iface.Send(Frame(0x7FF, false, true)));
        BusFrame[] injected = [new(0x0F0, false, false, [0xDE, 0xAD], 2), new(0x18FF50E5, true, true, [], 5), new(0x001, false, false, [], 0)];
        foreach (var f in injected)
        {
            bus.Inject(f);
        }

        var got = new List<string>();
        var frame = new CaptureFrame();
        long before = HostClock.NowNanos;
        while (got.Count < injected.Length && iface.Receive(frame, 2000))
        {
            got.Add(new BusFrame(frame.Id, frame.Extended, frame.Remote, frame.Data.AsSpan(0, frame.Remote ? 0 : frame.Length).ToArray(), frame.Length).ToString());
            Assert.InRange(frame.TimestampNanos, before - SlcanTimestamps.MaxLagNanos, HostClock.NowNanos);
        }

        Assert.Equal(injected.Select(f => f.ToString()), got);
        Assert.Equal(["123#1122", "1ABCDEF0#0102030405060708", "7FF#R0"], bus.Transmitted.Select(f => f.ToString()));
        Assert.Equal(0, iface.TransmitRefused);
        Assert.Equal(0, iface.Malformed);
    }

    [PtyFact]
    public void ARefusedTransmitIsCounted()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus());
        using var iface = Open(pty);
        adapter.Refuse.Add("t1230");
        iface.Send(Frame(0x123, false, false));
        iface.Send(Frame(0x124, false, false));
        var frame = new CaptureFrame();
        iface.Receive(frame, 300);
        Assert.Equal(1, iface.TransmitRefused);
    }

    [PtyFact]
    public void ARefusedBitRateIsOneLineNamingTheInterface()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus());
        adapter.Refuse.Add("S6");
        var e = Assert.Throws<CanInterfaceException>(() => Open(pty));
        Assert.Equal("slcan:bench: the adapter refused bit rate 500000 (S6)", e.Message);
    }

    [PtyFact]
    public void ASilentDeviceIsReportedAsNotAnswering()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus()) { Silent = true };
        var e = Assert.Throws<CanInterfaceException>(() => Open(pty));
        Assert.StartsWith("slcan:bench: the adapter does not answer ('C' got no reply", e.Message);
    }

    [Fact]
    public void AMissingPortIsOneLine()
    {
        using var iface = new SlcanInterface("slcan:/dev/ttyNOPE9", SlcanAddress.Parse("slcan:/dev/ttyNOPE9", "/dev/ttyNOPE9"));
        var e = Assert.Throws<CanInterfaceException>(iface.Open);
        Assert.Equal("slcan:/dev/ttyNOPE9: no such serial port (is the adapter plugged in?)", e.Message);
    }

    [PtyFact]
    public void ABusyPortIsOneLine()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus());
        using var first = Open(pty);
        var e = Assert.Throws<CanInterfaceException>(() => Open(pty));
        Assert.StartsWith("slcan:bench: cannot open the serial port: busy", e.Message);
    }

    [PtyFact]
    public void UnpluggingFailsTheReceiverWithOneLine()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus());
        using var iface = Open(pty);
        pty.Unplug();
        var frame = new CaptureFrame();
        var e = Assert.Throws<CanInterfaceException>(() => iface.Receive(frame, 2000));
        Assert.StartsWith("slcan:bench: the adapter went away (unplugged?)", e.Message);
    }

    [PtyFact]
    public void ABusErrorInTheStatusFlagsIsBusOff()
    {
        using var pty = new PtyPair();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, new EmulatedCanBus());
        using var iface = Open(pty);
        adapter.StatusFlags = 0x80;
        var frame = new CaptureFrame();
        var e = Assert.Throws<CanInterfaceException>(() =>
        {
            for (int i = 0; i < 40; i++)
            {
                iface.Receive(frame, 100);
            }
        });
        Assert.StartsWith("slcan:bench: bus error (status flags 0x80)", e.Message);
    }

    [Theory]
    [InlineData("/dev/x", "/dev/x", 500_000, 115_200)]
    [InlineData("/dev/x@1000000", "/dev/x", 1_000_000, 115_200)]
    [InlineData("/dev/x@83300/921600", "/dev/x", 83_300, 921_600)]
    public void AddressesParse(string address, string path, int bitRate, int baud) =>
        Assert.Equal(new SlcanAddress(path, bitRate, baud), SlcanAddress.Parse("slcan:" + address, address));

    [Theory]
    [InlineData("/dev/x@400000")]
    [InlineData("/dev/x@fast")]
    [InlineData("/dev/x@500000/0")]
    public void BadAddressesAreRefused(string address) =>
        Assert.Throws<FormatException>(() => SlcanAddress.Parse("slcan:" + address, address));

    internal static SlcanInterface Open(PtyPair pty)
    {
        var iface = new SlcanInterface("slcan:bench", SlcanAddress.Parse("slcan:bench", pty.HostEnd));
        try
        {
            iface.Open();
            return iface;
        }
        catch
        {
            iface.Dispose();
            throw;
        }
    }

    internal static CaptureFrame Frame(uint id, bool extended, bool remote, params byte[] data)
    {
        var f = new CaptureFrame { Id = id, Extended = extended, Remote = remote, Length = data.Length };
        data.CopyTo(f.Data, 0);
        return f;
    }
}
