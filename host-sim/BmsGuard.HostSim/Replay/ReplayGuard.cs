using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Emulation;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// How a replay runs the TCU-side guard: its files (in RAM when null: unprovisioned), a telemetry
/// policy bundle to offer at boot, where telemetry goes, and where the audit log is written as text.
/// </summary>
public sealed class ReplayGuard
{
    /// <summary>The guard's files; null runs an unprovisioned guard in RAM.</summary>
    public GuardFiles? Files { get; init; }

    /// <summary>A telemetry policy bundle offered at boot, as if it arrived on the command topic.</summary>
    public byte[]? PolicyBundle { get; init; }

    /// <summary>
    /// Makes the uplink transport once the guard is up (it needs the guard as command inbox and the
    /// policy's topics); returns the transport and the broker host it talks to, or null for no uplink.
    /// </summary>
    public Func<GuardTelemetry, (IUplinkTransport Transport, string Host)?>? Uplink { get; init; }

    /// <summary>Called once the guard has booted, with the sequence number of its boot record in the audit log (the outbox names its run by it).</summary>
    public Action<uint>? Booted { get; init; }

    /// <summary>The uplink's clock; null runs it on capture time (outbox mode).</summary>
    public IClock? UplinkClock { get; init; }

    /// <summary>How long to wait, in real time, for a real broker to acknowledge the backlog at the end.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Where the audit log is written as text when the replay ends, also when it is interrupted or its
    /// input turns out bad (then up to where it stopped, like the other logs); null for none. Written
    /// beside the file and renamed over it, so an earlier replay's stays whole until the new one is.
    /// </summary>
    public string? AuditTextPath { get; init; }

    /// <summary>
    /// Receives the emulated controllers' transmissions instead of the recorder (the bench puts
    /// them on real buses); it must hand each to the recorder too. Null: the recorder alone.
    /// </summary>
    public ICanTransmitSink? Wire { get; init; }
    /// <summary>Collects what the HTML report shows (<c>--report</c>); null for none.</summary>
    public Report.ReportCollector? Report { get; init; }
}
