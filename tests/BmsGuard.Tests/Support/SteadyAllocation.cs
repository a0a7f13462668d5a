namespace BmsGuard.Tests.Support;

/// <summary>
/// Bytes a piece of work allocates on this thread in steady state: one warm-up round, then the fewest of
/// three measured rounds. The runtime's own one-off work (tiered recompilation, call-counting stubs) can
/// land on the test thread once, in any round, when the machine is busy; the code under test allocating
/// per item shows up in every round.
/// </summary>
public static class SteadyAllocation
{
    /// <summary>Runs <paramref name="round"/> four times and returns the least it allocated in rounds 2..4.</summary>
    public static long Of(Action round)
    {
        round();
        long best = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return best;
    }
}
