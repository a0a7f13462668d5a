using System.Text.Json;
using Xunit;

namespace BmsGuard.Tests.Replay;

/// <summary>The CLI's runtime settings that its replay speed from a cold start depends on.</summary>
public class CliRuntimeConfigTests
{
    [Fact]
    public void Hot_methods_tier_up_without_the_runtimes_startup_delay()
    {
        // Built next to the tests, as next to the CLI: the project's RuntimeHostConfigurationOption.
        string path = Path.Combine(AppContext.BaseDirectory, "bmsguard.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
