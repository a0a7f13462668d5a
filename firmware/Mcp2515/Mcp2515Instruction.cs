namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// The MCP2515 SPI instruction set (Microchip DS20001801, Table 12-1). Every instruction starts
    /// with chip select going low and ends when it goes high.
    /// </summary>
    public static class Mcp2515Instruction
    {
        /// <summary>Resets the internal registers to their defaults and enters configuration mode.</summary>
        public const byte Reset = 0xC0;

        /// <summary>READ: 0x03, address, then data out while the address auto-increments.</summary>
        public const byte Read = 0x03;

        /// <summary>WRITE: 0x02, address, then data in while the address auto-increments.</summary>
        public const byte Write = 0x02;

        /// <summary>
        /// READ RX BUFFER 1001 0nm0: 0x90 RXB0SIDH, 0x92 RXB0D0, 0x94 RXB1SIDH, 0x96 RXB1D0. Raising chip
        /// select clears the buffer's RXnIF flag.
        /// </summary>
        public const byte ReadRxBuffer = 0x90;

        /// <summary>
        /// LOAD TX BUFFER 0100 0abc: 0x40 TXB0SIDH, 0x41 TXB0D0, 0x42 TXB1SIDH, 0x43 TXB1D0, 0x44 TXB2SIDH, 0x45 TXB2D0.
        /// </summary>
        public const byte LoadTxBuffer = 0x40;

        /// <summary>REQUEST TO SEND 1000 0nnn: bit 0 TXB0, bit 1 TXB1, bit 2 TXB2 (0x81, 0x82, 0x84).</summary>
        public const byte RequestToSend = 0x80;

        /// <summary>
        /// READ STATUS: one byte, bit 0 RX0IF, 1 RX1IF, 2 TXB0 TXREQ, 3 TX0IF, 4 TXB1 TXREQ, 5 TX1IF,
        /// 6 TXB2 TXREQ, 7 TX2IF (repeated while clocked).
        /// </summary>
        public const byte ReadStatus = 0xA0;

        /// <summary>
        /// RX STATUS: bits 7:6 message in RXB0 (01), RXB1 (10), both (11); bits 4:3 type (00 standard
        /// data, 01 standard remote, 10 extended data, 11 extended remote); bits 2:0 filter hit (0-5;
        /// 6 and 7: RXF0 and RXF1 rolled over into RXB1).
        /// </summary>
        public const byte RxStatus = 0xB0;

        /// <summary>BIT MODIFY: 0x05, address, mask, data (only the bit-modifiable registers; others act as mask 0xFF).</summary>
        public const byte BitModify = 0x05;
    }
}
