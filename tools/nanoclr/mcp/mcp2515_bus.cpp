//
// BMS Guard: the MCP2515 model's frames on and off the bus (host-sim Mcp2515Chip: acceptance filters and masks,
// the receive buffers with rollover and overflow, transmission by priority, loopback), for the POSIX nanoCLR's
// DeviceBench (tools/nanoclr/mcpbench.py). Registers and SPI instructions: mcp2515_chip.cpp.
//

#include "mcp2515_chip.h"
#include <string.h>

namespace mcp2515
{
void EncodeId(uint32_t id, bool extended, uint8_t *regs)
{
    if (extended)
    {
        uint32_t sid = (id >> 18) & 0x7FF;
        regs[0] = (uint8_t)(sid >> 3);
        regs[1] = (uint8_t)(((sid & 7) << 5) | Ide | ((id >> 16) & 3));
        regs[2] = (uint8_t)(id >> 8);
        regs[3] = (uint8_t)id;
        return;
    }

    regs[0] = (uint8_t)((id >> 3) & 0xFF);
    regs[1] = (uint8_t)((id & 7) << 5);
    regs[2] = 0;
    regs[3] = 0;
}

// The filter number that accepts the frame for buffer n, 0 for any frame when RXM is 11, -1 when none (section 4.5).
int Match(Chip &c, int buffer, uint32_t id, bool extended, bool remote, const uint8_t *data, int length)
{
    int rxm = (c.regs[buffer == 0 ? RxB0Ctrl : RxB1Ctrl] >> 5) & 3;
    if (rxm == 3)
    {
        return buffer == 0 ? 0 : 2;
    }

    int mask = buffer == 0 ? 0x20 : 0x24;
    int first = buffer == 0 ? 0 : 2;
    int last = buffer == 0 ? 1 : 5;
    uint32_t maskSid = (uint32_t)((c.regs[mask] << 3) | (c.regs[mask + 1] >> 5));
    uint32_t maskEid = (uint32_t)(((c.regs[mask + 1] & 3) << 16) | (c.regs[mask + 2] << 8) | c.regs[mask + 3]);
    uint32_t sid = extended ? (id >> 18) & 0x7FF : id & 0x7FF;
    uint32_t eid = extended ? id & 0x3FFFF
                            : (uint32_t)(((length > 0 && !remote ? data[0] : 0) << 8) | (length > 1 && !remote ? data[1] : 0));
    for (int n = first; n <= last; n++)
    {
        int f = n < 3 ? n * 4 : 0x10 + ((n - 3) * 4);
        bool exide = (c.regs[f + 1] & Ide) != 0;
        if (exide != extended)
        {
            continue;
        }

        uint32_t filterSid = (uint32_t)((c.regs[f] << 3) | (c.regs[f + 1] >> 5));
        uint32_t filterEid = (uint32_t)(((c.regs[f + 1] & 3) << 16) | (c.regs[f + 2] << 8) | c.regs[f + 3]);
        uint32_t eidMask = extended ? maskEid : maskEid & 0xFFFF;
        if (((sid ^ filterSid) & maskSid) == 0 && ((eid ^ filterEid) & eidMask) == 0)
        {
            return n;
        }
    }

    return -1;
}

bool Overflow(Chip &c, uint8_t flag)
{
    c.lost++;
    c.regs[Eflg] |= flag;
    c.regs[CanIntF] |= ErrIf;
    UpdateInterruptPin(c);
    return false;
}

bool Store(Chip &c, uint32_t id, bool extended, bool remote, const uint8_t *data, int length, int dlc)
{
    int hit0 = Match(c, 0, id, extended, remote, data, length);
    int target;
    int filter;
    if (hit0 >= 0)
    {
        if ((c.regs[CanIntF] & Rx0If) == 0)
        {
            target = 0;
            filter = hit0;
        }
        else if ((c.regs[RxB0Ctrl] & 0x04) != 0)
        {
            target = 1;
            filter = hit0;
        }
        else
        {
            return Overflow(c, 0x40);
        }
    }
    else
    {
        int hit1 = Match(c, 1, id, extended, remote, data, length);
        if (hit1 < 0)
        {
            return false;
        }

        target = 1;
        filter = hit1;
    }

    if (target == 1 && (c.regs[CanIntF] & Rx1If) != 0)
    {
        return Overflow(c, 0x80);
    }

    int b = target == 0 ? 0x60 : 0x70;
    uint8_t id4[4];
    EncodeId(id, extended, id4);
    c.regs[b + 1] = id4[0];
    c.regs[b + 2] = (uint8_t)(id4[1] | (!extended && remote ? 0x10 : 0));
    c.regs[b + 3] = id4[2];
    c.regs[b + 4] = id4[3];
    c.regs[b + 5] = (uint8_t)((extended && remote ? 0x40 : 0) | (dlc & 0x0F));
    if (!remote)
    {
        memcpy(&c.regs[b + 6], data, length); // the bytes beyond the DLC keep the buffer's last frame
    }

    if (target == 0)
    {
        c.regs[b] = (uint8_t)((c.regs[b] & 0x66) | (remote ? 0x08 : 0) | (filter & 1));
    }
    else
    {
        c.regs[b] = (uint8_t)((c.regs[b] & 0x60) | (remote ? 0x08 : 0) | (filter & 7));
    }

    c.regs[CanIntF] |= target == 0 ? Rx0If : Rx1If;
    c.stored++;
    UpdateInterruptPin(c);
    return true;
}

// Sends every buffer with TXREQ set, highest TXP first, the higher buffer first at equal TXP (section 3.2).
// Normal mode sends on the bus (counted: the bus is idle, the frame goes at once); loopback receives it.
void SendPending(Chip &c)
{
    uint8_t mode = Mode(c);
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
            uint8_t ctrl = c.regs[TxCtrl(n)];
            if ((ctrl & TxReq) != 0 && (ctrl & 3) > best)
            {
                best = ctrl & 3;
                next = n;
            }
        }

