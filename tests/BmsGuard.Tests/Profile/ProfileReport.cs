using System.Text;

namespace BmsGuard.Tests.Profile;

/// <summary>The outcome of checking one assembly against the nanoFramework API list.</summary>
/// <param name="Violations">Everything that must change (or be verified and listed) before the firmware can run.</param>
/// <param name="ExternalApis">Distinct external types and members the assembly uses, sorted, in allowlist form.</param>
public sealed record ProfileReport(IReadOnlyList<ProfileViolation> Violations, IReadOnlyList<string> ExternalApis)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>A failure message: one violation a line, then what to do about it.</summary>
    public string Describe()
    {
        if (Passed)
        {
            return "profile check passed: " + ExternalApis.Count + " distinct external APIs, all in the nanoFramework list";
        }

        var text = new StringBuilder();
        text.Append(Violations.Count).AppendLine(" reference(s) outside the nanoFramework 1.x profile:");
        foreach (ProfileViolation violation in Violations)
        {
            text.Append("  ").AppendLine(violation.ToString());
        }

        text.AppendLine("Rewrite the firmware with an API nanoFramework provides; only if the API really exists in the");
        text.AppendLine("nanoFramework 1.x sources, add it to tests/BmsGuard.Tests/Profile/nanoframework-api.txt under its package.");
        return text.ToString();
    }
}
