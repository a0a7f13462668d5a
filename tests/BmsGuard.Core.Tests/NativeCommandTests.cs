using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Native command frames: templates fill from parameters, missing parameters fail, the text round-trips.</summary>
    [TestClass]
    public class NativeCommandTests
    {
        [TestMethod]
        public void AcceptedCommandBecomesTheNativeFrameWithItsParameters()
        {
            NativeCommandTable table = ReferenceNativeCommands.NewTable();
            RecordingOutbox outbox = new RecordingOutbox();
            byte[] parameters = new byte[] { 0x01, 0xF4, 0x03, 0xE8 };
            Assert.IsTrue(table.Execute(CommandType.SetCurrentLimits, parameters, 4, outbox));
            Assert.AreEqual((uint)0x5A2, outbox.Id);
            Assert.IsTrue(outbox.To == GatewayPort.Bms);
            Assert.AreEqual(8, outbox.Length);
            Assert.AreEqual((byte)0x01, outbox.Data[0]);
            Assert.AreEqual((byte)0xF4, outbox.Data[2]);
            Assert.AreEqual((byte)0xE8, outbox.Data[4]);
            Assert.AreEqual((byte)0x00, outbox.Data[5]);
            Assert.AreEqual(1L, table.Find(CommandType.SetCurrentLimits).Executed);
        }

        [TestMethod]
        public void MissingParametersOrRowsOrARefusingOutboxSendNothing()
        {
            NativeCommandTable table = ReferenceNativeCommands.NewTable();
            RecordingOutbox outbox = new RecordingOutbox();
            Assert.IsFalse(table.Execute(CommandType.SetCurrentLimits, new byte[] { 1, 2 }, 2, outbox));
            Assert.IsFalse(table.Execute(CommandType.OpenMaintenanceWindow, new byte[0], 0, outbox));
            Assert.AreEqual(0, outbox.Sent);
            outbox.Refuse = true;
            Assert.IsFalse(table.Execute(CommandType.OpenContactors, new byte[0], 0, outbox));
            Assert.AreEqual(1L, table.Find(CommandType.SetCurrentLimits).Failed);
            Assert.AreEqual(1L, table.Find(CommandType.OpenContactors).Failed);
        }

        [TestMethod]
        public void PrintedTableParsesBackToTheSameTable()
        {
            NativeCommandTable table = ReferenceNativeCommands.NewTable();
            string printed = NativeCommandText.Print(table);
            int line;
            string error;
            NativeCommandTable again = NativeCommandText.Parse(printed, out line, out error);
            Assert.IsNull(error);
            Assert.AreEqual(6, again.Count);
            Assert.AreEqual(printed, NativeCommandText.Print(again));
            Assert.IsTrue(printed.IndexOf("native set-charge-target id=0x5A1 data=01,p0,00,00,00,00,00,00  # executed=0 failed=0") >= 0);
        }

        [TestMethod]
        public void BadLinesAreNamedWithLineAndReason()
        {
            AssertError("native fly id=0x5A0 data=01\n", 1, "unknown command 'fly'");
            AssertError("\n# c\nnative open-contactors data=01\n", 3, "missing id=");
            AssertError("native open-contactors id=0x800 data=01\n", 1, "does not fit 11 bits");
            AssertError("native open-contactors id=0x5A0 data=01,02,03,04,05,06,07,08,09\n", 1, "bad 'data=01,02,03,04,05,06,07,08,09' (1 to 8 comma-separated bytes");
            AssertError("native open-contactors id=0x5A0 data=p48\n", 1, "bad 'data=p48'");
            AssertError("native open-contactors id=0x5A0 data=01\nnative open-contactors id=0x5A1 data=01\n", 2, "a second row");
        }

        [TestMethod]
        public void IdsReadWithOrWithout0xAndPrintWithIt()
        {
            int line;
            string error;
            NativeCommandTable bare = NativeCommandText.Parse("native open-contactors id=5A0 data=01,a5\nnative enable-charging id=18FF5000 ext data=p0\n", out line, out error);
            Assert.IsNull(error);
            NativeCommandTable prefixed = NativeCommandText.Parse("native open-contactors id=0x5A0 data=01,A5\nnative enable-charging id=0x18FF5000 ext data=p0\n", out line, out error);
            Assert.IsNull(error);
            string printed = NativeCommandText.Print(bare);
            Assert.AreEqual(NativeCommandText.Print(prefixed), printed);
            Assert.IsTrue(printed.IndexOf("native open-contactors id=0x5A0 data=01,A5  #") >= 0, printed);
            Assert.IsTrue(printed.IndexOf("id=0x18FF5000 ext data=p0") >= 0, printed);
        }

        [TestMethod]
        public void AnOptionGivenTwiceOrUnknownIsRefused()
        {
            AssertError("native open-contactors id=0x5A0 id=0x5A1 data=01\n", 1, "'id' given twice");
            AssertError("native open-contactors id=0x5A0 data=01 loud\n", 1, "unknown option 'loud'");
        }

        private static void AssertError(string text, int expectedLine, string expected)
        {
            int line;
            string error;
            Assert.IsNull(NativeCommandText.Parse(text, out line, out error));
            Assert.AreEqual(expectedLine, line);
            Assert.IsTrue(error.IndexOf(expected) >= 0, error);
        }

        private sealed class RecordingOutbox : IFrameOutbox
        {
            public bool Refuse;
            public int Sent;
            public GatewayPort To;
            public uint Id;
            public int Length;
            public byte[] Data = new byte[8];

            public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length)
            {
                if (Refuse)
                {
                    return false;
                }

                Sent++;
                To = to;
                Id = id;
                Length = length;
                for (int i = 0; i < length; i++)
                {
                    Data[i] = data[i];
                }

                return true;
            }
        }
    }
}
