using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// An anchor in RAM, for tests and for boards without a backup register (it resets to 0 with the
    /// board, so it only detects rollbacks while powered).
    /// </summary>
    public sealed class MemoryMonotonicAnchor : IMonotonicAnchor
    {
        private uint _value;

        /// <summary>Creates an anchor at <paramref name="value"/>.</summary>
        public MemoryMonotonicAnchor(uint value)
        {
            _value = value;
        }

        /// <inheritdoc />
        public uint Read()
        {
            return _value;
        }

        /// <inheritdoc />
        public void Advance(uint value)
        {
            if (value > _value)
            {
                _value = value;
            }
        }
    }
}
