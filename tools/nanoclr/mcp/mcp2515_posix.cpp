//
// BMS Guard: the POSIX nanoCLR's SPI and GPIO hardware for nanoFramework's System.Device.Spi and
// System.Device.Gpio, for tools/nanoclr/DeviceBench only (tools/nanoclr/mcpbench.py). The natives are
// nf-interpreter's own (src/System.Device.Spi: SpiDevice and nanoHAL_Spi.cpp; src/System.Device.Gpio: GpioPin
// and GpioController), the ones the ESP32 image runs; what is here stands for the ESP32 target's CPU layer
// (targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp, System.Device.Gpio/cpu_gpio.cpp) and for the hardware
// behind it: two MCP2515s on SPI bus 1, each with its chip select and its INT pin.
// - CPU_SPI_nWrite_nRead runs the addressed chip's instruction at once (synchronously, as the ESP32's polling
//   transfer of a few bytes; nanoHAL's estimate keeps such short transfers synchronous).
// - The chips follow host-sim/Mcp2515Emulation (Mcp2515Chip.*.cs, the repository's model of DS20001801), ported
//   line by line: READ, WRITE, BIT MODIFY, READ STATUS, RX STATUS, READ RX BUFFER (RXnIF cleared when chip
//   select rises), LOAD TX BUFFER, RTS (sent at once: the TCU bus is idle), RESET, modes, masks and filters,
//   rollover, overflows.
// - CPU_GPIO: the INT pins are inputs whose level the chips drive (low while CANINTE & CANINTF); a change of
//   level reaches the pin's interrupt handler as the ESP32's gpio_isr passes it on (without debounce: the
//   firmware sets none), inside NATIVE_INTERRUPT_START/END.
// - The bench's injector (BmsGuard.DeviceBench.Mcp.McpInjector) puts frames of the reference drive on a chip's
//   bus; each moves into a receive buffer as the chip has one free (see Deliver).
//

#include "mcp2515_posix.h"
#include <nanoHAL_Spi.h>
#include <string.h>
#include <stdlib.h>

namespace
{
// Registers (host-sim Mcp2515Chip.Reg)
const int CanStat = 0x0E;
const int CanCtrl = 0x0F;
const int Tec = 0x1C;
const int Rec = 0x1D;
const int CanIntE = 0x2B;
const int CanIntF = 0x2C;
const int Eflg = 0x2D;
const int RxB0Ctrl = 0x60;
const int RxB1Ctrl = 0x70;
const uint8_t Rx0If = 0x01;
const uint8_t Rx1If = 0x02;
const uint8_t ErrIf = 0x20;
const uint8_t TxReq = 0x08;
const uint8_t Ide = 0x08;

inline int TxCtrl(int n)
{
    return 0x30 + n * 0x10;
}

struct Frame
{
    uint32_t id;
    bool extended;
    uint8_t dlc;
    uint8_t data[8];
};

Frame *s_frames = NULL;
uint32_t s_frameCount = 0;

const int Chips = 2;
const int MaxPins = 40;

struct Chip
{
    uint8_t regs[0x80];
    int chipSelect;
    int interruptPin;
    bool interruptLow;
    uint32_t onBus;   // frames on the bus not yet received
    uint32_t next;    // the next frame of the drive
    uint32_t sent, stored, lost, ignored, transactions, bytes, edges, refused, pinReads;
};

Chip s_chips[Chips];

// GPIO (cpu_gpio.cpp's gpio_input_state, reduced to what an undebounced input keeps)
struct PinState
{
    bool reserved;
    bool input;
    bool current;
    bool output;
    GPIO_INTERRUPT_SERVICE_ROUTINE isr;
    void *param;
};

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
} // namespace

//
// CPU_SPI (targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp's role): bus index 0 (SPI1) and 1, a device per
// chip select that a chip is wired to; the transfer runs the chip's instruction at once.
//

uint32_t CPU_SPI_PortsMap()
{
    return 0x3;
}

// the ESP32's SPI master: 80 MHz at most (the MCP2515 takes 10), the slowest the divider gives
HRESULT CPU_SPI_MaxClockFrequency(uint32_t busIndex, int32_t *frequency)
{
    (void)busIndex;
    *frequency = 80000000;
    return S_OK;
}

HRESULT CPU_SPI_MinClockFrequency(uint32_t busIndex, int32_t *frequency)
{
    (void)busIndex;
    *frequency = 1000;
    return S_OK;
}

HRESULT CPU_SPI_Add_Device(const SPI_DEVICE_CONFIGURATION &spiDeviceConfig, uint32_t &handle)
{
    Wire();
    for (int c = 0; c < Chips; c++)
    {
        if (s_chips[c].chipSelect >= 0 && s_chips[c].chipSelect == spiDeviceConfig.DeviceChipSelect)
        {
            handle = (uint32_t)(c + 1);
            return S_OK;
        }
    }

    handle = 0;
    return CLR_E_INVALID_PARAMETER;
}

