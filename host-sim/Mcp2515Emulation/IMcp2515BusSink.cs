using System;

namespace BmsGuard.Emulation
{
    /// <summary>Receives the frames an emulated MCP2515 sends on its bus.</summary>
    public interface IMcp2515BusSink
    {
        /// <summary>A frame left <paramref name="chip"/>; <paramref name="data"/> is valid only during the call.</summary>
        void OnTransmit(Mcp2515Chip chip, uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc);
    }
}
