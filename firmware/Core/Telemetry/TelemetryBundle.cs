using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// A signed, versioned policy bundle: what `bmsguard policy compile` writes and the guard loads from storage
    /// or receives over MQTT. Byte layout (integers little-endian):
    /// <code>
    ///  0  4  magic "BGTP"
    ///  4  2  format version (1)
    ///  6  4  policy version (monotonic, at least 1)
    /// 10 17  vehicle id: the VIN, 17 ASCII characters
    /// 27  2  key id of the owner key that signed it (0 = unsigned: no tag follows)
    /// 29  4  body length N (see TelemetryPolicyCodec)
    /// 33  N  body
    /// 33+N 32 tag: HMAC-SHA256(owner secret, bytes 0 .. 33+N)
    /// </code>
    /// </summary>
    public sealed class TelemetryBundle
    {
        /// <summary>Format version this firmware reads and writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>Header bytes before the body.</summary>
        public const int HeaderSize = 33;

        /// <summary>Tag bytes after the body.</summary>
        public const int TagSize = HmacSha256.MacSize;

        /// <summary>Largest bundle accepted.</summary>
        public const int MaxSize = 8192;

        /// <summary>Characters of a VIN.</summary>
        public const int VinLength = 17;

        private const int VersionAt = 6;
        private const int VinAt = 10;
        private const int KeyIdAt = 27;
        private const int BodyLengthAt = 29;

        private TelemetryBundle(uint policyVersion, string vin, ushort keyId, TelemetryPolicy policy)
        {
            PolicyVersion = policyVersion;
            Vin = vin;
            KeyId = keyId;
            Policy = policy;
        }

        /// <summary>Policy version from the header.</summary>
        public readonly uint PolicyVersion;

        /// <summary>Vehicle id from the header.</summary>
        public readonly string Vin;

        /// <summary>Signing key id (0 = unsigned).</summary>
        public readonly ushort KeyId;

        /// <summary>The decoded policy.</summary>
        public readonly TelemetryPolicy Policy;

        /// <summary>
        /// A bundle of <paramref name="policy"/> for vehicle <paramref name="vin"/>, signed with owner key
        /// <paramref name="keyId"/> and its <paramref name="secret"/> (key id 0 and a null secret: unsigned, for tests).
        /// </summary>
        /// <exception cref="System.ArgumentException">The VIN is not 17 printable ASCII characters, the version is 0, or the bundle is too large.</exception>
        public static byte[] Encode(TelemetryPolicy policy, uint policyVersion, string vin, ushort keyId, byte[] secret)
        {
            byte[] body = TelemetryPolicyCodec.Encode(policy);
            bool signed = keyId != 0;
            int total = HeaderSize + body.Length + (signed ? TagSize : 0);
            if (vin == null || vin.Length != VinLength || policyVersion == 0 || total > MaxSize || signed != (secret != null))
            {
                throw new System.ArgumentException();
            }

            byte[] bundle = new byte[total];
            ByteCursor w = new ByteCursor(bundle, 0, total);
            w.PutU8('B');
            w.PutU8('G');
            w.PutU8('T');
            w.PutU8('P');
            w.PutU16(FormatVersion);
            w.PutU32(policyVersion);
            for (int i = 0; i < VinLength; i++)
            {
                char c = vin[i];
                if (c <= ' ' || c > '~')
                {
                    throw new System.ArgumentException();
                }

                w.PutU8(c);
            }

            w.PutU16(keyId);
            w.PutU32((uint)body.Length);
            System.Array.Copy(body, 0, bundle, HeaderSize, body.Length);
            if (signed)
            {
                new HmacSha256(secret).Compute(bundle, 0, HeaderSize + body.Length, bundle, HeaderSize + body.Length);
            }

            return bundle;
        }

        /// <summary>
        /// Checks the framing of <paramref name="length"/> bytes: size, magic, format, and that the length matches
        /// the header (with a tag unless key id 0). <see cref="BundleReason.Accepted"/> when well framed; an
        /// unsigned bundle gives <see cref="BundleReason.Unsigned"/>. Reads nothing beyond the header.
        /// </summary>
        public static int CheckFraming(byte[] data, int length)
        {
            if (length > MaxSize)
            {
                return BundleReason.TooLarge;
            }

            if (data == null || length < HeaderSize || data.Length < length)
            {
                return BundleReason.Truncated;
            }

            if (data[0] != 'B' || data[1] != 'G' || data[2] != 'T' || data[3] != 'P')
            {
                return BundleReason.BadMagic;
            }

            if ((data[4] | (data[5] << 8)) != FormatVersion)
            {
                return BundleReason.UnsupportedFormat;
            }

            long bodyLength = ReadU32(data, BodyLengthAt);
            bool signed = KeyIdOf(data) != 0;
            if (HeaderSize + bodyLength + (signed ? TagSize : 0) != length)
            {
                return BundleReason.Truncated;
            }

            return signed ? BundleReason.Accepted : BundleReason.Unsigned;
        }

        /// <summary>Policy version of a well-framed bundle.</summary>
        public static uint VersionOf(byte[] data)
        {
            return ReadU32(data, VersionAt);
        }

        /// <summary>Key id of a well-framed bundle.</summary>
        public static ushort KeyIdOf(byte[] data)
        {
            return (ushort)(data[KeyIdAt] | (data[KeyIdAt + 1] << 8));
        }

        /// <summary>True when a well-framed bundle names vehicle <paramref name="vin"/> (17 ASCII bytes).</summary>
        public static bool IsFor(byte[] data, byte[] vin)
        {
            if (vin == null || vin.Length != VinLength)
            {
                return false;
            }

            for (int i = 0; i < VinLength; i++)
            {
                if (data[VinAt + i] != vin[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the tag of a well-framed signed bundle verifies under <paramref name="hmac"/>'s key (fixed-time compare).</summary>
        public static bool TagVerifies(byte[] data, int length, HmacSha256 hmac)
        {
            int signedLength = length - TagSize;
            return signedLength >= HeaderSize && hmac.Verify(data, 0, signedLength, data, signedLength, TagSize);
        }

        /// <summary>
        /// Reads a well-framed bundle's header and body without checking its tag (for display and, after the
        /// checks, for loading); null with <paramref name="reason"/> when the framing or the body is bad.
        /// </summary>
        public static TelemetryBundle Read(byte[] data, int length, out int reason, out string error)
        {
            error = null;
            reason = CheckFraming(data, length);
            if (reason != BundleReason.Accepted && reason != BundleReason.Unsigned)
            {
                error = BundleReason.Name(reason);
                return null;
            }

            int bodyLength = (int)ReadU32(data, BodyLengthAt);
            TelemetryPolicy policy = TelemetryPolicyCodec.Decode(data, HeaderSize, bodyLength, out error);
            if (policy == null)
            {
                reason = BundleReason.BadBody;
                return null;
            }

            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            for (int i = 0; i < VinLength; i++)
            {
                sb.Append((char)data[VinAt + i]);
            }

            return new TelemetryBundle(VersionOf(data), sb.ToString(), KeyIdOf(data), policy);
        }

        private static uint ReadU32(byte[] data, int at)
        {
            return (uint)(data[at] | (data[at + 1] << 8) | (data[at + 2] << 16)) | ((uint)data[at + 3] << 24);
        }
    }
}
