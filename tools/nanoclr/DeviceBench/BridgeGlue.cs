using System;
using System.Threading;
using BmsGuard.Core;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// What the board adds around Decide for each received frame, as firmware/BmsGuard.Firmware/CanBridge.cs
    /// does it on nanoFramework.Device.Can, without the controller's native calls (GetMessage, WriteMessage,
    /// the interrupt's event): the runner prices a native call with its probes. Stand-ins of the same shape:
    /// <see cref="Message"/> is CanMessage (private fields behind get/set properties), <see cref="Clock"/>
    /// is firmware/Device/SystemClock.cs read through an interface, and an event goes through what
    /// CanControllerEventListener (a new event, a lock, the controller found in a list) and
    /// CanController.OnCanMessageReceivedInternal (a lock, new event arguments, the delegate) do with it.
    /// The clock is read as the bridge reads it; the frame is decided at the drive's time, so decisions stay
    /// those of the other drive phases. CanLibrary.cs runs the firmware's CanBridge on the real libraries
    /// instead, when the runner has their sources: the model against the measurement.
    /// </summary>
    internal static class BridgeGlue
    {
        /// <summary>The drive through the bridge's drain loop, one frame per drain (<paramref name="events"/>: and one receive event each).</summary>
        internal static int RunDrive(Gateway gateway, byte[] data, ref long now, int frames, bool events)
        {
            uint[] ids;
            byte[] lengths;
            byte[] payloads;
            Program.Drive(out ids, out lengths, out payloads);
            Drain drain = new Drain(gateway);
            Controller controller = new Controller(1);
            controller.Callbacks = new ReceivedHandler(drain.OnMessage);
            Listener listener = new Listener();
            listener.Add(new Controller(2));
            listener.Add(controller);
            Message message = new Message();
            byte[][] buffers = new byte[9][];
            for (int l = 0; l < buffers.Length; l++)
            {
                buffers[l] = new byte[l];
            }

            int n = ids.Length;
            for (int i = 0; i < frames; i++)
            {
                // GetMessage's part (native on the device): a message with the frame in a buffer of its length.
                int j = i % n;
                byte[] buffer = buffers[lengths[j]];
                Array.Copy(payloads, j * 8, buffer, 0, buffer.Length);
                message.Fill(ids[j] & 0x7FFFFFFF, (ids[j] & 0x80000000) != 0, buffer);
                drain.Pending = message;
                drain.Now = now;
                if (events)
                {
                    // PostManagedEvent packs the controller index into the high word of data1.
                    listener.OnEvent(listener.ProcessEvent(1 << 16, 1));
                }
                else
                {
                    drain.DrainHeld();
                }

                now += 111;
            }

            return drain.Forwarded;
        }

        internal delegate void ReceivedHandler(object sender, Received e);

        /// <summary>CanMessageReceivedEventArgs: one per event.</summary>
        internal sealed class Received
        {
            private readonly int _event;

            internal Received(int e)
            {
                _event = e;
            }

            internal int Event
            {
                get { return _event; }
            }
        }

        /// <summary>CanMessageEvent: one per event.</summary>
        internal sealed class CanEvent
        {
            internal int ControllerIndex;
            internal int Event;
        }

        /// <summary>CanControllerEventListener: the event processor and listener of the Can category (EventSink's own dispatch is not modelled).</summary>
        internal sealed class Listener
        {
            private readonly System.Collections.ArrayList _canControllersMap = new System.Collections.ArrayList();

            internal void Add(Controller controller)
            {
                _canControllersMap.Add(controller);
            }

            internal CanEvent ProcessEvent(uint data1, uint data2)
            {
                CanEvent e = new CanEvent();
                e.ControllerIndex = (int)(data1 >> 16);
                e.Event = (int)data2;
                return e;
            }

            internal bool OnEvent(object ev)
            {
                CanEvent canMessageEvent = (CanEvent)ev;
                Controller device = null;
                lock (_canControllersMap)
                {
                    device = Find(canMessageEvent.ControllerIndex);
                }

                if (device == null)
                {
                    return false;
                }

                device.Received(canMessageEvent.Event);
                return true;
            }

            private Controller Find(int controllerId)
            {
                for (int i = 0; i < _canControllersMap.Count; i++)
                {
                    if (((Controller)_canControllersMap[i]).ControllerId == controllerId)
                    {
                        return (Controller)_canControllersMap[i];
                    }
                }

                return null;
            }
        }

        internal sealed class Controller
        {
            internal readonly int ControllerId;
            internal ReceivedHandler Callbacks;
            private readonly object _syncLock = new object();
            private readonly bool _disposed = false;   // CanController's check, kept for its cost

            internal Controller(int id)
            {
                ControllerId = id;
            }

            // CanController.OnCanMessageReceivedInternal.
            internal void Received(int eventType)
            {
                ReceivedHandler callbacks = null;
                lock (_syncLock)
                {
                    if (!_disposed)
                    {
                        callbacks = Callbacks;
                    }
                }

                if (callbacks != null)
                {
                    callbacks.Invoke(this, new Received(eventType));
                }
            }
        }

        internal sealed class Message
        {
            private uint _id;
            private int _identifierType;
            private int _frameType;
            private byte[] _message;

            public uint Id
            {
                get { return _id; }
                set { _id = value; }
            }

            public int IdentifierType
            {
                get { return _identifierType; }
                set { _identifierType = value; }
            }

            public int FrameType
            {
                get { return _frameType; }
                set { _frameType = value; }
            }

            public byte[] Payload
            {
                get { return _message; }
                set { _message = value; }
            }

            internal void Fill(uint id, bool extended, byte[] payload)
            {
                _id = id;
                _identifierType = extended ? 1 : 0;
                _frameType = 0;
                _message = payload;
            }
        }

        internal interface IClock
        {
            long NowMicros { get; }
        }

        internal sealed class Clock : IClock
        {
            private const long UnixEpochTicks = 621355968000000000;
            private long _last;

            public long NowMicros
            {
                get
                {
                    long now = (DateTime.UtcNow.Ticks - UnixEpochTicks) / 10;
                    if (now < _last)
                    {
                        return _last;
                    }

                    _last = now;
                    return now;
                }
            }
        }

        // CanBridge's OnBmsMessage, Drain and DrainHeld for the BMS side.
        internal sealed class Drain
        {
            internal Message Pending;
            internal long Now;
            internal long Read;
            internal int Forwarded;
            private readonly Gateway _gateway;
            private readonly IClock _clock = new Clock();
            private readonly object _gate = new object();

            internal Drain(Gateway gateway)
            {
                _gateway = gateway;
            }

            internal void OnMessage(object sender, Received e)
            {
                Monitor.Enter(_gate);
                try
                {
                    DrainHeld();
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }

            internal void DrainHeld()
            {
                for (int n = 0; true; n++)
                {
                    Message message = Next();
                    if (message == null)
                    {
                        return;
                    }

                    if ((n & 7) == 0)
                    {
                        Read = _clock.NowMicros;
                    }

                    byte[] data = message.Payload;
                    int length = data == null ? 0 : data.Length;
                    bool extended = message.IdentifierType == 1;
                    bool remote = message.FrameType == 1;
                    Verdict verdict = _gateway.Decide(GatewayPort.Bms, message.Id, extended, remote, data, length, Now);
                    if (verdict != Verdict.Forward)
                    {
                        continue;
                    }

                    Forwarded++;
                }
            }

            // GetMessage: the pending message once, then null (the drain's last, empty read).
            private Message Next()
            {
                Message m = Pending;
                Pending = null;
                return m;
            }
        }
    }
}
