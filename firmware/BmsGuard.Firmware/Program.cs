using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;

namespace BmsGuard.Firmware
{
    /// <summary>Device entry point: bridge the BMS and TCU buses of the NUCLEO-F767ZI through the gateway.</summary>
    public static class Program
    {
        private const int TickMilliseconds = 50;
        private const int MqttPort = 1883;

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

            SystemClock clock = new SystemClock();
            GatewayNode node = new GatewayNode(
                rules,
                clock,
                NucleoF767ZiBoard.BmsController,
                NucleoF767ZiBoard.TcuController,
                NucleoF767ZiBoard.Settings500k(),
                GuardFiles.At(NucleoF767ZiBoard.StoragePrefix));

            System.Console.WriteLine("BMS Guard running: " + rules.Count.ToString() + " rules, "
                + (node.Guard.Identity == null ? "unprovisioned (no command passes)" : node.Guard.Keys.Count.ToString() + " keys"));
            Monitor.Enter(node.Gate);
            try
            {
                ConnectUplink(node.Guard.Telemetry);
            }
            finally
            {
                Monitor.Exit(node.Gate);
            }

            // Signed commands are judged against the wall clock: until SNTP (over the Ethernet port) has set
            // it from a time server the owner's policy lists, every command is "not yet valid" and denied.
            TimeSource time = new TimeSource();
            while (true)
            {
                if (time.Apply(node.Guard.Telemetry.Store.Active))
                {
                    System.Console.WriteLine(time.Status);
                }

                // Events drive the bridge; the poll catches frames that arrived before subscription.
                node.Bridge.Poll();
                node.Tick(clock.NowMicros);
                Thread.Sleep(TickMilliseconds);
            }
        }

        // Telemetry goes only to the first broker of the owner's signed policy; without a policy, nowhere.
        private static void ConnectUplink(GuardTelemetry telemetry)
        {
            TelemetryPolicy policy = telemetry.Store.Active;
            if (policy == null || policy.BrokerCount == 0)
            {
                System.Console.WriteLine("telemetry: no policy, nothing is published");
                return;
            }

            string host = policy.Broker(0);
            MqttUplinkTransport transport = new MqttUplinkTransport(
                host,
                MqttPort,
                "bmsguard",
                GuardTelemetry.CommandTopic(policy.TopicPrefix),
                telemetry,
                60);
            telemetry.Connect(transport, host);
        }
    }
}
