namespace BmsGuard.HostSim.Output;

/// <summary>
/// Writes output files on one background thread, so the replay thread only formats lines: each
/// <see cref="SpooledStream"/> hands over full chunks and goes on. Chunks of one file are written in
/// order; memory is bounded (a producer that gets <see cref="MaxQueued"/> chunks ahead waits).
/// A write that fails (full disk) is reported as an <see cref="IOException"/> by the file's next
/// write, flush or close on the producer's side: nothing is lost silently.
/// </summary>
public sealed class OutputSpool : IDisposable
{
    /// <summary>Bytes a stream collects before handing them to the writer thread.</summary>
    public const int ChunkSize = 1 << 18;

    /// <summary>Most chunks waiting to be written (with <see cref="ChunkSize"/>, 4 MiB).</summary>
    public const int MaxQueued = 16;

    // Chunks are kept for the next spool of the process (replays in one process, the benchmark):
    // fresh memory costs page faults, reused memory does not. At most this many are kept. Last in,
    // first out: the chunk rented is the one written out last, still in cache (a first-in-first-out
    // pool hands back the coldest chunk; docs/performance.md).
    private const int KeptChunks = 64;
    private static readonly Stack<byte[]> Free = new();

    // The writer thread sleeps until this many chunks wait (a flush or close wakes it at once):
    // one wake-up per 1 MiB of logs instead of one per chunk.
    private const int WakeAt = 4;

    private readonly HandOffQueue<SpoolWork> _queue = new(MaxQueued, WakeAt);
    private readonly Thread _thread;
    private bool _disposed;

    /// <summary>Starts the writer thread.</summary>
    public OutputSpool()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "bmsguard output spool" };
        _thread.Start();
    }

    /// <summary>A stream whose writes reach <paramref name="inner"/> on the spool's thread; closing it closes <paramref name="inner"/>.</summary>
    public Stream Open(Stream inner) => new SpooledStream(this, inner);

    /// <summary>Finishes the queued work and stops the thread (close the streams first).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Complete();
        _thread.Join();
    }

    internal byte[] Rent()
    {
        lock (Free)
        {
            if (Free.TryPop(out byte[]? chunk))
            {
                return chunk;
            }
        }

        return GC.AllocateUninitializedArray<byte>(ChunkSize);
    }

    internal void Post(SpoolWork work) => _queue.Add(work, now: work.Done != null);

    private void Run()
    {
        while (_queue.Take(out SpoolWork work))
        {
            work.Execute();
            if (work.Chunk != null && work.Chunk.Length == ChunkSize)
            {
                lock (Free)
                {
                    if (Free.Count < KeptChunks)
                    {
                        Free.Push(work.Chunk);
                    }
                }
            }
        }
    }
}

/// <summary>One job for the spool's thread: write a chunk, flush, or close, on one stream.</summary>
internal sealed class SpoolWork(SpooledStream target, byte[]? chunk, int count, SpoolWork.Kinds kind)
{
    /// <summary>What the job does.</summary>
    internal enum Kinds
    {
        /// <summary>Write the chunk's first bytes.</summary>
        Write,

        /// <summary>Flush the file.</summary>
        Flush,

        /// <summary>Flush and close the file.</summary>
        Close,
    }

    /// <summary>The chunk written (returned to the spool afterwards), or null.</summary>
    internal byte[]? Chunk { get; } = chunk;

    /// <summary>Set once a flush or close has run.</summary>
    internal ManualResetEventSlim? Done { get; } = kind == Kinds.Write ? null : new ManualResetEventSlim();

    /// <summary>Runs the job on the spool's thread.</summary>
    internal void Execute()
    {
        try
        {
            target.Execute(kind, Chunk, count);
        }
        finally
        {
            Done?.Set();
        }
    }
}
