using System;
using System.Device.Spi;

namespace BmsGuard.Emulation
{
    /// <summary>An emulated chip on an SPI bus: one call per chip-select pulse.</summary>
    public interface ISpiTarget
    {
        /// <summary>
        /// One transaction: <paramref name="write"/> is what the controller clocks out (MOSI),
        /// <paramref name="read"/> receives what the chip clocks back (MISO); the longer of the two is the
        /// transaction's length (a missing MOSI byte is 0). Chip select rises when the call returns.
        /// </summary>
        void Transact(ReadOnlySpan<byte> write, Span<byte> read);

        /// <summary>Whether the chip works in <paramref name="mode"/> at <paramref name="clockHz"/> (checked when a device opens it).</summary>
        bool Accepts(SpiMode mode, int clockHz);
    }
}
