using System.Globalization;
using System.Text;
using System.Text.Json;
using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// Our DBC parser and decoder against canmatrix (loadp_flat + Frame.decode) on the same files and
/// frames: the same signals must be present (multiplexing) with the same physical values, exactly
/// for integer signals (both sides use decimals) and within 1e-9 relative for IEEE floats.
/// </summary>
public class CanmatrixCrossCheckTests
{
    // One JSON list, one object per input line: signal name -> str(phys_value). canmatrix prints
    // notes ("ldf is not supported") while importing, so those go to stderr.
    private const string Decode = """
        import sys, json, contextlib
        with contextlib.redirect_stdout(sys.stderr):
            import canmatrix.formats
            db = canmatrix.formats.loadp_flat(sys.argv[1])
        frames = {(f.arbitration_id.id, f.arbitration_id.extended): f for f in db.frames}
        out = []
        for line in open(sys.argv[2]):
            ident, ext, data = line.split()
            frame = frames[(int(ident, 16), ext == '1')]
            out.append({name: str(v.phys_value) for name, v in frame.decode(bytes.fromhex(data)).items()})
        print(json.dumps(out))
        """;

    [CanmatrixFact]
    public void Reference_dbc_decodes_the_sample_and_random_frames_as_canmatrix_does()
    {
        var db = DbcDatabase.Load(DbcSnippets.ReferenceDbc);
        var frames = Captures.Read(Captures.BundledSample)
            .Where(f => !f.Error && !f.Remote)
            .Select(f => (Message: db.Find(f.Id, f.Extended)!, Data: f.DataCopy()))
            .ToList();
        frames.AddRange(RandomFrames(db, new Random(11), perMessage: 100));
        int compared = CrossCheck(DbcSnippets.ReferenceDbc, frames);
        Assert.True(compared > 30_000, $"only {compared} values compared");
    }

    [CanmatrixFact]
    public void Motorola_signed_float_and_multiplexed_signals_decode_as_canmatrix_does()
    {
        using var dir = new TempDir();
        string path = dir.File("mixed.dbc", DbcSnippets.Mixed);
        var db = DbcDatabase.Load(path);
        var rng = new Random(5);
        var frames = RandomFrames(db, rng, perMessage: 400);

        // Random sub-multiplexor values rarely land in X's ranges; steer half of them there.
        byte[] subs = [0, 1, 2, 3, 5, 6, 9, 10, 12, 13, 255];
        foreach (var f in frames.Where(f => f.Message.Name == "ExtendedMux").Where((_, i) => i % 2 == 0))
        {
            f.Data[1] = subs[rng.Next(subs.Length)];
        }

        int compared = CrossCheck(path, frames);
        Assert.True(compared > 8_000, $"only {compared} values compared");
    }

    [CanmatrixFact]
    public void Parser_coverage_file_with_skipped_sections_decodes_as_canmatrix_does()
    {
        using var dir = new TempDir();
        string path = dir.File("everything.dbc", DbcSnippets.Everything);
        var frames = RandomFrames(DbcDatabase.Load(path), new Random(8), perMessage: 400);
        int compared = CrossCheck(path, frames);
        Assert.True(compared > 4_000, $"only {compared} values compared");
    }

    private static List<(DbcMessage Message, byte[] Data)> RandomFrames(DbcDatabase db, Random rng, int perMessage)
    {
        var frames = new List<(DbcMessage, byte[])>();
        foreach (var m in db.Messages)
        {
            for (int i = 0; i < perMessage; i++)
            {
                var data = new byte[m.Length];
                rng.NextBytes(data);
                frames.Add((m, data));
            }
        }

        return frames;
    }

    /// <summary>Decodes every frame on both sides; returns how many signal values were compared.</summary>
    private static int CrossCheck(string dbcPath, List<(DbcMessage Message, byte[] Data)> frames)
    {
        using var dir = new TempDir();
        var input = new StringBuilder();
        foreach (var (m, data) in frames)
        {
            input.Append(CultureInfo.InvariantCulture, $"{m.Id:X} {(m.IsExtended ? 1 : 0)} {Convert.ToHexString(data)}\n");
        }

        string framesPath = dir.File("frames.txt", input.ToString());
        var theirs = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(Canmatrix.Run(Decode, dbcPath, framesPath))!;
        Assert.Equal(frames.Count, theirs.Count);

        var differences = new List<string>();
        int compared = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            var (m, data) = frames[i];
            var ours = MessageCodec.Decode(m, data).ToDictionary(v => v.Signal.Name, v => v.Physical);
            string where = $"{m.Name} {Convert.ToHexString(data)}";
            if (!ours.Keys.Order().SequenceEqual(theirs[i].Keys.Order()))
            {
                differences.Add($"{where}: signals ours [{string.Join(' ', ours.Keys)}] canmatrix [{string.Join(' ', theirs[i].Keys)}]");
                continue;
            }

            foreach (var (name, value) in ours)
            {
                compared++;
                if (!Same(value, theirs[i][name]))
                {
                    differences.Add($"{where}: {name} ours {value} canmatrix {theirs[i][name]}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} differences, first: \n{string.Join('\n', differences.Take(20))}");
        return compared;
    }

    private static bool Same(PhysicalValue ours, string theirs)
    {
        if (ours.Exact is { } exact && decimal.TryParse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
        {
            return exact == d;
        }

        double a = ours.Value;
        double b = double.Parse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (double.IsNaN(a) && double.IsNaN(b)) || a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
    }
}
