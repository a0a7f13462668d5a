namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Peripheral signals a GPIO can carry (values as nanoFramework's: device type, index, signal).</summary>
    public enum DeviceFunction
    {
        /// <summary>SPI bus 1 MOSI.</summary>
        SPI1_MOSI = 0x10000 + 0x100 + 0,
        /// <summary>SPI bus 1 MISO.</summary>
        SPI1_MISO = 0x10000 + 0x100 + 1,
        /// <summary>SPI bus 1 clock.</summary>
        SPI1_CLOCK = 0x10000 + 0x100 + 2,
        /// <summary>SPI bus 2 MOSI.</summary>
        SPI2_MOSI = 0x10000 + 0x200 + 0,
        /// <summary>SPI bus 2 MISO.</summary>
        SPI2_MISO = 0x10000 + 0x200 + 1,
        /// <summary>SPI bus 2 clock.</summary>
        SPI2_CLOCK = 0x10000 + 0x200 + 2,
        /// <summary>I2C bus 1 data.</summary>
        I2C1_DATA = 0x20000 + 0x100 + 0,
        /// <summary>I2C bus 1 clock.</summary>
        I2C1_CLOCK = 0x20000 + 0x100 + 1,
        /// <summary>UART 1 TX.</summary>
        COM1_TX = 0x30000 + 0x100 + 0,
        /// <summary>UART 1 RX.</summary>
        COM1_RX = 0x30000 + 0x100 + 1,
        /// <summary>UART 2 TX.</summary>
        COM2_TX = 0x30000 + 0x200 + 0,
        /// <summary>UART 2 RX.</summary>
        COM2_RX = 0x30000 + 0x200 + 1,
    }
}
