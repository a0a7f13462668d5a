namespace BmsGuard.HostSim.Traffic;

/// <summary>What the synthesized vehicle does during a generated capture.</summary>
public enum TrafficScenario
{
    /// <summary>A repeated urban/extra-urban drive cycle from 80 % SOC; parks when SOC falls below 15 %.</summary>
    Drive,

    /// <summary>A DC charging session from 25 % SOC: plug-in, current ramp, constant current, constant voltage, complete.</summary>
    Charge,

    /// <summary>Drive for the first half (from 60 % SOC, or until SOC falls below 20 %), park, then charge.</summary>
    Both,
}
