using System.Globalization;

namespace BmsGuard.HostSim.Dbc;

/// <summary>BO_ and SG_ statements.</summary>
internal sealed partial class DbcParser
{
    private const string NoNode = "Vector__XXX";

    /// <summary>Per message, its warning about signals reaching past it, to add later such signals to.</summary>
    private readonly Dictionary<DbcMessage, (int Index, string Reason, List<string> Others)> _pastMessage = [];

    // BO_ <id> <name>: <length> <sender>
    private void ParseMessage(DbcToken keyword)
    {
        var idToken = Peek;
        uint dbcId = (uint)ExpectInteger("the BO_ message id", 0, uint.MaxValue);
        var nameToken = Peek;
        string name = ExpectName("the message name after the BO_ id", defines: true);
        Expect(":", $"after message name {name}");
        int length = (int)ExpectInteger($"the length of message {name}", 0, 64);
        string? sender = null;
        if (Peek.Kind == DbcTokenKind.Identifier && Peek.Line == keyword.Line)
        {
            sender = Next().Text;
        }

        bool extended = (dbcId & 0x8000_0000u) != 0;
        uint id = dbcId & 0x7FFF_FFFFu;
        bool pseudo = name == IndependentSignalsMessage;
        if (!pseudo && id > 0x1FFF_FFFF)
        {
            uint kept = id & 0x1FFF_FFFF;
            bool becomesExtended = extended || kept > 0x7FF;
            Warn(idToken, $"id 0x{id:X} of message {name} does not fit 29 bits; taken as {(becomesExtended ? "extended" : "standard")} id 0x{kept:X} (bits 29 and 30 dropped), as canmatrix does");
            id = kept;
            extended = becomesExtended;
        }
        else if (!pseudo && !extended && id > 0x7FF)
        {
            Warn(idToken, $"id 0x{id:X} of message {name} does not fit 11 bits and lacks the extended flag (bit 31: {id | 0x8000_0000u}); taken as extended, as canmatrix and cantools do");
            extended = true;
        }

        var message = new DbcMessage(id, extended, name, length, sender == NoNode ? null : sender, keyword.Line);
        if (_byDbcId.TryGetValue(dbcId, out var other))
        {
            throw Error(idToken, $"message {name} reuses id 0x{id:X} of message {other.Name} (line {other.Line})");
        }

        if (!pseudo)
        {
            if (_db.Message(name) is { } same)
            {
                Warn(nameToken, $"message name {name} is already used by id 0x{same.Id:X} (line {same.Line}); both are kept, and the name alone means the first");
            }

            _db.TryAdd(message);
        }

        _byDbcId.Add(dbcId, message);
        if (!pseudo && extended)
        {
            // References may write the id either way once it was taken as extended.
            _byDbcId.TryAdd(message.DbcId, message);
        }

        _current = message;
    }

