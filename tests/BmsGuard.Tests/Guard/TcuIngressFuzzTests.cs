using System.Diagnostics;
using BmsGuard.Core;
using BmsGuard.Device;
using Xunit;

namespace BmsGuard.Tests.Guard;

/// <summary>
/// Random and ISO-TP-shaped frames on the guarded TCU channels (command channel, UDS physical and
/// functional, 29-bit UDS, SecOC-less ids): the ingress never throws or hangs, every verdict is a
/// named one, the guard never sends the BMS anything of its own, and whatever it answers the TCU
/// is a well-formed 8-byte frame. Seeded, so a failure reproduces.
/// </summary>
public class TcuIngressFuzzTests
{
    private static readonly uint[] Ids = [0x6A0, 0x7E4, 0x7DF, 0x18DA40F1, 0x5A0, 0x6A8, 0x123];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_frames_on_guarded_channels_are_denied_or_passed_cleanly(int seed)
    {
        var outbox = new Outbox();
        var guard = new BmsGuard.Device.Guard(GuardFiles.InMemory(), outbox, 0);
        var rng = new Random(seed);
        var seen = new int[VerdictNames.Count];
        byte[] buffer = new byte[12];
        long now = 1_000_000;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 100_000; i++)
        {
            uint id = Ids[rng.Next(Ids.Length)];
            bool extended = id > 0x7FF;
            int length = rng.Next(12) switch { 0 => -1, 1 => 9, 2 => 0, _ => rng.Next(1, 9) };
            rng.NextBytes(buffer);

            // Mostly plausible ISO-TP: a PCI nibble 0..3 with small lengths, so reassembly gets deep.
            if (rng.Next(4) > 0)
            {
                buffer[0] = (byte)((rng.Next(4) << 4) | rng.Next(rng.Next(2) == 0 ? 8 : 16));
                if (buffer[0] >> 4 == 1)
                {
                    buffer[1] = (byte)rng.Next(rng.Next(2) == 0 ? 64 : 256);
                }
            }

            byte[]? data = rng.Next(50) == 0 ? null : length is >= 0 and <= 8 && rng.Next(3) == 0 ? buffer[..length] : buffer;
            now += rng.Next(10) == 0 ? -rng.Next(1000) : rng.Next(0, 200_000);
            Verdict verdict = guard.Ingress.Decide(id, extended, rng.Next(30) == 0, data!, length, now);
            Assert.InRange((int)verdict, 0, VerdictNames.Count - 1);
            seen[(int)verdict]++;
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no hang");
        Assert.Equal(0, outbox.ToBms);
        Assert.True(outbox.ToTcu > 0, "flow control and negative responses were produced");
        Assert.True(seen[(int)Verdict.CommandChannelError] > 0 && seen[(int)Verdict.UdsDenied] > 0 && seen[(int)Verdict.TcuDefaultDeny] > 0);
        Assert.True(guard.Commands.Count(BmsGuard.Core.Commands.CommandVerdict.Unprovisioned) > 0, "some random envelopes were reassembled whole");
    }

    private sealed class Outbox : IFrameOutbox
    {
        public int ToBms;
        public int ToTcu;

        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
        {
            Assert.Equal(8, length);
            Assert.True(data.Length >= 8);
            if (to == GatewayPort.Bms)
            {
                ToBms++;
            }
            else
            {
                ToTcu++;
            }

            return true;
        }
    }
}
