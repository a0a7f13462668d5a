using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Faults;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.Device
{
    /// <summary>
    /// The device's Program.Main, whatever the board: parse the built-in rules, open the board's controllers,
    /// start the guard, connect the uplink and run the loop (<see cref="GuardLoop"/>) with its stall watch. Frames
    /// themselves are handled on the controllers' events.
    /// </summary>
    public static class GuardBoot
    {
        private const int MqttPort = 1883;

        // A boot that threw is tried again after this long: a fault a restart does not cure costs a restart a minute.
        private const int BootRetrySeconds = 60;

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
            GatewayNode node;
            try
            {
                node = Start(rules, clock, bridge, board);
            }
            catch (System.Exception)
            {
                // Uncaught, the program would end and the board wait for a debugger until its power is cycled. The bridge
                // may be attached to a gateway without its guard (no telemetry policy, no command guard): close it first.
                BootFailed(bridge, board);
                return;
            }

            GuardLoop loop = new GuardLoop(board, node, clock, new LoopFaults(), new StallWatch());
            new Thread(new ThreadStart(loop.Watch)).Start();
            loop.Run();
        }

        private static void BootFailed(IBusBridge bridge, IGuardBoard board)
        {
            try
            {
                bridge.Close();
                System.Console.WriteLine("boot failed: off the bus, restarting in " + BootRetrySeconds.ToString() + " s");
            }
            catch (System.Exception)
            {
                // Closing or printing failed as well; the restart below still comes.
            }

            Thread.Sleep(BootRetrySeconds * 1000);
            board.Restart();
        }

        private static GatewayNode Start(RuleTable rules, SystemClock clock, IBusBridge bridge, IGuardBoard board)
        {
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

            return node;
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
