using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;

namespace BmsGuard.Firmware
{
    /// <summary>Device entry point: bridge the BMS and TCU buses of the NUCLEO-F767ZI through the gateway.</summary>
    public static class Program
    {
        /// <summary>Starts the guard and parks the main thread; frames are handled on CAN events.</summary>
        public static void Main()
        {
            int line;
            string error;
            RuleTable rules = RuleTableText.Parse(ReferenceRules.Text, out line, out error);
            if (rules == null)
            {
                // The built-in table is checked by the test suite; a failure here means a bad build.
                System.Console.WriteLine("rule table error at line " + line.ToString() + ": " + error);
                return;
            }

            GatewayNode node = new GatewayNode(
                rules,
                new SystemClock(),
                NucleoF767ZiBoard.BmsController,
                NucleoF767ZiBoard.TcuController,
                NucleoF767ZiBoard.Settings500k(),
                GuardFiles.At(NucleoF767ZiBoard.StoragePrefix));

            System.Console.WriteLine("BMS Guard running: " + rules.Count.ToString() + " rules, "
                + (node.Guard.Identity == null ? "unprovisioned (no command passes)" : node.Guard.Keys.Count.ToString() + " keys"));
            while (true)
            {
                // Events drive the bridge; the poll catches frames that arrived before subscription.
                node.Bridge.Poll();
                Thread.Sleep(1000);
            }
        }
    }
}
