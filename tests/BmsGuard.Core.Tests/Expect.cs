using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Assertions on core values, with messages readable on the device (verdict names, hex ids).</summary>
    public static class Expect
    {
        /// <summary>Fails unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
        public static void Verdict(Verdict expected, Verdict actual, string context)
        {
            Assert.AreEqual(VerdictNames.Name(expected), VerdictNames.Name(actual), context);
        }

        /// <summary>Fails unless the payload equals <paramref name="expected"/> byte for byte.</summary>
        public static void Bytes(byte[] expected, byte[] actual, string context)
        {
            Assert.AreEqual(Hex(expected), Hex(actual), context);
        }

        /// <summary>Hex form of an identifier, e.g. 0x1F0.</summary>
        public static string Id(uint id)
        {
            return "0x" + id.ToString("X");
        }

        /// <summary>Hex form of a byte array, e.g. 11-22-33, or "null".</summary>
        public static string Hex(byte[] data)
        {
            if (data == null)
            {
                return "null";
            }

            string s = string.Empty;
            for (int i = 0; i < data.Length; i++)
            {
                s += (i == 0 ? string.Empty : "-") + data[i].ToString("X2");
            }

            return s;
        }
    }
}
