using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// A small bench-written file: "BG", a kind letter, "1", the body, and HMAC-SHA256 of all that under a
    /// key derived from the guard's identity (catches a corrupted or foreign file, not a writer with the key).
    /// </summary>
    internal static class SealedRecord
    {
        private const int HeaderSize = 4;
        private const int TagSize = 32;

        /// <summary>The file's bytes for <paramref name="body"/>.</summary>
        internal static byte[] Seal(char kind, byte[] body, byte[] key)
        {
            byte[] bytes = new byte[HeaderSize + body.Length + TagSize];
            bytes[0] = (byte)'B';
            bytes[1] = (byte)'G';
            bytes[2] = (byte)kind;
            bytes[3] = (byte)'1';
            System.Array.Copy(body, 0, bytes, HeaderSize, body.Length);
            new HmacSha256(key).Compute(bytes, 0, HeaderSize + body.Length, bytes, HeaderSize + body.Length);
            return bytes;
        }

        /// <summary>The body of a <paramref name="bodyLength"/>-byte record of <paramref name="kind"/>, or null when the file is absent, short, corrupt or foreign.</summary>
        internal static byte[] Open(IStorageFile file, char kind, int bodyLength, byte[] key)
        {
            int size = HeaderSize + bodyLength + TagSize;
            byte[] bytes = new byte[size];
            if (file == null || file.Length != size || file.Read(0, bytes, 0, size) != size
                || bytes[0] != (byte)'B' || bytes[1] != (byte)'G' || bytes[2] != (byte)kind || bytes[3] != (byte)'1')
            {
                return null;
            }

            byte[] tag = new byte[TagSize];
            new HmacSha256(key).Compute(bytes, 0, HeaderSize + bodyLength, tag, 0);
            if (!FixedTime.Equals(tag, 0, bytes, HeaderSize + bodyLength, TagSize))
            {
                return null;
            }

            byte[] body = new byte[bodyLength];
            System.Array.Copy(bytes, HeaderSize, body, 0, bodyLength);
            return body;
        }
    }
}
