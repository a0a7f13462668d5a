// Public surface of nanoFramework.Runtime.Events.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace nanoFramework.Runtime.Events
{
    public class EventSink : NativeEventDispatcher
    {
        internal EventSink()
            : base(default(string), default(ulong))
        {
            throw null;
        }

        public static void AddEventListener(EventCategory eventCategory, IEventListener eventListener)
        {
            throw null;
        }

        public static void AddEventFilter(EventCategory eventCategory, IEventListener eventFilter)
        {
            throw null;
        }

        public static void AddEventProcessor(EventCategory eventCategory, IEventProcessor eventProcessor)
        {
            throw null;
        }

        public static void RemoveEventListener(EventCategory eventCategory, IEventListener eventListener)
        {
            throw null;
        }

        public static void RemoveEventFilter(EventCategory eventCategory, IEventListener eventFilter)
        {
            throw null;
        }

        public static void RemoveEventProcessor(EventCategory eventCategory, IEventProcessor eventProcessor)
        {
            throw null;
        }

        public static void PostManagedEvent(byte category, byte subCategory, ushort data1, uint data2)
        {
            throw null;
        }
    }
}
