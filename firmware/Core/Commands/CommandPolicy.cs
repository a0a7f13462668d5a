namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Who may send which command type: per type a set of allowed roles, a threshold k of distinct
    /// roles that must co-sign, and whether the safety interlocks apply; plus the envelope lifetime
    /// limits. A type without a row may be sent by nobody. Each row counts the envelopes accepted and
    /// denied for its type. Printed and parsed by <see cref="CommandPolicyText"/>.
    /// </summary>
    public sealed class CommandPolicy
    {
        /// <summary>Rows are indexed by command type 0..<see cref="CommandType.Max"/>.</summary>
        public const int Rows = CommandType.Max + 1;

        /// <summary>Default longest allowed expires - issued, seconds.</summary>
        public const uint DefaultMaxLifetimeSeconds = 3600;

        /// <summary>Default allowed clock skew for the issue time, seconds.</summary>
        public const uint DefaultClockSkewSeconds = 120;

        private readonly bool[] _defined = new bool[Rows];
        private readonly byte[] _roles = new byte[Rows];
        private readonly byte[] _thresholds = new byte[Rows];
        private readonly bool[] _interlocked = new bool[Rows];
        private readonly uint[] _accepted = new uint[Rows];
        private uint _maxLifetimeSeconds;
        private uint _clockSkewSeconds;
        private readonly uint[] _denied = new uint[Rows];

        /// <summary>Creates a policy without rows (nobody may send anything) and the default lifetime limits.</summary>
        public CommandPolicy()
        {
            _maxLifetimeSeconds = DefaultMaxLifetimeSeconds;
            _clockSkewSeconds = DefaultClockSkewSeconds;
        }

        /// <summary>Longest allowed expires - issued, seconds.</summary>
        public uint MaxLifetimeSeconds
        {
            get { return _maxLifetimeSeconds; }
        }

        /// <summary>How far in the future an issue time may lie, seconds (the signer's clock may run ahead).</summary>
        public uint ClockSkewSeconds
        {
            get { return _clockSkewSeconds; }
        }

        /// <summary>Sets the lifetime limits; returns null, or why they are refused (a zero maximum).</summary>
        public string SetLifetime(uint maxSeconds, uint skewSeconds)
        {
            if (maxSeconds == 0)
            {
                return "lifetime max must be above 0s";
            }

            _maxLifetimeSeconds = maxSeconds;
            _clockSkewSeconds = skewSeconds;
            return null;
        }

        /// <summary>
        /// Sets the row of <paramref name="type"/>: <paramref name="roleMask"/> has bit (1 &lt;&lt; role) set
        /// per allowed role. Returns null, or why the row is refused (unknown type, no roles, threshold
        /// outside 1 to the number of allowed roles).
        /// </summary>
        public string Set(int type, int roleMask, int threshold, bool interlocked)
        {
            if (!CommandParameters.IsKnown(type))
            {
                return "unknown command type " + type.ToString();
            }

            int allowed = RoleCount(roleMask);
            if (roleMask <= 0 || roleMask >= (1 << Role.Count))
            {
                return "no valid roles";
            }

            if (threshold < 1 || threshold > allowed)
            {
                return "threshold " + threshold.ToString() + " outside 1.." + allowed.ToString() + " (the number of roles allowed)";
            }

            _defined[type] = true;
            _roles[type] = (byte)roleMask;
            _thresholds[type] = (byte)threshold;
            _interlocked[type] = interlocked;
            return null;
        }

        /// <summary>True when <paramref name="type"/> has a row.</summary>
        public bool IsDefined(int type)
        {
            return type >= 0 && type < Rows && _defined[type];
        }

        /// <summary>Allowed roles of <paramref name="type"/> as a bit set (0 without a row).</summary>
        public int RoleMask(int type)
        {
            return IsDefined(type) ? _roles[type] : 0;
        }

        /// <summary>True when <paramref name="role"/> may sign <paramref name="type"/>.</summary>
        public bool Allows(int type, int role)
        {
            return role >= 0 && role < Role.Count && (RoleMask(type) & (1 << role)) != 0;
        }

        /// <summary>Distinct roles that must sign <paramref name="type"/> (0 without a row).</summary>
        public int Threshold(int type)
        {
            return IsDefined(type) ? _thresholds[type] : 0;
        }

        /// <summary>True when the safety interlocks apply to <paramref name="type"/>.</summary>
        public bool IsInterlocked(int type)
        {
            return IsDefined(type) && _interlocked[type];
        }

        /// <summary>Envelopes of <paramref name="type"/> accepted.</summary>
        public uint Accepted(int type)
        {
            return type >= 0 && type < Rows ? _accepted[type] : 0;
        }

        /// <summary>Envelopes of <paramref name="type"/> denied (once the type was known).</summary>
        public uint Denied(int type)
        {
            return type >= 0 && type < Rows ? _denied[type] : 0;
        }

        /// <summary>Counts one decision on an envelope of <paramref name="type"/>.</summary>
        public void Count(int type, bool accepted)
        {
            if (type < 0 || type >= Rows)
            {
                return;
            }

            if (accepted)
            {
                _accepted[type]++;
            }
            else
            {
                _denied[type]++;
            }
        }

        /// <summary>Number of roles in a role bit set.</summary>
        public static int RoleCount(int roleMask)
        {
            int n = 0;
            for (int r = 0; r < Role.Count; r++)
            {
                if ((roleMask & (1 << r)) != 0)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>
        /// The shipped policy. Everyday commands: owner or fleet alone. Dangerous commands: two
        /// distinct roles of the four, interlocked where they act on the pack (contactors, limits,
        /// charging, flashing). Closing a maintenance window: anyone, as it only makes things safer
        /// (the battery maker still never alone). Key management: owner or fleet, within rank rules.
        /// </summary>
        public static CommandPolicy Default()
        {
            const int Any = (1 << Role.Owner) | (1 << Role.Fleet) | (1 << Role.Workshop) | (1 << Role.BatteryMaker);
            const int OwnerFleet = (1 << Role.Owner) | (1 << Role.Fleet);
            CommandPolicy p = new CommandPolicy();
            p.Set(CommandType.SetChargeTarget, OwnerFleet, 1, false);
            p.Set(CommandType.EnableCharging, OwnerFleet, 1, false);
            p.Set(CommandType.DisableCharging, Any, 2, true);
            p.Set(CommandType.OpenContactors, Any, 2, true);
            p.Set(CommandType.SetCurrentLimits, Any, 2, true);
            p.Set(CommandType.SetCellVoltageLimits, Any, 2, true);
            p.Set(CommandType.OpenMaintenanceWindow, Any, 2, false);
            p.Set(CommandType.OpenFlashingWindow, Any, 2, true);
            p.Set(CommandType.CloseMaintenanceWindow, Any, 1, false);
            p.Set(CommandType.ProvisionKey, OwnerFleet, 1, false);
            p.Set(CommandType.RotateKey, OwnerFleet, 1, false);
            p.Set(CommandType.RevokeKey, OwnerFleet, 1, false);
            return p;
        }
    }
}
