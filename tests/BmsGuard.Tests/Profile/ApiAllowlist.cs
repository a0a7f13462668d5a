namespace BmsGuard.Tests.Profile;

/// <summary>
/// The checked-in list of APIs nanoFramework 1.x provides (nanoframework-api.txt): one type
/// (<c>System.Byte[]</c>) or member (<c>System.String::Concat(System.String,System.String)</c>) a line,
/// <c>#</c> comments naming the package and source file each group was verified against.
/// </summary>
public sealed class ApiAllowlist
{
    public const string FileName = "nanoframework-api.txt";

    private readonly HashSet<string> _entries;

    private ApiAllowlist(HashSet<string> entries, IReadOnlyList<string> duplicates)
    {
        _entries = entries;
        Duplicates = duplicates;
    }

    /// <summary>Entries that appear more than once (a sign of a merge slip).</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public IReadOnlyCollection<string> Entries => _entries;

    public bool Contains(string api) => _entries.Contains(api);

    /// <summary>Parses list lines; blanks and <c>#</c> comments are skipped, whitespace inside an entry ignored.</summary>
    public static ApiAllowlist Parse(IEnumerable<string> lines)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            string entry = string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)));
            if (!entries.Add(entry))
            {
                duplicates.Add(entry);
            }
        }

        return new ApiAllowlist(entries, duplicates);
    }

    public static ApiAllowlist Load(string path) => Parse(File.ReadAllLines(path));

    /// <summary>
    /// The checked-in list, found next to this source in the test project (the csproj does not copy it
    /// to the output, so look upward from the test binaries).
    /// </summary>
    public static string DefaultPath()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            foreach (string candidate in new[]
            {
                Path.Combine(dir.FullName, "Profile", FileName),
                Path.Combine(dir.FullName, "tests", "BmsGuard.Tests", "Profile", FileName),
            })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("cannot find Profile/" + FileName + " above " + AppContext.BaseDirectory);
    }
}
