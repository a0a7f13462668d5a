using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Collects each identifier's parts (which may arrive on different multiplexed pages) into fixed buffers;
    /// when all parts have been seen it emits HMAC-SHA256(pseudonym key, raw bytes), truncated, if the value
    /// changed or its re-emission interval passed. Buffers are allocated once per policy; nothing per frame.
    /// </summary>
    internal sealed class IdentifierAssembler
    {
        private readonly TelemetryPolicy _policy;
        private readonly HmacSha256 _hmac;
        private readonly byte[] _raw;
        private readonly byte[] _last;
        private readonly int[] _at;
        private readonly int[] _have;
        private readonly int[] _full;
        private readonly bool[] _ever;
        private readonly long[] _lastTime;
        private readonly long[] _emitted;
        private readonly long[] _unchanged;
        private readonly byte[] _pseudonym = new byte[HmacSha256.MacSize];

        internal IdentifierAssembler(TelemetryPolicy policy, byte[] pseudonymKey)
        {
            _policy = policy;
            _hmac = new HmacSha256(pseudonymKey);
            int n = policy.IdentifierCount;
            _at = new int[n];
            _have = new int[n];
            _full = new int[n];
            _ever = new bool[n];
            _lastTime = new long[n];
            _emitted = new long[n];
            _unchanged = new long[n];
            int total = 0;
            for (int i = 0; i < n; i++)
            {
                _at[i] = total;
                total += policy.IdentifierRawBytes(i);
                int parts = policy.IdentifierPartCount(i);
                _full[i] = parts >= 32 ? -1 : (1 << parts) - 1;
            }

            _raw = new byte[total];
            _last = new byte[total];
        }

        /// <summary>Pseudonyms emitted for identifier <paramref name="i"/>.</summary>
        internal long Emitted(int i)
        {
            return _emitted[i];
        }

        /// <summary>Complete but unchanged assemblies of identifier <paramref name="i"/> that were not re-emitted.</summary>
        internal long Unchanged(int i)
        {
            return _unchanged[i];
        }

        /// <summary>
        /// Stores part <paramref name="signal"/>'s raw value; emits the identifier when it is complete and due.
        /// False when the identifier is dropped (the part is not even kept).
        /// </summary>
        internal bool Part(int signal, TelemetrySignal s, long raw, long now, ITelemetrySink sink)
        {
            int id = s.Treatment.Identifier;
            if (_policy.Identifier(id).Action != IdentifierAction.Pseudonymize)
            {
                return false;
            }

            int bytes = s.RawBytes;
            int at = _at[id] + _policy.PartOffset(signal);
            for (int b = bytes - 1; b >= 0; b--)
            {
                _raw[at + b] = (byte)raw;
                raw >>= 8;
            }

            _have[id] |= 1 << s.Treatment.Part;
            if (_have[id] != _full[id])
            {
                return true;
            }

            _have[id] = 0;
            TelemetryIdentifier ident = _policy.Identifier(id);
            int length = _policy.IdentifierRawBytes(id);
            bool changed = !_ever[id] || !Same(_at[id], length);
            bool due = ident.EveryMicros > 0 && now - _lastTime[id] >= ident.EveryMicros;
            if (!changed && !due)
            {
                _unchanged[id]++;
                return true;
            }

            System.Array.Copy(_raw, _at[id], _last, _at[id], length);
            _ever[id] = true;
            _lastTime[id] = now;
            _emitted[id]++;
            _hmac.Compute(_raw, _at[id], length, _pseudonym, 0);
            sink.Identifier(id, _pseudonym, ident.PseudonymBytes, now);
            return true;
        }

        private bool Same(int at, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (_raw[at + i] != _last[at + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
