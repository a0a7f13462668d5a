using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.SecOc
{
    /// <summary>
    /// Builds SecOC-style single-frame commands (<see cref="SecOcLayout"/>) with a freshness counter that
    /// increases by one per frame. For the host side and tests; persist <see cref="Freshness"/> across
    /// restarts, or the receiver will reject the repeated values as replays.
    /// </summary>
    public sealed class SecOcSender
    {
        private readonly AesCmac _cmac;
        private readonly uint _dataId;
        private readonly byte[] _input = new byte[SecOcLayout.MacInputLength];
        private readonly byte[] _payload = new byte[SecOcLayout.PayloadLength];

        /// <summary>Creates a sender for <paramref name="dataId"/> with the 16-byte key at <paramref name="keyOffset"/>.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 key bytes.</exception>
        public SecOcSender(uint dataId, byte[] key, int keyOffset)
        {
            _dataId = dataId;
            _cmac = new AesCmac(key, keyOffset);
        }

        /// <summary>The freshness value of the last frame built (0 before the first).</summary>
        public long Freshness
        {
            get { return _freshness; }
            private set { _freshness = value; }
        }

        private long _freshness;

        /// <summary>Continues after <paramref name="freshness"/> (a stored value); a lower value is ignored.</summary>
        public void Restore(long freshness)
        {
            if (freshness > Freshness)
            {
                Freshness = freshness;
            }
        }

        /// <summary>
        /// Builds the next frame from <paramref name="count"/> (1..4) payload bytes into 8 bytes of
        /// <paramref name="frame"/> at <paramref name="frameOffset"/>. False when the counter is exhausted.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array, or the count is not 1..4.</exception>
        public bool Build(byte[] payload, int payloadOffset, int count, byte[] frame, int frameOffset)
        {
            if (count < 1 || count > SecOcLayout.PayloadLength || payload == null || payloadOffset < 0
                || payloadOffset > payload.Length - count || frame == null || frameOffset < 0
                || frameOffset > frame.Length - SecOcLayout.FrameLength)
            {
                throw new System.ArgumentException();
            }

            if (Freshness == long.MaxValue)
            {
                return false;
            }

            Freshness++;
            for (int i = 0; i < SecOcLayout.PayloadLength; i++)
            {
                _payload[i] = i < count ? payload[payloadOffset + i] : (byte)0;
                frame[frameOffset + i] = _payload[i];
            }

            frame[frameOffset + SecOcLayout.FreshnessOffset] = (byte)Freshness;
            SecOcLayout.WriteMacInput(_input, _dataId, _payload, 0, Freshness);
            _cmac.ComputeTruncated(_input, 0, SecOcLayout.MacInputLength, frame, frameOffset + SecOcLayout.MacOffset, SecOcLayout.MacLength);
            return true;
        }
    }
}
