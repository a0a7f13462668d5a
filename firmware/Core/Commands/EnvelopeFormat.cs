namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Layout of a signed command envelope, version 1 (big-endian). The host signer and the guard
    /// share these numbers; changing any of them is a new version.
    /// <code>
    /// off  len
    /// 0    1   version = 0x01
    /// 1    1   command type
    /// 2    17  target vehicle id (VIN, ASCII)
    /// 19   4   issued, unix seconds
    /// 23   4   expires, unix seconds
    /// 27   1   parameter length P (0..48)
    /// 28   P   parameters
    /// 28+P 1   signature count S (1..4)
    /// then S x 39: role u8, key id u16, counter u32, mac[32]
    /// </code>
    /// mac = HMAC-SHA256(secret, "BMSGv1" || body || role || key id || counter), body = bytes [0, 28+P).
    /// </summary>
    public static class EnvelopeFormat
    {
        /// <summary>The only version this firmware reads.</summary>
        public const int Version = 0x01;

        /// <summary>Offset of the version byte.</summary>
        public const int VersionOffset = 0;

        /// <summary>Offset of the command type.</summary>
        public const int TypeOffset = 1;

        /// <summary>Offset of the vehicle id.</summary>
        public const int VinOffset = 2;

        /// <summary>Length of a vehicle id (VIN).</summary>
        public const int VinLength = 17;

        /// <summary>Offset of the issue time.</summary>
        public const int IssuedOffset = 19;

        /// <summary>Offset of the expiry time.</summary>
        public const int ExpiresOffset = 23;

        /// <summary>Offset of the parameter length.</summary>
        public const int ParameterLengthOffset = 27;

        /// <summary>Offset of the parameters.</summary>
        public const int ParametersOffset = 28;

        /// <summary>Largest parameter length.</summary>
        public const int MaxParameters = 48;

        /// <summary>Fewest signatures.</summary>
        public const int MinSignatures = 1;

        /// <summary>Most signatures.</summary>
        public const int MaxSignatures = 4;

        /// <summary>Bytes of one signature: role, key id, counter, MAC.</summary>
        public const int SignatureSize = 39;

        /// <summary>Bytes of a signature before its MAC (role, key id, counter): they are MACed too.</summary>
        public const int SignatureHeaderSize = 7;

        /// <summary>MAC length.</summary>
        public const int MacSize = 32;

        /// <summary>Length of a key secret.</summary>
        public const int SecretSize = 32;

        /// <summary>Shortest possible envelope (no parameters, one signature).</summary>
        public const int MinLength = ParametersOffset + 1 + SignatureSize;

        /// <summary>Longest possible envelope (48 parameter bytes, four signatures).</summary>
        public const int MaxLength = ParametersOffset + MaxParameters + 1 + (MaxSignatures * SignatureSize);

        /// <summary>Exact length of an envelope with <paramref name="parameters"/> bytes and <paramref name="signatures"/> signatures.</summary>
        public static int Length(int parameters, int signatures)
        {
            return ParametersOffset + parameters + 1 + (signatures * SignatureSize);
        }

        /// <summary>ASCII "BMSGv1": the MAC's domain separator, so no other protocol's MAC verifies as an envelope's.</summary>
        internal static readonly byte[] MacDomain = Ascii("BMSGv1");

        /// <summary>ASCII "BMSGwrap": the key-wrapping pad's domain separator.</summary>
        internal static readonly byte[] WrapDomain = Ascii("BMSGwrap");

        /// <summary>
        /// Bytes of an ASCII constant. Built in code rather than from an array literal, whose compiled
        /// form (RuntimeHelpers.InitializeArray) the nanoFramework profile does not include.
        /// </summary>
        internal static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>Reads a big-endian u16.</summary>
        internal static int ReadU16(byte[] data, int offset)
        {
            return (data[offset] << 8) | data[offset + 1];
        }

        /// <summary>Reads a big-endian u32.</summary>
        internal static uint ReadU32(byte[] data, int offset)
        {
            return ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
        }

        /// <summary>Writes a big-endian u16.</summary>
        internal static void WriteU16(byte[] data, int offset, int value)
        {
            data[offset] = (byte)(value >> 8);
            data[offset + 1] = (byte)value;
        }

        /// <summary>Writes a big-endian u32.</summary>
        internal static void WriteU32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)(value >> 24);
            data[offset + 1] = (byte)(value >> 16);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }
    }
}
