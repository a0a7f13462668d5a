using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// Who this guard is, written once on the bench (<c>bmsguard provision</c>): the vehicle's VIN and
    /// a 32-byte device secret from which the state and audit keys are derived. Layout: "BGI1", VIN
    /// (17 ASCII bytes), secret (32 bytes), HMAC-SHA256 of the preceding bytes under the secret
    /// (catches a corrupted file, not an attacker who can write it).
    /// </summary>
    public sealed class GuardIdentity
    {
        /// <summary>Bytes in an identity file.</summary>
        public const int Size = 4 + 17 + 32 + 32;

        private readonly byte[] _secret;

        private GuardIdentity(string vin, byte[] secret)
        {
            Vin = vin;
            _secret = secret;
        }

        /// <summary>The vehicle this guard protects.</summary>
        public readonly string Vin;

        /// <summary>Builds an identity file's bytes (host provisioning tool and tests).</summary>
        public static byte[] Encode(string vin, byte[] secret)
        {
            if (vin == null || vin.Length != 17 || secret == null || secret.Length != 32)
            {
                throw new System.ArgumentException();
            }

            byte[] bytes = new byte[Size];
            bytes[0] = (byte)'B';
            bytes[1] = (byte)'G';
            bytes[2] = (byte)'I';
            bytes[3] = (byte)'1';
            for (int i = 0; i < 17; i++)
            {
                bytes[4 + i] = (byte)vin[i];
            }

            System.Array.Copy(secret, 0, bytes, 21, 32);
            new HmacSha256(secret).Compute(bytes, 0, 53, bytes, 53);
            return bytes;
        }

        /// <summary>Reads the identity; null when the file is missing, short or corrupt (the guard then runs unprovisioned).</summary>
        public static GuardIdentity Load(IStorageFile file)
        {
            byte[] bytes = new byte[Size];
            if (file == null || file.Length != Size || file.Read(0, bytes, 0, Size) != Size)
            {
                return null;
            }

            if (bytes[0] != (byte)'B' || bytes[1] != (byte)'G' || bytes[2] != (byte)'I' || bytes[3] != (byte)'1')
            {
                return null;
            }

            byte[] secret = new byte[32];
            System.Array.Copy(bytes, 21, secret, 0, 32);
            byte[] tag = new byte[32];
            new HmacSha256(secret).Compute(bytes, 0, 53, tag, 0);
            if (!FixedTime.Equals(tag, 0, bytes, 53, 32))
            {
                return null;
            }

            System.Text.StringBuilder vin = new System.Text.StringBuilder();
            for (int i = 0; i < 17; i++)
            {
                vin.Append((char)bytes[4 + i]);
            }

            // The tag is keyed with the file's own secret: it proves integrity, not origin. A VIN the
            // command guard cannot use would stop the boot, so such a file counts as corrupt.
            if (!VehicleId.IsValid(vin.ToString()))
            {
                return null;
            }

            return new GuardIdentity(vin.ToString(), secret);
        }

        /// <summary>A 32-byte key for one purpose ("state", "audit", ...): HMAC-SHA256(secret, purpose).</summary>
        public byte[] DeriveKey(string purpose)
        {
            return Derive(_secret, purpose);
        }

        /// <summary>The same derivation from a raw secret (host tools hand the owner the audit key).</summary>
        public static byte[] Derive(byte[] secret, string purpose)
        {
            byte[] label = new byte[purpose.Length];
            for (int i = 0; i < label.Length; i++)
            {
                label[i] = (byte)purpose[i];
            }

            byte[] key = new byte[32];
            new HmacSha256(secret).Compute(label, 0, label.Length, key, 0);
            return key;
        }
    }
}
