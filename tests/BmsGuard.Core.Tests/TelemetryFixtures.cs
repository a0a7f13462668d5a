using BmsGuard.Core.Telemetry;

namespace BmsGuard.Core.Tests
{
    /// <summary>Hand-built telemetry policies and a recording sink for the telemetry tests.</summary>
    public static class TelemetryFixtures
    {
        /// <summary>An unsigned 8-bit Intel signal at byte <paramref name="index"/> of frame <paramref name="id"/>, scale 1, offset 0.</summary>
        public static TelemetrySignal Byte(string name, uint id, int index, SignalTreatment treatment)
        {
            return new TelemetrySignal(name, id, false, index * 8, 8, false, false, 1, 0, 0, "", null, treatment);
        }

        /// <summary>An unsigned 8-bit signal at byte <paramref name="index"/>, present when byte 0 (the page) equals <paramref name="page"/>.</summary>
        public static TelemetrySignal Paged(string name, uint id, int index, int page, SignalTreatment treatment)
        {
            return new TelemetrySignal(name, id, false, index * 8, 8, false, false, 1, 0, 0, "", new SignalMux(0, 8, false, page, page), treatment);
        }

        /// <summary>A treatment with every parameter given.</summary>
        public static SignalTreatment Treat(int action, long step, long every, long window, int function, long delay, int slots)
        {
            return new SignalTreatment(action, step, every, window, function, delay, slots, -1, 0);
        }

        /// <summary>Part <paramref name="part"/> of identifier <paramref name="identifier"/>.</summary>
        public static SignalTreatment Part(int identifier, int part)
        {
            return new SignalTreatment(TelemetryAction.Identifier, 0, 0, 0, 0, 0, 0, identifier, part);
        }

        /// <summary>A policy of these signals and identifiers, one broker, prefix "owner/", 100 kB/h.</summary>
        public static TelemetryPolicy Policy(TelemetrySignal[] signals, TelemetryIdentifier[] identifiers)
        {
            string error;
            TelemetryPolicy policy = TelemetryPolicy.Build(signals, identifiers, new string[] { "broker.owner.example" }, "owner/", 100000, out error);
            if (policy == null)
            {
                throw new System.Exception(error);
            }

            return policy;
        }

        /// <summary>An 8-byte frame.</summary>
        public static byte[] Frame(int b0, int b1, int b2, int b3)
        {
            return new byte[] { (byte)b0, (byte)b1, (byte)b2, (byte)b3, 0, 0, 0, 0 };
        }
    }

    /// <summary>Records every sample and pseudonym as "signal=value@time" / "id#hex@time" lines.</summary>
    public sealed class TelemetryRecorder : ITelemetrySink
    {
        private readonly System.Text.StringBuilder _log = new System.Text.StringBuilder();

        /// <summary>Calls recorded so far.</summary>
        public int Count;

        /// <summary>Everything recorded, one call a line, and clears it.</summary>
        public string Take()
        {
            string s = _log.ToString();
            _log.Clear();
            return s;
        }

        /// <inheritdoc/>
        public void Sample(int signal, long valueUnits, long timeMicros)
        {
            Count++;
            _log.Append(signal.ToString() + "=" + valueUnits.ToString() + "@" + timeMicros.ToString() + "\n");
        }

        /// <inheritdoc/>
        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros)
        {
            Count++;
            _log.Append(signal.ToString() + "#" + Hex(pseudonym, len) + "@" + timeMicros.ToString() + "\n");
        }

        /// <summary>Lower-case hex of the first <paramref name="len"/> bytes.</summary>
        public static string Hex(byte[] bytes, int len)
        {
            string digits = "0123456789abcdef";
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            for (int i = 0; i < len; i++)
            {
                sb.Append(digits[bytes[i] >> 4]);
                sb.Append(digits[bytes[i] & 15]);
            }

            return sb.ToString();
        }
    }
}
