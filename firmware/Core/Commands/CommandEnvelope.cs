namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// A parsed view of an envelope (see <see cref="EnvelopeFormat"/>): offsets into the caller's
    /// buffer, nothing copied, nothing allocated. Reused by the guard for every submission; valid
    /// until the next <see cref="Parse"/> or until the caller changes the buffer.
    /// </summary>
    public sealed class CommandEnvelope
    {
        private byte[] _data;
        private int _type;
        private uint _issued;
        private uint _expires;
        private int _parameterLength;
        private int _signatureCount;

        /// <summary>The buffer parsed last.</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>Command type (valid once the version check passed).</summary>
        public int Type
        {
            get { return _type; }
        }

        /// <summary>Issue time, unix seconds.</summary>
        public uint Issued
        {
            get { return _issued; }
        }

        /// <summary>Expiry time, unix seconds.</summary>
        public uint Expires
        {
            get { return _expires; }
        }

        /// <summary>Parameter length.</summary>
        public int ParameterLength
        {
            get { return _parameterLength; }
        }

        /// <summary>Number of signatures.</summary>
        public int SignatureCount
        {
            get { return _signatureCount; }
        }

        /// <summary>Length of the signed body: bytes [0, BodyLength).</summary>
        public int BodyLength
        {
            get { return EnvelopeFormat.ParametersOffset + ParameterLength; }
        }

        /// <summary>
        /// Checks the structure: version, lengths, known type and its parameters. Returns
        /// <see cref="CommandVerdict.Accepted"/> or the first problem found; never throws.
        /// </summary>
        public int Parse(byte[] data, int length)
        {
            Reset();
            _data = data;
            if (data == null || length < 1 || length > data.Length)
            {
                return CommandVerdict.Malformed;
            }

            // The version comes first so that a future layout is reported as such, not as garbage.
            if (data[EnvelopeFormat.VersionOffset] != EnvelopeFormat.Version)
            {
                return CommandVerdict.BadVersion;
            }

            if (length < EnvelopeFormat.MinLength)
            {
                return CommandVerdict.Malformed;
            }

            int p = data[EnvelopeFormat.ParameterLengthOffset];
            if (p > EnvelopeFormat.MaxParameters)
            {
                return CommandVerdict.Malformed;
            }

            // Read the signature count only where the claimed length says it lies (found by the fuzz test).
            if (length < EnvelopeFormat.Length(p, EnvelopeFormat.MinSignatures))
            {
                return CommandVerdict.Malformed;
            }

            int s = data[EnvelopeFormat.ParametersOffset + p];
            if (s < EnvelopeFormat.MinSignatures || s > EnvelopeFormat.MaxSignatures
                || length != EnvelopeFormat.Length(p, s))
            {
                return CommandVerdict.Malformed;
            }

            _type = data[EnvelopeFormat.TypeOffset];
            _issued = EnvelopeFormat.ReadU32(data, EnvelopeFormat.IssuedOffset);
            _expires = EnvelopeFormat.ReadU32(data, EnvelopeFormat.ExpiresOffset);
            _parameterLength = p;
            _signatureCount = s;
            return CommandParameters.Check(Type, data, EnvelopeFormat.ParametersOffset, p);
        }

        /// <summary>Forgets the last envelope (type 0, no signatures).</summary>
        public void Reset()
        {
            _data = null;
            _type = 0;
            _issued = 0;
            _expires = 0;
            _parameterLength = 0;
            _signatureCount = 0;
        }

        /// <summary>True when the envelope's vehicle id equals <paramref name="vin"/> (17 bytes).</summary>
        public bool IsFor(byte[] vin)
        {
            for (int i = 0; i < EnvelopeFormat.VinLength; i++)
            {
                if (Data[EnvelopeFormat.VinOffset + i] != vin[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Offset of signature <paramref name="index"/> (its role byte).</summary>
        public int SignatureOffset(int index)
        {
            return BodyLength + 1 + (index * EnvelopeFormat.SignatureSize);
        }

        /// <summary>Role claimed by signature <paramref name="index"/>.</summary>
        public int SignatureRole(int index)
        {
            return Data[SignatureOffset(index)];
        }

        /// <summary>Key id of signature <paramref name="index"/>.</summary>
        public int SignatureKeyId(int index)
        {
            return EnvelopeFormat.ReadU16(Data, SignatureOffset(index) + 1);
        }

        /// <summary>Counter of signature <paramref name="index"/>.</summary>
        public uint SignatureCounter(int index)
        {
            return EnvelopeFormat.ReadU32(Data, SignatureOffset(index) + 3);
        }

        /// <summary>Offset of signature <paramref name="index"/>'s MAC.</summary>
        public int SignatureMacOffset(int index)
        {
            return SignatureOffset(index) + EnvelopeFormat.SignatureHeaderSize;
        }
    }
}
