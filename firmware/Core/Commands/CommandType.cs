namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Command types a signed envelope can carry. Values travel in envelopes and the audit log: never
    /// renumber. Which roles may send which type, and how many distinct roles must co-sign, is policy
    /// (see the command policy table), not code.
    /// </summary>
    public static class CommandType
    {
        /// <summary>Set the charge target state of charge; param: percent (1 byte, 50..100).</summary>
        public const int SetChargeTarget = 0x01;

        /// <summary>Allow charging again after <see cref="DisableCharging"/>.</summary>
        public const int EnableCharging = 0x02;

        /// <summary>Dangerous: stop and forbid charging.</summary>
        public const int DisableCharging = 0x03;

        /// <summary>Dangerous: open the main contactors.</summary>
        public const int OpenContactors = 0x04;

        /// <summary>Dangerous: change charge/discharge current limits; params: charge A, discharge A (2 x u16 BE, 0.1 A).</summary>
        public const int SetCurrentLimits = 0x05;

        /// <summary>Dangerous: change cell voltage limits; params: min mV, max mV (2 x u16 BE).</summary>
        public const int SetCellVoltageLimits = 0x06;

        /// <summary>Dangerous: open a maintenance window for diagnostics; param: duration seconds (u16 BE).</summary>
        public const int OpenMaintenanceWindow = 0x07;

        /// <summary>Dangerous: open a maintenance window that also allows flashing; param: duration seconds (u16 BE).</summary>
        public const int OpenFlashingWindow = 0x08;

        /// <summary>Close any open maintenance window now.</summary>
        public const int CloseMaintenanceWindow = 0x09;

        /// <summary>Install a key for a role; params: key id, role, wrapped 32-byte secret.</summary>
        public const int ProvisionKey = 0x10;

        /// <summary>Replace the signing key's own secret; params: wrapped 32-byte secret.</summary>
        public const int RotateKey = 0x11;

        /// <summary>Revoke a key; params: key id (u16 BE).</summary>
        public const int RevokeKey = 0x12;

        /// <summary>Highest type value in use (tables are sized by it).</summary>
        public const int Max = 0x12;

        /// <summary>Name of a type for printing and parsing ("type-0xNN" for unknown values).</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case SetChargeTarget: return "set-charge-target";
                case EnableCharging: return "enable-charging";
                case DisableCharging: return "disable-charging";
                case OpenContactors: return "open-contactors";
                case SetCurrentLimits: return "set-current-limits";
                case SetCellVoltageLimits: return "set-cell-voltage-limits";
                case OpenMaintenanceWindow: return "open-maintenance-window";
                case OpenFlashingWindow: return "open-flashing-window";
                case CloseMaintenanceWindow: return "close-maintenance-window";
                case ProvisionKey: return "provision-key";
                case RotateKey: return "rotate-key";
                case RevokeKey: return "revoke-key";
                default: return "type-0x" + ((byte)type).ToString("X2");
            }
        }

        /// <summary>The type with that name, or -1.</summary>
        public static int Parse(string name)
        {
            for (int t = 1; t <= Max; t++)
            {
                if (Name(t) == name)
                {
                    return t;
                }
            }

            return -1;
        }
    }
}
