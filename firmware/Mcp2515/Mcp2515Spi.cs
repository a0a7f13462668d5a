using System;
using System.Device.Spi;
using System.Threading;

namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// The MCP2515's SPI instructions over one <see cref="SpiDevice"/> (one chip select), each a single
    /// full-duplex transaction into buffers allocated once. Counts transactions and bytes for the speed
    /// budget (docs: hardware/esp32-mcp2515.md).
    /// </summary>
    public sealed class Mcp2515Spi
    {
        private readonly SpiDevice _spi;
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _tx2 = new byte[2];
        private readonly byte[] _rx2 = new byte[2];
        private readonly byte[] _tx3 = new byte[3];
        private readonly byte[] _rx3 = new byte[3];
        private readonly byte[] _tx4 = new byte[4];
        private readonly byte[] _rx4 = new byte[4];
        private readonly byte[] _tx14 = new byte[14];
        private readonly byte[] _rx14 = new byte[14];
        private long _transactions;
        private long _bytes;

        /// <summary>Wraps an open SPI device (mode 0, at most 10 MHz).</summary>
        public Mcp2515Spi(SpiDevice spi)
        {
            _spi = spi;
        }

        /// <summary>SPI transactions so far (one per chip-select pulse).</summary>
        public long Transactions
        {
            get { return _transactions; }
        }

        /// <summary>Bytes clocked so far.</summary>
        public long Bytes
        {
            get { return _bytes; }
        }

        /// <summary>RESET, then the oscillator start-up wait (128 cycles; 2 ms is ample).</summary>
        public void Reset()
        {
            _one[0] = Mcp2515Instruction.Reset;
            _spi.Write(_one);
            Count(1);
            Thread.Sleep(2);
        }

        /// <summary>READ of one register.</summary>
        public byte Read(byte address)
        {
            _tx3[0] = Mcp2515Instruction.Read;
            _tx3[1] = address;
            _tx3[2] = 0;
            _spi.TransferFullDuplex(_tx3, _rx3);
            Count(3);
            return _rx3[2];
        }

        /// <summary>READ of two consecutive registers into <paramref name="first"/> and the return value.</summary>
        public byte ReadPair(byte address, out byte first)
        {
            _tx4[0] = Mcp2515Instruction.Read;
            _tx4[1] = address;
            _tx4[2] = 0;
            _tx4[3] = 0;
            _spi.TransferFullDuplex(_tx4, _rx4);
            Count(4);
            first = _rx4[2];
            return _rx4[3];
        }

        /// <summary>WRITE of one register.</summary>
        public void Write(byte address, byte value)
        {
            _tx3[0] = Mcp2515Instruction.Write;
            _tx3[1] = address;
            _tx3[2] = value;
            _spi.Write(_tx3);
            Count(3);
        }

        /// <summary>WRITE of <paramref name="count"/> (at most 12) consecutive registers from <paramref name="values"/>.</summary>
        public void Write(byte address, byte[] values, int count)
        {
            _tx14[0] = Mcp2515Instruction.Write;
            _tx14[1] = address;
            Array.Copy(values, 0, _tx14, 2, count);
            _spi.Write(new SpanByte(_tx14, 0, 2 + count));
            Count(2 + count);
        }

        /// <summary>BIT MODIFY: the bits set in <paramref name="mask"/> take their value from <paramref name="data"/>.</summary>
        public void BitModify(byte address, byte mask, byte data)
        {
            _tx4[0] = Mcp2515Instruction.BitModify;
            _tx4[1] = address;
            _tx4[2] = mask;
            _tx4[3] = data;
            _spi.Write(_tx4);
            Count(4);
        }

        /// <summary>READ STATUS (bits: see <see cref="Mcp2515Instruction.ReadStatus"/>).</summary>
        public byte ReadStatus()
        {
            return Status(Mcp2515Instruction.ReadStatus);
        }

        /// <summary>RX STATUS (bits: see <see cref="Mcp2515Instruction.RxStatus"/>).</summary>
        public byte RxStatus()
        {
            return Status(Mcp2515Instruction.RxStatus);
        }

        /// <summary>
        /// READ RX BUFFER from SIDH of buffer <paramref name="buffer"/>: 13 bytes (SIDH, SIDL, EID8, EID0,
        /// DLC, D0-D7) in one transaction, returned in a buffer valid until the next call (offset 1).
        /// The chip clears RXnIF when chip select rises.
        /// </summary>
        public byte[] ReadRxBuffer(int buffer)
        {
            _tx14[0] = (byte)(Mcp2515Instruction.ReadRxBuffer | (buffer << 2));
            for (int i = 1; i < 14; i++)
            {
                _tx14[i] = 0;
            }

            _spi.TransferFullDuplex(_tx14, _rx14);
            Count(14);
            return _rx14;
        }

        /// <summary>
        /// LOAD TX BUFFER from SIDH of buffer <paramref name="buffer"/>: identifier, DLC (with RTR for a
        /// remote frame) and the data bytes, 6 + length bytes in one transaction.
        /// </summary>
        public void LoadTxBuffer(int buffer, uint id, bool extended, bool remote, byte[] data, int length)
        {
            _tx14[0] = (byte)(Mcp2515Instruction.LoadTxBuffer | (buffer << 1));
            Mcp2515Identifier.Encode(id, extended, _tx14, 1);
            _tx14[5] = (byte)((remote ? Mcp2515Register.Rtr : 0) | length);
            int sent = remote ? 0 : length;
            if (sent > 0)
            {
                Array.Copy(data, 0, _tx14, 6, sent);
            }

            _spi.Write(new SpanByte(_tx14, 0, 6 + sent));
            Count(6 + sent);
        }

        /// <summary>RTS for the buffers whose bits are set in <paramref name="buffers"/> (bit 0 TXB0 .. bit 2 TXB2).</summary>
        public void RequestToSend(int buffers)
        {
            _one[0] = (byte)(Mcp2515Instruction.RequestToSend | (buffers & 7));
            _spi.Write(_one);
            Count(1);
        }

        private byte Status(byte instruction)
        {
            _tx2[0] = instruction;
            _tx2[1] = 0;
            _spi.TransferFullDuplex(_tx2, _rx2);
            Count(2);
            return _rx2[1];
        }

        private void Count(int bytes)
        {
            _transactions++;
            _bytes += bytes;
        }
    }
}
