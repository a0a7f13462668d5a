using System.Globalization;
using System.Text;
using System.Text.Json;
using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Support;

namespace BmsGuard.Tests.Dbc;

/// <summary>What comparing our reading and decoding of one DBC file with canmatrix's found.</summary>
public sealed class CanmatrixComparison
{
    /// <summary>Signal values compared (present on both sides).</summary>
    public int Compared { get; set; }

    /// <summary>Value names compared (a value table covers the raw value on one side at least).</summary>
    public int NamesCompared { get; set; }

    /// <summary>Messages, signals, values or value names that differ; each line names the message and frame.</summary>
    public List<string> Differences { get; } = [];

    /// <summary>Frames canmatrix itself fails to decode, by message and error (ours are not compared there).</summary>
    public SortedDictionary<string, int> TheirErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>True when everything compared agrees and canmatrix decoded every frame.</summary>
    public bool Identical => Differences.Count == 0 && TheirErrors.Count == 0;
}

/// <summary>
/// canmatrix (loadp_flat + Frame.decode) as the reference reader and decoder. Two things are
/// bridged on its side, both documented in docs/dbc.md: Debian's canmatrix 0.9.5 drops messages
/// whose id is above 0x7FF without bit 31 (newer canmatrix and cantools take them as extended,
/// as we do), so its id conversion is given that rule; and its named_value looks the value table
/// up by the physical value, so names are taken from its parsed table by raw value, as VAL_ means.
/// It is told the file's encoding (its default, ISO-8859-1, garbles UTF-8 names): UTF-8 (not utf-8-sig, which it would also
/// apply to its own patterns) when the
/// bytes are, else Windows-1252, as we read them.
/// </summary>
public static class CanmatrixReference
{
    // First line: canmatrix's messages [id, extended, name, size, [signals]]; second: one entry per
    // input line, {"s": {signal: [str(phys_value), value name or null]}} or {"e": "error"}.
    private const string Script = """
        import sys, json, contextlib
        with contextlib.redirect_stdout(sys.stderr):
            import canmatrix.formats
            import canmatrix.canmatrix as cm
            def compound(cls, i):
                i = int(i)
                extended = bool(i & cls.compound_extended_mask) or (i & cls.extended_id_mask) > cls.standard_id_mask
                return cls(id=i & cls.extended_id_mask, extended=extended)
            cm.ArbitrationId.from_compound_integer = classmethod(compound)
            db = canmatrix.formats.loadp_flat(sys.argv[1], dbcImportEncoding=sys.argv[3])
        real = [f for f in db.frames if f.name != 'VECTOR__INDEPENDENT_SIG_MSG']
        print(json.dumps([[f.arbitration_id.id, f.arbitration_id.extended, f.name, f.size, [s.name for s in f.signals]] for f in real]))
        frames = {(f.arbitration_id.id, f.arbitration_id.extended): f for f in real}
        out = []
        for line in open(sys.argv[2]):
            ident, ext, data = line.split()
            data = '' if data == '-' else data
            frame = frames.get((int(ident, 16), ext == '1'))
            try:
                with contextlib.redirect_stdout(sys.stderr):
                    decoded = frame.decode(bytes.fromhex(data))
                entry = {'s': {n: [str(v.phys_value), None if v.signal.is_float else v.signal.values.get(v.raw_value)] for n, v in decoded.items()}}
                # An Intel signal past the frame's end: canmatrix's slice index goes negative and wraps round to other bits.
                wrapped = [n for n, v in decoded.items() if v.signal.is_little_endian and v.signal.start_bit + v.signal.size > frame.size * 8]
                if wrapped:
                    entry = {'s': {n: v for n, v in entry['s'].items() if n not in wrapped}, 'f': wrapped, 'e': 'reads wrapped-around bits for Intel signals past the frame'}
                out.append(entry)
            except Exception as e:
                err = type(e).__name__ + ': ' + str(e)
                if frame is None or frame.is_multiplexed or frame.is_complex_multiplexed:
                    out.append({'e': err})
                    continue
                # Decode signal by signal to compare those it can; name those it cannot.
                little, big = frame.bytes_to_bitstrings(bytes.fromhex(data))
                s, failed = {}, []
                for sig in frame.signals:
                    if sig.is_little_endian and sig.start_bit + sig.size > frame.size * 8:
                        failed.append(sig.name)
                        continue
                    try:
                        raw = frame.bitstring_to_signal_list([sig], big, little, frame.size * 8)[0]
                        s[sig.name] = [str(sig.raw2phys(raw)), None if sig.is_float else sig.values.get(raw)]
                    except Exception:
                        failed.append(sig.name)
                out.append({'s': s, 'f': failed, 'e': err})
        print(json.dumps(out))
        """;

    /// <summary>Random payloads of each message's length, <paramref name="perMessage"/> per message.</summary>
    public static List<(DbcMessage Message, byte[] Data)> RandomFrames(DbcDatabase db, Random rng, int perMessage)
    {
        var frames = new List<(DbcMessage, byte[])>();
        foreach (var m in db.Messages)
        {
            for (int i = 0; i < perMessage; i++)
            {
                var data = new byte[m.Length];
                rng.NextBytes(data);
                frames.Add((m, data));
            }
        }

        return frames;
    }

