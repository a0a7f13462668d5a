using BmsGuard.Emulation;

namespace System.Device.Spi
{
    /// <summary>
    /// Host stand-in of nanoFramework's SpiDevice: each call is one chip-select transaction on the
    /// target the current thread's <see cref="EmulatedSpiBus"/> has at (bus, chip select).
    /// </summary>
    public class SpiDevice : IDisposable
    {
        private readonly SpiConnectionSettings _settings;
        private readonly EmulatedSpiBus _bus;
        private readonly ISpiTarget _target;
        private readonly byte[] _single = new byte[1];
        private bool _disposed;

        /// <summary>Opens the device; a chip select already open throws SpiDeviceAlreadyInUseException's stand-in, <see cref="InvalidOperationException"/>.</summary>
        public SpiDevice(SpiConnectionSettings settings)
        {
            _settings = new SpiConnectionSettings(settings);
            _bus = EmulatedSpiBus.Current ?? throw new InvalidOperationException("no EmulatedSpiBus is active on this thread");
            _target = _bus.Open(_settings);
        }

        /// <summary>A copy of the settings.</summary>
        public SpiConnectionSettings ConnectionSettings => new SpiConnectionSettings(_settings);

        /// <summary>Opens a device.</summary>
        public static SpiDevice Create(SpiConnectionSettings settings) => new SpiDevice(settings);

        /// <summary>Reads one byte (one transaction).</summary>
        public byte ReadByte()
        {
            Transfer(default, _single);
            return _single[0];
        }

        /// <summary>Reads <paramref name="buffer"/>.Length bytes (one transaction).</summary>
        public void Read(SpanByte buffer) => Transfer(default, buffer);

        /// <summary>Writes one byte (one transaction).</summary>
        public void WriteByte(byte value)
        {
            _single[0] = value;
            Transfer(_single, default);
        }

        /// <summary>Writes <paramref name="buffer"/> (one transaction).</summary>
        public void Write(SpanByte buffer) => Transfer(buffer, default);

        /// <summary>Writes and reads the same number of bytes at once (one transaction).</summary>
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer)
        {
            if (_settings.Configuration != SpiBusConfiguration.FullDuplex)
            {
                throw new InvalidOperationException();
            }

            Transfer(writeBuffer, readBuffer);
        }

        /// <summary>Closes the device.</summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _bus.Close(_settings);
            }
        }

        private void Transfer(SpanByte write, SpanByte read)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Span<byte> readSpan = read.AsSpan();
            readSpan.Clear();
            _bus.Transact(_settings, _target, write.AsSpan(), readSpan);
        }
    }
}
