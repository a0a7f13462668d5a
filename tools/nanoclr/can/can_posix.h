//
// BMS Guard: nanoFramework.Device.Can on the POSIX nanoCLR, for tools/nanoclr/DeviceBench only.
// Modelled on nf-interpreter's ChibiOS (STM32) driver, targets/ChibiOS/_nanoCLR/nanoFramework.Device.Can:
// the same PAL struct (a ring buffer of received frames per controller), without ChibiOS's CANDriver.
//

#ifndef BMSGUARD_CAN_POSIX_H
#define BMSGUARD_CAN_POSIX_H

#include <nanoHAL_v2.h>
#include <nanoCLR_Hardware.h>
#include <nf_device_can_native.h>

// The receive ring holds as many frames as the stock STM32 targets' configuration gives it
// (CAN1_RX_BUFFER_SIZE / CAN2_RX_BUFFER_SIZE in target_nf_device_can_config.h: 16). The guard's NUCLEO image
// has 128 (hardware/nucleo-f767zi.md 1.1, edit 2); the bench's phases queue at most 8 frames, and its flood
// phases show the stock ring.
#define BMSGUARD_CAN_RX_BUFFER_SIZE 16
#define BMSGUARD_CAN_CONTROLLERS    2

// ChibiOS's CANRxFrame / CANTxFrame reduced to what the driver reads and writes.
typedef struct
{
    uint8_t DLC;
    uint8_t RTR;
    uint8_t IDE;
    uint32_t SID;
    uint32_t EID;
    uint8_t data8[8];
} BmsGuardCanFrame;

// NF_PAL_CAN of the STM32 driver: the ring buffer and its storage. `Started` stands for canStart/canStop
// and `RxCallback` for CANDriver::rxfull_cb (set only while a managed handler is subscribed).
// The storage is sizeof(frame) times what the ring holds: nf-interpreter's HAL_RingBuffer<T> keeps its read
// and write positions in bytes but adds them to a T pointer (src/HAL/Include/nanoHAL.h; nanoframework/Home
// issue 1042, "doesn't work [for] data sizes > 1"), so the k-th frame queued behind another lands at element
// k * sizeof(T). On the board that is past CanN_MsgBuffer from the second queued frame on; here it stays in
// this storage, and the ring behaves as the board's does otherwise (16 frames, then full).
typedef struct
{
    bool Started;
    bool RxCallback;
    // DEVICETESTS_CAN_DRIVER=drained: an event is posted and its drain has not yet read the ring empty.
    bool EventPending;
    HAL_RingBuffer<BmsGuardCanFrame> MsgRingBuffer;
    BmsGuardCanFrame MsgBuffer[BMSGUARD_CAN_RX_BUFFER_SIZE * sizeof(BmsGuardCanFrame)];
} NF_PAL_CAN;

// What the bench reads back: frames written per controller (the transmit "mailboxes" are a counter here),
// frames RxMessage could not keep because the ring was full, and HAL queue records that SaveToHALQueue
// overwrote because the queue was full.
typedef struct
{
    uint32_t Written[BMSGUARD_CAN_CONTROLLERS + 1];
    uint32_t LastWrittenId[BMSGUARD_CAN_CONTROLLERS + 1];
    uint32_t NotListening;
    uint32_t RingDropped;
    uint32_t HalQueueOverwritten;
    uint32_t HalQueueMax;
} BmsGuardCanStats;

extern NF_PAL_CAN Can1_PAL;
extern NF_PAL_CAN Can2_PAL;
extern BmsGuardCanStats g_BmsGuardCanStats;

// The body of the STM32 driver's RxMessage interrupt handler for one frame (see the .cpp).
void BmsGuardCan_RxMessage(uint8_t controllerId, const BmsGuardCanFrame &rxMsg);
NF_PAL_CAN *BmsGuardCan_Pal(uint8_t controllerId);

// The patched driver's GetMessage pop (under the global lock; an empty read clears the pending event).
size_t BmsGuardCan_Pop(NF_PAL_CAN *palCan, BmsGuardCanFrame *frame);

#endif // BMSGUARD_CAN_POSIX_H
