namespace nanoFramework.Networking
{
    /// <summary>
    /// Host stand-in of nanoFramework's SNTP client (nanoframework/System.Net, Sntp.cs). On the device it
    /// sets the system time from the servers; the emulator's firmware runs on the capture's time, so here
    /// it only keeps the state the firmware may read back.
    /// </summary>
    public static class Sntp
    {
        /// <summary>Starts the SNTP client.</summary>
        public static void Start()
        {
            IsStarted = true;
        }

        /// <summary>Stops the SNTP client.</summary>
        public static void Stop()
        {
            IsStarted = false;
        }

        /// <summary>Requests a synchronization now (restarts the client).</summary>
        public static void UpdateNow()
        {
            IsStarted = true;
        }

        /// <summary>True while the client runs.</summary>
        public static bool IsStarted { get; private set; }

        /// <summary>Main SNTP server (default 0.pool.ntp.org).</summary>
        public static string Server1 { get; set; } = "0.pool.ntp.org";

        /// <summary>Backup SNTP server (default 1.pool.ntp.org).</summary>
        public static string Server2 { get; set; } = "1.pool.ntp.org";
    }
}
