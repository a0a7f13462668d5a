using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// The first owner key, handed over on the bench (physical access stands for ownership): "BGO1",
    /// key id (u16 BE), secret (32 bytes), HMAC-SHA256 under the identity's "owner" key. Installed once
    /// at boot while the guard is unprovisioned, then erased from storage.
    /// </summary>
    public static class OwnerProvisioning
    {
        private const char Kind = 'O';
        private const int BodySize = 2 + 32;

        /// <summary>Bytes in an owner file.</summary>
        public const int Size = 4 + BodySize + 32;

        /// <summary>Builds an owner file's bytes.</summary>
        public static byte[] Encode(ushort keyId, byte[] secret, byte[] ownerFileKey)
        {
            byte[] body = new byte[BodySize];
            body[0] = (byte)(keyId >> 8);
            body[1] = (byte)keyId;
            System.Array.Copy(secret, 0, body, 2, 32);
            return SealedRecord.Seal(Kind, body, ownerFileKey);
        }

        /// <summary>Reads the file; false when it is absent, short or corrupt.</summary>
        public static bool TryRead(IStorageFile file, byte[] ownerFileKey, out ushort keyId, out byte[] secret)
        {
            keyId = 0;
            secret = null;
            byte[] body = SealedRecord.Open(file, Kind, BodySize, ownerFileKey);
            if (body == null)
            {
                return false;
            }

            keyId = (ushort)((body[0] << 8) | body[1]);
            secret = new byte[32];
            System.Array.Copy(body, 2, secret, 0, 32);
            return true;
        }
    }
}
