using System.Text;
using BmsGuard.Core;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Capture;
using nanoFramework.Device.Can;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// Writes what the emulated guard did: frames that reached each side (from the emulated
/// controllers' transmissions), frames dropped per direction, and one decision line per input
/// frame, all as candump logs, plus the counts for the summary.
/// </summary>
public sealed class ReplayRecorder : IDecisionSink, ICanTransmitSink, IDisposable
{
    private readonly ChannelMap _map;
    private readonly RuleTable _rules;
    private readonly CandumpLogWriter?[] _reached = new CandumpLogWriter?[2];
    private readonly CandumpLogWriter?[] _dropped = new CandumpLogWriter?[2];
    private readonly CandumpLogWriter? _decisions;
    private readonly List<string> _annotationReasons = [];
    private readonly int[] _verdictReason = Enumerable.Repeat(-1, VerdictNames.Count).ToArray();
    private readonly bool[] _ruleEdits;
    private static readonly string ForwardName = VerdictNames.Name(Verdict.Forward);
    private byte[]?[] _annotationCache = [];
    private readonly string[] _controllerSides;
    private readonly CandumpLineFormatter _format = new();
    private readonly CaptureFrame _sent = new(); // a frame the guard sent, changed or dropped from a controller's buffer, as it is logged
    private readonly byte[] _line = new byte[CandumpLineFormatter.MaxLine];
    private readonly byte[][] _outputChannels = new byte[2][];

    // Set by a Forward decision, cleared by the transmission it causes: any other transmission is
    // a frame the guard originated itself.
    private readonly bool[] _forwardPending = new bool[2];

    /// <summary>Creates a recorder; a null writer means that output is not wanted.</summary>
    public ReplayRecorder(
        ChannelMap map,
        RuleTable rules,
        string bmsController,
        string tcuController,
        CandumpLogWriter? toTcu,
        CandumpLogWriter? toBms,
        CandumpLogWriter? droppedFromBms,
        CandumpLogWriter? droppedFromTcu,
        CandumpLogWriter? decisions)
    {
        _map = map;
        _rules = rules;
        _controllerSides = [bmsController, tcuController];
        _reached[(int)GatewayPort.Tcu] = toTcu;
        _reached[(int)GatewayPort.Bms] = toBms;
        _dropped[(int)GatewayPort.Bms] = droppedFromBms;
        _dropped[(int)GatewayPort.Tcu] = droppedFromTcu;
        _decisions = decisions;
        _ruleEdits = Enumerable.Range(0, rules.Count).Select(i => rules[i].Edit != null).ToArray();
        foreach (var side in new[] { GatewayPort.Bms, GatewayPort.Tcu })
        {
            _outputChannels[(int)side] = Encoding.UTF8.GetBytes(ChannelNames.ToInterfaceName(map.OutputName(side)));
        }
    }

    /// <summary>Counts so far.</summary>
    public ReplayCounts Counts { get; } = new();

    /// <summary>The input frame being replayed (its channel and time label the outputs).</summary>
    internal CaptureFrame? Current { get; set; }

    /// <summary>
    /// The reader of <see cref="Current"/> when it formats each frame's candump line on its own
    /// thread; else the recorder formats the lines it logs as received.
    /// </summary>
    internal ReadAheadCaptureReader? Lines { get; set; }

    /// <inheritdoc />
    public void OnDecision(GatewayPort from, uint id, bool extended, bool remote, byte[] data, int length, Verdict verdict, int ruleIndex, long nowMicros)
    {
        var frame = Current!;
        if (verdict == Verdict.ReceivePaused)
        {
            // Not the frame being replayed: one the controller held since the pause began, dropped now.
            RecordHeld(from, id, extended, remote, data, length);
            return;
        }

        if (verdict != Verdict.Forward)
        {
            // The edited payload only exists for forwards; a drop is logged as received.
            Record(from, VerdictReason(verdict), ruleIndex);
            return;
        }

        Counts.CountForward(from);
        _forwardPending[from == GatewayPort.Bms ? (int)GatewayPort.Tcu : (int)GatewayPort.Bms] = true;
        if (_decisions != null)
        {
            bool edited = ruleIndex >= 0 && _ruleEdits[ruleIndex] && !frame.Remote;
            _decisions.WriteLine(CurrentLine(), Annotation(VerdictReason(verdict), ruleIndex, edited));
        }
    }

    /// <inheritdoc />
    public void OnTransmit(string controllerId, CanMessage message)
    {
        // A frame written by CAN2 (TCU side controller) reaches the TCU, and vice versa.
        var to = controllerId == _controllerSides[(int)GatewayPort.Tcu] ? GatewayPort.Tcu : GatewayPort.Bms;
        bool forward = _forwardPending[(int)to];
        if (forward)
        {
            _forwardPending[(int)to] = false;
        }
        else
        {
            Counts.CountOriginated(to);
        }

        var reached = _reached[(int)to];
        if (reached == null)
        {
            return;
        }

        var data = message.Message;
        bool remote = message.FrameType == CanMessageFrameType.RemoteRequest;
        bool extended = message.IdentifierType == CanMessageIdType.EID;
        if (forward && Lines != null && !remote && TryWriteAsReceived(reached, to, message.Id, extended, data))
        {
            return;
        }

        reached.Write(Labelled(_sent, to, message.Id, extended, remote, data, data?.Length ?? 0));
    }

