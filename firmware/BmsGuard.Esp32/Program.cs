using System.Device.Gpio;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Mcp2515;

namespace BmsGuard.Esp32
{
    /// <summary>Device entry point: bridge the BMS and TCU buses of the ESP32 board's two MCP2515 controllers through the gateway.</summary>
    public static class Program
    {
        private const int TickMilliseconds = 50;
        private const int ReportEveryTicks = 200;
        private const int MqttPort = 1883;

        /// <summary>Checks both controllers, starts the guard and runs its loop; frames are handled on INT events.</summary>
        public static void Main()
        {
            int line;
            string error;
            RuleTable rules = RuleTableText.Parse(ReferenceRules.Text, out line, out error);
            if (rules == null)
            {
                System.Console.WriteLine("rule table error at line " + line.ToString() + ": " + error);
                return;
            }

            Esp32Mcp2515Board.AssignPins();
            GpioController gpio = new GpioController();
            Mcp2515Controller bms = Esp32Mcp2515Board.Open(gpio, Esp32Mcp2515Board.BmsController, Esp32Mcp2515Board.BmsChipSelect, Esp32Mcp2515Board.BmsInterrupt);
            Mcp2515Controller tcu = Esp32Mcp2515Board.Open(gpio, Esp32Mcp2515Board.TcuController, Esp32Mcp2515Board.TcuChipSelect, Esp32Mcp2515Board.TcuInterrupt);
            Mcp2515Frame scratch = new Mcp2515Frame();
            int bmsCheck = Esp32Mcp2515Board.Start(bms, false, scratch);
            int tcuCheck = Esp32Mcp2515Board.Start(tcu, false, scratch);
            System.Console.WriteLine(bms.Name + " self-test: " + Mcp2515SelfTest.Describe(bmsCheck));
            System.Console.WriteLine(tcu.Name + " self-test: " + Mcp2515SelfTest.Describe(tcuCheck));
            if (bmsCheck != Mcp2515SelfTest.Passed || tcuCheck != Mcp2515SelfTest.Passed)
            {
                // Fail closed: a controller that failed stays off the bus, and nothing is bridged.
                while (true)
                {
                    Thread.Sleep(1000);
                }
            }

            SystemClock clock = new SystemClock();
            Mcp2515Node node = new Mcp2515Node(rules, clock, bms, tcu, GuardFiles.At(Esp32Mcp2515Board.StoragePrefix), false);
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

            // Signed commands are judged against the wall clock, set by SNTP over Wi-Fi from the policy's servers.
            TimeSource time = new TimeSource();
            int ticks = 0;
            while (true)
            {
                if (time.Apply(node.Guard.Telemetry.Store.Active))
                {
                    System.Console.WriteLine(time.Status);
                }

                // INT edges drive the bridge; the poll catches an INT that was already low.
                node.Bridge.Poll();
                node.Tick(clock.NowMicros);
                if (++ticks == ReportEveryTicks)
                {
                    ticks = 0;
                    System.Console.WriteLine(bms.Name + ": " + bms.Errors.Describe());
                    System.Console.WriteLine(tcu.Name + ": " + tcu.Errors.Describe());
                }

                Thread.Sleep(TickMilliseconds);
            }
        }

        // As on the Nucleo board: telemetry goes only to the first broker of the owner's signed policy.
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
