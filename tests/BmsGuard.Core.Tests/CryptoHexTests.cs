using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Test data for the crypto known-answer tests, written as the standards print it: hex strings
    /// (spaces allowed between groups), ASCII text, and repeated bytes.
    /// </summary>
    public static class CryptoHex
    {
        /// <summary>Bytes of a hex string such as "6bc1bee2 2e409f96"; spaces are skipped.</summary>
        public static byte[] Bytes(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ')
                {
                    digits++;
                }
            }

            if ((digits & 1) != 0)
            {
                throw new System.ArgumentException();
            }

            byte[] bytes = new byte[digits / 2];
            int n = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] == ' ')
                {
                    continue;
                }

                int nibble = Nibble(hex[i]);
                if ((n & 1) == 0)
                {
                    bytes[n / 2] = (byte)(nibble << 4);
                }
                else
                {
                    bytes[n / 2] = (byte)(bytes[n / 2] | nibble);
                }

                n++;
            }

            return bytes;
        }

        /// <summary>The characters of <paramref name="text"/> (ASCII only) as bytes.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary><paramref name="count"/> copies of <paramref name="value"/>.</summary>
        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        /// <summary>The first <paramref name="count"/> bytes of <paramref name="data"/>.</summary>
        public static byte[] Prefix(byte[] data, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = data[i];
            }

            return bytes;
        }

        /// <summary>
        /// Bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> of
        /// <paramref name="data"/>.
        /// </summary>
        public static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = data[offset + i];
            }

            return bytes;
        }

        /// <summary>
        /// <paramref name="data"/> copied into a larger array at <paramref name="offset"/>, surrounded by
        /// 0xEE guard bytes, to prove an API honours offsets and reads nothing outside its range.
        /// </summary>
        public static byte[] Embed(byte[] data, int offset, int trailing)
        {
            byte[] bytes = Repeat(0xEE, offset + data.Length + trailing);
            for (int i = 0; i < data.Length; i++)
            {
                bytes[offset + i] = data[i];
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            throw new System.ArgumentException();
        }
    }

    /// <summary>The hex reader the crypto vectors depend on: a wrong reader would test nothing.</summary>
    [TestClass]
    public class CryptoHexTests
    {
        [TestMethod]
        public void HexIsReadByteForByteInEitherCase()
        {
            Expect.Bytes(new byte[] { 0x00, 0x7F, 0x80, 0xAB, 0xCD, 0xEF, 0xFF }, CryptoHex.Bytes("007f80ABcdEfFF"), "hex digits");
            Expect.Bytes(new byte[] { 0x6B, 0xC1, 0xBE, 0xE2, 0x2E, 0x40 }, CryptoHex.Bytes("6bc1bee2 2e40"), "spaces between groups");
            Assert.AreEqual(0, CryptoHex.Bytes(string.Empty).Length);
        }

        [TestMethod]
        public void MalformedHexIsRejected()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => CryptoHex.Bytes("abc"));
            Assert.ThrowsException(typeof(System.ArgumentException), () => CryptoHex.Bytes("0g"));
        }

        [TestMethod]
        public void AsciiAndRepeatBuildTheRfcInputs()
        {
            Expect.Bytes(CryptoHex.Bytes("4869205468657265"), CryptoHex.Ascii("Hi There"), "RFC 4231 test case 1 data");
            Expect.Bytes(CryptoHex.Bytes("0b0b0b"), CryptoHex.Repeat(0x0B, 3), "repeat");
        }
    }
}
