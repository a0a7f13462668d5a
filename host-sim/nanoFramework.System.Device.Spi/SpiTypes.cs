namespace System.Device.Spi
{
    /// <summary>Clock polarity and phase (same members as nanoFramework's SpiMode).</summary>
    public enum SpiMode
    {
        /// <summary>CPOL 0, CPHA 0.</summary>
        Mode0,
        /// <summary>CPOL 0, CPHA 1.</summary>
        Mode1,
        /// <summary>CPOL 1, CPHA 0.</summary>
        Mode2,
        /// <summary>CPOL 1, CPHA 1.</summary>
        Mode3,
    }

    /// <summary>Bit order (same members as nanoFramework's DataFlow).</summary>
    public enum DataFlow
    {
        /// <summary>Most significant bit first.</summary>
        MsbFirst,
        /// <summary>Least significant bit first.</summary>
        LsbFirst,
    }

    /// <summary>Bus wiring (same members as nanoFramework's SpiBusConfiguration).</summary>
    public enum SpiBusConfiguration
    {
        /// <summary>MOSI and MISO.</summary>
        FullDuplex,
        /// <summary>One data line.</summary>
        HalfDuplex,
        /// <summary>Output only.</summary>
        Simplex,
    }
}
