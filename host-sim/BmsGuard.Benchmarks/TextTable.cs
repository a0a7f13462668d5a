using System.Text;

namespace BmsGuard.Benchmarks;

/// <summary>A plain-text table: first column left-aligned, the others right-aligned, widths from the content.</summary>
internal sealed class TextTable
{
    private readonly List<string[]> _rows = [];
    private readonly int _columns;

    /// <summary>Creates a table with the given header cells.</summary>
    public TextTable(params string[] header)
    {
        _columns = header.Length;
        _rows.Add(header);
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>The table, with a rule under the header, each line indented by <paramref name="indent"/>.</summary>
    public string Render(string indent = "  ")
    {
        var widths = new int[_columns];
        foreach (var row in _rows)
        {
            for (int c = 0; c < Math.Min(_columns, row.Length); c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var sb = new StringBuilder();
        for (int r = 0; r < _rows.Count; r++)
        {
            sb.Append(indent);
            for (int c = 0; c < _columns; c++)
            {
                string cell = c < _rows[r].Length ? _rows[r][c] : "";
                sb.Append(c == 0 ? cell.PadRight(widths[c]) : "  " + cell.PadLeft(widths[c]));
            }

            sb.Append('\n');
            if (r == 0)
            {
                sb.Append(indent).Append('-', widths.Sum() + (2 * (_columns - 1))).Append('\n');
            }
        }

        return sb.ToString();
    }
}