        if (next < 0)
        {
            return;
        }

        int b = TxCtrl(next);
        uint32_t sid = (uint32_t)((c.regs[b + 1] << 3) | (c.regs[b + 2] >> 5));
        bool extended = (c.regs[b + 2] & Ide) != 0;
        uint32_t id = extended ? (sid << 18) | (uint32_t)((c.regs[b + 2] & 3) << 16) | (uint32_t)(c.regs[b + 3] << 8) |
                                     c.regs[b + 4]
                               : sid;
        bool remote = (c.regs[b + 5] & 0x40) != 0;
        int dlc = c.regs[b + 5] & 0x0F;
        int length = remote ? 0 : (dlc < 8 ? dlc : 8);
        uint8_t sent[8];
        memcpy(sent, &c.regs[b + 6], length);
        c.regs[b] &= (uint8_t)~TxReq;
        c.regs[CanIntF] |= (uint8_t)(0x04 << next);
        if (mode == 0x40)
        {
            Store(c, id, extended, remote, sent, length, dlc);
        }
        else
        {
            c.sent++;
        }
    }
}


// Frames on the bus move into the receive buffers while the chip has one free: the bus delivers the next frame
// as soon as the drain has read one (a bus faster than the drain, nothing lost); a chip off the bus (not in
// normal or listen-only mode) ignores them, as the real one does.
void Deliver(Chip &c)
{
    while (c.onBus > 0 && s_frames != NULL)
    {
        uint8_t mode = Mode(c);
        bool receiving = mode == 0x00 || mode == 0x60;
        if (receiving && (c.regs[CanIntF] & (Rx0If | Rx1If)) == (Rx0If | Rx1If))
        {
            return;
        }

        const Frame &f = s_frames[c.next];
        c.next = (c.next + 1) % s_frameCount;
        c.onBus--;
        if (!receiving)
        {
            c.ignored++;
            continue;
        }

        int length = f.dlc > 8 ? 8 : f.dlc;
        Store(c, f.id, f.extended, false, f.data, length, f.dlc);
    }
}
} // namespace mcp2515
