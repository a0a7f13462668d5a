using BmsGuard.Core.Commands;
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
