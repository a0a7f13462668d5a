using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Builds and signs a version 1 envelope (see <see cref="EnvelopeFormat"/>): the host signer and
    /// the tests use it; the device only verifies. Set the body in the constructor, add one signature
    /// per signer, then take the bytes with <see cref="ToArray"/>.
    /// </summary>
    public sealed class EnvelopeWriter
    {
        private readonly byte[] _bytes = new byte[EnvelopeFormat.MaxLength];
        private readonly int _bodyLength;
        private int _signatures;

        /// <summary>Starts an envelope for <paramref name="vin"/> (17 ASCII characters).</summary>
        /// <exception cref="System.ArgumentException">A bad VIN, type outside 0..255, or more than 48 parameter bytes.</exception>
        public EnvelopeWriter(int type, string vin, uint issued, uint expires, byte[] parameters)
        {
            int p = parameters == null ? 0 : parameters.Length;
            if (type < 0 || type > 255 || p > EnvelopeFormat.MaxParameters)
            {
                throw new System.ArgumentException();
            }

            _bytes[EnvelopeFormat.VersionOffset] = EnvelopeFormat.Version;
            _bytes[EnvelopeFormat.TypeOffset] = (byte)type;
            VehicleId.Write(vin, _bytes, EnvelopeFormat.VinOffset);
            EnvelopeFormat.WriteU32(_bytes, EnvelopeFormat.IssuedOffset, issued);
            EnvelopeFormat.WriteU32(_bytes, EnvelopeFormat.ExpiresOffset, expires);
            _bytes[EnvelopeFormat.ParameterLengthOffset] = (byte)p;
            if (p > 0)
            {
                System.Array.Copy(parameters, 0, _bytes, EnvelopeFormat.ParametersOffset, p);
            }

            _bodyLength = EnvelopeFormat.ParametersOffset + p;
        }

        /// <summary>Signatures added so far.</summary>
        public int SignatureCount
        {
            get { return _signatures; }
        }

        /// <summary>Signs the body with <paramref name="secret"/> (32 bytes) as <paramref name="role"/>'s key <paramref name="keyId"/>.</summary>
        /// <exception cref="System.ArgumentException">Already four signatures, role or key id out of range, or a null secret.</exception>
        public void AddSignature(int role, int keyId, uint counter, byte[] secret)
        {
            if (_signatures == EnvelopeFormat.MaxSignatures || role < 0 || role > 255
                || keyId < 0 || keyId > 0xFFFF || secret == null)
            {
                throw new System.ArgumentException();
            }

            int at = _bodyLength + 1 + (_signatures * EnvelopeFormat.SignatureSize);
            _bytes[at] = (byte)role;
            EnvelopeFormat.WriteU16(_bytes, at + 1, keyId);
            EnvelopeFormat.WriteU32(_bytes, at + 3, counter);
            EnvelopeMac.Compute(new HmacSha256(secret), _bytes, _bodyLength, _bytes, at, _bytes, at + EnvelopeFormat.SignatureHeaderSize);
            _signatures++;
        }

        /// <summary>The envelope's bytes, exactly <see cref="EnvelopeFormat.Length"/> long.</summary>
        /// <exception cref="System.ArgumentException">No signature was added.</exception>
        public byte[] ToArray()
        {
            if (_signatures == 0)
            {
                throw new System.ArgumentException();
            }

            _bytes[_bodyLength] = (byte)_signatures;
            int length = _bodyLength + 1 + (_signatures * EnvelopeFormat.SignatureSize);
            byte[] result = new byte[length];
            System.Array.Copy(_bytes, result, length);
            return result;
        }

        /// <summary>Parameters of <see cref="CommandType.ProvisionKey"/>: key id, role, wrapped secret.</summary>
        /// <exception cref="System.ArgumentException">The wrapped secret is not 32 bytes.</exception>
        public static byte[] ProvisionParameters(int keyId, int role, byte[] wrappedSecret)
        {
            if (wrappedSecret == null || wrappedSecret.Length != EnvelopeFormat.SecretSize)
            {
                throw new System.ArgumentException();
            }

            byte[] p = new byte[CommandParameters.ProvisionKeyLength];
            EnvelopeFormat.WriteU16(p, 0, keyId);
            p[2] = (byte)role;
            System.Array.Copy(wrappedSecret, 0, p, 3, EnvelopeFormat.SecretSize);
            return p;
        }

        /// <summary>Parameters of <see cref="CommandType.RevokeKey"/>: the key id.</summary>
        public static byte[] RevokeParameters(int keyId)
        {
            byte[] p = new byte[2];
            EnvelopeFormat.WriteU16(p, 0, keyId);
            return p;
        }
    }
}
