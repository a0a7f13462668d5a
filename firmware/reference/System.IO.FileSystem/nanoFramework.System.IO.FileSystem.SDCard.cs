// Public surface of System.IO.FileSystem.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

namespace nanoFramework.System.IO.FileSystem
{
    public class SDCard : IDisposable
    {
        public enum SDInterfaceType
        {
            System,
            Mmc,
            Spi
        }

        public enum SDDataWidth
        {
            _1_bit = 1,
            _4_bit
        }

        public SDInterfaceType CardType
        {
            get
            {
                throw null;
            }
        }

        public bool IsMounted
        {
            get
            {
                throw null;
            }
        }

        public bool CardDetectEnabled
        {
            get
            {
                throw null;
            }
        }

        public uint SlotIndex
        {
            get
            {
                throw null;
            }
        }

        public SDCardMmcParameters MmcParameters
        {
            get
            {
                throw null;
            }
        }

        public SDCardSpiParameters SpiParameters
        {
            get
            {
                throw null;
            }
        }

        public CardDetectParameters CdParameters
        {
            get
            {
                throw null;
            }
        }

        public bool IsCardDetected
        {
            get
            {
                throw null;
            }
        }

        public event CardDetectStateEventHandler CardDetectChanged;

        public SDCard(uint slotIndex = 0u)
        {
            throw null;
        }

        public SDCard(SDCardMmcParameters mmcParameters, CardDetectParameters cdParameters = null)
        {
            throw null;
        }

        public SDCard(SDCardSpiParameters spiParameters, CardDetectParameters cdParameters = null)
        {
            throw null;
        }

        public void Mount()
        {
            throw null;
        }

        public void Unmount()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }
    }
}
