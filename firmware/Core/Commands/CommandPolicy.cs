namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Who may send which command type: per type a set of allowed roles, a threshold k of distinct
    /// roles that must co-sign, and the roles of which at least one must be among the signers; plus the
    /// envelope lifetime limits. A type without a row may be sent by nobody. Each row counts the
    /// envelopes accepted and denied for its type. Printed and parsed by <see cref="CommandPolicyText"/>.
    /// </summary>
    /// <remarks>
    /// Two rules are not policy: the battery maker's signature never counts toward a threshold (it may
    /// co-sign where allowed, but never makes a command pass), and every command type is checked against
    /// the safety interlocks (the interlock table decides which types are safe in every state).
    /// </remarks>
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
        private readonly byte[] _needs = new byte[Rows];
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
        /// per allowed role; <paramref name="needsMask"/> (0 for none) the roles of which at least one must
        /// sign. Returns null, or why the row is refused (unknown type, no roles, threshold outside 1 to the
        /// number of allowed roles that count, a needed role that is not allowed or is the battery maker).
        /// </summary>
        public string Set(int type, int roleMask, int threshold, int needsMask)
        {
            if (!CommandParameters.IsKnown(type))
            {
                return "unknown command type " + type.ToString();
            }

            if (roleMask <= 0 || roleMask >= (1 << Role.Count))
            {
                return "no valid roles";
            }

            int counting = RoleCount(CountingRoles(roleMask));
            if (threshold < 1 || threshold > counting)
            {
                return "threshold " + threshold.ToString() + " outside 1.." + counting.ToString() + " (the number of roles allowed, battery-maker not counted)";
            }

            if (needsMask < 0 || (needsMask & ~roleMask) != 0)
            {
                return "needs= names a role that roles= does not allow";
            }

            if ((needsMask & (1 << Role.BatteryMaker)) != 0)
            {
                return "needs= cannot name battery-maker (its signature never makes a command pass)";
            }

            _defined[type] = true;
            _roles[type] = (byte)roleMask;
            _thresholds[type] = (byte)threshold;
            _needs[type] = (byte)needsMask;
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

        /// <summary>Roles of which at least one must sign <paramref name="type"/>, as a bit set (0: no such rule).</summary>
        public int NeedsMask(int type)
        {
            return IsDefined(type) ? _needs[type] : 0;
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

        /// <summary>The roles of a bit set whose signatures count toward a threshold (all but the battery maker).</summary>
        public static int CountingRoles(int roleMask)
        {
            return roleMask & ~(1 << Role.BatteryMaker);
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
        /// The shipped policy. Everyday commands: owner or fleet alone. Dangerous commands (acting on
        /// the pack or opening diagnostics): two distinct counting roles, one of them the owner or the
        /// fleet. Closing a maintenance window: anyone, as it only makes things safer (the battery maker
        /// never counts, so never alone). Key management: owner or fleet, within rank rules.
        /// </summary>
        public static CommandPolicy Default()
        {
            const int Any = (1 << Role.Owner) | (1 << Role.Fleet) | (1 << Role.Workshop) | (1 << Role.BatteryMaker);
            const int OwnerFleet = (1 << Role.Owner) | (1 << Role.Fleet);
            CommandPolicy p = new CommandPolicy();
            p.Set(CommandType.SetChargeTarget, OwnerFleet, 1, 0);
            p.Set(CommandType.EnableCharging, OwnerFleet, 1, 0);
            p.Set(CommandType.DisableCharging, Any, 2, OwnerFleet);
            p.Set(CommandType.OpenContactors, Any, 2, OwnerFleet);
            p.Set(CommandType.SetCurrentLimits, Any, 2, OwnerFleet);
            p.Set(CommandType.SetCellVoltageLimits, Any, 2, OwnerFleet);
            p.Set(CommandType.OpenMaintenanceWindow, Any, 2, OwnerFleet);
            p.Set(CommandType.OpenFlashingWindow, Any, 2, OwnerFleet);
            p.Set(CommandType.CloseMaintenanceWindow, Any, 1, 0);
            p.Set(CommandType.ProvisionKey, OwnerFleet, 1, 0);
            p.Set(CommandType.RotateKey, OwnerFleet, 1, 0);
            p.Set(CommandType.RevokeKey, OwnerFleet, 1, 0);
            return p;
        }
    }
}
