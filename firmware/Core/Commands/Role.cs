namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Who holds a key. Values travel in envelopes and the audit log: never renumber. Rank decides who
    /// may provision or revoke whose keys (a key may manage keys of strictly lower rank; the owner
    /// may also rotate its own). The battery maker ranks lowest and can never command alone.
    /// </summary>
    public static class Role
    {
        /// <summary>The battery maker (and its cloud behind the TCU).</summary>
        public const int BatteryMaker = 0;

        /// <summary>A service workshop.</summary>
        public const int Workshop = 1;

        /// <summary>A fleet operator.</summary>
        public const int Fleet = 2;

        /// <summary>The vehicle's owner: the root of the key hierarchy.</summary>
        public const int Owner = 3;

        /// <summary>Number of roles.</summary>
        public const int Count = 4;

        /// <summary>Name for printing and parsing.</summary>
        public static string Name(int role)
        {
            switch (role)
            {
                case BatteryMaker: return "battery-maker";
                case Workshop: return "workshop";
                case Fleet: return "fleet";
                case Owner: return "owner";
                default: return "role-" + role.ToString();
            }
        }

        /// <summary>The role with that name, or -1.</summary>
        public static int Parse(string name)
        {
            for (int r = 0; r < Count; r++)
            {
                if (Name(r) == name)
                {
                    return r;
                }
            }

            return -1;
        }
    }
}
