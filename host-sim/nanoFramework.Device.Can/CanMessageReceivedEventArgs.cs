namespace nanoFramework.Device.Can
{
    /// <summary>
    /// Provides data for the <see cref="CanController.MessageReceived"/> event. Like the real one it
    /// carries nothing public: read frames with <see cref="CanController.GetMessage"/>.
    /// </summary>
    public class CanMessageReceivedEventArgs
    {
        internal CanMessageReceivedEventArgs()
        {
        }
    }
}
