using BmsGuard.HostSim.Keys;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Keys;

/// <summary><c>bmsguard keys new|show</c>: fresh secrets, owner-only files, no overwrite, errors with file:line.</summary>
public class KeysCommandTests
{
    [Fact]
    public void New_key_files_hold_distinct_random_secrets_and_show_never_prints_them()
    {
        using var dir = new TempDir();
        string a = dir.File("owner.key");
        string b = dir.File("fleet.key");
        File.Delete(a);
        File.Delete(b);
        Assert.Equal(0, CliRun.Of("keys", "new", "--role", "owner", "--id", "1", "--out", a).ExitCode);
        Assert.Equal(0, CliRun.Of("keys", "new", "--role", "fleet", "--id", "2", "--out", b).ExitCode);

        var owner = KeyFile.Load(a);
        var fleet = KeyFile.Load(b);
        Assert.Equal(BmsGuard.Core.Commands.Role.Owner, owner.Role);
        Assert.Equal((ushort)2, fleet.Id);
        Assert.NotEqual(owner.Secret, fleet.Secret);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(a));
        }

        var show = CliRun.Of("keys", "show", a, b);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"role=owner id=1 fingerprint={owner.Fingerprint}", show.Stdout);
        Assert.Contains("role=fleet id=2", show.Stdout);
        Assert.DoesNotContain(Convert.ToHexStringLower(owner.Secret), show.Stdout);
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        using var dir = new TempDir();
        string path = dir.File("owner.key", "keep me\n");
        var run = CliRun.Of("keys", "new", "--role", "owner", "--id", "1", "--out", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Stderr);
        Assert.Equal("keep me\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("role pilot\nid 1\n", ":1: unknown role 'pilot'")]
    [InlineData("role owner\nid 0\n", ":2: key id must be 1..65535")]
    [InlineData("role owner\nid 1\nsecret abc\n", ":3: secret must be 64 hex digits")]
    [InlineData("role owner\nid 1\n", ": not a key file: no 'secret' line")]
    [InlineData("role owner\ncolour blue\n", ":2: unknown field 'colour'")]
    public void Bad_key_files_are_named_with_line_and_reason(string text, string expected)
    {
        using var dir = new TempDir();
        string path = dir.File("bad.key", text);
        var run = CliRun.Of("keys", "show", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path + expected, run.Stderr);
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys new --id 1 --out x.key")]
    [InlineData("keys new --role king --id 1 --out x.key")]
    [InlineData("keys new --role owner --out x.key")]
    public void Usage_errors_exit_2(string line)
    {
        Assert.Equal(2, CliRun.Of(line.Split(' ')).ExitCode);
    }
}
