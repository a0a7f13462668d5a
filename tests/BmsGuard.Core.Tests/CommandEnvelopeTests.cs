using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Envelope v1 layout, its MAC input, and every structural error.</summary>
    [TestClass]
    public class CommandEnvelopeTests
    {
        [TestMethod]
        public void WriterLaysOutTheBytesAsSpecified()
        {
            byte[] secret = CommandFixture.NewSecret();
            EnvelopeWriter w = new EnvelopeWriter(CommandType.SetCurrentLimits, CommandFixture.Vin, 0x01020304, 0x05060708, new byte[] { 0x01, 0xF4, 0x02, 0x58 });
            w.AddSignature(Role.Fleet, 0x1234, 0xA0B0C0D0, secret);
            byte[] e = w.ToArray();

            Assert.AreEqual(EnvelopeFormat.Length(4, 1), e.Length);
            Assert.AreEqual(29 + 4 + 39, e.Length);
            Assert.AreEqual((byte)0x01, e[0], "version");
            Assert.AreEqual((byte)CommandType.SetCurrentLimits, e[1], "type");
            Assert.AreEqual((byte)'W', e[2], "VIN first byte");
            Assert.AreEqual((byte)'1', e[18], "VIN last byte");
            Expect.Bytes(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, Slice(e, 19, 8), "issued, expires big-endian");
            Assert.AreEqual((byte)4, e[27], "parameter length");
            Expect.Bytes(new byte[] { 0x01, 0xF4, 0x02, 0x58 }, Slice(e, 28, 4), "parameters");
            Assert.AreEqual((byte)1, e[32], "signature count");
            Expect.Bytes(new byte[] { (byte)Role.Fleet, 0x12, 0x34, 0xA0, 0xB0, 0xC0, 0xD0 }, Slice(e, 33, 7), "role, key id, counter");
        }

        [TestMethod]
        public void MacCoversDomainBodyAndSignatureHeader()
        {
            byte[] secret = CommandFixture.NewSecret();
            EnvelopeWriter w = new EnvelopeWriter(CommandType.SetChargeTarget, CommandFixture.Vin, 100, 200, new byte[] { 80 });
            w.AddSignature(Role.Owner, 7, 42, secret);
            byte[] e = w.ToArray();

            // Independent reconstruction: "BMSGv1" || body (29 bytes) || role || key id || counter.
            byte[] input = new byte[6 + 29 + 7];
            byte[] domain = new byte[] { (byte)'B', (byte)'M', (byte)'S', (byte)'G', (byte)'v', (byte)'1' };
            System.Array.Copy(domain, 0, input, 0, 6);
            System.Array.Copy(e, 0, input, 6, 29);
            System.Array.Copy(e, 30, input, 35, 7);
            Expect.Bytes(HmacSha256.Mac(secret, input), Slice(e, 37, 32), "mac");
        }

        [TestMethod]
        public void ParseReadsBackWhatWasWritten()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.OpenMaintenanceWindow, new byte[] { 0x0E, 0x10 }, CommandFixture.Owner, CommandFixture.Workshop);
            CommandEnvelope env = new CommandEnvelope();
            CommandExpect.Verdict(CommandVerdict.Accepted, env.Parse(e, e.Length), "parse");
            Assert.AreEqual(CommandType.OpenMaintenanceWindow, env.Type);
            Assert.AreEqual(2, env.ParameterLength);
            Assert.AreEqual(2, env.SignatureCount);
            Assert.AreEqual(CommandFixture.NowSeconds - 1, env.Issued);
            Assert.AreEqual(CommandFixture.NowSeconds + 60, env.Expires);
            Assert.AreEqual(Role.Workshop, env.SignatureRole(1));
            Assert.AreEqual(CommandFixture.Workshop, env.SignatureKeyId(1));
            Assert.AreEqual(1u, env.SignatureCounter(1));
        }

        [TestMethod]
        public void EveryTruncationIsMalformed()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, CommandFixture.Owner);
            CommandEnvelope env = new CommandEnvelope();
            CommandExpect.Verdict(CommandVerdict.Malformed, env.Parse(e, 0), "empty");
            for (int n = 1; n < e.Length; n++)
            {
                CommandExpect.Verdict(CommandVerdict.Malformed, env.Parse(e, n), "length " + n.ToString());
            }
        }

        [TestMethod]
        public void TrailingBytesAreMalformed()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, CommandFixture.Owner);
            byte[] longer = new byte[e.Length + 1];
            System.Array.Copy(e, longer, e.Length);
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(longer, longer.Length), "one trailing byte");
        }

        [TestMethod]
        public void LengthBeyondTheBufferIsMalformed()
        {
            byte[] e = new byte[10];
            e[0] = 1;
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(e, 11), "length > buffer");
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(e, -1), "negative length");
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(null, 0), "null");
        }

        [TestMethod]
        public void ParameterLengthPastTheEndOfAShortBufferIsMalformed()
        {
            // Found by the fuzz test: the signature count must not be read beyond the claimed length.
            for (int n = 28; n < 29 + 48 + 39; n++)
            {
                byte[] e = new byte[n];
                e[0] = 1;
                e[1] = CommandType.EnableCharging;
                e[27] = 48;
                CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(e, n), "length " + n.ToString());
            }
        }

        [TestMethod]
        public void OtherVersionIsBadVersion()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, CommandFixture.Owner);
            e[0] = 2;
            CommandExpect.Verdict(CommandVerdict.BadVersion, new CommandEnvelope().Parse(e, e.Length), "version 2");
        }

        [TestMethod]
        public void SignatureCountOutsideOneToFourIsMalformed()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, CommandFixture.Owner);
            e[28] = 0;
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(e, e.Length), "S = 0");
            byte[] five = new byte[EnvelopeFormat.Length(0, 5)];
            System.Array.Copy(e, five, 28);
            five[28] = 5;
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(five, five.Length), "S = 5");
        }

        [TestMethod]
        public void ParameterLengthAbove48IsMalformed()
        {
            byte[] e = new byte[EnvelopeFormat.Length(49, 1)];
            e[0] = 1;
            e[1] = CommandType.EnableCharging;
            e[27] = 49;
            e[28 + 49] = 1;
            CommandExpect.Verdict(CommandVerdict.Malformed, new CommandEnvelope().Parse(e, e.Length), "P = 49");
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x0A)]
        [DataRow(0x13)]
        [DataRow(0xFF)]
        public void UnknownTypeIsUnknownCommand(int type)
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(type, CommandFixture.None, CommandFixture.Owner);
            CommandExpect.Verdict(CommandVerdict.UnknownCommand, new CommandEnvelope().Parse(e, e.Length), "type " + type.ToString());
        }

        [TestMethod]
        public void ParametersAreCheckedPerType()
        {
            AssertParameters(CommandVerdict.Accepted, CommandType.SetChargeTarget, new byte[] { 50 });
            AssertParameters(CommandVerdict.Accepted, CommandType.SetChargeTarget, new byte[] { 100 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.SetChargeTarget, new byte[] { 49 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.SetChargeTarget, new byte[] { 101 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.SetChargeTarget, CommandFixture.None);
            AssertParameters(CommandVerdict.BadParameters, CommandType.OpenContactors, new byte[] { 1 });
            AssertParameters(CommandVerdict.Accepted, CommandType.SetCellVoltageLimits, new byte[] { 0x0B, 0xB8, 0x10, 0x68 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.SetCellVoltageLimits, new byte[] { 0x10, 0x68, 0x0B, 0xB8 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.SetCurrentLimits, new byte[] { 0, 0, 1, 0 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.OpenFlashingWindow, new byte[] { 0, 0 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.RevokeKey, new byte[] { 1 });
            AssertParameters(CommandVerdict.BadParameters, CommandType.RotateKey, new byte[31]);
            byte[] provision = new byte[35];
            provision[2] = 4;
            AssertParameters(CommandVerdict.BadParameters, CommandType.ProvisionKey, provision);
        }

        private static void AssertParameters(int expected, int type, byte[] parameters)
        {
            EnvelopeWriter w = new EnvelopeWriter(type, CommandFixture.Vin, 1, 2, parameters);
            w.AddSignature(Role.Owner, 1, 1, CommandFixture.NewSecret());
            byte[] e = w.ToArray();
            CommandExpect.Verdict(expected, new CommandEnvelope().Parse(e, e.Length), CommandType.Name(type) + " " + Expect.Hex(parameters));
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] s = new byte[count];
            System.Array.Copy(data, offset, s, 0, count);
            return s;
        }
    }
}
