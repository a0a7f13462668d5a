using System.Device.Gpio;

namespace System.Device.Spi
{
    /// <summary>Host stand-in of nanoFramework's SpiConnectionSettings (same members and defaults: 500 kHz, mode 0, 8 bits, MSB first, full duplex).</summary>
    public sealed class SpiConnectionSettings
    {
        /// <summary>Settings for a device on <paramref name="busId"/> selected by GPIO <paramref name="chipSelectLine"/>.</summary>
        public SpiConnectionSettings(int busId, int chipSelectLine = -1)
        {
            BusId = busId;
            ChipSelectLine = chipSelectLine;
        }

        /// <summary>A copy of <paramref name="other"/>.</summary>
        public SpiConnectionSettings(SpiConnectionSettings other)
        {
            BusId = other.BusId;
            ChipSelectLine = other.ChipSelectLine;
            Mode = other.Mode;
            DataBitLength = other.DataBitLength;
            ClockFrequency = other.ClockFrequency;
            DataFlow = other.DataFlow;
            ChipSelectLineActiveState = other.ChipSelectLineActiveState;
            Configuration = other.Configuration;
        }

        /// <summary>Bus id.</summary>
        public int BusId { get; set; }

        /// <summary>Chip select GPIO, -1 for none.</summary>
        public int ChipSelectLine { get; set; }

        /// <summary>Clock mode.</summary>
        public SpiMode Mode { get; set; } = SpiMode.Mode0;

        /// <summary>Bits per word.</summary>
        public int DataBitLength { get; set; } = 8;

        /// <summary>Clock in Hz.</summary>
        public int ClockFrequency { get; set; } = 500_000;

        /// <summary>Bit order.</summary>
        public DataFlow DataFlow { get; set; } = DataFlow.MsbFirst;

        /// <summary>Chip select level that selects the device.</summary>
        public PinValue ChipSelectLineActiveState { get; set; } = PinValue.Low;

        /// <summary>Bus wiring.</summary>
        public SpiBusConfiguration Configuration { get; set; } = SpiBusConfiguration.FullDuplex;
    }
}
