using System.Device.Gpio;

namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// One MCP2515 CAN controller on SPI, with its INT pin: modes, bit timing, masks and filters, both
    /// receive buffers (RXB0 rolling over into RXB1), the three transmit buffers, and the error flags
    /// counted in <see cref="Errors"/>. Allocation-free after construction. Not thread-safe: the bridge
    /// calls it under its gate.
    /// </summary>
    public sealed class Mcp2515Controller
    {
        private const int ModeTries = 10;
        private readonly Mcp2515Spi _spi;
        private readonly GpioPin _interrupt;
        private readonly GpioController _gpio;
        private readonly int _interruptPin;
        private readonly byte[] _registers = new byte[12];
        private readonly int[] _txPriority = new int[3];
        private int _pending;
        private int _nextPriority = 3;
        private long _received;
        private long _transmitted;

        /// <summary>A controller on <paramref name="spi"/>; <paramref name="interrupt"/> is its INT pin (input, active low) or null to poll.</summary>
        public Mcp2515Controller(string name, Mcp2515Spi spi, GpioPin interrupt)
            : this(name, spi, interrupt, null)
        {
        }

        /// <summary>
        /// As the three-argument constructor, reading the INT pin through <paramref name="gpio"/>, the controller
        /// that opened it: on nanoFramework <c>GpioPin.Read</c>'s native finds the <c>PinValue</c> type by name at
        /// every call, about 8,200 host instructions of its 8,900, and a receive reads the pin up to twice a frame;
        /// <c>GpioController.Read</c>'s native returns a byte (docs/device.md, "The ESP32's receive path measured").
        /// </summary>
        public Mcp2515Controller(string name, Mcp2515Spi spi, GpioPin interrupt, GpioController gpio)
        {
            Name = name;
            _spi = spi;
            _interrupt = interrupt;
            _gpio = interrupt == null ? null : gpio;
            _interruptPin = interrupt == null ? -1 : interrupt.PinNumber;
            Errors = new Mcp2515Errors();
        }

        /// <summary>Board name of the controller, e.g. "MCP2515-BMS".</summary>
        public readonly string Name;

        /// <summary>Error flags seen so far.</summary>
        public readonly Mcp2515Errors Errors;

        /// <summary>The SPI instruction layer (its transaction and byte counts).</summary>
        public Mcp2515Spi Spi
        {
            get { return _spi; }
        }

        /// <summary>The INT pin, or null.</summary>
        public GpioPin Interrupt
        {
            get { return _interrupt; }
        }

        /// <summary>Frames read from the receive buffers.</summary>
        public long Received
        {
            get { return _received; }
        }

        /// <summary>Frames queued for transmission (RTS sent).</summary>
        public long Transmitted
        {
            get { return _transmitted; }
        }

        /// <summary>Sets the frame and error counts to zero (after the boot self-test, whose frame is not traffic).</summary>
        public void ClearCounts()
        {
            _received = 0;
            _transmitted = 0;
            Errors.Clear();
        }

        /// <summary>Resets the chip; true when it then reports configuration mode (CANSTAT 0x80: SPI wiring works).</summary>
        public bool Reset()
        {
            _spi.Reset();
            _pending = 0;
            _nextPriority = 3;
            _txPriority[0] = _txPriority[1] = _txPriority[2] = 0;
            return (_spi.Read(Mcp2515Register.CanStat) & Mcp2515Register.ModeBits) == Mcp2515Register.ModeConfiguration;
        }

        /// <summary>Requests an operation mode (a Mcp2515Register.Mode* value); true once CANSTAT shows it.</summary>
        public bool SetMode(byte mode)
        {
            _spi.BitModify(Mcp2515Register.CanCtrl, Mcp2515Register.ModeBits, mode);
            for (int i = 0; i < ModeTries; i++)
            {
                if ((_spi.Read(Mcp2515Register.CanStat) & Mcp2515Register.ModeBits) == mode)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// In configuration mode: writes CNF3, CNF2, CNF1 and CANINTE (RX0IE, RX1IE, ERRIE) in one
        /// transaction and reads CNF1 back; false when it does not read back (wiring, or not in configuration mode).
        /// </summary>
        public bool Configure(Mcp2515BitTiming timing)
        {
            _registers[0] = timing.Cnf3;
            _registers[1] = timing.Cnf2;
            _registers[2] = timing.Cnf1;
            _registers[3] = (byte)(Mcp2515Register.Rx0If | Mcp2515Register.Rx1If | Mcp2515Register.ErrIf);
            _spi.Write(Mcp2515Register.Cnf3, _registers, 4);
            byte cnf2;
            byte cnf1 = _spi.ReadPair(Mcp2515Register.Cnf2, out cnf2);
            return cnf1 == timing.Cnf1 && cnf2 == timing.Cnf2;
        }

        /// <summary>
        /// Receive every valid frame (RXM = 11: masks and filters off) or only those the filters accept
        /// (RXM = 00); with <paramref name="rollover"/> a frame for a full RXB0 goes to RXB1 (BUKT).
        /// </summary>
        public void SetReceive(bool filtered, bool rollover)
        {
            byte rxm = filtered ? (byte)0 : Mcp2515Register.RxAny;
            _spi.Write(Mcp2515Register.RxB0Ctrl, (byte)(rxm | (rollover ? Mcp2515Register.Bukt : 0)));
            _spi.Write(Mcp2515Register.RxB1Ctrl, rxm);
        }

        /// <summary>
        /// In configuration mode: mask <paramref name="n"/> (0: RXB0, 1: RXB1), a 1 bit compares that identifier
        /// bit. A standard mask leaves EID15:0 (the first two data bytes' filter) at 0.
        /// </summary>
        public void SetMask(int n, uint mask, bool extended)
        {
            Mcp2515Identifier.Encode(mask, extended, _registers, 0);
            _registers[1] = (byte)(_registers[1] & ~Mcp2515Register.Ide);
            _spi.Write(Mcp2515Register.Mask(n), _registers, 4);
        }

        /// <summary>In configuration mode: filter <paramref name="n"/> (0-1 for RXB0, 2-5 for RXB1) for standard or extended frames (EXIDE).</summary>
        public void SetFilter(int n, uint id, bool extended)
        {
            Mcp2515Identifier.Encode(id, extended, _registers, 0);
            _spi.Write(Mcp2515Register.Filter(n), _registers, 4);
        }

        /// <summary>
        /// Reads the next received frame into <paramref name="frame"/>; false when both buffers are empty.
        /// Reads CANINTF and EFLG once per pass, then RXB0 before RXB1 (rollover order), counting and
        /// clearing the error flags it finds. With an INT pin that reads high nothing is pending and no SPI is spent.
        /// </summary>
        public bool TryReceive(Mcp2515Frame frame)
        {
            if (_pending == 0)
            {
                if (_interrupt != null && (_gpio != null ? _gpio.Read(_interruptPin) : _interrupt.Read()) == PinValue.High)
                {
                    return false;
                }

                ReadFlags();
                if (_pending == 0)
                {
                    return false;
                }
            }

            int buffer = (_pending & 1) != 0 ? 0 : 1;
            _pending &= buffer == 0 ? 2 : 1;
            byte[] raw = _spi.ReadRxBuffer(buffer);
            bool extended;
            frame.Id = Mcp2515Identifier.Decode(raw, 1, out extended);
            frame.Extended = extended;
            byte dlc = raw[5];
            frame.Remote = extended ? (dlc & Mcp2515Register.Rtr) != 0 : (raw[2] & Mcp2515Register.Srr) != 0;
            int length = dlc & 0x0F;
            frame.Length = length > 8 ? 8 : length;
            frame.Buffer = buffer;
            for (int i = 0; i < 8; i++)
            {
                frame.Data[i] = frame.Remote || i >= frame.Length ? (byte)0 : raw[6 + i];
            }

            _received++;
            return true;
        }

        /// <summary>
        /// Queues a frame in a free transmit buffer and requests it sent. Frames keep their order: the
        /// first frame after the buffers drain gets priority 3, each further one a lower priority (the
        /// MCP2515 sends the higher buffer first at equal priority). False (counted in
        /// <see cref="Mcp2515Errors.TransmitRefused"/>) when no buffer or no lower priority is free.
        /// </summary>
        public bool TryTransmit(uint id, bool extended, bool remote, byte[] data, int length)
        {
            byte status = _spi.ReadStatus();
            int busy = ((status >> 2) & 1) | ((status >> 3) & 2) | ((status >> 4) & 4);
            if (busy == 0)
            {
                _nextPriority = 3;
            }

            int buffer = (busy & 1) == 0 ? 0 : (busy & 2) == 0 ? 1 : (busy & 4) == 0 ? 2 : -1;
            if (buffer < 0 || _nextPriority < 0)
            {
                Errors.TransmitRefused++;
                return false;
            }

            int priority = _nextPriority--;
            if (_txPriority[buffer] != priority)
            {
                _spi.Write(Mcp2515Register.TxCtrl(buffer), (byte)priority);
                _txPriority[buffer] = priority;
            }

            _spi.LoadTxBuffer(buffer, id, extended, remote, data, length > 8 ? 8 : length);
            _spi.RequestToSend(1 << buffer);
            _transmitted++;
            return true;
        }

        /// <summary>Reads CANINTF and EFLG, counts errors, clears what it counted; returns EFLG.</summary>
        public byte ReadFlags()
        {
            byte intf;
            byte eflg = _spi.ReadPair(Mcp2515Register.CanIntF, out intf);
            _pending |= intf & (Mcp2515Register.Rx0If | Mcp2515Register.Rx1If);
            if ((intf & Mcp2515Register.ErrIf) != 0 || eflg != Errors.Flags)
            {
                byte overflows = Errors.Observe(eflg);
                if (overflows != 0)
                {
                    _spi.BitModify(Mcp2515Register.Eflg, overflows, 0);
                }

                if ((intf & Mcp2515Register.ErrIf) != 0)
                {
                    _spi.BitModify(Mcp2515Register.CanIntF, Mcp2515Register.ErrIf, 0);
                }
            }

            return eflg;
        }
    }
}
