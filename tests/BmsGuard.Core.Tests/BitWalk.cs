namespace BmsGuard.Core.Tests
{
    /// <summary>A DBC signal's raw value read one bit at a time: the reference the word-based reads are checked against.</summary>
    public static class BitWalk
    {
        /// <summary>The raw value of the signal at <paramref name="start"/> (DBC numbering), sign-extended when <paramref name="signed"/>.</summary>
        public static long Read(byte[] data, int start, int length, bool motorola, bool signed)
        {
            long raw = 0;
            if (!motorola)
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    int position = start + i;
                    raw = (raw << 1) | (long)((data[position / 8] >> (position % 8)) & 1);
                }
            }
            else
            {
                int index = start / 8;
                int bit = start % 8;
                for (int i = 0; i < length; i++)
                {
                    raw = (raw << 1) | (long)((data[index] >> bit) & 1);
                    if (bit == 0)
                    {
                        bit = 7;
                        index++;
                    }
                    else
                    {
                        bit--;
                    }
                }
            }

            if (signed && ((raw >> (length - 1)) & 1) != 0)
            {
                raw -= 1L << length;
            }

            return raw;
        }
    }
}
