using System.Text.Json;
using BmsGuard.HostSim.Verbs;
using BmsGuard.Tests.Support;
using Microsoft.VisualBasic.FileIO;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary><c>bmsguard decode --format csv|jsonl</c> parse back, value descriptions with spaces, '=' and ',' included; and the DBC's warnings and --strict.</summary>
public class DecodeFormatTests
{
    // J1939Like: Mode raw 3 ("Charge, fast = 50 kW"), CellVoltage 3.7 V; HighBits: Temp raw -40 ("Sensor fehlt"); 777: signal 42.
    private const string Capture = """
        (1.000000) can0 18FF50E5#740E030000000000
        (1.000100) can0 123#D800000000000000
        (1.000200) can1 309#2A00000000000000
        (1.000300) can0 7FF#00

        """;

    [Fact]
    public void Csv_has_one_row_per_signal_value_and_reads_back_with_an_rfc4180_reader()
    {
        var (run, _) = Decode("--format", "csv");
        Assert.Equal(0, run.ExitCode);
        using var parser = new TextFieldParser(new StringReader(run.Stdout)) { HasFieldsEnclosedInQuotes = true, Delimiters = [","] };
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        Assert.Equal(DecodeFormat.CsvHeader.Split(','), rows[0]);
        Assert.Equal(["1.000000", "can0", "0x18FF50E5", "1", "J1939Like", "CellVoltage", "3.7", "V", ""], rows[1]);
        Assert.Equal(["1.000000", "can0", "0x18FF50E5", "1", "J1939Like", "Mode", "11.5", "", "Charge, fast = 50 kW"], rows[2]);
        Assert.Equal(["1.000100", "can0", "0x123", "0", "HighBits", "Temp", "-80", "°C", "Sensor fehlt"], rows[3]);
        Assert.Equal(["1.000200", "can1", "0x309", "0", "777", "42", "42", "", ""], rows[4]);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void Jsonl_has_one_object_per_frame_with_numbers_and_labels_apart()
    {
        var (run, _) = Decode("--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(1.0, root.GetProperty("time").GetDouble());
        Assert.Equal(0x18FF50E5u, root.GetProperty("id").GetUInt32());
        Assert.True(root.GetProperty("extended").GetBoolean());
        Assert.Equal("J1939Like", root.GetProperty("message").GetString());
        var mode = root.GetProperty("signals").GetProperty("Mode");
        Assert.Equal(11.5m, mode.GetProperty("value").GetDecimal());
        Assert.Equal("Charge, fast = 50 kW", mode.GetProperty("label").GetString());
        Assert.False(root.GetProperty("signals").GetProperty("CellVoltage").TryGetProperty("label", out _));
        Assert.Equal(3.7m, root.GetProperty("signals").GetProperty("CellVoltage").GetProperty("value").GetDecimal());

        using var second = JsonDocument.Parse(lines[1]);
        var temp = second.RootElement.GetProperty("signals").GetProperty("Temp");
        Assert.Equal(-80m, temp.GetProperty("value").GetDecimal());
        Assert.Equal("°C", temp.GetProperty("unit").GetString());
        Assert.Equal("Sensor fehlt", temp.GetProperty("label").GetString());
    }

    [Fact]
    public void Text_stays_the_default_and_an_unknown_format_is_a_usage_error()
    {
        var (text, _) = Decode();
        Assert.StartsWith("1.000000 can0 J1939Like CellVoltage=3.7 V Mode=Charge, fast = 50 kW\n", text.Stdout, StringComparison.Ordinal);
        var (bad, _) = Decode("--format", "xml");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--format must be text, csv or jsonl, not 'xml'", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dbc_warnings_go_to_stderr_with_file_and_line_and_strict_refuses_them()
    {
        var (run, dbc) = Decode();
        Assert.Equal(0, run.ExitCode);
        int line = FieldOddities.LineOf("BO_ 419385573");
        Assert.Contains($"bmsguard: {dbc}:{line}: warning: id 0x18FF50E5 of message J1939Like does not fit 11 bits", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"bmsguard: {dbc}: {FieldOddities.Warnings.Length - 1} oddities read as stated (--strict refuses them)", run.Stderr, StringComparison.Ordinal);

        var (strict, strictDbc) = Decode("--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Empty(strict.Stdout);
        Assert.Equal($"bmsguard: {strictDbc}:{line}: id 0x18FF50E5 of message J1939Like does not fit 11 bits and lacks the extended flag (bit 31: 2566869221); taken as extended, as canmatrix and cantools do (refused: strict reading)", strict.Stderr.Trim());
    }

    [Fact]
    public void An_empty_dbc_is_refused_saying_so()
    {
        using var dir = new TempDir();
        string dbc = dir.File("empty.dbc", "\n\n");
        string capture = dir.File("in.log", Capture);
        var run = CliRun.Of("decode", capture, "--dbc", dbc);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {dbc}:1: the file has only blank lines", run.Stderr.Trim());
    }

    // The field file as UTF-8, so its only warnings are the oddities of its statements.
    private static (CliRun Run, string Dbc) Decode(params string[] options)
    {
        using var dir = new TempDir();
        string dbc = dir.File("field.dbc", FieldOddities.Text);
        string capture = dir.File("in.log", Capture);
        return (CliRun.Of(["decode", capture, "--dbc", dbc, .. options]), dbc);
    }
}
