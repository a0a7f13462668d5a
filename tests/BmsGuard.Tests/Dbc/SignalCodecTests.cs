using System.Buffers.Binary;
using BmsGuard.HostSim.Dbc;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>Decoding and encoding worked examples, computed by hand from the DBC bit numbering.</summary>
public class SignalCodecTests
{
    private static readonly DbcDatabase Db = DbcSnippets.Parse(DbcSnippets.Everything);

    private static Dictionary<string, DbcSignalValue> Decode(string message, byte[] data) =>
        MessageCodec.Decode(Db.Message(message)!, data).ToDictionary(v => v.Signal.Name);

    [Fact]
    public void Intel_signals_crossing_bytes_scaled_signed_and_single_bit()
    {
        // Unsigned12 = 4|12: high nibble of byte 0, then byte 1. Signed9 = 16|9: byte 2 and bit 0 of byte 3.
        var v = Decode("Intel", [0xA0, 0x7F, 0xFF, 0x01, 0, 0, 0, 0x80]);
        Assert.Equal(0x7FAul, v["Unsigned12"].Raw);
        Assert.Equal(new PhysicalValue(1011m), v["Unsigned12"].Physical); // 2042 * 0.5 - 10
        Assert.Equal(-1, v["Signed9"].Physical.Value);
        Assert.Equal("invalid", v["Signed9"].Label);
        Assert.Equal("Signed9=invalid", v["Signed9"].ToString());
        Assert.Equal("Unsigned12=1011 km/h", v["Unsigned12"].ToString());
        Assert.Equal(1, v["Flag"].Physical.Value);
    }

    [Fact]
    public void Motorola_signals_follow_the_sawtooth_across_two_and_three_bytes()
    {
        // Moto16 = 7|16: bytes 0-1 big-endian. Moto12 = 19|12: low nibble of byte 2 (MSB = bit 3), then byte 3.
        // Moto20 = 43|20: low nibble of byte 5, then bytes 6 and 7.
        var v = Decode("Motorola", [0x12, 0x34, 0xA8, 0x00, 0xFF, 0xF5, 0x67, 0x89]);
        Assert.Equal("46.6", v["Moto16"].Physical.ToString());
        Assert.Equal(-2048, v["Moto12"].Physical.Value);
        Assert.Equal(0x56789ul, v["Moto20"].Raw);

        var encoded = MessageCodec.Encode(Db.Message("Motorola")!, new Dictionary<string, PhysicalValue> { ["Moto16"] = 46.6m, ["Moto12"] = -2048, ["Moto20"] = 0x56789 });
        Assert.Equal("1234080000056789", Convert.ToHexString(encoded));
    }

    [Fact]
    public void Ieee_float_intel_and_double_motorola()
    {
        var data = new byte[16];
        BinaryPrimitives.WriteSingleLittleEndian(data, 3.5f);
        BinaryPrimitives.WriteDoubleBigEndian(data.AsSpan(8), -1234.5625);
        var v = Decode("Floats", data);
        Assert.Equal(3.5, v["Single"].Physical.Value);
        Assert.False(v["Single"].Physical.IsExact);
        Assert.Equal(-1234.5625, v["Double"].Physical.Value);
        Assert.Equal("Double=-1234.5625 m", v["Double"].ToString());
        Assert.Equal(data, MessageCodec.Encode(Db.Message("Floats")!, new Dictionary<string, PhysicalValue> { ["Single"] = 3.5, ["Double"] = -1234.5625 }));
    }

    [Fact]
    public void Simple_multiplexing_decodes_only_the_selected_page()
    {
        Assert.Equal(["Mode", "PageA", "Always"], Decode("Muxed", [0, 0x34, 0x12, 0, 0, 0, 0, 9]).Keys);
        var page1 = Decode("Muxed", [1, 0xFE, 0xFF, 0, 0, 0, 0, 9]);
        Assert.Equal(["Mode", "PageB", "Always"], page1.Keys);
        Assert.Equal("-0.2", page1["PageB"].Physical.ToString());
        Assert.Equal(["Mode", "Always"], Decode("Muxed", [7, 0, 0, 0, 0, 0, 0, 9]).Keys);
    }

    [Fact]
    public void Short_payloads_leave_out_signals_beyond_the_data()
    {
        Assert.Equal(["Unsigned12", "Signed9"], Decode("Intel", [0, 0, 0, 0]).Keys);
        Assert.Equal(["Mode"], Decode("Muxed", [0, 0]).Keys);
    }

    [Fact]
    public void Encoding_checks_values_and_multiplexor_consistency()
    {
        var intel = Db.Message("Intel")!;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MessageCodec.Encode(intel, new Dictionary<string, PhysicalValue> { ["Unsigned12"] = 2040 }));
        Assert.Contains("2040 km/h does not fit signal Unsigned12 (12-bit unsigned, scale 0.5, offset -10)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageCodec.Encode(intel, new Dictionary<string, PhysicalValue> { ["Signed9"] = 256 }));
        Assert.Throws<ArgumentException>(() => MessageCodec.Encode(intel, new Dictionary<string, PhysicalValue> { ["Nope"] = 1 }));

        var muxed = Db.Message("Muxed")!;
        var wrongPage = Assert.Throws<ArgumentException>(() => MessageCodec.Encode(muxed, new Dictionary<string, PhysicalValue> { ["Mode"] = 0, ["PageB"] = 1 }));
        Assert.Contains("Muxed.PageB is only sent when Mode is 1", wrongPage.Message, StringComparison.Ordinal);
        Assert.Equal("01F6FF0000000000", Convert.ToHexString(MessageCodec.Encode(muxed, new Dictionary<string, PhysicalValue> { ["PageB"] = -1, ["Mode"] = 1 })));
    }

    [Fact]
    public void Physical_values_round_to_the_nearest_step_and_print_without_float_noise()
    {
        var current = DbcSnippets.Parse("BO_ 1 M: 2 X\n SG_ I : 0|16@1- (0.1,0) [0|0] \"A\" X\n").Message("M")!.Signal("I")!;
        Assert.Equal(3521ul, SignalScaling.ToRaw(current, 352.1));
        Assert.Equal(3521ul, SignalScaling.ToRaw(current, 352.14));
        Assert.Equal(0xFFFFul, SignalScaling.ToRaw(current, -0.1));
        Assert.Equal("352.1", SignalScaling.ToPhysical(current, 3521).ToString());
        Assert.Equal("-3276.8", SignalScaling.ToPhysical(current, 0x8000).ToString());
    }

    [Fact]
    public void Scaled_float32_signals_round_trip_every_non_nan_value()
    {
        // Double arithmetic is exact enough for float32 with a pure scale; an offset would swamp tiny values.
        var s = DbcSnippets.Parse("BO_ 1 M: 4 X\n SG_ F : 0|32@1- (0.1,0) [0|0] \"\" X\nSIG_VALTYPE_ 1 F : 1;\n").Message("M")!.Signal("F")!;
        var rng = new Random(3);
        for (int i = 0; i < 10_000; i++)
        {
            uint bits = (uint)rng.NextInt64(0, 1L << 32);
            if (float.IsNaN(BitConverter.UInt32BitsToSingle(bits)))
            {
                continue;
            }

            Assert.Equal(bits, (uint)SignalScaling.ToRaw(s, SignalScaling.ToPhysical(s, bits)));
        }
    }
}
