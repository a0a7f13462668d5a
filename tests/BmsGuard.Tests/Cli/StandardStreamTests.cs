using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Cli;

/// <summary>
/// '-' for standard input and output wherever a capture goes, through the real process and real
/// pipes: chains of bmsguard, python-can reading our standard output, formats told from the bytes
/// of standard input, broken pipes, binary output refused on a terminal.
/// </summary>
public sealed class StandardStreamTests : IDisposable
{
    private static readonly string Dbc = Path.Combine(Captures.RepoRoot, "host-sim", "BmsGuard.HostSim", "samples", "reference-bms.dbc");
    private readonly TempDir _dir = new();

    public StandardStreamTests()
    {
        var made = CliProcess.Shell("bmsguard sample --seconds 20 --out s.log", _dir.Path);
        Assert.True(made.ExitCode == 0, made.Stderr);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sample_to_standard_output_is_the_file_it_writes()
    {
        var run = CliProcess.Shell("bmsguard sample --seconds 20 --out -", _dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(_dir.File("s.log")), run.Stdout);
        Assert.Empty(run.Stderr);
        Assert.False(File.Exists(_dir.File("-")));
    }

    [Fact]
    public void A_chain_through_pipes_decodes_as_the_files_do()
    {
        var files = CliProcess.Shell($"bmsguard convert s.log s.asc && bmsguard convert s.asc s.blf && bmsguard decode s.blf --dbc '{Dbc}'", _dir.Path);
        Assert.True(files.ExitCode == 0, files.Stderr);
        var piped = CliProcess.Shell($"bmsguard convert - - --format asc < s.log | bmsguard convert - - --format blf | bmsguard decode - --dbc '{Dbc}'", _dir.Path);
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.Equal(files.Text, piped.Text);
        Assert.Contains("bmsguard: <stdin>: ", piped.Stderr, StringComparison.Ordinal);
        Assert.True(files.Text.Split('\n').Length > 1000);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("csv")]
    [InlineData("trc")]
    [InlineData("blf")]
    [InlineData("log.gz")]
    [InlineData("blf.gz")]
    public void The_format_of_standard_input_is_told_from_its_bytes(string format)
    {
        var run = CliProcess.Shell($"bmsguard convert s.log s.{format} && bmsguard convert s.{format} file.log && bmsguard convert - piped.log < s.{format}", _dir.Path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(File.ReadAllBytes(_dir.File("file.log")), File.ReadAllBytes(_dir.File("piped.log")));
        Assert.Contains("from <stdin> to piped.log", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_format_names_the_format_of_standard_input()
    {
        var run = CliProcess.Shell("bmsguard convert s.log s.asc && cat s.asc | bmsguard convert - - --input-format asc --format log", _dir.Path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var wrong = CliProcess.Shell("bmsguard convert - - --input-format csv < s.log", _dir.Path);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("<stdin>", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_of_no_known_format_is_a_usage_error_naming_input_format()
    {
        var run = CliProcess.Shell($"printf 'hello\\nworld\\n' | bmsguard decode - --dbc '{Dbc}'", _dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<stdin>: cannot tell the capture format from its first bytes; name it with --input-format", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        var empty = CliProcess.Shell("bmsguard convert - x.log < /dev/null", _dir.Path);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("<stdin>: standard input is empty", empty.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("x.log")));
    }

    [Fact]
    public void An_unknown_format_name_is_a_usage_error()
    {
        var run = CliProcess.Shell("bmsguard convert s.log - --format pcap", _dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown capture format 'pcap' (known: log|asc|csv|blf|trc", run.Stderr, StringComparison.Ordinal);
    }

    [PythonCanFact]
    public void Python_can_reads_our_standard_output()
    {
        const string Dump = """
            import can, sys
            reader = can.BLFReader(sys.stdin.buffer) if sys.argv[1] == 'blf' else can.ASCReader(sys.stdin, relative_timestamp=False)
            for m in reader:
                print(round(m.timestamp * 1e6), '%X' % m.arbitration_id, m.dlc, bytes(m.data).hex().upper())
            """;
        var expected = Captures.Read(_dir.File("s.log")).Where(f => !f.Error)
            .Select(f => $"{f.TimestampNanos / 1000} {f.Id:X} {f.Length} {Captures.Hex(f)}").ToList();
        foreach (string format in new[] { "blf", "asc" })
        {
            string script = Path.Combine(_dir.Path, "dump.py");
            File.WriteAllText(script, Dump);
            var run = CliProcess.Shell($"grep -v ' 2000000' s.log | bmsguard convert - - --format {format} | '{PythonCan.Python}' dump.py {format}", _dir.Path);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(expected, run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
        }
    }

    [Fact]
    public void Gen_replay_and_command_inject_take_dashes()
    {
        var files = CliProcess.Shell("bmsguard gen --duration 30s --out g.log && bmsguard replay g.log --out a --quiet", _dir.Path);
        Assert.True(files.ExitCode == 0, files.Stderr);
        var piped = CliProcess.Shell("bmsguard gen --duration 30s --out - | bmsguard replay - --out b --quiet", _dir.Path);
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        foreach (string log in new[] { "to-tcu.log", "to-bms.log", "dropped-bms-to-tcu.log", "decisions.log" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir.Path, "a", log)), File.ReadAllBytes(Path.Combine(_dir.Path, "b", log)));
        }

        Assert.Contains("replay of <stdin>:", File.ReadAllText(Path.Combine(_dir.Path, "b", "summary.txt")), StringComparison.Ordinal);

        var key = CliProcess.Shell("bmsguard keys new --role owner --id 1 --out o.key && bmsguard command sign set-charge-target --percent 80 --vin 1HGBH41JXMN109186 --key o.key --out e.bin", _dir.Path);
        Assert.True(key.ExitCode == 0, key.Stderr);
        var inject = CliProcess.Shell("bmsguard command inject s.log f.log --envelope e.bin --at 1s && cat s.log | bmsguard command inject - - --envelope e.bin --at 1s", _dir.Path);
        Assert.True(inject.ExitCode == 0, inject.Stderr);
        Assert.Equal(File.ReadAllBytes(_dir.File("f.log")), inject.Stdout);
    }

    [Fact]
    public void A_live_capture_on_standard_input_is_decoded_as_it_comes()
    {
        // The producer sends three lines and waits (up to 60 s) until they come out decoded: a decoder
        // that waited for more input to tell the format, or held its output in a buffer, makes it wait it out.
        var run = CliProcess.Shell(
            "{ head -n 3 s.log; for i in $(seq 600); do [ \"$(wc -l < out.txt)\" -ge 3 ] && break; sleep 0.1; done; echo \"waited $i\" >&2; head -n 4 s.log | tail -n 1; } " +
            $"| bmsguard decode - --dbc '{Dbc}' > out.txt",
            _dir.Path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("waited 600", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(_dir.File("out.txt")).Length);
    }

    [Fact]
    public void A_reader_that_goes_away_ends_the_run_quietly_with_exit_0()
    {
        // 6 h of traffic would take many seconds to write; head takes one line and closes the pipe.
        var decode = CliProcess.Shell($"bmsguard gen --duration 6h --out - | head -n 40 | bmsguard decode - --input-format log --dbc '{Dbc}' | head -n 1", _dir.Path);
        Assert.Equal(0, decode.ExitCode);
        Assert.Single(decode.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Broken pipe", decode.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", decode.Stderr, StringComparison.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sample = CliProcess.Shell("bmsguard sample --seconds 86400 | head -n 2", _dir.Path);
        Assert.Equal(0, sample.ExitCode);
        Assert.Empty(sample.Stderr);
        Assert.Equal(2, sample.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"a day of sample took {clock.Elapsed} after its reader had gone");
    }

    [Fact]
    public void Binary_output_is_not_written_to_a_terminal()
    {
        var (code, terminal) = CliProcess.OnTerminal("bmsguard convert s.log - --format blf; echo \"exit=$?\"", _dir.Path, stdoutOnTerminal: true);
        Assert.Equal(0, code);
        Assert.Contains("not writing binary BLF data to a terminal: redirect standard output", terminal, StringComparison.Ordinal);
        Assert.Contains("exit=2", terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("LOGG", terminal, StringComparison.Ordinal);
        var (_, text) = CliProcess.OnTerminal("bmsguard convert s.log - --format asc | head -c 0; bmsguard convert s.log - --format log.gz; echo \"exit=$?\"", _dir.Path, stdoutOnTerminal: true);
        Assert.Contains("not writing binary LOG (gzip) data to a terminal", text, StringComparison.Ordinal);
    }
}
