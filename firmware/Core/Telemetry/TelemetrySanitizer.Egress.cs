namespace BmsGuard.Core.Telemetry
{
    /// <summary>The sanitizer as the gateway's egress filter: what of a BMS frame may reach the TCU.</summary>
    public sealed partial class TelemetrySanitizer
    {
        /// <summary>
        /// Zeroes, in a frame bound for the TCU, every bit the policy withholds (dropped signals, identifier parts,
        /// bits of no named signal, all bytes past the 8th); returns false when nothing allowed remains (so the
        /// gateway drops the frame), including frames the policy does not name. O(1), no allocation.
        /// </summary>
        public bool BlankWithheld(uint id, bool ext, byte[] data, int len)
        {
            if (data == null)
            {
                len = 0;
            }
            else if (len > data.Length)
            {
                len = data.Length;
            }

            TelemetryFrames frames = _frames;
            int f = ext ? frames.Find(id, true) : id < TelemetryFrames.StandardIds ? frames.StandardFrame[id] : -1;
            if (f == TelemetryFrames.NoFrame)
            {
                f = -1;
            }

            if (len <= 0)
            {
                _framesWithheld++;
                return false;
            }

            if (f < 0)
            {
                // A frame the policy does not name: nothing of it leaves.
                System.Array.Clear(data, 0, len);
                _framesWithheld++;
                return false;
            }

            // Bytes before MaskFrom are allowed whole, bytes from ZeroFrom on withheld whole (and
            // everything past the 8th): only the mixed bytes between are masked one by one.
            int named = len < 8 ? len : 8;
            int i = frames.MaskFrom[f];
            int zero = frames.ZeroFrom[f];
            if (zero > named)
            {
                zero = named;
            }

            byte[] masks = frames.Masks;
            int o = f * 8;
            for (; i < zero; i++)
            {
                data[i] = (byte)(data[i] & masks[o + i]);
            }

            // One withheld byte (a checksum, a counter) is stored here; a native call costs more than that.
            int tail = len - zero;
            if (tail == 1)
            {
                data[zero] = 0;
            }
            else if (tail > 1)
            {
                System.Array.Clear(data, zero, tail);
            }

            if (!frames.AllowedUpTo[(f * 9) + named])
            {
                _framesWithheld++;
                return false;
            }

            return true;
        }
    }
}
