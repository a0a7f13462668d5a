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
            ExpectEnd("CM_");
            return;
        }

        var kind = Peek;
        switch (ExpectIdentifier("BU_, BO_, SG_, EV_ or a string after CM_"))
        {
            case "BU_":
                var nodeToken = Peek;
                string nodeName = ExpectIdentifier("a node name after CM_ BU_");
                var node = _db.Node(nodeName) ?? throw Error(nodeToken, $"CM_ BU_ refers to node '{nodeName}', which BU_ does not list");
                node.Comment = ExpectString($"CM_ BU_ {nodeName}");
                break;
            case "BO_":
                var message = ExpectMessageRef("CM_ BO_");
                message.Comment = ExpectString($"CM_ BO_ {message.DbcId}");
                break;
            case "SG_":
                var owner = ExpectMessageRef("CM_ SG_");
                var signal = ExpectSignalRef(owner, "CM_ SG_");
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

        ExpectEnd("CM_");
    }

    // VAL_TABLE_ name 0 "off" 1 "on" ;
    private void ParseValueTable()
    {
        var nameToken = Peek;
        string name = ExpectIdentifier("a table name after VAL_TABLE_");
        var table = ParseValuePairs($"VAL_TABLE_ {name}");
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

        var message = ExpectMessageRef("VAL_");
        var signal = ExpectSignalRef(message, "VAL_");
        signal.ValueTable = ParseValuePairs($"VAL_ {message.DbcId} {signal.Name}");
    }

    private Dictionary<long, string> ParseValuePairs(string statement)
    {
        var pairs = new Dictionary<long, string>();
        while (!Accept(";"))
        {
            if (Peek.Kind != DbcTokenKind.Number)
            {
                throw Error(Peek, $"expected a value or ';' in {statement}, found {Peek.Describe()}");
            }

            long value = ExpectInteger($"a value in {statement}", long.MinValue, long.MaxValue);
            // A repeated value: the later description wins, as in CANdb++.
            pairs[value] = ExpectString($"value {value} in {statement}");
        }

        return pairs;
    }

    // SIG_VALTYPE_ id signal : 1 ;   (0 integer, 1 IEEE float, 2 IEEE double)
    private void ParseSignalValueType()
    {
        var message = ExpectMessageRef("SIG_VALTYPE_");
        var signal = ExpectSignalRef(message, "SIG_VALTYPE_");
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
        var message = ExpectMessageRef("SG_MUL_VAL_");
        var signal = ExpectSignalRef(message, "SG_MUL_VAL_");
        string switchName = ExpectIdentifier($"the multiplexor of {signal.Name} in SG_MUL_VAL_");
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
