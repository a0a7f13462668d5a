namespace BmsGuard.Core.Commands
{
    /// <summary>A vehicle id (VIN) as envelopes carry it: exactly 17 printable ASCII bytes.</summary>
    public static class VehicleId
    {
        /// <summary>True when <paramref name="vin"/> is 17 printable ASCII characters.</summary>
        public static bool IsValid(string vin)
        {
            if (vin == null || vin.Length != EnvelopeFormat.VinLength)
            {
                return false;
            }

            for (int i = 0; i < vin.Length; i++)
            {
                if (vin[i] < 0x21 || vin[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Writes the 17 bytes of <paramref name="vin"/> at <paramref name="offset"/>.</summary>
        /// <exception cref="System.ArgumentException">The VIN is not valid (see <see cref="IsValid"/>).</exception>
        public static void Write(string vin, byte[] output, int offset)
        {
            if (!IsValid(vin))
            {
                throw new System.ArgumentException();
            }

            for (int i = 0; i < EnvelopeFormat.VinLength; i++)
            {
                output[offset + i] = (byte)vin[i];
            }
        }
    }
}