    // A frame the guard itself produced (sent, or dropped from a controller's buffer), as a capture frame
    // on the side's output interface at the time of the frame being replayed.
    private CaptureFrame Labelled(CaptureFrame f, GatewayPort side, uint id, bool extended, bool remote, byte[]? data, int length)
    {
        f.TimestampNanos = Current!.TimestampNanos;
        f.Channel = _map.OutputName(side);
        f.Id = id;
        f.Extended = extended;
        f.Remote = remote;
        f.Length = data == null ? 0 : length;
        if (data != null)
        {
            Array.Copy(data, f.Data, length);
        }

        return f;
    }

    // A forward that left as it came (no edit, no padding) is the input line on the other
    // interface: written by swapping the interface name instead of formatting the frame again.
    private bool TryWriteAsReceived(CandumpLogWriter reached, GatewayPort to, uint id, bool extended, byte[]? data)
    {
        var frame = Current!;
        int length = data?.Length ?? 0;
        if (frame.Remote || frame.Len8Dlc != 0 || frame.Id != id || frame.Extended != extended || frame.Length != length
            || !frame.Data.AsSpan(0, length).SequenceEqual(data))
        {
            return false;
        }

        ReadOnlySpan<byte> line = Lines!.CandumpLine;
        // The interface name follows the timestamp, which has no blank: at CanonicalNameStart unless the seconds are wider.
        int nameStart = line.Length > CandumpLogReader.CanonicalNameStart && line[CandumpLogReader.CanonicalNameStart - 1] == (byte)' '
            ? CandumpLogReader.CanonicalNameStart
            : line.IndexOf((byte)' ') + 1;
        int nameEnd = nameStart + line[nameStart..].IndexOf((byte)' ');
        reached.WriteLineOnInterface(line, nameStart, nameEnd, _outputChannels[(int)to]);
        return true;
    }

    // A frame dropped unjudged at the end of a receive pause, logged on its side's interface at the time it was dropped.
    private void RecordHeld(GatewayPort from, uint id, bool extended, bool remote, byte[] data, int length)
    {
        int reason = VerdictReason(Verdict.ReceivePaused);
        Counts.CountDrop(from, _annotationReasons[reason]);
        var f = Labelled(_sent, from, id, extended, remote, data, length);
        var line = _line.AsSpan(0, _format.Format(_line, f));
        _dropped[(int)from]?.WriteLine(line, default);
        _decisions?.WriteLine(line, Annotation(reason, RuleIndex.NoRule, false));
    }

    /// <summary>Records the current frame as not delivered: the device path cannot carry it (FD, error frame) or an overrun lost it.</summary>
    internal void RecordNotDelivered(GatewayPort from, string reason) =>
        Record(from, ReasonSlot(reason), RuleIndex.NoRule);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var w in _reached.Concat(_dropped).Append(_decisions))
        {
            w?.Dispose();
        }
    }

    private void Record(GatewayPort from, int reason, int ruleIndex)
    {
        Counts.CountDrop(from, _annotationReasons[reason]);
        var dropped = _dropped[(int)from];
        if (dropped == null && _decisions == null)
        {
            return;
        }

        // Both logs show the frame as received: one candump text for both.
        var line = CurrentLine();
        dropped?.WriteLine(line, default);
        _decisions?.WriteLine(line, Annotation(reason, ruleIndex, false));
    }

    // The slot of a verdict's name in _annotationReasons, found once per verdict.
    private int VerdictReason(Verdict verdict)
    {
        int slot = _verdictReason[(int)verdict];
        return slot >= 0 ? slot : _verdictReason[(int)verdict] = ReasonSlot(VerdictNames.Name(verdict));
    }

    // The slot of a reason (the verdict names and the replay's own few constants), by reference.
    private int ReasonSlot(string name)
    {
        int r = 0;
        while (r < _annotationReasons.Count && !ReferenceEquals(_annotationReasons[r], name))
        {
            r++;
        }

        if (r == _annotationReasons.Count)
        {
            _annotationReasons.Add(name);
            Array.Resize(ref _annotationCache, _annotationReasons.Count * (_rules.Count + 1) * 2);
        }

        return r;
    }

    // The current frame as received, as a candump line.
    private ReadOnlySpan<byte> CurrentLine()
    {
        if (Lines != null)
        {
            return Lines.CandumpLine;
        }

        return _line.AsSpan(0, _format.Format(_line, Current!));
    }

    // "-> forward rule=x [edited]" / "-> drop reason=y [rule=x]", cached per (reason slot, rule, edited)
    // in a flat array: reasons are a handful of constant strings. No per-frame allocation.
    private byte[] Annotation(int r, int ruleIndex, bool edited)
    {
        string name = _annotationReasons[r];
        bool forward = ReferenceEquals(name, ForwardName);
        int slot = (((r * (_rules.Count + 1)) + ruleIndex + 1) * 2) + (edited ? 1 : 0);
        if (_annotationCache[slot] is { } fast)
        {
            return fast;
        }

        var sb = new StringBuilder("-> ");
        sb.Append(forward ? "forward" : "drop reason=" + name);
        if (ruleIndex >= 0)
        {
            sb.Append(" rule=").Append(_rules[ruleIndex].Name);
        }

        if (edited)
        {
            sb.Append(" edited");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        _annotationCache[slot] = bytes;
        return bytes;
    }
}
