namespace BmsGuard.Core
{
    /// <summary>Walks a table's text line by line: '#' starts a comment, blank lines are skipped, tokens split on spaces.</summary>
    internal sealed class TextLines
    {
        private readonly string _text;
        private int _pos;

        /// <summary>Starts before the first line of <paramref name="text"/>.</summary>
        internal TextLines(string text)
        {
            _text = text == null ? "" : text;
        }

        /// <summary>1-based number of the current line.</summary>
        internal int Line
        {
            get { return _line; }
            private set { _line = value; }
        }

        private int _line;

        /// <summary>Tokens of the current line (never empty after <see cref="Next"/> returned true).</summary>
        internal string[] Tokens
        {
            get { return _tokens; }
            private set { _tokens = value; }
        }

        private string[] _tokens;

        /// <summary>Moves to the next line with tokens; false at the end (then <see cref="Line"/> is the last line).</summary>
        internal bool Next()
        {
            while (_pos <= _text.Length)
            {
                int end = _text.IndexOf('\n', _pos);
                if (end < 0)
                {
                    end = _text.Length;
                }

                Line++;
                int stop = _text.IndexOf('#', _pos);
                if (stop < 0 || stop > end)
                {
                    stop = end;
                }

                string content = _text.Substring(_pos, stop - _pos);
                _pos = end + 1;
                Tokens = RuleTokens.Split(content);
                if (Tokens.Length > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
