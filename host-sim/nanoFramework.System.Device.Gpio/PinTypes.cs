namespace System.Device.Gpio
{
    /// <summary>Pin modes (same members and order as nanoFramework's PinMode).</summary>
    public enum PinMode
    {
        /// <summary>Input.</summary>
        Input,
        /// <summary>Input with pull-down.</summary>
        InputPullDown,
        /// <summary>Input with pull-up.</summary>
        InputPullUp,
        /// <summary>Output.</summary>
        Output,
        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,
        /// <summary>Open-drain output with pull-up.</summary>
        OutputOpenDrainPullUp,
        /// <summary>Open-source output.</summary>
        OutputOpenSource,
        /// <summary>Open-source output with pull-down.</summary>
        OutputOpenSourcePullDown,
    }

    /// <summary>Edges (same values as nanoFramework's PinEventTypes).</summary>
    [Flags]
    public enum PinEventTypes
    {
        /// <summary>No edge.</summary>
        None = 0,
        /// <summary>Low to high.</summary>
        Rising = 1,
        /// <summary>High to low.</summary>
        Falling = 2,
    }

    /// <summary>Handler for <see cref="GpioPin.ValueChanged"/>.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    /// <summary>An edge on a pin (nanoFramework's derives from Runtime.Events' BaseEvent; nothing here uses that).</summary>
    public class PinValueChangedEventArgs : EventArgs
    {
        /// <summary>Creates the arguments.</summary>
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            ChangeType = changeType;
            PinNumber = pinNumber;
        }

        /// <summary>The edge.</summary>
        public PinEventTypes ChangeType { get; }

        /// <summary>The pin.</summary>
        public int PinNumber { get; }
    }
}
