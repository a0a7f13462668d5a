using BmsGuard.Core.Crypto;
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
        /// <summary>Bytes in an owner file.</summary>
        public const int Size = 4 + 2 + 32 + 32;

        /// <summary>Builds an owner file's bytes.</summary>
        public static byte[] Encode(ushort keyId, byte[] secret, byte[] ownerFileKey)
        {
            byte[] bytes = new byte[Size];
            bytes[0] = (byte)'B';
            bytes[1] = (byte)'G';
            bytes[2] = (byte)'O';
            bytes[3] = (byte)'1';
            bytes[4] = (byte)(keyId >> 8);
            bytes[5] = (byte)keyId;
            System.Array.Copy(secret, 0, bytes, 6, 32);
            new HmacSha256(ownerFileKey).Compute(bytes, 0, 38, bytes, 38);
            return bytes;
        }

        /// <summary>Reads the file; false when it is absent, short or corrupt.</summary>
        public static bool TryRead(IStorageFile file, byte[] ownerFileKey, out ushort keyId, out byte[] secret)
        {
            keyId = 0;
            secret = null;
            byte[] bytes = new byte[Size];
            if (file.Length != Size || file.Read(0, bytes, 0, Size) != Size || bytes[0] != (byte)'B' || bytes[3] != (byte)'1')
            {
                return false;
            }

            byte[] tag = new byte[32];
            new HmacSha256(ownerFileKey).Compute(bytes, 0, 38, tag, 0);
            if (!FixedTime.Equals(tag, 0, bytes, 38, 32))
            {
                return false;
            }

            keyId = (ushort)((bytes[4] << 8) | bytes[5]);
            secret = new byte[32];
            System.Array.Copy(bytes, 6, secret, 0, 32);
            return true;
        }
    }
}
