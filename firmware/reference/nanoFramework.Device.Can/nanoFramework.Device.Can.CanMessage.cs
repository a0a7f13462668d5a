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
    public class CanMessage
    {
        public uint Id
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

        public CanMessageIdType IdentifierType
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

        public CanMessageFrameType FrameType
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

        public byte[] Message
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

        public CanMessage(uint id, CanMessageIdType identifierType, CanMessageFrameType frameType, byte[] message)
        {
            throw null;
        }
    }
}
