using System;
using System.Collections.Generic;
using System.Device.Spi;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// The SPI buses of an emulated board: targets by (bus, chip select), and the wire time every
    /// transaction costs at its clock (bytes x 8 / clock, plus <see cref="TransactionOverheadNanos"/> for
    /// chip select and the driver call), which the board's time model charges to its CPU.
    /// </summary>
    public sealed class EmulatedSpiBus : IDisposable
    {
        [ThreadStatic]
        private static EmulatedSpiBus s_current;

        private readonly Dictionary<(int Bus, int ChipSelect), ISpiTarget> _targets = new();
        private readonly HashSet<(int Bus, int ChipSelect)> _open = new();
        private EmulatedSpiBus _previous;

        /// <summary>The buses active on this thread, or null.</summary>
        public static EmulatedSpiBus Current => s_current;

        /// <summary>Fixed cost of one transaction in ns (chip select, driver); 0 by default: wire time only.</summary>
        public long TransactionOverheadNanos { get; set; }

        /// <summary>Clock the wire time is computed at, Hz; 0 (default): each device's own ClockFrequency.</summary>
        public int ClockHz { get; set; }

        /// <summary>Transactions so far.</summary>
        public long Transactions { get; private set; }

        /// <summary>Bytes clocked so far.</summary>
        public long Bytes { get; private set; }

        /// <summary>Time all transactions took, in ns.</summary>
        public long BusyNanos { get; private set; }

        /// <summary>Places a chip at (bus, chip select).</summary>
        public void Attach(int busId, int chipSelect, ISpiTarget target) => _targets.Add((busId, chipSelect), target);

        /// <summary>Makes these buses the ones SpiDevice sees on this thread.</summary>
        public EmulatedSpiBus Activate()
        {
            _previous = s_current;
            s_current = this;
            return this;
        }

        /// <summary>Deactivates the buses.</summary>
        public void Dispose()
        {
            if (ReferenceEquals(s_current, this))
            {
                s_current = _previous;
            }
        }

        internal ISpiTarget Open(SpiConnectionSettings settings)
        {
            var key = (settings.BusId, settings.ChipSelectLine);
            if (!_targets.TryGetValue(key, out ISpiTarget target))
            {
                throw new ArgumentException("no device at this bus and chip select");
            }

            if (!target.Accepts(settings.Mode, settings.ClockFrequency))
            {
                throw new ArgumentException($"the device does not work in {settings.Mode} at {settings.ClockFrequency} Hz");
            }

            if (!_open.Add(key))
            {
                throw new InvalidOperationException("chip select already in use");
            }

            return target;
        }

        internal void Close(SpiConnectionSettings settings) => _open.Remove((settings.BusId, settings.ChipSelectLine));

        internal void Transact(SpiConnectionSettings settings, ISpiTarget target, ReadOnlySpan<byte> write, Span<byte> read)
        {
            int length = Math.Max(write.Length, read.Length);
            Transactions++;
            Bytes += length;
            BusyNanos += TransactionOverheadNanos + (length * 8L * 1_000_000_000L / Math.Max(1, ClockHz > 0 ? ClockHz : settings.ClockFrequency));
            target.Transact(write, read);
        }
    }
}
