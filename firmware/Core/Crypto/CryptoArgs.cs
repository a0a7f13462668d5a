namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// Argument checks shared by the crypto primitives. They run before any byte is read or written,
    /// so a bad call never leaves a half-written MAC or a half-updated hash behind.
    /// </summary>
    internal static class CryptoArgs
    {
        /// <summary>
        /// Throws <see cref="System.ArgumentException"/> (no message: it costs PE space on the device)
        /// unless <paramref name="array"/> holds <paramref name="count"/> bytes from <paramref name="offset"/>.
        /// </summary>
        public static void Range(byte[] array, int offset, int count)
        {
            // offset > Length - count rather than offset + count > Length: the sum can overflow.
            if (array == null || offset < 0 || count < 0 || offset > array.Length - count)
            {
                throw new System.ArgumentException();
            }
        }
    }
}
