using System.Text;
using BmsGuard.HostSim.Capture;
using Xunit;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Tests.Capture;

public class OutputSpoolTests
{
    [Fact]
    public void Interleaved_files_get_all_their_bytes_in_order()
    {
        var a = new MemoryStream();
        var b = new MemoryStream();
        var expectA = new MemoryStream();
        var expectB = new MemoryStream();
        using (var spool = new OutputSpool())
        {
            using var sa = spool.Open(new KeepOpen(a));
            using var sb = spool.Open(new KeepOpen(b));
            var rng = new Random(5);

            // Several chunks' worth, in writes of odd sizes that straddle chunk boundaries.
            for (int i = 0; expectA.Length < (OutputSpool.ChunkSize * 5L / 2) || i < 3000; i++)
            {
                var bytes = new byte[rng.Next(1, 1500)];
                rng.NextBytes(bytes);
                (i % 3 == 0 ? sb : sa).Write(bytes);
                (i % 3 == 0 ? expectB : expectA).Write(bytes);
            }
        }

        Assert.True(expectA.Length > 2 * OutputSpool.ChunkSize);
        Assert.Equal(expectA.ToArray(), a.ToArray());
        Assert.Equal(expectB.ToArray(), b.ToArray());
    }

    [Fact]
    public void Exchanged_chunks_and_written_bytes_keep_their_order()
    {
        var target = new MemoryStream();
        using (var spool = new OutputSpool())
        using (var s = (SpooledStream)spool.Open(new KeepOpen(target)))
        {
            s.Write("a"u8);
            byte[] chunk = s.RentChunk();
            "bc"u8.CopyTo(chunk);
            byte[] next = s.Exchange(chunk, 2); // may be chunk itself, once the spool has written it out
            s.Write("d"u8);
            "e"u8.CopyTo(next);
            Assert.Same(next, s.Exchange(next, 0)); // nothing to hand over: keep the chunk
            s.Exchange(next, 1);
            Assert.Equal(5, s.Length);
        }

        Assert.Equal("abcde", Encoding.ASCII.GetString(target.ToArray()));
    }

    [Fact]
    public void A_chunk_is_not_rented_again_while_its_write_is_pending()
    {
        using var release = new ManualResetEventSlim();
        var target = new MemoryStream();
        using (var spool = new OutputSpool())
        using (var s = (SpooledStream)spool.Open(new SlowDisk(target, release)))
        {
            try
            {
                var handedOver = new List<byte[]>();
                byte[] chunk = s.RentChunk();
                for (int i = 0; i < 4; i++)
                {
                    // Every write waits on the slow disk: no chunk handed over can come back yet.
                    chunk[0] = (byte)('a' + i);
                    handedOver.Add(chunk);
                    chunk = s.Exchange(chunk, 1);
                    Assert.DoesNotContain(handedOver, c => ReferenceEquals(c, chunk));
                }
            }
            finally
            {
                release.Set(); // also when the test fails: closing the file waits for the writes
            }
        }

        Assert.Equal("abcd", Encoding.ASCII.GetString(target.ToArray()));
    }

    [Fact]
    public void A_candump_writer_on_a_spool_writes_what_it_writes_on_a_plain_stream()
    {
        var frames = Support.Captures.Parse(File.ReadAllText(Support.Captures.BundledSample));
        var plain = new MemoryStream();
        var spooled = new MemoryStream();
        using (var w = new CandumpLogWriter(plain, CaptureWriterOptions.KeepStreamOpen))
        {
            for (int i = 0; i < 20; i++)
            {
                frames.ForEach(w.Write);
            }
        }

        using (var spool = new OutputSpool())
        using (var w = new CandumpLogWriter(spool.Open(new KeepOpen(spooled))))
        {
            for (int i = 0; i < 20; i++)
            {
                frames.ForEach(w.Write);
            }
        }

        Assert.True(plain.Length > 2 * OutputSpool.ChunkSize);
        Assert.Equal(plain.ToArray(), spooled.ToArray());
    }

    [Fact]
    public void Flush_returns_once_the_file_has_everything_written_so_far()
    {
        var target = new MemoryStream();
        using var spool = new OutputSpool();
        using var s = spool.Open(new KeepOpen(target));
        s.Write("(0000000001.000000) can0 123#00\n"u8);
        s.Flush();

        Assert.Equal("(0000000001.000000) can0 123#00\n", Encoding.ASCII.GetString(target.ToArray()));
    }

    [Fact]
    public void A_failed_write_is_reported_to_the_writer_not_lost()
    {
        using var spool = new OutputSpool();
        var s = spool.Open(new FullDisk());
        s.Write(new byte[OutputSpool.ChunkSize]); // a whole chunk goes to the spool's thread, which fails

        var e = Assert.Throws<IOException>(() => s.Flush());
        Assert.Contains("No space left on device", e.Message);
        Assert.Throws<IOException>(() => s.Write(new byte[1]));
        Assert.Throws<IOException>(s.Dispose);
    }

    [Fact]
    public void Any_failure_of_the_file_reaches_the_writer_and_the_spool_keeps_running()
    {
        using var spool = new OutputSpool();
        var broken = spool.Open(new MemoryStream(new byte[16], writable: false)); // throws NotSupportedException
        broken.Write(new byte[OutputSpool.ChunkSize]);
        Assert.Throws<IOException>(() => broken.Flush());

        var target = new MemoryStream();
        using (var healthy = spool.Open(new KeepOpen(target)))
        {
            healthy.Write([7]);
        }

        Assert.Equal(new byte[] { 7 }, target.ToArray());
    }

    [Fact]
    public void Closing_the_stream_closes_the_file()
    {
        var target = new MemoryStream();
        using var spool = new OutputSpool();
        var s = spool.Open(target);
        s.Write([1, 2, 3]);
        s.Dispose();

        Assert.False(target.CanWrite);
        Assert.Equal(new byte[] { 1, 2, 3 }, target.ToArray());
    }

    // MemoryStream whose contents stay readable after the spool closes it.
    private class KeepOpen(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    // Writes wait until released, as a disk that is slower than the replay would make them.
    private sealed class SlowDisk(MemoryStream inner, ManualResetEventSlim release) : KeepOpen(inner)
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            release.Wait();
            base.Write(buffer, offset, count);
        }
    }

    private sealed class FullDisk : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device : '/out/decisions.log'");
    }
}
