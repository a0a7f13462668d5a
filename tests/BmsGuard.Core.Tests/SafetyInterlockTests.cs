using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The reference interlocks on live state: safe, unsafe, stale, unknown, boundaries, alternatives, coverage, counters.</summary>
    [TestClass]
    public class SafetyInterlockTests
    {
        private const long Now = 10000000;

        [TestMethod]
        public void OpenContactorsAtStandstillBelowFiveAmps()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            SafetyFrames.Parked(state, 49, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenContactors, Now), "4.9 A");
            SafetyFrames.Parked(state, -49, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenContactors, Now), "-4.9 A (charging)");
            SafetyFrames.Parked(state, 50, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenContactors, Now), "5.0 A is not below 5");
            SafetyFrames.Parked(state, -50, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenContactors, Now), "-5.0 A: |I| is not below 5");
            SafetyFrames.Parked(state, 0, Now);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(1, 0), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenContactors, Now), "0.01 km/h is moving");
        }

        [TestMethod]
        public void StaleAndUnknownStateIsDenied()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(CommandType.OpenContactors, Now), "nothing seen");
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 0), 8, Now);
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(CommandType.OpenContactors, Now), "current never seen");
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, 0, 100), 8, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenContactors, Now + 200000), "pack status exactly 200 ms old");
            SafetyFrames.Result(SafetyResult.Stale, table.Check(CommandType.OpenContactors, Now + 200001), "pack status older than 200 ms");

            // Unknown outranks stale, stale outranks unsafe: the reason names what is missing.
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(3000, 0), 8, Now + 300000);
            SafetyFrames.Result(SafetyResult.Stale, table.Check(CommandType.OpenContactors, Now + 300000), "moving but current stale");
            state.Clear();
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, 900, 100), 8, Now);
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(CommandType.OpenContactors, Now), "90 A but speed unknown");
        }

        [TestMethod]
        public void DisableChargingNeverCutsDcFastChargingUnderCurrent()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 3), 8, Now);
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, -1500, 100), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.DisableCharging, Now), "DC charging at 150 A");
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, -99, 100), 8, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.DisableCharging, Now), "DC charging tapered to 9.9 A");
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 2), 8, Now);
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, -300, 100), 8, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.DisableCharging, Now), "AC charging at 30 A");

            // The first row is stale, the second unsafe: denied with the more telling reason.
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, -300, 100), 8, Now + 600000);
            SafetyFrames.Result(SafetyResult.Stale, table.Check(CommandType.DisableCharging, Now + 600000), "charging state stale, 30 A");
        }

        [TestMethod]
        public void FlashingWindowNeedsStandstillNoCableAndOpenContactors()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            SafetyFrames.Parked(state, 0, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenFlashingWindow, Now), "parked, unplugged, open");
            state.Observe(SafetyFrames.ContactorsId, false, SafetyFrames.Contactors(false, true), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenFlashingWindow, Now), "main negative closed");
            state.Observe(SafetyFrames.ContactorsId, false, SafetyFrames.Contactors(false, false), 8, Now);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 1), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenFlashingWindow, Now), "cable connected");
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.SetCurrentLimits, Now), "limits only need standstill");
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.SetCellVoltageLimits, Now), "limits only need standstill");
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(500, 0), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.SetCurrentLimits, Now), "5 km/h");
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenMaintenanceWindow, Now), "5 km/h");
        }

        [TestMethod]
        public void EveryCommandTypeIsCoveredByTheReferenceTable()
        {
            InterlockTable table = ReferenceSafety.NewTable(ReferenceSafety.NewState());
            for (int t = 1; t <= CommandType.Max; t++)
            {
                bool named = CommandType.Name(t).Substring(0, 5) != "type-";
                Assert.AreEqual(named, table.Covers(t), CommandType.Name(t));
            }

            Assert.IsFalse(table.Covers(0));
            Assert.IsFalse(table.Covers(CommandType.Max + 1));
            Assert.IsFalse(table.Covers(-1));
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.EnableCharging, 0), "always, with no state at all");
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.RevokeKey, 0), "always");
        }

        [TestMethod]
        public void UncoveredTypesFailClosed()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = SafetyFrames.Table("interlock open-contactors when vehicle_speed == 0", state);
            SafetyFrames.Parked(state, 0, Now);
            Assert.IsFalse(table.Covers(CommandType.EnableCharging));
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(CommandType.EnableCharging, Now), "no row: not known to be safe");
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(0x0B, Now), "unassigned type");
            SafetyFrames.Result(SafetyResult.Unknown, table.Check(1000, Now), "out of range type");
            Assert.AreEqual(3L, table.Uncovered);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenContactors, Now), "covered");
            SafetyFrames.Result(SafetyResult.Unknown, new InterlockTable(state).Check(CommandType.OpenContactors, Now), "empty table");
        }

        [TestMethod]
        public void ComparisonsOnNamedValuesAndEveryOperator()
        {
            VehicleState state = ReferenceSafety.NewState();
            string text = "interlock set-current-limits when bms_state == drive\n"
                + "interlock set-cell-voltage-limits when bms_state != drive\n"
                + "interlock open-maintenance-window when soc <= 80.5 and soc >= 80.5 and soc > 80 and soc < 81\n"
                + "interlock open-flashing-window when cell_temp_max > -16 and cell_temp_max < -14\n";
            InterlockTable table = SafetyFrames.Table(text, state);
            state.Observe(SafetyFrames.ContactorsId, false, new byte[] { 3, 0, 0, 2, 0, 0, 0, 0 }, 8, Now);
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, 0, 161), 8, Now);
            state.Observe(0x1F2, false, new byte[] { 0, 25, 0, 0, 0, 0, 0, 0 }, 8, Now);
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.SetCurrentLimits, Now), "== drive");
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.SetCellVoltageLimits, Now), "!= drive");
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenMaintenanceWindow, Now), "soc 80.5");
            SafetyFrames.Result(SafetyResult.Safe, table.Check(CommandType.OpenFlashingWindow, Now), "-15 degC");
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, 0, 160), 8, Now);
            SafetyFrames.Result(SafetyResult.Unsafe, table.Check(CommandType.OpenMaintenanceWindow, Now), "soc 80.0");
        }

        [TestMethod]
        public void CountersPerRowAndReset()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 3), 8, Now);
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, -1500, 100), 8, Now);
            table.Check(CommandType.DisableCharging, Now);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 0), 8, Now);
            table.Check(CommandType.DisableCharging, Now);
            Interlock notDc = table.Row(2);
            Interlock lowCurrent = table.Row(3);
            Assert.AreEqual("interlock disable-charging when charging_state != charging_dc", InterlockTableText.PrintRow(state, notDc));
            Assert.AreEqual(2L, notDc.Checked);
            Assert.AreEqual(1L, notDc.Passed);
            Assert.AreEqual(1L, notDc.Failed);
            Assert.AreEqual(1L, lowCurrent.Checked, "the second row is tried only when the first fails");
            Assert.AreEqual(1L, lowCurrent.Failed);
            Assert.Contains("abs(pack_current) < 10  # checked=1 passed=0 failed=1", InterlockTableText.Print(table));
            table.ResetCounters();
            Assert.AreEqual(0L, notDc.Checked);
            Assert.AreEqual(0L, lowCurrent.Failed);
        }
    }
}
