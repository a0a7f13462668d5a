//
// BMS Guard: two MCP2515s for the POSIX nanoCLR's SPI and GPIO (tools/nanoclr/mcpbench.py, DeviceBench only).
// The chips follow host-sim/Mcp2515Emulation (Mcp2515Chip.*.cs, the repository's model of DS20001801), ported
// line by line: READ, WRITE, BIT MODIFY, READ STATUS, RX STATUS, READ RX BUFFER (RXnIF cleared when chip select
// rises), LOAD TX BUFFER, RTS (sent at once: the TCU bus is idle), RESET, modes, masks and filters, rollover,
// overflows. Their INT pins are GPIO inputs whose level the chips drive (low while CANINTE & CANINTF); a change
// of level reaches the pin's interrupt handler. This file: registers, modes, the INT pin and the SPI instructions (mcp2515_bus.cpp: frames on and off
// the bus; mcp2515_posix.cpp: the CPU layer the natives call).
//

#include "mcp2515_chip.h"
#include <string.h>
#include <stdlib.h>

namespace mcp2515
{
Frame *s_frames = NULL;
uint32_t s_frameCount = 0;



Chip s_chips[Chips];


PinState s_pins[MaxPins];
bool s_wired = false;

void Wire()
{
    if (s_wired)
    {
        return;
    }

    s_wired = true;
    for (int c = 0; c < Chips; c++)
    {
        s_chips[c].chipSelect = -1;
        s_chips[c].interruptPin = -1;
    }
}

Chip *ChipOnPin(GPIO_PIN pin)
{
    for (int c = 0; c < Chips; c++)
    {
        if (s_chips[c].interruptPin >= 0 && (GPIO_PIN)s_chips[c].interruptPin == pin)
        {
            return &s_chips[c];
        }
    }

    return NULL;
}

uint8_t Mode(Chip &c)
{
    return (uint8_t)(c.regs[CanStat] & 0xE0);
}

// The INT pin follows CANINTE & CANINTF; a change reaches the input's handler (ESP32 gpio_isr, no debounce).
void UpdateInterruptPin(Chip &c)
{
    bool low = (c.regs[CanIntE] & c.regs[CanIntF]) != 0;
    if (low == c.interruptLow)
    {
        return;
    }

    c.interruptLow = low;
    if (c.interruptPin < 0 || c.interruptPin >= MaxPins)
    {
        return;
    }

    PinState &p = s_pins[c.interruptPin];
    if (!p.input || p.isr == NULL)
    {
        return;
    }

    NATIVE_INTERRUPT_START

    bool actual = !low;
    if (actual != p.current)
    {
        p.current = actual;
        c.edges++;
        p.isr((GPIO_PIN)c.interruptPin, actual, p.param);
    }

    NATIVE_INTERRUPT_END
}

// CANSTAT ICOD: the highest-priority enabled interrupt pending (Table 7-1 order: error first).
int InterruptCode(Chip &c)
{
    int pending = c.regs[CanIntE] & c.regs[CanIntF];
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
            return bit + 1;
        }
    }

    return (pending & 1) != 0 ? 6 : (pending & 2) != 0 ? 7 : 0;
}

uint8_t ReadRegister(Chip &c, int address)
{
    address &= 0x7F;
    if ((address & 0x0F) == 0x0E)
    {
        return (uint8_t)((c.regs[CanStat] & 0xE0) | (InterruptCode(c) << 1));
    }

    if ((address & 0x0F) == 0x0F)
    {
        return c.regs[CanCtrl];
    }

    return c.regs[address];
}

bool IsBitModifiable(int address)
{
    return address == 0x0C || address == 0x0D || address == 0x28 || address == 0x29 || address == 0x2A ||
           address == CanIntE || address == CanIntF || address == Eflg || address == 0x30 || address == 0x40 ||
           address == 0x50 || address == RxB0Ctrl || address == RxB1Ctrl || (address & 0x0F) == 0x0F;
}

void EnterMode(Chip &c, uint8_t requested)
{
    // Modes change at once (no bus to wait for); any mode other than configuration starts pending transmissions.
    c.regs[CanStat] = (uint8_t)((c.regs[CanStat] & 0x1F) | requested);
    SendPending(c);
}

