namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// What the policy does with one signal's values: the <see cref="TelemetryAction"/> and its parameters.
    /// A step (quantization) may accompany every action that emits values; a minimum interval may gate
    /// forward, quantize, downsample and delay. Times are in microseconds, the step in the signal's units.
    /// </summary>
    public sealed class SignalTreatment
    {
        /// <summary>Most samples a delayed signal may hold back.</summary>
        public const int MaxDelaySlots = 64;

        /// <summary>One of <see cref="TelemetryAction"/>.</summary>
        public readonly int Action;

        /// <summary>Quantization step in the signal's units; 0 keeps full resolution.</summary>
        public readonly long StepUnits;

        /// <summary>Minimum interval between accepted observations; 0 accepts every one.</summary>
        public readonly long EveryMicros;

        /// <summary>Aggregate window length.</summary>
        public readonly long WindowMicros;

        /// <summary>Aggregate function, one of <see cref="AggregateFunction"/>.</summary>
        public readonly int Function;

        /// <summary>How long a delayed sample is held back.</summary>
        public readonly long DelayMicros;

        /// <summary>Ring size of a delayed signal: observations arriving while it is full are dropped.</summary>
        public readonly int DelaySlots;

        /// <summary>Index of the identifier this signal is part of (action <see cref="TelemetryAction.Identifier"/>), else -1.</summary>
        public readonly int Identifier;

        /// <summary>Position of this signal among its identifier's parts (0 = first, most significant bytes).</summary>
        public readonly int Part;

        /// <summary>Creates a treatment; see <see cref="Check"/>.</summary>
        /// <exception cref="System.ArgumentException">The parameters do not fit the action.</exception>
        public SignalTreatment(int action, long stepUnits, long everyMicros, long windowMicros, int function,
            long delayMicros, int delaySlots, int identifier, int part)
        {
            if (Check(action, stepUnits, everyMicros, windowMicros, function, delayMicros, delaySlots, identifier, part) != null)
            {
                throw new System.ArgumentException();
            }

            Action = action;
            StepUnits = stepUnits;
            EveryMicros = everyMicros;
            WindowMicros = windowMicros;
            Function = function;
            DelayMicros = delayMicros;
            DelaySlots = delaySlots;
            Identifier = identifier;
            Part = part;
        }

        /// <summary>A treatment with only an action (forward, drop).</summary>
        public static SignalTreatment Of(int action)
        {
            return new SignalTreatment(action, 0, 0, 0, 0, 0, 0, -1, 0);
        }

        /// <summary>Why these parameters do not fit the action, or null when they do.</summary>
        public static string Check(int action, long stepUnits, long everyMicros, long windowMicros, int function,
            long delayMicros, int delaySlots, int identifier, int part)
        {
            if (action < 0 || action >= TelemetryAction.Count)
            {
                return "unknown action";
            }

            if (stepUnits < 0 || everyMicros < 0 || windowMicros < 0 || delayMicros < 0)
            {
                return "step and times must not be negative";
            }

            bool valued = action != TelemetryAction.Drop && action != TelemetryAction.Identifier;
            if (!valued && (stepUnits != 0 || everyMicros != 0))
            {
                return "step and every apply only to signals that leave";
            }

            if (action == TelemetryAction.Quantize && stepUnits == 0)
            {
                return "quantize needs a step";
            }

            if (action == TelemetryAction.Downsample && everyMicros == 0)
            {
                return "downsample needs every (the minimum interval)";
            }

            if (action == TelemetryAction.Downsample && stepUnits != 0)
            {
                return "downsample takes no step (quantize with step and every does both)";
            }

            if (action == TelemetryAction.Aggregate)
            {
                if (windowMicros == 0 || function < 0 || function >= AggregateFunction.Count)
                {
                    return "aggregate needs a window and a function (min, max, mean, last)";
                }

                if (everyMicros != 0)
                {
                    return "aggregate emits once per window: every does not apply";
                }
            }
            else if (windowMicros != 0 || function != 0)
            {
                return "window and function apply only to aggregate";
            }

            if (action == TelemetryAction.Delay)
            {
                if (delayMicros == 0 || delaySlots < 1 || delaySlots > MaxDelaySlots)
                {
                    return "delay needs a time and 1..64 slots";
                }
            }
            else if (delayMicros != 0 || delaySlots != 0)
            {
                return "a delay time and slots apply only to delay";
            }

            if ((action == TelemetryAction.Identifier) != (identifier >= 0) || part < 0 || (identifier < 0 && part != 0))
            {
                return "identifier parts need their identifier and position";
            }

            return null;
        }
    }
}
