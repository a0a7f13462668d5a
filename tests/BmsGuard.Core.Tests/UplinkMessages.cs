using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Numbered test messages and the checks the uplink tests share.</summary>
    public static class UplinkMessages
    {
        /// <summary>Two topics: 0 telemetry, 1 events.</summary>
        public static string[] Topics()
        {
            return new string[] { "bms/telemetry", "bms/events" };
        }

        /// <summary>A payload of <paramref name="length"/> bytes starting with <paramref name="seq"/> (big-endian), then a pattern.</summary>
        public static byte[] Numbered(int seq, int length)
        {
            byte[] payload = new byte[length];
            payload[0] = (byte)(seq >> 24);
            payload[1] = (byte)(seq >> 16);
            payload[2] = (byte)(seq >> 8);
            payload[3] = (byte)seq;
            for (int i = 4; i < length; i++)
            {
                payload[i] = (byte)(seq + i);
            }

            return payload;
        }

        /// <summary>The sequence number a payload starts with.</summary>
        public static int SeqOf(byte[] payload)
        {
            return (payload[0] << 24) | (payload[1] << 16) | (payload[2] << 8) | payload[3];
        }

        /// <summary>Enqueues numbered messages <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1 on topic 0; returns how many were accepted.</summary>
        public static int Offer(Uplink uplink, int first, int count, int length)
        {
            int accepted = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] payload = Numbered(first + i, length);
                if (uplink.Enqueue(0, payload, 0, length))
                {
                    accepted++;
                }
            }

            return accepted;
        }

        /// <summary>Pumps until nothing is pending (at most <paramref name="rounds"/> times), one millisecond apart.</summary>
        public static long Drain(Uplink uplink, long nowMicros, int rounds)
        {
            for (int i = 0; i < rounds && uplink.Pending > 0; i++)
            {
                uplink.Pump(nowMicros);
                nowMicros += 1000;
            }

            return nowMicros;
        }

        /// <summary>Every offered message is acknowledged, dropped or still pending.</summary>
        public static void AssertAccounted(Uplink uplink)
        {
            UplinkCounters c = uplink.Counters;
            Assert.AreEqual(c.Enqueued, c.Acknowledged + c.Dropped + uplink.Pending, c.Print());
        }

        /// <summary>Publishes <paramref name="from"/>.. of <paramref name="transport"/> carry <paramref name="firstSeq"/>, +1, ... .</summary>
        public static void AssertSequence(UplinkFakeTransport transport, int from, int count, int firstSeq)
        {
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual(firstSeq + i, transport.SeqAt(from + i), "publish " + (from + i).ToString());
            }
        }

        /// <summary>A copy of the first <paramref name="length"/> bytes of <paramref name="file"/> (a power cut that kept a prefix).</summary>
        public static MemoryStorageFile Prefix(IStorageFile file, long length)
        {
            byte[] bytes = new byte[(int)length];
            int done = 0;
            while (done < length)
            {
                int n = file.Read(done, bytes, done, (int)length - done);
                if (n <= 0)
                {
                    break;
                }

                done += n;
            }

            MemoryStorageFile copy = new MemoryStorageFile(64);
            copy.Append(bytes, 0, done);
            return copy;
        }
    }
}
