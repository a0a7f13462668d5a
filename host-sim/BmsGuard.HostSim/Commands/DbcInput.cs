using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Commands;

/// <summary>Opens a DBC file named on the command line, turning its errors into clear input errors.</summary>
public static class DbcInput
{
    /// <summary>Loads <paramref name="path"/>; an unreadable or malformed file is an <see cref="InputException"/> naming it.</summary>
    public static DbcDatabase Load(string path)
    {
        try
        {
            return DbcDatabase.Load(path);
        }
        catch (DbcFormatException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read DBC file '{path}': {e.Message}");
        }
    }
}
