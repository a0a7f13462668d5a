namespace BmsGuard.Core
{
    /// <summary>
    /// The per-frame decision between the BMS and the TCU buses. BMS to TCU: the first matching
    /// allowlist rule decides (rate limit, then byte edits); no rule means drop. TCU to BMS: the
    /// <see cref="TcuIngress"/> decides (signed commands, UDS), default deny without one. Constant
    /// time, independent of the number of rules, and allocation-free.
    /// </summary>
    public sealed class Gateway
    {
        private const int Ports = 2;

        private readonly RuleTable _rules;
        private readonly RuleIndex _index;
        private readonly ushort[] _standard;
        private readonly FilterRule[] _ruleArray;
        private readonly RateLimiter _rate;

        // What the forward path reads of rule r, side by side at _plan[r * PlanStride]: the rule's
        // limit, its last forward, its folded byte edit. One array read after the index instead of
        // the chain table -> rule -> edit: with many rules each of those reads is a cache miss, and
        // they were the most of what a large table cost per frame (see RuleIndex for the lookup).
        private readonly long[] _plan;
        private const int PlanStride = 4;

        // Plan word 0, the minimum interval: > 0 kept per rule here (single-identifier rules, the
        // common case: no hash probe, never full), < 0 kept per identifier in _rate (masked rules),
        // 0 for none.
        private const int PlanInterval = 0;

        // Plan word 1, the last forward for a single-identifier rule. NeverForwarded until the
        // first one: far enough in the past that any clock reading passes, near enough that the
        // subtraction cannot overflow.
        private const int PlanLast = 1;
        private const long NeverForwarded = long.MinValue / 2;

        // Plan words 2 and 3, the edit as ByteEdit folds it (keep all, flip none: no edit).
        private const int PlanKeep = 2;
        private const int PlanFlip = 3;
        private readonly long[] _counts = new long[Ports * VerdictNames.Count];
        private long _bmsForwards;
        private int _lastRule = RuleIndex.NoRule;

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

        /// <summary>Creates a gateway over a rule table, compiling it if needed.</summary>
        /// <exception cref="System.ArgumentException">The table cannot be compiled (see <see cref="RuleTable.CompileError"/>).</exception>
        public Gateway(RuleTable rules)
        {
            if (rules.Index == null && !rules.Compile())
            {
                throw new System.ArgumentException();
            }

            _rules = rules;
            _index = rules.Index;
            _standard = _index.StandardTable;
            _ruleArray = new FilterRule[rules.Count];
            _rate = new RateLimiter(rules.RateStateCapacity());
            _plan = new long[rules.Count * PlanStride];
            for (int r = 0; r < rules.Count; r++)
            {
                FilterRule rule = rules[r];
                _ruleArray[r] = rule;
                int p = r * PlanStride;
                _plan[p + PlanInterval] = rule.SingleId ? rule.MinIntervalMicros : -rule.MinIntervalMicros;
                _plan[p + PlanLast] = NeverForwarded;
                _plan[p + PlanKeep] = rule.Edit == null ? -1L : (long)rule.Edit.Keep;
                _plan[p + PlanFlip] = rule.Edit == null ? 0L : (long)rule.Edit.Flip;
            }

            Route();
        }

        /// <summary>Optional observer of every decision.</summary>
        public IDecisionSink Sink;

        /// <summary>Decides TCU frames (commands, UDS); null means default deny for everything from the TCU.</summary>
        public ITcuIngress TcuIngress;

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

        /// <summary>The telemetry policy on the forward path to the TCU (blanking withheld signals); null when no policy is loaded.</summary>
        public IEgressFilter EgressFilter;

        /// <summary>The allowlist in force.</summary>
        public RuleTable Rules
        {
            get { return _rules; }
        }

        /// <summary>Rule that decided the last frame, or <see cref="RuleIndex.NoRule"/>.</summary>
        public int LastRule
        {
            get { return _lastRule; }
        }

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

        /// <summary>Frames from <paramref name="from"/> that got <paramref name="verdict"/>.</summary>
        public long Count(GatewayPort from, Verdict verdict)
        {
            long forwards = from == GatewayPort.Bms && verdict == Verdict.Forward ? _bmsForwards : 0;
            return _counts[((int)from * VerdictNames.Count) + (int)verdict] + forwards;
        }

        /// <summary>Records a drop decided outside <see cref="Decide"/> (e.g. a full transmit queue).</summary>
        public void CountDrop(GatewayPort from, Verdict verdict)
        {
            _counts[((int)from * VerdictNames.Count) + (int)verdict]++;
        }

        /// <summary>
        /// Decides one frame arriving on <paramref name="from"/>. On <see cref="Verdict.Forward"/> the
        /// payload has been edited in place and should be sent to the other bus unchanged.
        /// </summary>
        public Verdict Decide(
            GatewayPort from,
            uint id,
            bool extended,
            bool remote,
            byte[] data,
            int length,
            long nowMicros)
        {
            // One method with the index's standard table and the rule's plan read in place: on
            // nanoFramework's interpreter a call costs as much as dozens of IL instructions
            // (docs/device.md, "Device speed on the interpreter"). Every verdict goes to Decided.
            int r = RuleIndex.NoRule;
            Verdict verdict;
            FilterRule rule;
            if ((uint)length > 8 || id > (extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax)
                || (!remote && length != 0 && (data == null || data.Length < length)))
            {
                verdict = Verdict.Malformed;
                goto Decided;
            }

            if (from != GatewayPort.Bms)
            {
                ITcuIngress ingress = TcuIngress;
                verdict = ingress == null ? Verdict.TcuDefaultDeny : ingress.Decide(id, extended, remote, data, length, nowMicros);
                goto Decided;
            }

            int route = extended ? ExtendedRoute(id) : _route[id];
            if (!remote && route > RuleBits)
            {
                if ((route & ObserverBit) != 0)
                {
                    _observer0.Observe(id, extended, data, length, nowMicros);
                }

                if ((route & (ObserverBit << 1)) != 0)
                {
                    _observer1.Observe(id, extended, data, length, nowMicros);
                }

                if (route >= LaterObservers)
                {
                    ObserveLater(route, id, extended, data, length, nowMicros);
                }

                if ((route & DiagnosticsBit) != 0)
                {
                    int answer = _diagnostics.Judge(id, extended, data, length, nowMicros);
                    if (answer >= 0)
                    {
                        verdict = answer == 1 ? Verdict.Forward : Verdict.UdsResponseUnsolicited;
                        goto Decided;
                    }
                }
            }

            r = route & RuleBits;
            if (r == RuleBits)
            {
                r = RuleIndex.NoRule;
                verdict = Verdict.NotAllowed;
                goto Decided;
            }

            rule = _ruleArray[r];
            if (remote && !rule.AllowRemote)
            {
                rule.Dropped++;
                verdict = Verdict.RemoteNotAllowed;
                goto Decided;
            }

            long[] plan = _plan;
            int p = r * PlanStride;
            long interval = plan[p + PlanInterval];
            if (interval > 0)
            {
                // Same test as RateLimiter: a clock that went back counts as too soon.
                if (nowMicros - plan[p + PlanLast] < interval)
                {
                    rule.Dropped++;
                    verdict = Verdict.RateLimited;
                    goto Decided;
                }

                plan[p + PlanLast] = nowMicros;
            }
            else if (interval < 0)
            {
                int rate = _rate.Check(id, extended, nowMicros, -interval);
                if (rate != RateLimiter.Pass)
                {
                    rule.Dropped++;
                    verdict = rate == RateLimiter.TooSoon ? Verdict.RateLimited : Verdict.RateStateFull;
                    goto Decided;
                }
            }

            if (!remote)
            {
                ulong keep = (ulong)plan[p + PlanKeep];
                ulong flip = (ulong)plan[p + PlanFlip];
                if (keep != ulong.MaxValue || flip != 0)
                {
                    ByteEdit.Apply(data, length, keep, flip);
                }

                IEgressFilter filter = EgressFilter;
                if (filter != null && !filter.BlankWithheld(id, extended, data, length))
                {
                    rule.Dropped++;
                    verdict = Verdict.PolicyWithheld;
                    goto Decided;
                }
            }

            // The common verdict counted in a field of its own (Count adds it back): fewer IL instructions.
            rule.Handled++;
            _bmsForwards++;
            _lastRule = r;
            IDecisionSink forwardSink = Sink;
            if (forwardSink != null)
            {
                forwardSink.OnDecision(from, id, extended, remote, data, length, Verdict.Forward, r, nowMicros);
            }

            return Verdict.Forward;

        Decided:
            _lastRule = r;
            _counts[((int)from * VerdictNames.Count) + (int)verdict]++;
            IDecisionSink sink = Sink;
            if (sink != null)
            {
                sink.OnDecision(from, id, extended, remote, data, length, verdict, r, nowMicros);
            }

            return verdict;
        }
    }
}
