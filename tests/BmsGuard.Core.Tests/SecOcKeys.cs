namespace BmsGuard.Core.Tests
{
    /// <summary>Fresh random AES-128 keys for the SecOC tests (generated at run time, never stored).</summary>
    public static class SecOcKeys
    {
        private static readonly System.Random Random = new System.Random();

        /// <summary>A new random 16-byte key.</summary>
        public static byte[] New()
        {
            byte[] key = new byte[16];
            Random.NextBytes(key);
            return key;
        }

        /// <summary>A copy of <paramref name="key"/> with one bit flipped.</summary>
        public static byte[] FlipBit(byte[] key, int bit)
        {
            byte[] other = new byte[key.Length];
            System.Array.Copy(key, other, key.Length);
            other[bit / 8] ^= (byte)(1 << (bit % 8));
            return other;
        }
    }
}
