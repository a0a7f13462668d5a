using nanoFramework.Device.Can;

namespace BmsGuard.Emulation
{
    /// <summary>Receives the frames an emulated controller writes to its bus.</summary>
    public interface ICanTransmitSink
    {
        /// <summary>Called for every <c>WriteMessage</c>; the message is a private copy.</summary>
        void OnTransmit(string controllerId, CanMessage message);
    }
}
