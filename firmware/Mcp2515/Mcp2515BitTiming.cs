namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// CNF1..CNF3 for a crystal and a bit rate (DS20001801 section 5). A time quantum is
    /// 2 (BRP + 1) / Fosc; a bit is SyncSeg (1) + PropSeg (1-8) + PS1 (1-8) + PS2 (2-8) quanta, 5 to 25
    /// in all, with PropSeg + PS1 at least PS2 and PS2 greater than SJW. The smallest prescaler that
    /// fits is taken (most quanta per bit), PS2 places the sample point as close to 87.5 % as the quanta
    /// allow (CiA 301's value for 500 kbit/s and below), SJW is 1 quantum, one sample per bit (SAM 0),
    /// PS2 from CNF3 (BTLMODE 1).
    /// </summary>
    public sealed class Mcp2515BitTiming
    {
        private const int TargetPermille = 875;

        private Mcp2515BitTiming(int crystalHz, int bitRate, int prescaler, int propSeg, int phase1, int phase2)
        {
            CrystalHz = crystalHz;
            BitRate = bitRate;
            Prescaler = prescaler;
            PropSeg = propSeg;
            Phase1 = phase1;
            Phase2 = phase2;
            Cnf1 = (byte)(prescaler - 1); // SJW 00 = 1 quantum
            Cnf2 = (byte)(0x80 | ((phase1 - 1) << 3) | (propSeg - 1));
            Cnf3 = (byte)(phase2 - 1);
        }

        /// <summary>Oscillator frequency in Hz (the module's crystal, e.g. 8 or 16 MHz).</summary>
        public readonly int CrystalHz;

        /// <summary>Bit rate in bit/s.</summary>
        public readonly int BitRate;

        /// <summary>BRP + 1.</summary>
        public readonly int Prescaler;

        /// <summary>Propagation segment in quanta.</summary>
        public readonly int PropSeg;

        /// <summary>Phase segment 1 in quanta.</summary>
        public readonly int Phase1;

        /// <summary>Phase segment 2 in quanta.</summary>
        public readonly int Phase2;

        /// <summary>CNF1 register value.</summary>
        public readonly byte Cnf1;

        /// <summary>CNF2 register value.</summary>
        public readonly byte Cnf2;

        /// <summary>CNF3 register value.</summary>
        public readonly byte Cnf3;

        /// <summary>Quanta per bit.</summary>
        public int QuantaPerBit
        {
            get { return 1 + PropSeg + Phase1 + Phase2; }
        }

        /// <summary>Sample point in per mille of the bit time (end of PS1).</summary>
        public int SamplePointPermille
        {
            get { return (1 + PropSeg + Phase1) * 1000 / QuantaPerBit; }
        }

        /// <summary>
        /// The timing for <paramref name="crystalHz"/> and <paramref name="bitRate"/>, or null when no
        /// prescaler gives a whole number of 5 to 25 quanta per bit (e.g. 1 Mbit/s from 8 MHz: 4 quanta).
        /// </summary>
        public static Mcp2515BitTiming Compute(int crystalHz, int bitRate)
        {
            if (crystalHz <= 0 || bitRate <= 0 || crystalHz % (2 * bitRate) != 0)
            {
                return null;
            }

            int quantaAtBrp0 = crystalHz / (2 * bitRate);
            for (int prescaler = 1; prescaler <= 64; prescaler++)
            {
                if (quantaAtBrp0 % prescaler != 0)
                {
                    continue;
                }

                int quanta = quantaAtBrp0 / prescaler;
                if (quanta > 25)
                {
                    continue;
                }

                if (quanta < 5)
                {
                    return null;
                }

                // Sample point: the quantum boundary nearest 87.5 %, PS2 between 2 and 8.
                int phase2 = quanta - ((quanta * TargetPermille) + 500) / 1000;
                if (phase2 < 2)
                {
                    phase2 = 2;
                }

                if (phase2 > 8)
                {
                    phase2 = 8;
                }

                int beforeSample = quanta - 1 - phase2;
                int propSeg = beforeSample / 2;
                int phase1 = beforeSample - propSeg;
                if (phase1 > 8)
                {
                    phase1 = 8;
                    propSeg = beforeSample - 8;
                }

                if (propSeg < 1 || propSeg > 8 || propSeg + phase1 < phase2)
                {
                    continue;
                }

                return new Mcp2515BitTiming(crystalHz, bitRate, prescaler, propSeg, phase1, phase2);
            }

            return null;
        }
    }
}
