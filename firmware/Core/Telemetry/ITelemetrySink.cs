namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Receives what the policy lets leave the vehicle, from <see cref="TelemetrySanitizer"/>. Called on the
    /// frame path: implementations must not block and should not allocate.
    /// </summary>
    public interface ITelemetrySink
    {
        /// <summary>
        /// A sample of signal <paramref name="signal"/> (index into <see cref="TelemetryPolicy.Signal"/>), in
        /// units of 10^-Decimals of that signal, for the time <paramref name="timeMicros"/> it describes (an
        /// observation, a window's end, or a delayed observation's original time).
        /// </summary>
        void Sample(int signal, long valueUnits, long timeMicros);

        /// <summary>
        /// A pseudonym of identifier <paramref name="signal"/> (index into <see cref="TelemetryPolicy.Identifier"/>):
        /// <paramref name="len"/> bytes of <paramref name="pseudonym"/>, valid only during the call.
        /// </summary>
        void Identifier(int signal, byte[] pseudonym, int len, long timeMicros);
    }
}
