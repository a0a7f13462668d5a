using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The policy's constant-time lookups give what a search of its lists gives, for every key, full or not.</summary>
    [TestClass]
    public class UdsPolicyLookupTests
    {
        [TestMethod]
        public void EveryServiceAndSessionIsFoundWhereTheListHasIt()
        {
            System.Random random = new System.Random(7);
            for (int round = 0; round < 20; round++)
            {
                UdsPolicy policy = new UdsPolicy();
                int services = round == 0 ? UdsPolicy.MaxServices + 5 : random.Next(UdsPolicy.MaxServices);
                for (int i = 0; i < services; i++)
                {
                    policy.AddService(random.Next(256), UdsAccess.Always);
                }

                int sessions = round == 0 ? UdsPolicy.MaxSessions + 3 : random.Next(UdsPolicy.MaxSessions);
                for (int i = 0; i < sessions; i++)
                {
                    policy.AddSession(1 + random.Next(0x7F), UdsAccess.Always);
                }

                for (int key = -2; key < 300; key++)
                {
                    Assert.AreEqual(ListedService(policy, key), policy.ServiceIndex(key), "service " + key.ToString());
                    Assert.AreEqual(ListedSession(policy, key), policy.SessionIndex(key), "session " + key.ToString());
                }
            }
        }

        [TestMethod]
        public void EveryDidIsFoundWhereTheListHasItAndNoOtherIs()
        {
            System.Random random = new System.Random(11);
            for (int round = 0; round < 20; round++)
            {
                UdsPolicy policy = new UdsPolicy();

                // Neighbouring DIDs (a manufacturer's F1xx block) and random ones, up to and past the capacity.
                int dids = round < 2 ? UdsPolicy.MaxDids + 4 : random.Next(UdsPolicy.MaxDids);
                int start = 0xF180 + random.Next(64);
                for (int i = 0; i < dids; i++)
                {
                    policy.AddDid(i % 2 == 0 || round == 1 ? start + i : random.Next(0x10000));
                }

                for (int i = 0; i < policy.DidCount; i++)
                {
                    Assert.AreEqual(i, policy.DidIndex(policy.Did(i)), "listed DID " + policy.Did(i).ToString());
                }

                for (int k = 0; k < 2000; k++)
                {
                    int key = k < 200 ? start - 50 + k : random.Next(0x10000);
                    Assert.AreEqual(ListedDid(policy, key), policy.DidIndex(key), "DID " + key.ToString());
                }

                Assert.AreEqual(-1, policy.DidIndex(-1));
                Assert.AreEqual(-1, policy.DidIndex(0x10000 + policy.Did(0)));
            }
        }

        private static int ListedService(UdsPolicy policy, int sid)
        {
            for (int i = 0; i < policy.ServiceCount; i++)
            {
                if (policy.ServiceSid(i) == sid)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int ListedSession(UdsPolicy policy, int session)
        {
            for (int i = 0; i < policy.SessionCount; i++)
            {
                if (policy.Session(i) == session)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int ListedDid(UdsPolicy policy, int did)
        {
            for (int i = 0; i < policy.DidCount; i++)
            {
                if (policy.Did(i) == did)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
