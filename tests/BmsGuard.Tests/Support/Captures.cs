using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Tests.Support;

/// <summary>Reads candump logs into lists for assertions.</summary>
public static class Captures
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoFramework.sln")) && !Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string BundledSample => Path.Combine(RepoRoot, "host-sim", "BmsGuard.HostSim", "samples", "reference-drive.log");

    public static List<CaptureFrame> Read(string path)
    {
        using var reader = new CandumpLogReader(File.OpenRead(path), Path.GetFileName(path));
        return ReadAll(reader);
    }

    public static List<CaptureFrame> Parse(string text)
    {
        using var reader = new CandumpLogReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "test.log");
        return ReadAll(reader);
    }

    private static List<CaptureFrame> ReadAll(CandumpLogReader reader)
    {
        var list = new List<CaptureFrame>();
        var f = new CaptureFrame();
        while (reader.Read(f))
        {
            var copy = new CaptureFrame();
            copy.CopyFrom(f);
            list.Add(copy);
        }

        return list;
    }

    public static string Hex(CaptureFrame f) => Convert.ToHexString(f.Data, 0, f.Length);
}
