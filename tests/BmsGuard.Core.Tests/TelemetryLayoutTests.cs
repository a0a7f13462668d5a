using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Every signal layout a DBC can give (start bit, length 1..32, byte order, sign) leaves the sanitizer
    /// with the value walking the frame's bits gives, from a full frame and from a frame just long enough,
    /// beside a second signal of the other byte order; a frame one byte short leaves nothing.
    /// </summary>
    [TestClass]
    public class TelemetryLayoutTests
    {
        private const uint Id = 0x120;

        [TestMethod]
        public void EveryLayoutEmitsWhatWalkingTheBitsGives()
        {
            XorShift random = new XorShift(31);
            byte[] data = new byte[8];
            int layouts = 0;
            for (int order = 0; order < 2; order++)
            {
                for (int sign = 0; sign < 2; sign++)
                {
                    for (int start = 0; start < 64; start++)
                    {
                        for (int length = 1; length <= 32; length++)
                        {
                            bool motorola = order == 1;
                            bool signed = sign == 1;
                            if (TelemetrySignal.Check("s", Id, false, start, length, motorola, 3, -7, 0, "") != null)
                            {
                                continue;
                            }

                            TelemetrySignal[] signals =
                            {
                                new TelemetrySignal("s", Id, false, start, length, motorola, signed, 3, -7, 0, "", null, SignalTreatment.Of(TelemetryAction.Forward)),
                                new TelemetrySignal("o", Id, false, motorola ? 0 : 7, 1, !motorola, false, 1, 0, 0, "", null, SignalTreatment.Of(TelemetryAction.Forward)),
                            };
                            TelemetryRecorder sink = new TelemetryRecorder();
                            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], sink);
                            string layout = (motorola ? "motorola" : "intel") + (signed ? " signed" : "") + " start " + start.ToString() + " len " + length.ToString();
                            int need = signals[0].BytesNeeded;
                            for (int trial = 0; trial < 2; trial++)
                            {
                                for (int i = 0; i < 8; i++)
                                {
                                    data[i] = (byte)random.Next();
                                }

                                int len = trial == 0 ? 8 : need;
                                z.Observe(Id, false, data, len, trial);
                                long expected = (BitWalk.Read(data, start, length, motorola, signed) * 3) - 7;
                                string other = len >= signals[1].BytesNeeded ? "1=" + BitWalk.Read(data, motorola ? 0 : 7, 1, !motorola, false).ToString() + "@" + trial.ToString() + "\n" : string.Empty;
                                Assert.AreEqual("0=" + expected.ToString() + "@" + trial.ToString() + "\n" + other, sink.Take(), layout + " len " + len.ToString());
                            }

                            z.Observe(Id, false, data, need - 1, 5);
                            Assert.AreEqual(1L, z.Dropped(0), layout + ": short frame dropped");
                            layouts++;
                        }
                    }
                }
            }

            Assert.AreEqual(6208, layouts);
        }
    }
}
