namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// MCP2515 register addresses and bits (Microchip DS20001801, Table 11-1 register map and the
    /// register descriptions in sections 3 to 7). CANSTAT and CANCTRL also appear at xEh/xFh of every row.
    /// </summary>
    public static class Mcp2515Register
    {
        /// <summary>Acceptance filter n: SIDH at 0x00 + 4n for n 0-2, 0x10 + 4(n-3) for n 3-5 (SIDH, SIDL, EID8, EID0).</summary>
        public static byte Filter(int n)
        {
            return (byte)(n < 3 ? n * 4 : 0x10 + ((n - 3) * 4));
        }

        /// <summary>Acceptance mask n (0 for RXB0, 1 for RXB1): SIDH at 0x20 + 4n.</summary>
        public static byte Mask(int n)
        {
            return (byte)(0x20 + (n * 4));
        }

        /// <summary>RXnBF pin control.</summary>
        public const byte BfpCtrl = 0x0C;

        /// <summary>TXnRTS pin control.</summary>
        public const byte TxRtsCtrl = 0x0D;

        /// <summary>CAN status: OPMOD bits 7:5, ICOD bits 3:1.</summary>
        public const byte CanStat = 0x0E;

        /// <summary>CAN control: REQOP bits 7:5, ABAT 4, OSM 3, CLKEN 2, CLKPRE 1:0.</summary>
        public const byte CanCtrl = 0x0F;

        /// <summary>Transmit error counter.</summary>
        public const byte Tec = 0x1C;

        /// <summary>Receive error counter.</summary>
        public const byte Rec = 0x1D;

        /// <summary>Bit timing 3: SOF 7, WAKFIL 6, PHSEG2 2:0.</summary>
        public const byte Cnf3 = 0x28;

        /// <summary>Bit timing 2: BTLMODE 7, SAM 6, PHSEG1 5:3, PRSEG 2:0.</summary>
        public const byte Cnf2 = 0x29;

        /// <summary>Bit timing 1: SJW 7:6, BRP 5:0.</summary>
        public const byte Cnf1 = 0x2A;

        /// <summary>Interrupt enable (bits as <see cref="CanIntF"/>).</summary>
        public const byte CanIntE = 0x2B;

        /// <summary>Interrupt flags: MERRF 7, WAKIF 6, ERRIF 5, TX2IF 4, TX1IF 3, TX0IF 2, RX1IF 1, RX0IF 0.</summary>
        public const byte CanIntF = 0x2C;

        /// <summary>Error flags: RX1OVR 7, RX0OVR 6, TXBO 5, TXEP 4, RXEP 3, TXWAR 2, RXWAR 1, EWARN 0.</summary>
        public const byte Eflg = 0x2D;

        /// <summary>Transmit buffer n control (0x30, 0x40, 0x50): ABTF 6, MLOA 5, TXERR 4, TXREQ 3, TXP 1:0.</summary>
        public static byte TxCtrl(int n)
        {
            return (byte)(0x30 + (n * 0x10));
        }

        /// <summary>Receive buffer 0 control: RXM 6:5, RXRTR 3, BUKT 2, BUKT1 1, FILHIT0 0.</summary>
        public const byte RxB0Ctrl = 0x60;

        /// <summary>Receive buffer 1 control: RXM 6:5, RXRTR 3, FILHIT 2:0.</summary>
        public const byte RxB1Ctrl = 0x70;

        /// <summary>REQOP/OPMOD value for normal operation.</summary>
        public const byte ModeNormal = 0x00;

        /// <summary>REQOP/OPMOD value for sleep.</summary>
        public const byte ModeSleep = 0x20;

        /// <summary>REQOP/OPMOD value for loopback (transmitted frames are received internally, nothing reaches the bus).</summary>
        public const byte ModeLoopback = 0x40;

        /// <summary>REQOP/OPMOD value for listen-only (no acknowledge, no error frames, no transmission).</summary>
        public const byte ModeListenOnly = 0x60;

        /// <summary>REQOP/OPMOD value for configuration (the only mode in which CNF, filters and masks are writable).</summary>
        public const byte ModeConfiguration = 0x80;

        /// <summary>REQOP/OPMOD bits.</summary>
        public const byte ModeBits = 0xE0;

        /// <summary>CANINTF/CANINTE RX0IF.</summary>
        public const byte Rx0If = 0x01;

        /// <summary>CANINTF/CANINTE RX1IF.</summary>
        public const byte Rx1If = 0x02;

        /// <summary>CANINTF/CANINTE TX0IF (TX1IF, TX2IF follow at the next bits).</summary>
        public const byte Tx0If = 0x04;

        /// <summary>CANINTF/CANINTE ERRIF: an EFLG condition changed.</summary>
        public const byte ErrIf = 0x20;

        /// <summary>CANINTF/CANINTE MERRF: an error on the bus during a message.</summary>
        public const byte MerrF = 0x80;

        /// <summary>EFLG RX1OVR: a message for RXB1 arrived while RX1IF was set (lost).</summary>
        public const byte Rx1Ovr = 0x80;

        /// <summary>EFLG RX0OVR: a message for RXB0 arrived while RX0IF was set (lost, or rolled into RXB1 with BUKT).</summary>
        public const byte Rx0Ovr = 0x40;

        /// <summary>EFLG TXBO: bus-off (TEC reached 255).</summary>
        public const byte TxBo = 0x20;

        /// <summary>EFLG TXEP: transmit error-passive (TEC at least 128).</summary>
        public const byte TxEp = 0x10;

        /// <summary>EFLG RXEP: receive error-passive (REC at least 128).</summary>
        public const byte RxEp = 0x08;

        /// <summary>RXBnCTRL RXM = 11: masks and filters off, every frame is received.</summary>
        public const byte RxAny = 0x60;

        /// <summary>RXB0CTRL BUKT: a frame for a full RXB0 rolls over into RXB1.</summary>
        public const byte Bukt = 0x04;

        /// <summary>TXBnCTRL TXREQ.</summary>
        public const byte TxReq = 0x08;

        /// <summary>SIDL IDE: extended identifier.</summary>
        public const byte Ide = 0x08;

        /// <summary>Receive SIDL SRR: a standard remote frame.</summary>
        public const byte Srr = 0x10;

        /// <summary>DLC RTR: remote frame (transmit; on receive, extended frames only).</summary>
        public const byte Rtr = 0x40;
    }
}
