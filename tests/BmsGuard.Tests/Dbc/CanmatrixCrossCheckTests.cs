using System.Globalization;
using System.Text;
using System.Text.Json;
using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// Our DBC parser and decoder against canmatrix (loadp_flat + Frame.decode) on the same files and
/// frames (<see cref="CanmatrixReference"/>): the same signals must be present (multiplexing) with
/// the same physical values, exactly for integer signals (both sides use decimals) and within 1e-9
/// relative for IEEE floats, and the same value names.
/// </summary>
public class CanmatrixCrossCheckTests
{
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

    private static List<(DbcMessage Message, byte[] Data)> RandomFrames(DbcDatabase db, Random rng, int perMessage) =>
        CanmatrixReference.RandomFrames(db, rng, perMessage);

    /// <summary>Decodes every frame on both sides (values and value names); returns how many signal values were compared.</summary>
    private static int CrossCheck(string dbcPath, List<(DbcMessage Message, byte[] Data)> frames)
    {
        var result = CanmatrixReference.Compare(dbcPath, DbcDatabase.Load(dbcPath), frames);
        Assert.True(result.Differences.Count == 0, $"{result.Differences.Count} differences, first: \n{string.Join('\n', result.Differences.Take(20))}");
        Assert.Empty(result.TheirErrors);
        return result.Compared;
    }
}
