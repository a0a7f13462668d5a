using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Dbc;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Safety;

/// <summary>
/// The compiled taps of ReferenceSafety against samples/reference-bms.dbc: the same layout and scaling as
/// the DBC signals they claim to be, and the same physical values when both decode the same frames.
/// </summary>
public class ReferenceTapsDbcTests
{
    private static readonly DbcDatabase Db = DbcDatabase.Load(DbcSnippets.ReferenceDbc);

    /// <summary>Which DBC signal each reference tap compiles.</summary>
    public static readonly TheoryData<string, string, string> Taps = new()
    {
        { "vehicle_speed", "VehicleState", "VehicleSpeed" },
        { "charging_state", "VehicleState", "ChargingState" },
        { "pack_voltage", "PackStatus", "PackVoltage" },
        { "pack_current", "PackStatus", "PackCurrent" },
        { "soc", "PackStatus", "SOC" },
        { "cell_temp_max", "Temperatures", "CellTempMax" },
        { "contactor_main_pos", "Contactors", "ContactorMainPositive" },
        { "contactor_main_neg", "Contactors", "ContactorMainNegative" },
        { "contactor_precharge", "Contactors", "ContactorPrecharge" },
        { "contactor_charge", "Contactors", "ContactorCharge" },
        { "fault_flags", "Contactors", "FaultFlags" },
        { "bms_state", "Contactors", "BmsState" },
        { "charger_current", "ChargerStatus", "ChargerCurrent" },
    };

    [Fact]
    public void Every_reference_tap_is_checked_here()
    {
        var state = ReferenceSafety.NewState();
        Assert.Equal(state.TapCount, Taps.Count);
    }

    [Theory]
    [MemberData(nameof(Taps))]
    public void Tap_has_the_dbc_signals_layout_scaling_unit_and_values(string tapName, string messageName, string signalName)
    {
        var state = ReferenceSafety.NewState();
        var tap = state.Tap(state.IndexOf(tapName));
        var message = Db.Message(messageName)!;
        var signal = message.Signal(signalName)!;
        Assert.Equal(message.Id, tap.Id);
        Assert.Equal(message.IsExtended, tap.Extended);
        Assert.Equal(signal.StartBit, tap.StartBit);
        Assert.Equal(signal.Length, tap.Length);
        Assert.Equal(signal.ByteOrder == DbcByteOrder.Motorola, tap.Motorola);
        Assert.Equal(signal.IsSigned, tap.Signed);
        Assert.Equal((decimal)signal.Scale, Physical(tap, tap.ScaleUnits));
        Assert.Equal((decimal)signal.Offset, Physical(tap, tap.OffsetUnits));
        Assert.Equal(signal.Unit, tap.Unit);
        var values = Enumerable.Range(0, tap.ValueCount).ToDictionary(i => tap.ValueRaw(i), i => tap.ValueName(i));
        Assert.Equal(signal.ValueTable.OrderBy(kv => kv.Key), values.OrderBy(kv => kv.Key));

        // Fresh for at least two cycles of the frame, so one lost frame never denies a command.
        Assert.True(tap.MaxAgeMicros >= 2L * message.CycleTime!.Value * 1000, $"{tapName} max-age vs {message.CycleTime} ms cycle");
    }

    [Theory]
    [MemberData(nameof(Taps))]
    public void Tap_and_dbc_decode_random_frames_to_the_same_physical_value(string tapName, string messageName, string signalName)
    {
        var state = ReferenceSafety.NewState();
        int index = state.IndexOf(tapName);
        var tap = state.Tap(index);
        var signal = Db.Message(messageName)!.Signal(signalName)!;
        AgreeOnRandomFrames(state, index, signal, seed: tapName.Length);
    }

