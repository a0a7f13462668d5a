namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// The speed profile of the drive scenario: a 120 s urban/extra-urban cycle (standstill, 50 km/h,
/// 90 km/h, braking to 30 and to a stop), repeated, linear between its corner points.
/// </summary>
public static class DriveCycle
{
    /// <summary>Length of one cycle in seconds.</summary>
    public const double PeriodSeconds = 120;

    // (seconds into the cycle, km/h): the corner points.
    private static readonly (double T, double Kmh)[] Points =
    [
        (0, 0), (5, 0), (15, 50), (35, 50), (45, 90), (75, 90), (85, 30), (95, 30), (105, 0), (120, 0),
    ];

    /// <summary>Speed in km/h at <paramref name="seconds"/> since the drive began.</summary>
    public static double SpeedKmh(double seconds)
    {
        double t = seconds % PeriodSeconds;
        for (int i = 1; i < Points.Length; i++)
        {
            if (t < Points[i].T)
            {
                var (t0, v0) = Points[i - 1];
                var (t1, v1) = Points[i];
                return v0 + ((v1 - v0) * (t - t0) / (t1 - t0));
            }
        }

        return Points[^1].Kmh;
    }
}
