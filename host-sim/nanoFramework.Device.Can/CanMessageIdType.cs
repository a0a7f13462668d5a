namespace nanoFramework.Device.Can
{
    /// <summary>CAN message identifier type (stand-in of the nanoFramework enum).</summary>
    public enum CanMessageIdType
    {
        /// <summary>Standard 11-bit identifier.</summary>
        SID = 0,

        /// <summary>Extended 29-bit identifier.</summary>
        EID,
    }
}
