namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Channel strings for bus numbers, made once per bus: frames then share one string instance per
/// channel, which keeps reading allocation-free and lets consumers compare channels by reference.
/// </summary>
internal sealed class TrcBusNames
{
    /// <summary>Largest bus number accepted.</summary>
    public const int MaxBus = 255;

    private readonly string?[] _names = new string?[MaxBus + 1];

    /// <summary>The channel of bus 1, for versions without a bus column.</summary>
    public string First => Name(1);

    /// <summary>The channel string of a bus column field.</summary>
    public string Parse(ReadOnlySpan<byte> field)
    {
        int bus = TrcFields.Decimal(field, MaxBus, "bus");
        if (bus == 0)
        {
            throw new TrcSyntaxException("bus 0: TRC numbers buses from 1");
        }

        return Name(bus);
    }

    private string Name(int bus) => _names[bus] ??= ChannelNames.FromNumber(bus);
}
