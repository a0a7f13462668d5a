using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Commands;

/// <summary>Opens captures for the CLI, turning unknown formats and unreadable files into one-line errors.</summary>
public static class CaptureInput
{
    /// <summary>Opens <paramref name="path"/> with the reader its extension names.</summary>
    public static ICaptureReader Open(string path, string source, CaptureWarnings? warnings = null)
    {
        try
        {
            return CaptureFormats.OpenReader(path, source, warnings);
        }
        catch (NotSupportedException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot open capture '{path}': {e.Message}");
        }
    }

    /// <summary>Size of the file in bytes (for progress), 0 when unknown.</summary>
    public static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
