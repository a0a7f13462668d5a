namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// The column layout of a TRC 2.x file from its <c>$COLUMNS</c> line, e.g. 2.0's
/// <c>N,O,T,I,d,l,D</c> and 2.1's <c>N,O,T,B,I,d,R,L,D</c>: the field index of each column, -1
/// when absent.
/// </summary>
internal sealed class TrcColumns
{
    private TrcColumns()
    {
    }

    /// <summary>N: message number.</summary>
    public int Number { get; private set; } = -1;

    /// <summary>O: time offset in milliseconds.</summary>
    public int Offset { get; private set; } = -1;

    /// <summary>T: message type.</summary>
    public int Type { get; private set; } = -1;

    /// <summary>B: bus (1-based).</summary>
    public int Bus { get; private set; } = -1;

    /// <summary>I: identifier.</summary>
    public int Id { get; private set; } = -1;

    /// <summary>d: direction, Rx or Tx.</summary>
    public int Direction { get; private set; } = -1;

    /// <summary>R: reserved, always "-".</summary>
    public int Reserved { get; private set; } = -1;

    /// <summary>L (a DLC) or l (a length in bytes).</summary>
    public int Length { get; private set; } = -1;

    /// <summary>True for L (the DLC), false for l (the data length in bytes).</summary>
    public bool LengthIsDlc { get; private set; }

    /// <summary>D: data bytes, always the last column.</summary>
    public int Data { get; private set; } = -1;

    /// <summary>Parses the value of <c>$COLUMNS</c>; throws naming the first problem.</summary>
    public static TrcColumns Parse(ReadOnlySpan<byte> value)
    {
        var c = new TrcColumns();
        int index = 0;
        foreach (var range in value.Split((byte)','))
        {
            var letter = value[range].Trim((byte)' ');
            if (letter.Length != 1)
            {
                throw new TrcSyntaxException($"$COLUMNS entry '{TrcFields.Text(letter)}' is not one column letter (N,O,T,B,I,d,R,L,l,D)");
            }

            if (c.Data >= 0)
            {
                throw new TrcSyntaxException("$COLUMNS: the data column D must come last");
            }

            int previous = c.Set((char)letter[0], index++);
            if (previous >= 0)
            {
                throw new TrcSyntaxException($"$COLUMNS names column '{(char)letter[0]}' twice");
            }
        }

        foreach (var (column, name) in new[] { (c.Offset, "O (time offset)"), (c.Type, "T (type)"), (c.Id, "I (identifier)"), (c.Length, "L or l (length)"), (c.Data, "D (data)") })
        {
            if (column < 0)
            {
                throw new TrcSyntaxException($"$COLUMNS lacks column {name}");
            }
        }

        return c;
    }

    /// <summary>The column at field index <paramref name="index"/>, for error messages, e.g. "identifier (column I)".</summary>
    public string Describe(int index) =>
        index == Number ? "message number (column N)"
        : index == Offset ? "time offset (column O)"
        : index == Type ? "type (column T)"
        : index == Bus ? "bus (column B)"
        : index == Id ? "identifier (column I)"
        : index == Direction ? "direction (column d)"
        : index == Reserved ? "reserved column R"
        : index == Length ? (LengthIsDlc ? "data length code (column L)" : "data length (column l)")
        : "data (column D)";

    // Sets a column's index; returns its previous index (-1 unless named twice).
    private int Set(char letter, int index)
    {
        int previous;
        switch (letter)
        {
            case 'N': previous = Number; Number = index; break;
            case 'O': previous = Offset; Offset = index; break;
            case 'T': previous = Type; Type = index; break;
            case 'B': previous = Bus; Bus = index; break;
            case 'I': previous = Id; Id = index; break;
            case 'd': previous = Direction; Direction = index; break;
            case 'R': previous = Reserved; Reserved = index; break;
            case 'L' or 'l': previous = Length; Length = index; LengthIsDlc = letter == 'L'; break;
            case 'D': previous = Data; Data = index; break;
            default: throw new TrcSyntaxException($"$COLUMNS names unknown column '{letter}' (known: N,O,T,B,I,d,R,L,l,D)");
        }

        return previous;
    }
}
