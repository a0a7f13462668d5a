using System;
using System.Collections.Generic;
using System.Threading;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>
    /// Raises the client's events in order on one background thread, as M2Mqtt's dispatch thread does,
    /// so a handler may call Publish or Subscribe without stalling the socket reader.
    /// </summary>
    internal sealed class EventPump : IDisposable
    {
        private readonly Queue<Action> _queue = new Queue<Action>();
        private readonly Thread _thread;
        private bool _stopped;

        internal EventPump(string name)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = name };
            _thread.Start();
        }

        internal void Post(Action raise)
        {
            lock (_queue)
            {
                if (_stopped)
                {
                    return;
                }

                _queue.Enqueue(raise);
                Monitor.Pulse(_queue);
            }
        }

        public void Dispose()
        {
            lock (_queue)
            {
                _stopped = true;
                Monitor.Pulse(_queue);
            }

            if (Thread.CurrentThread != _thread)
            {
                _thread.Join(1000);
            }
        }

        private void Run()
        {
            while (true)
            {
                Action next;
                lock (_queue)
                {
                    while (_queue.Count == 0 && !_stopped)
                    {
                        Monitor.Wait(_queue);
                    }

                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    next = _queue.Dequeue();
                }

                try
                {
                    next();
                }
                catch (Exception e)
                {
                    // A throwing handler must not stop later events; on the device it would end the dispatch thread.
                    Console.Error.WriteLine("M2Mqtt event handler threw: " + e);
                }
            }
        }
    }
}
