using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// The profile check proper: the host-compiled firmware (BmsGuard.Firmware.dll) may use only APIs that
/// nanoFramework 1.x provides, as listed in nanoframework-api.txt.
/// </summary>
public sealed class ProfileCheckTests
{
    // Types ("System.Byte[]") and members ("Type::Name(Param,…)", "Type::Field"); no generics by construction.
    private static readonly Regex EntryForm = new(
        @"^[A-Za-z_][\w.+]*(\[\])*(::(\.ctor|\.cctor|[A-Za-z_]\w*)(\(([\w.+]+(\[\])*&?(,[\w.+]+(\[\])*&?)*)?\))?)?$",
        RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public ProfileCheckTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The firmware as the host build compiled it; read as a file, never loaded.</summary>
    public static string FirmwarePath => Path.Combine(AppContext.BaseDirectory, "BmsGuard.Firmware.dll");

    [Fact]
    public void Firmware_uses_only_nanoFramework_apis()
    {
        ApiAllowlist allowlist = ApiAllowlist.Load(ApiAllowlist.DefaultPath());
        ProfileReport report = new ProfileChecker(allowlist).Check(FirmwarePath);

        _output.WriteLine(report.ExternalApis.Count + " distinct external APIs used by the firmware:");
        foreach (string api in report.ExternalApis)
        {
            _output.WriteLine("  " + api);
        }

        string[] unused = allowlist.Entries.Except(report.ExternalApis).OrderBy(e => e, StringComparer.Ordinal).ToArray();
        _output.WriteLine(unused.Length + " listed APIs not used today" + (unused.Length == 0 ? "." : ": " + string.Join(", ", unused)));
        Assert.True(report.Passed, report.Describe());
        Assert.NotEmpty(report.ExternalApis);
    }

    [Fact]
    public void Api_list_entries_are_well_formed_and_unique()
    {
        string path = ApiAllowlist.DefaultPath();
        ApiAllowlist allowlist = ApiAllowlist.Load(path);

        Assert.Empty(allowlist.Duplicates);
        Assert.NotEmpty(allowlist.Entries);
        string[] malformed = allowlist.Entries.Where(e => !EntryForm.IsMatch(e)).ToArray();
        Assert.True(malformed.Length == 0, "malformed or generic entries: " + string.Join(", ", malformed));
        string[] forbidden = allowlist.Entries.Where(e => ForbiddenFeatures.Reason(e.Split("::")[0]) != null).ToArray();
        Assert.True(forbidden.Length == 0, "entries for features nanoFramework lacks: " + string.Join(", ", forbidden));
    }

    [Fact]
    public void Every_api_list_entry_sits_under_a_package_heading()
    {
        // Each group starts with "# nanoFramework.<Package> — <repo> <source file>", so every entry can be re-verified.
        string? heading = null;
        var orphans = new List<string>();
        foreach (string line in File.ReadAllLines(ApiAllowlist.DefaultPath()).Select(l => l.Trim()))
        {
            if (line.StartsWith("# nanoFramework.", StringComparison.Ordinal))
            {
                heading = line;
            }
            else if (line.Length > 0 && !line.StartsWith('#') && heading == null)
            {
                orphans.Add(line);
            }
        }

        Assert.True(orphans.Count == 0, "entries before any package heading: " + string.Join(", ", orphans));
    }
}
