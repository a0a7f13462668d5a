namespace nanoFramework.Runtime.Native
{
    /// <summary>Host stand-in of nanoFramework's device reset: records the request instead of resetting anything.</summary>
    public class Power
    {
        [System.ThreadStatic]
        private static int s_requests;

        [System.ThreadStatic]
        private static RebootOption s_last;

        /// <summary>Restarts the device (on the host: counts the request on the calling thread).</summary>
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot)
        {
            s_requests++;
            s_last = rebootOption;
        }

        /// <summary>Restart requests made on this thread (host only).</summary>
        public static int Requests => s_requests;

        /// <summary>The option of the last request on this thread (host only).</summary>
        public static RebootOption LastOption => s_last;
    }
}
