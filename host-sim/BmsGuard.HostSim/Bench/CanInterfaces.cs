namespace BmsGuard.HostSim.Bench;

/// <summary>Makes live interfaces from their KIND:ADDRESS names, one row per kind.</summary>
public static class CanInterfaces
{
    private sealed record Kind(string Name, string Example, Func<string, string, ICanInterface> Create);

    private static readonly Kind[] Kinds =
    [
        new("slcan", "slcan:/dev/ttyACM0[@500000[/115200]]", (name, address) => new SlcanInterface(name, SlcanAddress.Parse(name, address))),
        new("socketcan", "socketcan:can0", (name, address) => new SocketCanInterface(name, address)),
        new("virtual", "virtual:NAME", (name, address) => new VirtualInterface(name, address)),
    ];

    /// <summary>The accepted forms, for help texts and errors.</summary>
    public static string Describe() => string.Join(", ", Kinds.Select(k => k.Example));

    /// <summary>Makes (does not open) the interface <paramref name="name"/>; a bad name throws <see cref="FormatException"/>.</summary>
    public static ICanInterface Create(string name)
    {
        int colon = name.IndexOf(':');
        if (colon > 0 && colon < name.Length - 1)
        {
            string kind = name[..colon];
            foreach (var k in Kinds)
            {
                if (k.Name == kind)
                {
                    return k.Create(name, name[(colon + 1)..]);
                }
            }
        }

        throw new FormatException($"'{name}' is not an interface name (expected one of {Describe()})");
    }
}
