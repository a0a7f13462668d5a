using BmsGuard.Device;

namespace BmsGuard.Firmware
{
    /// <summary>Device entry point: the guard on the NUCLEO-F767ZI's two native CAN controllers.</summary>
    public static class Program
    {
        /// <summary>Starts the guard and runs its loop; frames are handled on CAN events.</summary>
        public static void Main()
        {
            GuardBoot.Run(new NucleoF767ZiBoard());
        }
    }
}
