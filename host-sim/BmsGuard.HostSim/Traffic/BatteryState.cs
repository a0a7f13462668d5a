namespace BmsGuard.HostSim.Traffic;

/// <summary>DBC VehicleState.ChargingState values.</summary>
public enum ChargingState
{
    /// <summary>No charger connected.</summary>
    NotConnected = 0,

    /// <summary>Plugged in, not yet charging.</summary>
    Connected = 1,

    /// <summary>DC charging.</summary>
    ChargingDc = 3,

    /// <summary>The session finished (current tapered below the cut-off).</summary>
    Complete = 4,
}

/// <summary>The physical quantities of the vehicle and its battery at one instant, as <see cref="BatteryModel"/> computes them.</summary>
public sealed class BatteryState
{
    /// <summary>Seconds since the capture began.</summary>
    public double Seconds { get; internal set; }

    /// <summary>Vehicle speed in km/h.</summary>
    public double SpeedKmh { get; internal set; }

    /// <summary>Pack current in A, positive = discharge (the DBC's PackCurrent convention).</summary>
    public double CurrentA { get; internal set; }

    /// <summary>State of charge, 0..1.</summary>
    public double Soc { get; internal set; }

    /// <summary>Open-circuit pack voltage in V.</summary>
    public double OpenCircuitVolts { get; internal set; }

    /// <summary>Terminal pack voltage in V: OCV(SOC) - I * R.</summary>
    public double PackVolts { get; internal set; }

    /// <summary>Mean cell temperature in degC.</summary>
    public double CellTempC { get; internal set; }

    /// <summary>Coolant inlet temperature in degC.</summary>
    public double CoolantInC { get; internal set; }

    /// <summary>Coolant outlet temperature in degC.</summary>
    public double CoolantOutC { get; internal set; }

    /// <summary>Charging state of the vehicle.</summary>
    public ChargingState Charging { get; internal set; }

    /// <summary>Current the charger delivers in A (0 when not charging).</summary>
    public double ChargerCurrentA { get; internal set; }

    /// <summary>True while the charge contactor is closed.</summary>
    public bool ChargeContactor => Charging == ChargingState.ChargingDc;

    /// <summary>True while the vehicle is plugged in (the BMS is in its charge state).</summary>
    public bool PluggedIn => Charging != ChargingState.NotConnected;

    /// <summary>Allowed charge current in A: derated when the cells are hot.</summary>
    public double MaxChargeCurrentA => CellTempC + BatteryModel.HotSpread < 45 ? 200 : 80;

    /// <summary>Allowed discharge current in A: derated at low SOC.</summary>
    public double MaxDischargeCurrentA => Soc > 0.10 ? 400 : 100;

    /// <summary>Mean cell voltage in V.</summary>
    public double CellVolts => PackVolts / BatteryModel.Cells;
}
