namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Sizes the randomized and exhaustive checks: full size on the desktop, an eighth on a nanoCLR,
    /// whose interpreter is orders of magnitude slower. Seeds stay the same, so the device runs a prefix
    /// of the desktop's cases.
    /// </summary>
    public static class Workload
    {
#if NANOFRAMEWORK_1_0
        private const int Divisor = 8;
#else
        private const int Divisor = 1;
#endif

        /// <summary>The number of repetitions to run for a desktop count of <paramref name="desktop"/>.</summary>
        public static int Scale(int desktop)
        {
            int n = desktop / Divisor;
            return n < 1 ? 1 : n;
        }
    }
}
