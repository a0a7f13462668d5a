namespace BmsGuard.Core.Tests
{
    /// <summary>An audit trail that keeps every record's kind, reason and detail.</summary>
    public sealed class CommandAuditLog : BmsGuard.Core.Audit.IAuditTrail
    {
        public int Count;
        public int[] Kinds = new int[1024];
        public int[] Reasons = new int[1024];
        public byte[][] Details = new byte[1024][];

        /// <inheritdoc />
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            byte[] copy = new byte[detailLength];
            System.Array.Copy(detail, copy, detailLength);
            Kinds[Count] = kind;
            Reasons[Count] = reason;
            Details[Count] = copy;
            Count++;
        }

        /// <summary>Kind of the last record.</summary>
        public int LastKind
        {
            get { return Kinds[Count - 1]; }
        }

        /// <summary>Reason of the last record.</summary>
        public int LastReason
        {
            get { return Reasons[Count - 1]; }
        }

        /// <summary>Index of the last record of <paramref name="kind"/>, or -1.</summary>
        public int LastOf(int kind)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if (Kinds[i] == kind)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
