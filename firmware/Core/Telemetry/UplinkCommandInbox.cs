namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Where an uplink transport delivers messages that arrive on the subscribed command topic. The
    /// integrator connects it to the command guard: remote commands never go straight to a bus.
    /// </summary>
    public interface ICommandInbox
    {
        /// <summary>One command envelope, exactly as received (the first <paramref name="length"/> bytes); the callee copies what it keeps.</summary>
        void Submit(byte[] envelope, int length, long nowMicros);
    }
}
