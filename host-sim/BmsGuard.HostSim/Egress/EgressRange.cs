namespace BmsGuard.HostSim.Egress;

/// <summary>The time range of a report, unix microseconds: <see cref="From"/> included, <see cref="To"/> excluded; null = open.</summary>
public readonly record struct EgressRange(long? From, long? To)
{
    /// <summary>The whole log.</summary>
    public static EgressRange All => new(null, null);

    /// <summary>True when <paramref name="micros"/> lies in the range.</summary>
    public bool Contains(long micros) => (From == null || micros >= From) && (To == null || micros < To);

    /// <summary>The range as the report prints it.</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "everything",
        (long f, null) => $"from {OutboxTime.Iso(f)}",
        (null, long t) => $"before {OutboxTime.Iso(t)}",
        (long f, long t) => $"from {OutboxTime.Iso(f)} to {OutboxTime.Iso(t)} (excluded)",
    };
}
