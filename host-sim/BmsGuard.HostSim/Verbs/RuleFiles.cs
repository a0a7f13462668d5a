using BmsGuard.Core;
using BmsGuard.Device;

namespace BmsGuard.HostSim.Verbs;

/// <summary>Loads rule tables for the CLI, turning parse errors into file:line messages.</summary>
public static class RuleFiles
{
    /// <summary>Parses the file at <paramref name="path"/>, or the built-in reference rules when null.</summary>
    public static RuleTable Load(string? path)
    {
        string text;
        string name = path ?? "built-in reference rules";
        try
        {
            text = path == null ? ReferenceRules.Text : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read rule file '{path}': {e.Message}");
        }

        return Parse(text, name);
    }

    /// <summary>Parses rule text; errors name <paramref name="name"/> and the line.</summary>
    public static RuleTable Parse(string text, string name)
    {
        var table = RuleTableText.Parse(text, out int line, out string error);
        if (table == null)
        {
            throw new InputException($"{name}:{line}: {error}");
        }

        return table;
    }
}
