using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Text forms of taps and interlocks: round trips, canonical decimals, and parse errors with their line.</summary>
    [TestClass]
    public class SafetyTextTests
    {
        [TestMethod]
        public void ReferenceSignalsPrintAndParseBack()
        {
            VehicleState state = ReferenceSafety.NewState();
            Assert.AreEqual(13, state.TapCount);
            string printed = VehicleStateText.Print(state);
            string again = VehicleStateText.Print(SafetyFrames.State(printed));
            Assert.AreEqual(printed, again);
            Assert.Contains("signal vehicle_speed id=0x0D0 start=0 len=16 order=intel unsigned scale=0.01 offset=0 unit=km/h max-age=500ms\n", printed);
            Assert.Contains("signal charger_current id=0x18FF50E5 ext start=16", printed);
            Assert.Contains(" values=0:open,1:closed\n", printed);
        }

        [TestMethod]
        public void ReferenceInterlocksPrintAndParseBack()
        {
            VehicleState state = ReferenceSafety.NewState();
            InterlockTable table = ReferenceSafety.NewTable(state);
            Assert.IsNotNull(table);
            string printed = InterlockTableText.Print(table);
            Assert.AreEqual(printed, InterlockTableText.Print(SafetyFrames.Table(printed, state)));
            Assert.Contains("interlock open-contactors when vehicle_speed == 0 and abs(pack_current) < 5  # checked=0 passed=0 failed=0\n", printed);
            Assert.Contains("interlock enable-charging always  #", printed);
            Assert.Contains("charging_state == not_connected and contactor_main_pos == open", printed);
        }

        [TestMethod]
        public void EveryOptionRoundTrips()
        {
            string line = "signal x.y-z id=0x1ABCDEF0 ext start=39 len=32 order=motorola signed scale=-0.125 offset=273.15 unit=K max-age=1500us values=-1:minus_one,7:seven";
            VehicleState state = SafetyFrames.State(line);
            Assert.AreEqual(line, SignalTapLine.Print(state.Tap(0)));
            SignalTap tap = state.Tap(0);
            Assert.AreEqual(3, tap.Decimals);
            Assert.AreEqual(-125L, tap.ScaleUnits);
            Assert.AreEqual(273150L, tap.OffsetUnits);
            Assert.AreEqual(1500L, tap.MaxAgeMicros);
            Assert.AreEqual(8, tap.BytesNeeded, "Motorola MSB at bit 39 = byte 4 bit 7: bytes 4..7");
        }

        [TestMethod]
        public void DecimalsAreCanonicalised()
        {
            VehicleState state = SafetyFrames.State("signal a id=0x7 start=0 len=8 order=intel unsigned scale=0.10 offset=+002.500 max-age=2000ms");
            Assert.AreEqual("signal a id=0x007 start=0 len=8 order=intel unsigned scale=0.1 offset=2.5 max-age=2s", SignalTapLine.Print(state.Tap(0)));
            InterlockTable table = SafetyFrames.Table("interlock open-contactors when a >= 3.50", state);
            Assert.AreEqual("interlock open-contactors when a >= 3.5", InterlockTableText.PrintRow(state, table.Row(0)));
            Assert.AreEqual(35L, table.Row(0).Condition(0).ThresholdUnits);
        }

        [TestMethod]
        public void SignalErrorsNameLineAndReason()
        {
            string ok = "signal a id=0x100 start=0 len=8 order=intel unsigned scale=1 offset=0 max-age=1s\n";
            SignalError("# comment\n\nsignal b id=0x800 start=0 len=8 order=intel unsigned max-age=1s", 3, "standard id above 0x7FF");
            SignalError(ok + "signal b id=0x100 start=0 len=8 order=intel unsigned max-age=1s\nsignal a id=0x1 start=0 len=1 order=intel unsigned max-age=1s", 3, "duplicate signal name 'a'");
            SignalError(ok + "signal b id=0x100 start=0 len=8 order=intel unsigned", 2, "missing max-age=");
            SignalError(ok + "signal b id=0x100 start=0 len=8 unsigned max-age=1s", 2, "missing order=");
            SignalError("signal b id=0x100 start=0 len=8 order=intel max-age=1s", 1, "missing signed or unsigned");
            SignalError("signal b id=0x100 start=0 len=8 order=intel signed unsigned max-age=1s", 1, "both signed and unsigned");
            SignalError("signal b id=0x100 start=0 len=8 len=9 order=intel unsigned max-age=1s", 1, "'len' given twice");
            SignalError("signal b id=0x100 start=60 len=8 order=intel unsigned max-age=1s", 1, "runs past the 8-byte frame");
            SignalError("signal b id=0x100 start=7 len=57 order=motorola unsigned max-age=1s", 1, "len must be 1..32");
            SignalError("signal b id=0x100 start=7 len=16 order=big unsigned max-age=1s", 1, "bad 'order=big' (intel or motorola)");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned scale=0 max-age=1s", 1, "scale must be non-zero");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned scale=1e3 max-age=1s", 1, "bad 'scale=1e3'");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned scale=0.0000000001 max-age=1s", 1, "bad 'scale=0.0000000001'");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned max-age=0ms", 1, "bad 'max-age=0ms'");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned max-age=1s values=0:a,0:b", 1, "bad 'values=0:a,0:b'");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned max-age=1s values=0:1a", 1, "bad 'values=0:1a'");
            SignalError("signal b id=0x100 start=0 len=8 order=intel unsigned max-age=1s colour=red", 1, "unknown option 'colour=red'");
            SignalError("rule b id=0x100", 1, "expected 'signal <name> ...'");

            string ext = string.Empty;
            for (int i = 0; i < 9; i++)
            {
                ext += "signal e" + i.ToString() + " id=0x" + (0x1000 + i).ToString("X") + " ext start=0 len=8 order=intel unsigned max-age=1s\n";
            }

            SignalError(ext, 9, "more than 8 distinct extended frame ids");
        }

        [TestMethod]
        public void InterlockErrorsNameLineAndReason()
        {
            string signals = "signal speed id=0x0D0 start=0 len=16 order=intel unsigned scale=0.01 offset=0 max-age=500ms\n"
                + "signal state id=0x0D0 start=16 len=3 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:idle,3:dc\n"
                + "signal fine id=0x0D1 start=0 len=8 order=intel unsigned scale=0.000000001 offset=0 max-age=500ms\n";
            VehicleState state = SafetyFrames.State(signals);
            string ok = "interlock open-contactors when speed == 0\n";
            InterlockError(state, ok + "\n# x\ninterlock fly when speed == 0", 4, "unknown command 'fly'");
            InterlockError(state, ok + "interlock open-contactors when sped == 0", 2, "unknown signal 'sped'");
            InterlockError(state, "interlock open-contactors when speed = 0", 1, "unknown operator '='");
            InterlockError(state, "interlock open-contactors when speed == 0.001", 1, "more decimals than speed (2)");
            InterlockError(state, "interlock open-contactors when state == charging", 1, "neither a number nor a value of state");
            InterlockError(state, "interlock open-contactors when speed == 0 or state == idle", 1, "expected 'and', found 'or'");
            InterlockError(state, "interlock open-contactors when speed ==", 1, "expected 'when signal op value");
            InterlockError(state, "interlock open-contactors if speed == 0", 1, "expected 'when signal op value");
            InterlockError(state, "interlock open-contactors always speed == 0", 1, "nothing may follow 'always'");
            InterlockError(state, "interlock open-contactors", 1, "expected 'interlock <command> when");
            InterlockError(state, "interlock open-contactors when abs(speed < 5", 1, "unknown signal 'abs(speed'");
            InterlockError(state, "interlock open-contactors when fine < 99999999999", 1, "out of range");

            string many = string.Empty;
            for (int i = 0; i < 65; i++)
            {
                many += "interlock revoke-key always\n";
            }

            InterlockError(state, many, 65, "more than 64 interlocks");
        }

        private static void SignalError(string text, int line, string reason)
        {
            int errorLine;
            string error;
            VehicleState state = VehicleStateText.Parse(text, out errorLine, out error);
            Assert.IsNull(state, text);
            Assert.AreEqual(line, errorLine, error);
            Assert.Contains(reason, error);
        }

        private static void InterlockError(VehicleState state, string text, int line, string reason)
        {
            int errorLine;
            string error;
            InterlockTable table = InterlockTableText.Parse(text, state, out errorLine, out error);
            Assert.IsNull(table, text);
            Assert.AreEqual(line, errorLine, error);
            Assert.Contains(reason, error);
        }
    }
}
