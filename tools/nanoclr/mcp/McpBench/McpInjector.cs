using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyNativeVersion("1.0.0.0")]

namespace BmsGuard.DeviceBench.Mcp
{
    /// <summary>
    /// The bench's side of the two emulated MCP2515s of the POSIX nanoCLR (natives in ../mcp2515_posix.cpp):
    /// which chip select and INT pin each chip has, and frames of the reference drive put on a chip's bus.
    /// A frame on the bus goes into a receive buffer as the chip takes it (RXB0, rolling over into RXB1); while
    /// both are full the next frames wait on the bus and each moves in when a READ RX BUFFER frees a buffer
    /// (the bus faster than the drain, nothing lost). The chip drives its INT pin low while an enabled
    /// interrupt flag is set; each change of level reaches the GPIO driver's interrupt handler. Not part of any
    /// driver: on a board the frames come from the bus. All methods are static and native, so that the method
    /// table the nanoCLR binds them by stays in declaration order.
    /// </summary>
    public static class McpInjector
    {
        /// <summary><see cref="Stat"/> of a chip: frames it sent on its bus (RTS in normal mode).</summary>
        public const int Sent = 0;

        /// <summary><see cref="Stat"/> of a chip: frames stored in its receive buffers.</summary>
        public const int Stored = 1;

        /// <summary><see cref="Stat"/> of a chip: frames lost to a receive overflow (RXnOVR).</summary>
        public const int Lost = 2;

        /// <summary><see cref="Stat"/> of a chip: SPI transactions (chip-select pulses) it saw.</summary>
        public const int Transactions = 3;

        /// <summary><see cref="Stat"/> of a chip: bytes clocked in its transactions.</summary>
        public const int Bytes = 4;

        /// <summary><see cref="Stat"/> of a chip: changes of its INT pin that reached the GPIO interrupt handler.</summary>
        public const int Edges = 5;

        /// <summary><see cref="Stat"/> of a chip: writes it refused (read-only registers, a pending transmit buffer) and unknown instructions.</summary>
        public const int Refused = 6;

        /// <summary><see cref="Stat"/> of a chip: reads of its INT pin (GpioPin.Read).</summary>
        public const int PinReads = 7;

        /// <summary><see cref="Stat"/> (any chip): garbage collections so far.</summary>
        public const int GarbageCollections = 8;

        /// <summary>Connects chip <paramref name="chip"/> (0 or 1) to the SPI device with chip select <paramref name="chipSelect"/> and its INT to GPIO <paramref name="interruptPin"/>; call before opening them.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Wire(int chip, int chipSelect, int interruptPin);

        /// <summary>Keeps the frames to inject: frame i is ids[i] (top bit: extended), its length lengths[i], its payload payloads[8i..8i+7].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Load(uint[] ids, byte[] lengths, byte[] payloads);

        /// <summary>Puts the next <paramref name="count"/> frames (wrapping) on chip <paramref name="chip"/>'s bus; returns them.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Inject(int chip, int count);

        /// <summary>Work not yet taken up: frames on the chip's bus and in its receive buffers, HAL queue records and queued application interrupts.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Pending(int chip);

        /// <summary>One of the counters above, of chip <paramref name="chip"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Stat(int chip, int what);
    }
}
