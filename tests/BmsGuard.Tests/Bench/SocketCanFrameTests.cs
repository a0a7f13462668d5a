using System.Diagnostics;
using System.Globalization;
using System.Text;
using BmsGuard.HostSim.Bench;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>
/// SocketCAN frame layout against the kernel's own headers (a C program filling struct can_frame and
/// struct canfd_frame from linux/can.h field by field) and against python-can's socketcan packing.
/// </summary>
public sealed class SocketCanFrameTests
{
    // (id, extended, remote, error, fd, brs, esi, len8_dlc, data)
    private static readonly (uint Id, bool Ext, bool Rtr, bool Err, bool Fd, bool Brs, bool Esi, int Len8, byte[] Data)[] Cases =
    [
        (0x123, false, false, false, false, false, false, 0, [0x11, 0x22, 0x33]),
        (0x1ABCDEF0, true, false, false, false, false, false, 0, [1, 2, 3, 4, 5, 6, 7, 8]),
        (0x7FF, false, true, false, false, false, false, 0, [0, 0, 0, 0]),
        (0x40, false, false, true, false, false, false, 0, [0, 0, 0, 0, 0, 0, 0, 0]),
        (0x3F0, false, false, false, false, false, false, 12, [8, 7, 6, 5, 4, 3, 2, 1]),
        (0x18FF50E5, true, false, false, true, true, false, 0, Enumerable.Range(1, 12).Select(i => (byte)i).ToArray()),
        (0x100, false, false, false, true, false, true, 0, Enumerable.Range(0, 64).Select(i => (byte)(255 - i)).ToArray()),
    ];

    public static string? GccSkip => File.Exists("/usr/include/linux/can.h") && Which("gcc") ? null : "gcc or linux/can.h (linux-libc-dev) not installed";

    [Fact]
    public void LayoutIsTheKernelsStructCanFrameAndCanFdFrame()
    {
        if (GccSkip is { } why)
        {
            Assert.Fail(why); // both are in CI's Debian image with the .NET SDK's build tools; say so loudly if not
        }

        var c = new StringBuilder("""
            #include <stdio.h>
            #include <string.h>
            #include <stddef.h>
            #include <linux/can.h>
            static void dump(const void *p, size_t n) { const unsigned char *b = p; for (size_t i = 0; i < n; i++) printf("%02X", b[i]); printf("\n"); }
            int main(void) {
              printf("%zu %zu %zu %zu %zu %zu\n", sizeof(struct can_frame), sizeof(struct canfd_frame), offsetof(struct can_frame, len), offsetof(struct can_frame, len8_dlc), offsetof(struct can_frame, data), offsetof(struct canfd_frame, flags));
            """);
        foreach (var k in Cases)
        {
            string id = $"0x{k.Id:X}u{(k.Ext ? " | CAN_EFF_FLAG" : "")}{(k.Rtr ? " | CAN_RTR_FLAG" : "")}{(k.Err ? " | CAN_ERR_FLAG" : "")}";
            string data = string.Join(",", k.Data.Select(b => b.ToString(CultureInfo.InvariantCulture)));
            c.AppendLine(k.Fd
                ? $"  {{ struct canfd_frame f; memset(&f, 0, sizeof f); f.can_id = {id}; f.len = {k.Data.Length}; f.flags = CANFD_FDF{(k.Brs ? " | CANFD_BRS" : "")}{(k.Esi ? " | CANFD_ESI" : "")}; unsigned char d[] = {{{data}}}; memcpy(f.data, d, sizeof d); dump(&f, sizeof f); }}"
                : $"  {{ struct can_frame f; memset(&f, 0, sizeof f); f.can_id = {id}; f.len = {k.Data.Length}; f.len8_dlc = {k.Len8}; unsigned char d[] = {{{data}}}; {(k.Rtr ? "(void)d;" : "memcpy(f.data, d, sizeof d);")} dump(&f, sizeof f); }}");
        }

        c.AppendLine("  return 0; }");
        using var dir = new TempDir();
        string src = dir.File("layout.c", c.ToString());
        string exe = Path.Combine(dir.Path, "layout");
        Run("gcc", "-o", exe, src);
        var lines = Run(exe).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("16 72 4 7 8 5", lines[0]);
        for (int i = 0; i < Cases.Length; i++)
        {
            var frame = Frame(Cases[i]);
            var bytes = new byte[SocketCanFrame.FdSize];
            int n = SocketCanFrame.Encode(frame, bytes);
            Assert.Equal(lines[i + 1], Convert.ToHexString(bytes, 0, n));

            var back = new CaptureFrame();
            Assert.Null(SocketCanFrame.Decode(Convert.FromHexString(lines[i + 1]), n, back));
            Assert.Equal(Describe(frame), Describe(back));
        }
    }

