namespace BmsGuard.Core
{
    /// <summary>
    /// The ordered allowlist for frames from the BMS toward the TCU, with its compiled
    /// <see cref="RuleIndex"/>. The first matching rule decides. Build it with <see cref="Add"/>
    /// then <see cref="Compile"/>, or parse it with <see cref="RuleTableText.Parse"/>.
    /// </summary>
    public sealed class RuleTable
    {
        /// <summary>Error text when a table exceeds <see cref="RuleIndex.MaxRules"/>.</summary>
        public const string TooManyRules = "more than 4096 rules";

        /// <summary>Error text when extended rules exceed <see cref="RuleIndex.MaxExtendedMaskGroups"/>.</summary>
        public const string TooManyExtendedMasks = "more than 8 distinct (mask, inv) combinations among extended-id rules";

        private FilterRule[] _rules = new FilterRule[8];
        private int _count;
        private RuleIndex _index;
        private string _compileError;

        // Per port (GatewayPort value): the receive budget the table asks for (see ReceiveBudget).
        private readonly int[] _receiveFrames = new int[] { ReceiveBudget.DefaultFrames(GatewayPort.Bms), ReceiveBudget.DefaultFrames(GatewayPort.Tcu) };
        private readonly long[] _receiveWindow = new long[] { ReceiveBudget.DefaultWindowMicros, ReceiveBudget.DefaultWindowMicros };
        private readonly long[] _receivePause = new long[] { ReceiveBudget.DefaultPauseMicros, ReceiveBudget.DefaultPauseMicros };

        /// <summary>Number of rules.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The compiled index, or null until <see cref="Compile"/> succeeds.</summary>
        public RuleIndex Index
        {
            get { return _index; }
        }

        /// <summary>Why the last <see cref="Compile"/> failed, or null.</summary>
        public string CompileError
        {
            get { return _compileError; }
        }

        /// <summary>Rule at position <paramref name="i"/> (0-based, in table order).</summary>
        public FilterRule this[int i]
        {
            get { return _rules[i]; }
        }

        /// <summary>Appends a rule; invalidates the compiled index.</summary>
        public void Add(FilterRule rule)
        {
            if (_count == _rules.Length)
            {
                FilterRule[] bigger = new FilterRule[_rules.Length * 2];
                for (int i = 0; i < _count; i++)
                {
                    bigger[i] = _rules[i];
                }

                _rules = bigger;
            }

            _rules[_count++] = rule;
            _index = null;
        }

        /// <summary>Index of the rule called <paramref name="name"/>, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_rules[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Compiles the lookup index; false (and <see cref="CompileError"/>) when limits are exceeded.</summary>
        public bool Compile()
        {
            if (_count > RuleIndex.MaxRules)
            {
                _compileError = TooManyRules;
                return false;
            }

            _index = RuleIndex.Build(_rules, _count);
            if (_index == null)
            {
                _compileError = TooManyExtendedMasks;
                return false;
            }

            _compileError = null;
            return true;
        }

        /// <summary>
        /// Slots the rate limiter needs: one per identifier a rate-limited rule can match,
        /// with masked rules counted up to 256 identifiers each.
        /// </summary>
        public int RateStateCapacity()
        {
            int total = 0;
            for (int i = 0; i < _count; i++)
            {
                FilterRule rule = _rules[i];
                if (rule.MinIntervalMicros <= 0 || rule.SingleId)
                {
                    // Single-identifier rules keep their state per rule (see Gateway).
                    continue;
                }

                uint width = rule.Extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax;
                uint free = ~rule.Mask & width;
                int ids = 1;
                while (free != 0 && ids < 256)
                {
                    if ((free & 1) != 0)
                    {
                        ids <<= 1;
                    }

                    free >>= 1;
                }

                total += rule.Inverse ? 256 : (ids > 256 ? 256 : ids);
            }

            return total < 16 ? 16 : (total > 8192 ? 8192 : total);
        }

        /// <summary>
        /// Sets the receive budget a gateway over this table gives <paramref name="port"/>: <paramref name="frames"/>
        /// per <paramref name="windowMicros"/> (0 frames: no limit), then a pause of <paramref name="pauseMicros"/>.
        /// Without it the TCU gets <see cref="ReceiveBudget.DefaultTcuFrames"/> per 100 ms and the BMS no limit.
        /// </summary>
        public void SetReceive(GatewayPort port, int frames, long windowMicros, long pauseMicros)
        {
            if (frames < 0 || windowMicros <= 0 || pauseMicros <= 0)
            {
                throw new System.ArgumentException();
            }

            _receiveFrames[(int)port] = frames;
            _receiveWindow[(int)port] = windowMicros;
            _receivePause[(int)port] = pauseMicros;
        }

        /// <summary>Frames per window allowed from <paramref name="port"/>; 0 for no limit.</summary>
        public int ReceiveFrames(GatewayPort port)
        {
            return _receiveFrames[(int)port];
        }

        /// <summary>The window of <paramref name="port"/>'s receive budget, in microseconds.</summary>
        public long ReceiveWindowMicros(GatewayPort port)
        {
            return _receiveWindow[(int)port];
        }

        /// <summary>The pause of <paramref name="port"/>'s receive budget, in microseconds.</summary>
        public long ReceivePauseMicros(GatewayPort port)
        {
            return _receivePause[(int)port];
        }

        /// <summary>Zeroes every rule's counters.</summary>
        public void ResetCounters()
        {
            for (int i = 0; i < _count; i++)
            {
                _rules[i].ResetCounters();
            }
        }
    }
}
