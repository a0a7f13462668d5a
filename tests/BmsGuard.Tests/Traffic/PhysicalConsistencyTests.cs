using BmsGuard.HostSim.Traffic;
using Xunit;

namespace BmsGuard.Tests.Traffic;

/// <summary>What the generator sends, decoded through the DBC, obeys the physics it claims to model.</summary>
public class PhysicalConsistencyTests
{
    private static readonly Lazy<DecodedTraffic> Both = new(() => DecodedTraffic.Generate(TrafficScenario.Both, 20 * 60, seed: 4));
    private static readonly Lazy<DecodedTraffic> Charge = new(() => DecodedTraffic.Generate(TrafficScenario.Charge, 45 * 60, seed: 5));

    [Fact]
    public void Pack_voltage_stays_within_the_limits_the_bms_announces()
    {
        foreach (var traffic in new[] { Both.Value, Charge.Value })
        {
            var limits = traffic.Rows.Where(r => r.Message == "Limits").ToList();
            double max = limits.Min(r => r.V["MaxPackVoltage"]);
            double min = limits.Max(r => r.V["MinPackVoltage"]);
            Assert.Equal(403.2, max);
            Assert.Equal(288, min);
            var volts = traffic.Series("PackStatus", "PackVoltage").Select(x => x.Value).ToList();
            Assert.InRange(volts.Min(), min, max);
            Assert.InRange(volts.Max(), min, max);
            Assert.InRange(traffic.Series("ChargerStatus", "ChargerVoltage").Max(x => x.Value), min, max);
            foreach (var r in traffic.Rows.Where(r => r.Message == "CellExtremes"))
            {
                Assert.InRange(r.V["CellVoltageMin"], 3000, r.V["CellVoltageMax"]);
                Assert.InRange(r.V["CellVoltageMax"], r.V["CellVoltageMin"], 4200);
            }
        }
    }

    [Fact]
    public void Current_is_small_when_stopped_and_not_charging_and_large_when_driving()
    {
        var t = Both.Value;
        var speed = t.Series("VehicleState", "VehicleSpeed");
        var charging = t.Series("VehicleState", "ChargingState");
        var current = t.Series("PackStatus", "PackCurrent");
        int stopped = 0;
        foreach (var (time, amps) in current)
        {
            // Standing still over the whole 100 ms around this frame, and not plugged in.
            if (DecodedTraffic.At(speed, time) == 0 && DecodedTraffic.At(speed, time + 100_000_000) == 0 && DecodedTraffic.At(charging, time) == 0)
            {
                Assert.InRange(Math.Abs(amps), 0, 10);
                stopped++;
            }
        }

        Assert.True(stopped > 500, $"only {stopped} standstill frames");
        Assert.True(current.Max(c => c.Value) > 150, "no acceleration");
        Assert.True(current.Where(c => DecodedTraffic.At(charging, c.T) == 0).Min(c => c.Value) < -50, "no regenerative braking");
    }

    [Fact]
    public void While_charging_speed_is_zero_soc_only_rises_and_contactors_and_states_say_charge()
    {
        foreach (var t in new[] { Both.Value, Charge.Value })
        {
            var charging = t.Series("VehicleState", "ChargingState");
            Assert.Contains(charging, c => c.Value == 3);
            foreach (var r in t.Rows.Where(r => r.Message == "VehicleState" && r.V["ChargingState"] != 0))
            {
                Assert.Equal(0, r.V["VehicleSpeed"]);
            }

            var soc = t.Series("PackStatus", "SOC").Where(s => DecodedTraffic.At(charging, s.T) == 3).ToList();
            Assert.True(soc.Count > 1000);
            Assert.All(soc.Zip(soc.Skip(1)), p => Assert.True(p.Second.Value >= p.First.Value, $"SOC fell from {p.First.Value} to {p.Second.Value} while charging"));
            Assert.True(soc[^1].Value - soc[0].Value >= 10, "SOC barely rose while charging");

            foreach (var r in t.Rows.Where(r => r.Message == "Contactors"))
            {
                bool charges = DecodedTraffic.At(charging, r.T) == 3;
                Assert.Equal(1, r.V["ContactorMainPositive"]);
                Assert.Equal(1, r.V["ContactorMainNegative"]);
                Assert.Equal(charges ? 1 : 0, r.V["ContactorCharge"]);
            }

            var states = t.Rows.Where(r => r.Message == "Contactors").Select(r => r.V["BmsState"]).Distinct().Order().ToList();
            Assert.Equal(t == Both.Value ? [2.0, 3.0] : [3.0], states);
        }
    }

    [Fact]
    public void Charging_runs_constant_current_then_tapers_at_constant_voltage_and_the_charger_frame_agrees()
    {
        var t = Charge.Value;
        var current = t.Series("PackStatus", "PackCurrent");
        var charger = t.Series("ChargerStatus", "ChargerCurrent");
        var volts = t.Series("PackStatus", "PackVoltage");

        // Constant current: the charger delivers its 180 A setpoint for a long stretch...
        Assert.True(charger.Count(c => c.Value == ChargeSession.ConstantCurrentA) > 10 * 60 * 10, "no long constant-current phase");

        // ...then the pack sits at the CV limit while the current falls.
        var cv = volts.Where(v => v.Value >= ChargeSession.CvPackVolts - 0.2).ToList();
        Assert.True(cv.Count > 1000, "never reached constant voltage");
        Assert.InRange(volts.Max(v => v.Value), 0, ChargeSession.CvPackVolts + 0.1);
        double atCvStart = -DecodedTraffic.At(current, cv[0].T);
        double atEnd = -current[^1].Value;
        Assert.True(atEnd < atCvStart - 50, $"current did not taper at CV: {atCvStart} A -> {atEnd} A");

        // The pack current is the charger's current, with the BMS's measurement noise.
        foreach (var (time, amps) in charger.Where((_, i) => i % 50 == 0))
        {
            Assert.InRange(-DecodedTraffic.At(current, time), amps - 15, amps + 15);
        }
    }

    [Fact]
    public void Driving_drains_the_pack_and_warms_the_cells()
    {
        var t = DecodedTraffic.Generate(TrafficScenario.Drive, 10 * 60);
        var soc = t.Series("PackStatus", "SOC");
        Assert.Equal(80, soc[0].Value);
        Assert.True(soc[^1].Value <= 78, $"SOC {soc[^1].Value} % after 10 min of driving");
        var temp = t.Series("Temperatures", "CellTempAvg");
        Assert.True(temp[^1].Value > temp[0].Value, "cells did not warm up");
        foreach (var r in t.Rows.Where(r => r.Message == "Temperatures"))
        {
            Assert.InRange(r.V["CellTempAvg"], r.V["CellTempMin"], r.V["CellTempMax"]);
            Assert.True(r.V["CoolantTempOut"] >= r.V["CoolantTempIn"]);
        }
    }
}
