using BmsGuard.Device;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Emulation;

/// <summary>The device's file-backed state file, run on host files: append, read, truncate, and a reset in the middle of a truncate.</summary>
public class FlashStorageFileTests
{
    [Fact]
    public void Appends_read_back_and_truncate_keeps_the_prefix()
    {
        using var dir = new TempDir();
        var file = new FlashStorageFile(Path.Combine(dir.Path, "audit.bin"));
        Assert.Equal(0, file.Length);
        byte[] data = Enumerable.Range(0, 700).Select(i => (byte)(i * 13)).ToArray();
        file.Append(data, 0, 300);
        file.Append(data, 300, 400);
        Assert.Equal(700, file.Length);

        byte[] back = new byte[800];
        Assert.Equal(200, file.Read(500, back, 10, 500));
        Assert.Equal(data[500..700], back[10..210]);
        Assert.Equal(0, file.Read(700, back, 0, 10));

        file.Truncate(333);
        Assert.Equal(333, file.Length);
        Assert.Equal(333, file.Read(0, back, 0, 800));
        Assert.Equal(data[..333], back[..333]);
        Assert.False(File.Exists(Path.Combine(dir.Path, "audit.bin.new")));
    }

    [Fact]
    public void A_reset_during_truncate_is_finished_or_undone_on_the_next_open()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "state.a");

        // Reset after the old file was deleted, before the rename: the side file is the truth.
        File.WriteAllBytes(path + ".new", [1, 2, 3]);
        Assert.Equal(3, new FlashStorageFile(path).Length);
        Assert.False(File.Exists(path + ".new"));

        // Reset while the side file was being written: the old file is whole and wins.
        File.WriteAllBytes(path + ".new", [9]);
        var file = new FlashStorageFile(path);
        Assert.Equal(3, file.Length);
        Assert.False(File.Exists(path + ".new"));
    }
}