    /// <summary>Reads <paramref name="dbcPath"/> and decodes every frame with canmatrix, and compares with ours.</summary>
    public static CanmatrixComparison Compare(string dbcPath, DbcDatabase db, IReadOnlyList<(DbcMessage Message, byte[] Data)> frames)
    {
        using var dir = new TempDir();
        var input = new StringBuilder();
        foreach (var (m, data) in frames)
        {
            input.Append(CultureInfo.InvariantCulture, $"{m.Id:X} {(m.IsExtended ? 1 : 0)} {(data.Length == 0 ? "-" : Convert.ToHexString(data))}\n");
        }

        string encoding = IsUtf8(File.ReadAllBytes(dbcPath)) ? "utf-8" : "cp1252";
        string[] lines = Canmatrix.Run(Script, dbcPath, dir.File("frames.txt", input.ToString()), encoding).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = new CanmatrixComparison();
        CompareMessages(db, JsonDocument.Parse(lines[0]).RootElement, result);
        var decoded = JsonDocument.Parse(lines[1]).RootElement;
        for (int i = 0; i < frames.Count; i++)
        {
            CompareFrame(frames[i].Message, frames[i].Data, decoded[i], result);
        }

        return result;
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void CompareMessages(DbcDatabase db, JsonElement theirs, CanmatrixComparison result)
    {
        var seen = new HashSet<DbcMessage>();
        foreach (var f in theirs.EnumerateArray())
        {
            uint id = f[0].GetUInt32();
            bool extended = f[1].GetBoolean();
            string name = f[2].GetString()!;
            var ours = db.Find(id, extended);
            if (ours == null)
            {
                result.Differences.Add($"message {name} (0x{id:X}{(extended ? " extended" : "")}): canmatrix has it, we do not");
                continue;
            }

            seen.Add(ours);
            var signals = f[4].EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal).ToList();
            var ourSignals = ours.Signals.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            if (ours.Name != name || ours.Length != f[3].GetInt32() || !signals.SequenceEqual(ourSignals))
            {
                result.Differences.Add($"message 0x{id:X}: ours {ours.Name} [{ours.Length}] {{{string.Join(' ', ourSignals.Except(signals))}}}, canmatrix {name} [{f[3].GetInt32()}] {{{string.Join(' ', signals.Except(ourSignals))}}}");
            }
        }

        foreach (var m in db.Messages.Where(m => !seen.Contains(m)))
        {
            result.Differences.Add($"message {m.Name} (0x{m.Id:X}{(m.IsExtended ? " extended" : "")}): we have it, canmatrix does not");
        }
    }

    private static void CompareFrame(DbcMessage m, byte[] data, JsonElement theirs, CanmatrixComparison result)
    {
        if (theirs.TryGetProperty("e", out var error))
        {
            bool partly = theirs.TryGetProperty("f", out var failedSignals);
            string key = partly
                ? $"{m.Name}.{string.Join(",", failedSignals.EnumerateArray().Select(f => f.GetString()))} (the other signals compared): {error.GetString()}"
                : $"{m.Name}: {error.GetString()}";
            result.TheirErrors[key] = result.TheirErrors.GetValueOrDefault(key) + 1;
            if (!partly)
            {
                return;
            }
        }

        var their = theirs.GetProperty("s").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var notTheirs = theirs.TryGetProperty("f", out var failed) ? failed.EnumerateArray().Select(f => f.GetString()!).ToHashSet() : [];
        var ours = MessageCodec.Decode(m, data).Where(v => !notTheirs.Contains(v.Signal.Name)).ToList();
        string where = $"{m.Name} {Convert.ToHexString(data)}";
        var ourNames = ours.Select(v => v.Signal.Name).Order(StringComparer.Ordinal);
        if (!ourNames.SequenceEqual(their.Keys.Order(StringComparer.Ordinal)))
        {
            result.Differences.Add($"{where}: signals ours [{string.Join(' ', ourNames)}] canmatrix [{string.Join(' ', their.Keys.Order(StringComparer.Ordinal))}]");
            return;
        }

        foreach (var v in ours)
        {
            var t = their[v.Signal.Name];
            result.Compared++;
            string theirValue = t[0].GetString()!;
            if (!Same(v.Physical, theirValue))
            {
                result.Differences.Add($"{where}: {v.Signal.Name} ours {v.Physical} canmatrix {theirValue}");
            }

            string? ourName = v.Signal.Describe(v.Raw);
            string? theirName = t[1].ValueKind == JsonValueKind.Null ? null : t[1].GetString();
            if (ourName != null || theirName != null)
            {
                result.NamesCompared++;
                if (ourName != theirName)
                {
                    result.Differences.Add($"{where}: {v.Signal.Name} named ours '{ourName}' canmatrix '{theirName}'");
                }
            }
        }
    }

    /// <summary>Exactly equal for decimals (both sides), within 1e-9 relative for IEEE floats.</summary>
    public static bool Same(PhysicalValue ours, string theirs)
    {
        if (ours.Exact is { } exact && decimal.TryParse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
        {
            return exact == d;
        }

        double a = ours.Value;
        double b = double.Parse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (double.IsNaN(a) && double.IsNaN(b)) || a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
    }
}
