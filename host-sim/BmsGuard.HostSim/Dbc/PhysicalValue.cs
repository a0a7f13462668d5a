using System.Globalization;

namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// A physical signal value. Integer signals with decimal scalings are exact decimals, so
/// 3521 * 0.1 prints as 352.1 and a 64-bit raw value survives decode then encode; IEEE float
/// signals (and scalings beyond decimal's range) are doubles.
/// </summary>
public readonly struct PhysicalValue : IEquatable<PhysicalValue>
{
    private readonly decimal _exact;
    private readonly double _approximate;

    /// <summary>An exact value.</summary>
    public PhysicalValue(decimal value)
    {
        _exact = value;
        IsExact = true;
    }

    /// <summary>A floating-point value.</summary>
    public PhysicalValue(double value) => _approximate = value;

    /// <summary>True when the value is an exact decimal.</summary>
    public bool IsExact { get; }

    /// <summary>The value as a double (rounded when exact).</summary>
    public double Value => IsExact ? (double)_exact : _approximate;

    /// <summary>The exact decimal value, or null for floating-point values.</summary>
    public decimal? Exact => IsExact ? _exact : null;

    /// <summary>Converts a double.</summary>
    public static implicit operator PhysicalValue(double value) => new(value);

    /// <summary>Converts a decimal.</summary>
    public static implicit operator PhysicalValue(decimal value) => new(value);

    /// <summary>Converts an integer (exactly); also settles which conversion int literals take.</summary>
    public static implicit operator PhysicalValue(long value) => new((decimal)value);

    /// <summary>Equal values of the same kind.</summary>
    public static bool operator ==(PhysicalValue a, PhysicalValue b) => a.Equals(b);

    /// <summary>Not <see cref="op_Equality"/>.</summary>
    public static bool operator !=(PhysicalValue a, PhysicalValue b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(PhysicalValue other) => IsExact
        ? other.IsExact && _exact == other._exact
        : !other.IsExact && _approximate.Equals(other._approximate);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PhysicalValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsExact ? _exact.GetHashCode() : _approximate.GetHashCode();

    /// <summary>Invariant text without trailing zeros ("80", "352.1", "-0.5"); doubles round-trip.</summary>
    public override string ToString() => IsExact
        ? _exact.ToString("G29", CultureInfo.InvariantCulture)
        : _approximate.ToString("R", CultureInfo.InvariantCulture);
}
