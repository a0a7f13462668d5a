namespace BmsGuard.Core
{
    /// <summary>
    /// Which frames a per-frame part reads. A <see cref="Gateway"/> asks once, when the part is plugged in,
    /// for every standard id, and for an extended id when it first comes (again after 15 other extended
    /// ids since), and then calls the part only for those: on nanoFramework's interpreter a call that
    /// finds nothing to do still costs about a microsecond.
    /// </summary>
    public interface IFrameInterest
    {
        /// <summary>Whether frames with this id must reach the part; the answer must not change while it is plugged in.</summary>
        bool Reads(uint id, bool extended);
    }
}
