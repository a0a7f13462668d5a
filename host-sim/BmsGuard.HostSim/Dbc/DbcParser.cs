using System.Globalization;

namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Parses DBC text statement by statement; every error and warning names the line. What is not
/// DBC (no DBC keyword first, a malformed statement) is an error; oddities that canmatrix and
/// cantools read (references to missing objects, signals past the message, ids above 0x7FF
/// without bit 31, ...) are warnings saying what was assumed, or errors when reading strictly.
/// Statements this model does not use (BO_TX_BU_, EV_, SIG_GROUP_, CAT_DEF_, BA_DEF_REL_, ...)
/// are skipped up to their ';'. The statement handlers live in the partial files next to this
/// one; cross-references are settled by <see cref="DbcResolver"/>.
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

    /// <summary>DBC statements this model skips (the symbols CANdb++ lists under NS_, and EV_).</summary>
    private static readonly HashSet<string> SkippedKeywords =
    [
        "NS_DESC_", "CAT_DEF_", "CAT_", "FILTER", "EV_DATA_", "ENVVAR_DATA_", "SGTYPE_", "SGTYPE_VAL_", "BA_DEF_SGTYPE_",
        "BA_SGTYPE_", "SIG_TYPE_REF_", "SIG_GROUP_", "SIGTYPE_VALTYPE_", "BO_TX_BU_", "BA_DEF_REL_", "BA_REL_",
        "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_", "EV_",
    ];

    private readonly List<DbcToken> _tokens;
    private readonly string _source;
    private readonly DbcDatabase _db;
    private readonly DbcResolver _resolver;
    private readonly bool _strict;

    /// <summary>Messages by the identifier as written in the file (bit 31 = extended), including the pseudo-message.</summary>
    private readonly Dictionary<uint, DbcMessage> _byDbcId = [];
    private int _pos;

    /// <summary>The BO_ whose SG_ lines are being read, or null once another statement intervenes.</summary>
    private DbcMessage? _current;

    private DbcParser(string text, string source, bool strict)
    {
        _source = source;
        _strict = strict;
        _tokens = DbcTokenizer.Tokenize(text, source);
        _db = new DbcDatabase(source);
        _resolver = new DbcResolver(_db, source, Warn);
    }

    private DbcToken Peek => _tokens[_pos];

    /// <summary>
    /// Parses <paramref name="text"/>; errors and warnings name <paramref name="source"/> and the
    /// line. <paramref name="encodingWarning"/> (from reading the file) heads the warnings.
    /// </summary>
    public static DbcDatabase Parse(string text, string source, bool strict = false, DbcWarning? encodingWarning = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DbcFormatException(source, 1, text.Length == 0 ? "the file is empty" : "the file has only blank lines");
        }

        var parser = new DbcParser(text, source, strict);
        if (encodingWarning != null)
        {
            parser.Warn(encodingWarning.Line, encodingWarning.Reason);
        }

        var first = parser.Peek;
        if (first.Kind != DbcTokenKind.Identifier || !(Keywords.Contains(first.Text) || SkippedKeywords.Contains(first.Text)))
        {
            throw parser.Error(first, $"not a DBC file: it starts with {first.Describe()}, not a DBC keyword such as VERSION, NS_, BU_ or BO_");
        }

        parser.Run();
        parser._resolver.Resolve(parser._byDbcId.Values.Distinct());

        // The resolver's warnings come last; file order reads better (OrderBy is stable).
        var sorted = parser._db.WarningList.OrderBy(w => w.Line).ToList();
        parser._db.WarningList.Clear();
        parser._db.WarningList.AddRange(sorted);
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
                default:
                    if (!SkippedKeywords.Contains(keyword.Text))
                    {
                        Warn(keyword, $"unknown statement '{keyword.Text}' skipped up to its ';'");
                    }

                    SkipUnknownStatement();
                    break;
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

    private static bool IsKeyword(DbcToken t) => t.Kind == DbcTokenKind.Identifier && (Keywords.Contains(t.Text) || SkippedKeywords.Contains(t.Text));

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

    /// <summary>A message or signal name: an identifier, or a word of digits (some tools write those; a warning where it is defined).</summary>
    private string ExpectName(string what, bool defines = false)
    {
        var t = Next();
        if (t.Kind == DbcTokenKind.Number && t.Text.All(char.IsAsciiDigit))
        {
            if (defines)
            {
                Warn(t, $"{what} '{t.Text}' is a number, not an identifier; read as a name");
            }

            return t.Text;
        }

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

    /// <summary>
    /// A message reference by the identifier as written (CM_, BA_, VAL_, ...); null, with a warning
    /// that the statement is ignored, when no BO_ has that id (the caller then skips the statement).
    /// </summary>
    private DbcMessage? ExpectMessageRef(string statement)
    {
        var t = Peek;
        uint id = (uint)ExpectInteger($"the message id in {statement}", 0, uint.MaxValue);
        if (_byDbcId.GetValueOrDefault(id) is { } message)
        {
            return message;
        }

        Warn(t, $"{statement} refers to message id {id} (0x{id & 0x7FFF_FFFF:X}), which no BO_ defines; the statement is ignored");
        return null;
    }

    /// <summary>A signal of <paramref name="message"/> by name; null, with a warning that the statement is ignored, when it has none.</summary>
    private DbcSignal? ExpectSignalRef(DbcMessage message, string statement)
    {
        var t = Peek;
        string name = ExpectName($"a signal name in {statement}");
        if (message.Signal(name) is { } signal)
        {
            return signal;
        }

        Warn(t, $"{statement} refers to signal '{name}', which message {message.Name} does not have; the statement is ignored");
        return null;
    }

    /// <summary>Skips the rest of a statement that refers to something missing (already warned about).</summary>
    private void SkipIgnoredStatement() => SkipUnknownStatement();

    private void Warn(DbcToken at, string reason) => Warn(at.Line, reason);

    private void Warn(int line, string reason)
    {
        if (_strict)
        {
            throw new DbcFormatException(_source, line, reason + " (refused: strict reading)");
        }

        _db.WarningList.Add(new DbcWarning(_source, line, reason));
    }

    private DbcFormatException Error(DbcToken at, string reason) => new(_source, at.Line, reason);
}
