//
// BMS Guard: natives of BmsGuard.DeviceBench.Can (CanBench/CanInjector.cs), the bench's CAN "interrupts".
// Bench only, in no real driver: on a board the frames come from the bus, and the STM32 driver's RxMessage runs
// in the receive interrupt for each frame in the controller's FIFO. Here a managed call hands the next frames of
// the reference drive to the same receive code (BmsGuardCan_RxMessage), on the interpreter's thread: the
// managed side then sees what it sees on the board (frames in the ring buffer, one HAL queue record each), but
// it cannot be interrupted in the middle of an IL instruction as the board's thread can.
//

#include "bmsguard_canbench_native.h"

static BmsGuardCanFrame *s_frames = NULL;
static uint32_t s_frameCount = 0;
static uint32_t s_next = 0;

typedef Library_bmsguard_canbench_native_BmsGuard_DeviceBench_Can_CanInjector CanInjector;

HRESULT CanInjector::Load___STATIC__VOID__SZARRAY_U4__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
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
    s_frames = (BmsGuardCanFrame *)calloc(s_frameCount, sizeof(BmsGuardCanFrame));
    s_next = 0;
    for (uint32_t i = 0; i < s_frameCount; i++)
    {
        // the drive's ids carry the extended flag in the top bit (devicetests.py's reference_traffic)
        uint32_t id = ((uint32_t *)ids->GetFirstElement())[i];
        BmsGuardCanFrame &f = s_frames[i];
        f.IDE = (id & 0x80000000u) ? 1 : 0;
        f.SID = f.IDE ? 0 : id;
        f.EID = f.IDE ? (id & 0x7FFFFFFFu) : 0;
        f.RTR = 0;
        f.DLC = ((uint8_t *)lengths->GetFirstElement())[i];
        memcpy(f.data8, (uint8_t *)payloads->GetFirstElement() + 8 * i, 8);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT CanInjector::Inject___STATIC__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    uint8_t controllerId = (uint8_t)stack.Arg0().NumericByRef().s4;
    int32_t count = stack.Arg1().NumericByRef().s4;
    NF_PAL_CAN *palCan = BmsGuardCan_Pal(controllerId);
    int32_t handed = 0;

    if (palCan == NULL || s_frames == NULL || count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    for (; handed < count; handed++)
    {
        // rxfull_cb is RxMessage only while a managed handler is subscribed; otherwise the frame stays in the
        // controller (and is lost when its FIFO overruns)
        if (!palCan->Started || !palCan->RxCallback)
        {
            g_BmsGuardCanStats.NotListening++;
            continue;
        }

        BmsGuardCan_RxMessage(controllerId, s_frames[s_next]);
        s_next = (s_next + 1) % s_frameCount;
    }

    stack.SetResult_I4(handed);

    NANOCLR_NOCLEANUP();
}

HRESULT CanInjector::Pending___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    NF_PAL_CAN *palCan = BmsGuardCan_Pal((uint8_t)stack.Arg0().NumericByRef().s4);
    FAULT_ON_NULL(palCan);

    stack.SetResult_I4(
        (int32_t)(palCan->MsgRingBuffer.Length() + g_CLR_HW_Hardware.m_interruptData.m_HalQueue.NumberOfElements() +
                  g_CLR_HW_Hardware.m_interruptData.m_queuedInterrupts));

    NANOCLR_NOCLEANUP();
}

HRESULT CanInjector::Stat___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    uint32_t value = 0;
    switch (stack.Arg0().NumericByRef().s4)
    {
        case 0:
            value = g_BmsGuardCanStats.Written[1];
            break;
        case 1:
            value = g_BmsGuardCanStats.Written[2];
            break;
        case 2:
            value = g_BmsGuardCanStats.RingDropped;
            break;
        case 3:
            value = g_BmsGuardCanStats.HalQueueOverwritten;
            break;
        case 4:
            value = g_BmsGuardCanStats.HalQueueMax;
            break;
        case 5:
            value = InterruptRecords();
            break;
        case 6:
            value = g_CLR_RT_GarbageCollector.m_numberOfGarbageCollections;
            break;
        case 7:
            value = g_CLR_HW_Hardware.m_interruptData.m_queuedInterrupts;
            break;
        case 8:
            value = (uint32_t)g_CLR_HW_Hardware.m_interruptData.m_HalQueue.NumberOfElements();
            break;
        case 9:
            value = g_BmsGuardCanStats.NotListening;
            break;
        case 10:
            value = g_CLR_RT_GarbageCollector.m_numberOfCompactions;
            break;
        case 11:
            value = g_CLR_RT_GarbageCollector.m_freeBytes;
            break;
        case 12:
            // free heap bytes now, counted as the garbage collector counts them but without collecting: what the
            // frames since the last collection left behind is the difference
            NANOCLR_FOREACH_NODE(CLR_RT_HeapCluster, hc, g_CLR_RT_ExecutionEngine.m_heap)
            {
                NANOCLR_FOREACH_NODE_BACKWARD(CLR_RT_HeapBlock_Node, ptrFree, hc->m_freeList)
                {
                    value += ptrFree->DataSize() * sizeof(struct CLR_RT_HeapBlock);
                }
                NANOCLR_FOREACH_NODE_BACKWARD_END();
            }
            NANOCLR_FOREACH_NODE_END();
            break;
        case 13:
            // the heap's pointer size: 4 on a board's (and the ARM build's) layout, 8 on a 64-bit host
            value = sizeof(void *);
            break;
        default:
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    stack.SetResult_I4((int32_t)value);

    NANOCLR_NOCLEANUP();
}

