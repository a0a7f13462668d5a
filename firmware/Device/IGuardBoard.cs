namespace BmsGuard.Device
{
    /// <summary>What a board gives <see cref="GuardBoot"/>: its controllers, where its files live, its own status lines, its reset.</summary>
    public interface IGuardBoard
    {
        /// <summary>Where the guard keeps its files on this board.</summary>
        GuardFiles Files();

        /// <summary>
        /// Opens and checks both controllers and returns them unattached; null when a check failed (the
        /// board has printed why and left its controllers off the bus), and then nothing is bridged.
        /// </summary>
        IBusBridge OpenBridge();

        /// <summary>Prints the board's periodic status (controller error counters), if it has any.</summary>
        void PrintStatus();

        /// <summary>
        /// Resets the device, as after power-on (the main loop's answer to an exhausted heap or a stall, <see cref="GuardLoop"/>).
        /// Does not return on a board.
        /// </summary>
        void Restart();
    }
}
