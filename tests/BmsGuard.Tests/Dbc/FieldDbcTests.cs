using System.Text;
using BmsGuard.HostSim.Dbc;
using Xunit;
using Xunit.Abstractions;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// Opt-in: every *.dbc in the directory named by BMSGUARD_FIELD_DBC_DIR (files from the field,
/// never committed: see docs/dbc.md) must load and decode random frames exactly as canmatrix
/// does, value names included. Frames canmatrix itself cannot decode are listed, not compared.
/// </summary>
public class FieldDbcTests(ITestOutputHelper output)
{
    private const string DirVariable = "BMSGUARD_FIELD_DBC_DIR";

    private static readonly string? Dir = Environment.GetEnvironmentVariable(DirVariable);

    [FieldDbcFact]
    public void Field_dbc_files_load_and_decode_as_canmatrix_does()
    {
        var files = Directory.GetFiles(Dir!, "*.dbc").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var report = new StringBuilder();
        var failed = new List<string>();
        int identical = 0;
        foreach (string path in files)
        {
            string name = Path.GetFileName(path);
            DbcDatabase db;
            try
            {
                db = DbcDatabase.Load(path, name);
            }
            catch (DbcFormatException e)
            {
                failed.Add($"{name}: refused: {e.Message}");
                continue;
            }

            var frames = CanmatrixReference.RandomFrames(db, new Random(name.Length), perMessage: 40);
            var result = CanmatrixReference.Compare(path, db, frames);
            identical += result.Identical ? 1 : 0;
            report.AppendLine($"{name}: {db.Messages.Count} messages, {result.Compared} values and {result.NamesCompared} names compared, {result.Differences.Count} differences, {db.Warnings.Count} warnings");
            foreach (var group in db.Warnings.GroupBy(w => Kind(w.Reason)))
            {
                report.AppendLine($"    {group.Count()} x {group.First()}");
            }

            foreach (var (error, count) in result.TheirErrors)
            {
                report.AppendLine($"    canmatrix cannot decode {count} frames of {error}");
            }

            if (result.Differences.Count > 0)
            {
                failed.Add($"{name}: {result.Differences.Count} differences, first:\n  {string.Join("\n  ", result.Differences.Take(10))}");
            }
        }

        report.AppendLine($"{identical} of {files.Count} files load and decode identically; {failed.Count} refused or differ");
        output.WriteLine(report.ToString());
        Assert.True(failed.Count == 0, string.Join('\n', failed));
    }

    // Groups warnings by their wording without names and numbers, to print one of each kind.
    private static string Kind(string reason) => System.Text.RegularExpressions.Regex.Replace(reason, @"\S*[0-9_'.]\S*", "#");
}

/// <summary>Runs only when BMSGUARD_FIELD_DBC_DIR names a directory of DBC files and canmatrix is installed.</summary>
public sealed class FieldDbcFactAttribute : FactAttribute
{
    public FieldDbcFactAttribute()
    {
        string? dir = Environment.GetEnvironmentVariable("BMSGUARD_FIELD_DBC_DIR");
        Skip = dir == null || !Directory.Exists(dir)
            ? "set BMSGUARD_FIELD_DBC_DIR to a directory of DBC files from the field to cross-check them against canmatrix"
            : Canmatrix.SkipReason;
    }
}
