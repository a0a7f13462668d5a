using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Builds rule tables and gateways for the tests, failing the test when text does not parse.</summary>
    public static class TestTables
    {
        /// <summary>Parses rule text that must be valid.</summary>
        public static RuleTable Parse(string text)
        {
            int line;
            string error;
            RuleTable table = RuleTableText.Parse(text, out line, out error);
            if (error != null)
            {
                Assert.IsNull(error, "rule text failed at line " + line.ToString());
            }

            return table;
        }

        /// <summary>A gateway over parsed rule text.</summary>
        public static Gateway NewGateway(string text)
        {
            return new Gateway(Parse(text));
        }

        /// <summary>A plain rule: no inverse, no remote frames, no limit, no edit.</summary>
        public static FilterRule Rule(string name, uint id, uint mask, bool extended)
        {
            return new FilterRule(name, id, mask, extended, false, false, 0, null);
        }

        /// <summary>Index of the first rule of <paramref name="table"/> matching the frame, by a linear scan of <see cref="FilterRule.Matches"/>.</summary>
        public static int LinearFind(RuleTable table, uint id, bool extended)
        {
            for (int r = 0; r < table.Count; r++)
            {
                if (table[r].Matches(id, extended))
                {
                    return r;
                }
            }

            return RuleIndex.NoRule;
        }

        /// <summary>Eight bytes 0x11, 0x22, ... 0x88.</summary>
        public static byte[] Payload()
        {
            return new byte[] { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
        }

        /// <summary>Decides a standard data frame from the BMS with an 8-byte payload.</summary>
        public static Verdict FromBms(Gateway gateway, uint id, long nowMicros)
        {
            return gateway.Decide(GatewayPort.Bms, id, false, false, Payload(), 8, nowMicros);
        }

        /// <summary>Decides an extended data frame from the BMS with an 8-byte payload.</summary>
        public static Verdict FromBmsExtended(Gateway gateway, uint id, long nowMicros)
        {
            return gateway.Decide(GatewayPort.Bms, id, true, false, Payload(), 8, nowMicros);
        }
    }
}
