using System.Globalization;
using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard decode CAPTURE --dbc FILE [--signal NAME[,NAME...]] [--format text|csv|jsonl] [--strict]</c>:
/// each frame's signals with their physical values (<see cref="DecodeFormat"/>). Frames the DBC does
/// not describe are counted and listed at the end, never dropped without a word; the DBC's oddities
/// are printed as warnings, or refused with --strict.
/// </summary>
public static class DecodeCommand
{
    private const int ListedIds = 10;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? dbcPath = cl.Option("--dbc");
        string? signalOption = cl.Option("--signal");
        var format = DecodeFormat.Named(cl.Option("--format") ?? "text");
        bool strict = cl.Flag("--strict");
        string? inputFormat = cl.Option("--input-format");
        cl.RejectUnknown(1);
        if (cl.Positional.Count != 1 || dbcPath == null)
        {
            throw new UsageException("decode needs a capture and --dbc FILE");
        }

        string capture = CaptureInput.Name(cl.Positional[0]);

        // Line by line for a person at a terminal or a live capture on standard input (a pipe, not a file); else in 64 KiB blocks.
        bool live = StandardStreams.OutputIsTerminal || (StandardStreams.IsDash(cl.Positional[0]) && CaptureInput.Length(cl.Positional[0]) == 0);
        var db = DbcInput.Load(dbcPath, stderr, strict);
        var wanted = SignalFilter(db, dbcPath, signalOption);

        var counts = new Counts();
        var line = new StringBuilder(256);
        var values = new List<DbcSignalValue>();
        using var progress = ProgressLine.Start("decode", stderr, CaptureInput.Length(cl.Positional[0]));
        stderr = progress.Errors;
        var warnings = new CaptureWarnings(stderr, strict);
        using (var reader = CaptureInput.Open(cl.Positional[0], capture, warnings, inputFormat))
        using (var output = StandardStreams.Text(stdout, lineByLine: live))
        {
            var frame = new CaptureFrame();
            if (format.Header is { } header)
            {
                output.Write(header);
            }

            try
            {
                while (reader.Read(frame))
                {
                    if ((++counts.Frames & 1023) == 0)
                    {
                        progress.Report(counts.Frames, reader.BytesConsumed);
                    }

                    if (Decode(db, frame, wanted, values, counts) is { } message)
                    {
                        format.Format(line, frame, message, values);
                        output.Write(line);
                    }
                }
            }
            catch (CaptureFormatException e)
            {
                throw new InputException($"{e.Message} (decoded {counts.Decoded} frames before it)");
            }
        }

        progress.Dispose();
        warnings.Finish();
        stderr.WriteLine(counts.Summary(capture));
        return 0;
    }

    // --signal A,B: signal names, or Message.Signal where a name is used by several messages.
    private static HashSet<DbcSignal>? SignalFilter(DbcDatabase db, string dbcPath, string? option)
    {
        if (option == null)
        {
            return null;
        }

        var set = new HashSet<DbcSignal>();
        foreach (string name in option.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dot = name.IndexOf('.');
            var matches = dot > 0
                ? db.Message(name[..dot])?.Signal(name[(dot + 1)..]) is { } s ? [s] : []
                : db.Messages.Select(m => m.Signal(name)).OfType<DbcSignal>().ToList();
            if (matches.Count == 0)
            {
                throw new UsageException($"--signal {name}: {dbcPath} has no such signal");
            }

            set.UnionWith(matches);
        }

        return set.Count > 0 ? set : throw new UsageException("--signal needs a signal name");
    }

    /// <summary>Decodes one frame into <paramref name="values"/>; its message, or null when there is nothing to print.</summary>
    private static DbcMessage? Decode(DbcDatabase db, CaptureFrame frame, HashSet<DbcSignal>? wanted, List<DbcSignalValue> values, Counts counts)
    {
        if (frame.Error || frame.Remote)
        {
            // No payload to decode: error frames carry controller status, remote frames only a request.
            counts.NoPayload++;
            return null;
        }

        var message = db.Find(frame.Id, frame.Extended);
        if (message == null)
        {
            var key = (frame.Id, frame.Extended);
            counts.Unknown[key] = counts.Unknown.GetValueOrDefault(key) + 1;
            return null;
        }

        if (frame.Length < message.Length)
        {
            counts.Short++;
        }

        MessageCodec.Decode(message, frame.Data.AsSpan(0, frame.Length), values);
        if (wanted != null)
        {
            values.RemoveAll(v => !wanted.Contains(v.Signal));
            if (values.Count == 0)
            {
                counts.Filtered++;
                return null;
            }
        }

        counts.Decoded++;
        return message;
    }

    private sealed class Counts
    {
        public long Frames { get; set; }

        public long Decoded { get; set; }

        public long NoPayload { get; set; }

        public long Filtered { get; set; }

        public long Short { get; set; }

        public Dictionary<(uint Id, bool Extended), long> Unknown { get; } = [];

        public string Summary(string capture)
        {
            long unknown = Unknown.Values.Sum();
            var sb = new StringBuilder($"bmsguard: {capture}: {Frames} frames, {Decoded} decoded, {unknown} without a DBC message");
            if (unknown > 0)
            {
                var top = Unknown.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Id).Take(ListedIds)
                    .Select(kv => $"0x{kv.Key.Id.ToString(kv.Key.Extended ? "X8" : "X3", CultureInfo.InvariantCulture)} x{kv.Value}");
                sb.Append(" (").Append(string.Join(", ", top)).Append(Unknown.Count > ListedIds ? $", {Unknown.Count - ListedIds} more ids" : "").Append(')');
            }

            if (NoPayload > 0)
            {
                sb.Append($", {NoPayload} error/remote frames without signals");
            }

            if (Filtered > 0)
            {
                sb.Append($", {Filtered} without the --signal signals");
            }

            if (Short > 0)
            {
                sb.Append($", {Short} shorter than their DBC message (signals beyond the data left out)");
            }

            return sb.ToString();
        }
    }
}
