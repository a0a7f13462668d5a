using System.Text;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Policy;
using BmsGuard.Tests.Capture.Blf;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Fuzz;

/// <summary>
/// Each input afl-fuzz broke a parser with (docs/fuzzing.md), reduced to its cause, with the clear answer
/// the parser gives now. The raw inputs are replayed too, by FuzzCorpusTests (tests/BmsGuard.Fuzz/regressions).
/// </summary>
public sealed class FuzzRegressionTests
{
    /// <summary>ASC: day 0 passed the date check and DateTime threw ArgumentOutOfRangeException.</summary>
    [Theory]
    [InlineData("date Thu Jan 00 12:00:00.000 am 2026", "unrecognised date 'Thu Jan 00 12:00:00.000 am 2026'")]
    [InlineData("date Thu Jan 0 12:00:0 2026", "unrecognised date")]
    public void Asc_date_with_day_zero_is_a_format_error(string date, string reason)
    {
        var e = Assert.Throws<CaptureFormatException>(() => ReadAsc(date + "\nbase hex  timestamps absolute\n   0.5 1  001 Rx d 1 01\n"));
        Assert.Equal(1, e.Line);
        Assert.StartsWith("test.asc:1: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// BLF: a container whose zlib header asks for a preset dictionary made the inflater throw
    /// ZLibException (an IOException), which escaped the reader instead of naming the container.
    /// </summary>
    [Fact]
    public void Blf_container_asking_for_a_zlib_dictionary_is_a_format_error()
    {
        byte[] blf = BlfFrames.Write(BlfFrames.Varied(50, seed: 3), containerSize: 4096);
        var (at, _) = BlfBytes.TopLevel(blf)[0];
        Assert.Equal(0x78, blf[at + 32]);

        // FLG 0x20: FDICT set, FCHECK still valid (0x7820 is a multiple of 31), then a dictionary id.
        blf[at + 33] = 0x20;
        var e = Assert.Throws<CaptureFormatException>(() => BlfFrames.Read(blf));
        Assert.Contains($"at byte offset {at}: the LOG_CONTAINER's zlib data is corrupt", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Guard boot: an identity file whose tag verifies (it is keyed with the file's own secret) but whose
    /// VIN is not 17 printable ASCII characters made CommandGuard's constructor throw, so the guard could
    /// not boot. Such a file now counts as corrupt: the guard boots unprovisioned.
    /// </summary>
    [Theory]
    [InlineData("WBA0000000000000\0")]
    [InlineData("WBA 0000000000001")]
    [InlineData("WBA00000000000\u00FF01")]
    public void Identity_with_an_unusable_vin_boots_unprovisioned(string vin)
    {
        byte[] secret = new byte[32];
        secret[0] = 1;
        byte[] identity = GuardIdentity.Encode("WBA00000000000001", secret);
        Encoding.Latin1.GetBytes(vin).CopyTo(identity, 4);
        new HmacSha256(secret).Compute(identity, 0, 53, identity, 53);

        var files = GuardFiles.InMemory();
        files.Identity.Append(identity, 0, identity.Length);
        Assert.Null(GuardIdentity.Load(files.Identity));
        var guard = new BmsGuard.Device.Guard(files, new NullOutbox(), 1_800_000_000L * 1_000_000);
        Assert.Null(guard.Identity);
        Assert.False(guard.Commands.IsProvisioned);

        // The same file with a good VIN still loads: the check is on the VIN, not the file.
        identity = GuardIdentity.Encode("WBA00000000000001", secret);
        var good = new MemoryStorageFile(identity.Length);
        good.Append(identity, 0, identity.Length);
        Assert.Equal("WBA00000000000001", GuardIdentity.Load(good)!.Vin);
    }

    /// <summary>
    /// Policy YAML: YamlDotNet reports some malformed input with InvalidOperationException or
    /// ArgumentException instead of a YamlException; they escaped PolicyDocument.Parse without a line.
    /// </summary>
    [Theory]
    [InlineData("?\n-\n[\n\u00e9", 2)]
    [InlineData("?\t:", 1)]
    [InlineData("!!%0de\0", 1)]
    [InlineData("\0\0\0 \n...\n./:\n", 1)]
    public void Policy_yaml_the_yaml_reader_chokes_on_is_an_input_error_with_a_line(string text, int line)
    {
        var e = Assert.Throws<InputException>(() => PolicyDocument.Parse(text, "p.yaml"));
        Assert.StartsWith($"p.yaml:{line}: not valid YAML", e.Message, StringComparison.Ordinal);
    }

    private sealed class NullOutbox : BmsGuard.Core.IFrameOutbox
    {
        public bool Send(BmsGuard.Core.GatewayPort to, uint id, bool extended, byte[] data, int length) => true;
    }
}
