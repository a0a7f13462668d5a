using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyNativeVersion("1.0.0.0")]

namespace BmsGuard.DeviceBench.Can
{
    /// <summary>
    /// The bench's way to make CAN "interrupts" on the POSIX nanoCLR (natives in ../bmsguard_canbench_native.cpp):
    /// <see cref="Inject"/> hands the next frames of the reference drive to the CAN driver's receive handler
    /// (RxMessage: into the controller's ring buffer, one managed event each) as the STM32's receive interrupt
    /// would, but called from managed code on the interpreter's thread. Not part of any real driver: a board's
    /// frames come from the bus. All methods are static and native, so that the method table the nanoCLR binds
    /// them by stays in declaration order.
    /// </summary>
    public static class CanInjector
    {
        /// <summary><see cref="Stat"/>: frames written to CAN1 (the BMS side).</summary>
        public const int WrittenCan1 = 0;

        /// <summary><see cref="Stat"/>: frames written to CAN2 (the TCU side).</summary>
        public const int WrittenCan2 = 1;

        /// <summary><see cref="Stat"/>: frames the receive ring had no room for (the driver drops them, its event is still posted).</summary>
        public const int RingDropped = 2;

        /// <summary><see cref="Stat"/>: HAL queue records overwritten because the queue was full (the oldest goes).</summary>
        public const int HalQueueOverwritten = 3;

        /// <summary><see cref="Stat"/>: the most records the HAL queue held after a post.</summary>
        public const int HalQueueMax = 4;

        /// <summary><see cref="Stat"/>: the HAL queue's size in records (InterruptRecords()).</summary>
        public const int HalQueueCapacity = 5;

        /// <summary><see cref="Stat"/>: garbage collections so far.</summary>
        public const int GarbageCollections = 6;

        /// <summary><see cref="Stat"/>: interrupts in the application queue (CLR_RT_ApplicationInterrupt records not yet dispatched).</summary>
        public const int ApplicationQueue = 7;

        /// <summary><see cref="Stat"/>: records in the HAL queue now.</summary>
        public const int HalQueue = 8;

        /// <summary><see cref="Stat"/>: frames not received because no managed handler was subscribed.</summary>
        public const int NotListening = 9;

        /// <summary><see cref="Stat"/>: heap compactions so far.</summary>
        public const int Compactions = 10;

        /// <summary><see cref="Stat"/>: free heap bytes as the last garbage collection left them.</summary>
        public const int FreeBytesAtLastCollection = 11;

        /// <summary><see cref="Stat"/>: free heap bytes now, without collecting (the heap's free lists).</summary>
        public const int FreeBytesNow = 12;

        /// <summary><see cref="Stat"/>: the nanoCLR's pointer size, 4 on a board's heap layout, 8 on a 64-bit host.</summary>
        public const int PointerBytes = 13;

        /// <summary>Keeps the frames to inject: frame i is ids[i], its length lengths[i], its payload payloads[8i..8i+7].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Load(uint[] ids, byte[] lengths, byte[] payloads);

        /// <summary>Hands the next <paramref name="count"/> frames (wrapping) to controller <paramref name="controller"/>'s receive handler; returns the frames handed over.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Inject(int controller, int count);

        /// <summary>Work not yet taken up by the managed side: frames in the controller's ring, HAL queue records and queued application interrupts.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Pending(int controller);

        /// <summary>One of the counters above.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Stat(int what);

        /// <summary>Runs a garbage collection and returns the free heap bytes (nanoFramework.Runtime.Native's GC.Run, without its assembly).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int CollectAndFreeBytes();

        /// <summary>
        /// A native receive path, measured before any firmware uses it: the next frame of a controller's receive
        /// ring into <paramref name="data"/> (8 bytes or more). -1 for an empty ring, else the identifier |
        /// extended &lt;&lt; 29 | remote &lt;&lt; 30 | length &lt;&lt; 32.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long ReadFrame(int controller, byte[] data);

        /// <summary>Sends a frame packed as <see cref="ReadFrame"/> packs it, from <paramref name="data"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteFrame(int controller, long frame, byte[] data);

        /// <summary>
        /// Posts one receive event for <paramref name="controller"/> without a frame: what the event-per-batch
        /// driver posts for a frame that lands while a drain runs, which that drain reads, so the event's own drain
        /// finds the ring empty. Returns 0 when the controller has no receive handler (nothing posted), else 1.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int PostEvent(int controller);
    }
}
