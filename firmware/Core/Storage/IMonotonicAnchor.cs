namespace BmsGuard.Core.Storage
{
    /// <summary>
    /// A small counter that cannot be rolled back together with the file system (on the STM32 an RTC
    /// backup register or OTP word; in the emulator a separate file). The guard compares its state
    /// files' generation against it to detect a restored (rolled-back) storage image.
    /// </summary>
    public interface IMonotonicAnchor
    {
        /// <summary>The current value (0 on a new board).</summary>
        uint Read();

        /// <summary>Raises the value; implementations ignore a value lower than the current one.</summary>
        void Advance(uint value);
    }
}
