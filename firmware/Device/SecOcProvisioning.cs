using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// The optional SecOC key for single-frame commands, handed over on the bench: "BGC1", role (u8),
    /// AES-128 key (16 bytes), HMAC-SHA256 under the identity's "secoc" key. Its role decides what the
    /// frames may command (threshold-one commands of that role only; never the battery maker's).
    /// </summary>
    public static class SecOcProvisioning
    {
        /// <summary>Bytes in a SecOC key file.</summary>
        public const int Size = 4 + 1 + 16 + 32;

        /// <summary>Builds a SecOC key file's bytes.</summary>
        public static byte[] Encode(int role, byte[] key, byte[] fileKey)
        {
            byte[] bytes = new byte[Size];
            bytes[0] = (byte)'B';
            bytes[1] = (byte)'G';
            bytes[2] = (byte)'C';
            bytes[3] = (byte)'1';
            bytes[4] = (byte)role;
            System.Array.Copy(key, 0, bytes, 5, 16);
            new HmacSha256(fileKey).Compute(bytes, 0, 21, bytes, 21);
            return bytes;
        }

        /// <summary>Reads the file; false when it is absent, short, corrupt or names no role.</summary>
        public static bool TryRead(IStorageFile file, byte[] fileKey, out int role, out byte[] key)
        {
            role = -1;
            key = null;
            byte[] bytes = new byte[Size];
            if (file.Length != Size || file.Read(0, bytes, 0, Size) != Size || bytes[0] != (byte)'B' || bytes[2] != (byte)'C' || bytes[4] >= Role.Count)
            {
                return false;
            }

            byte[] tag = new byte[32];
            new HmacSha256(fileKey).Compute(bytes, 0, 21, tag, 0);
            if (!FixedTime.Equals(tag, 0, bytes, 21, 32))
            {
                return false;
            }

            role = bytes[4];
            key = new byte[16];
            System.Array.Copy(bytes, 5, key, 0, 16);
            return true;
        }
    }
}
