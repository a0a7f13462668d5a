using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>
/// The emulated Lawicel adapter proven against an independent host first: python-can's slcan
/// interface opens it over a real pty pair, sends frames onto the bus and receives the bus's frames.
/// </summary>
public sealed class LawicelAdapterTests
{
    private const string Script = """
        import sys, can
        bus = can.interface.Bus(bustype='slcan', channel=sys.argv[1], bitrate=250000, sleep_after_open=0)
        bus.send(can.Message(arbitration_id=0x123, data=[0x11, 0x22, 0x33], is_extended_id=False))
        bus.send(can.Message(arbitration_id=0x1ABCDEF0, data=[1, 2, 3, 4, 5, 6, 7, 8], is_extended_id=True))
        bus.send(can.Message(arbitration_id=0x7FF, is_remote_frame=True, dlc=4, is_extended_id=False))
        bus.send(can.Message(arbitration_id=0x00000042, is_remote_frame=True, dlc=0, is_extended_id=True))
        print('sent', flush=True)
        got = 0
        while got < int(sys.argv[2]):
            m = bus.recv(5)
            if m is None:
                break
            data = 'R%d' % m.dlc if m.is_remote_frame else m.data.hex().upper()
            print('%s#%s' % (('%08X' if m.is_extended_id else '%03X') % m.arbitration_id, data), flush=True)
            got += 1
        bus.shutdown()
        """;

    [PtyPythonCanFact]
    public void PythonCanHostSendsAndReceivesThroughTheEmulatedAdapter()
    {
        using var pty = new PtyPair();
        var bus = new EmulatedCanBus();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, bus);
        BusFrame[] toHost =
        [
            new(0x0F0, false, false, [0xDE, 0xAD], 2),
            new(0x18FF50E5, true, false, [0, 1, 2, 3, 4, 5, 6, 7], 8),
            new(0x321, false, true, [], 3),
            new(0x000, false, false, [], 0),
        ];
        var inject = new Thread(() =>
        {
            adapter.WaitOpen();
            while (bus.Transmitted.Count < 4)
            {
                Thread.Sleep(5); // python-can prints 'sent' after its sends; the bus has them once acknowledged
            }

            foreach (var f in toHost)
            {
                bus.Inject(f);
            }
        });
        inject.Start();
        string output = PythonCan.Run(Script, pty.HostEnd, toHost.Length.ToString());
        inject.Join();

        Assert.Equal(
            ["123#112233", "1ABCDEF0#0102030405060708", "7FF#R4", "00000042#R0"],
            bus.Transmitted.Select(f => f.ToString()));
        Assert.Equal(
            toHost.Select(f => f.ToString()),
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        // python-can's bitrate=250000 is S5 sent while closed, then O; shutdown closes with C.
        Assert.Equal("S5", adapter.BitRate);
        Assert.Contains("O", adapter.Commands);
        Assert.Equal("C", adapter.Commands[^1]);
    }

    [PtyPythonCanFact]
    public void TheEmulatedAdapterRefusesTransmitsWhileClosedAndUnknownCommands()
    {
        using var pty = new PtyPair();
        var bus = new EmulatedCanBus();
        using var adapter = new LawicelAdapter(pty.AdapterEnd, bus);
        // python-can's own reader: every reply up to CR or BEL, as it reads them.
        string output = PythonCan.Run("""
            import sys, can
            import time
            bus = can.interface.Bus(bustype='slcan', channel=sys.argv[1], bitrate=500000, sleep_after_open=0)
            bus.close()
            time.sleep(0.3)
            bus.flush()
            for cmd in ['t1230', 'S6', 'X', 'F', 'V', 'O', 't1230']:
                bus._write(cmd)
                print(repr(bus._read(2)), flush=True)
            bus.shutdown()
            """, pty.HostEnd);
        Assert.Equal(["'\\x07'", "'\\r'", "'\\x07'", "'F00\\r'", "'V1013\\r'", "'\\r'", "'z\\r'"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["123#"], bus.Transmitted.Select(f => f.ToString()));
    }
}
