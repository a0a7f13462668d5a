namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The command the guard accepted last, for the caller to execute: type, a copy of the parameters
    /// in a reused buffer, and who signed. Valid from an <see cref="CommandVerdict.Accepted"/> until the
    /// next submission; after a denial <see cref="Type"/> is 0.
    /// </summary>
    public sealed class AcceptedCommand
    {
        private readonly byte[] _parameters = new byte[EnvelopeFormat.MaxParameters];
        private readonly byte[] _roles = new byte[EnvelopeFormat.MaxSignatures];
        private readonly ushort[] _keyIds = new ushort[EnvelopeFormat.MaxSignatures];
        private int _type;
        private int _parameterLength;
        private uint _issued;
        private uint _expires;
        private int _signerCount;
        private int _signerRoles;

        /// <summary>Command type (<see cref="CommandType"/>), 0 when nothing is accepted.</summary>
        public int Type
        {
            get { return _type; }
        }

        /// <summary>Parameter bytes (the first <see cref="ParameterLength"/> are valid); the buffer is reused.</summary>
        public byte[] Parameters
        {
            get { return _parameters; }
        }

        /// <summary>Number of parameter bytes.</summary>
        public int ParameterLength
        {
            get { return _parameterLength; }
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

        /// <summary>Number of signers.</summary>
        public int SignerCount
        {
            get { return _signerCount; }
        }

        /// <summary>Roles that signed, as a bit set (bit 1 &lt;&lt; role).</summary>
        public int SignerRoles
        {
            get { return _signerRoles; }
        }

        /// <summary>Role of signer <paramref name="index"/>.</summary>
        public int SignerRole(int index)
        {
            return _roles[index];
        }

        /// <summary>Key id of signer <paramref name="index"/>.</summary>
        public int SignerKeyId(int index)
        {
            return _keyIds[index];
        }

        /// <summary>Copies the accepted envelope's command.</summary>
        internal void Set(CommandEnvelope envelope, int roleMask)
        {
            _type = envelope.Type;
            _parameterLength = envelope.ParameterLength;
            System.Array.Clear(_parameters, 0, _parameters.Length);
            System.Array.Copy(envelope.Data, EnvelopeFormat.ParametersOffset, _parameters, 0, ParameterLength);
            _issued = envelope.Issued;
            _expires = envelope.Expires;
            _signerCount = envelope.SignatureCount;
            _signerRoles = roleMask;
            for (int i = 0; i < SignerCount; i++)
            {
                _roles[i] = (byte)envelope.SignatureRole(i);
                _keyIds[i] = (ushort)envelope.SignatureKeyId(i);
            }
        }

        /// <summary>Forgets the last command.</summary>
        internal void Clear()
        {
            _type = 0;
            _parameterLength = 0;
            _signerCount = 0;
            _signerRoles = 0;
            _issued = 0;
            _expires = 0;
            System.Array.Clear(_parameters, 0, _parameters.Length);
        }
    }
}