HRESULT CPU_SPI_nWrite_nRead(
    uint32_t deviceHandle,
    SPI_DEVICE_CONFIGURATION &sdev,
    SPI_WRITE_READ_SETTINGS &wrc,
    uint8_t *writePtr,
    int32_t writeSize,
    uint8_t *readPtr,
    int32_t readSize)
{
    (void)sdev;
    Chip *c = ChipOfHandle(deviceHandle);
    if (c == NULL || writeSize < 0 || readSize < 0 || writeSize + readSize > 64)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    if (wrc.fullDuplex || readSize == 0 || writeSize == 0)
    {
        Transact(*c, writePtr, writePtr == NULL ? 0 : writeSize, readPtr, readPtr == NULL ? 0 : readSize);
    }
    else
    {
        // half duplex: the read phase follows the write phase in the same chip-select pulse
        uint8_t tx[64];
        uint8_t rx[64];
        memset(tx, 0, sizeof(tx));
        memcpy(tx, writePtr, writeSize);
        Transact(*c, tx, writeSize + readSize, rx, writeSize + readSize);
        memcpy(readPtr, rx + writeSize, readSize);
    }

    if (wrc.callback != NULL)
    {
        wrc.callback(0);
    }

    return S_OK;
}

//
// CPU_GPIO (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp's role): 40 pins; a chip's INT pin reads the
// level the chip drives, other pins what was written.
//

bool CPU_GPIO_Initialize()
{
    memset(s_pins, 0, sizeof(s_pins));
    return true;
}

bool CPU_GPIO_Uninitialize()
{
    return true;
}

bool CPU_GPIO_ReservePin(GPIO_PIN pinNumber, bool fReserve)
{
    if (pinNumber >= (GPIO_PIN)MaxPins)
    {
        return false;
    }

    GLOBAL_LOCK();
    if (fReserve && s_pins[pinNumber].reserved)
    {
        GLOBAL_UNLOCK();
        return false;
    }

    s_pins[pinNumber].reserved = fReserve;
    GLOBAL_UNLOCK();
    return true;
}

bool CPU_GPIO_PinIsBusy(GPIO_PIN pin)
{
    return pin >= (GPIO_PIN)MaxPins || s_pins[pin].reserved;
}

int32_t CPU_GPIO_GetPinCount()
{
    return MaxPins;
}

GpioPinValue CPU_GPIO_GetPinState(GPIO_PIN pin)
{
    Chip *c = ChipOnPin(pin);
    if (c != NULL)
    {
        c->pinReads++;
        return c->interruptLow ? GpioPinValue_Low : GpioPinValue_High;
    }

    return pin < (GPIO_PIN)MaxPins && s_pins[pin].output ? GpioPinValue_High : GpioPinValue_Low;
}

void CPU_GPIO_SetPinState(GPIO_PIN pinNumber, GpioPinValue pinState)
{
    if (pinNumber < (GPIO_PIN)MaxPins)
    {
        s_pins[pinNumber].output = pinState == GpioPinValue_High;
    }
}

void CPU_GPIO_TogglePinState(GPIO_PIN pinNumber)
{
    if (pinNumber < (GPIO_PIN)MaxPins)
    {
        s_pins[pinNumber].output = !s_pins[pinNumber].output;
    }
}

bool CPU_GPIO_DriveModeSupported(GPIO_PIN pinNumber, PinMode driveMode)
{
    (void)driveMode;
    return pinNumber < (GPIO_PIN)MaxPins;
}

bool CPU_GPIO_SetDriveMode(GPIO_PIN pinNumber, PinMode driveMode)
{
    (void)driveMode;
    return pinNumber < (GPIO_PIN)MaxPins;
}

bool CPU_GPIO_EnableOutputPin(GPIO_PIN pinNumber, GpioPinValue InitialState, PinMode driveMode)
{
    if (pinNumber >= (GPIO_PIN)MaxPins || driveMode < PinMode_Output)
    {
        return false;
    }

    s_pins[pinNumber].input = false;
    s_pins[pinNumber].isr = NULL;
    s_pins[pinNumber].output = InitialState == GpioPinValue_High;
    return true;
}

bool CPU_GPIO_EnableInputPin(
    GPIO_PIN pinNumber,
    uint32_t debounceTimeMilliseconds,
    GPIO_INTERRUPT_SERVICE_ROUTINE pinISR,
    void *isr_Param,
    GPIO_INT_EDGE intEdge,
    PinMode driveMode)
{
    (void)debounceTimeMilliseconds; // the firmware sets no debounce on INT; a debounced edge would come later
    (void)intEdge;                  // GPIO_INT_EDGE_BOTH, as GpioPin's SetPinMode asks
    if (pinNumber >= (GPIO_PIN)MaxPins || driveMode >= PinMode_Output)
    {
        return false;
    }

    PinState &p = s_pins[pinNumber];
    p.input = true;
    p.isr = pinISR;
    p.param = isr_Param;
    p.current = CPU_GPIO_GetPinState(pinNumber) == GpioPinValue_High;
    return true;
}

