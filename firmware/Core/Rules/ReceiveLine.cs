using System.Text;
using BmsGuard.Core.Text;

namespace BmsGuard.Core
{
    /// <summary>
    /// The <c>receive</c> line of a rule table: a port's receive budget (<see cref="ReceiveBudget"/>).
    /// <c>receive tcu frames=100 per=100ms pause=1s</c>; <c>frames=0</c> sets no limit; <c>per=</c> and
    /// <c>pause=</c> default to 100 ms and 1 s. At most one line per port.
    /// </summary>
    internal static class ReceiveLine
    {
        /// <summary>Most frames a window may allow: more than a 1 Mbit/s bus carries in a minute.</summary>
        internal const int MaxFrames = 9999999;

        /// <summary>Sets the budget of the reader's current <c>receive</c> line on <paramref name="table"/>; false after failing the line.</summary>
        internal static bool Parse(TableReader r, RuleTable table, bool[] seen)
        {
            string side = r.Word(1);
            int port = side == "bms" ? (int)GatewayPort.Bms : side == "tcu" ? (int)GatewayPort.Tcu : -1;
            if (port < 0)
            {
                return r.Fail("expected 'receive bms' or 'receive tcu', found " + TableValues.Quote("receive " + side));
            }

            if (seen[port])
            {
                return r.Fail("a second receive line for " + side);
            }

            long frames;
            long per;
            long pause;
            r.Options(2);
            string text = r.Required("frames");
            if (text == null
                || (!TableValues.TryParseDigits(text, 7, out frames) && r.Bad("frames", "0 (no limit) to " + MaxFrames.ToString() + " frames"))
                || !r.Duration("per", false, out per) || !r.Duration("pause", false, out pause) || !r.NoneLeft())
            {
                return false;
            }

            seen[port] = true;
            table.SetReceive(
                (GatewayPort)port,
                (int)frames,
                per > 0 ? per : ReceiveBudget.DefaultWindowMicros,
                pause > 0 ? pause : ReceiveBudget.DefaultPauseMicros);
            return true;
        }

        /// <summary>Appends the <c>receive</c> line of <paramref name="port"/> when the table differs from the default for it.</summary>
        internal static void Print(StringBuilder sb, RuleTable table, GatewayPort port)
        {
            int frames = table.ReceiveFrames(port);
            long per = table.ReceiveWindowMicros(port);
            long pause = table.ReceivePauseMicros(port);
            if (frames == ReceiveBudget.DefaultFrames(port) && per == ReceiveBudget.DefaultWindowMicros && pause == ReceiveBudget.DefaultPauseMicros)
            {
                return;
            }

            sb.Append("receive ");
            sb.Append(port == GatewayPort.Bms ? "bms" : "tcu");
            sb.Append(" frames=");
            sb.Append(frames.ToString());
            sb.Append(" per=");
            sb.Append(TableValues.FormatDuration(per));
            sb.Append(" pause=");
            sb.Append(TableValues.FormatDuration(pause));
            sb.Append('\n');
        }
    }
}
