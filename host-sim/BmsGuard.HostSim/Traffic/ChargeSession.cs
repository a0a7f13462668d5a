namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// The DC charging session: plugged in for a moment, the charge contactor closes and the current
/// ramps up to the constant-current setpoint; when the pack reaches the constant-voltage limit the
/// current tapers (the caller passes the CV-limited current), and below the cut-off the session
/// completes and the charger stops.
/// </summary>
public sealed class ChargeSession
{
    /// <summary>Seconds between parking and plugging in, in the combined scenario.</summary>
    public const double PlugInDelaySeconds = 10;

    /// <summary>Constant-current setpoint in A.</summary>
    public const double ConstantCurrentA = 180;

    /// <summary>Constant-voltage limit of the pack in V (4.15 V per cell).</summary>
    public const double CvPackVolts = 4.15 * BatteryModel.Cells;

    /// <summary>Current below which the session completes, in A (C/20).</summary>
    public const double CutOffA = 7.5;

    private const double HandshakeSeconds = 2;
    private const double RampAPerSecond = 60;

    private double _connectedFor;
    private double _current;

    /// <summary>
    /// Advances the session by <paramref name="dt"/> seconds; <paramref name="limitA"/> is the most
    /// the pack accepts now (BMS limit and CV). Returns the new charging state and the charger current.
    /// </summary>
    public ChargingState Step(double dt, ChargingState state, double limitA, out double chargerA)
    {
        _connectedFor += dt;
        if (state == ChargingState.Connected && _connectedFor >= HandshakeSeconds)
        {
            state = ChargingState.ChargingDc;
        }

        if (state != ChargingState.ChargingDc)
        {
            chargerA = 0;
            return state;
        }

        bool ramping = _current < ConstantCurrentA && _current < limitA;
        _current = Math.Min(Math.Min(_current + (RampAPerSecond * dt), ConstantCurrentA), limitA);
        if (!ramping && _current < CutOffA)
        {
            _current = 0;
            chargerA = 0;
            return ChargingState.Complete;
        }

        chargerA = _current;
        return state;
    }
}
