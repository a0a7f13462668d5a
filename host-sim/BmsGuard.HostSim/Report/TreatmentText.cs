using System.Globalization;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Report;

/// <summary>A policy signal's treatment in words, e.g. <c>quantize step 0.5 %</c> or <c>aggregate mean over 10 s</c>.</summary>
public static class TreatmentText
{
    /// <summary>The treatment of <paramref name="signal"/>.</summary>
    public static string Of(TelemetrySignal signal)
    {
        var t = signal.Treatment;
        string unit = string.IsNullOrEmpty(signal.Unit) ? string.Empty : " " + signal.Unit;
        return t.Action switch
        {
            TelemetryAction.Quantize => $"quantize, step {Units(t.StepUnits, signal.Decimals)}{unit}",
            TelemetryAction.Downsample => $"downsample, every {Seconds(t.EveryMicros)}",
            TelemetryAction.Aggregate => $"aggregate {AggregateFunction.Name(t.Function)} over {Seconds(t.WindowMicros)}",
            TelemetryAction.Delay => $"delay by {Seconds(t.DelayMicros)}",
            _ => TelemetryAction.Name(t.Action),
        };
    }

    private static string Units(long units, int decimals) =>
        (units * Math.Pow(10, -decimals)).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Seconds(long micros) =>
        (micros / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
