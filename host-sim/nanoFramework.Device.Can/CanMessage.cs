namespace nanoFramework.Device.Can
{
    /// <summary>CAN message (stand-in with the nanoFramework signatures).</summary>
    public class CanMessage
    {
        private uint _id;
        private CanMessageIdType _identifierType;
        private CanMessageFrameType _frameType;
        private byte[] _message;

        /// <summary>Creates a CAN message.</summary>
        public CanMessage(uint id, CanMessageIdType identifierType, CanMessageFrameType frameType, byte[] message)
        {
            _id = id;
            _identifierType = identifierType;
            _frameType = frameType;
            _message = message;
        }

        /// <summary>Message ID (SID or EID format, depending on <see cref="IdentifierType"/>).</summary>
        public uint Id
        {
            get { return _id; }
            set { _id = value; }
        }

        /// <summary>Message identifier type.</summary>
        public CanMessageIdType IdentifierType
        {
            get { return _identifierType; }
            set { _identifierType = value; }
        }

        /// <summary>Message frame type.</summary>
        public CanMessageFrameType FrameType
        {
            get { return _frameType; }
            set { _frameType = value; }
        }

        /// <summary>Message data (at most 8 bytes).</summary>
        public byte[] Message
        {
            get { return _message; }
            set { _message = value; }
        }
    }
}
