using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.SecOc;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Who makes a dangerous command pass: the battery maker's signature never counts toward a threshold,
    /// and every dangerous row of the shipped policy needs the owner or the fleet among its signers.
    /// </summary>
    [TestClass]
    public class CommandSignerRuleTests
    {
        private const int Owner = CommandFixture.Owner;
        private const int Fleet = CommandFixture.Fleet;
        private const int Workshop = CommandFixture.Workshop;
        private const int Maker = CommandFixture.Maker;

        [TestMethod]
        [DataRow(CommandType.DisableCharging)]
        [DataRow(CommandType.OpenContactors)]
        [DataRow(CommandType.SetCurrentLimits)]
        [DataRow(CommandType.SetCellVoltageLimits)]
        [DataRow(CommandType.OpenMaintenanceWindow)]
        [DataRow(CommandType.OpenFlashingWindow)]
        public void WorkshopAndMakerCannotPassADangerousCommand(int type)
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] parameters = Parameters(type);
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(f.Sign(type, parameters, Workshop, Maker)), "workshop + maker");
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(f.Sign(type, parameters, Owner, Maker)), "owner + maker: the maker does not count");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(type, parameters, Owner, Workshop)), "owner + workshop");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(type, parameters, Fleet, Workshop, Maker)), "fleet + workshop, maker co-signing");
        }

        [TestMethod]
        public void NeedsRuleDeniesWhenNoNeededRoleSigned()
        {
            CommandFixture f = CommandFixture.Provisioned();
            Assert.IsNull(f.Policy.Set(CommandType.OpenContactors, (1 << Role.Workshop) | (1 << Role.Fleet) | (1 << Role.Owner), 1, 1 << Role.Owner), "policy row");
            CommandExpect.Verdict(CommandVerdict.NeededRoleMissing, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Workshop)), "workshop alone");
            CommandExpect.Verdict(CommandVerdict.NeededRoleMissing, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Workshop, Fleet)), "fleet is allowed but not needed");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner)), "owner");
        }

        [TestMethod]
        public void PolicyCannotMakeTheMakerCount()
        {
            CommandPolicy p = new CommandPolicy();
            Assert.IsNotNull(p.Set(CommandType.OpenContactors, (1 << Role.BatteryMaker) | (1 << Role.Workshop), 2, 0), "k=2 with one counting role");
            Assert.IsNotNull(p.Set(CommandType.OpenContactors, 1 << Role.BatteryMaker, 1, 0), "maker only");
            Assert.IsNotNull(p.Set(CommandType.OpenContactors, (1 << Role.BatteryMaker) | (1 << Role.Owner), 1, 1 << Role.BatteryMaker), "needs the maker");
            Assert.IsFalse(p.IsDefined(CommandType.OpenContactors), "no row was set");
        }

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

        private static byte[] Parameters(int type)
        {
            if (type == CommandType.SetCurrentLimits)
            {
                return new byte[] { 0, 100, 0, 100 };
            }

            if (type == CommandType.SetCellVoltageLimits)
            {
                return new byte[] { 0x0B, 0xB8, 0x10, 0x68 };
            }

            return type == CommandType.OpenMaintenanceWindow || type == CommandType.OpenFlashingWindow ? new byte[] { 0, 60 } : CommandFixture.None;
        }
    }
}
