using nanoFramework.Device.Can;

namespace BmsGuard.Emulation
{
    /// <summary>Receives the frames an emulated controller writes to its bus.</summary>
    public interface ICanTransmitSink
    {
        /// <summary>
        /// Called for every <c>WriteMessage</c> with a copy of the message that is valid only during the
        /// call (the emulator reuses it): copy what you keep.
        /// </summary>
        void OnTransmit(string controllerId, CanMessage message);
    }
}
