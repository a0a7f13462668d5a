namespace BmsGuard.HostSim.Dbc;

/// <summary>A decoded signal: its raw bits as on the bus and its physical value.</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Raw">The signal's bits, zero-extended.</param>
/// <param name="Physical">raw * scale + offset (or the IEEE value).</param>
public readonly record struct DbcSignalValue(DbcSignal Signal, ulong Raw, PhysicalValue Physical)
{
    /// <summary>The value description (VAL_) of the raw value, or null.</summary>
    public string? Label => Signal.Describe(Raw);

    /// <summary>"Name=value unit", with the value description instead of the number when there is one.</summary>
    public override string ToString()
    {
        string? label = Label;
        if (label != null)
        {
            return $"{Signal.Name}={label}";
        }

        return Signal.Unit.Length == 0 ? $"{Signal.Name}={Physical}" : $"{Signal.Name}={Physical} {Signal.Unit}";
    }
}
