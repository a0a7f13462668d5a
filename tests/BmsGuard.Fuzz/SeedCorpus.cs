namespace BmsGuard.Fuzz;

/// <summary>Writes each target's seeds to DIR/TARGET/ (the repo keeps them in tests/BmsGuard.Fuzz/seeds).</summary>
public static class SeedCorpus
{
    /// <summary>Replaces DIR/TARGET/ for every target with freshly generated seeds.</summary>
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
            foreach (var (name, bytes) in target.Seeds())
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
                Console.WriteLine($"{target.Name}/{name}: {bytes.Length} bytes, {target.Run(bytes)}");
            }
        }
    }
}
