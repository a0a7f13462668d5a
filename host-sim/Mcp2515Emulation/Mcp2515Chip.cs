using System;
using System.Device.Gpio;
using System.Device.Spi;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// An MCP2515 at register level (Microchip DS20001801): the SPI instruction set (section 12), the
    /// register map (Table 11-1) with its write rules, reception through masks and filters into two
    /// buffers with rollover and overflow flags (section 4), three transmit buffers by priority
    /// (section 3), interrupt flags and the active-low INT pin (section 7), error flags (section 6).
    /// Bus timing is not emulated: a requested frame leaves at once, a frame from the bus arrives whole.
    /// </summary>
    public sealed partial class Mcp2515Chip : ISpiTarget
    {
        /// <summary>READ, WRITE and the buffer instructions address 128 registers.</summary>
        public const int RegisterCount = 0x80;

        private readonly byte[] _regs = new byte[RegisterCount];
        private readonly EmulatedGpio _gpio;
        private readonly int _interruptPin;
        private readonly IMcp2515BusSink _bus;

        /// <summary>A chip whose INT drives <paramref name="interruptPin"/> of <paramref name="gpio"/> (or no pin when null) and whose frames go to <paramref name="bus"/>.</summary>
        public Mcp2515Chip(string name, EmulatedGpio gpio, int interruptPin, IMcp2515BusSink bus)
        {
            Name = name;
            _gpio = gpio;
            _interruptPin = interruptPin;
            _bus = bus;
            Reset();
        }

        /// <summary>Name in logs.</summary>
        public string Name { get; }

        /// <summary>Frames from the bus lost to a full buffer (exact; the chip itself only flags RXnOVR).</summary>
        public long LostFrames { get; private set; }

        /// <summary>Frames from the bus stored in a receive buffer (a frame looped back in loopback mode is not counted).</summary>
        public long StoredFrames { get; private set; }

        /// <summary>Frames from the bus no filter accepted.</summary>
        public long FilteredOut { get; private set; }

        /// <summary>Frames from the bus while not receiving (configuration, sleep, loopback).</summary>
        public long IgnoredByMode { get; private set; }

        /// <summary>Frames sent on the bus.</summary>
        public long Sent { get; private set; }

        /// <summary>Writes refused by the register rules (read-only register, configuration-only register, pending TX buffer).</summary>
        public long RefusedWrites { get; private set; }

        /// <summary>Instructions the chip does not know.</summary>
        public long UnknownInstructions { get; private set; }

        /// <summary>The tag given with the frame last read by READ RX BUFFER (the emulator labels its logs with it).</summary>
        public object LastReadTag { get; private set; }

        /// <summary>Called with a frame's tag when READ RX BUFFER reads it.</summary>
        public Action<object> FrameRead { get; set; }

        /// <summary>The operation mode (CANSTAT OPMOD bits).</summary>
        public byte Mode => (byte)(_regs[Reg.CanStat] & 0xE0);

        /// <summary>A register as READ would return it.</summary>
        public byte Peek(int address) => ReadRegister(address);

        /// <summary>The INT pin: low while an enabled interrupt flag is set.</summary>
        public bool InterruptAsserted => (_regs[Reg.CanIntE] & _regs[Reg.CanIntF]) != 0;

        /// <inheritdoc />
        public bool Accepts(SpiMode mode, int clockHz) => (mode == SpiMode.Mode0 || mode == SpiMode.Mode3) && clockHz <= 10_000_000;

        /// <inheritdoc />
        public void Transact(ReadOnlySpan<byte> write, Span<byte> read)
        {
            int length = Math.Max(write.Length, read.Length);
            if (length == 0)
            {
                return;
            }

            byte instruction = write.Length > 0 ? write[0] : (byte)0;
            switch (instruction)
            {
                case 0xC0:
                    Reset();
                    break;
                case 0x03:
                    ReadSequential(Arg(write, 1), 2, length, read);
                    break;
                case 0x02:
                    for (int i = 2; i < write.Length; i++)
                    {
                        WriteRegister((Arg(write, 1) + i - 2) & 0x7F, write[i]);
                    }

                    break;
                case 0x05:
                    if (length >= 4)
                    {
                        BitModify(Arg(write, 1), Arg(write, 2), Arg(write, 3));
                    }

                    break;
                case 0xA0:
                    Fill(read, 1, ReadStatus());
                    break;
                case 0xB0:
                    Fill(read, 1, RxStatus());
                    break;
                case 0x90:
                case 0x92:
                case 0x94:
                case 0x96:
                    ReadRxBuffer(instruction, length, read);
                    break;
                case >= 0x40 and <= 0x45:
                    LoadTxBuffer(instruction, write);
                    break;
                case >= 0x80 and <= 0x87:
                    for (int n = 0; n < 3; n++)
                    {
                        if ((instruction & (1 << n)) != 0)
                        {
                            _regs[Reg.TxCtrl(n)] |= Reg.TxReq;
                        }
                    }

                    SendPending();
                    break;
                default:
                    UnknownInstructions++;
                    break;
            }

            UpdateInterruptPin();
        }

        /// <summary>RESET: every register to its reset value, configuration mode, INT released.</summary>
        public void Reset()
        {
            Array.Clear(_regs);
            _regs[Reg.CanStat] = 0x80;
            _regs[Reg.CanCtrl] = 0x87; // REQOP configuration, CLKEN, CLKPRE /8
            UpdateInterruptPin();
        }

        private static byte Arg(ReadOnlySpan<byte> write, int index) => index < write.Length ? write[index] : (byte)0;

        private static void Fill(Span<byte> read, int from, byte value)
        {
            for (int i = from; i < read.Length; i++)
            {
                read[i] = value;
            }
        }

        private void ReadSequential(int address, int from, int length, Span<byte> read)
        {
            for (int i = from; i < length; i++)
            {
                byte value = ReadRegister((address + i - from) & 0x7F);
                if (i < read.Length)
                {
                    read[i] = value;
                }
            }
        }

        private void ReadRxBuffer(byte instruction, int length, Span<byte> read)
        {
            int buffer = (instruction >> 2) & 1;
            int start = (buffer == 0 ? 0x61 : 0x71) + ((instruction & 0x02) != 0 ? 5 : 0);
            ReadSequential(start, 1, length, read);
            LastReadTag = _tags[buffer];
            FrameRead?.Invoke(LastReadTag);

            // Raising chip select after READ RX BUFFER clears the buffer's RXnIF (DS20001801 12.4).
            _regs[Reg.CanIntF] &= (byte)~(buffer == 0 ? Reg.Rx0If : Reg.Rx1If);
        }

        private void LoadTxBuffer(byte instruction, ReadOnlySpan<byte> write)
        {
            int buffer = (instruction >> 1) & 3;
            int start = Reg.TxCtrl(buffer) + 1 + ((instruction & 1) != 0 ? 5 : 0);
            if ((_regs[Reg.TxCtrl(buffer)] & Reg.TxReq) != 0)
            {
                RefusedWrites++;
                return;
            }

            for (int i = 1; i < write.Length && start + i - 1 <= Reg.TxCtrl(buffer) + 13; i++)
            {
                _regs[start + i - 1] = write[i];
            }
        }

        private byte ReadStatus()
        {
            byte intf = _regs[Reg.CanIntF];
            int status = (intf & 0x03)
                | ((_regs[0x30] & Reg.TxReq) != 0 ? 0x04 : 0) | ((intf & 0x04) != 0 ? 0x08 : 0)
                | ((_regs[0x40] & Reg.TxReq) != 0 ? 0x10 : 0) | ((intf & 0x08) != 0 ? 0x20 : 0)
                | ((_regs[0x50] & Reg.TxReq) != 0 ? 0x40 : 0) | ((intf & 0x10) != 0 ? 0x80 : 0);
            return (byte)status;
        }

        private byte RxStatus()
        {
            byte intf = _regs[Reg.CanIntF];
            int which = intf & 0x03;
            if (which == 0)
            {
                return 0;
            }

            // Type and filter of RXB0 when it holds a frame, else of RXB1 (Figure 12-9).
            int buffer = (which & 1) != 0 ? 0 : 1;
            int sidl = _regs[buffer == 0 ? 0x62 : 0x72];
            bool extended = (sidl & Reg.Ide) != 0;
            bool remote = (_regs[buffer == 0 ? 0x60 : 0x70] & 0x08) != 0;
            int type = (extended ? 2 : 0) | (remote ? 1 : 0);
            int filter = buffer == 0 ? _regs[0x60] & 1 : _regs[0x70] & 7;
            if (buffer == 1 && filter < 2)
            {
                filter += 6; // RXF0/RXF1 rolled over into RXB1
            }

            return (byte)((which << 6) | (type << 3) | filter);
        }

        private void UpdateInterruptPin()
        {
            if (_gpio != null)
            {
                _gpio.Drive(_interruptPin, InterruptAsserted ? PinValue.Low : PinValue.High);
            }
        }
    }
}
