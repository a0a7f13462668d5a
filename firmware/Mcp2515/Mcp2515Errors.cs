namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// What the controller's error flags (EFLG) have shown: receive overflows per buffer, entries into
    /// error-passive and bus-off. The MCP2515 flags an overflow, it does not count lost frames: each
    /// overflow counted here lost at least one frame (the driver clears the flag as soon as it sees it,
    /// so a second loss before that is not seen).
    /// </summary>
    public sealed class Mcp2515Errors
    {
        private byte _last;

        /// <summary>RX0OVR seen: a frame for RXB0 found it full (and did not roll over).</summary>
        public long Rx0Overflows;

        /// <summary>RX1OVR seen: a frame for RXB1 (or rolled over from RXB0) found it full.</summary>
        public long Rx1Overflows;

        /// <summary>Entries into error-passive (TXEP or RXEP newly set).</summary>
        public long ErrorPassive;

        /// <summary>Entries into bus-off (TXBO newly set).</summary>
        public long BusOff;

        /// <summary>Frames the driver could not queue: all three transmit buffers busy, or the controller not transmitting.</summary>
        public long TransmitRefused;

        /// <summary>The last EFLG value read.</summary>
        public byte Flags
        {
            get { return _last; }
        }

        /// <summary>Receive overflows of both buffers.</summary>
        public long Overflows
        {
            get { return Rx0Overflows + Rx1Overflows; }
        }

        /// <summary>Sets every count to zero (the last flags are kept).</summary>
        public void Clear()
        {
            Rx0Overflows = 0;
            Rx1Overflows = 0;
            ErrorPassive = 0;
            BusOff = 0;
            TransmitRefused = 0;
        }

        /// <summary>Counts what <paramref name="eflg"/> shows; returns the overflow bits to clear.</summary>
        public byte Observe(byte eflg)
        {
            if ((eflg & Mcp2515Register.Rx0Ovr) != 0)
            {
                Rx0Overflows++;
            }

            if ((eflg & Mcp2515Register.Rx1Ovr) != 0)
            {
                Rx1Overflows++;
            }

            byte passive = Mcp2515Register.TxEp | Mcp2515Register.RxEp;
            if ((eflg & passive) != 0 && (_last & passive) == 0)
            {
                ErrorPassive++;
            }

            if ((eflg & Mcp2515Register.TxBo) != 0 && (_last & Mcp2515Register.TxBo) == 0)
            {
                BusOff++;
            }

            _last = (byte)(eflg & ~(Mcp2515Register.Rx0Ovr | Mcp2515Register.Rx1Ovr));
            return (byte)(eflg & (Mcp2515Register.Rx0Ovr | Mcp2515Register.Rx1Ovr));
        }

        /// <summary>One line for the console: counts and the current state.</summary>
        public string Describe()
        {
            string state = (_last & Mcp2515Register.TxBo) != 0 ? "bus-off"
                : (_last & (Mcp2515Register.TxEp | Mcp2515Register.RxEp)) != 0 ? "error-passive"
                : "error-active";
            return "overflows rxb0=" + Rx0Overflows.ToString() + " rxb1=" + Rx1Overflows.ToString()
                + " error-passive=" + ErrorPassive.ToString() + " bus-off=" + BusOff.ToString()
                + " tx-refused=" + TransmitRefused.ToString() + " state=" + state;
        }
    }
}
