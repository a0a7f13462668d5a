using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Byte edits: AND, OR, XOR, SET in that fixed order, on forwarded data frames only.</summary>
    [TestClass]
    public class ByteEditTests
    {
        [TestMethod]
        public void EditsApplyInTheOrderAndOrXorSet()
        {
            // 0xF0 & 0x3C = 0x30, | 0x01 = 0x31, ^ 0xFF = 0xCE. Any other order gives another byte:
            // XOR first: ((0xF0 ^ 0xFF) & 0x3C) | 0x01 = 0x0D; OR first: ((0xF0 | 0x01) & 0x3C) ^ 0xFF = 0xCF.
            ByteEdit edit = new ByteEdit(Fill(0x3C), Fill(0x01), Fill(0xFF), null);
            byte[] data = Fill(0xF0);
            edit.Apply(data, 8);
            Expect.Bytes(Fill(0xCE), data, "AND then OR then XOR");
        }

        [TestMethod]
        public void SetIsAppliedLast()
        {
            ByteEdit edit = new ByteEdit(Fill(0x00), Fill(0xFF), Fill(0x0F), Fill(0x5A));
            byte[] data = TestTables.Payload();
            edit.Apply(data, 8);
            Expect.Bytes(Fill(0x5A), data, "SET replaces whatever AND, OR and XOR produced");
        }

        [TestMethod]
        public void OperandsAreAppliedBytePerByte()
        {
            ByteEdit edit = new ByteEdit(
                new byte[] { 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F },
                null,
                new byte[] { 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00 },
                null);
            byte[] data = TestTables.Payload();
            edit.Apply(data, 8);
            Expect.Bytes(new byte[] { 0x11, 0x00, 0x32, 0x44, 0x55, 0x66, 0x77, 0x08 }, data, "byte i uses operand byte i");
        }

        [TestMethod]
        public void OnlyTheFirstLengthBytesAreEdited()
        {
            ByteEdit edit = new ByteEdit(null, null, null, Fill(0x00));
            byte[] data = TestTables.Payload();
            edit.Apply(data, 3);
            Expect.Bytes(new byte[] { 0x00, 0x00, 0x00, 0x44, 0x55, 0x66, 0x77, 0x88 }, data, "DLC 3");

            byte[] longer = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            edit.Apply(longer, 10);
            Expect.Bytes(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 9, 10 }, longer, "never past 8 bytes");
        }

        [TestMethod]
        public void EmptyEditIsDropped()
        {
            ByteEdit none = new ByteEdit(null, null, null, null);
            Assert.IsTrue(none.IsEmpty);
            FilterRule rule = new FilterRule("r", 0x100, 0x7FF, false, false, false, 0, none);
            Assert.IsNull(rule.Edit);
            Assert.IsFalse(new ByteEdit(null, Fill(0), null, null).IsEmpty);
            none.Apply(null, 8);
        }

        [TestMethod]
        public void GatewayEditsForwardedFramesInPlace()
        {
            Gateway gateway = TestTables.NewGateway(
                "rule serial id=0x3F0 and=FFFF000000000000 or=0000000000000001\n" +
                "rule pack   id=0x1F0\n");
            byte[] serial = TestTables.Payload();
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x3F0, false, false, serial, 8, 0), "serial");
            Expect.Bytes(new byte[] { 0x11, 0x22, 0, 0, 0, 0, 0, 0x01 }, serial, "serial number blanked");

            byte[] pack = TestTables.Payload();
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x1F0, false, false, pack, 8, 0), "pack");
            Expect.Bytes(TestTables.Payload(), pack, "a rule without edits leaves the payload alone");
        }

        [TestMethod]
        public void DroppedFramesAreNotEdited()
        {
            Gateway gateway = TestTables.NewGateway("rule serial id=0x3F0 every=1s set=0000000000000000\n");
            byte[] first = TestTables.Payload();
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x3F0, false, false, first, 8, 0), "first");
            Expect.Bytes(Fill(0x00), first, "forwarded frame edited");

            byte[] second = TestTables.Payload();
            Expect.Verdict(Verdict.RateLimited, gateway.Decide(GatewayPort.Bms, 0x3F0, false, false, second, 8, 1), "second");
            Expect.Bytes(TestTables.Payload(), second, "rate-limited frame untouched");

            byte[] other = TestTables.Payload();
            Expect.Verdict(Verdict.NotAllowed, gateway.Decide(GatewayPort.Bms, 0x3F1, false, false, other, 8, 2), "other id");
            Expect.Bytes(TestTables.Payload(), other, "not-allowed frame untouched");
        }

        [TestMethod]
        public void ShortFrameIsEditedOnlyUpToItsLength()
        {
            Gateway gateway = TestTables.NewGateway("rule serial id=0x3F0 xor=FFFFFFFFFFFFFFFF\n");
            byte[] data = new byte[] { 0x00, 0x0F };
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x3F0, false, false, data, 2, 0), "2-byte frame");
            Expect.Bytes(new byte[] { 0xFF, 0xF0 }, data, "2-byte buffer, 8-byte operand");
        }

        private static byte[] Fill(byte value)
        {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                b[i] = value;
            }

            return b;
        }
    }
}
