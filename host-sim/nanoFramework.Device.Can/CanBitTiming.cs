namespace nanoFramework.Device.Can
{
    /// <summary>CAN bit timing presets (stand-in of the nanoFramework enum).</summary>
#pragma warning disable CA1707 // names match nanoFramework's
    public enum CanBitTiming
    {
        /// <summary>None: values set manually.</summary>
        _None,

        /// <summary>25 kbit/s.</summary>
        _25kBaud,

        /// <summary>50 kbit/s.</summary>
        _50kBaud,

        /// <summary>100 kbit/s.</summary>
        _100kBaud,

        /// <summary>125 kbit/s.</summary>
        _125kBaud,

        /// <summary>250 kbit/s.</summary>
        _250kBaud,

        /// <summary>500 kbit/s.</summary>
        _500kBaud,

        /// <summary>800 kbit/s.</summary>
        _800kBaud,

        /// <summary>1000 kbit/s.</summary>
        _1000kBaud,
    }
#pragma warning restore CA1707
}
