namespace BmsGuard.Core.Uds
{
    /// <summary>When a service or session listed in a <see cref="UdsPolicy"/> is allowed. Unlisted means never.</summary>
    public static class UdsAccess
    {
        /// <summary>Always allowed.</summary>
        public const int Always = 0;

        /// <summary>Only while a maintenance window is open.</summary>
        public const int Window = 1;

        /// <summary>Only while a flashing maintenance window is open.</summary>
        public const int Flashing = 2;

        /// <summary>Name in the policy text.</summary>
        public static string Name(int access)
        {
            switch (access)
            {
                case Always: return "always";
                case Window: return "window";
                case Flashing: return "flashing";
                default: return "access-" + access.ToString();
            }
        }

        /// <summary>The access with that name, or -1.</summary>
        public static int Parse(string name)
        {
            for (int a = Always; a <= Flashing; a++)
            {
                if (Name(a) == name)
                {
                    return a;
                }
            }

            return -1;
        }
    }
}
