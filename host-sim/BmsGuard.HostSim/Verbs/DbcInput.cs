using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Verbs;

/// <summary>Opens a DBC file named on the command line, turning its errors into clear input errors and printing its warnings.</summary>
public static class DbcInput
{
    /// <summary>Warnings printed in full; the rest are counted.</summary>
    public const int ListedWarnings = 20;

    /// <summary>
    /// Loads <paramref name="path"/>; an unreadable or malformed file (or, when
    /// <paramref name="strict"/>, one with oddities) is an <see cref="InputException"/> naming it.
    /// The oddities accepted are printed to <paramref name="stderr"/>, each naming file:line and what was assumed.
    /// </summary>
    public static DbcDatabase Load(string path, TextWriter? stderr = null, bool strict = false)
    {
        DbcDatabase db;
        try
        {
            db = DbcDatabase.Load(path, path, strict);
        }
        catch (DbcFormatException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read DBC file '{path}': {e.Message}");
        }

        if (stderr != null && db.Warnings.Count > 0)
        {
            foreach (var w in db.Warnings.Take(ListedWarnings))
            {
                stderr.WriteLine($"bmsguard: {w}");
            }

            string more = db.Warnings.Count > ListedWarnings ? $"{db.Warnings.Count - ListedWarnings} more warnings; " : "";
            stderr.WriteLine($"bmsguard: {path}: {more}{db.Warnings.Count} oddities read as stated (--strict refuses them)");
        }

        return db;
    }
}
