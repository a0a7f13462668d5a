using System;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// A board of MCP2515 chips on SPI with their INT pins (the ESP32 board), and its time model: an
    /// INT edge is handled when the board's CPU is free, and the handler keeps the CPU busy for the SPI
    /// time its transactions take. Frames that arrive meanwhile wait in the chips' two receive buffers;
    /// beyond that they are lost and flagged (RXnOVR), as on the device when the firmware reads too slowly.
    /// </summary>
    public sealed class EmulatedMcp2515Board : IDisposable
    {
        // The time of the previous Service call: edges queued since then happened no earlier.
        private long _previousNanos = long.MinValue;

        /// <summary>Creates the board's pins (edges queued for <see cref="Service"/>) and SPI buses, and activates both on this thread.</summary>
        public EmulatedMcp2515Board()
        {
            Gpio = new EmulatedGpio { Immediate = false }.Activate();
            Spi = new EmulatedSpiBus().Activate();
        }

        /// <summary>The board's pins.</summary>
        public EmulatedGpio Gpio { get; }

        /// <summary>The board's SPI buses.</summary>
        public EmulatedSpiBus Spi { get; }

        /// <summary>When the CPU is free again, in ns of emulated time.</summary>
        public long BusyUntilNanos { get; private set; } = long.MinValue;

        /// <summary>INT edges handled.</summary>
        public long EdgesHandled { get; private set; }

        /// <summary>Adds a chip at (bus, chip select) whose INT drives <paramref name="interruptPin"/>.</summary>
        public Mcp2515Chip AddChip(string name, int busId, int chipSelect, int interruptPin, IMcp2515BusSink sink)
        {
            var chip = new Mcp2515Chip(name, Gpio, interruptPin, sink);
            Spi.Attach(busId, chipSelect, chip);
            return chip;
        }

        /// <summary>
        /// Handles queued INT edges whose handler can start by <paramref name="nowNanos"/>, one at a time
        /// (call it right after each frame arrives, and before the next one with that frame's time):
        /// <paramref name="startingAt"/> gets each handler's start time (to set the firmware's clock) first.
        /// Returns the number handled.
        /// </summary>
        public int Service(long nowNanos, Action<long> startingAt)
        {
            int handled = 0;
            while (Gpio.Pending > 0)
            {
                long start = Math.Max(BusyUntilNanos, _previousNanos == long.MinValue ? nowNanos : _previousNanos);
                if (start > nowNanos)
                {
                    break;
                }

                startingAt?.Invoke(start);
                long before = Spi.BusyNanos;
                Gpio.DispatchNext();
                BusyUntilNanos = start + (Spi.BusyNanos - before);
                EdgesHandled++;
                handled++;
            }

            _previousNanos = nowNanos;
            return handled;
        }

        /// <summary>Deactivates the pins and buses.</summary>
        public void Dispose()
        {
            Spi.Dispose();
            Gpio.Dispose();
        }
    }
}
