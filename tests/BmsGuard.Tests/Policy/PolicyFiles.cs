using BmsGuard.Core.Commands;
using BmsGuard.HostSim.Keys;
using BmsGuard.Tests.Dbc;
using BmsGuard.Tests.Support;

namespace BmsGuard.Tests.Policy;

/// <summary>Paths and fresh keys for the policy tests.</summary>
public static class PolicyFiles
{
    public const string Vin = "WBA00000000000001";

    public static string ReferencePolicy => Path.Combine(Captures.RepoRoot, "host-sim", "BmsGuard.HostSim", "samples", "reference-policy.yaml");

    public static string ReferenceDbc => DbcSnippets.ReferenceDbc;

    /// <summary>A new random key of <paramref name="role"/> saved in <paramref name="dir"/>.</summary>
    public static (string Path, KeyFile Key) NewKey(TempDir dir, string name, int role = Role.Owner, ushort id = 1)
    {
        var key = KeyFile.Generate(role, id);
        string path = dir.File(name);
        key.Save(path);
        return (path, key);
    }

    /// <summary>Compiles <paramref name="policy"/> with the reference DBC; the CLI result and the bundle path.</summary>
    public static (CliRun Run, string Bundle) Compile(TempDir dir, string policy, string keyPath, uint version = 1, string vin = Vin)
    {
        string bundle = dir.File($"bundle-{Guid.NewGuid():N}.bin");
        var run = CliRun.Of("policy", "compile", policy, "--dbc", ReferenceDbc, "--key", keyPath, "--vin", vin, "--version", version.ToString(), "--out", bundle);
        return (run, bundle);
    }
}
