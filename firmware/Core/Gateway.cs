namespace BmsGuard.Core
{
    /// <summary>
    /// The per-frame decision between the BMS and the TCU buses. BMS to TCU: the first matching
    /// allowlist rule decides (rate limit, then byte edits); no rule means drop. TCU to BMS: the
    /// <see cref="TcuIngress"/> decides (signed commands, UDS), default deny without one. Constant
    /// time, independent of the number of rules, and allocation-free.
    /// </summary>
    public sealed partial class Gateway
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
        private readonly ReceiveBudget _bmsBudget = new ReceiveBudget(GatewayPort.Bms);
        private readonly ReceiveBudget _tcuBudget = new ReceiveBudget(GatewayPort.Tcu);

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
            _bmsBudget.Set(rules.ReceiveFrames(GatewayPort.Bms), rules.ReceiveWindowMicros(GatewayPort.Bms), rules.ReceivePauseMicros(GatewayPort.Bms));
            _tcuBudget.Set(rules.ReceiveFrames(GatewayPort.Tcu), rules.ReceiveWindowMicros(GatewayPort.Tcu), rules.ReceivePauseMicros(GatewayPort.Tcu));
        }

        /// <summary>Optional observer of every decision.</summary>
        public IDecisionSink Sink;

        /// <summary>Decides TCU frames (commands, UDS); null means default deny for everything from the TCU.</summary>
        public ITcuIngress TcuIngress;

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

        // A TCU frame: the ingress decides (commands, UDS), default deny without one.
        private Verdict DecideTcu(uint id, bool extended, bool remote, byte[] data, int length, long nowMicros)
        {
            ITcuIngress ingress = TcuIngress;
            return ingress == null ? Verdict.TcuDefaultDeny : ingress.Decide(id, extended, remote, data, length, nowMicros);
        }

        // A masked rule's limit, kept per identifier: Forward when the frame may pass, else the drop (counted on the rule).
        private Verdict RateOfMaskedRule(FilterRule rule, uint id, bool extended, long nowMicros, long interval)
        {
            int rate = _rate.Check(id, extended, nowMicros, interval);
            if (rate == RateLimiter.Pass)
            {
                return Verdict.Forward;
            }

            rule.Dropped++;
            return rate == RateLimiter.TooSoon ? Verdict.RateLimited : Verdict.RateStateFull;
        }

        /// <summary>
        /// How many frames a bridge reads from <paramref name="port"/> before it pauses the port (a flood), as the
        /// rule table sets it (<see cref="RuleTable.SetReceive"/>). By default the TCU's is limited
        /// (<see cref="ReceiveBudget.DefaultTcuFrames"/> per 100 ms) and the BMS's is not: its traffic is what the
        /// guard exists to carry.
        /// </summary>
        public ReceiveBudget Budget(GatewayPort port)
        {
            return port == GatewayPort.Bms ? _bmsBudget : _tcuBudget;
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
        /// Drops a frame without deciding it (read while its port is paused, <see cref="Verdict.ReceivePaused"/>):
        /// counted, and shown to <see cref="Sink"/> as a decision is, so logs miss no frame.
        /// </summary>
        public void Refuse(GatewayPort from, uint id, bool extended, bool remote, byte[] data, int length, Verdict verdict, long nowMicros)
        {
            CountDrop(from, verdict);
            IDecisionSink sink = Sink;
            if (sink != null)
            {
                sink.OnDecision(from, id, extended, remote, data, length, verdict, RuleIndex.NoRule, nowMicros);
            }
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
            // One method with the route and the rule's plan read in place: on nanoFramework's interpreter a
            // call costs as much as dozens of IL instructions, and every local is cleared at each call, so
            // the rare paths (TCU, masked rules) are methods of their own and fields are read, not copied
            // (docs/device.md, "Device speed on the interpreter"). Every verdict goes to Counted.
            int r = RuleIndex.NoRule;
            Verdict verdict;
            FilterRule rule;
            // A data frame needs length bytes of data (data.Length < length implies length > 0).
            if ((uint)length > 8 || id > (extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax)
                || (data == null ? !remote && length != 0 : data.Length < length && !remote))
            {
                verdict = Verdict.Malformed;
                goto Decided;
            }

            if (from != GatewayPort.Bms)
            {
                verdict = DecideTcu(id, extended, remote, data, length, nowMicros);
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
                    // r holds the judge's answer until the rule is looked up (one local fewer).
                    r = _diagnostics.Judge(id, extended, data, length, nowMicros);
                    if (r >= 0)
                    {
                        verdict = r == 1 ? Verdict.Forward : Verdict.UdsResponseUnsolicited;
                        r = RuleIndex.NoRule;
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
                verdict = RateOfMaskedRule(rule, id, extended, nowMicros, -interval);
                if (verdict != Verdict.Forward)
                {
                    goto Decided;
                }
            }

            if (!remote)
            {
                if (plan[p + PlanKeep] != -1L || plan[p + PlanFlip] != 0)
                {
                    ByteEdit.Apply(data, length, (ulong)plan[p + PlanKeep], (ulong)plan[p + PlanFlip]);
                }

                if (EgressFilter != null && !EgressFilter.BlankWithheld(id, extended, data, length))
                {
                    rule.Dropped++;
                    verdict = Verdict.PolicyWithheld;
                    goto Decided;
                }
            }

            // The common verdict counted in a field of its own (Count adds it back): fewer IL instructions.
            rule.Handled++;
            _bmsForwards++;
            verdict = Verdict.Forward;
            goto Counted;

        Decided:
            _counts[((int)from * VerdictNames.Count) + (int)verdict]++;

        Counted:
            _lastRule = r;
            IDecisionSink sink = Sink;
            if (sink != null)
            {
                sink.OnDecision(from, id, extended, remote, data, length, verdict, r, nowMicros);
            }

            return verdict;
        }
    }
}
