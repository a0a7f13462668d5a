namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The binary body of a policy bundle (all integers little-endian; text = u8 length + printable ASCII):
    /// <code>
    /// u8 signals, u8 identifiers, u8 brokers, u8 flags (1 = the uplink drops the newest message when full,
    ///                                                   2 = time servers follow the brokers)
    /// i64 egress bytes per hour
    /// text topic prefix, text broker host x brokers, [flag 2: u8 time servers (1..2), text host x time servers]
    /// per signal:     text name, u32 id (bit 31 = extended), u8 start bit, u8 length,
    ///                 u8 flags (1 Motorola, 2 signed, 4 multiplexed, 8 Motorola switch), u8 decimals,
    ///                 i64 scale units, i64 offset units, text unit,
    ///                 [multiplexed: u8 switch start, u8 switch length, u16 low, u16 high]
    ///                 u8 action, u8 function, u8 identifier (0xFF none), u8 part, u8 delay slots,
    ///                 i64 step units, i64 every us, i64 window us, i64 delay us
    /// per identifier: text name, u8 action, u8 pseudonym bytes, i64 every us
    /// </code>
    /// Decoding checks every field with the model's own checks and never throws.
    /// </summary>
    public static class TelemetryPolicyCodec
    {
        private const int FlagMotorola = 1;
        private const int FlagSigned = 2;
        private const int FlagMux = 4;
        private const int FlagMuxMotorola = 8;
        private const uint ExtendedBit = 0x80000000u;
        private const int PolicyDropNewest = 1;
        private const int PolicyTimeServers = 2;

        /// <summary>The body of <paramref name="policy"/>, in a new array.</summary>
        /// <exception cref="System.ArgumentException">A text is not printable ASCII of at most 255 characters.</exception>
        public static byte[] Encode(TelemetryPolicy policy)
        {
            byte[] buffer = new byte[TelemetryBundle.MaxSize];
            ByteCursor w = new ByteCursor(buffer, 0, buffer.Length);
            w.PutU8(policy.SignalCount);
            w.PutU8(policy.IdentifierCount);
            w.PutU8(policy.BrokerCount);
            // Flag 2 only when there are time servers, so a policy without them decodes on older firmware.
            w.PutU8((policy.DropNewest ? PolicyDropNewest : 0) | (policy.TimeServerCount > 0 ? PolicyTimeServers : 0));
            w.PutI64(policy.EgressBytesPerHour);
            w.PutText(policy.TopicPrefix);
            for (int i = 0; i < policy.BrokerCount; i++)
            {
                w.PutText(policy.Broker(i));
            }

            if (policy.TimeServerCount > 0)
            {
                w.PutU8(policy.TimeServerCount);
                for (int i = 0; i < policy.TimeServerCount; i++)
                {
                    w.PutText(policy.TimeServer(i));
                }
            }

            for (int i = 0; i < policy.SignalCount; i++)
            {
                PutSignal(w, policy.Signal(i));
            }

            for (int i = 0; i < policy.IdentifierCount; i++)
            {
                TelemetryIdentifier id = policy.Identifier(i);
                w.PutText(id.Name);
                w.PutU8(id.Action);
                w.PutU8(id.PseudonymBytes);
                w.PutI64(id.EveryMicros);
            }

            if (w.Failed)
            {
                throw new System.ArgumentException();
            }

            byte[] body = new byte[w.Position];
            System.Array.Copy(buffer, body, body.Length);
            return body;
        }

        /// <summary>Decodes <paramref name="count"/> bytes at <paramref name="offset"/>; null when they are not a valid policy body.</summary>
        public static TelemetryPolicy Decode(byte[] bytes, int offset, int count, out string error)
        {
            ByteCursor r = new ByteCursor(bytes, offset, count);
            int signalCount = r.U8();
            int identifierCount = r.U8();
            int brokerCount = r.U8();
            int flags = r.U8();
            long egress = r.I64();
            string prefix = r.Text();
            string[] brokers = new string[brokerCount];
            for (int i = 0; i < brokerCount; i++)
            {
                brokers[i] = r.Text();
            }

            if (flags > (PolicyDropNewest | PolicyTimeServers))
            {
                error = "unknown policy flags " + flags.ToString();
                return null;
            }

            string[] timeServers = new string[(flags & PolicyTimeServers) != 0 ? r.U8() : 0];
            if ((flags & PolicyTimeServers) != 0 && (r.Failed || timeServers.Length == 0 || timeServers.Length > TelemetryPolicy.MaxTimeServers))
            {
                error = r.Failed ? "truncated" : "1..2 time servers";
                return null;
            }

            for (int i = 0; i < timeServers.Length; i++)
            {
                timeServers[i] = r.Text();
            }

            TelemetrySignal[] signals = new TelemetrySignal[signalCount];
            for (int i = 0; i < signalCount; i++)
            {
                signals[i] = ReadSignal(r, out error);
                if (signals[i] == null)
                {
                    return null;
                }
            }

            TelemetryIdentifier[] identifiers = new TelemetryIdentifier[identifierCount];
            for (int i = 0; i < identifierCount; i++)
            {
                string name = r.Text();
                int action = r.U8();
                int bytesOut = r.U8();
                long every = r.I64();
                error = r.Failed ? "truncated" : TelemetryIdentifier.Check(name, action, bytesOut, every);
                if (error != null)
                {
                    return null;
                }

                identifiers[i] = new TelemetryIdentifier(name, action, bytesOut, every);
            }

            if (r.Failed || !r.AtEnd)
            {
                error = r.Failed ? "truncated" : "trailing bytes";
                return null;
            }

            return TelemetryPolicy.Build(signals, identifiers, brokers, timeServers, prefix, egress, (flags & PolicyDropNewest) != 0, out error);
        }

        private static void PutSignal(ByteCursor w, TelemetrySignal s)
        {
            w.PutText(s.Name);
            w.PutU32(s.Extended ? s.Id | ExtendedBit : s.Id);
            w.PutU8(s.StartBit);
            w.PutU8(s.Length);
            int flags = (s.Motorola ? FlagMotorola : 0) | (s.Signed ? FlagSigned : 0)
                | (s.Mux != null ? FlagMux : 0) | (s.Mux != null && s.Mux.Motorola ? FlagMuxMotorola : 0);
            w.PutU8(flags);
            w.PutU8(s.Decimals);
            w.PutI64(s.ScaleUnits);
            w.PutI64(s.OffsetUnits);
            w.PutText(s.Unit);
            if (s.Mux != null)
            {
                w.PutU8(s.Mux.StartBit);
                w.PutU8(s.Mux.Length);
                w.PutU16(s.Mux.Low);
                w.PutU16(s.Mux.High);
            }

            SignalTreatment t = s.Treatment;
            w.PutU8(t.Action);
            w.PutU8(t.Function);
            w.PutU8(t.Identifier < 0 ? 0xFF : t.Identifier);
            w.PutU8(t.Part);
            w.PutU8(t.DelaySlots);
            w.PutI64(t.StepUnits);
            w.PutI64(t.EveryMicros);
            w.PutI64(t.WindowMicros);
            w.PutI64(t.DelayMicros);
        }

        private static TelemetrySignal ReadSignal(ByteCursor r, out string error)
        {
            string name = r.Text();
            uint rawId = r.U32();
            int start = r.U8();
            int length = r.U8();
            int flags = r.U8();
            int decimals = r.U8();
            long scale = r.I64();
            long offset = r.I64();
            string unit = r.Text();
            SignalMux mux = null;
            if ((flags & FlagMux) != 0)
            {
                int muxStart = r.U8();
                int muxLength = r.U8();
                int low = r.U16();
                int high = r.U16();
                error = SignalMux.Check(muxStart, muxLength, (flags & FlagMuxMotorola) != 0, low, high);
                if (error != null || r.Failed)
                {
                    error = r.Failed ? "truncated" : error;
                    return null;
                }

                mux = new SignalMux(muxStart, muxLength, (flags & FlagMuxMotorola) != 0, low, high);
            }

            int action = r.U8();
            int function = r.U8();
            int identifier = r.U8();
            int part = r.U8();
            int slots = r.U8();
            long step = r.I64();
            long every = r.I64();
            long window = r.I64();
            long delay = r.I64();
            identifier = identifier == 0xFF ? -1 : identifier;
            bool extended = (rawId & ExtendedBit) != 0;
            uint id = rawId & ~ExtendedBit;
            bool motorola = (flags & FlagMotorola) != 0;
            if (r.Failed)
            {
                error = "truncated";
                return null;
            }

            error = TelemetrySignal.Check(name, id, extended, start, length, motorola, scale, offset, decimals, unit);
            if (error == null)
            {
                error = SignalTreatment.Check(action, step, every, window, function, delay, slots, identifier, part);
            }

            if (error != null)
            {
                error = name + ": " + error;
                return null;
            }

            SignalTreatment t = new SignalTreatment(action, step, every, window, function, delay, slots, identifier, part);
            return new TelemetrySignal(name, id, extended, start, length, motorola, (flags & FlagSigned) != 0, scale, offset, decimals, unit, mux, t);
        }
    }
}
