using Xunit;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>The driver's register addresses and bits against DS20001801 Table 11-1 and the register descriptions.</summary>
public sealed class RegisterMapTests
{
    public static TheoryData<string, int, int> Addresses => new()
    {
        { "RXF0SIDH", Mcp2515Register.Filter(0), 0x00 },
        { "RXF1SIDH", Mcp2515Register.Filter(1), 0x04 },
        { "RXF2SIDH", Mcp2515Register.Filter(2), 0x08 },
        { "RXF3SIDH", Mcp2515Register.Filter(3), 0x10 },
        { "RXF4SIDH", Mcp2515Register.Filter(4), 0x14 },
        { "RXF5SIDH", Mcp2515Register.Filter(5), 0x18 },
        { "RXM0SIDH", Mcp2515Register.Mask(0), 0x20 },
        { "RXM1SIDH", Mcp2515Register.Mask(1), 0x24 },
        { "BFPCTRL", Mcp2515Register.BfpCtrl, 0x0C },
        { "TXRTSCTRL", Mcp2515Register.TxRtsCtrl, 0x0D },
        { "CANSTAT", Mcp2515Register.CanStat, 0x0E },
        { "CANCTRL", Mcp2515Register.CanCtrl, 0x0F },
        { "TEC", Mcp2515Register.Tec, 0x1C },
        { "REC", Mcp2515Register.Rec, 0x1D },
        { "CNF3", Mcp2515Register.Cnf3, 0x28 },
        { "CNF2", Mcp2515Register.Cnf2, 0x29 },
        { "CNF1", Mcp2515Register.Cnf1, 0x2A },
        { "CANINTE", Mcp2515Register.CanIntE, 0x2B },
        { "CANINTF", Mcp2515Register.CanIntF, 0x2C },
        { "EFLG", Mcp2515Register.Eflg, 0x2D },
        { "TXB0CTRL", Mcp2515Register.TxCtrl(0), 0x30 },
        { "TXB1CTRL", Mcp2515Register.TxCtrl(1), 0x40 },
        { "TXB2CTRL", Mcp2515Register.TxCtrl(2), 0x50 },
        { "RXB0CTRL", Mcp2515Register.RxB0Ctrl, 0x60 },
        { "RXB1CTRL", Mcp2515Register.RxB1Ctrl, 0x70 },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Address(string register, int driver, int datasheet)
    {
        Assert.True(driver == datasheet, $"{register}: driver 0x{driver:X2}, datasheet 0x{datasheet:X2}");
    }

    [Fact]
    public void Bits()
    {
        // CANCTRL/CANSTAT REQOP/OPMOD (Register 10-1): 000 normal, 001 sleep, 010 loopback, 011 listen-only, 100 configuration.
        Assert.Equal((0x00, 0x20, 0x40, 0x60, 0x80), (Mcp2515Register.ModeNormal, Mcp2515Register.ModeSleep, Mcp2515Register.ModeLoopback, Mcp2515Register.ModeListenOnly, Mcp2515Register.ModeConfiguration));

        // EFLG (Register 6-3): RX1OVR 7, RX0OVR 6, TXBO 5, TXEP 4, RXEP 3.
        Assert.Equal((0x80, 0x40, 0x20, 0x10, 0x08), (Mcp2515Register.Rx1Ovr, Mcp2515Register.Rx0Ovr, Mcp2515Register.TxBo, Mcp2515Register.TxEp, Mcp2515Register.RxEp));

        // CANINTF (Register 7-2): MERRF 7, ERRIF 5, TX0IF 2, RX1IF 1, RX0IF 0.
        Assert.Equal((0x80, 0x20, 0x04, 0x02, 0x01), (Mcp2515Register.MerrF, Mcp2515Register.ErrIf, Mcp2515Register.Tx0If, Mcp2515Register.Rx1If, Mcp2515Register.Rx0If));

        // RXB0CTRL (Register 4-1): RXM 6:5 = 11 receive any, BUKT 2; TXBnCTRL TXREQ 3; SIDL IDE 3, SRR 4; DLC RTR 6.
        Assert.Equal((0x60, 0x04, 0x08, 0x08, 0x10, 0x40), (Mcp2515Register.RxAny, Mcp2515Register.Bukt, Mcp2515Register.TxReq, Mcp2515Register.Ide, Mcp2515Register.Srr, Mcp2515Register.Rtr));
    }

    [Theory]
    [InlineData(0x123u, false, new byte[] { 0x24, 0x60, 0x00, 0x00 })]
    [InlineData(0x7FFu, false, new byte[] { 0xFF, 0xE0, 0x00, 0x00 })]
    [InlineData(0x18FF50E5u, true, new byte[] { 0xC7, 0xEB, 0x50, 0xE5 })]
    [InlineData(0x1FFFFFFFu, true, new byte[] { 0xFF, 0xEB, 0xFF, 0xFF })]
    public void Identifier_registers(uint id, bool extended, byte[] registers)
    {
        // SIDH = SID10:3; SIDL = SID2:0 in 7:5, IDE 3, EID17:16 in 1:0; EID8; EID0 (Registers 3-3..3-6).
        var encoded = new byte[4];
        Mcp2515Identifier.Encode(id, extended, encoded, 0);
        Assert.Equal(registers, encoded);
        Assert.Equal(id, Mcp2515Identifier.Decode(encoded, 0, out bool ext));
        Assert.Equal(extended, ext);
    }
}
