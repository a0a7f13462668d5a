using BmsGuard.Core.Commands;
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
        private const char Kind = 'C';
        private const int BodySize = 1 + 16;

        /// <summary>Bytes in a SecOC key file.</summary>
        public const int Size = 4 + BodySize + 32;

        /// <summary>Builds a SecOC key file's bytes.</summary>
        public static byte[] Encode(int role, byte[] key, byte[] fileKey)
        {
            byte[] body = new byte[BodySize];
            body[0] = (byte)role;
            System.Array.Copy(key, 0, body, 1, 16);
            return SealedRecord.Seal(Kind, body, fileKey);
        }

        /// <summary>Reads the file; false when it is absent, short, corrupt or names no role.</summary>
        public static bool TryRead(IStorageFile file, byte[] fileKey, out int role, out byte[] key)
        {
            role = -1;
            key = null;
            byte[] body = SealedRecord.Open(file, Kind, BodySize, fileKey);
            if (body == null || body[0] >= Role.Count)
            {
                return false;
            }

            role = body[0];
            key = new byte[16];
            System.Array.Copy(body, 1, key, 0, 16);
            return true;
        }
    }
}
