using System.Text;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Capture;

public class OutputFileTests
{
    [Fact]
    public void An_existing_file_is_replaced_not_rewritten_in_place()
    {
        string dir = Directory.CreateTempSubdirectory("bmsguard-outputfile-").FullName;
        try
        {
            string path = Path.Combine(dir, "to-tcu.log");
            File.WriteAllText(path, "old contents\n");
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
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_new_file_is_created()
    {
        string dir = Directory.CreateTempSubdirectory("bmsguard-outputfile-").FullName;
        try
        {
            string path = Path.Combine(dir, "decisions.log");
            using (var s = OutputFile.Create(path, 1 << 16))
            {
                s.Write("x\n"u8);
            }

            Assert.Equal("x\n", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
