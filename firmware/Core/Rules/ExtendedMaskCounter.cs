namespace BmsGuard.Core
{
    /// <summary>
    /// Counts the distinct (mask, inverse) combinations of extended rules while a table is parsed,
    /// so the rule that exceeds <see cref="RuleIndex.MaxExtendedMaskGroups"/> can be named.
    /// </summary>
    internal sealed class ExtendedMaskCounter
    {
        private readonly uint[] _masks = new uint[RuleIndex.MaxExtendedMaskGroups];
        private readonly bool[] _inverse = new bool[RuleIndex.MaxExtendedMaskGroups];
        private int _count;

        /// <summary>Records a combination; false when it would be one too many.</summary>
        internal bool Add(uint mask, bool inverse)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_masks[i] == mask && _inverse[i] == inverse)
                {
                    return true;
                }
            }

            if (_count == _masks.Length)
            {
                return false;
            }

            _masks[_count] = mask;
            _inverse[_count] = inverse;
            _count++;
            return true;
        }
    }
}
