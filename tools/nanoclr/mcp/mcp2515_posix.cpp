//
// BMS Guard: the POSIX nanoCLR's SPI and GPIO hardware for nanoFramework's System.Device.Spi and
// System.Device.Gpio, for tools/nanoclr/DeviceBench only (tools/nanoclr/mcpbench.py). The natives are
// nf-interpreter's own (src/System.Device.Spi: SpiDevice and nanoHAL_Spi.cpp; src/System.Device.Gpio: GpioPin
// and GpioController), the ones the ESP32 image runs; what is here stands for the ESP32 target's CPU layer
// (targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp, System.Device.Gpio/cpu_gpio.cpp), over two MCP2515s
// on SPI bus 1, each with its chip select and its INT pin (mcp2515_chip.cpp).
// - CPU_SPI_nWrite_nRead runs the addressed chip's instruction at once (synchronously, as the ESP32's polling
//   transfer of a few bytes; nanoHAL's estimate keeps such short transfers synchronous).
// - CPU_GPIO: a change of an INT pin's level reaches the pin's interrupt handler as the ESP32's gpio_isr passes
//   it on (without debounce: the firmware sets none), inside NATIVE_INTERRUPT_START/END.
// - The bench's injector (BmsGuard.DeviceBench.Mcp.McpInjector) puts frames of the reference drive on a chip's
//   bus; each moves into a receive buffer as the chip has one free (see Deliver).
//

#include "mcp2515_chip.h"
#include <nanoHAL_Spi.h>
#include <string.h>
#include <stdlib.h>

using namespace mcp2515;

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
