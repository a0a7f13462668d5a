namespace nanoFramework.Device.Can
{
    /// <summary>CAN message frame type (stand-in of the nanoFramework enum).</summary>
    public enum CanMessageFrameType
    {
        /// <summary>Data frame.</summary>
        Data = 0,

        /// <summary>Remote request frame.</summary>
        RemoteRequest,
    }
}
