namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// What each command type's parameters must look like. Checked before any MAC is computed: a
    /// signed but nonsensical command (a 20 % charge target, min above max) is refused as such.
    /// </summary>
    public static class CommandParameters
    {
        /// <summary>Lowest charge target, percent.</summary>
        public const int MinChargeTarget = 50;

        /// <summary>Highest cell voltage limit accepted, mV.</summary>
        public const int MaxCellMillivolts = 5000;

        /// <summary>Parameter length of <see cref="CommandType.ProvisionKey"/>: key id, role, wrapped secret.</summary>
        public const int ProvisionKeyLength = 3 + EnvelopeFormat.SecretSize;

        /// <summary>
        /// <see cref="CommandVerdict.Accepted"/> when <paramref name="count"/> bytes at
        /// <paramref name="offset"/> are valid parameters for <paramref name="type"/>;
        /// <see cref="CommandVerdict.UnknownCommand"/> for a type this firmware does not know;
        /// otherwise <see cref="CommandVerdict.BadParameters"/>.
        /// </summary>
        public static int Check(int type, byte[] data, int offset, int count)
        {
            switch (type)
            {
                case CommandType.EnableCharging:
                case CommandType.DisableCharging:
                case CommandType.OpenContactors:
                case CommandType.CloseMaintenanceWindow:
                    return Result(count == 0);
                case CommandType.SetChargeTarget:
                    return Result(count == 1 && data[offset] >= MinChargeTarget && data[offset] <= 100);
                case CommandType.SetCurrentLimits:
                    return Result(count == 4
                        && EnvelopeFormat.ReadU16(data, offset) > 0
                        && EnvelopeFormat.ReadU16(data, offset + 2) > 0);
                case CommandType.SetCellVoltageLimits:
                    if (count != 4)
                    {
                        return CommandVerdict.BadParameters;
                    }

                    int min = EnvelopeFormat.ReadU16(data, offset);
                    int max = EnvelopeFormat.ReadU16(data, offset + 2);
                    return Result(min > 0 && min < max && max <= MaxCellMillivolts);
                case CommandType.OpenMaintenanceWindow:
                case CommandType.OpenFlashingWindow:
                    return Result(count == 2 && EnvelopeFormat.ReadU16(data, offset) > 0);
                case CommandType.ProvisionKey:
                    return Result(count == ProvisionKeyLength && data[offset + 2] < Role.Count);
                case CommandType.RotateKey:
                    return Result(count == EnvelopeFormat.SecretSize);
                case CommandType.RevokeKey:
                    return Result(count == 2);
                default:
                    return CommandVerdict.UnknownCommand;
            }
        }

        /// <summary>True for the types this firmware knows.</summary>
        public static bool IsKnown(int type)
        {
            return (type >= CommandType.SetChargeTarget && type <= CommandType.CloseMaintenanceWindow)
                || (type >= CommandType.ProvisionKey && type <= CommandType.RevokeKey);
        }

        private static int Result(bool valid)
        {
            return valid ? CommandVerdict.Accepted : CommandVerdict.BadParameters;
        }
    }
}
