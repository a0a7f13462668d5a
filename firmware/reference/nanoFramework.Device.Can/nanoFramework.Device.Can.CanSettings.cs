// Public surface of nanoFramework.Device.Can.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nanoFramework.Runtime.Events;

namespace nanoFramework.Device.Can
{
    public sealed class CanSettings
    {
        internal CanSettings()
        {
            throw null;
        }

        public byte BaudRatePrescaler
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

        public byte PhaseSegment1
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

        public byte PhaseSegment2
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

        public byte SyncJumpWidth
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

        public CanSettings(byte baudRatePrescaler, byte phaseSegment1, byte phaseSegment2, byte syncJumpWidth)
        {
            throw null;
        }
    }
}
