namespace BmsGuard.HostSim.Dbc;

/// <summary>Statements that annotate messages and signals: CM_, VAL_TABLE_, VAL_, SIG_VALTYPE_, SG_MUL_VAL_.</summary>
internal sealed partial class DbcParser
{
    // CM_ "text"; | CM_ BU_ node "text"; | CM_ BO_ id "text"; | CM_ SG_ id signal "text"; | CM_ EV_ name "text";
    private void ParseComment()
    {
        if (Peek.Kind == DbcTokenKind.String)
        {
            _db.Comment = Next().Text;
            EndComment();
            return;
        }

        var kind = Peek;
        switch (ExpectIdentifier("BU_, BO_, SG_, EV_ or a string after CM_"))
        {
            case "BU_":
                var nodeToken = Peek;
                string nodeName = ExpectIdentifier("a node name after CM_ BU_");
                string nodeComment = ExpectString($"CM_ BU_ {nodeName}");
                if (_db.Node(nodeName) is { } node)
                {
                    node.Comment = nodeComment;
                }
                else
                {
                    Warn(nodeToken, $"CM_ BU_ refers to node '{nodeName}', which BU_ does not list; the comment is ignored");
                }

                break;
            case "BO_":
                if (ExpectMessageRef("CM_ BO_") is not { } message)
                {
                    SkipIgnoredStatement();
                    return;
                }

                message.Comment = ExpectString($"CM_ BO_ {message.DbcId}");
                break;
            case "SG_":
                if (ExpectMessageRef("CM_ SG_") is not { } owner || ExpectSignalRef(owner, "CM_ SG_") is not { } signal)
                {
                    SkipIgnoredStatement();
                    return;
                }

                signal.Comment = ExpectString($"CM_ SG_ {owner.DbcId} {signal.Name}");
                break;
            case "EV_":
                // Environment variables are not modelled.
                ExpectIdentifier("an environment variable name after CM_ EV_");
                ExpectString("CM_ EV_");
                break;
            default:
                throw Error(kind, $"expected BU_, BO_, SG_, EV_ or a string after CM_, found {kind.Describe()}");
        }

        EndComment();
    }

    // A comment's ';' is sometimes missing; the next statement keyword on a later line (or the
    // end of the file) ends it then.
    private void EndComment()
    {
        if (Accept(";"))
        {
            return;
        }

        var last = _tokens[_pos - 1];
        if (Peek.Kind == DbcTokenKind.End || (IsKeyword(Peek) && Peek.Line > last.Line))
        {
            string next = Peek.Kind == DbcTokenKind.End ? "the end of the file" : $"the {Peek.Text} on line {Peek.Line}";
            Warn(last, $"CM_ has no ';' before {next}; taken to end with its text");
            return;
        }

        ExpectEnd("CM_");
    }

    // VAL_TABLE_ name 0 "off" 1 "on" ;
    private void ParseValueTable()
    {
        var nameToken = Peek;
        string name = ExpectIdentifier("a table name after VAL_TABLE_");
        if (ParseValuePairs($"VAL_TABLE_ {name}") is not { } table)
        {
            return;
        }

        if (!_db.ValueTableMap.TryAdd(name, table))
        {
            throw Error(nameToken, $"value table {name} is defined twice");
        }
    }

    // VAL_ id signal 0 "off" 1 "on" ;   (VAL_ envvar ... ; for environment variables, not modelled)
    private void ParseValueDescriptions()
    {
        if (Peek.Kind == DbcTokenKind.Identifier)
        {
            _pos++;
            ParseValuePairs("VAL_");
            return;
        }

        if (ExpectMessageRef("VAL_") is not { } message || ExpectSignalRef(message, "VAL_") is not { } signal)
        {
            SkipIgnoredStatement();
            return;
        }

        if (ParseValuePairs($"VAL_ {message.DbcId} {signal.Name}") is { } table)
        {
            signal.ValueTable = table;
        }
    }

