using System.Runtime.InteropServices;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// Ctrl-C (or SIGTERM) during a replay: the first one asks the replay to stop at its next progress
/// point (every <see cref="ReplayEngine.ProgressEvery"/> frames), so every log is closed and cut to
/// what the guard did until then; a second Ctrl-C ends the process at once. Why it matters: the
/// logs are written over an earlier replay's (see Output.OutputFile.Rewrite), and a process that
/// just ends leaves that replay's tail in them.
/// </summary>
public sealed class ReplayInterrupt : IDisposable
{
    /// <summary>The exit code of an interrupted replay: 128 + SIGINT, what shells show for Ctrl-C.</summary>
    public const int ExitCode = 130;

    private readonly PosixSignalRegistration _terminate;
    private volatile bool _requested;

    /// <summary>Starts listening for Ctrl-C and SIGTERM.</summary>
    public ReplayInterrupt()
    {
        Console.CancelKeyPress += OnCancelKey;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _requested = true;
        });
    }

    /// <summary>Asks the replay to stop, as Ctrl-C does.</summary>
    public void Request() => _requested = true;

    /// <summary>Throws <see cref="Requested"/> once a stop was asked for; <paramref name="frames"/> is how far the replay got.</summary>
    public void ThrowIfRequested(long frames)
    {
        if (_requested)
        {
            throw new Requested(frames);
        }
    }

    /// <summary>Stops listening: Ctrl-C ends the process again.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKey;
        _terminate.Dispose();
    }

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        // The second Ctrl-C is not cancelled: the user wants out now.
        e.Cancel = !_requested;
        _requested = true;
    }

    /// <summary>Thrown through the replay to stop it; carries how many frames it replayed.</summary>
    public sealed class Requested(long frames) : Exception($"replay interrupted after {frames} frames")
    {
        /// <summary>Frames replayed before the stop.</summary>
        public long Frames { get; } = frames;
    }
}
