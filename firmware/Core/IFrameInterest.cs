namespace BmsGuard.Core
{
    /// <summary>
    /// Which frames a per-frame part reads. A <see cref="Gateway"/> asks once, when the part is plugged in,
    /// for every standard id, and then calls the part only for those (and for every extended id): on
    /// nanoFramework's interpreter a call that finds nothing to do still costs about a microsecond.
    /// </summary>
    public interface IFrameInterest
    {
        /// <summary>Whether frames with this id must reach the part; the answer must not change while it is plugged in.</summary>
        bool Reads(uint id, bool extended);
    }
}
