namespace BmsGuard.Core
{
    /// <summary>The gateway's per-frame parts (observers, the diagnostic-response judge) and the routes that say which frames reach them.</summary>
    public sealed partial class Gateway
    {
        // Where a frame goes, one word per standard id: its first rule (RuleBits, RuleIndex.NoStandardRule
        // for none), DiagnosticsBit when the diagnostic-response judge reads it, ObserverBit << i when
        // observer i does. One array read per frame instead of three tables.
        private readonly int[] _route = new int[FilterRule.StandardIdMax + 1];
        private const int RuleBits = 0xFFFF;
        private const int DiagnosticsBit = 1 << 16;
        private const int ObserverBit = 1 << 17;
        private const int LaterObservers = ObserverBit << 2;

        // The same for recent extended ids (direct-mapped on the id's low bits; a miss asks each part and
        // the index once). EmptySlot is no extended id (they end at 0x1FFFFFFF).
        private readonly uint[] _extendedIds = new uint[ExtendedSlots];
        private readonly int[] _extendedRoutes = new int[ExtendedSlots];
        private const int ExtendedSlots = 16;
        private const uint EmptySlot = 0xFFFFFFFF;

        /// <summary>
        /// Sees every well-formed BMS frame before it is decided (live vehicle state), or, when it implements
        /// <see cref="IFrameInterest"/>, the ids it reads; may be null.
        /// </summary>
        public IBusObserver BmsObserver
        {
            get
            {
                return _bmsObserver;
            }

            set
            {
                // Decide calls a BusObservers' members itself: one interface call per observer, not one more,
                // and only those that read the frame's id (its route's ObserverBit << i for observer i).
                BusObservers several = value as BusObservers;
                IBusObserver[] given = several != null ? several.Observers : value != null ? new IBusObserver[] { value } : null;
                int count = 0;
                for (int i = 0; given != null && i < given.Length; i++)
                {
                    count += given[i] != null ? 1 : 0;
                }

                if (count > MaxObservers)
                {
                    throw new System.ArgumentException();
                }

                IBusObserver[] observers = new IBusObserver[count];
                count = 0;
                for (int i = 0; given != null && i < given.Length; i++)
                {
                    if (given[i] != null)
                    {
                        observers[count++] = given[i];
                    }
                }

                _bmsObserver = value;
                _observers = observers;
                _observer0 = count > 0 ? observers[0] : null;
                _observer1 = count > 1 ? observers[1] : null;
                Route();
            }
        }

        /// <summary>Plugs <paramref name="observer"/> in after those already plugged in.</summary>
        /// <exception cref="System.ArgumentException">More than <see cref="MaxObservers"/> in all.</exception>
        public void AddObserver(IBusObserver observer)
        {
            ReplaceObserver(null, observer);
        }

        /// <summary>
        /// Puts <paramref name="replacement"/> in the place of <paramref name="observer"/> (null: removes it), or
        /// adds it last when <paramref name="observer"/> is null or not plugged in. For a part swapped while
        /// running (a new telemetry policy): the others keep their order and their routes.
        /// </summary>
        public void ReplaceObserver(IBusObserver observer, IBusObserver replacement)
        {
            IBusObserver[] now = _observers;
            int at = now.Length;
            for (int i = 0; observer != null && i < now.Length; i++)
            {
                if (now[i] == observer)
                {
                    at = i;
                }
            }

            IBusObserver[] next = new IBusObserver[at == now.Length ? now.Length + 1 : now.Length];
            System.Array.Copy(now, next, now.Length);
            next[at] = replacement;
            BmsObserver = new BusObservers(next);
        }

        /// <summary>Most observers <see cref="BmsObserver"/> may hold (non-null members of a <see cref="BusObservers"/>).</summary>
        public const int MaxObservers = 8;

        private IBusObserver _bmsObserver;
        private IBusObserver[] _observers = new IBusObserver[0];

        // The first two observers in fields: Decide calls them without an array read or a loop.
        private IBusObserver _observer0;
        private IBusObserver _observer1;

        /// <summary>
        /// Decides the BMS's diagnostic responses (answers to requests that passed); null: the rules decide them.
        /// When it implements <see cref="IFrameInterest"/>, only the ids it reads reach it.
        /// </summary>
        public IDiagnosticResponses DiagnosticResponses
        {
            get
            {
                return _diagnostics;
            }

            set
            {
                _diagnostics = value;
                Route();
            }
        }

        private IDiagnosticResponses _diagnostics;

        // Rebuilds the routes of all standard ids and forgets the extended ones (a part was plugged in or out).
        private void Route()
        {
            ushort[] standard = _standard;
            for (uint id = 0; id < _route.Length; id++)
            {
                _route[id] = standard[id] | Readers(id, false);
            }

            for (int i = 0; i < ExtendedSlots; i++)
            {
                _extendedIds[i] = EmptySlot;
            }
        }

        // The DiagnosticsBit and ObserverBits of the parts that read the id (every part without an IFrameInterest).
        private int Readers(uint id, bool extended)
        {
            int bits = 0;
            IDiagnosticResponses diagnostics = _diagnostics;
            if (diagnostics != null && Reads(diagnostics as IFrameInterest, id, extended))
            {
                bits |= DiagnosticsBit;
            }

            for (int i = 0; i < _observers.Length; i++)
            {
                if (Reads(_observers[i] as IFrameInterest, id, extended))
                {
                    bits |= ObserverBit << i;
                }
            }

            return bits;
        }

        private static bool Reads(IFrameInterest interest, uint id, bool extended)
        {
            return interest == null || interest.Reads(id, extended);
        }

        // The route of an extended id: from its slot, or asked and kept there.
        private int ExtendedRoute(uint id)
        {
            int slot = (int)((id ^ (id >> 8)) & (ExtendedSlots - 1));
            if (_extendedIds[slot] == id)
            {
                return _extendedRoutes[slot];
            }

            int r = _index.Find(id, true);
            int route = (r == RuleIndex.NoRule ? RuleBits : r) | Readers(id, true);
            _extendedRoutes[slot] = route;
            _extendedIds[slot] = id;
            return route;
        }

        // Observers 2 and later of a frame whose route names them.
        private void ObserveLater(int route, uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            IBusObserver[] observers = _observers;
            for (int i = 2; i < observers.Length; i++)
            {
                if ((route & (ObserverBit << i)) != 0)
                {
                    observers[i].Observe(id, extended, data, length, nowMicros);
                }
            }
        }
    }
}
