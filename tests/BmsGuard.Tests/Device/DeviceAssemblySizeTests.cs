using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace BmsGuard.Tests.Device;

/// <summary>
/// Every firmware and device-test assembly, compiled against nanoFramework's own mscorlib
/// (firmware/netnano), stays under 80 % of both 16-bit tables of a nanoFramework assembly, in Debug
/// (what Visual Studio deploys) and Release. docs/device.md says how the estimate relates to the
/// MetadataProcessor's own numbers.
/// </summary>
public sealed class DeviceAssemblySizeTests : IClassFixture<DeviceAssemblySizeTests.Builds>
{
    /// <summary>80 % of 65,535.</summary>
    public const int Budget = AssemblyTables.Limit * 4 / 5;

    private static readonly string[] Assemblies =
    {
        "BmsGuard.Core", "BmsGuard.Core.Telemetry", "BmsGuard.Core.Owner", "BmsGuard.Core.Diagnostics", "BmsGuard.Device", "BmsGuard.Firmware",
        "BmsGuard.Esp32", "NFUnitTest.Core", "NFUnitTest.Owner", "NFUnitTest.Telemetry", "NFUnitTest.Diagnostics",
    };

    private readonly Builds _builds;
    private readonly ITestOutputHelper _output;

    public DeviceAssemblySizeTests(Builds builds, ITestOutputHelper output)
    {
        _builds = builds;
        _output = output;
    }

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public void Every_device_assembly_is_under_80_percent_of_both_tables(string config)
    {
        Assert.True(_builds.ExitCodes[config] == 0, "dotnet build firmware/netnano -c " + config + " failed:\n" + _builds.Logs[config]);
        var over = new List<string>();
        foreach (string project in Assemblies)
        {
            string dll = Directory.GetFiles(Path.Combine(Builds.Netnano, project, "bin", config), "*.dll", SearchOption.AllDirectories)
                .Single(f => Path.GetFileNameWithoutExtension(f) == (project.StartsWith("NFUnitTest", StringComparison.Ordinal) ? "NFUnitTest" : project));
            AssemblyTables t = AssemblyTables.Read(dll);
            _output.WriteLine($"{config,-7} {project,-26} byte code {t.ByteCode,6} ({100.0 * t.ByteCode / AssemblyTables.Limit,5:F1} %)  strings {t.StringsBound,6} ({100.0 * t.StringsBound / AssemblyTables.Limit,5:F1} %)");
            if (t.ByteCode > Budget || t.StringsBound > Budget)
            {
                over.Add($"{project}: byte code {t.ByteCode}, strings {t.StringsBound} (budget {Budget} each)");
            }
        }
        Assert.True(over.Count == 0, config + ": over 80 % of a nanoFramework table:\n" + string.Join("\n", over));
    }

    [Fact]
    public void The_estimate_sees_a_table_grow()
    {
        string dll = Directory.GetFiles(Path.Combine(Builds.Netnano, "BmsGuard.Core", "bin", "Debug"), "BmsGuard.Core.dll", SearchOption.AllDirectories).Single();
        string firmware = Directory.GetFiles(Path.Combine(Builds.Netnano, "BmsGuard.Firmware", "bin", "Debug"), "BmsGuard.Firmware.dll", SearchOption.AllDirectories).Single();
        AssemblyTables core = AssemblyTables.Read(dll);
        AssemblyTables program = AssemblyTables.Read(firmware);
        Assert.True(core.ByteCode > 10 * program.ByteCode && core.Strings > program.Strings, core + " vs " + program);
    }

    /// <summary>Builds firmware/netnano (Netnano.slnx) once per configuration; incremental when CI built it already.</summary>
    public sealed class Builds
    {
        public static readonly string Netnano = Path.Combine(RepoRoot(), "firmware", "netnano");

        public Dictionary<string, int> ExitCodes { get; } = new();

        public Dictionary<string, string> Logs { get; } = new();

        public Builds()
        {
            foreach (string config in new[] { "Debug", "Release" })
            {
                var psi = new ProcessStartInfo("dotnet", new[] { "build", Path.Combine(Netnano, "Netnano.slnx"), "-c", config, "-nologo", "-v", "q", "-clp:NoSummary" })
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using Process p = Process.Start(psi)!;
                Task<string> err = p.StandardError.ReadToEndAsync();
                string log = p.StandardOutput.ReadToEnd() + err.Result;
                p.WaitForExit();
                ExitCodes[config] = p.ExitCode;
                Logs[config] = log;
            }
        }

        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "nanoFramework.sln")))
            {
                dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
            }
            return dir;
        }
    }
}
