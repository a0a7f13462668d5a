using BmsGuard.Emulation;
using nanoFramework.Device.Can;
using Xunit;

namespace BmsGuard.Tests.Emulation;

/// <summary>The host stand-in behaves like nanoFramework's CanController where the firmware depends on it.</summary>
public class EmulatedCanControllerTests
{
    private sealed class Recorder : ICanTransmitSink
    {
        public List<(string Controller, CanMessage Message)> Sent { get; } = [];

        public void OnTransmit(string controllerId, CanMessage message) =>
            Sent.Add((controllerId, new CanMessage(message.Id, message.IdentifierType, message.FrameType, (byte[])message.Message.Clone())));
    }

    [Fact]
    public void FromId_needs_a_known_controller_and_refuses_a_second_open()
    {
        using var board = new EmulatedBoard();
        board.AddController("CAN1", null!);
        board.Activate();
        var settings = new CanSettings(6, 15, 2, 0);
        using var can1 = CanController.FromId("CAN1", settings);
        Assert.Equal("CAN1", can1.ControllerId);
        Assert.Throws<ArgumentException>(() => CanController.FromId("CAN1", settings));
        Assert.Throws<ArgumentException>(() => CanController.FromId("CAN3", settings));
    }

    [Fact]
    public void Received_frames_raise_the_event_and_are_read_until_null()
    {
        using var board = new EmulatedBoard();
        var port = board.AddController("CAN1", null!, receiveBufferFrames: 2);
        board.Activate();
        using var can = CanController.FromId("CAN1", new CanSettings(CanBitTiming._500kBaud));
        int events = 0;
        can.MessageReceived += (s, e) => events++;
        Assert.Null(can.GetMessage());
        Assert.True(port.Receive(new CanMessage(1, CanMessageIdType.SID, CanMessageFrameType.Data, [1])));
        Assert.True(port.Receive(new CanMessage(2, CanMessageIdType.SID, CanMessageFrameType.Data, [2])));
        Assert.False(port.Receive(new CanMessage(3, CanMessageIdType.SID, CanMessageFrameType.Data, [3])));
        Assert.Equal(1, port.Overruns);
        Assert.Equal(2, events);
        var first = can.GetMessage()!;
        Assert.Equal(1u, first.Id);
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, first.Message); // 8 bytes, as the STM32 driver returns
        Assert.Equal(2u, can.GetMessage()!.Id);
        Assert.Null(can.GetMessage());
    }

    [Fact]
    public void A_reused_receive_slot_pads_a_shorter_frame_with_zeros_not_the_last_frames_bytes()
    {
        using var board = new EmulatedBoard();
        var port = board.AddController("CAN1", null!, receiveBufferFrames: 1);
        board.Activate();
        using var can = CanController.FromId("CAN1", new CanSettings(CanBitTiming._500kBaud));
        Assert.True(port.Receive(0x100, false, false, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 8));
        Assert.NotNull(can.GetMessage());

        // The same slot, now with 2 bytes: the stock STM32 driver's 8 bytes, the rest zero.
        Assert.True(port.Receive(0x101, false, false, new byte[] { 0x12, 0x34 }, 2));
        Assert.Equal(new byte[] { 0x12, 0x34, 0, 0, 0, 0, 0, 0 }, can.GetMessage().Message);

        // A remote frame carries no data: all 8 bytes zero.
        Assert.True(port.Receive(0x102, false, true, default, 4));
        Assert.Equal(new byte[8], can.GetMessage().Message);

        port.PadsPayloadTo8 = false;
        Assert.True(port.Receive(0x103, false, false, new byte[] { 0xAB }, 1));
        Assert.Equal(new byte[] { 0xAB }, can.GetMessage().Message);
    }

    [Fact]
    public void WriteMessage_copies_the_payload_and_rejects_more_than_8_bytes()
    {
        var sink = new Recorder();
        using var board = new EmulatedBoard();
        board.AddController("CAN2", sink);
        board.Activate();
        using var can = CanController.FromId("CAN2", new CanSettings(6, 15, 2, 0));
        byte[] data = [0xAA, 0xBB];
        can.WriteMessage(new CanMessage(0x18FF50E5, CanMessageIdType.EID, CanMessageFrameType.Data, data));
        data[0] = 0;
        var (controller, sent) = Assert.Single(sink.Sent);
        Assert.Equal("CAN2", controller);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, sent.Message);
        Assert.Equal(CanMessageIdType.EID, sent.IdentifierType);
        Assert.Throws<ArgumentOutOfRangeException>(() => can.WriteMessage(new CanMessage(1, CanMessageIdType.SID, CanMessageFrameType.Data, new byte[9])));
    }

    [Fact]
    public void Disposed_controller_frees_its_id_and_stops_events()
    {
        using var board = new EmulatedBoard();
        var port = board.AddController("CAN1", null!);
        board.Activate();
        var can = CanController.FromId("CAN1", new CanSettings(6, 15, 2, 0));
        can.Dispose();
        Assert.False(port.Receive(new CanMessage(1, CanMessageIdType.SID, CanMessageFrameType.Data, [1])));
        Assert.Throws<ObjectDisposedException>(() => can.GetMessage());
        using var again = CanController.FromId("CAN1", new CanSettings(6, 15, 2, 0));
        Assert.NotNull(again);
    }
}
