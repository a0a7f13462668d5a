#if CAN_LIBRARY
using System;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.DeviceBench.Can;
using nanoFramework.Device.Can;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// The receive path measured instead of modelled (BridgeGlue): the firmware's CanBridge
    /// (firmware/BmsGuard.Firmware/CanBridge.cs, compiled in from its source) on the real nanoFramework.Device.Can
    /// and nanoFramework.Runtime.Events, built from their sources, with the POSIX native of tools/nanoclr/can.
    /// The injector (CanInjector) hands the reference drive's frames to the driver's receive handler as the
    /// board's receive interrupt does: each frame goes into CAN1's ring buffer and posts one managed event. The
    /// main thread then yields (Thread.Sleep(0)) until the managed side has taken everything up: the runtime moves
    /// the HAL queue's records to its application queue, runs EventSink's dispatch on its interrupt thread, and
    /// the library calls the bridge's handler, which drains the controller (GetMessage until null), decides each
    /// frame and writes the forwarded ones to CAN2 (WriteMessage).
    /// Shapes: K frames per interrupt, K = 1 (a bus below capacity: every frame dispatched before the next comes)
    /// and K = 8 (bursts: the first event's drain takes all eight frames, the seven events after it find the
    /// buffer empty). Each has a baseline, the same loop injecting nothing (the injector's call, one yield); the
    /// runner reports each phase net of its baseline.
    /// </summary>
    internal static class CanLibrary
    {
        // Feed's shape for events without frames (CanInjector.PostEvent).
        private const int EmptyEvents = 0;

        // A static, so that it stays rooted through the phase (an unread local is dropped by the compiler).
        private static object[] _ballast;

        internal static void Run(Gateway gateway, int frames, ref long now)
        {
            uint[] ids;
            byte[] lengths;
            byte[] payloads;
            Program.Drive(out ids, out lengths, out payloads);
            CanInjector.Load(ids, lengths, payloads);
            CanController bms = CanController.FromId("CAN1", new CanSettings(5, 14, 1, 0));
            CanController tcu = CanController.FromId("CAN2", new CanSettings(5, 14, 1, 0));
            CanBridge bridge = new CanBridge(bms, tcu);
            DriveClock clock = new DriveClock();
            bridge.Attach(gateway, clock, new object());
            Console.WriteLine("bench: can library: HAL queue of " + CanInjector.Stat(CanInjector.HalQueueCapacity).ToString() + " records, "
                + CanInjector.CollectAndFreeBytes().ToString() + " heap bytes free after a collection");

            int[] shapes = { 1, 8 };
            for (int s = 0; s < shapes.Length; s++)
            {
                int k = shapes[s];
                Feed(clock, k, 2000, false, ref now);   // warm-up
                Phase("can-inject-" + k.ToString(), clock, k, frames, true, ref now);
                Phase("can-library-" + k.ToString(), clock, k, frames, false, ref now);
            }

            // The board's coalescing (CanBridge.Coalescing, 1 ms on the NUCLEO) on the runtime: the handler sleeps, then
            // drains. A check that it forwards what the other phases forward, not a cost: the main thread spins
            // (Feed's yields) while the handler sleeps.
            int before = CanInjector.Stat(CanInjector.WrittenCan2);
            int dropsBefore = CanInjector.Stat(CanInjector.RingDropped);
            bridge.Coalescing = 1;
            Feed(clock, 8, 800, false, ref now);
            bridge.Coalescing = 0;
            Console.WriteLine("bench: coalesced drains (1 ms): 800 frames, " + (CanInjector.Stat(CanInjector.WrittenCan2) - before).ToString()
                + " forwarded, " + (CanInjector.Stat(CanInjector.RingDropped) - dropsBefore).ToString() + " ring drops");

            // Events whose drain finds the ring empty: what the first event-per-batch driver posted for each frame
            // that landed while a drain ran (that drain read the frame). Net of can-inject-1, per event.
            Feed(clock, EmptyEvents, 2000, false, ref now);   // warm-up
            Phase("can-empty-1", clock, EmptyEvents, frames, false, ref now);

            // The same eight-per-interrupt path with a board's free heap: ballast leaves 64 KB free, so the collections
            // a frame's garbage causes are counted in the phase (the nanoCLR's own heap is 10 MB). Only on a 32-bit
            // build, whose heap blocks are a board's (the x86-64 nanoCLR crashed in it until its compaction was patched,
            // docs/device.md). With 32 KB free the ARM build ended the bench without a message.
            if (CanInjector.Stat(CanInjector.PointerBytes) == 4)
            {
                _ballast = Ballast(64 * 1024);
                Phase("can-library-8-free64k", clock, 8, frames, false, ref now);
                Console.WriteLine("bench: ballast held " + _ballast.Length.ToString() + " slots through the phase, "
                    + CanInjector.CollectAndFreeBytes().ToString() + " heap bytes free after it");
                _ballast = null;
            }
            else
            {
                Console.WriteLine("bench: can-library-8-free64k skipped: a 64-bit build's heap blocks are not a board's");
            }

            Garbage(clock, ref now);
            Flood(clock, ref now);

            // The native receive path (NativeDrain), on a CAN1 opened again without the bridge.
            bridge.Close();
            CanController native = CanController.FromId("CAN1", new CanSettings(5, 14, 1, 0));
            NativeDrain drain = new NativeDrain(gateway, clock);
            native.MessageReceived += drain.OnMessage;
            Feed(clock, 8, 2000, false, ref now);   // warm-up
            Phase("can-native-8", clock, 8, frames, false, ref now);
            native.MessageReceived -= drain.OnMessage;
        }

        // Arrays held until the phase ends, so that about `free` bytes stay free after a collection (each array
        // costs its bytes and a header; the line says what is free after all).
        private static object[] Ballast(int free)
        {
            object[] held = new object[2048];
            int n = 0;
            int surplus = CanInjector.CollectAndFreeBytes() - free;
            int chunk = 8192;
            while (chunk >= 64 && n < held.Length)
            {
                if (surplus < chunk + 64)
                {
                    chunk /= 2;
                    continue;
                }

                held[n++] = new byte[chunk];
                surplus -= chunk + 32;
            }

            Console.WriteLine("bench: ballast of " + n.ToString() + " arrays, " + CanInjector.CollectAndFreeBytes().ToString() + " heap bytes free");
            return held;
        }

        // What each shape leaves for the garbage collector per frame: free heap bytes after a collection, then
        // after 1,000 frames (no collection in between on the nanoCLR's 10 MB heap; checked), per frame.
        private static void Garbage(DriveClock clock, ref long now)
        {
            int[] shapes = { 1, 8 };
            for (int s = 0; s < shapes.Length; s++)
            {
                CanInjector.CollectAndFreeBytes();
                int collections = CanInjector.Stat(CanInjector.GarbageCollections);
                int free0 = CanInjector.Stat(CanInjector.FreeBytesNow);
                Feed(clock, shapes[s], 1000, false, ref now);
                int free1 = CanInjector.Stat(CanInjector.FreeBytesNow);
                Console.WriteLine("bench: garbage can-library-" + shapes[s].ToString() + ": " + ((free0 - free1) / 1000).ToString()
                    + " heap bytes per frame left for the collector"
                    + (CanInjector.Stat(CanInjector.GarbageCollections) != collections ? " (a collection ran: not counted)" : string.Empty));
            }
        }

        private static void Phase(string name, DriveClock clock, int perInterrupt, int frames, bool baseline, ref long now)
        {
            int written = CanInjector.Stat(CanInjector.WrittenCan2);
            int collections = CanInjector.Stat(CanInjector.GarbageCollections);
            Console.WriteLine("bench: start " + name);
            Thread.Sleep(150);
            int yields = Feed(clock, perInterrupt, frames, baseline, ref now);
            Console.WriteLine("bench: end " + name + " " + frames.ToString() + " frames, "
                + (CanInjector.Stat(CanInjector.WrittenCan2) - written).ToString() + " forwarded, "
                + yields.ToString() + " yields, " + (CanInjector.Stat(CanInjector.GarbageCollections) - collections).ToString() + " GCs, "
                + CanInjector.Stat(CanInjector.RingDropped).ToString() + " ring drops so far");
            Thread.Sleep(150);
        }

        // Frames in batches of perInterrupt (the injector posts one event per frame, as RxMessage does), each
        // batch taken up before the next; baseline: the same calls, nothing injected; EmptyEvents: one event
        // and no frame each time. Returns the yields.
        private static int Feed(DriveClock clock, int perInterrupt, int frames, bool baseline, ref long now)
        {
            int yields = 0;
            int step = perInterrupt == EmptyEvents ? 1 : perInterrupt;
            for (int i = 0; i < frames; i += step)
            {
                // the batch is decided at its last frame's time, 111 us apart as in the other drive phases
                now += 111 * step;
                clock.Drive = now;
                if (perInterrupt == EmptyEvents)
                {
                    CanInjector.PostEvent(1);
                }
                else
                {
                    CanInjector.Inject(1, baseline ? 0 : perInterrupt);
                }

                do
                {
                    Thread.Sleep(0);
                    yields++;
                }
                while (CanInjector.Pending(1) != 0);
            }

            return yields;
        }

        // Events posted faster than the managed side takes them up: one injection of many frames, then what
        // the HAL queue, the ring, the application queue and the heap show.
        private static void Flood(DriveClock clock, ref long now)
        {
            int[] bursts = { 200, 2000 };
            for (int b = 0; b < bursts.Length; b++)
            {
                int free0 = CanInjector.CollectAndFreeBytes();
                int dropped0 = CanInjector.Stat(CanInjector.RingDropped);
                int overwritten0 = CanInjector.Stat(CanInjector.HalQueueOverwritten);
                int written0 = CanInjector.Stat(CanInjector.WrittenCan2);
                int collections0 = CanInjector.Stat(CanInjector.GarbageCollections);
                now += 111 * bursts[b];
                clock.Drive = now;
                CanInjector.Inject(1, bursts[b]);
                int halQueue = CanInjector.Stat(CanInjector.HalQueue);
                Thread.Sleep(0);   // the runtime moves the HAL queue to the application queue
                int applicationQueue = CanInjector.Stat(CanInjector.ApplicationQueue);
                int lowFree = int.MaxValue;
                int yields = 0;
                while (CanInjector.Pending(1) != 0)
                {
                    Thread.Sleep(0);
                    yields++;
                    int f = CanInjector.Stat(CanInjector.FreeBytesAtLastCollection);
                    lowFree = f < lowFree ? f : lowFree;
                }

                int free1 = CanInjector.CollectAndFreeBytes();
                Console.WriteLine("bench: flood " + bursts[b].ToString() + " frames in one injection: HAL queue "
                    + halQueue.ToString() + " records after it (" + (CanInjector.Stat(CanInjector.HalQueueOverwritten) - overwritten0).ToString()
                    + " overwritten), application queue " + applicationQueue.ToString() + " after one yield, ring drops "
                    + (CanInjector.Stat(CanInjector.RingDropped) - dropped0).ToString() + ", forwarded "
                    + (CanInjector.Stat(CanInjector.WrittenCan2) - written0).ToString() + ", " + yields.ToString() + " yields to take it up, "
                    + (CanInjector.Stat(CanInjector.GarbageCollections) - collections0 - 1).ToString() + " GCs during it, free bytes "
                    + free0.ToString() + " before, " + (lowFree == int.MaxValue ? "-" : lowFree.ToString()) + " the least a GC during it left, " + free1.ToString() + " after");
            }

            // Sustained: 16 frames (a full receive ring) per injection, one yield between injections instead of
            // waiting for the managed side, 500 times.
            int dropped = CanInjector.Stat(CanInjector.RingDropped);
            int overwritten = CanInjector.Stat(CanInjector.HalQueueOverwritten);
            int written = CanInjector.Stat(CanInjector.WrittenCan2);
            int maxApplicationQueue = 0;
            int least = int.MaxValue;
            for (int i = 0; i < 500; i++)
            {
                now += 111 * 16;
                clock.Drive = now;
                CanInjector.Inject(1, 16);
                Thread.Sleep(0);
                int q = CanInjector.Stat(CanInjector.ApplicationQueue);
                maxApplicationQueue = q > maxApplicationQueue ? q : maxApplicationQueue;
                int f = CanInjector.Stat(CanInjector.FreeBytesNow);
                least = f < least ? f : least;
            }

            int backlog = CanInjector.Pending(1);
            int rounds = 0;
            while (CanInjector.Pending(1) != 0)
            {
                Thread.Sleep(0);
                rounds++;
            }

            Console.WriteLine("bench: flood sustained, 500 injections of 16 frames one yield apart: ring drops "
                + (CanInjector.Stat(CanInjector.RingDropped) - dropped).ToString() + " of 8000, HAL queue overwrites "
                + (CanInjector.Stat(CanInjector.HalQueueOverwritten) - overwritten).ToString() + ", application queue up to "
                + maxApplicationQueue.ToString() + " after a yield, " + backlog.ToString() + " pending at the end (" + rounds.ToString()
                + " yields to take up), forwarded " + (CanInjector.Stat(CanInjector.WrittenCan2) - written).ToString()
                + ", free heap bytes at least " + least.ToString() + " (no collection forced)");
        }

        /// <summary>
        /// The clock as SystemClock reads it (the same IL: DateTime.UtcNow, the clamp), returning the drive's time,
        /// so that decisions stay those of the other drive phases whatever the host's speed (also Mcp2515Library's).
        /// </summary>
        internal sealed class DriveClock : IClock
        {
            private const long UnixEpochTicks = 621355968000000000;
            internal long Drive;
            private long _last;

            public long NowMicros
            {
                get
                {
                    long now = (DateTime.UtcNow.Ticks - UnixEpochTicks) / 10;
                    if (now < _last)
                    {
                        return Drive;
                    }

                    _last = now;
                    return Drive;
                }
            }
        }
    }
}
#endif
