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

        /// <inheritdoc />
        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            for (int i = 0; i < _observers.Length; i++)
            {
                IBusObserver o = _observers[i];
                if (o != null)
                {
                    o.Observe(id, extended, data, length, nowMicros);
                }
            }
        }
    }
}