    [PythonCanFact]
    public void PackingMatchesPythonCan()
    {
        // python-can 4.1 packs the header as "=IBB2x" and predates CANFD_FDF: compare without that bit.
        string script = """
            import sys, can
            from can.interfaces.socketcan.socketcan import build_can_frame
            for arg in sys.argv[1:]:
                i, ext, rtr, err, fd, brs, esi, data = arg.split(':')
                m = can.Message(arbitration_id=int(i, 16), is_extended_id=ext == '1', is_remote_frame=rtr == '1', is_error_frame=err == '1',
                                is_fd=fd == '1', bitrate_switch=brs == '1', error_state_indicator=esi == '1', data=bytes.fromhex(data), dlc=len(bytes.fromhex(data)))
                if rtr == '1':
                    m.data = bytearray(); m.dlc = len(bytes.fromhex(data))
                print(build_can_frame(m).hex().upper())
            """;
        var classic = Cases.Where(k => k.Len8 == 0).ToArray();
        var args = classic.Select(k => string.Join(':', k.Id.ToString("X"), B(k.Ext), B(k.Rtr), B(k.Err), B(k.Fd), B(k.Brs), B(k.Esi), Convert.ToHexString(k.Data))).ToArray();
        var lines = PythonCan.Run(script, args).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < classic.Length; i++)
        {
            var bytes = new byte[SocketCanFrame.FdSize];
            int n = SocketCanFrame.Encode(Frame(classic[i]), bytes);
            bytes[5] &= unchecked((byte)~SocketCanFrame.Fdf);
            Assert.Equal(lines[i], Convert.ToHexString(bytes, 0, n));
        }
    }

    [Fact]
    public void ShortOrOverlongReadsAreRefused()
    {
        Assert.Equal("15 bytes are neither a can_frame nor a canfd_frame", SocketCanFrame.Decode(new byte[72], 15, new CaptureFrame()));
        var b = new byte[16];
        b[4] = 9;
        Assert.Equal("length 9 is too long", SocketCanFrame.Decode(b, 16, new CaptureFrame()));
    }

    private static string B(bool b) => b ? "1" : "0";

    private static CaptureFrame Frame((uint Id, bool Ext, bool Rtr, bool Err, bool Fd, bool Brs, bool Esi, int Len8, byte[] Data) k)
    {
        var f = new CaptureFrame { Id = k.Id, Extended = k.Ext, Remote = k.Rtr, Error = k.Err, Fd = k.Fd, BitRateSwitch = k.Brs, ErrorStateIndicator = k.Esi, Len8Dlc = k.Len8, Length = k.Data.Length };
        k.Data.CopyTo(f.Data, 0);
        return f;
    }

    private static string Describe(CaptureFrame f) =>
        $"{f.Id:X} {f.Extended} {f.Remote} {f.Error} {f.Fd} {f.BitRateSwitch} {f.ErrorStateIndicator} {f.Len8Dlc} {f.Length} {(f.Remote ? "" : Convert.ToHexString(f.Data, 0, f.Length))}";

    private static string Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed: {stderr}");
        return stdout.Result;
    }

    private static bool Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
}
