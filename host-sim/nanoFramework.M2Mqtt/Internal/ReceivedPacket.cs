namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>One control packet as read off the wire: type, the four flag bits and the body after the remaining length.</summary>
    internal sealed class ReceivedPacket
    {
        internal ReceivedPacket(PacketType type, int flags, byte[] body)
        {
            Type = type;
            Flags = flags;
            Body = body;
        }

        internal PacketType Type { get; }

        internal int Flags { get; }

        internal byte[] Body { get; }
    }
}
