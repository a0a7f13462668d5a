using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// The BMS's native command frames, one row per command type the BMS executes itself (contactors,
    /// charging, limits). Commands the guard executes itself (maintenance windows, keys) have no row.
    /// Lookup is a direct index by command type.
    /// </summary>
    public sealed class NativeCommandTable
    {
        private readonly NativeCommand[] _byType = new NativeCommand[CommandType.Max + 1];
        private readonly byte[] _frame = new byte[8];
        private int _count;

        /// <summary>Rows in the table.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Adds a row; false when the type already has one or is out of range.</summary>
        public bool Add(NativeCommand row)
        {
            if (row == null || row.CommandType < 1 || row.CommandType > CommandType.Max || _byType[row.CommandType] != null)
            {
                return false;
            }

            _byType[row.CommandType] = row;
            _count++;
            return true;
        }

        /// <summary>The row for a command type, or null.</summary>
        public NativeCommand Find(int commandType)
        {
            return commandType >= 1 && commandType <= CommandType.Max ? _byType[commandType] : null;
        }

        /// <summary>The rows in command type order (for printing).</summary>
        public NativeCommand RowAt(int index)
        {
            int seen = 0;
            for (int t = 1; t <= CommandType.Max; t++)
            {
                if (_byType[t] != null && seen++ == index)
                {
                    return _byType[t];
                }
            }

            return null;
        }

        /// <summary>
        /// Sends the native frame for an accepted command to the BMS; false when the type has no row,
        /// the parameters do not fill the template, or the outbox refused the frame.
        /// </summary>
        public bool Execute(int commandType, byte[] parameters, int parameterLength, IFrameOutbox outbox)
        {
            NativeCommand row = Find(commandType);
            if (row == null)
            {
                return false;
            }

            bool sent = row.Build(parameters, parameterLength, _frame)
                && outbox != null
                && outbox.Send(GatewayPort.Bms, row.Id, row.Extended, _frame, row.Length);
            row.Count(sent);
            return sent;
        }
    }
}