    // SG_ <name> [M|mN|mNM] : <start>|<length>@<order><sign> (<scale>,<offset>) [<min>|<max>] "<unit>" <receivers>
    private void ParseSignal(DbcToken keyword)
    {
        var message = _current ?? throw Error(keyword, "SG_ outside a message (a signal must follow its BO_ line)");
        var nameToken = Peek;
        string name = ExpectName("the signal name after SG_", defines: true);
        var signal = new DbcSignal(name, keyword.Line);
        if (Peek.Kind == DbcTokenKind.Identifier)
        {
            ParseMultiplexIndicator(signal, Next());
        }

        Expect(":", $"after signal name {name}");
        var startToken = Peek;
        signal.StartBit = (int)ExpectInteger($"the start bit of {name}", 0, 511);
        Expect("|", $"between start bit and length of {name}");
        signal.Length = (int)ExpectInteger($"the length of {name}", 1, 64);
        Expect("@", $"before the byte order of {name}");
        var order = Next();
        signal.ByteOrder = order.Kind == DbcTokenKind.Number && order.Text is "0" or "1"
            ? (DbcByteOrder)(order.Text[0] - '0')
            : throw Error(order, $"byte order of {name} must be @0 (Motorola) or @1 (Intel), found {order.Describe()}");
        var sign = Next();
        if (!sign.Is("-") && !sign.Is("+"))
        {
            throw Error(sign, $"expected '+' (unsigned) or '-' (signed) after @{order.Text} in {name}, found {sign.Describe()}");
        }

        signal.IsSigned = sign.Is("-");
        Expect("(", $"before the scale of {name}");
        (signal.Scale, signal.ExactScale) = ExpectScaling($"the scale of {name}");
        Expect(",", $"between scale and offset of {name}");
        (signal.Offset, signal.ExactOffset) = ExpectScaling($"the offset of {name}");
        Expect(")", $"after the offset of {name}");
        Expect("[", $"before the minimum of {name}");
        signal.Minimum = ExpectNumber($"the minimum of {name}");
        Expect("|", $"between minimum and maximum of {name}");
        signal.Maximum = ExpectNumber($"the maximum of {name}");
        Expect("]", $"after the maximum of {name}");
        signal.Unit = ExpectString($"the range of {name} (the unit)");
        signal.Receivers = ParseReceivers(keyword.Line);

        if (message.Name != IndependentSignalsMessage && signal.BytesNeeded > message.Length)
        {
            string layout = $"{signal.StartBit}|{signal.Length}@{(int)signal.ByteOrder}, {signal.ByteOrder}";
            int carried = SignalCodec.CarriedBits(signal, message.Length);
            string assumed = carried == 0
                ? "a frame of that length carries none of its bits, so only longer frames show it"
                : $"a frame of that length carries its first {carried} bits, decoded as a {carried}-bit value as canmatrix does";
            signal.ReachesPastMessage = true;
            if (_pastMessage.TryGetValue(message, out var first))
            {
                // One warning per message: files with a wrong length have many such signals.
                first.Others.Add(name);
                var w = _db.WarningList[first.Index];
                _db.WarningList[first.Index] = w with { Reason = $"{first.Reason} (likewise {first.Others.Count} more: {string.Join(", ", first.Others)})" };
            }
            else
            {
                string reason = $"signal {name} ({layout}) needs {signal.BytesNeeded} bytes but message {message.Name} has {message.Length}; {assumed}";
                Warn(startToken, reason);
                _pastMessage.Add(message, (_db.WarningList.Count - 1, reason, []));
            }
        }

        if (!message.TryAdd(signal))
        {
            throw Error(nameToken, $"message {message.Name} already has a signal called {name}");
        }
    }

    private void ParseMultiplexIndicator(DbcSignal signal, DbcToken t)
    {
        string s = t.Text;
        if (s == "M")
        {
            signal.IsMultiplexor = true;
            return;
        }

        if (s == "m")
        {
            // Seen in the field where M was meant: its siblings are mN and none is marked M.
            Warn(t, $"multiplex indicator 'm' without a value for signal {signal.Name}; taken as M (the multiplexor)");
            signal.IsMultiplexor = true;
            return;
        }

        bool alsoSwitch = s.Length > 2 && s.EndsWith('M');
        string digits = alsoSwitch ? s[1..^1] : s[1..];
        if (s[0] != 'm' || digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            throw Error(t, $"bad multiplex indicator '{s}' for signal {signal.Name} (expected M, mN or mNM)");
        }

        signal.MultiplexValue = value;
        signal.MultiplexRanges = [new DbcMuxRange((ulong)value, (ulong)value)];
        signal.IsMultiplexor = alsoSwitch;
    }

    private (double Value, decimal? Exact) ExpectScaling(string what)
    {
        var t = Peek;
        double value = ExpectNumber(what);
        decimal? exact = null;
        if (decimal.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && (d != 0 || value == 0))
        {
            // decimal silently rounds tiny values (1e-30 parses as 0); only keep it when it agrees.
            exact = (double)d == value ? d : null;
        }

        return (value, exact);
    }

    // Receivers are comma-separated (some tools use spaces) and end with the line.
    private List<string> ParseReceivers(int line)
    {
        var receivers = new List<string>();
        while (Peek.Line == line && (Peek.Kind == DbcTokenKind.Identifier || Peek.Is(",")))
        {
            var t = Next();
            if (t.Kind == DbcTokenKind.Identifier && t.Text != NoNode)
            {
                receivers.Add(t.Text);
            }
        }

        if (Peek.Line == line && Peek.Kind != DbcTokenKind.End)
        {
            throw Error(Peek, $"expected receiver node names at the end of SG_, found {Peek.Describe()}");
        }

        return receivers;
    }
}
