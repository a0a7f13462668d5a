using System.Text;
using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>A file written the way the field writes them (<see cref="FieldOddities"/>): read, warned about, and decoded as canmatrix does.</summary>
public class DbcFieldReadingTests
{
    [Fact]
    public void Every_oddity_is_read_with_one_warning_naming_its_line_and_what_was_assumed()
    {
        using var dir = new TempDir();
        string path = dir.File("field.dbc");
        File.WriteAllBytes(path, FieldOddities.Bytes());
        var db = DbcDatabase.Load(path, "field.dbc");

        var expected = FieldOddities.Warnings.Select(w => (FieldOddities.LineOf(w.OnLine), w.Reason)).OrderBy(w => w.Item1).ToList();
        Assert.Equal(expected.Select(e => e.Item1), db.Warnings.Select(w => w.Line));
        foreach (var (w, (_, reason)) in db.Warnings.Zip(expected))
        {
            Assert.StartsWith(reason, w.Reason, StringComparison.Ordinal);
            Assert.Equal("field.dbc", w.Source);
        }

        var j1939 = db.Find(0x18FF50E5, extended: true);
        Assert.Equal("J1939Like", j1939?.Name);
        Assert.Equal("referred to by the id as written", j1939!.Comment);
        Assert.Equal("HighBits", db.Find(0x123, extended: false)?.Name);
        Assert.Equal("referred to by the id as written", db.Message("HighBits")!.Signal("Temp")!.Comment);
        Assert.Equal("°C", db.Message("HighBits")!.Signal("Temp")!.Unit);
        Assert.Equal("numbered signal", db.Message("777")!.Signal("42")!.Comment);
        Assert.Equal("the last comment, without its semicolon", db.Message("Short")!.Comment);
        Assert.Equal(50, db.Message("Short")!.CycleTime);
        Assert.Equal("Aus – Ruhe", j1939.Signal("Mode")!.ValueTable[0]);
        Assert.Equal("ungültig", db.Message("FdPack")!.Signal("CellMin")!.ValueTable[65535]);
        Assert.Equal("MuxB", db.Message("TwoMux")!.Signal("Page0")!.Multiplexer?.Name);
        Assert.True(db.Message("Short")!.Signal("PastEnd")!.ReachesPastMessage);
    }

    [Fact]
    public void Strict_reading_refuses_the_first_oddity_with_its_line()
    {
        using var dir = new TempDir();
        string path = dir.File("field.dbc");
        File.WriteAllBytes(path, FieldOddities.Bytes());
        var e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Load(path, "field.dbc", strict: true));
        Assert.Equal($"field.dbc:{FieldOddities.LineOf("SG_ Temp :")}: the file is not UTF-8 (byte 0xB0); read as Windows-1252 (refused: strict reading)", e.Message);

