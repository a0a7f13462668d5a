using System.Globalization;

namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Parses DBC text statement by statement. Known statements are checked strictly and every
/// error names the line; statements this model does not use (BO_TX_BU_, EV_, SIG_GROUP_,
/// CAT_DEF_, BA_DEF_REL_, ...) are skipped up to their ';'. The statement handlers live in the
/// partial files next to this one; cross-references are settled by <see cref="DbcResolver"/>.
/// </summary>
internal sealed partial class DbcParser
{
    /// <summary>Vector's pseudo-message that holds signals not yet mapped to a message.</summary>
    private const string IndependentSignalsMessage = "VECTOR__INDEPENDENT_SIG_MSG";

    /// <summary>Statements handled here; the skipper of unknown statements stops at these when they start a line.</summary>
    private static readonly HashSet<string> Keywords =
    [
        "VERSION", "NS_", "BS_", "BU_", "VAL_TABLE_", "BO_", "SG_", "CM_", "BA_DEF_", "BA_DEF_DEF_", "BA_", "VAL_", "SIG_VALTYPE_", "SG_MUL_VAL_",
    ];

    private readonly List<DbcToken> _tokens;
    private readonly string _source;
    private readonly DbcDatabase _db;
    private readonly DbcResolver _resolver;

    /// <summary>Messages by the identifier as written in the file (bit 31 = extended), including the pseudo-message.</summary>
    private readonly Dictionary<uint, DbcMessage> _byDbcId = [];
    private int _pos;

    /// <summary>The BO_ whose SG_ lines are being read, or null once another statement intervenes.</summary>
    private DbcMessage? _current;

    private DbcParser(string text, string source)
    {
        _source = source;
        _tokens = DbcTokenizer.Tokenize(text, source);
        _db = new DbcDatabase(source);
        _resolver = new DbcResolver(_db, source);
    }

    private DbcToken Peek => _tokens[_pos];

    /// <summary>Parses <paramref name="text"/>; errors name <paramref name="source"/> and the line.</summary>
    public static DbcDatabase Parse(string text, string source)
    {
        var parser = new DbcParser(text, source);
        parser.Run();
        parser._resolver.Resolve(parser._byDbcId.Values);
        return parser._db;
    }

    private void Run()
    {
        while (Peek.Kind != DbcTokenKind.End)
        {
            var keyword = Next();
            if (keyword.Kind != DbcTokenKind.Identifier)
            {
                throw Error(keyword, $"expected a statement keyword such as BO_, SG_ or CM_, found {keyword.Describe()}");
            }

            if (keyword.Text != "SG_")
            {
                _current = null;
            }

            switch (keyword.Text)
            {
                case "VERSION": _db.Version = ExpectString("VERSION"); break;
                case "NS_": ParseNewSymbols(); break;
                case "BS_": ParseBitTiming(keyword); break;
                case "BU_": ParseNodes(keyword); break;
                case "VAL_TABLE_": ParseValueTable(); break;
                case "BO_": ParseMessage(keyword); break;
                case "SG_": ParseSignal(keyword); break;
                case "CM_": ParseComment(); break;
                case "BA_DEF_": ParseAttributeDefinition(); break;
                case "BA_DEF_DEF_": ParseAttributeDefault(); break;
                case "BA_": ParseAttributeValue(); break;
                case "VAL_": ParseValueDescriptions(); break;
                case "SIG_VALTYPE_": ParseSignalValueType(); break;
                case "SG_MUL_VAL_": ParseExtendedMultiplexing(); break;
                default: SkipUnknownStatement(); break;
            }
        }
    }

    // NS_ : followed by the symbol names CANdb++ lists, usually one per indented line. The list
    // has no terminator, so it ends at the mandatory BS_/BU_ (or BO_), at anything that is not a
    // name, or at a name in column 0 that has more tokens on its line (a real statement).
    private void ParseNewSymbols()
    {
        Accept(":");
        while (Peek.Kind == DbcTokenKind.Identifier && Peek.Text is not ("BS_" or "BU_" or "BO_"))
        {
            if (Peek.Column == 0 && _tokens[_pos + 1].Line == Peek.Line)
            {
                break;
            }

            _pos++;
        }
    }

