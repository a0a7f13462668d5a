namespace BmsGuard.HostSim.Bench;

/// <summary>What <c>bmsguard bench</c> runs: the two interfaces and the replay's guard options.</summary>
public sealed record BenchOptions
{
    /// <summary>The interface on the BMS side (KIND:ADDRESS).</summary>
    public required string Bms { get; init; }

    /// <summary>The interface on the TCU side.</summary>
    public required string Tcu { get; init; }

    /// <summary>A rule table file; null for the built-in reference rules.</summary>
    public string? Rules { get; init; }

    /// <summary>The guard's directory (bmsguard provision); null for an unprovisioned guard in RAM.</summary>
    public string? GuardDir { get; init; }

    /// <summary>A telemetry policy bundle offered at boot, or null.</summary>
    public string? Policy { get; init; }

    /// <summary>The MQTT broker telemetry goes to, or null for the outbox file only.</summary>
    public (string Host, int Port)? Broker { get; init; }

    /// <summary>Where the logs go.</summary>
    public string OutDir { get; init; } = "bmsguard-bench";

    /// <summary>How long to run; null until Ctrl-C.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Write decisions.log.</summary>
    public bool Decisions { get; init; } = true;

    /// <summary>No status line and no summary on standard output.</summary>
    public bool Quiet { get; init; }

    /// <summary>The emulated controllers keep the received DLC (the patched NUCLEO image); false: the stock driver's 8 bytes.</summary>
    public bool ExactDlc { get; init; } = true;

    /// <summary>Where the HTML report goes when the run ends; null for none.</summary>
    public string? Report { get; init; }
}
