namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// A compiled telemetry policy: its signals with their treatments, its identifiers, the destinations
    /// telemetry may go to (broker host allowlist, topic prefix) and the egress budget. Immutable once
    /// built; <see cref="TelemetrySanitizer"/> applies it per frame, <see cref="TelemetryPolicyCodec"/> is its
    /// binary form inside a <see cref="TelemetryBundle"/>.
    /// </summary>
    public sealed class TelemetryPolicy
    {
        /// <summary>Most signals a policy may hold (indices travel as bytes).</summary>
        public const int MaxSignals = 255;

        /// <summary>Most identifiers a policy may hold.</summary>
        public const int MaxIdentifiers = 16;

        /// <summary>Most broker hosts in the allowlist.</summary>
        public const int MaxBrokers = 8;

        /// <summary>Most time (SNTP) servers: nanoFramework's client takes a main and a backup server.</summary>
        public const int MaxTimeServers = 2;

        private readonly TelemetrySignal[] _signals;
        private readonly TelemetryIdentifier[] _identifiers;
        private readonly string[] _brokers;
        private readonly string[] _timeServers;
        private readonly int[] _partOffset;
        private readonly int[] _identifierBytes;
        private readonly int[] _identifierParts;

        private TelemetryPolicy(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers, string[] brokers, string[] timeServers,
            string topicPrefix, long egressBytesPerHour, bool dropNewest, TelemetryFrames frames, int[] partOffset, int[] identifierBytes, int[] identifierParts)
        {
            _timeServers = timeServers;
            DropNewest = dropNewest;
            _signals = signals;
            _identifiers = identifiers;
            _brokers = brokers;
            TopicPrefix = topicPrefix;
            EgressBytesPerHour = egressBytesPerHour;
            Frames = frames;
            _partOffset = partOffset;
            _identifierBytes = identifierBytes;
            _identifierParts = identifierParts;
        }

        /// <summary>Topic prefix every published topic must start with.</summary>
        public readonly string TopicPrefix;

        /// <summary>Bytes per hour telemetry may publish; beyond it publishing pauses and the overflow is counted.</summary>
        public readonly long EgressBytesPerHour;

        /// <summary>When the uplink queue is full: refuse the new message (true) or evict the oldest (false, the default).</summary>
        public readonly bool DropNewest;

        /// <summary>Per-frame index and TCU masks.</summary>
        internal readonly TelemetryFrames Frames;

        /// <summary>Number of signals.</summary>
        public int SignalCount
        {
            get { return _signals.Length; }
        }

        /// <summary>Number of identifiers.</summary>
        public int IdentifierCount
        {
            get { return _identifiers.Length; }
        }

        /// <summary>Number of allowed broker hosts.</summary>
        public int BrokerCount
        {
            get { return _brokers.Length; }
        }

        /// <summary>Number of distinct frames the policy names.</summary>
        public int FrameCount
        {
            get { return Frames.Count; }
        }

        /// <summary>The <paramref name="index"/>th signal.</summary>
        public TelemetrySignal Signal(int index)
        {
            return _signals[index];
        }

        /// <summary>The <paramref name="index"/>th identifier.</summary>
        public TelemetryIdentifier Identifier(int index)
        {
            return _identifiers[index];
        }

        /// <summary>The <paramref name="index"/>th allowed broker host.</summary>
        public string Broker(int index)
        {
            return _brokers[index];
        }

        /// <summary>Number of time servers the device may ask for the time (0: none; the clock is not set over the network).</summary>
        public int TimeServerCount
        {
            get { return _timeServers.Length; }
        }

        /// <summary>Time server <paramref name="index"/>, in the owner's order (main first).</summary>
        public string TimeServer(int index)
        {
            return _timeServers[index];
        }

        /// <summary>Raw bytes of identifier <paramref name="index"/> (the sum of its parts' bytes).</summary>
        public int IdentifierRawBytes(int index)
        {
            return _identifierBytes[index];
        }

        /// <summary>Number of parts of identifier <paramref name="index"/>.</summary>
        public int IdentifierPartCount(int index)
        {
            return _identifierParts[index];
        }

        /// <summary>Where identifier part <paramref name="signal"/>'s bytes go in its identifier's raw bytes (-1 for other signals).</summary>
        public int PartOffset(int signal)
        {
            return _partOffset[signal];
        }

        /// <summary>Index of the signal called <paramref name="name"/>, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _signals.Length; i++)
            {
                if (_signals[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the identifier called <paramref name="name"/>, or -1.</summary>
        public int IdentifierIndexOf(string name)
        {
            for (int i = 0; i < _identifiers.Length; i++)
            {
                if (_identifiers[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when <paramref name="host"/> is on the broker allowlist (host names compare ASCII case-insensitively).</summary>
        public bool IsBrokerAllowed(string host)
        {
            for (int i = 0; host != null && i < _brokers.Length; i++)
            {
                if (SameHost(_brokers[i], host))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="topic"/> lies under <see cref="TopicPrefix"/>.</summary>
        public bool IsTopicAllowed(string topic)
        {
            if (topic == null || topic.Length < TopicPrefix.Length)
            {
                return false;
            }

            for (int i = 0; i < TopicPrefix.Length; i++)
            {
                if (topic[i] != TopicPrefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Builds a policy; null with <paramref name="error"/> when a limit is broken: names unique, identifiers
        /// with every part 0..n-1 exactly once, at most <see cref="MaxSignals"/> signals, 254 frames, 8 extended
        /// frames, 64 signals a frame, 1..8 broker hosts, a topic prefix without MQTT wildcards, and uplink settings the guard can run
        /// (<see cref="TelemetryUplink.Check"/>: a budget of 512..2,000,000,000 bytes per hour, topics of printable ASCII).
        /// The arrays are copied.
        /// </summary>
        public static TelemetryPolicy Build(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers, string[] brokers,
            string topicPrefix, long egressBytesPerHour, out string error)
        {
            return Build(signals, identifiers, brokers, topicPrefix, egressBytesPerHour, false, out error);
        }

        /// <summary>As above, with the uplink's drop policy when its queue is full (<paramref name="dropNewest"/>).</summary>
        public static TelemetryPolicy Build(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers, string[] brokers,
            string topicPrefix, long egressBytesPerHour, bool dropNewest, out string error)
        {
            return Build(signals, identifiers, brokers, new string[0], topicPrefix, egressBytesPerHour, dropNewest, out error);
        }

        /// <summary>
        /// As above, with the time servers the device may use (0..<see cref="MaxTimeServers"/> host names or
        /// addresses): the clock, which signed commands are judged by, is then set only from where the owner says.
        /// </summary>
        public static TelemetryPolicy Build(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers, string[] brokers,
            string[] timeServers, string topicPrefix, long egressBytesPerHour, bool dropNewest, out string error)
        {
            error = Limits(signals, identifiers, brokers, topicPrefix, egressBytesPerHour);
            if (error == null)
            {
                error = TimeServerLimits(timeServers);
            }

            if (error != null)
            {
                return null;
            }

            string[] t = new string[timeServers.Length];
            System.Array.Copy(timeServers, t, t.Length);

            TelemetrySignal[] s = new TelemetrySignal[signals.Length];
            System.Array.Copy(signals, s, s.Length);
            TelemetryIdentifier[] ids = new TelemetryIdentifier[identifiers.Length];
            System.Array.Copy(identifiers, ids, ids.Length);
            string[] b = new string[brokers.Length];
            System.Array.Copy(brokers, b, b.Length);

            int[] partOffset = new int[s.Length];
            int[] bytes = new int[ids.Length];
            int[] parts = new int[ids.Length];
            error = LayoutIdentifiers(s, ids.Length, partOffset, bytes, parts);
            if (error != null)
            {
                return null;
            }

            TelemetryFrames frames = TelemetryFrames.Build(s, out error);
            return frames == null ? null : new TelemetryPolicy(s, ids, b, t, topicPrefix, egressBytesPerHour, dropNewest, frames, partOffset, bytes, parts);
        }

        private static string TimeServerLimits(string[] timeServers)
        {
            if (timeServers == null || timeServers.Length > MaxTimeServers)
            {
                return timeServers == null ? "missing part" : "at most 2 time servers";
            }

            for (int i = 0; i < timeServers.Length; i++)
            {
                if (!IsHost(timeServers[i]))
                {
                    return "time server '" + timeServers[i] + "' is not a host name or address";
                }
            }

            return null;
        }

        private static string Limits(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers, string[] brokers, string topicPrefix, long egress)
        {
            if (signals == null || identifiers == null || brokers == null || topicPrefix == null)
            {
                return "missing part";
            }

            if (signals.Length > MaxSignals || identifiers.Length > MaxIdentifiers)
            {
                return signals.Length > MaxSignals ? "more than 255 signals" : "more than 16 identifiers";
            }

            for (int i = 0; i < signals.Length; i++)
            {
                for (int k = 0; k < i; k++)
                {
                    if (signals[k].Name == signals[i].Name)
                    {
                        return "signal " + signals[i].Name + " twice";
                    }
                }
            }

            for (int i = 0; i < identifiers.Length; i++)
            {
                for (int k = 0; k < i; k++)
                {
                    if (identifiers[k].Name == identifiers[i].Name)
                    {
                        return "identifier " + identifiers[i].Name + " twice";
                    }
                }
            }

            if (brokers.Length < 1 || brokers.Length > MaxBrokers)
            {
                return "1..8 broker hosts";
            }

            for (int i = 0; i < brokers.Length; i++)
            {
                if (!IsHost(brokers[i]))
                {
                    return "broker host '" + brokers[i] + "' is not a host name or address";
                }
            }

            if (topicPrefix.Length == 0 || topicPrefix.Length > TelemetrySignal.MaxText || topicPrefix.IndexOf('#') >= 0
                || topicPrefix.IndexOf('+') >= 0 || topicPrefix[0] == '$' || topicPrefix.IndexOf('\0') >= 0)
            {
                return "topic prefix must be 1..64 characters without MQTT wildcards (+ #) or a leading $";
            }

            // The same check the guard's uplink makes: a policy that builds here cannot fail to start it.
            return TelemetryUplink.Check(topicPrefix, egress, false);
        }

        // Each identifier's parts: exactly positions 0..n-1, laid out in that order.
        private static string LayoutIdentifiers(TelemetrySignal[] s, int identifierCount, int[] partOffset, int[] bytes, int[] parts)
        {
            for (int i = 0; i < s.Length; i++)
            {
                partOffset[i] = -1;
                int id = s[i].Treatment.Identifier;
                if (id >= identifierCount)
                {
                    return "signal " + s[i].Name + " names a missing identifier";
                }

                if (id >= 0)
                {
                    parts[id]++;
                }
            }

            for (int id = 0; id < identifierCount; id++)
            {
                if (parts[id] < 1 || parts[id] > TelemetryIdentifier.MaxParts)
                {
                    return "an identifier needs 1..32 signals";
                }

                for (int part = 0; part < parts[id]; part++)
                {
                    int found = -1;
                    for (int i = 0; i < s.Length; i++)
                    {
                        if (s[i].Treatment.Identifier == id && s[i].Treatment.Part == part)
                        {
                            if (found >= 0)
                            {
                                return "identifier part " + part.ToString() + " twice";
                            }

                            found = i;
                        }
                    }

                    if (found < 0)
                    {
                        return "identifier part " + part.ToString() + " missing";
                    }

                    partOffset[found] = bytes[id];
                    bytes[id] += s[found].RawBytes;
                }

                if (bytes[id] > TelemetryIdentifier.MaxRawBytes)
                {
                    return "an identifier is at most 64 raw bytes";
                }
            }

            return null;
        }

        private static bool IsHost(string host)
        {
            if (host == null || host.Length == 0 || host.Length > TelemetrySignal.MaxText)
            {
                return false;
            }

            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameHost(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                x = x >= 'A' && x <= 'Z' ? (char)(x + 32) : x;
                y = y >= 'A' && y <= 'Z' ? (char)(y + 32) : y;
                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
