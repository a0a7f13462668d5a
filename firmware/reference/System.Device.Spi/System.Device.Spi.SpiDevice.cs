// Public surface of System.Device.Spi.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Device.Gpio;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Device.Spi
{
    public class SpiDevice : IDisposable
    {
        public SpiConnectionSettings ConnectionSettings
        {
            get
            {
                throw null;
            }
        }

        public byte ReadByte()
        {
            throw null;
        }

        public void Read(SpanByte buffer)
        {
            throw null;
        }

        public void Read(ushort[] buffer)
        {
            throw null;
        }

        public void WriteByte(byte value)
        {
            throw null;
        }

        public void Write(ushort[] buffer)
        {
            throw null;
        }

        public void Write(SpanByte buffer)
        {
            throw null;
        }

        public void TransferFullDuplex(ushort[] writeBuffer, ushort[] readBuffer)
        {
            throw null;
        }

        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer)
        {
            throw null;
        }

        public static SpiBusInfo GetBusInfo(int busId)
        {
            throw null;
        }

        public static SpiDevice Create(SpiConnectionSettings settings)
        {
            throw null;
        }

        public SpiDevice(SpiConnectionSettings settings)
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        protected void Dispose(bool disposing)
        {
            throw null;
        }
    }
}