        File.WriteAllText(path, FieldOddities.Text.Replace("°", "deg", StringComparison.Ordinal));
        e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Load(path, "field.dbc", strict: true));
        Assert.Equal(FieldOddities.LineOf("BO_ 419385573"), e.Line);
    }

    [Fact]
    public void Names_starting_with_digits_are_names_and_numbers_stay_numbers()
    {
        var db = DbcDatabase.Parse("BU_: A\nBO_ 1 2ndPack: 8 A\n SG_ 1stCell : 0|8@1+ (1e-3,-5E+1) [0|0] \"\" A\n SG_ 12V_Status m1 : 8|8@1+ (1,0) [0|0] \"\" A\n SG_ Mux M : 16|8@1+ (1,0) [0|0] \"\" A\nCM_ SG_ 1 1stCell \"first\";\n", "d.dbc");
        Assert.Empty(db.Warnings);
        var cell = db.Message("2ndPack")!.Signal("1stCell")!;
        Assert.Equal((0.001, -50.0), (cell.Scale, cell.Offset));
        Assert.Equal("first", cell.Comment);
        Assert.Equal("Mux", db.Message("2ndPack")!.Signal("12V_Status")!.Multiplexer?.Name);
    }

    [Fact]
    public void Utf8_with_bom_is_read_without_a_warning()
    {
        using var dir = new TempDir();
        string path = dir.File("utf8.dbc");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("BU_: A\nBO_ 1 M: 8 A\n SG_ S : 0|8@1+ (1,0) [0|0] \"°C\" A\nVAL_ 1 S 1 \"€ – ü\";\n")]);
        var db = DbcDatabase.Load(path);
        Assert.Empty(db.Warnings);
        Assert.Equal("€ – ü", db.Message("M")!.Signal("S")!.ValueTable[1]);
    }

    [Fact]
    public void Value_tables_are_keyed_by_raw_value_not_physical()
    {
        var db = DbcDatabase.Parse(FieldOddities.Text, "field.dbc");
        var mode = db.Message("J1939Like")!.Signal("Mode")!;
        byte[] data = new byte[8];
        data[2] = 3; // raw 3 is physical 11.5 (scale 0.5, offset 10)
        var v = MessageCodec.Decode(db.Message("J1939Like")!, data).Single(x => x.Signal == mode);
        Assert.Equal(11.5m, v.Physical.Exact);
        Assert.Equal("Charge, fast = 50 kW", v.Label);
        data[2] = 10; // raw 10 has no description, though physical 15 is not 3 either
        Assert.Null(MessageCodec.Decode(db.Message("J1939Like")!, data).Single(x => x.Signal == mode).Label);

        // Signed signals look up the sign-extended raw value.
        var temp = db.Message("HighBits")!;
        Assert.Equal("Sensor fehlt", MessageCodec.Decode(temp, [0xD8, 0, 0, 0, 0, 0, 0, 0]).Single().Label);
        Assert.Equal("kalt", MessageCodec.Decode(temp, [0xFF, 0, 0, 0, 0, 0, 0, 0]).Single().Label);
    }

    [Fact]
    public void A_signal_past_its_message_decodes_from_the_bits_a_frame_carries()
    {
        var db = DbcDatabase.Parse(FieldOddities.Text, "field.dbc");
        var m = db.Message("Short")!;

        // PastEnd 23|16@0: its MSB is bit 7 of byte 2; a 3-byte frame carries the top 8 bits, read as an 8-bit value.
        var values = MessageCodec.Decode(m, [0x11, 0x22, 0xAB]);
        Assert.Equal(0xABUL, values.Single(v => v.Signal.Name == "PastEnd").Raw);

        // A longer frame carries the whole signal.
        values = MessageCodec.Decode(m, [0x11, 0x22, 0xAB, 0xCD]);
        Assert.Equal(0xABCDUL, values.Single(v => v.Signal.Name == "PastEnd").Raw);

        // A frame shorter than the message carries neither, as for any signal beyond a short frame.
        Assert.Equal(["Inside"], MessageCodec.Decode(m, [0x11, 0x22]).Select(v => v.Signal.Name));
    }

    [CanmatrixFact]
    public void The_field_file_decodes_as_canmatrix_does()
    {
        using var dir = new TempDir();
        string path = dir.File("field.dbc");
        File.WriteAllBytes(path, FieldOddities.Bytes());
        var db = DbcDatabase.Load(path);
        var rng = new Random(13);
        var frames = CanmatrixReference.RandomFrames(db, rng, perMessage: 300);

        // Steer TwoMux's switches and Mode onto described values half of the time.
        foreach (var (m, data) in frames.Where((_, i) => i % 2 == 0))
        {
            if (m.Name == "TwoMux")
            {
                data[0] = (byte)rng.Next(0, 3);
            }
            else if (m.Name == "J1939Like")
            {
                data[2] = (byte)((data[2] & 0xF0) | rng.Next(0, 5));
            }
        }

        var result = CanmatrixReference.Compare(path, db, frames);
        Assert.True(result.Differences.Count == 0, string.Join('\n', result.Differences.Take(20)));
        Assert.True(result.TheirErrors.Count == 0, string.Join('\n', result.TheirErrors.Keys));
        Assert.True(result.Compared > 3_000, $"only {result.Compared} values compared");
        Assert.True(result.NamesCompared > 200, $"only {result.NamesCompared} value names compared");
    }
}
