using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;
using BmsGuard.HostSim.Output;

namespace BmsGuard.Tests.Capture;

public class OutputFileTests
{
    [Fact]
    public void An_existing_file_is_replaced_not_rewritten_in_place()
    {
        using var dir = new TempDir();
        string path = dir.File("to-tcu.log", "old contents\n");
        using var stillReading = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        using (var fresh = OutputFile.Create(path, 0))
        {
            fresh.Write("new\n"u8);
        }

        Assert.Equal("new\n", File.ReadAllText(path));

        // Truncating would have cut the file under this reader; replacing leaves it the old one.
        using var old = new StreamReader(stillReading, Encoding.ASCII);
        Assert.Equal("old contents\n", old.ReadToEnd());
    }

    [Fact]
    public void Rewrite_writes_over_the_file_itself_and_cuts_it_to_what_was_written()
    {
        using var dir = new TempDir();
        string path = dir.File("decisions.log", "an earlier replay, longer than the next\n");
        string link = dir.File("link.log");
        Assert.True(Link(path, link));

        using (var s = OutputFile.Rewrite(path))
        {
            s.Write("new\n"u8);
        }

        // Written over, not replaced: another name of the same file (a hard link) sees the new contents.
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal("new\n", File.ReadAllText(link));
    }

    [Fact]
    public void Rewrite_replaces_a_file_this_process_is_reading()
    {
        // A replay whose input is one of its outputs, here under another name (a hard link).
        using var dir = new TempDir();
        string input = dir.File("capture.log", "the capture being replayed\n");
        string output = dir.File("to-tcu.log");
        Assert.True(Link(input, output));
        using var reading = File.OpenRead(input);

        using (var s = OutputFile.Rewrite(output))
        {
            s.Write("new\n"u8);
        }

        Assert.Equal("new\n", File.ReadAllText(output));
        using var old = new StreamReader(reading, Encoding.ASCII);
        Assert.Equal("the capture being replayed\n", old.ReadToEnd());
        Assert.Equal("the capture being replayed\n", File.ReadAllText(input));
    }

    [Fact]
    public void A_new_file_is_created()
    {
        using var dir = new TempDir();
        string path = dir.File("decisions.log");
        using (var s = OutputFile.Create(path, 1 << 16))
        {
            s.Write("x\n"u8);
        }

        Assert.Equal("x\n", File.ReadAllText(path));
    }

    private static bool Link(string existing, string name)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, name]);
        ln.WaitForExit();
        return ln.ExitCode == 0;
    }
}
