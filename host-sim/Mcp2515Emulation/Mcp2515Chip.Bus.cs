using System;

namespace BmsGuard.Emulation
{
    public sealed partial class Mcp2515Chip
    {
        private readonly object[] _tags = new object[2];
        private readonly byte[] _sent = new byte[8];
        private readonly byte[] _id4 = new byte[4];

        /// <summary>
        /// A frame arrives from the bus (DS20001801 Figure 4-2): accepted by RXB0's mask and filters
        /// RXF0-1 (or by any frame with RXM 11) it goes to RXB0, rolling over into RXB1 when RXB0 is
        /// full and BUKT is set; else accepted by RXB1's mask and RXF2-5 it goes to RXB1. A full target
        /// buffer sets RX0OVR or RX1OVR and ERRIF and the frame is lost. Received only in normal and
        /// listen-only mode. <paramref name="tag"/> is returned by <see cref="LastReadTag"/> when the
        /// frame is read. Returns true when the frame was stored.
        /// </summary>
        public bool ReceiveFromBus(uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc, object tag = null)
        {
            if (Mode != 0x00 && Mode != 0x60)
            {
                IgnoredByMode++;
                return false;
            }

            if (!Store(id, extended, remote, data, dlc, tag))
            {
                return false;
            }

            StoredFrames++;
            return true;
        }

        /// <summary>
        /// Sets TEC and REC as bus errors would, with the EFLG bits they imply (EWARN at 96, TXWAR/RXWAR
        /// at 96, TXEP/RXEP at 128, TXBO at 256 shown as TEC 255) and ERRIF when EFLG changes.
        /// </summary>
        public void SetErrorCounters(int tec, int rec)
        {
            bool busOff = tec > 255;
            _regs[Reg.Tec] = (byte)Math.Min(tec, 255);
            _regs[Reg.Rec] = (byte)Math.Min(rec, 255);
            int flags = (tec >= 96 ? 0x04 : 0) | (rec >= 96 ? 0x02 : 0) | (tec >= 96 || rec >= 96 ? 0x01 : 0)
                | (tec >= 128 ? 0x10 : 0) | (rec >= 128 ? 0x08 : 0) | (busOff ? 0x20 : 0);
            byte before = _regs[Reg.Eflg];
            _regs[Reg.Eflg] = (byte)((before & 0xC0) | flags);
            if (_regs[Reg.Eflg] != before)
            {
                _regs[Reg.CanIntF] |= Reg.ErrIf;
            }

            UpdateInterruptPin();
        }

        private bool Store(uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc, object tag)
        {
            if ((uint)dlc > 15 || data.Length > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(dlc), "classic CAN: DLC 0-15, at most 8 data bytes");
            }

            int hit0 = Match(0, id, extended, remote, data);
            int target;
            int filter;
            if (hit0 >= 0)
            {
                if ((_regs[Reg.CanIntF] & Reg.Rx0If) == 0)
                {
                    target = 0;
                    filter = hit0;
                }
                else if ((_regs[Reg.RxB0Ctrl] & 0x04) != 0)
                {
                    target = 1;
                    filter = hit0;
                }
                else
                {
                    return Overflow(0x40);
                }
            }
            else
            {
                int hit1 = Match(1, id, extended, remote, data);
                if (hit1 < 0)
                {
                    FilteredOut++;
                    return false;
                }

                target = 1;
                filter = hit1;
            }

            if (target == 1 && (_regs[Reg.CanIntF] & Reg.Rx1If) != 0)
            {
                return Overflow(0x80);
            }

            int b = target == 0 ? 0x60 : 0x70;
            byte[] id4 = _id4;
            EncodeId(id, extended, id4);
            _regs[b + 1] = id4[0];
            _regs[b + 2] = (byte)(id4[1] | (!extended && remote ? 0x10 : 0));
            _regs[b + 3] = id4[2];
            _regs[b + 4] = id4[3];
            _regs[b + 5] = (byte)((extended && remote ? 0x40 : 0) | (dlc & 0x0F));
            if (!remote)
            {
                data.CopyTo(_regs.AsSpan(b + 6, data.Length)); // the bytes beyond the DLC keep the buffer's last frame
            }

            if (target == 0)
            {
                _regs[b] = (byte)((_regs[b] & 0x66) | (remote ? 0x08 : 0) | (filter & 1));
            }
            else
            {
                _regs[b] = (byte)((_regs[b] & 0x60) | (remote ? 0x08 : 0) | (filter & 7));
            }

            _tags[target] = tag;
            _regs[Reg.CanIntF] |= target == 0 ? Reg.Rx0If : Reg.Rx1If;
            UpdateInterruptPin();
            return true;
        }

        private bool Overflow(byte flag)
        {
            LostFrames++;
            _regs[Reg.Eflg] |= flag;
            _regs[Reg.CanIntF] |= Reg.ErrIf;
            UpdateInterruptPin();
            return false;
        }

