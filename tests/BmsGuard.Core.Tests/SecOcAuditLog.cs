using BmsGuard.Core.Audit;

namespace BmsGuard.Core.Tests
{
    /// <summary>An audit trail that keeps the last record and counts records per kind, for the SecOC tests.</summary>
    public sealed class SecOcAuditLog : IAuditTrail
    {
        private readonly int[] _kinds = new int[32];

        /// <summary>Kind of the last record.</summary>
        public int LastKind { get; private set; }

        /// <summary>Reason of the last record.</summary>
        public int LastReason { get; private set; }

        /// <summary>Detail bytes of the last record.</summary>
        public byte[] LastDetail { get; private set; } = new byte[0];

        /// <summary>Time of the last record.</summary>
        public long LastTime { get; private set; }

        /// <summary>Records of <paramref name="kind"/> so far.</summary>
        public int Count(int kind)
        {
            return _kinds[kind];
        }

        /// <inheritdoc />
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            _kinds[kind]++;
            LastKind = kind;
            LastReason = reason;
            LastTime = timeMicros;
            LastDetail = new byte[detailLength];
            System.Array.Copy(detail, LastDetail, detailLength);
        }
    }
}
