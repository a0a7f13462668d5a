namespace nanoFramework.Runtime.Native
{
    /// <summary>How the device restarts (values as nanoFramework's).</summary>
    public enum RebootOption
    {
        /// <summary>A full reset, as after power-on.</summary>
        NormalReboot = 0,

        /// <summary>Into nanoBooter.</summary>
        EnterNanoBooter = 1,

        /// <summary>The CLR only, without a hardware reset.</summary>
        ClrOnly = 2,

        /// <summary>Into the vendor's boot loader.</summary>
        EnterProprietaryBooter = 8,
    }
}
