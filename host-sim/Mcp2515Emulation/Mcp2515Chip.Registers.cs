namespace BmsGuard.Emulation
{
    public sealed partial class Mcp2515Chip
    {
        /// <summary>Register addresses and bits the emulator uses (DS20001801 Table 11-1).</summary>
        internal static class Reg
        {
            public const int CanStat = 0x0E;
            public const int CanCtrl = 0x0F;
            public const int Tec = 0x1C;
            public const int Rec = 0x1D;
            public const int Cnf3 = 0x28;
            public const int Cnf2 = 0x29;
            public const int Cnf1 = 0x2A;
            public const int CanIntE = 0x2B;
            public const int CanIntF = 0x2C;
            public const int Eflg = 0x2D;
            public const int RxB0Ctrl = 0x60;
            public const int RxB1Ctrl = 0x70;
            public const byte Rx0If = 0x01;
            public const byte Rx1If = 0x02;
            public const byte ErrIf = 0x20;
            public const byte TxReq = 0x08;
            public const byte Ide = 0x08;

            public static int TxCtrl(int n) => 0x30 + (n * 0x10);
        }

        // Registers BIT MODIFY works on; on any other it acts as WRITE (mask forced to FFh, DS20001801 12.10).
        private static bool IsBitModifiable(int address) =>
            address is 0x0C or 0x0D or Reg.Cnf3 or Reg.Cnf2 or Reg.Cnf1 or Reg.CanIntE or Reg.CanIntF or Reg.Eflg
                or 0x30 or 0x40 or 0x50 or Reg.RxB0Ctrl or Reg.RxB1Ctrl
            || (address & 0x0F) == 0x0F;

        private byte ReadRegister(int address)
        {
            address &= 0x7F;
            if ((address & 0x0F) == 0x0E)
            {
                return (byte)((_regs[Reg.CanStat] & 0xE0) | (InterruptCode() << 1));
            }

            if ((address & 0x0F) == 0x0F)
            {
                return _regs[Reg.CanCtrl];
            }

            return _regs[address];
        }

        // CANSTAT ICOD: the highest-priority enabled interrupt pending (Table 7-1 order: error first).
        private int InterruptCode()
        {
            int pending = _regs[Reg.CanIntE] & _regs[Reg.CanIntF];
            if ((pending & 0x20) != 0)
            {
                return 1;
            }

            if ((pending & 0x40) != 0)
            {
                return 2;
            }

            for (int bit = 2; bit <= 4; bit++)
            {
                if ((pending & (1 << bit)) != 0)
                {
                    return bit + 1; // TXB0 3, TXB1 4, TXB2 5
                }
            }

            return (pending & 1) != 0 ? 6 : (pending & 2) != 0 ? 7 : 0;
        }

        private void BitModify(int address, byte mask, byte data)
        {
            address &= 0x7F;
            if (!IsBitModifiable(address))
            {
                mask = 0xFF;
            }

            byte current = (address & 0x0F) == 0x0F ? _regs[Reg.CanCtrl] : _regs[address];
            WriteRegister(address, (byte)((current & ~mask) | (data & mask)));
        }

        private void WriteRegister(int address, byte value)
        {
            address &= 0x7F;
            bool configuration = Mode == 0x80;
            int row = address & 0x0F;
            if (row == 0x0E || address is Reg.Tec or Reg.Rec || (address >= 0x61 && address <= 0x6D) || (address >= 0x71 && address <= 0x7D))
            {
                RefusedWrites++; // CANSTAT, the error counters and the receive buffers are read-only
                return;
            }

            if (row == 0x0F)
            {
                _regs[Reg.CanCtrl] = value;
                EnterMode((byte)(value & 0xE0));
                return;
            }

            // Filters, masks and CNF1-3 can be written in configuration mode only (sections 4.5, 5.7).
            bool configOnly = address <= 0x0B || (address >= 0x10 && address <= 0x1B) || (address >= 0x20 && address <= 0x2A);
            if (configOnly && !configuration)
            {
                RefusedWrites++;
                return;
            }

            switch (address)
            {
                case Reg.Eflg:
                    // Only RX1OVR and RX0OVR are writable (to clear them); the rest follows the error counters.
                    _regs[address] = (byte)((_regs[address] & 0x3F) | (value & 0xC0));
                    return;
                case Reg.RxB0Ctrl:
                    _regs[address] = (byte)((value & 0x64) | ((value & 0x04) != 0 ? 0x02 : 0) | (_regs[address] & 0x09));
                    return;
                case Reg.RxB1Ctrl:
                    _regs[address] = (byte)((value & 0x60) | (_regs[address] & 0x0F));
                    return;
                case 0x30 or 0x40 or 0x50:
                    // ABTF, MLOA, TXERR are read-only; TXREQ and TXP are written.
                    _regs[address] = (byte)((_regs[address] & 0x70) | (value & 0x0B));
                    SendPending();
                    return;
            }

            if (IsPendingTxBufferByte(address))
            {
                RefusedWrites++;
                return;
            }

            _regs[address] = value;
        }

        private bool IsPendingTxBufferByte(int address)
        {
            for (int n = 0; n < 3; n++)
            {
                int ctrl = Reg.TxCtrl(n);
                if (address > ctrl && address <= ctrl + 13)
                {
                    return (_regs[ctrl] & Reg.TxReq) != 0;
                }
            }

            return false;
        }

        private void EnterMode(byte requested)
        {
            // Modes change at once (no bus to wait for); any mode other than configuration starts pending transmissions.
            _regs[Reg.CanStat] = (byte)((_regs[Reg.CanStat] & 0x1F) | requested);
            SendPending();
        }
    }
}