bool IsPendingTxBufferByte(Chip &c, int address)
{
    for (int n = 0; n < 3; n++)
    {
        int ctrl = TxCtrl(n);
        if (address > ctrl && address <= ctrl + 13)
        {
            return (c.regs[ctrl] & TxReq) != 0;
        }
    }

    return false;
}

void WriteRegister(Chip &c, int address, uint8_t value)
{
    address &= 0x7F;
    bool configuration = Mode(c) == 0x80;
    int row = address & 0x0F;
    if (row == 0x0E || address == Tec || address == Rec || (address >= 0x61 && address <= 0x6D) ||
        (address >= 0x71 && address <= 0x7D))
    {
        c.refused++; // CANSTAT, the error counters and the receive buffers are read-only
        return;
    }

    if (row == 0x0F)
    {
        c.regs[CanCtrl] = value;
        EnterMode(c, (uint8_t)(value & 0xE0));
        return;
    }

    // Filters, masks and CNF1-3 can be written in configuration mode only (sections 4.5, 5.7).
    bool configOnly = address <= 0x0B || (address >= 0x10 && address <= 0x1B) || (address >= 0x20 && address <= 0x2A);
    if (configOnly && !configuration)
    {
        c.refused++;
        return;
    }

    switch (address)
    {
        case Eflg:
            // Only RX1OVR and RX0OVR are writable (to clear them); the rest follows the error counters.
            c.regs[address] = (uint8_t)((c.regs[address] & 0x3F) | (value & 0xC0));
            return;
        case RxB0Ctrl:
            c.regs[address] = (uint8_t)((value & 0x64) | ((value & 0x04) != 0 ? 0x02 : 0) | (c.regs[address] & 0x09));
            return;
        case RxB1Ctrl:
            c.regs[address] = (uint8_t)((value & 0x60) | (c.regs[address] & 0x0F));
            return;
        case 0x30:
        case 0x40:
        case 0x50:
            // ABTF, MLOA, TXERR are read-only; TXREQ and TXP are written.
            c.regs[address] = (uint8_t)((c.regs[address] & 0x70) | (value & 0x0B));
            SendPending(c);
            return;
        default:
            break;
    }

    if (IsPendingTxBufferByte(c, address))
    {
        c.refused++;
        return;
    }

    c.regs[address] = value;
}

void BitModify(Chip &c, int address, uint8_t mask, uint8_t data)
{
    address &= 0x7F;
    if (!IsBitModifiable(address))
    {
        mask = 0xFF;
    }

    uint8_t current = (address & 0x0F) == 0x0F ? c.regs[CanCtrl] : c.regs[address];
    WriteRegister(c, address, (uint8_t)((current & ~mask) | (data & mask)));
}

void ResetChip(Chip &c)
{
    memset(c.regs, 0, sizeof(c.regs));
    c.regs[CanStat] = 0x80;
    c.regs[CanCtrl] = 0x87; // REQOP configuration, CLKEN, CLKPRE /8
    UpdateInterruptPin(c);
}

void ReadSequential(Chip &c, int address, int from, int length, uint8_t *read, int readLength)
{
    for (int i = from; i < length; i++)
    {
        uint8_t value = ReadRegister(c, (address + i - from) & 0x7F);
        if (i < readLength)
        {
            read[i] = value;
        }
    }
}

void Fill(uint8_t *read, int readLength, int from, uint8_t value)
{
    for (int i = from; i < readLength; i++)
    {
        read[i] = value;
    }
}

uint8_t ReadStatus(Chip &c)
{
    uint8_t intf = c.regs[CanIntF];
    int status = (intf & 0x03) | ((c.regs[0x30] & TxReq) != 0 ? 0x04 : 0) | ((intf & 0x04) != 0 ? 0x08 : 0) |
                 ((c.regs[0x40] & TxReq) != 0 ? 0x10 : 0) | ((intf & 0x08) != 0 ? 0x20 : 0) |
                 ((c.regs[0x50] & TxReq) != 0 ? 0x40 : 0) | ((intf & 0x10) != 0 ? 0x80 : 0);
    return (uint8_t)status;
}

