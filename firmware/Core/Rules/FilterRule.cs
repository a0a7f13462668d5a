namespace BmsGuard.Core
{
    /// <summary>
    /// One allowlist rule for frames from the BMS toward the TCU: an identifier filter
    /// (id/mask, standard or extended, optionally inverted), an optional per-identifier minimum
    /// interval, optional byte edits, and handled/dropped counters.
    /// </summary>
    /// <remarks>
    /// A frame matches when <c>(frameId &amp; Mask) == (Id &amp; Mask)</c> and the id type agrees;
    /// an inverse rule matches exactly when that comparison fails. Rules are data: see
    /// <see cref="RuleTableText"/> for the printable form.
    /// </remarks>
    public sealed class FilterRule
    {
        /// <summary>Largest standard (11-bit) identifier.</summary>
        public const uint StandardIdMax = 0x7FF;

        /// <summary>Largest extended (29-bit) identifier.</summary>
        public const uint ExtendedIdMax = 0x1FFFFFFF;

        /// <summary>Rule name, printed in logs (letters, digits, '_', '-', '.').</summary>
        public readonly string Name;

        /// <summary>Identifier to compare with.</summary>
        public readonly uint Id;

        /// <summary>Bits of the identifier that are compared.</summary>
        public readonly uint Mask;

        /// <summary>True for 29-bit extended identifiers, false for 11-bit standard ones.</summary>
        public readonly bool Extended;

        /// <summary>True when the rule matches every identifier the filter does not.</summary>
        public readonly bool Inverse;

        /// <summary>True when remote (RTR) frames matching the filter are also forwarded.</summary>
        public readonly bool AllowRemote;

        /// <summary>Minimum time between two forwarded frames of the same identifier, in microseconds; 0 = no limit.</summary>
        public readonly long MinIntervalMicros;

        /// <summary>Byte edits for forwarded data frames, or null.</summary>
        public readonly ByteEdit Edit;

        /// <summary>
        /// True when the filter matches exactly one identifier (full mask, not inverse): its rate
        /// limit state is then kept per rule instead of in the shared per-identifier table.
        /// </summary>
        public readonly bool SingleId;

        /// <summary>Frames that matched this rule and were forwarded.</summary>
        public long Handled;

        /// <summary>Frames that matched this rule and were dropped (rate limit, remote frame).</summary>
        public long Dropped;

        /// <summary>Creates a rule. Identifier and mask are truncated to the id type's width.</summary>
        public FilterRule(
            string name,
            uint id,
            uint mask,
            bool extended,
            bool inverse,
            bool allowRemote,
            long minIntervalMicros,
            ByteEdit edit)
        {
            uint width = extended ? ExtendedIdMax : StandardIdMax;
            Name = name;
            Mask = mask & width;
            Id = id & width;
            Extended = extended;
            Inverse = inverse;
            AllowRemote = allowRemote;
            MinIntervalMicros = minIntervalMicros;
            Edit = edit != null && edit.IsEmpty ? null : edit;
            SingleId = Mask == width && !inverse;
        }

        /// <summary>The compared part of <see cref="Id"/>.</summary>
        public uint Key
        {
            get { return Id & Mask; }
        }

        /// <summary>Reference semantics of the filter (the compiled index must agree with this).</summary>
        public bool Matches(uint frameId, bool extended)
        {
            if (extended != Extended)
            {
                return false;
            }

            bool equal = (frameId & Mask) == Key;
            return Inverse ? !equal : equal;
        }

        /// <summary>Zeroes the counters.</summary>
        public void ResetCounters()
        {
            Handled = 0;
            Dropped = 0;
        }
    }
}
