using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Per-identifier minimum intervals: exact boundary, independence of identifiers, counters.</summary>
    [TestClass]
    public class RateLimitTests
    {
        private const long Ms = 1000;

        [TestMethod]
        public void FrameAtExactlyTheIntervalPasses()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 every=100ms\n");
            long t0 = 1000;
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, t0), "first frame");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x1F0, t0 + (100 * Ms) - 1), "1 us early");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, t0 + (100 * Ms)), "exactly 100 ms later");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x1F0, t0 + (200 * Ms) - 1), "1 us early again");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, t0 + (200 * Ms)), "200 ms");
        }

        [TestMethod]
        public void DroppedFramesDoNotRestartTheInterval()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 every=100ms\n");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 0), "t=0");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x1F0, 60 * Ms), "t=60ms");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 100 * Ms), "t=100ms counts from the last forwarded frame");
        }

        [TestMethod]
        public void IdsUnderOneMaskedRuleAreLimitedIndependently()
        {
            Gateway gateway = TestTables.NewGateway("rule cells id=0x100 mask=0x7F0 every=100ms\n");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x101, 0), "0x101 first");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x102, 1), "0x102 first, right after 0x101");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x101, 2), "0x101 again");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x102, 3), "0x102 again");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x101, 100 * Ms), "0x101 after its interval");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, 0x102, 100 * Ms), "0x102 is 1 us short");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x102, (100 * Ms) + 1), "0x102 after its interval");
            Assert.AreEqual(4L, gateway.Rules[0].Handled);
            Assert.AreEqual(3L, gateway.Rules[0].Dropped);
        }

        [TestMethod]
        public void StandardAndExtendedIdsWithTheSameNumberAreLimitedIndependently()
        {
            Gateway gateway = TestTables.NewGateway(
                "rule std id=0x100 every=1s\n" +
                "rule ext id=0x00000100 ext every=1s\n");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x100, 0), "standard 0x100");
            Expect.Verdict(Verdict.Forward, TestTables.FromBmsExtended(gateway, 0x100, 0), "extended 0x100");
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBmsExtended(gateway, 0x100, 1), "extended 0x100 again");
        }

        [TestMethod]
        public void RuleWithoutIntervalIsNeverLimited()
        {
            Gateway gateway = TestTables.NewGateway("rule fast id=0x200\n");
            for (int i = 0; i < 50; i++)
            {
                Verdict v = TestTables.FromBms(gateway, 0x200, 0);
                if (v != Verdict.Forward)
                {
                    Expect.Verdict(Verdict.Forward, v, "frame " + i.ToString());
                }
            }

            Assert.AreEqual(50L, gateway.Rules[0].Handled);
        }

        [TestMethod]
        public void SingleIdRulesKeepTheSharedTablesRules()
        {
            // A single-identifier rule keeps its state per rule, a masked one in the shared table:
            // both must give the same verdicts, including a clock that went back (too soon).
            Gateway gateway = TestTables.NewGateway(
                "rule one id=0x1F0 every=100ms\n" +
                "rule many id=0x200 mask=0x7F0 every=100ms\n");
            uint[] ids = new uint[] { 0x1F0, 0x205 };
            for (int i = 0; i < ids.Length; i++)
            {
                string name = ids[i].ToString("X3");
                Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, ids[i], -5 * Ms), name + " first frame, at a negative clock reading");
                Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, ids[i], -6 * Ms), name + " clock went back");
                Expect.Verdict(Verdict.RateLimited, TestTables.FromBms(gateway, ids[i], 95 * Ms - 1), name + " 1 us early");
                Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, ids[i], 95 * Ms), name + " interval passed");
            }

            Assert.AreEqual(2L, gateway.Rules[0].Handled);
            Assert.AreEqual(2L, gateway.Rules[0].Dropped);
            Assert.AreEqual(gateway.Rules[0].Handled, gateway.Rules[1].Handled);
            Assert.AreEqual(gateway.Rules[0].Dropped, gateway.Rules[1].Dropped);
        }

        [TestMethod]
        public void ManySingleIdRulesNeverRunOutOfRateState()
        {
            RuleTable table = new RuleTable();
            for (int i = 0; i < 3000; i++)
            {
                table.Add(new FilterRule("r" + i.ToString(), 0x18000000u + (uint)i, FilterRule.ExtendedIdMax, true, false, false, 100 * Ms, null));
            }

            Gateway gateway = new Gateway(table);
            for (int i = 0; i < 3000; i++)
            {
                Verdict v = TestTables.FromBmsExtended(gateway, 0x18000000u + (uint)i, 0);
                if (v != Verdict.Forward)
                {
                    Expect.Verdict(Verdict.Forward, v, "rule " + i.ToString());
                }
            }

            Assert.AreEqual(0L, gateway.Count(GatewayPort.Bms, Verdict.RateStateFull));
            Expect.Verdict(Verdict.RateLimited, TestTables.FromBmsExtended(gateway, 0x18000000u + 2999, 1), "the last one still remembers its time");
        }

        [TestMethod]
        public void RateLimiterRemembersEachIdentifier()
        {
            RateLimiter limiter = new RateLimiter(16);
            Assert.AreEqual(RateLimiter.Pass, limiter.Check(0x1F0, false, 0, 10));
            Assert.AreEqual(RateLimiter.TooSoon, limiter.Check(0x1F0, false, 9, 10));
            Assert.AreEqual(RateLimiter.Pass, limiter.Check(0x1F0, false, 10, 10));
            Assert.AreEqual(RateLimiter.Pass, limiter.Check(0x1F0, true, 10, 10), "extended 0x1F0 is another id");
            Assert.AreEqual(2, limiter.Used);
            limiter.Clear();
            Assert.AreEqual(0, limiter.Used);
            Assert.AreEqual(RateLimiter.Pass, limiter.Check(0x1F0, false, 11, 10), "forgotten after Clear");
        }

        [TestMethod]
        public void RateLimiterFailsClosedWhenFull()
        {
            RateLimiter limiter = new RateLimiter(4);
            Assert.AreEqual(8, limiter.Capacity, "room for twice the requested identifiers, rounded to a power of two");
            for (uint id = 1; id <= 8; id++)
            {
                Assert.AreEqual(RateLimiter.Pass, limiter.Check(id, false, 0, 100), "id " + id.ToString());
            }

            Assert.AreEqual(8, limiter.Used);
            Assert.AreEqual(RateLimiter.Full, limiter.Check(9, false, 0, 100), "a ninth id finds no slot");
            Assert.AreEqual(RateLimiter.Full, limiter.Check(9, false, 1000000, 100), "and never gets one later");
            Assert.AreEqual(RateLimiter.TooSoon, limiter.Check(3, false, 50, 100), "known ids keep their state");
            Assert.AreEqual(RateLimiter.Pass, limiter.Check(3, false, 100, 100));
        }

        [TestMethod]
        public void GatewayReportsRateStateFullAndNeverForwardsThoseFrames()
        {
            // A mask-0 rule can match 2048 ids but its rate state is sized for 256.
            Gateway gateway = TestTables.NewGateway("rule any id=0x000 mask=0x000 every=1ms\n");
            Assert.AreEqual(256, gateway.Rules.RateStateCapacity());
            bool[] refused = new bool[2048];
            long forwarded = 0;
            long full = 0;
            for (uint id = 0; id < 2048; id++)
            {
                Verdict v = TestTables.FromBms(gateway, id, 0);
                if (v == Verdict.Forward)
                {
                    forwarded++;
                }
                else if (v == Verdict.RateStateFull)
                {
                    full++;
                    refused[id] = true;
                }
                else
                {
                    Expect.Verdict(Verdict.Forward, v, "first frame of " + Expect.Id(id));
                }
            }

            Assert.IsTrue(forwarded >= 256, "at least the sized capacity is usable");
            Assert.IsTrue(full >= 2048 - 512, "the table holds at most 512 ids");
            Assert.AreEqual(2048L, forwarded + full);
            Assert.AreEqual(full, gateway.Count(GatewayPort.Bms, Verdict.RateStateFull));
            Assert.AreEqual(full, gateway.Rules[0].Dropped);
            Assert.AreEqual(forwarded, gateway.Rules[0].Handled);

            // Fail closed: a refused id stays refused, a tracked id stays limited.
            for (uint id = 0; id < 2048; id++)
            {
                Verdict later = TestTables.FromBms(gateway, id, 10000000);
                Verdict expected = refused[id] ? Verdict.RateStateFull : Verdict.Forward;
                if (later != expected)
                {
                    Expect.Verdict(expected, later, "10 s later, " + Expect.Id(id));
                }
            }
        }

        [TestMethod]
        public void SizedRateStateHoldsEveryIdOfSmallMaskedRules()
        {
            // Four rules of 256 ids each: RateStateCapacity promises a slot for every one of them.
            Gateway gateway = TestTables.NewGateway(
                "rule low   id=0x000 mask=0x700 every=10ms\n" +
                "rule high  id=0x700 mask=0x700 every=10ms\n" +
                "rule j1939 id=0x18FF5000 mask=0x1FFFFF00 ext every=10ms\n" +
                "rule prop  id=0x0CF00400 mask=0x1FFFFF00 ext every=10ms\n");
            Assert.AreEqual(1024, gateway.Rules.RateStateCapacity());
            for (uint low = 0; low < 256; low++)
            {
                ForwardOnce(gateway, low, false);
                ForwardOnce(gateway, 0x700 | low, false);
                ForwardOnce(gateway, 0x18FF5000 | low, true);
                ForwardOnce(gateway, 0x0CF00400 | low, true);
            }

            Assert.AreEqual(0L, gateway.Count(GatewayPort.Bms, Verdict.RateStateFull));
        }

        private static void ForwardOnce(Gateway gateway, uint id, bool extended)
        {
            Verdict v = gateway.Decide(GatewayPort.Bms, id, extended, false, TestTables.Payload(), 8, 0);
            if (v != Verdict.Forward)
            {
                Expect.Verdict(Verdict.Forward, v, (extended ? "extended " : "standard ") + Expect.Id(id));
            }
        }
    }
}