    /// <summary>The value/description pairs up to ';'; null (warned) when the ';' is missing before the next statement.</summary>
    private Dictionary<long, string>? ParseValuePairs(string statement)
    {
        var pairs = new Dictionary<long, string>();
        (int Line, long Value)? brokenAt = null;
        while (!Accept(";"))
        {
            if (Peek.Kind == DbcTokenKind.End || (IsKeyword(Peek) && Peek.Line > _tokens[_pos - 1].Line))
            {
                // canmatrix ignores such a statement; so do we, as the values may be incomplete.
                string next = Peek.Kind == DbcTokenKind.End ? "the end of the file" : $"the {Peek.Text} on line {Peek.Line}";
                Warn(_tokens[_pos - 1], $"{statement} has no ';' before {next}; its values are ignored, as canmatrix does");
                return null;
            }

            if (Peek.Kind != DbcTokenKind.Number)
            {
                throw Error(Peek, $"expected a value or ';' in {statement}, found {Peek.Describe()}");
            }

            long value = ExpectInteger($"a value in {statement}", long.MinValue, long.MaxValue);
            var description = Peek;
            // A repeated value: the later description wins, as in CANdb++.
            pairs[value] = ExpectString($"value {value} in {statement}");
            if (pairs[value].Contains('\n', StringComparison.Ordinal))
            {
                brokenAt ??= (description.Line, value);
            }
        }

        if (brokenAt is { } b)
        {
            // canmatrix reads VAL_ line by line and so drops such a statement; so do we.
            Warn(b.Line, $"the description of value {b.Value} in {statement} spans lines; its values are ignored, as canmatrix does");
            return null;
        }

        return pairs;
    }

    // SIG_VALTYPE_ id signal : 1 ;   (0 integer, 1 IEEE float, 2 IEEE double)
    private void ParseSignalValueType()
    {
        if (ExpectMessageRef("SIG_VALTYPE_") is not { } message || ExpectSignalRef(message, "SIG_VALTYPE_") is not { } signal)
        {
            SkipIgnoredStatement();
            return;
        }

        Accept(":");
        var typeToken = Peek;
        var type = (DbcValueType)ExpectInteger($"the SIG_VALTYPE_ of {signal.Name}", 0, 2);
        int needed = type switch { DbcValueType.Float32 => 32, DbcValueType.Float64 => 64, _ => signal.Length };
        if (signal.Length != needed)
        {
            throw Error(typeToken, $"SIG_VALTYPE_ {(int)type} makes {signal.Name} an IEEE {(needed == 32 ? "float" : "double")}, which needs {needed} bits, not {signal.Length}");
        }

        signal.ValueType = type;
        ExpectEnd("SIG_VALTYPE_");
    }

    // SG_MUL_VAL_ id signal switch 0-3, 5-5 ;
    private void ParseExtendedMultiplexing()
    {
        var start = Peek;
        if (ExpectMessageRef("SG_MUL_VAL_") is not { } message || ExpectSignalRef(message, "SG_MUL_VAL_") is not { } signal)
        {
            SkipIgnoredStatement();
            return;
        }

        string switchName = ExpectName($"the multiplexor of {signal.Name} in SG_MUL_VAL_");
        var ranges = new List<DbcMuxRange>();
        do
        {
            var t = Peek;
            long from = ExpectInteger($"a range start in SG_MUL_VAL_ for {signal.Name}", 0, long.MaxValue);
            long to;
            if (Peek.Kind == DbcTokenKind.Number && Peek.Text.StartsWith('-'))
            {
                // "0 -3": the tokenizer read the separator as a sign.
                to = -ExpectInteger("a range end", long.MinValue + 1, 0);
            }
            else
            {
                Expect("-", $"in the range of {signal.Name} (ranges are written lo-hi)");
                to = ExpectInteger($"a range end in SG_MUL_VAL_ for {signal.Name}", 0, long.MaxValue);
            }

            if (to < from)
            {
                throw Error(t, $"range {from}-{to} of {signal.Name} in SG_MUL_VAL_ is empty");
            }

            ranges.Add(new DbcMuxRange((ulong)from, (ulong)to));
        }
        while (Accept(","));

        ExpectEnd("SG_MUL_VAL_");
        if (signal.ExtendedSwitch != null)
        {
            throw Error(start, $"SG_MUL_VAL_ for {message.Name}.{signal.Name} is given twice");
        }

        signal.ExtendedSwitch = (switchName, start.Line);
        signal.MultiplexRanges = ranges;
    }
}
