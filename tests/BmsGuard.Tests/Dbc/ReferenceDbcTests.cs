using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>samples/reference-bms.dbc against ReferenceBms and the bundled sample it describes.</summary>
public class ReferenceDbcTests
{
    private static readonly DbcDatabase Db = DbcDatabase.Load(DbcSnippets.ReferenceDbc);
    private static readonly List<CaptureFrame> Sample = Captures.Read(Captures.BundledSample).Where(f => !f.Error && !f.Remote).ToList();

    [Theory]
    [InlineData(ReferenceBms.PackStatus, false, "PackStatus", 20)]
    [InlineData(ReferenceBms.CellExtremes, false, "CellExtremes", 100)]
    [InlineData(ReferenceBms.Temperatures, false, "Temperatures", 500)]
    [InlineData(ReferenceBms.Contactors, false, "Contactors", 100)]
    [InlineData(ReferenceBms.Limits, false, "Limits", 100)]
    [InlineData(ReferenceBms.Identity, false, "Identity", 1000)]
    [InlineData(ReferenceBms.Debug, false, "Debug", 200)]
    [InlineData(ReferenceBms.ChargerStatus, true, "ChargerStatus", 100)]
    public void Bms_messages_match_ReferenceBms(uint id, bool extended, string name, int cycleMs)
    {
        var m = Db.Find(id, extended);
        Assert.NotNull(m);
        Assert.Equal(name, m.Name);
        Assert.Equal(cycleMs, m.CycleTime);
        Assert.Equal("BMS", m.Sender);
        Assert.Equal(8, m.Length);
        Assert.NotNull(m.Comment);
    }

    [Fact]
    public void Nodes_tcu_messages_and_later_messages_are_described()
    {
        Assert.Equal(["BMS", "TCU"], Db.Nodes.Select(n => n.Name));
        Assert.Equal("RemoteCommand", Db.Find(0x5A0, false)?.Name);
        Assert.Equal("ChargeLimitCommand", Db.Find(0x5A1, false)?.Name);
        Assert.Equal("UdsRequestBms", Db.Find(0x7E4, false)?.Name);
        Assert.Equal("UdsResponseBms", Db.Find(0x7EC, false)?.Name);
        Assert.Equal("TCU", Db.Find(0x5A0, false)?.Sender);
        var vehicle = Db.Find(0x0D0, false)!;
        Assert.Equal("VehicleState", vehicle.Name);
        Assert.NotNull(vehicle.Signal("VehicleSpeed"));
        Assert.NotNull(vehicle.Signal("ChargingState"));
        Assert.Contains("later", vehicle.Comment, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<long, string> { [3] = "charge", [2] = "drive", [1] = "standby", [0] = "sleep" }, Db.Message("Contactors")!.Signal("BmsState")!.ValueTable);
        Assert.Equal(Db.ValueTables["BmsStates"], Db.Message("Contactors")!.Signal("BmsState")!.ValueTable);
    }

    [Fact]
    public void Describes_exactly_the_frames_the_sample_carries_plus_the_documented_extras()
    {
        foreach (var f in Sample)
        {
            var m = Db.Find(f.Id, f.Extended);
            Assert.True(m != null, $"no DBC message for 0x{f.Id:X}");
            Assert.Equal(m.Length, f.Length);
        }

        var inSample = Sample.Select(f => Db.Find(f.Id, f.Extended)!.Name).ToHashSet();
        Assert.Equal(["CellVoltages", "UdsResponseBms"], Db.Messages.Select(m => m.Name).Where(n => !inSample.Contains(n)).Order());
    }

