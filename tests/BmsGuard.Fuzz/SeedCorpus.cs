using System.Text;
using System.Text.RegularExpressions;

namespace BmsGuard.Fuzz;

/// <summary>
/// Writes each target's seeds to DIR/TARGET/ (the repo keeps them in tests/BmsGuard.Fuzz/seeds) and, for
/// targets whose seeds are text, an afl-fuzz dictionary DIR/TARGET.dict of the words in them (keywords,
/// option names, section names), which afl splices in where byte flips would take long to find them.
/// </summary>
public static partial class SeedCorpus
{
    private const int MaxWords = 250;

    /// <summary>Replaces DIR/TARGET/ and DIR/TARGET.dict for every target with freshly generated ones.</summary>
    public static void Write(string dir)
    {
        foreach (var target in FuzzTargets.All)
        {
            string folder = Path.Combine(dir, target.Name);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            var seeds = target.Seeds().ToList();
            foreach (var (name, bytes) in seeds)
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
                Console.WriteLine($"{target.Name}/{name}: {bytes.Length} bytes, {target.Run(bytes)}");
            }

            string dict = Path.Combine(dir, target.Name + ".dict");
            File.Delete(dict);
            if (seeds.All(s => IsText(s.Bytes)))
            {
                var words = seeds.SelectMany(s => Word().Matches(Encoding.ASCII.GetString(s.Bytes)).Select(m => m.Value))
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxWords).ToList();
                File.WriteAllLines(dict, words.Select((w, i) => $"w{i}=\"{w}\""));
                Console.WriteLine($"{target.Name}.dict: {words.Count} words");
            }
        }
    }

    private static bool IsText(byte[] bytes) => bytes.All(b => b is (byte)'\n' or (byte)'\r' or (byte)'\t' or (>= 0x20 and < 0x7F));

    // Words and punctuation that carries syntax ("id=", "0x", "---", "{", ":"), no digits runs longer than 2.
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_\-]{0,30}[=:]?|[{}\[\]=:#;,]|---|0x")]
    private static partial Regex Word();
}
