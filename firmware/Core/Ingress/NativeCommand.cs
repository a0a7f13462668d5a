namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// How one verified command type is said to the BMS in its own language: one CAN frame whose
    /// bytes are literals or bytes of the command's parameters. The BMS only ever hears commands
    /// from the guard, in this form, after the command guard accepted them.
    /// </summary>
    public sealed class NativeCommand
    {
        /// <summary>A template byte that is a literal, not a parameter.</summary>
        public const int Literal = -1;

        private readonly byte[] _literals;
        private readonly int[] _parameter;
        private long _executed;
        private long _failed;

        /// <summary>
        /// Creates a row: <paramref name="literals"/> and <paramref name="parameter"/> have one entry per
        /// frame byte (1..8); where <paramref name="parameter"/> is not <see cref="Literal"/> the byte is
        /// that parameter byte of the command.
        /// </summary>
        public NativeCommand(int commandType, uint id, bool extended, byte[] literals, int[] parameter)
        {
            if (literals == null || parameter == null || literals.Length < 1 || literals.Length > 8 || parameter.Length != literals.Length)
            {
                throw new System.ArgumentException();
            }

            CommandType = commandType;
            Id = id;
            Extended = extended;
            _literals = literals;
            _parameter = parameter;
        }

        /// <summary>The command type (Commands.CommandType) this row translates.</summary>
        public readonly int CommandType;

        /// <summary>CAN id of the BMS's native command frame.</summary>
        public readonly uint Id;

        /// <summary>True for a 29-bit id.</summary>
        public readonly bool Extended;

        /// <summary>Frame length (DLC).</summary>
        public int Length
        {
            get { return _literals.Length; }
        }

        /// <summary>Times this row produced a frame that was sent.</summary>
        public long Executed
        {
            get { return _executed; }
        }

        /// <summary>Times the frame could not be built (parameters too short) or not sent.</summary>
        public long Failed
        {
            get { return _failed; }
        }

        /// <summary>The literal at <paramref name="index"/> (meaningful when <see cref="ParameterAt"/> is <see cref="Literal"/>).</summary>
        public byte LiteralAt(int index)
        {
            return _literals[index];
        }

        /// <summary>The parameter byte index that fills frame byte <paramref name="index"/>, or <see cref="Literal"/>.</summary>
        public int ParameterAt(int index)
        {
            return _parameter[index];
        }

        /// <summary>Builds the frame into <paramref name="frame"/> (8 bytes); false when a parameter byte is missing.</summary>
        public bool Build(byte[] parameters, int parameterLength, byte[] frame)
        {
            for (int i = 0; i < _literals.Length; i++)
            {
                int p = _parameter[i];
                if (p == Literal)
                {
                    frame[i] = _literals[i];
                }
                else if (p < parameterLength)
                {
                    frame[i] = parameters[p];
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Counts an outcome of <see cref="Build"/> and sending.</summary>
        internal void Count(bool executed)
        {
            if (executed)
            {
                _executed++;
            }
            else
            {
                _failed++;
            }
        }
    }
}
