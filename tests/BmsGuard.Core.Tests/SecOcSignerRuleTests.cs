using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.SecOc;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>SecOC single-frame commands follow the command policy's signer rules and the interlocks like envelopes.</summary>
    [TestClass]
    public class SecOcSignerRuleTests
    {
        [TestMethod]
        public void SecOcFrameHonoursTheSignerRules()
        {
            CommandPolicy p = CommandPolicy.Default();
            Assert.IsNull(p.Set(CommandType.OpenContactors, (1 << Role.Workshop) | (1 << Role.Owner), 1, 1 << Role.Owner), "policy row");
            CommandSafetyStub safety = new CommandSafetyStub();
            Assert.AreEqual(0, SecOcCommand(p, Role.Workshop, CommandType.OpenContactors, safety), "workshop key: owner needed");
            Assert.AreEqual(CommandType.OpenContactors, SecOcCommand(p, Role.Owner, CommandType.OpenContactors, safety), "owner key");
            safety.Result = SafetyResult.Unsafe;
            Assert.AreEqual(0, SecOcCommand(p, Role.Owner, CommandType.SetChargeTarget, safety), "every type is asked for safety");
            Assert.AreEqual(CommandType.SetChargeTarget, safety.LastType);
        }

        // One authenticated SecOC frame of a key of <paramref name="role"/>; returns the type to execute or 0.
        private static int SecOcCommand(CommandPolicy policy, int role, int type, CommandSafetyStub safety)
        {
            const uint Id = 0x6A1;
            byte[] key = SecOcKeys.New();
            SecOcReceiver receiver = new SecOcReceiver(Id, false, Id, SecOcReceiver.DefaultResyncWindows, new SecOcAuditLog());
            receiver.Provision(key, 0);
            SecOcCommands commands = new SecOcCommands(receiver, role, policy, safety, null);
            SecOcSender sender = new SecOcSender(Id, key, 0);
            byte[] frame = new byte[8];
            Assert.IsTrue(sender.Build(new byte[] { (byte)type, type == CommandType.SetChargeTarget ? (byte)80 : (byte)0 }, 0, type == CommandType.SetChargeTarget ? 2 : 1, frame, 0));
            return commands.Receive(Id, false, frame, 8, 1);
        }
    }
}
