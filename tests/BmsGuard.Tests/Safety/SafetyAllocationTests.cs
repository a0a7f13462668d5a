using BmsGuard.Tests.Support;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.SecOc;
using BmsGuard.Core.Safety;
using Xunit;

namespace BmsGuard.Tests.Safety;

/// <summary>The per-frame paths allocate nothing: state updates, interlock checks and SecOC verification.</summary>
public class SafetyAllocationTests
{
    private static readonly uint[] Ids = [0x0D0, 0x1F0, 0x1F1, 0x1F2, 0x1F3, 0x1F4, 0x3F0, 0x6B0, 0x7E4, 0x18FF50E5];

    [Fact]
    public void Observe_and_check_allocate_nothing_per_frame()
    {
        var state = ReferenceSafety.NewState();
        var table = ReferenceSafety.NewTable(state);
        var data = new byte[8];
        var random = new Random(1);
        int safe = 0;
        void Run(int frames)
        {
            for (int i = 0; i < frames; i++)
            {
                data[i & 7] = (byte)random.Next(256);
                uint id = Ids[i % Ids.Length];
                state.Observe(id, id > 0x7FF, data, 8 - (i % 3), i * 100L);
                if (table.Check(1 + (i % CommandType.Max), i * 100L) == SafetyResult.Safe)
                {
                    safe++;
                }
            }
        }

        Run(1000);
        Assert.Equal(0, SteadyAllocation.Of(() => Run(50_000)));
        Assert.Equal(201_000 / 2, state.FramesObserved); // 5 of the 10 ids are tapped
        Assert.True(safe > 0);
    }

    [Fact]
    public void Secoc_receive_allocates_nothing_per_frame()
    {
        byte[] key = new byte[16];
        Random.Shared.NextBytes(key);
        var sender = new SecOcSender(0x5B0, key, 0);
        var receiver = new SecOcReceiver(0x5B0, false, 0x5B0, 3, new NullAudit(), new SecOcLockout(int.MaxValue, 1, 1));
        receiver.Provision(key, 0);
        var frames = new byte[1 + (4 * 500)][];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = new byte[8];
            sender.Build([1, (byte)i], 0, 2, frames[i], 0);
        }

        receiver.Receive(0x5B0, false, frames[0], 8, 0);
        int accepted = 0;
        int next = 1;
        Assert.Equal(0, SteadyAllocation.Of(() =>
        {
            for (int n = 0; n < 500; n++, next++)
            {
                accepted += receiver.Receive(0x5B0, false, frames[next], 8, next) == SecOcVerdict.Accepted ? 1 : 0;
                receiver.Receive(0x5B0, false, frames[next], 8, next); // replay: the denial path too
            }
        }));
        Assert.Equal(frames.Length - 1, accepted);
        Assert.Equal(frames.Length - 1, receiver.Count(SecOcVerdict.Replayed));
    }

    [Fact]
    public void Secoc_lockout_allocates_nothing_per_frame()
    {
        byte[] key = new byte[16];
        Random.Shared.NextBytes(key);
        var receiver = new SecOcReceiver(0x5B0, false, 0x5B0, 3, new NullAudit());
        receiver.Provision(key, 0);
        byte[] forged = [1, 2, 3, 4, 5, 6, 7, 8];
        long now = 0;
        Assert.Equal(0, SteadyAllocation.Of(() =>
        {
            // Each round: failures until the lockout starts, refused frames, then past its end.
            for (int n = 0; n < 100; n++)
            {
                receiver.Receive(0x5B0, false, forged, 8, now++);
            }

            now += SecOcLockout.DefaultLockoutMicros;
        }));
        Assert.True(receiver.Lockout.Lockouts >= 3);
        Assert.True(receiver.Count(SecOcVerdict.LockedOut) > 0);
    }

    private sealed class NullAudit : IAuditTrail
    {
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
        }
    }
}