uint8_t RxStatus(Chip &c)
{
    uint8_t intf = c.regs[CanIntF];
    int which = intf & 0x03;
    if (which == 0)
    {
        return 0;
    }

    int buffer = (which & 1) != 0 ? 0 : 1;
    int sidl = c.regs[buffer == 0 ? 0x62 : 0x72];
    bool extended = (sidl & Ide) != 0;
    bool remote = (c.regs[buffer == 0 ? 0x60 : 0x70] & 0x08) != 0;
    int type = (extended ? 2 : 0) | (remote ? 1 : 0);
    int filter = buffer == 0 ? c.regs[0x60] & 1 : c.regs[0x70] & 7;
    if (buffer == 1 && filter < 2)
    {
        filter += 6;
    }

    return (uint8_t)((which << 6) | (type << 3) | filter);
}

// One chip-select pulse: host-sim Mcp2515Chip.Transact.
void Transact(Chip &c, const uint8_t *write, int writeLength, uint8_t *read, int readLength)
{
    int length = writeLength > readLength ? writeLength : readLength;
    if (length == 0)
    {
        return;
    }

    c.transactions++;
    c.bytes += length;
    uint8_t instruction = writeLength > 0 ? write[0] : 0;
#define ARG(i) ((i) < writeLength ? write[i] : (uint8_t)0)
    if (instruction == 0xC0)
    {
        ResetChip(c);
    }
    else if (instruction == 0x03)
    {
        ReadSequential(c, ARG(1), 2, length, read, readLength);
    }
    else if (instruction == 0x02)
    {
        for (int i = 2; i < writeLength; i++)
        {
            WriteRegister(c, (ARG(1) + i - 2) & 0x7F, write[i]);
        }
    }
    else if (instruction == 0x05)
    {
        if (length >= 4)
        {
            BitModify(c, ARG(1), ARG(2), ARG(3));
        }
    }
    else if (instruction == 0xA0)
    {
        Fill(read, readLength, 1, ReadStatus(c));
    }
    else if (instruction == 0xB0)
    {
        Fill(read, readLength, 1, RxStatus(c));
    }
    else if (instruction == 0x90 || instruction == 0x92 || instruction == 0x94 || instruction == 0x96)
    {
        int buffer = (instruction >> 2) & 1;
        int start = (buffer == 0 ? 0x61 : 0x71) + ((instruction & 0x02) != 0 ? 5 : 0);
        ReadSequential(c, start, 1, length, read, readLength);

        // Raising chip select after READ RX BUFFER clears the buffer's RXnIF (DS20001801 12.4).
        c.regs[CanIntF] &= (uint8_t)~(buffer == 0 ? Rx0If : Rx1If);
    }
    else if (instruction >= 0x40 && instruction <= 0x45)
    {
        int buffer = (instruction >> 1) & 3;
        int start = TxCtrl(buffer) + 1 + ((instruction & 1) != 0 ? 5 : 0);
        if ((c.regs[TxCtrl(buffer)] & TxReq) != 0)
        {
            c.refused++;
        }
        else
        {
            for (int i = 1; i < writeLength && start + i - 1 <= TxCtrl(buffer) + 13; i++)
            {
                c.regs[start + i - 1] = write[i];
            }
        }
    }
    else if (instruction >= 0x80 && instruction <= 0x87)
    {
        for (int n = 0; n < 3; n++)
        {
            if ((instruction & (1 << n)) != 0)
            {
                c.regs[TxCtrl(n)] |= TxReq;
            }
        }

        SendPending(c);
    }
    else
    {
        c.refused++; // an instruction the chip does not know (nanoHAL's two zero bytes at open)
    }
#undef ARG

    Deliver(c);
    UpdateInterruptPin(c);
}

Chip *ChipOfHandle(uint32_t handle)
{
    return handle >= 1 && handle <= (uint32_t)Chips ? &s_chips[handle - 1] : NULL;
}
} // namespace mcp2515
