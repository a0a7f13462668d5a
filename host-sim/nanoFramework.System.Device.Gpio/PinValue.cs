namespace System.Device.Gpio
{
    /// <summary>A pin level, Low or High (same shape as nanoFramework's PinValue).</summary>
    public readonly struct PinValue : IEquatable<PinValue>
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        /// <summary>High (1).</summary>
        public static PinValue High => new PinValue(1);

        /// <summary>Low (0).</summary>
        public static PinValue Low => new PinValue(0);

        /// <summary>0 is Low, anything else High.</summary>
        public static implicit operator PinValue(int value) => value == 0 ? Low : High;

        /// <summary>false is Low, true High.</summary>
        public static implicit operator PinValue(bool value) => value ? High : Low;

        /// <summary>0 or 1.</summary>
        public static explicit operator byte(PinValue value) => value._value;

        /// <summary>0 or 1.</summary>
        public static explicit operator int(PinValue value) => value._value;

        /// <summary>High is true.</summary>
        public static explicit operator bool(PinValue value) => value._value != 0;

        /// <summary>Same level.</summary>
        public bool Equals(PinValue other) => other._value == _value;

        /// <inheritdoc />
        public override bool Equals(object obj) => obj is PinValue other && Equals(other);

        /// <summary>Same level.</summary>
        public static bool operator ==(PinValue a, PinValue b) => a.Equals(b);

        /// <summary>Different levels.</summary>
        public static bool operator !=(PinValue a, PinValue b) => !a.Equals(b);

        /// <inheritdoc />
        public override int GetHashCode() => _value.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => _value == 0 ? "Low" : "High";
    }
}