    // BS_: [baudrate : BTR1 , BTR2] — obsolete; the rest of the line is ignored.
    private void ParseBitTiming(DbcToken keyword)
    {
        Expect(":", "after BS_");
        SkipRestOfLine(keyword.Line);
    }

    private void ParseNodes(DbcToken keyword)
    {
        Expect(":", "after BU_");
        while (Peek.Kind == DbcTokenKind.Identifier && Peek.Line == keyword.Line)
        {
            string name = Next().Text;
            if (_db.Node(name) == null)
            {
                _db.NodeList.Add(new DbcNode(name));
            }
        }

        if (Peek.Line == keyword.Line && Peek.Kind != DbcTokenKind.End)
        {
            throw Error(Peek, $"expected a node name in BU_, found {Peek.Describe()}");
        }
    }

    private void SkipRestOfLine(int line)
    {
        while (Peek.Kind != DbcTokenKind.End && Peek.Line == line)
        {
            _pos++;
        }
    }

    // Unknown statements end with ';'. Should one lack it, stop at the next known statement that
    // starts a line rather than swallow it.
    private void SkipUnknownStatement()
    {
        while (Peek.Kind != DbcTokenKind.End)
        {
            var t = Peek;
            if (t.Is(";"))
            {
                _pos++;
                return;
            }

            if (t.Kind == DbcTokenKind.Identifier && t.Column == 0 && Keywords.Contains(t.Text))
            {
                return;
            }

            _pos++;
        }
    }

    private DbcToken Next()
    {
        var t = _tokens[_pos];
        if (t.Kind != DbcTokenKind.End)
        {
            _pos++;
        }

        return t;
    }

    private bool Accept(string punctuation)
    {
        if (Peek.Is(punctuation))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string punctuation, string where)
    {
        if (!Accept(punctuation))
        {
            throw Error(Peek, $"expected '{punctuation}' {where}, found {Peek.Describe()}");
        }
    }

    private void ExpectEnd(string statement) => Expect(";", $"to end {statement}");

    private string ExpectIdentifier(string what)
    {
        var t = Next();
        return t.Kind == DbcTokenKind.Identifier ? t.Text : throw Error(t, $"expected {what}, found {t.Describe()}");
    }

    private string ExpectString(string what)
    {
        var t = Next();
        return t.Kind == DbcTokenKind.String ? t.Text : throw Error(t, $"expected a quoted string after {what}, found {t.Describe()}");
    }

    private double ExpectNumber(string what)
    {
        var t = Next();
        if (t.Kind != DbcTokenKind.Number || !double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw Error(t, $"expected a number for {what}, found {t.Describe()}");
        }

        return v;
    }

    /// <summary>A whole number in [min, max] (for ids, bit positions, value table keys).</summary>
    private long ExpectInteger(string what, long min, long max)
    {
        var t = Next();
        if (t.Kind != DbcTokenKind.Number || !long.TryParse(t.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            // VAL_ keys are sometimes written "1.0"; accept integral decimals.
            if (t.Kind == DbcTokenKind.Number && double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e18)
            {
                v = (long)d;
            }
            else
            {
                throw Error(t, $"expected a whole number for {what}, found {t.Describe()}");
            }
        }

        return v >= min && v <= max ? v : throw Error(t, $"{what} {v} is out of range ({min}..{max})");
    }

    /// <summary>A message reference by the identifier as written (CM_, BA_, VAL_, ...).</summary>
    private DbcMessage ExpectMessageRef(string statement)
    {
        var t = Peek;
        uint id = (uint)ExpectInteger($"the message id in {statement}", 0, uint.MaxValue);
        return _byDbcId.GetValueOrDefault(id) ?? throw Error(t, $"{statement} refers to message id {id} (0x{id & 0x7FFF_FFFF:X}), which no BO_ defines");
    }

    private DbcSignal ExpectSignalRef(DbcMessage message, string statement)
    {
        var t = Peek;
        string name = ExpectIdentifier($"a signal name in {statement}");
        return message.Signal(name) ?? throw Error(t, $"{statement} refers to signal '{name}', which message {message.Name} does not have");
    }

    private DbcFormatException Error(DbcToken at, string reason) => new(_source, at.Line, reason);
}
