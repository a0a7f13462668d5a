#if NANOFRAMEWORK_1_0
using BmsGuard.Core.Faults;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// On the runtime only (a host's heap does not run out): what the main loop's fault policy rests on, that an
    /// exhausted managed heap throws an exception the loop can catch and tell apart, and serves again once freed.
    /// </summary>
    [TestClass]
    public class LoopFaultsHeapTests
    {
        private const int Block = 16 * 1024;

        [TestMethod]
        public void AnExhaustedHeapThrowsOutOfMemoryThatTheLoopTellsApartAndTheHeapServesAgain()
        {
            object[] chain = null;
            int blocks = 0;
            System.Exception caught = null;
            try
            {
                while (true)
                {
                    object[] next = new object[2];
                    next[0] = chain;
                    next[1] = new byte[Block];
                    chain = next;
                    blocks++;
                }
            }
            catch (System.Exception fault)
            {
                caught = fault;
            }

            chain = null;
            Assert.IsNotNull(caught, "the heap ran out");
            Assert.AreEqual(FaultClass.OutOfMemory, FaultClass.Of(caught));
            Assert.IsTrue(blocks > 0, "blocks were allocated before it ran out");
            LoopFaults faults = new LoopFaults();
            Assert.AreEqual(LoopFaults.Record, faults.Fault(LoopStep.Tick, caught, 0));
            byte[] again = new byte[Block];
            again[Block - 1] = 1;
            Assert.AreEqual((byte)1, again[Block - 1], "the freed heap serves again");
            System.Console.WriteLine("heap ran out after " + blocks.ToString() + " blocks of " + Block.ToString() + " bytes");
        }
    }
}
#endif