void CPU_GPIO_DisablePin(GPIO_PIN pinNumber, PinMode driveMode, uint32_t alternateFunction)
{
    (void)driveMode;
    (void)alternateFunction;
    if (pinNumber < (GPIO_PIN)MaxPins)
    {
        s_pins[pinNumber].isr = NULL;
        s_pins[pinNumber].input = false;
        s_pins[pinNumber].reserved = false;
    }
}

uint32_t CPU_GPIO_GetPinDebounce(GPIO_PIN Pin)
{
    (void)Pin;
    return 0;
}

bool CPU_GPIO_SetPinDebounce(GPIO_PIN pinNumber, uint32_t debounceTimeMilliseconds)
{
    (void)pinNumber;
    (void)debounceTimeMilliseconds;
    return true;
}

//
// The bench's injector (McpBench/McpInjector.cs)
//

typedef Library_bmsguard_mcpbench_native_BmsGuard_DeviceBench_Mcp_McpInjector McpInjector;

HRESULT McpInjector::Wire___STATIC__VOID__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t chip = stack.Arg0().NumericByRef().s4;
    int32_t chipSelect = stack.Arg1().NumericByRef().s4;
    int32_t interruptPin = stack.Arg2().NumericByRef().s4;
    if (chip < 0 || chip >= Chips || interruptPin < 0 || interruptPin >= MaxPins)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    Wire();
    memset(&s_chips[chip], 0, sizeof(Chip));
    s_chips[chip].chipSelect = chipSelect;
    s_chips[chip].interruptPin = interruptPin;
    ResetChip(s_chips[chip]); // power-on: configuration mode, INT high

    NANOCLR_NOCLEANUP();
}

HRESULT McpInjector::Load___STATIC__VOID__SZARRAY_U4__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock_Array *ids = stack.Arg0().DereferenceArray();
    CLR_RT_HeapBlock_Array *lengths = stack.Arg1().DereferenceArray();
    CLR_RT_HeapBlock_Array *payloads = stack.Arg2().DereferenceArray();
    FAULT_ON_NULL(ids);
    FAULT_ON_NULL(lengths);
    FAULT_ON_NULL(payloads);
    if (ids->m_numOfElements == 0 || lengths->m_numOfElements != ids->m_numOfElements ||
        payloads->m_numOfElements != 8 * ids->m_numOfElements)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    free(s_frames);
    s_frameCount = ids->m_numOfElements;
    s_frames = (Frame *)calloc(s_frameCount, sizeof(Frame));
    for (uint32_t i = 0; i < s_frameCount; i++)
    {
        // the drive's ids carry the extended flag in the top bit (devicebench.py's reference_traffic)
        uint32_t id = ((uint32_t *)ids->GetFirstElement())[i];
        Frame &f = s_frames[i];
        f.extended = (id & 0x80000000u) != 0;
        f.id = id & 0x1FFFFFFFu;
        f.dlc = ((uint8_t *)lengths->GetFirstElement())[i];
        memcpy(f.data, (uint8_t *)payloads->GetFirstElement() + 8 * i, 8);
    }

    for (int c = 0; c < Chips; c++)
    {
        s_chips[c].next = 0;
    }

    NANOCLR_NOCLEANUP();
}

HRESULT McpInjector::Inject___STATIC__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t chip = stack.Arg0().NumericByRef().s4;
    int32_t count = stack.Arg1().NumericByRef().s4;
    if (chip < 0 || chip >= Chips || count < 0 || s_frames == NULL)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    s_chips[chip].onBus += (uint32_t)count;
    Deliver(s_chips[chip]);
    stack.SetResult_I4(count);

    NANOCLR_NOCLEANUP();
}

HRESULT McpInjector::Pending___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t chip = stack.Arg0().NumericByRef().s4;
    if (chip < 0 || chip >= Chips)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    {
        Chip &c = s_chips[chip];
        int32_t inBuffers = ((c.regs[CanIntF] & Rx0If) != 0 ? 1 : 0) + ((c.regs[CanIntF] & Rx1If) != 0 ? 1 : 0);
        stack.SetResult_I4(
            (int32_t)(c.onBus + inBuffers + g_CLR_HW_Hardware.m_interruptData.m_HalQueue.NumberOfElements() +
                      g_CLR_HW_Hardware.m_interruptData.m_queuedInterrupts));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT McpInjector::Stat___STATIC__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t chip = stack.Arg0().NumericByRef().s4;
    uint32_t value = 0;
    if (chip < 0 || chip >= Chips)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    {
        Chip &c = s_chips[chip];
        switch (stack.Arg1().NumericByRef().s4)
        {
            case 0:
                value = c.sent;
                break;
            case 1:
                value = c.stored;
                break;
            case 2:
                value = c.lost;
                break;
            case 3:
                value = c.transactions;
                break;
            case 4:
                value = c.bytes;
                break;
            case 5:
                value = c.edges;
                break;
            case 6:
                value = c.refused;
                break;
            case 7:
                value = c.pinReads;
                break;
            case 8:
                value = g_CLR_RT_GarbageCollector.m_numberOfGarbageCollections;
                break;
            default:
                NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }
    }

    stack.SetResult_I4((int32_t)value);

    NANOCLR_NOCLEANUP();
}
