using System.Globalization;
using System.Numerics;
using System.Text;
using BmsGuard.HostSim.Dbc;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// Property: for random layouts (Intel and Motorola, signed and unsigned, 1..64 bits, float and
/// double, scaled) and random payloads, encoding the decoded physical values restores every bit
/// that belongs to a signal present in the frame, and leaves every other bit of the target alone.
/// </summary>
public class SignalRoundTripPropertyTests
{
    private static readonly (string Scale, string Offset)[] Scalings =
    [
        ("1", "0"), ("0.1", "0"), ("0.5", "-40"), ("0.001", "5"), ("2", "100"), ("-0.25", "1"), ("1E-007", "0"), ("0.0000152587890625", "-1"), ("3", "-1E+6"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Encode_of_decode_restores_every_signal_bit(int seed)
    {
        var rng = new Random(seed);
        var db = DbcDatabase.Parse(RandomDbc(rng, messages: 300), $"random-{seed}.dbc");
        int checkedSignals = 0;
        foreach (var message in db.Messages)
        {
            for (int i = 0; i < 40; i++)
            {
                var frame = RandomBytes(rng, message.Length);
                var values = MessageCodec.Decode(message, frame);
                var target = RandomBytes(rng, message.Length);
                var before = (byte[])target.Clone();
                MessageCodec.Encode(message, values.Select(v => KeyValuePair.Create(v.Signal.Name, v.Physical)), target);

                var mask = new byte[message.Length];
                foreach (var v in values)
                {
                    SignalCodec.Mark(v.Signal, mask);
                }

                for (int b = 0; b < frame.Length; b++)
                {
                    int expected = (frame[b] & mask[b]) | (before[b] & ~mask[b]);
                    Assert.True(expected == target[b], $"{message.Name} byte {b}: expected {expected:X2}, got {target[b]:X2}; frame {Convert.ToHexString(frame)}, signals {string.Join(", ", values.Select(v => $"{v.Signal.Name} {v.Signal.StartBit}|{v.Signal.Length}@{(int)v.Signal.ByteOrder} {v.Signal.ValueType} = {v.Physical}"))}");
                }

                checkedSignals += values.Count;
            }
        }

        Assert.True(checkedSignals > 10_000, $"only {checkedSignals} signal values checked");
    }

    [Fact]
    public void Every_length_and_position_reads_back_what_was_written()
    {
        // Exhaustive over layouts: a value written at any valid place is read back unchanged and touches only its bits.
        var rng = new Random(9);
        foreach (var order in new[] { 0, 1 })
        {
            for (int length = 1; length <= 64; length++)
            {
                for (int first = 0; first + length <= 128; first += 7)
                {
                    int start = order == 1 ? first : ((first / 8) * 8) + 7 - (first % 8);
                    var db = DbcDatabase.Parse($"BO_ 1 M: 16 X\n SG_ S : {start}|{length}@{order}+ (1,0) [0|0] \"\" X\n", "layout.dbc");
                    var signal = db.Messages[0].Signals[0];
                    ulong value = (ulong)rng.NextInt64() ^ ((ulong)rng.NextInt64() << 1);
                    value = length == 64 ? value : value & ((1UL << length) - 1);
                    var data = new byte[16];
                    SignalCodec.Write(signal, data, value);
                    Assert.Equal(value, SignalCodec.Read(signal, data));
                    Assert.Equal(BitOperations.PopCount(value), data.Sum(b => BitOperations.PopCount(b)));
                }
            }
        }
    }

    private static byte[] RandomBytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }

    /// <summary>Messages of one to four non-overlapping signals, some multiplexed.</summary>
    private static string RandomDbc(Random rng, int messages)
    {
        var sb = new StringBuilder("BU_: X\n");
        var valueTypes = new StringBuilder();
        int[] lengths = [8, 8, 8, 12, 64];
        for (int m = 0; m < messages; m++)
        {
            int bytes = lengths[rng.Next(lengths.Length)];
            var used = new bool[bytes * 8];
            sb.Append(CultureInfo.InvariantCulture, $"BO_ {m + 1} M{m}: {bytes} X\n");
            bool muxed = rng.Next(4) == 0;
            if (muxed)
            {
                // A 3-bit switch in bits 0..2 selects among pages 0..7.
                sb.Append(" SG_ Sw M : 0|3@1+ (1,0) [0|0] \"\" X\n");
                used[0] = used[1] = used[2] = true;
            }

            int count = rng.Next(1, 5);
            for (int s = 0; s < count; s++)
            {
                var (text, floatType) = RandomSignal(rng, $"S{s}", used, muxed ? $" m{rng.Next(8)}" : "");
                if (text == null)
                {
                    continue;
                }

                sb.Append(text);
                if (floatType > 0)
                {
                    valueTypes.Append(CultureInfo.InvariantCulture, $"SIG_VALTYPE_ {m + 1} S{s} : {floatType};\n");
                }
            }
        }

        return sb.Append(valueTypes).ToString();
    }

    private static (string? Text, int FloatType) RandomSignal(Random rng, string name, bool[] used, string mux)
    {
        int kind = rng.Next(10);
        int floatType = kind switch { 0 => 1, 1 => 2, _ => 0 };
        int length = floatType switch { 1 => 32, 2 => 64, _ => rng.Next(3) == 0 ? rng.Next(33, 65) : rng.Next(1, 33) };
        int order = rng.Next(2);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            // "first" is the lowest index in the layout's own order: the LSB position for Intel, the MSB index (byte * 8 + 7 - bit) for Motorola.
            int first = rng.Next(0, used.Length - length + 1);
            var bits = Enumerable.Range(first, length).Select(i => order == 1 ? i : ((i / 8) * 8) + 7 - (i % 8)).ToList();
            if (bits.Any(b => used[b]))
            {
                continue;
            }

            bits.ForEach(b => used[b] = true);
            int start = order == 1 ? first : ((first / 8) * 8) + 7 - (first % 8);
            var (scale, offset) = floatType > 0 ? ("1", "0") : Scalings[rng.Next(Scalings.Length)];
            string sign = rng.Next(2) == 0 ? "+" : "-";
            return ($" SG_ {name}{mux} : {start}|{length}@{order}{sign} ({scale},{offset}) [0|0] \"\" X\n", floatType);
        }

        return (null, 0);
    }
}
