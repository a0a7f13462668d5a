namespace BmsGuard.Core
{
    /// <summary>Several observers of the BMS bus behind the gateway's one <see cref="Gateway.BmsObserver"/> slot, called in order.</summary>
    public sealed class BusObservers : IBusObserver
    {
        private readonly IBusObserver[] _observers;

        /// <summary>Observers in call order; null entries are skipped.</summary>
        public BusObservers(IBusObserver[] observers)
        {
            _observers = observers;
        }

        /// <summary>The observers as given (the gateway calls them itself).</summary>
        internal IBusObserver[] Observers
        {
            get { return _observers; }
        }

        /// <inheritdoc />
        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            IBusObserver[] observers = _observers;
            for (int i = 0; i < observers.Length; i++)
            {
                IBusObserver o = observers[i];
                if (o != null)
                {
                    o.Observe(id, extended, data, length, nowMicros);
                }
            }
        }
    }
}
