namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// What is wrong with an audit log at a given byte offset. Also the reason code of the
    /// <see cref="AuditKind.LogRecovered"/> record the log appends after it found one of these on open:
    /// values are stored, never renumber.
    /// </summary>
    public static class AuditProblem
    {
        /// <summary>The chain verifies.</summary>
        public const int None = 0;

        /// <summary>The last bytes are an incomplete record: a power cut during the last append (allowed, a warning).</summary>
        public const int TornTail = 1;

        /// <summary>A record's tag does not match its bytes: the record was edited (or the key is wrong).</summary>
        public const int Edited = 2;

        /// <summary>The sequence number jumps ahead and the missing one is nowhere later: records were deleted.</summary>
        public const int Deleted = 3;

        /// <summary>The sequence number jumps ahead and the missing one comes later: records were reordered.</summary>
        public const int Reordered = 4;

        /// <summary>The sequence number goes backwards or repeats: a record was inserted or replayed.</summary>
        public const int Inserted = 5;

        /// <summary>The length fields do not describe a record (overwritten bytes).</summary>
        public const int Malformed = 6;

        /// <summary>The log ends before the sequence number the verifier was told to expect: records cut off the end.</summary>
        public const int Truncated = 7;

        /// <summary>Printable name, e.g. "edited (tag mismatch)".</summary>
        public static string Name(int problem)
        {
            switch (problem)
            {
                case None: return "ok";
                case TornTail: return "torn tail (incomplete last record, power cut during an append)";
                case Edited: return "edited (tag mismatch)";
                case Deleted: return "deleted (sequence gap)";
                case Reordered: return "reordered (sequence out of order)";
                case Inserted: return "inserted (sequence repeats or goes backwards)";
                case Malformed: return "malformed (bad length field)";
                case Truncated: return "truncated (records missing at the end)";
                default: return "problem-" + problem.ToString();
            }
        }
    }
}
