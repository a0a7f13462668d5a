using BmsGuard.Core.Faults;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// The device's main loop counts a step's exception and goes on; it restarts the device only when the heap stays
    /// exhausted or every pass has failed for long, and writes a bounded number of audit records.
    /// </summary>
    [TestClass]
    public class LoopFaultsTests
    {
        private const long Second = 1000000;

        [TestMethod]
        public void EachFaultIsCountedByStepAndClass()
        {
            LoopFaults faults = new LoopFaults();
            faults.Fault(LoopStep.Tick, new System.IO.IOException(), Second);
            faults.Fault(LoopStep.Tick, new System.ArgumentOutOfRangeException(), 2 * Second);
            faults.Fault(LoopStep.Poll, new System.NullReferenceException(), 3 * Second);

            Assert.AreEqual(2L, faults.OfStep(LoopStep.Tick));
            Assert.AreEqual(1L, faults.OfStep(LoopStep.Poll));
            Assert.AreEqual(0L, faults.OfStep(LoopStep.Time));
            Assert.AreEqual(1L, faults.OfClass(FaultClass.Io));
            Assert.AreEqual(1L, faults.OfClass(FaultClass.Argument), "a derived exception counts as its base class");
            Assert.AreEqual(1L, faults.OfClass(FaultClass.NullReference));
            Assert.AreEqual(3L, faults.Total);
            Assert.AreEqual(LoopStep.Poll, faults.LastStep);
            Assert.AreEqual(FaultClass.NullReference, faults.LastClass);
        }

        [TestMethod]
        public void EveryClassIsToldApartAndNamedAndItsNameParsesBack()
        {
            Assert.AreEqual(FaultClass.OutOfMemory, FaultClass.Of(new System.OutOfMemoryException()));
            Assert.AreEqual(FaultClass.Io, FaultClass.Of(new System.IO.IOException()));
            Assert.AreEqual(FaultClass.Argument, FaultClass.Of(new System.ArgumentNullException()));
            // Not derived from InvalidOperationException on nanoFramework, unlike .NET: named on its own.
            Assert.AreEqual(FaultClass.InvalidOperation, FaultClass.Of(new System.ObjectDisposedException("x")));
            Assert.AreEqual(FaultClass.NullReference, FaultClass.Of(new System.NullReferenceException()));
            Assert.AreEqual(FaultClass.IndexOutOfRange, FaultClass.Of(new System.IndexOutOfRangeException()));
            Assert.AreEqual(FaultClass.NotSupported, FaultClass.Of(new System.NotSupportedException()));
            Assert.AreEqual(FaultClass.Other, FaultClass.Of(new System.Exception()));
            for (int c = 0; c < FaultClass.Count; c++)
            {
                Assert.AreEqual(c, FaultClass.Parse(FaultClass.Name(c)), FaultClass.Name(c));
            }

            Assert.AreEqual(-1, FaultClass.Parse("class-8"));
            Assert.AreEqual("class-8", FaultClass.Name(FaultClass.Count));
        }

        [TestMethod]
        public void ThreeOutOfMemoryFaultsWithoutACleanPassRestartTheDevice()
        {
            LoopFaults faults = new LoopFaults();
            Assert.AreEqual(LoopFaults.Record, faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), Second));
            faults.PassEnded();
            Assert.AreEqual(LoopFaults.GoOn, faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), 2 * Second));
            faults.PassEnded();
            Assert.AreEqual(LoopFaults.Restart, faults.Fault(LoopStep.Poll, new System.OutOfMemoryException(), 3 * Second));
        }

        [TestMethod]
        public void ACleanPassClearsTheOutOfMemoryRun()
        {
            LoopFaults faults = new LoopFaults();
            faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), Second);
            faults.PassEnded();
            faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), 2 * Second);
            faults.PassEnded();
            faults.PassEnded();
            Assert.AreEqual(0, faults.InARow, "a clean pass ends the run");
            Assert.AreNotEqual(LoopFaults.Restart, faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), 3 * Second));
            Assert.AreNotEqual(LoopFaults.Restart, faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), 4 * Second));
            Assert.AreEqual(LoopFaults.Restart, faults.Fault(LoopStep.Tick, new System.OutOfMemoryException(), 5 * Second));
        }

        [TestMethod]
        public void OtherFaultsRestartOnlyAfterTheRunOfFailedPassesIsLong()
        {
            LoopFaults faults = new LoopFaults(3, 5, 0);
            for (int pass = 1; pass < 5; pass++)
            {
                Assert.AreNotEqual(LoopFaults.Restart, faults.Fault(LoopStep.Tick, new System.IO.IOException(), pass * Second), "pass " + pass.ToString());
                Assert.AreNotEqual(LoopFaults.Restart, faults.Fault(LoopStep.Status, new System.IO.IOException(), pass * Second), "two faults, one pass");
                faults.PassEnded();
            }

            Assert.AreEqual(4, faults.InARow);
            Assert.AreEqual(LoopFaults.Restart, faults.Fault(LoopStep.Tick, new System.IO.IOException(), 5 * Second));
            Assert.AreEqual(LoopFaults.DefaultInARowRestart, new LoopFaults().InARowRestart);
            Assert.AreEqual(10 * 60 * 1000 / 50, LoopFaults.DefaultInARowRestart, "the default run is ten minutes of 50 ms passes");
        }

        [TestMethod]
        public void RecordsAreTheFirstThenOneAMinuteAndTheirDetailCountsWhatWasNotRecorded()
        {
            LoopFaults faults = new LoopFaults();
            byte[] detail = new byte[LoopFaults.DetailLength];
            Assert.AreEqual(LoopFaults.Record, faults.Fault(LoopStep.Tick, new System.IO.IOException(), 10 * Second));
            int goOn = 0;
            for (int i = 1; i < 100; i++)
            {
                // A fault every 500 ms for 50 s: none recorded.
                goOn += faults.Fault(LoopStep.Tick, new System.IO.IOException(), (10 * Second) + (i * Second / 2)) == LoopFaults.GoOn ? 1 : 0;
                faults.PassEnded();
            }

            Assert.AreEqual(99, goOn);
            Assert.AreEqual(99L, faults.Unrecorded);
            Assert.AreEqual(LoopFaults.Record, faults.Fault(LoopStep.Tick, new System.IO.IOException(), 70 * Second));
            faults.WriteDetail(detail, true);
            Assert.AreEqual((byte)FaultClass.Io, detail[0]);
            Assert.AreEqual((byte)1, detail[1], "restart flag");
            Assert.AreEqual(101, (detail[2] << 24) | (detail[3] << 16) | (detail[4] << 8) | detail[5], "faults of the step since boot");
            Assert.AreEqual(99, (detail[6] << 24) | (detail[7] << 16) | (detail[8] << 8) | detail[9], "not recorded before this one");
            Assert.AreEqual(0L, faults.Unrecorded);
        }

        [TestMethod]
        public void AClockThatWentBackDoesNotSilenceTheRecords()
        {
            LoopFaults faults = new LoopFaults();
            faults.Fault(LoopStep.Time, new System.Exception(), 1800000000L * Second);
            Assert.AreEqual(LoopFaults.Record, faults.Fault(LoopStep.Time, new System.Exception(), 5 * Second));
        }

        [TestMethod]
        public void TheStatusLineNamesStepsClassesTheRunAndTheLastFault()
        {
            LoopFaults faults = new LoopFaults();
            Assert.AreEqual("loop faults: 0", faults.Status());
            faults.Fault(LoopStep.Tick, new System.IO.IOException(), Second);
            faults.PassEnded();
            faults.Fault(LoopStep.Poll, new System.OutOfMemoryException(), 2 * Second);
            Assert.AreEqual("loop faults: 2 (poll 1, tick 1; out-of-memory 1, io 1), in a row 2, last poll out-of-memory", faults.Status());
        }

        [TestMethod]
        public void AStepThatIsNoneIsRefusedAndBadPoliciesAreRefused()
        {
            LoopFaults faults = new LoopFaults();
            Assert.ThrowsException(typeof(System.ArgumentException), () => faults.Fault(LoopStep.Count, new System.Exception(), 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => faults.Fault(-1, new System.Exception(), 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new LoopFaults(0, 1, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new LoopFaults(1, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new LoopFaults(1, 1, -1));
            Assert.AreEqual(0L, faults.Total, "a refused call counts nothing");
        }

        [TestMethod]
        public void TheStallWatchFiresAfterItsLimitOfQuietChecksAndABeatResetsIt()
        {
            StallWatch watch = new StallWatch(3);
            Assert.IsFalse(watch.Check());
            Assert.IsFalse(watch.Check());
            watch.Beat();
            Assert.IsFalse(watch.Check(), "a beat since the last check");
            Assert.AreEqual(0, watch.Quiet);
            Assert.IsFalse(watch.Check());
            Assert.IsFalse(watch.Check());
            Assert.IsTrue(watch.Check(), "three quiet checks");
            Assert.IsTrue(watch.Check(), "and it stays stalled");
            Assert.AreEqual(StallWatch.DefaultQuietChecks, new StallWatch().QuietChecks);
            Assert.ThrowsException(typeof(System.ArgumentException), () => new StallWatch(0));
        }
    }
}
