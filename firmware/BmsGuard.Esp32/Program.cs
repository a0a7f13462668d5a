using BmsGuard.Device;

namespace BmsGuard.Esp32
{
    /// <summary>Device entry point: the guard on the ESP32 board's two MCP2515 controllers.</summary>
    public static class Program
    {
        /// <summary>Checks both controllers, starts the guard and runs its loop; frames are handled on INT events.</summary>
        public static void Main()
        {
            GuardBoot.Run(new Esp32Mcp2515Board());
        }
    }
}
