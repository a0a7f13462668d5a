using BmsGuard.HostSim.Sample;
using Xunit;

namespace BmsGuard.Tests.Sample;

/// <summary>The synthesized reference traffic stays physically consistent over long captures.</summary>
public class ReferenceTrafficGeneratorTests
{
    [Fact]
    public void Long_captures_alternate_driving_and_charging_within_sane_limits()
    {
        var frames = ReferenceTrafficGenerator.Generate(3 * 3600, seed: 3);
        var pack = frames.Where(f => f.Id == ReferenceBms.PackStatus && f.Channel == "can0" && !f.Remote).ToList();
        Assert.Equal(3 * 3600 * 50, pack.Count);
        var soc = pack.Select(f => f.Data[4] / 2.0).ToList();
        Assert.InRange(soc.Min(), 15, 25);
        Assert.InRange(soc.Max(), 75, 85);
        var volts = pack.Select(f => (f.Data[0] | (f.Data[1] << 8)) / 10.0).ToList();
        Assert.InRange(volts.Min(), 96 * 3.0, 96 * 4.2);
        Assert.InRange(volts.Max(), 96 * 3.0, 96 * 4.2);

        var states = frames.Where(f => f.Id == ReferenceBms.Contactors).Select(f => f.Data[3]).Distinct().Order().ToList();
        Assert.Equal(new byte[] { 2, 3 }, states);
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First.TimestampNanos <= p.Second.TimestampNanos));
    }

    [Fact]
    public void Same_seed_same_frames_other_seed_other_frames()
    {
        static string Text(ulong seed) => string.Join('\n', ReferenceTrafficGenerator.Generate(5, seed).Select(f => $"{f.TimestampNanos} {f.Id:X} {Convert.ToHexString(f.Data, 0, f.Length)}"));
        Assert.Equal(Text(9), Text(9));
        Assert.NotEqual(Text(9), Text(10));
    }
}
