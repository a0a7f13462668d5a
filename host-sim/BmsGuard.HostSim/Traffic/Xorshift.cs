namespace BmsGuard.HostSim.Traffic;

/// <summary>Seeded xorshift64* generator: the same seed gives the same capture on every platform and .NET version.</summary>
public sealed class Xorshift
{
    private ulong _state;

    /// <summary>Creates a generator; seed 0 is remapped to a fixed non-zero state.</summary>
    public Xorshift(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform in [-1, 1).</summary>
    public double Symmetric() => ((Next() >> 11) * (1.0 / (1UL << 53)) * 2) - 1;

    /// <summary>Uniform integer in [0, n).</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);
}
