using Xunit;
using BmsGuard.Mcp2515;
using BmsGuard.Emulation;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>The emulated chip against DS20001801 Table 12-1 (SPI instruction set) and the register reset values.</summary>
public sealed class InstructionSetTests
{
    [Fact]
    public void Instruction_bytes_are_the_datasheet_ones()
    {
        // Table 12-1, as the driver sends them.
        Assert.Equal(0xC0, Mcp2515Instruction.Reset);
        Assert.Equal(0x03, Mcp2515Instruction.Read);
        Assert.Equal(0x02, Mcp2515Instruction.Write);
        Assert.Equal(0x90, Mcp2515Instruction.ReadRxBuffer);
        Assert.Equal(0x40, Mcp2515Instruction.LoadTxBuffer);
        Assert.Equal(0x80, Mcp2515Instruction.RequestToSend);
        Assert.Equal(0xA0, Mcp2515Instruction.ReadStatus);
        Assert.Equal(0xB0, Mcp2515Instruction.RxStatus);
        Assert.Equal(0x05, Mcp2515Instruction.BitModify);
    }

    [Fact]
    public void Reset_enters_configuration_mode_with_reset_values()
    {
        using var rig = new Mcp2515Rig();
        rig.Spi(0x02, 0x2A, 0x07); // CNF1, writable in configuration mode
        Assert.Equal(0x07, rig.Spi(0x03, 0x2A, 0)[2]);
        rig.Spi(0xC0);
        Assert.Equal(0x80, rig.Spi(0x03, 0x0E, 0)[2]); // CANSTAT: OPMOD 100, ICOD 000
        Assert.Equal(0x87, rig.Spi(0x03, 0x0F, 0)[2]); // CANCTRL: REQOP 100, CLKEN, CLKPRE 11
        Assert.Equal(0x00, rig.Spi(0x03, 0x2A, 0)[2]);
        Assert.Equal(0x80, rig.Spi(0x03, 0x7E, 0)[2]); // CANSTAT mirrored at every xEh
    }

    [Fact]
    public void Read_and_write_auto_increment_the_address()
    {
        using var rig = new Mcp2515Rig();
        rig.Spi(0x02, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55); // RXF0SIDH..RXF1SIDH
        var miso = rig.Spi(0x03, 0x00, 0, 0, 0, 0, 0);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44, 0x55 }, miso[2..]);
    }

    [Fact]
    public void Filters_masks_and_cnf_are_writable_only_in_configuration_mode()
    {
        using var rig = new Mcp2515Rig();
        rig.Start();
        rig.Spi(0x02, 0x2A, 0x3F);
        rig.Spi(0x02, 0x20, 0xFF);
        Assert.Equal(0x00, rig.Spi(0x03, 0x2A, 0)[2]);
        Assert.Equal(0x00, rig.Spi(0x03, 0x20, 0)[2]);
        Assert.Equal(2, rig.Chip.RefusedWrites);
    }

    [Fact]
    public void Bit_modify_changes_masked_bits_and_acts_as_write_on_other_registers()
    {
        using var rig = new Mcp2515Rig();
        rig.Spi(0x02, 0x2B, 0b1010_1010); // CANINTE is bit-modifiable
        rig.Spi(0x05, 0x2B, 0b0000_1111, 0b0000_0101);
        Assert.Equal(0b1010_0101, rig.Spi(0x03, 0x2B, 0)[2]);

        rig.Spi(0x02, 0x00, 0b1010_1010); // RXF0SIDH is not: the mask is forced to FFh
        rig.Spi(0x05, 0x00, 0b0000_1111, 0b0000_0101);
        Assert.Equal(0b0000_0101, rig.Spi(0x03, 0x00, 0)[2]);
    }

    [Fact]
    public void Read_status_and_rx_status_encode_buffers_type_and_filter()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(rollover: true);
        Assert.Equal(0x00, rig.Spi(0xA0, 0)[1]);
        Assert.Equal(0x00, rig.Spi(0xB0, 0)[1]);

        Assert.True(rig.FromBus(0x123, false, 1, 2));
        Assert.Equal(0x01, rig.Spi(0xA0, 0)[1]); // RX0IF
        Assert.Equal(0b01_0_00_000, rig.Spi(0xB0, 0)[1]); // RXB0, standard data, RXF0

        Assert.True(rig.Chip.ReceiveFromBus(0x1ABCDEF, true, true, default, 4)); // rolls into RXB1
        Assert.Equal(0x03, rig.Spi(0xA0, 0)[1]);
        Assert.Equal(0b11_0_00_000, rig.Spi(0xB0, 0)[1]); // both; type and filter of RXB0

        rig.Spi(0x90, 0, 0, 0, 0, 0); // READ RX BUFFER RXB0 clears RX0IF at chip select high
        Assert.Equal(0b10_0_11_110, rig.Spi(0xB0, 0)[1]); // RXB1, extended remote, RXF0 rolled over
        Assert.Equal(0x02, rig.Spi(0xA0, 0)[1]);
    }

    [Theory]
    [InlineData(0x90, 0x61)] // RXB0SIDH
    [InlineData(0x92, 0x66)] // RXB0D0
    [InlineData(0x94, 0x71)] // RXB1SIDH
    [InlineData(0x96, 0x76)] // RXB1D0
    public void Read_rx_buffer_starts_at_the_datasheet_address(byte instruction, int address)
    {
        using var rig = new Mcp2515Rig();
        rig.Start(rollover: true);
        rig.FromBus(0x7FF, false, 0xA1, 0xA2, 0xA3);
        rig.FromBus(0x7FF, false, 0xA1, 0xA2, 0xA3);
        byte expected = rig.Chip.Peek(address);
        Assert.Equal(expected, rig.Spi(instruction, 0)[1]);
        Assert.Equal(address is 0x66 or 0x76 ? 0xA1 : 0xFF, expected);
    }

    [Theory]
    [InlineData(0x40, 0x31)]
    [InlineData(0x41, 0x36)]
    [InlineData(0x42, 0x41)]
    [InlineData(0x43, 0x46)]
    [InlineData(0x44, 0x51)]
    [InlineData(0x45, 0x56)]
    public void Load_tx_buffer_starts_at_the_datasheet_address(byte instruction, int address)
    {
        using var rig = new Mcp2515Rig();
        rig.Spi(instruction, 0x5A, 0x6B);
        Assert.Equal(0x5A, rig.Chip.Peek(address));
        Assert.Equal(0x6B, rig.Chip.Peek(address + 1));
    }

    [Theory]
    [InlineData(0x81, 0)]
    [InlineData(0x82, 1)]
    [InlineData(0x84, 2)]
    public void Request_to_send_sends_that_buffer(byte instruction, int buffer)
    {
        using var rig = new Mcp2515Rig();
        rig.Start();
        rig.Spi((byte)(0x40 | (buffer << 1)), 0x24, 0x60, 0, 0, 0x02, 0xDE, 0xAD); // id 0x123, DLC 2
        Assert.Empty(rig.Sent);
        rig.Spi(instruction);
        var sent = Assert.Single(rig.Sent);
        Assert.Equal((0x123u, false, false, 2), (sent.Id, sent.Extended, sent.Remote, sent.Dlc));
        Assert.Equal(new byte[] { 0xDE, 0xAD }, sent.Data);
        Assert.Equal(0x04 << buffer, rig.Spi(0x03, 0x2C, 0)[2] & (0x04 << buffer)); // TXnIF
    }
}
