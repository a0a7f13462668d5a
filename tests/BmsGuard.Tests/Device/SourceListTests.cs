using System.Text.RegularExpressions;
using System.Xml.Linq;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// The device build picks its sources differently from the host build: the host compiles
/// firmware/Core/** and firmware/Device/** by one wildcard each, the device assemblies take folders
/// listed in firmware/*/Sources.props, and a shared project lists its files one by one in its
/// .projitems. A file or folder one of them forgets still builds and passes on the host and is
/// missing on the board; these tests make that a failure.
/// </summary>
public sealed class SourceListTests
{
    private static readonly string Firmware = Path.Combine(Captures.RepoRoot, "firmware");

    [Fact]
    public void Every_core_and_device_file_is_in_exactly_one_device_assembly()
    {
        var patterns = Directory.GetFiles(Firmware, "Sources.props", SearchOption.AllDirectories)
            .SelectMany(props => CompileItems(props).Select(include => (props, include)))
            .ToList();
        Assert.NotEmpty(patterns);

        var problems = new List<string>();
        foreach (string dir in new[] { "Core", "Device" })
        {
            foreach (string file in SourceFiles(Path.Combine(Firmware, dir)))
            {
                var owners = patterns.Where(p => Matches(p.include, file)).Select(p => Relative(p.props)).ToList();
                if (owners.Count != 1)
                {
                    problems.Add($"{Relative(file)}: in {owners.Count} assemblies ({string.Join(", ", owners)})");
                }
            }
        }

        Assert.True(problems.Count == 0, "add the folder to one firmware/*/Sources.props:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_shared_project_lists_exactly_the_files_on_disk()
    {
        string[] projitems = Directory.GetFiles(Firmware, "*.projitems", SearchOption.AllDirectories);
        Assert.NotEmpty(projitems);
        foreach (string path in projitems)
        {
            var listed = CompileItems(path).Select(Path.GetFullPath).ToHashSet();
            var onDisk = SourceFiles(Path.GetDirectoryName(path)!).ToHashSet();
            var missing = onDisk.Except(listed).Select(Relative).Order().ToList();
            var absent = listed.Except(onDisk).Select(Relative).Order().ToList();
            Assert.True(missing.Count == 0 && absent.Count == 0,
                $"{Relative(path)}: not listed: [{string.Join(", ", missing)}]; listed but not on disk: [{string.Join(", ", absent)}]");
        }
    }

    [Theory]
    [InlineData("/f/Core/*.cs", "/f/Core/Gateway.cs", true)]
    [InlineData("/f/Core/*.cs", "/f/Core/Uds/UdsInspector.cs", false)]
    [InlineData("/f/Core/Uds/**/*.cs", "/f/Core/Uds/UdsInspector.cs", true)]
    [InlineData("/f/Core/Uds/**/*.cs", "/f/Core/Uds/Deep/X.cs", true)]
    [InlineData("/f/Core/Uds/**/*.cs", "/f/Core/UdsX/X.cs", false)]
    [InlineData("/f/Core/Uds/**/*.cs", "/f/Core/Uds/X.txt", false)]
    public void The_wildcards_are_read_as_msbuild_reads_them(string include, string file, bool expected)
    {
        Assert.Equal(expected, Matches(include, file));
    }

    /// <summary>Compile items of an MSBuild file, $(MSBuildThisFileDirectory) resolved, as full paths.</summary>
    private static IEnumerable<string> CompileItems(string msbuildFile)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(msbuildFile))! + Path.DirectorySeparatorChar;
        return XDocument.Load(msbuildFile).Descendants()
            .Where(e => e.Name.LocalName == "Compile" && e.Attribute("Include") != null)
            .Select(e => e.Attribute("Include")!.Value.Replace("$(MSBuildThisFileDirectory)", dir).Replace('\\', '/'))
            .Where(include => !include.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal))
            .Select(include => include.Contains('*') ? NormalizeDir(include) : Path.GetFullPath(include));
    }

    private static string NormalizeDir(string include)
    {
        int star = include.IndexOf('*');
        int cut = include.LastIndexOf('/', star);
        return Path.GetFullPath(include[..cut]).Replace('\\', '/') + include[cut..];
    }

    /// <summary>MSBuild's two wildcard forms used here: DIR/*.cs (that folder) and DIR/**/*.cs (and below).</summary>
    private static bool Matches(string include, string file)
    {
        string pattern = "^" + Regex.Escape(include.Replace('\\', '/'))
            .Replace(@"/\*\*/", "/(?:[^/]+/)*")
            .Replace(@"\*", "[^/]*") + "$";
        return Regex.IsMatch(file.Replace('\\', '/'), pattern);
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFullPath);

    private static string Relative(string path) => Path.GetRelativePath(Captures.RepoRoot, path).Replace('\\', '/');
}
