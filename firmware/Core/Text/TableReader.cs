namespace BmsGuard.Core.Text
{
    /// <summary>
    /// Reads the firmware's small text tables line by line, the one way all of them share (syntax in
    /// docs/syntax.md): '#' starts a comment, blank lines are skipped, words split on spaces and tabs;
    /// options are <c>key=value</c> or a bare flag, each at most once a line. The first failure stops
    /// the reading and keeps its 1-based line; nothing throws.
    /// </summary>
    public sealed class TableReader
    {
        private readonly string _text;
        private int _pos;
        private int _physicalLine;
        private int _line;
        private string[] _words = new string[0];
        private int _firstOption;
        private bool[] _read;
        private int _errorLine;
        private string _error;

        /// <summary>Starts before the first line of <paramref name="text"/> (null reads as empty).</summary>
        public TableReader(string text)
        {
            _text = text == null ? "" : text;
        }

        /// <summary>1-based number of the current line with words (after the end: the last one; 0 before any).</summary>
        public int Line
        {
            get { return _line; }
        }

        /// <summary>Number of words on the current line (at least one after <see cref="Next"/> returned true).</summary>
        public int Count
        {
            get { return _words.Length; }
        }

        /// <summary>The reason of the first failure, or null.</summary>
        public string Error
        {
            get { return _error; }
        }

        /// <summary>Word <paramref name="index"/> of the current line, or "" past its end.</summary>
        public string Word(int index)
        {
            return index < _words.Length ? _words[index] : "";
        }

        /// <summary>Moves to the next line with words; false at the end of the text and once anything failed.</summary>
        public bool Next()
        {
            _read = null;
            while (_error == null && _pos <= _text.Length)
            {
                int end = _text.IndexOf('\n', _pos);
                if (end < 0)
                {
                    end = _text.Length;
                }

                _physicalLine++;
                // '#' is looked for within the line only: text without comments stays linear.
                int stop = _pos;
                while (stop < end && _text[stop] != '#')
                {
                    stop++;
                }

                string[] words = TableValues.Words(_text.Substring(_pos, stop - _pos));
                _pos = end + 1;
                if (words.Length > 0)
                {
                    _words = words;
                    _line = _physicalLine;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Fails the current line with <paramref name="reason"/> (the first failure wins); returns false.</summary>
        public bool Fail(string reason)
        {
            return Check(reason, _line);
        }

        /// <summary>True when <paramref name="reason"/> is null; otherwise fails the current line with it.</summary>
        public bool Check(string reason)
        {
            return Check(reason, _line);
        }

        /// <summary>As <see cref="Check(string)"/> for a reason about the text as a whole (reported as line 0).</summary>
        public bool CheckWhole(string reason)
        {
            return Check(reason, 0);
        }

        /// <summary>
        /// The outcome: true when nothing failed (<paramref name="errorLine"/> 0, <paramref name="error"/> null),
        /// else false with the failure's line and reason.
        /// </summary>
        public bool End(out int errorLine, out string error)
        {
            errorLine = _error == null ? 0 : _errorLine;
            error = _error;
            return _error == null;
        }

        /// <summary>
        /// Takes words <paramref name="first"/> on of the current line as options. Read them with
        /// <see cref="Flag"/>, <see cref="Option"/> and <see cref="Required"/>, then <see cref="NoneLeft"/>;
        /// a key read that is given twice fails the line.
        /// </summary>
        public void Options(int first)
        {
            _firstOption = first;
            _read = new bool[_words.Length];
        }

        /// <summary>True when the bare word <paramref name="key"/> (a flag such as <c>ext</c>) is among the options.</summary>
        public bool Flag(string key)
        {
            int i = Find(key, false);
            return i >= 0;
        }

        /// <summary>The value of <c>key=value</c> among the options (possibly ""), or null when absent.</summary>
        public string Option(string key)
        {
            int i = Find(key, true);
            return i < 0 ? null : _words[i].Substring(key.Length + 1);
        }

        /// <summary>As <see cref="Option"/>, but an absent option fails the line ("missing key=") and gives null.</summary>
        public string Required(string key)
        {
            string value = Option(key);
            if (value == null)
            {
                Fail("missing " + key + "=");
            }

            return value;
        }

        /// <summary>Fails the line naming option <paramref name="key"/> as written and what it should be; returns false.</summary>
        public bool Bad(string key, string expected)
        {
            return Fail("bad " + TableValues.Quote(key + "=" + Option(key)) + " (" + expected + ")");
        }

        /// <summary>A hex option (optional 0x); <paramref name="value"/> 0 when absent. False after failing on a bad or missing required value.</summary>
        public bool Hex(string key, bool required, out uint value)
        {
            value = 0;
            string text = required ? Required(key) : Option(key);
            if (text == null)
            {
                return !required;
            }

            return TableValues.TryParseHex(text, out value) || Bad(key, "hex such as 1F0 or 0x1F0");
        }

        /// <summary>A duration option above zero (us, ms or s) in microseconds; 0 when absent. False after failing.</summary>
        public bool Duration(string key, bool required, out long micros)
        {
            micros = 0;
            string text = required ? Required(key) : Option(key);
            if (text == null)
            {
                return !required;
            }

            micros = TableValues.ParseDurationMicros(text);
            return micros > 0 || Bad(key, "a duration above 0 such as 250us, 100ms or 2s");
        }

        /// <summary>Fails on the first option no one read ("unknown option 'x'"); true when every option was read.</summary>
        public bool NoneLeft()
        {
            for (int i = _firstOption; i < _words.Length; i++)
            {
                if (_read == null || !_read[i])
                {
                    return Fail("unknown option " + TableValues.Quote(_words[i]));
                }
            }

            return true;
        }

        private bool Check(string reason, int line)
        {
            if (reason == null)
            {
                return true;
            }

            if (_error == null)
            {
                _error = reason;
                _errorLine = line;
            }

            return false;
        }

        // The option word with this key (as key=value when withValue, else bare), marked read; -1 when
        // absent, written in the other form, or given twice (which fails the line).
        private int Find(string key, bool withValue)
        {
            int found = -1;
            for (int i = _firstOption; _read != null && i < _words.Length; i++)
            {
                if (HasKey(_words[i], key))
                {
                    if (found >= 0)
                    {
                        Fail("'" + key + "' given twice");
                        return -1;
                    }

                    found = i;
                }
            }

            if (found < 0 || (_words[found].Length > key.Length) != withValue)
            {
                return -1;
            }

            _read[found] = true;
            return found;
        }

        // True when word is key or starts with "key=" (compared in place: lines may hold thousands of words).
        private static bool HasKey(string word, string key)
        {
            if (word.Length < key.Length || (word.Length > key.Length && word[key.Length] != '='))
            {
                return false;
            }

            for (int c = 0; c < key.Length; c++)
            {
                if (word[c] != key[c])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
