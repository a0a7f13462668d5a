using BmsGuard.Core.Audit;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>A port over its receive budget pauses, is audited at start and end, and counts what it dropped.</summary>
    [TestClass]
    public class ReceiveBudgetTests
    {
        private const long Ms = 1000;

        [TestMethod]
        public void TheBudgetIsExactThenTheNextFramePausesTheTcuAndIsAudited()
        {
            SecOcAuditLog audit = new SecOcAuditLog();
            ReceiveBudget budget = Tcu(audit);
            for (int i = 0; i < ReceiveBudget.DefaultTcuFrames; i++)
            {
                Assert.IsTrue(budget.Admit(1, 50 * Ms), "frame " + i.ToString());
            }

            Assert.IsFalse(budget.Paused);
            Assert.IsFalse(budget.Admit(1, 99 * Ms), "one over, still inside the window");
            Assert.IsTrue(budget.Paused);
            Assert.AreEqual(1L, budget.Pauses);
            Assert.AreEqual(1, audit.Count(AuditKind.ReceivePaused));
            Assert.AreEqual((int)GatewayPort.Tcu, audit.LastReason, "reason: the port");
            Assert.AreEqual((uint)(ReceiveBudget.DefaultTcuFrames + 1), AuditRecord.GetUInt32(audit.LastDetail, 0), "frames counted");
            Assert.AreEqual(100u, AuditRecord.GetUInt32(audit.LastDetail, 4), "window in ms");
            Assert.AreEqual(1000u, AuditRecord.GetUInt32(audit.LastDetail, 8), "pause in ms");
        }

        [TestMethod]
        public void AFullBudgetEveryWindowNeverPauses()
        {
            ReceiveBudget budget = Tcu(new SecOcAuditLog());
            for (int w = 0; w < 50; w++)
            {
                long start = w * ReceiveBudget.DefaultWindowMicros;
                Assert.IsTrue(budget.Admit(ReceiveBudget.DefaultTcuFrames - 8, start), "window " + w.ToString());
                Assert.IsTrue(budget.Admit(8, start + ReceiveBudget.DefaultWindowMicros - 1));
            }

            Assert.AreEqual(0L, budget.Pauses);
        }

        [TestMethod]
        public void ABurstOfOneDrainPausesAtOnceAndFramesDuringThePauseDoNotStartAnother()
        {
            SecOcAuditLog audit = new SecOcAuditLog();
            ReceiveBudget budget = Tcu(audit);
            Assert.IsFalse(budget.Admit(ReceiveBudget.DefaultTcuFrames + 1, 0));
            Assert.IsTrue(budget.Paused);
            Assert.IsFalse(budget.Admit(ReceiveBudget.DefaultTcuFrames + 1, 10 * Ms));
            Assert.AreEqual(1L, budget.Pauses);
            Assert.AreEqual(1, audit.Count(AuditKind.ReceivePaused));
        }

        [TestMethod]
        public void ThePauseEndsAfterItsTimeAndTheResumeCountsWhatWasDropped()
        {
            SecOcAuditLog audit = new SecOcAuditLog();
            ReceiveBudget budget = Tcu(audit);
            budget.Admit(ReceiveBudget.DefaultTcuFrames + 1, 10 * Ms);
            Assert.IsFalse(budget.Ended(10 * Ms + ReceiveBudget.DefaultPauseMicros - 1), "1 us early");
            Assert.IsTrue(budget.Ended(10 * Ms + ReceiveBudget.DefaultPauseMicros));
            budget.Resume(3, 10 * Ms + ReceiveBudget.DefaultPauseMicros + 5);
            Assert.IsFalse(budget.Paused);
            Assert.AreEqual(3L, budget.Flushed);
            Assert.AreEqual(ReceiveBudget.DefaultPauseMicros + 5, budget.PausedMicros);
            Assert.AreEqual(AuditKind.ReceiveResumed, audit.LastKind);
            Assert.AreEqual(3u, AuditRecord.GetUInt32(audit.LastDetail, 0), "frames dropped unjudged");

            // Counting starts over at the resume: a full budget fits again.
            Assert.IsTrue(budget.Admit(ReceiveBudget.DefaultTcuFrames, 10 * Ms + ReceiveBudget.DefaultPauseMicros + 6));
        }

        [TestMethod]
        public void AClockThatWentBackRestartsThePauseInsteadOfEndingItOrKeepingItForever()
        {
            ReceiveBudget budget = Tcu(new SecOcAuditLog());
            budget.Admit(ReceiveBudget.DefaultTcuFrames + 1, 5000 * Ms);
            Assert.IsFalse(budget.Ended(10 * Ms), "the clock went back");
            Assert.IsFalse(budget.Ended(10 * Ms + ReceiveBudget.DefaultPauseMicros - 1));
            Assert.IsTrue(budget.Ended(10 * Ms + ReceiveBudget.DefaultPauseMicros), "one pause after the reading that went back");
        }

        [TestMethod]
        public void ABudgetWithoutLimitNeverPausesAndTheGatewayLimitsOnlyTheTcu()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100\n");
            ReceiveBudget bms = gateway.Budget(GatewayPort.Bms);
            Assert.IsFalse(bms.Limited);
            Assert.IsTrue(bms.Admit(1000000, 0));
            Assert.IsFalse(bms.Paused);
            Assert.AreEqual(ReceiveBudget.DefaultTcuFrames, gateway.Budget(GatewayPort.Tcu).MaxFrames);
            Assert.AreEqual((int)GatewayPort.Tcu, (int)gateway.Budget(GatewayPort.Tcu).Port);
        }

        [TestMethod]
        public void BadSettingsAreRefused()
        {
            ReceiveBudget budget = new ReceiveBudget(GatewayPort.Bms);
            Assert.ThrowsException(typeof(System.ArgumentException), () => budget.Set(-1, Ms, Ms));
            Assert.ThrowsException(typeof(System.ArgumentException), () => budget.Set(10, 0, Ms));
            Assert.ThrowsException(typeof(System.ArgumentException), () => budget.Set(10, Ms, 0));
        }

        private static ReceiveBudget Tcu(SecOcAuditLog audit)
        {
            ReceiveBudget budget = new ReceiveBudget(GatewayPort.Tcu);
            budget.Set(ReceiveBudget.DefaultTcuFrames, ReceiveBudget.DefaultWindowMicros, ReceiveBudget.DefaultPauseMicros);
            budget.Audit = audit;
            return budget;
        }
    }
}