    [Theory]
    [InlineData("RemoteDiagFd", "RemoteDiagRoutineId")]
    [InlineData("UdsRequestBms29", "Uds29ReqDataId")]
    [InlineData("UdsRequestBms", "UdsReqFirstLength")]
    public void Motorola_taps_written_from_the_dbc_decode_like_the_dbc(string messageName, string signalName)
    {
        var message = Db.Message(messageName)!;
        var s = message.Signal(signalName)!;
        string line = $"signal m id=0x{message.Id:X} {(message.IsExtended ? "ext " : "")}start={s.StartBit} len={s.Length} "
            + $"order={(s.ByteOrder == DbcByteOrder.Motorola ? "motorola" : "intel")} {(s.IsSigned ? "signed" : "unsigned")} "
            + $"scale={s.Scale} offset={s.Offset} max-age=1s";
        var state = VehicleStateText.Parse(line, out int errorLine, out string error);
        Assert.True(state != null, $"{errorLine}: {error}");
        Assert.True(state.Tap(0).Motorola);
        AgreeOnRandomFrames(state, 0, s, seed: 7);
    }

    [Fact]
    public void Signed_and_motorola_with_fractional_scale_and_negative_offset_agree_with_the_dbc()
    {
        const string dbc = "VERSION \"\"\nBU_: A\nBO_ 256 M: 8 A\n SG_ Sm : 12|20@0- (0.125,-273.15) [0|0] \"K\" A\n SG_ Si : 40|13@1- (0.05,1.5) [0|0] \"\" A\n";
        var db = DbcSnippets.Parse(dbc);
        var message = db.Message("M")!;
        var state = VehicleStateText.Parse(
            "signal sm id=0x100 start=12 len=20 order=motorola signed scale=0.125 offset=-273.15 unit=K max-age=1s\n"
            + "signal si id=0x100 start=40 len=13 order=intel signed scale=0.05 offset=1.5 max-age=1s\n",
            out _, out string error);
        Assert.True(state != null, error);
        AgreeOnRandomFrames(state, 0, message.Signal("Sm")!, seed: 3);
        AgreeOnRandomFrames(state, 1, message.Signal("Si")!, seed: 4);
    }

    [Fact]
    public void Bundled_sample_feeds_the_state_and_the_interlocks_follow_it()
    {
        var state = ReferenceSafety.NewState();
        var table = ReferenceSafety.NewTable(state);
        long now = 0;
        int moving = 0;
        foreach (var f in Captures.Read(Captures.BundledSample).Where(f => f.Channel == "can0" && !f.Remote && !f.Error && !f.Fd))
        {
            now = f.TimestampNanos / 1000;
            state.Observe(f.Id, f.Extended, f.Data, f.Length, now);
            if (state.Freshness(state.IndexOf("vehicle_speed"), now) == SafetyResult.Safe && state.Units(state.IndexOf("vehicle_speed")) > 0)
            {
                // Driving: contactors must never open, whatever the current.
                moving++;
                Assert.Equal(SafetyResult.Unsafe, table.Check(CommandType.OpenContactors, now));
            }
        }

        Assert.True(state.FramesObserved > 1000);
        Assert.True(moving > 100, "the sample drives");
        Assert.Equal(SafetyResult.Safe, state.Freshness(state.IndexOf("pack_current"), now));
        Assert.Equal(SafetyResult.Safe, state.Freshness(state.IndexOf("vehicle_speed"), now));
        Assert.Equal(SafetyResult.Safe, table.Check(CommandType.EnableCharging, now));

        // Ten seconds after the bus went quiet the same state is stale: deny.
        Assert.Equal(SafetyResult.Stale, table.Check(CommandType.OpenContactors, now + 10_000_000));
    }

    private static void AgreeOnRandomFrames(VehicleState state, int index, DbcSignal signal, int seed)
    {
        var tap = state.Tap(index);
        var random = new Random(seed);
        var data = new byte[8];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(data);

            // Also the extremes of the raw range: all ones and all zeros.
            if (i < 2)
            {
                Array.Fill(data, (byte)(i == 0 ? 0xFF : 0x00));
            }

            state.Observe(tap.Id, tap.Extended, data, 8, i);
            Assert.Equal(i, state.TimeMicros(index));
            decimal expected = SignalScaling.ToPhysical(signal, SignalCodec.Read(signal, data)).Exact!.Value;
            Assert.True(expected == Physical(tap, state.Units(index)), $"{tap.Name} on {Convert.ToHexString(data)}: dbc {expected}, tap {Physical(tap, state.Units(index))}");
        }
    }

    private static decimal Physical(SignalTap tap, long units) => units / (decimal)Math.Pow(10, tap.Decimals);
}