    [Fact]
    public void Sample_decodes_to_physically_plausible_values()
    {
        int packFrames = 0;
        long lastCounter = -1;
        foreach (var f in Sample)
        {
            var m = Db.Find(f.Id, f.Extended)!;
            var v = MessageCodec.Decode(m, f.Data.AsSpan(0, f.Length)).ToDictionary(x => x.Signal.Name, x => x);
            double P(string name) => v[name].Physical.Value;
            switch (m.Name)
            {
                case "PackStatus":
                    packFrames++;
                    Assert.InRange(P("PackVoltage"), 288, 403.2);
                    Assert.InRange(P("PackCurrent"), -200, 400); // the Limits frame's charge and discharge maxima
                    Assert.InRange(P("SOC"), 0, 100);
                    Assert.Equal(97, P("SOH"));
                    int sum = f.Data.Take(7).Sum(b => b);
                    Assert.Equal((sum ^ 0xFF) & 0xFF, (int)P("PackStatusChecksum"));
                    long counter = (long)P("PackStatusCounter");
                    Assert.True(lastCounter < 0 || counter == (lastCounter + 1) % 16, $"counter {lastCounter} -> {counter}");
                    lastCounter = counter;
                    break;
                case "CellExtremes":
                    Assert.InRange(P("CellVoltageMin"), 3000, P("CellVoltageMax"));
                    Assert.InRange(P("CellVoltageMax"), P("CellVoltageMin"), 4200);
                    Assert.Equal(ReferenceBms.Cells, P("CellCount"));
                    break;
                case "Temperatures":
                    Assert.InRange(P("CellTempAvg"), P("CellTempMin"), P("CellTempMax"));
                    Assert.InRange(P("CellTempMax"), -20, 60);
                    break;
                case "Contactors":
                    Assert.Equal("closed", v["ContactorMainPositive"].Label);
                    Assert.Equal("closed", v["ContactorMainNegative"].Label);
                    Assert.Contains(v["BmsState"].Label, new[] { "drive", "charge" });
                    Assert.Equal(2.5, P("IsolationResistance"));
                    break;
                case "Limits":
                    Assert.Equal(403.2, P("MaxPackVoltage"));
                    Assert.Equal(288, P("MinPackVoltage"));
                    Assert.InRange(P("MaxChargeCurrent"), 80, 200);
                    break;
                case "ChargerStatus":
                    Assert.InRange(P("ChargerVoltage"), 288, 403.2);
                    break;
                case "VehicleState":
                    Assert.InRange(P("VehicleSpeed"), 0, 130);
                    Assert.Equal("not_connected", v["ChargingState"].Label);
                    break;
            }
        }

        Assert.Equal(3000, packFrames);
    }

    [Fact]
    public void Identity_pages_reconstruct_the_serial_number_and_vin_fragment()
    {
        var identity = Db.Message("Identity")!;
        var pages = new Dictionary<string, string>();
        foreach (var f in Sample.Where(f => f.Id == ReferenceBms.Identity))
        {
            var values = MessageCodec.Decode(identity, f.Data.AsSpan(0, f.Length));
            string page = values[0].Label!;
            pages[page] = string.Concat(values.Skip(1).Select(v => (char)(int)v.Physical.Value));
            Assert.Equal(8, values.Count);
        }

        Assert.Equal(ReferenceBms.SerialNumber, pages["SerialNumber1"] + pages["SerialNumber2"]);
        Assert.Equal(ReferenceBms.VinFragment, pages["VinFragment"]);
    }

    [Fact]
    public void Cycle_times_measured_in_the_sample_match_GenMsgCycleTime()
    {
        foreach (var group in Sample.GroupBy(f => (f.Id, f.Extended)))
        {
            var m = Db.Find(group.Key.Id, group.Key.Extended)!;
            if (m.CycleTime is not { } cycle)
            {
                Assert.True(group.Count() <= 2, $"{m.Name} has no cycle time but appears {group.Count()} times");
                continue;
            }

            var t = group.Select(f => f.TimestampNanos).ToList();
            double meanMs = (t[^1] - t[0]) / 1e6 / (t.Count - 1);
            Assert.True(Math.Abs(meanMs - cycle) < 0.01 * cycle, $"{m.Name}: mean period {meanMs} ms, DBC says {cycle} ms");
        }
    }
}
