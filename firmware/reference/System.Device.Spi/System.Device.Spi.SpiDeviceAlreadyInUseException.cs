// Public surface of System.Device.Spi.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Device.Gpio;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Device.Spi
{
    [Serializable]
    public class SpiDeviceAlreadyInUseException : Exception
    {
        public override string ToString()
        {
            throw null;
        }
    }
}
