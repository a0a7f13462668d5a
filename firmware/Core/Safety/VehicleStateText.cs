using System.Text;
using BmsGuard.Core.Text;

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
            StringBuilder sb = LargeText.Builder();
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
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                SignalTap tap = SignalTapLine.Parse(r);
                if (tap != null)
                {
                    taps[count++] = tap;

                    // Checked per line so the error names the line that breaks a limit.
                    r.Check(VehicleState.LimitError(taps, count));
                }
            }

            return r.End(out errorLine, out error) ? VehicleState.Build(taps, count) : null;
        }
    }
}
