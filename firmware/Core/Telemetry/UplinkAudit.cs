using BmsGuard.Core.Audit;
using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Writes one <see cref="AuditKind.Publish"/> record per PUBLISH handed to the transport, so the owner
    /// can check what left the vehicle. Detail (28 bytes):
    /// <code>
    /// topic digest: 8 bytes | payload size: 4 bytes BE | payload digest: 16 bytes
    /// </code>
    /// Digests are SHA-256 truncated (topic: over its ASCII bytes). Reason: <see cref="FirstSend"/> or
    /// <see cref="Resend"/>. Topic digests are computed once; nothing is allocated per record.
    /// </summary>
    public sealed class UplinkAudit
    {
        /// <summary>Reason code of a message's first publish.</summary>
        public const int FirstSend = 0;

        /// <summary>Reason code of a message published again (reconnect or acknowledgement timeout).</summary>
        public const int Resend = 1;

        /// <summary>Bytes of topic digest in the detail.</summary>
        public const int TopicDigestBytes = 8;

        /// <summary>Bytes of payload digest in the detail.</summary>
        public const int PayloadDigestBytes = 16;

        /// <summary>Detail length.</summary>
        public const int DetailBytes = TopicDigestBytes + 4 + PayloadDigestBytes;

        private readonly IAuditTrail _trail;
        private readonly byte[] _topicDigests;
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _detail = new byte[DetailBytes];

        /// <summary>Audits publishes to <paramref name="topics"/> (ASCII) into <paramref name="trail"/> (null: none).</summary>
        public UplinkAudit(IAuditTrail trail, string[] topics)
        {
            _trail = trail;
            _topicDigests = new byte[topics.Length * TopicDigestBytes];
            for (int t = 0; t < topics.Length; t++)
            {
                byte[] ascii = Ascii(topics[t]);
                _sha.Compute(ascii, 0, ascii.Length, _hash, 0);
                System.Array.Copy(_hash, 0, _topicDigests, t * TopicDigestBytes, TopicDigestBytes);
            }
        }

        /// <summary>The ASCII bytes of <paramref name="text"/> (characters above 0x7F become '?').</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes[i] = c < (char)0x80 ? (byte)c : (byte)'?';
            }

            return bytes;
        }

        /// <summary>Fills <paramref name="detail"/> (at least <see cref="DetailBytes"/>) for a publish of <paramref name="length"/> payload bytes.</summary>
        public void Describe(int topic, byte[] payload, int length, byte[] detail)
        {
            System.Array.Copy(_topicDigests, topic * TopicDigestBytes, detail, 0, TopicDigestBytes);
            detail[TopicDigestBytes] = (byte)(length >> 24);
            detail[TopicDigestBytes + 1] = (byte)(length >> 16);
            detail[TopicDigestBytes + 2] = (byte)(length >> 8);
            detail[TopicDigestBytes + 3] = (byte)length;
            _sha.Compute(payload, 0, length, _hash, 0);
            System.Array.Copy(_hash, 0, detail, TopicDigestBytes + 4, PayloadDigestBytes);
        }

        /// <summary>Appends the record for one publish.</summary>
        internal void Record(long nowMicros, int topic, byte[] payload, int length, bool resend)
        {
            if (_trail == null)
            {
                return;
            }

            Describe(topic, payload, length, _detail);
            _trail.Record(nowMicros, AuditKind.Publish, resend ? Resend : FirstSend, _detail, DetailBytes);
        }
    }
}
