using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The command policy: the shipped rows, its text form round trip, and parse errors with line numbers.</summary>
    [TestClass]
    public class CommandPolicyTests
    {
        private const int OwnerFleet = (1 << Role.Owner) | (1 << Role.Fleet);
        private const int Any = OwnerFleet | (1 << Role.Workshop) | (1 << Role.BatteryMaker);

        [TestMethod]
        public void DefaultPolicyRows()
        {
            CommandPolicy p = CommandPolicy.Default();
            AssertRow(p, CommandType.SetChargeTarget, OwnerFleet, 1, 0);
            AssertRow(p, CommandType.EnableCharging, OwnerFleet, 1, 0);
            AssertRow(p, CommandType.DisableCharging, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.OpenContactors, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.SetCurrentLimits, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.SetCellVoltageLimits, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.OpenMaintenanceWindow, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.OpenFlashingWindow, Any, 2, OwnerFleet);
            AssertRow(p, CommandType.CloseMaintenanceWindow, Any, 1, 0);
            AssertRow(p, CommandType.ProvisionKey, OwnerFleet, 1, 0);
            AssertRow(p, CommandType.RotateKey, OwnerFleet, 1, 0);
            AssertRow(p, CommandType.RevokeKey, OwnerFleet, 1, 0);
            Assert.AreEqual(3600u, p.MaxLifetimeSeconds);
            Assert.AreEqual(120u, p.ClockSkewSeconds);
        }

        [TestMethod]
        public void PrintParsesBackToTheSamePolicy()
        {
            CommandPolicy p = CommandPolicy.Default();
            p.SetLifetime(600, 30);
            string text = CommandPolicyText.Print(p);
            Assert.Contains("command open-contactors roles=owner,fleet,workshop,battery-maker threshold=2 needs=owner,fleet", text);
            Assert.Contains("lifetime max=600s skew=30s", text);
            CommandPolicy back = Parse(text);
            Assert.AreEqual(text, CommandPolicyText.Print(back));
            for (int t = 0; t < CommandPolicy.Rows; t++)
            {
                AssertRow(back, t, p.RoleMask(t), p.Threshold(t), p.NeedsMask(t));
            }
        }

        [TestMethod]
        public void CountersArePrintedAsComments()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, CommandFixture.Owner));
            f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, CommandFixture.Owner, CommandFixture.Fleet));
            string text = CommandPolicyText.Print(f.Policy);
            Assert.Contains("needs=owner,fleet  # accepted=1 denied=1", text);
            Assert.Contains("command provision-key roles=owner,fleet threshold=1  # accepted=3 denied=0", text);
        }

        [TestMethod]
        public void HandWrittenPolicyParses()
        {
            CommandPolicy p = Parse("# mine\n\ncommand set-charge-target roles=fleet,owner threshold=2   # both\nlifetime skew=0s\n");
            AssertRow(p, CommandType.SetChargeTarget, OwnerFleet, 2, 0);
            Assert.IsFalse(p.IsDefined(CommandType.OpenContactors), "no row: nobody may send it");
            Assert.AreEqual(0u, p.ClockSkewSeconds);
            Assert.AreEqual(3600u, p.MaxLifetimeSeconds, "default kept");
        }

        [TestMethod]
        [DataRow("allow set-charge-target roles=owner threshold=1", 1, "expected 'command' or 'lifetime', found 'allow'")]
        [DataRow("command", 1, "needs a command type")]
        [DataRow("# x\ncommand fly roles=owner threshold=1", 2, "unknown command type 'fly'")]
        [DataRow("command enable-charging roles=owner,pilot threshold=1", 1, "unknown role 'pilot'")]
        [DataRow("command enable-charging roles=owner,owner threshold=1", 1, "duplicate role 'owner'")]
        [DataRow("command enable-charging roles=owner, threshold=1", 1, "unknown role ''")]
        [DataRow("command enable-charging threshold=1", 1, "missing roles=")]
        [DataRow("command enable-charging roles=owner", 1, "missing threshold=")]
        [DataRow("command enable-charging roles=owner threshold=0", 1, "bad 'threshold=0' (1 to 4)")]
        [DataRow("command enable-charging roles=owner threshold=5", 1, "bad 'threshold=5'")]
        [DataRow("command enable-charging roles=owner,fleet threshold=3", 1, "threshold 3 outside 1..2")]
        [DataRow("command enable-charging roles=owner threshold=1 loud", 1, "unknown option 'loud'")]
        [DataRow("command enable-charging roles=owner threshold=1\n\ncommand enable-charging roles=fleet threshold=1", 3, "duplicate command 'enable-charging'")]
        [DataRow("command open-contactors roles=owner,battery-maker threshold=2", 1, "threshold 2 outside 1..1 (the number of roles allowed, battery-maker not counted)")]
        [DataRow("command open-contactors roles=owner,workshop threshold=2 needs=fleet", 1, "needs= names a role that roles= does not allow")]
        [DataRow("command open-contactors roles=owner,battery-maker threshold=1 needs=battery-maker", 1, "needs= cannot name battery-maker")]
        [DataRow("command open-contactors roles=owner threshold=1 needs=pilot", 1, "unknown role 'pilot'")]
        [DataRow("command open-contactors roles=owner threshold=1 interlocked", 1, "every command type is checked against the interlock table")]
        [DataRow("lifetime max=0s", 1, "bad 'max=0s' (whole seconds above 0")]
        [DataRow("lifetime max=1500ms", 1, "bad 'max=1500ms'")]
        [DataRow("lifetime skew=-1s", 1, "bad 'skew=-1s'")]
        [DataRow("lifetime max=60s\nlifetime max=60s", 2, "duplicate lifetime line")]
        [DataRow("lifetime ttl=60s", 1, "unknown option 'ttl=60s'")]
        [DataRow("lifetime max=60s max=90s", 1, "'max' given twice")]
        [DataRow("command enable-charging roles=owner roles=fleet threshold=1", 1, "'roles' given twice")]
        public void ParseErrorNamesTheLineAndTheReason(string text, int expectedLine, string reason)
        {
            int line;
            string error;
            CommandPolicy p = CommandPolicyText.Parse(text, out line, out error);
            Assert.IsNull(p, "the text must be rejected");
            Assert.IsNotNull(error);
            Assert.Contains(reason, error);
            Assert.AreEqual(expectedLine, line, "line of: " + error);
        }

        private static CommandPolicy Parse(string text)
        {
            int line;
            string error;
            CommandPolicy p = CommandPolicyText.Parse(text, out line, out error);
            Assert.IsNull(error, "line " + line.ToString() + ": " + error);
            return p;
        }

        private static void AssertRow(CommandPolicy p, int type, int roles, int threshold, int needs)
        {
            string name = CommandType.Name(type);
            Assert.AreEqual(roles, p.RoleMask(type), name + " roles");
            Assert.AreEqual(threshold, p.Threshold(type), name + " threshold");
            Assert.AreEqual(needs, p.NeedsMask(type), name + " needs");
        }
    }
}
