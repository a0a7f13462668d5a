using BmsGuard.Fuzz.Targets;

namespace BmsGuard.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    /// <summary>All targets in a stable order (CI runs them in this order).</summary>
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        .. CaptureTargets.All(),
        .. HostTextTargets.All(),
        .. FirmwareTextTargets.All(),
        .. FirmwareBinaryTargets.All(),
        CommandTarget.Target(),
        GuardBootTarget.Target(),
        .. MqttTargets.All(),
    ];

    /// <summary>The target named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such target; the message lists them.</exception>
    public static FuzzTarget Get(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no fuzz target '{name}' (targets: {string.Join(", ", All.Select(t => t.Name))})");
}
