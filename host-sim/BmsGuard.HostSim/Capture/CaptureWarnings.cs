namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Oddities a reader or writer accepted instead of refusing the file: each names where it is
/// (file:line, or byte offset in binary files) and what was assumed. Lenient by default (counted,
/// and printed when an output is given); <see cref="Strict"/> turns each one into a
/// <see cref="CaptureFormatException"/>. Repeats of one kind are printed up to
/// <see cref="PrintedPerKind"/> times, then only counted and summed up by <see cref="Finish"/>.
/// </summary>
public sealed class CaptureWarnings
{
    /// <summary>How many warnings of one kind are printed before the rest are only counted.</summary>
    public const int PrintedPerKind = 3;

    private readonly TextWriter? _output;
    private const int MaxSkippedKinds = 16;
    private readonly Dictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);

    /// <summary>Creates a sink printing to <paramref name="output"/> (none: counted only).</summary>
    public CaptureWarnings(TextWriter? output = null, bool strict = false)
    {
        _output = output;
        Strict = strict;
    }

    /// <summary>When true, every warning is an error instead.</summary>
    public bool Strict { get; }

    /// <summary>Warnings so far.</summary>
    public long Count { get; private set; }

    /// <summary>Warnings of each kind so far.</summary>
    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    /// <summary>An oddity on line <paramref name="line"/> of a text capture.</summary>
    /// <param name="source">File name as the user gave it.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="kind">Short stable name of the oddity (for counting repeats).</param>
    /// <param name="message">What was found and what was assumed.</param>
    public void AtLine(string source, long line, string kind, string message)
    {
        if (Strict)
        {
            throw new CaptureFormatException(source, line, message + " (refused by --strict)");
        }

        Add(kind, $"{source}:{line}: {message}");
    }

    /// <summary>An oddity at byte offset <paramref name="offset"/> of a binary capture.</summary>
    public void AtByteOffset(string source, long offset, string kind, string message)
    {
        if (Strict)
        {
            throw CaptureFormatException.AtByteOffset(source, offset, message + " (refused by --strict)");
        }

        Add(kind, $"{source}: at byte offset {offset}: {message}");
    }

    /// <summary>Lines skipped because they hold no frame (statistics, J1939 transport...), by kind.</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    /// <summary>
    /// Counts a line that is a valid event but no frame (not a warning: the format has such lines).
    /// Kinds beyond the first 16 are counted as "other".
    /// </summary>
    public void Skip(string kind)
    {
        if (!_skipped.ContainsKey(kind) && _skipped.Count >= MaxSkippedKinds)
        {
            kind = "other";
        }

        _skipped[kind] = _skipped.GetValueOrDefault(kind) + 1;
    }

    /// <summary>Prints the skipped-line counts and how many warnings of each kind were not printed; call once at the end.</summary>
    public void Finish()
    {
        if (_skipped.Count > 0)
        {
            long all = _skipped.Values.Sum();
            _output?.WriteLine($"bmsguard: skipped {all} non-frame event{(all == 1 ? "" : "s")} ({string.Join(", ", _skipped.Select(k => $"{k.Key} {k.Value}"))})");
        }

        foreach (var (kind, n) in _byKind)
        {
            if (n > PrintedPerKind)
            {
                _output?.WriteLine($"bmsguard: warning: {n - PrintedPerKind} more like the above ({kind}), {n} in all");
            }
        }
    }

    private void Add(string kind, string text)
    {
        Count++;
        _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
        if (_byKind[kind] <= PrintedPerKind)
        {
            _output?.WriteLine("bmsguard: warning: " + text);
        }
    }
}
