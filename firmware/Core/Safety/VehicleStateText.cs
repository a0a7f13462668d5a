using System.Text;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// The printable form of a <see cref="VehicleState"/>'s taps, one <c>signal</c> line each (syntax in
    /// <see cref="SignalTapLine"/>). Printing and parsing the print gives the same taps in the same order.
    /// </summary>
    public static class VehicleStateText
    {
        /// <summary>Prints every tap in the syntax <see cref="Parse"/> accepts.</summary>
        public static string Print(VehicleState state)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("# bmsguard vehicle state: signals tapped from the bus for the safety interlocks\n");
            for (int i = 0; i < state.TapCount; i++)
            {
                sb.Append(SignalTapLine.Print(state.Tap(i)));
                sb.Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>
        /// Parses signal lines into a state. Returns null on the first error, with <paramref name="errorLine"/>
        /// (1-based) and <paramref name="error"/> saying why.
        /// </summary>
        public static VehicleState Parse(string text, out int errorLine, out string error)
        {
            SignalTap[] taps = new SignalTap[VehicleState.MaxTaps + 1];
            int count = 0;
            errorLine = 0;
            error = null;
            TextLines lines = new TextLines(text);
            while (lines.Next())
            {
                SignalTap tap = SignalTapLine.Parse(lines.Tokens, out error);
                if (tap != null)
                {
                    taps[count++] = tap;

                    // Checked per line so the error names the line that breaks a limit.
                    error = VehicleState.LimitError(taps, count);
                }

                if (error != null)
                {
                    errorLine = lines.Line;
                    return null;
                }
            }

            return VehicleState.Build(taps, count);
        }
    }
}
