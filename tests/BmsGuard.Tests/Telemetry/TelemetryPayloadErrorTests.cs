using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Telemetry;
using Xunit;

namespace BmsGuard.Tests.Telemetry;

/// <summary>Malformed payloads: each error names the byte offset of the bad field and the reason.</summary>
public class TelemetryPayloadErrorTests
{
    // version 1, samples, policy 7, base 2026-01-01T00:00:00Z in ms, count (given per case)
    private const string Header = "01" + "01" + "07000000" + "00A8DA769B010000";

    public static TheoryData<string, long, string> Cases() => new()
    {
        { "", 0, "truncated header: 0 of 16 bytes" },
        { Header[..20], 10, "truncated header: 10 of 16 bytes" },
        { "02" + Header[2..] + "0100" + "030000", 0, "unsupported format version 2" },
        { "0103" + Header[4..] + "0100" + "030000", 1, "unknown payload kind 3" },
        { "0101" + "07000000" + "0000000000000080" + "0100" + "030000", 6, "base time beyond the 64-bit signed range" },
        { Header + "0000", 14, "record count is 0" },
        { Header + "0200" + "030000", 19, "truncated: record 1 of 2 missing" },
        { Header + "0100" + "0300", 18, "truncated varint starting at byte offset 18" },
        { Header + "0100" + "0300" + "FF", 19, "truncated varint starting at byte offset 18" },
        { Header + "0100" + "0302", 17, "the first record's time delta is 1, not 0" },
        { Header + "0200" + "030000" + "03" + "8080808010" + "00", 20, "time delta 2147483648 ms outside the 32-bit range" },
        { Header + "0100" + "0300" + "FFFFFFFFFFFFFFFFFF02", 18, "varint longer than 64 bits" },
        { Header + "0100" + "0300" + "FFFFFFFFFFFFFFFFFFFF01", 18, "varint longer than 64 bits" },
        { Header + "0100" + "030000" + "00", 19, "1 bytes after the last of 1 records" },
        { "0101" + "07000000" + "0000000000000000" + "0200" + "030000" + "03" + "01" + "00", 20, "record 1 lies before 1970 (time -1 ms)" },
        { "0102" + Header[4..] + "0100" + "0000", 18, "truncated: pseudonym length missing" },
        { "0102" + Header[4..] + "0100" + "000000", 18, "pseudonym length 0 outside 1..32" },
        { "0102" + Header[4..] + "0100" + "000021", 18, "pseudonym length 33 outside 1..32" },
        { "0102" + Header[4..] + "0100" + "000008" + "AABBCC", 19, "truncated: pseudonym of 8 bytes has 3" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_payloads_name_the_offset_and_the_reason(string hex, long offset, string reason)
    {
        var e = Assert.Throws<TelemetryPayloadException>(() => TelemetryPayloadReader.Read(Convert.FromHexString(hex)));
        Assert.Equal(offset, e.Offset);
        Assert.StartsWith(reason, e.Reason);
        Assert.Equal($"at byte offset {offset}: {e.Reason}", e.Message);
    }

    [Fact]
    public void A_well_formed_payload_reads_back_with_absolute_times()
    {
        var p = TelemetryPayloadReader.Read(Convert.FromHexString(Header + "0300" + "03009608" + "042803" + "FF0901"));
        Assert.Equal(TelemetryBatch.SampleKind, p.Kind);
        Assert.Equal(7u, p.PolicyVersion);
        Assert.Equal(1_767_225_600_000L, p.BaseMillis);
        Assert.Equal(
            [new(3, 1_767_225_600_000, 523), new(4, 1_767_225_600_020, -2), new TelemetrySampleRecord(255, 1_767_225_600_015, -1)],
            p.Samples);
        Assert.Equal("{\"v\":1,\"p\":7,\"t\":1767225600000,\"s\":[[3,0,523],[4,20,-2],[255,-5,-1]]}", TelemetryPayloadJson.Of(p));
    }
}
