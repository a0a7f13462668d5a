namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// A lumped physical model of the reference vehicle and its 96s, 150 Ah NMC pack, stepped in
/// fixed time steps. Driving: the speed profile (<see cref="DriveCycle"/>) gives the wheel power
/// (inertia, rolling resistance, aerodynamic drag; regenerative braking at lower efficiency),
/// plus auxiliaries; the current follows from P = (OCV - I*R) * I. Charging: constant current,
/// then constant voltage until the current tapers below the cut-off (<see cref="ChargeSession"/>).
/// SOC integrates the current, the pack voltage is OCV(SOC) - I*R, the cells heat by I²R
/// against a liquid-cooled heat sink.
/// </summary>
public sealed class BatteryModel
{
    /// <summary>Cells in series.</summary>
    public const int Cells = ReferenceBms.Cells;

    /// <summary>Capacity in Ah.</summary>
    public const double CapacityAh = 150;

    /// <summary>Pack internal resistance in ohm.</summary>
    public const double ResistanceOhm = 0.09;

    /// <summary>Hottest cell above the mean, in K (used for derating).</summary>
    public const double HotSpread = 3;

    private const double MassKg = 2100;
    private const double DragAreaM2 = 0.65;
    private const double RollingCoefficient = 0.011;
    private const double DriveEfficiency = 0.90;
    private const double RegenEfficiency = 0.65;
    private const double AuxiliaryWatts = 1500;
    private const double HeatCapacityJPerK = 90_000;
    private const double CoolingWPerK = 150;
    private const double CoolantInletC = 24;
    private const double CoolantFlowWPerK = 700;

    // Cell open-circuit voltage at SOC 0, 0.1, ..., 1.0 (a typical NMC curve).
    private static readonly double[] OcvTable = [3.30, 3.55, 3.62, 3.67, 3.72, 3.77, 3.84, 3.92, 4.00, 4.08, 4.18];

    private readonly TrafficScenario _scenario;
    private readonly double _durationSeconds;
    private readonly ChargeSession _charge = new();
    private double _driveSeconds;
    private double _previousSpeed;
    private double _parkedSince = -1;

    /// <summary>A model at t = 0 for <paramref name="scenario"/> over <paramref name="durationSeconds"/>.</summary>
    public BatteryModel(TrafficScenario scenario, double durationSeconds)
    {
        _scenario = scenario;
        _durationSeconds = durationSeconds;
        State.Soc = scenario switch
        {
            TrafficScenario.Drive => 0.80,
            TrafficScenario.Charge => 0.25,
            _ => 0.60,
        };
        State.CellTempC = CoolantInletC;
        State.CoolantInC = CoolantInletC;
        State.CoolantOutC = CoolantInletC;
        State.Charging = scenario == TrafficScenario.Charge ? ChargingState.Connected : ChargingState.NotConnected;
        Settle(0);
    }

    /// <summary>The state after the last step.</summary>
    public BatteryState State { get; } = new();

    /// <summary>Cell open-circuit voltage at <paramref name="soc"/> (0..1), linear in the table.</summary>
    public static double CellOcv(double soc)
    {
        double x = Math.Clamp(soc, 0, 1) * (OcvTable.Length - 1);
        int i = Math.Min((int)x, OcvTable.Length - 2);
        return OcvTable[i] + ((OcvTable[i + 1] - OcvTable[i]) * (x - i));
    }

    /// <summary>Advances the model by <paramref name="dt"/> seconds.</summary>
    public void Step(double dt)
    {
        var s = State;
        s.Seconds += dt;
        double current = Driving() ? DriveCurrent(dt) : ParkedOrCharging(dt);
        s.Soc = Math.Clamp(s.Soc - (current * dt / (3600 * CapacityAh)), 0, 1);
        double heat = current * current * ResistanceOhm;
        s.CellTempC += (heat - (CoolingWPerK * (s.CellTempC - CoolantInletC))) * dt / HeatCapacityJPerK;
        s.CoolantOutC = CoolantInletC + (CoolingWPerK * (s.CellTempC - CoolantInletC) / CoolantFlowWPerK);
        Settle(current);
    }

    private bool Driving()
    {
        var s = State;
        if (_scenario == TrafficScenario.Charge || s.PluggedIn)
        {
            return false;
        }

        if (_scenario == TrafficScenario.Both && (s.Seconds >= _durationSeconds / 2 || s.Soc < 0.20))
        {
            // Finish the drive at the next standstill, then plug in.
            return _previousSpeed > 0 || (_parkedSince < 0 && DriveCycle.SpeedKmh(_driveSeconds) > 0);
        }

        // Out of charge: the driver stops at the next standstill and stays parked.
        return s.Soc >= 0.15 || _previousSpeed > 0;
    }

    private double DriveCurrent(double dt)
    {
        _driveSeconds += dt;
        double kmh = DriveCycle.SpeedKmh(_driveSeconds);
        double v = kmh / 3.6;
        double a = (v - (_previousSpeed / 3.6)) / dt;
        _previousSpeed = kmh;
        State.SpeedKmh = kmh;
        double force = (MassKg * a) + (v > 0 ? (RollingCoefficient * MassKg * 9.81) + (0.5 * 1.2 * DragAreaM2 * v * v) : 0);
        double wheel = force * v;
        double battery = (wheel >= 0 ? wheel / DriveEfficiency : wheel * RegenEfficiency) + AuxiliaryWatts;
        double current = CurrentForPower(battery);
        return Math.Clamp(current, -State.MaxChargeCurrentA, State.MaxDischargeCurrentA);
    }

    private double ParkedOrCharging(double dt)
    {
        var s = State;
        s.SpeedKmh = 0;
        _previousSpeed = 0;
        if (_parkedSince < 0)
        {
            _parkedSince = s.Seconds;
        }

        bool charges = _scenario == TrafficScenario.Charge || (_scenario == TrafficScenario.Both && s.Seconds - _parkedSince >= ChargeSession.PlugInDelaySeconds);
        if (!charges)
        {
            return CurrentForPower(AuxiliaryWatts);
        }

        if (s.Charging == ChargingState.NotConnected)
        {
            s.Charging = ChargingState.Connected;
        }

        // While plugged in, the charger also feeds the auxiliaries: the pack only ever charges.
        double cvLimit = Math.Max(0, (ChargeSession.CvPackVolts - s.OpenCircuitVolts) / ResistanceOhm);
        s.Charging = _charge.Step(dt, s.Charging, Math.Min(s.MaxChargeCurrentA, cvLimit), out double charger);
        s.ChargerCurrentA = charger;
        return -charger;
    }

    private double CurrentForPower(double watts)
    {
        double ocv = State.OpenCircuitVolts;
        double disc = (ocv * ocv) - (4 * ResistanceOhm * watts);
        return (ocv - Math.Sqrt(Math.Max(disc, 0))) / (2 * ResistanceOhm);
    }

    private void Settle(double current)
    {
        var s = State;
        s.CurrentA = current;
        s.OpenCircuitVolts = Cells * CellOcv(s.Soc);
        s.PackVolts = s.OpenCircuitVolts - (current * ResistanceOhm);
    }
}
