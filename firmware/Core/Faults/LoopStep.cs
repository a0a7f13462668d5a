namespace BmsGuard.Core.Faults
{
    /// <summary>The steps of the device's main loop, in the order it runs them. Values are stored in audit records: never renumber.</summary>
    public static class LoopStep
    {
        /// <summary>The wall clock from SNTP.</summary>
        public const int Time = 0;

        /// <summary>Frames that raced the receive event.</summary>
        public const int Poll = 1;

        /// <summary>The guard's periodic work: telemetry, the uplink, receive pauses.</summary>
        public const int Tick = 2;

        /// <summary>The board's status line.</summary>
        public const int Status = 3;

        /// <summary>A receive event's drain caught an exception since the last pass (<see cref="Verdict.ReceiveFault"/>).</summary>
        public const int Receive = 4;

        /// <summary>Number of steps; counters are indexed by the step value.</summary>
        public const int Count = 5;

        private static readonly string[] Names = new string[] { "time", "poll", "tick", "status", "receive" };

        /// <summary>Printable name of a step ("step-N" for unknown values).</summary>
        public static string Name(int step)
        {
            return step >= 0 && step < Count ? Names[step] : "step-" + step.ToString();
        }
    }
}
