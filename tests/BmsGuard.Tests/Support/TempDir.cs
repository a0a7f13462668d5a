namespace BmsGuard.Tests.Support;

/// <summary>A temporary directory deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bmsguard-test-" + Guid.NewGuid().ToString("N"));

    public string File(string name, string? content = null)
    {
        string p = System.IO.Path.Combine(Path, name);
        if (content != null)
        {
            System.IO.File.WriteAllText(p, content);
        }

        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir must not fail a test.
        }
    }
}