        // The filter number that accepts the frame for buffer n (0: RXF0-1 with RXM0, 1: RXF2-5 with
        // RXM1), 0 for any frame when RXM is 11, -1 when none accepts it (section 4.5).
        private int Match(int buffer, uint id, bool extended, bool remote, ReadOnlySpan<byte> data)
        {
            int rxm = (_regs[buffer == 0 ? Reg.RxB0Ctrl : Reg.RxB1Ctrl] >> 5) & 3;
            if (rxm == 3)
            {
                return buffer == 0 ? 0 : 2;
            }

            int mask = buffer == 0 ? 0x20 : 0x24;
            int first = buffer == 0 ? 0 : 2;
            int last = buffer == 0 ? 1 : 5;
            uint maskSid = (uint)((_regs[mask] << 3) | (_regs[mask + 1] >> 5));
            uint maskEid = (uint)(((_regs[mask + 1] & 3) << 16) | (_regs[mask + 2] << 8) | _regs[mask + 3]);
            uint sid = extended ? (id >> 18) & 0x7FF : id & 0x7FF;
            uint eid = extended ? id & 0x3FFFF
                : (uint)(((data.Length > 0 && !remote ? data[0] : 0) << 8) | (data.Length > 1 && !remote ? data[1] : 0));
            for (int n = first; n <= last; n++)
            {
                int f = n < 3 ? n * 4 : 0x10 + ((n - 3) * 4);
                bool exide = (_regs[f + 1] & Reg.Ide) != 0;
                if (exide != extended)
                {
                    continue;
                }

                uint filterSid = (uint)((_regs[f] << 3) | (_regs[f + 1] >> 5));
                uint filterEid = (uint)(((_regs[f + 1] & 3) << 16) | (_regs[f + 2] << 8) | _regs[f + 3]);

                // A standard frame: EID15:0 of mask and filter apply to the first two data bytes; EID17:16 is not compared.
                uint eidMask = extended ? maskEid : maskEid & 0xFFFF;
                if (((sid ^ filterSid) & maskSid) == 0 && ((eid ^ filterEid) & eidMask) == 0)
                {
                    return n;
                }
            }

            return -1;
        }

        private static void EncodeId(uint id, bool extended, byte[] regs)
        {
            if (extended)
            {
                uint sid = (id >> 18) & 0x7FF;
                regs[0] = (byte)(sid >> 3);
                regs[1] = (byte)(((sid & 7) << 5) | Reg.Ide | ((id >> 16) & 3));
                regs[2] = (byte)(id >> 8);
                regs[3] = (byte)id;
                return;
            }

            regs[0] = (byte)((id >> 3) & 0xFF);
            regs[1] = (byte)((id & 7) << 5);
            regs[2] = 0;
            regs[3] = 0;
        }

        // Sends every buffer with TXREQ set, highest TXP first, the higher buffer first at equal TXP
        // (section 3.2). Normal mode sends on the bus; loopback receives the frame itself instead;
        // configuration, sleep and listen-only keep the requests pending.
        private void SendPending()
        {
            byte mode = Mode;
            if (mode != 0x00 && mode != 0x40)
            {
                return;
            }

            while (true)
            {
                int next = -1;
                int best = -1;
                for (int n = 2; n >= 0; n--)
                {
                    byte ctrl = _regs[Reg.TxCtrl(n)];
                    if ((ctrl & Reg.TxReq) != 0 && (ctrl & 3) > best)
                    {
                        best = ctrl & 3;
                        next = n;
                    }
                }

                if (next < 0)
                {
                    return;
                }

                int b = Reg.TxCtrl(next);
                uint sid = (uint)((_regs[b + 1] << 3) | (_regs[b + 2] >> 5));
                bool extended = (_regs[b + 2] & Reg.Ide) != 0;
                uint id = extended ? (sid << 18) | (uint)((_regs[b + 2] & 3) << 16) | (uint)(_regs[b + 3] << 8) | _regs[b + 4] : sid;
                bool remote = (_regs[b + 5] & 0x40) != 0;
                int dlc = _regs[b + 5] & 0x0F;
                int length = remote ? 0 : Math.Min(dlc, 8);
                _regs.AsSpan(b + 6, length).CopyTo(_sent);
                _regs[b] &= unchecked((byte)~Reg.TxReq);
                _regs[Reg.CanIntF] |= (byte)(0x04 << next);
                if (mode == 0x40)
                {
                    Store(id, extended, remote, _sent.AsSpan(0, length), dlc, null);
                }
                else
                {
                    Sent++;
                    _bus?.OnTransmit(this, id, extended, remote, _sent.AsSpan(0, length), dlc);
                }
            }
        }
    }
}
