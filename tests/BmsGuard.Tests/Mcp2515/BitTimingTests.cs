using Xunit;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>CNF1..CNF3 for the 8 and 16 MHz modules (DS20001801 section 5), decoded back from the register bits.</summary>
public sealed class BitTimingTests
{
    // crystal, bit rate -> CNF1, CNF2, CNF3, sample point per mille
    [Theory]
    [InlineData(8_000_000, 125_000, 0x01, 0xB5, 0x01, 875)]
    [InlineData(8_000_000, 250_000, 0x00, 0xB5, 0x01, 875)]
    [InlineData(8_000_000, 500_000, 0x00, 0x91, 0x01, 750)]
    [InlineData(16_000_000, 125_000, 0x03, 0xB5, 0x01, 875)]
    [InlineData(16_000_000, 250_000, 0x01, 0xB5, 0x01, 875)]
    [InlineData(16_000_000, 500_000, 0x00, 0xB5, 0x01, 875)]
    [InlineData(16_000_000, 1_000_000, 0x00, 0x91, 0x01, 750)]
    public void Registers_and_sample_point(int crystal, int bitRate, int cnf1, int cnf2, int cnf3, int samplePermille)
    {
        var t = Mcp2515BitTiming.Compute(crystal, bitRate)!;
        Assert.Equal((cnf1, cnf2, cnf3), (t.Cnf1, t.Cnf2, t.Cnf3));
        Assert.Equal(samplePermille, t.SamplePointPermille);

        // Decode the registers as the chip does: TQ = 2 (BRP + 1) / Fosc, bit = 1 + PRSEG+1 + PHSEG1+1 + PHSEG2+1.
        int brp = (t.Cnf1 & 0x3F) + 1;
        int sjw = (t.Cnf1 >> 6) + 1;
        int prop = (t.Cnf2 & 7) + 1;
        int ps1 = ((t.Cnf2 >> 3) & 7) + 1;
        int ps2 = (t.Cnf3 & 7) + 1;
        int quanta = 1 + prop + ps1 + ps2;
        Assert.Equal(0x80, t.Cnf2 & 0x80); // BTLMODE: PS2 from CNF3
        Assert.Equal(0, t.Cnf2 & 0x40); // SAM: one sample
        Assert.Equal(0.0, (double)crystal / (2 * brp * quanta) - bitRate);
        Assert.Equal(samplePermille, (1 + prop + ps1) * 1000 / quanta);

        // The datasheet's rules (5.3): PS2 >= 2, PropSeg + PS1 >= PS2, PS2 > SJW, 5..25 quanta.
        Assert.True(ps2 >= 2 && prop + ps1 >= ps2 && ps2 > sjw && quanta is >= 5 and <= 25);
    }

    [Fact]
    public void One_megabit_from_8_MHz_is_refused()
    {
        // 8 MHz / 2 = 4 MHz: 4 quanta per bit at the smallest prescaler, one short of the minimum of 5.
        Assert.Null(Mcp2515BitTiming.Compute(8_000_000, 1_000_000));
        Assert.Null(Mcp2515BitTiming.Compute(8_000_000, 333_333));
    }

    [Fact]
    public void Board_timing_is_8_MHz_at_500_kbit()
    {
        var t = Mcp2515BitTiming.Compute(BmsGuard.Esp32.Esp32Mcp2515Board.CrystalHz, BmsGuard.Esp32.Esp32Mcp2515Board.BitRate)!;
        Assert.Equal(8, t.QuantaPerBit);
        Assert.Equal(1, t.Prescaler);
    }
}
