//
// BMS Guard: two MCP2515s for the POSIX nanoCLR's SPI and GPIO (tools/nanoclr/mcpbench.py, DeviceBench only).
// The chips follow host-sim/Mcp2515Emulation (Mcp2515Chip.*.cs, the repository's model of DS20001801), ported
// line by line: READ, WRITE, BIT MODIFY, READ STATUS, RX STATUS, READ RX BUFFER (RXnIF cleared when chip select
// rises), LOAD TX BUFFER, RTS (sent at once: the TCU bus is idle), RESET, modes, masks and filters, rollover,
// overflows. Their INT pins are GPIO inputs whose level the chips drive (low while CANINTE & CANINTF); a change
// of level reaches the pin's interrupt handler. mcp2515_chip.cpp: registers, modes and the SPI instructions;
// mcp2515_bus.cpp: frames on and off the bus; mcp2515_posix.cpp: the CPU layer the natives call.
//

#ifndef BMSGUARD_MCP2515_CHIP_H
#define BMSGUARD_MCP2515_CHIP_H

#include "mcp2515_posix.h"

namespace mcp2515
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

// The drive's frames (McpInjector.Load), the chips and the pins they drive.
extern Frame *s_frames;
extern uint32_t s_frameCount;
extern Chip s_chips[Chips];
extern PinState s_pins[MaxPins];

void Wire();
Chip *ChipOnPin(GPIO_PIN pin);
Chip *ChipOfHandle(uint32_t handle);
void ResetChip(Chip &c);
void Deliver(Chip &c);
void Transact(Chip &c, const uint8_t *write, int writeLength, uint8_t *read, int readLength);
uint8_t Mode(Chip &c);
void UpdateInterruptPin(Chip &c);
void SendPending(Chip &c);
} // namespace mcp2515

#endif // BMSGUARD_MCP2515_CHIP_H
