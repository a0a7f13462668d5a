using System.Diagnostics;
using SharpFuzz;

namespace BmsGuard.Fuzz;

/// <summary>
/// <c>BmsGuard.Fuzz list | fuzz TARGET | replay TARGET PATH... | seeds DIR</c>. <c>fuzz</c> is what afl-fuzz
/// runs (SharpFuzz's persistent loop over stdin); <c>replay</c> runs files or folders through a target
/// in-process and exits 1 on the first failure (minimizing, CI triage); <c>seeds</c> writes the corpus.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] == "list")
        {
            foreach (var t in FuzzTargets.All)
            {
                Console.WriteLine($"{t.Name,-18} {t.Parser}");
            }

            return args.Length == 0 ? 2 : 0;
        }

        switch (args[0])
        {
            case "fuzz" when args.Length == 2:
                var target = FuzzTargets.Get(args[1]);
                Fuzzer.Run(stream =>
                {
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    target.Run(copy.ToArray());
                });
                return 0;
            case "replay" when args.Length >= 3:
                return Replay(FuzzTargets.Get(args[1]), args[2..]);
            case "seeds" when args.Length == 2:
                SeedCorpus.Write(args[1]);
                return 0;
            default:
                Console.Error.WriteLine("usage: BmsGuard.Fuzz list | fuzz TARGET | replay TARGET FILE|DIR... | seeds DIR");
                return 2;
        }
    }

    private static int Replay(FuzzTarget target, string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]);
        var failures = new Dictionary<string, List<string>>();
        int count = 0;
        foreach (string file in files.Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "README.txt"))
        {
            var watch = Stopwatch.StartNew();
            try
            {
                string answer = target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: {answer} ({watch.ElapsedMilliseconds} ms)");
            }
            catch (Exception e)
            {
                // One line per distinct failure: exception type and the frame that threw.
                string where = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
                string key = $"{e.GetType().Name} {where}";
                if (!failures.TryGetValue(key, out var list))
                {
                    failures[key] = list = [];
                    Console.WriteLine($"{file}: FAILED: {e}");
                }

                list.Add(file);
            }

            count++;
        }

        foreach (var (key, list) in failures)
        {
            Console.WriteLine($"FAILURE x{list.Count}: {key} (smallest: {list.MinBy(f => new FileInfo(f).Length)})");
        }

        Console.WriteLine($"{target.Name}: {count} inputs, {failures.Values.Sum(l => l.Count)} failures, {failures.Count} distinct");
        return failures.Count == 0 ? 0 : 1;
    }
}
