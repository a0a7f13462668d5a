using BmsGuard.Core;

namespace BmsGuard.Device
{
    /// <summary>
    /// A board's two CAN controllers as the guard sees them: the bridge decides every frame received on
    /// either bus through the gateway and forwards what passes, and the guard's own frames go out through it
    /// (<see cref="IFrameOutbox"/>). Native controllers (CanBridge) and MCP2515s over SPI (Mcp2515Bridge) implement it.
    /// </summary>
    public interface IBusBridge : IFrameOutbox
    {
        /// <summary>
        /// Starts bridging: from now on every received frame is decided by <paramref name="gateway"/> at
        /// <paramref name="clock"/>'s time while holding <paramref name="gate"/> (null: one thread drives the guard, no gate is taken).
        /// </summary>
        void Attach(Gateway gateway, IClock clock, object gate);

        /// <summary>Drains both controllers, except a paused port's; for polling loops and for frames that raced the receive event.</summary>
        void Poll();

        /// <summary>
        /// Reads again a port whose receive pause (<see cref="Gateway.Budget"/>) has ended at <paramref name="nowMicros"/>,
        /// after dropping, counted, what its controller still held. Called holding the gate, from the main loop.
        /// </summary>
        void Resume(long nowMicros);

        /// <summary>Stops bridging and releases what the board opened for it.</summary>
        void Close();

        /// <summary>
        /// The last exception a drain caught since the last call, or null; clears it. With a gate, a drain that throws
        /// (reading or deciding a frame) counts the frame as <see cref="Verdict.ReceiveFault"/> and ends, and the rest of
        /// the controller's frames wait for the next event or poll. Without one (the emulator) the exception reaches
        /// the caller. Call holding the gate.
        /// </summary>
        System.Exception TakeFault();
    }
}