HRESULT CanInjector::CollectAndFreeBytes___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4((int32_t)g_CLR_RT_ExecutionEngine.PerformGarbageCollection());

    NANOCLR_NOCLEANUP_NOLABEL();
}

// A native receive path, measured before any firmware uses it (docs/device.md, "Estimate for the boards", 1):
// the next frame of a controller's receive ring into a buffer the caller keeps, with no message object and no
// properties; the frame's length comes with it. Returns -1 for an empty ring, else the identifier | extended
// << 29 | remote << 30 | length << 32. The pop runs under the global lock, as the patched GetMessage's.
HRESULT CanInjector::ReadFrame___STATIC__I8__I4__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    NF_PAL_CAN *palCan = BmsGuardCan_Pal((uint8_t)stack.Arg0().NumericByRef().s4);
    CLR_RT_HeapBlock_Array *data = stack.Arg1().DereferenceArray();
    BmsGuardCanFrame frame;
    size_t popped;
    uint32_t length;
    uint64_t packed;
    FAULT_ON_NULL(palCan);
    FAULT_ON_NULL(data);
    if (data->m_numOfElements < 8)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    popped = BmsGuardCan_Pop(palCan, &frame);

    if (popped == 0)
    {
        stack.SetResult_I8(-1);
        NANOCLR_SET_AND_LEAVE(S_OK);
    }

    length = frame.DLC > 8 ? 8 : frame.DLC;
    if (frame.RTR == 0)
    {
        memcpy(data->GetFirstElement(), frame.data8, length);
    }

    packed = (frame.IDE ? (frame.EID & 0x1FFFFFFFu) : frame.SID) | (frame.IDE ? 0x20000000u : 0u) |
             (frame.RTR ? 0x40000000u : 0u) | ((uint64_t)length << 32);
    stack.SetResult_I8((CLR_INT64)packed);

    NANOCLR_NOCLEANUP();
}

// Its transmit side: the frame as ReadFrame packs it, from the caller's buffer, counted as WriteMessage counts
// (canTransmit on the board).
HRESULT CanInjector::WriteFrame___STATIC__VOID__I4__I8__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    uint8_t controllerId = (uint8_t)stack.Arg0().NumericByRef().s4;
    uint64_t packed = (uint64_t)stack.Arg1().NumericByRef().s8;
    CLR_RT_HeapBlock_Array *data = stack.Arg2().DereferenceArray();
    BmsGuardCanFrame tx;
    FAULT_ON_NULL(data);
    if (BmsGuardCan_Pal(controllerId) == NULL || (packed >> 32) > 8 || data->m_numOfElements < (packed >> 32))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    tx.IDE = (packed & 0x20000000u) ? 1 : 0;
    tx.RTR = (packed & 0x40000000u) ? 1 : 0;
    tx.SID = tx.IDE ? 0 : (uint32_t)(packed & 0x7FFu);
    tx.EID = tx.IDE ? (uint32_t)(packed & 0x1FFFFFFFu) : 0;
    tx.DLC = (uint8_t)(packed >> 32);
    memcpy(tx.data8, data->GetFirstElement(), tx.DLC);
    g_BmsGuardCanStats.Written[controllerId]++;
    g_BmsGuardCanStats.LastWrittenId[controllerId] = tx.IDE ? tx.EID : tx.SID;

    NANOCLR_NOCLEANUP();
}

// An event with no frame behind it (CanInjector.PostEvent): posted as RxMessage posts one, inside the same
// interrupt bracket, only while the managed handler is subscribed (rxfull_cb).
HRESULT CanInjector::PostEvent___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    uint8_t controllerId = (uint8_t)stack.Arg0().NumericByRef().s4;
    NF_PAL_CAN *palCan = BmsGuardCan_Pal(controllerId);
    FAULT_ON_NULL(palCan);
    if (!palCan->Started || !palCan->RxCallback)
    {
        stack.SetResult_I4(0);
        NANOCLR_SET_AND_LEAVE(S_OK);
    }

    {
        NATIVE_INTERRUPT_START
        PostManagedEvent(EVENT_CAN, 0, controllerId, CanEvent_MessageReceived);
        NATIVE_INTERRUPT_END
    }

    stack.SetResult_I4(1);

    NANOCLR_NOCLEANUP();
}
