// Public surface of System.Device.Spi.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Device.Gpio;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Device.Spi
{
    public sealed class SpiConnectionSettings
    {
        internal SpiConnectionSettings()
        {
            throw null;
        }

        public int BusId
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public int ChipSelectLine
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public SpiMode Mode
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public int DataBitLength
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public int ClockFrequency
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public DataFlow DataFlow
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public PinValue ChipSelectLineActiveState
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public SpiBusConfiguration Configuration
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public SpiConnectionSettings(int busId, int chipSelectLine = -1)
        {
            throw null;
        }
    }
}
