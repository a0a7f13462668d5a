using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.Device
{
    /// <summary>
    /// The device's Program.Main, whatever the board: parse the built-in rules, open the board's controllers,
    /// start the guard, connect the uplink and run the loop (time, poll, tick, status). Frames themselves are
    /// handled on the controllers' events.
    /// </summary>
    public static class GuardBoot
    {
        private const int TickMilliseconds = 50;
        private const int StatusEveryTicks = 200;
        private const int MqttPort = 1883;

        /// <summary>Runs the guard on <paramref name="board"/>; returns only when the built-in rule table is bad.</summary>
        public static void Run(IGuardBoard board)
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

            IBusBridge bridge = board.OpenBridge();
            if (bridge == null)
            {
                // Fail closed: a controller that failed its check stays off the bus, and nothing is bridged.
                while (true)
                {
                    Thread.Sleep(1000);
                }
            }

            SystemClock clock = new SystemClock();
            GatewayNode node = new GatewayNode(rules, clock, bridge, board.Files(), false);
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

            // Signed commands are judged against the wall clock: until SNTP has set it from a time server
            // the owner's policy lists, every command is "not yet valid" and denied.
            TimeSource time = new TimeSource();
            int ticks = 0;
            while (true)
            {
                if (time.Apply(node.Guard.Telemetry.Store.Active))
                {
                    System.Console.WriteLine(time.Status);
                }

                // Events drive the bridge; the poll catches frames that arrived before subscription.
                node.Bridge.Poll();
                node.Tick(clock.NowMicros);
                if (++ticks == StatusEveryTicks)
                {
                    ticks = 0;
                    board.PrintStatus();
                }

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
