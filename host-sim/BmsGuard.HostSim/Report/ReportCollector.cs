using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// Collects what a report shows while the firmware runs (replay or bench): every decision binned by
/// direction and reason, the vehicle state and the policy's signals as seen on the BMS bus, and the
/// vehicle state at each audited decision; <see cref="Finish"/> then reads the guard's counters and
/// audit log. It sits in front of the gateway's decision sink and beside its BMS observers; per frame
/// it adds a few array writes (a dictionary look-up for policy signals).
/// </summary>
public sealed class ReportCollector : IDecisionSink, IBusObserver
{
    private const int Verdicts = VerdictNames.Count;
    private readonly List<StateAt> _states = [];
    private readonly Dictionary<string, SignalSeries> _signals = [];
    private IDecisionSink? _inner;
    private Guard? _guard;
    private TelemetrySanitizer? _sanitizer;
    private Dictionary<(uint Id, bool Extended), (TelemetrySignal Signal, SignalSeries Series)[]> _byId = [];
    private uint _seenSequence;
    private int _speedTap = -1;
    private int _chargingTap = -1;
    private int _currentTap = -1;

    /// <summary>Frames per direction and verdict: column <c>from * VerdictNames.Count + verdict</c>.</summary>
    public TimeBins Traffic { get; } = new(Enumerable.Repeat(BinFold.Sum, 2 * Verdicts).ToArray());

    /// <summary>Vehicle speed, charging state, pack current (columns 0..2, units of their taps), latest per bin.</summary>
    public TimeBins Vehicle { get; } = new([BinFold.Last, BinFold.Last, BinFold.Last]);

    /// <summary>The guard watched; set by <see cref="Attach"/>.</summary>
    public Guard? Guard => _guard;

    /// <summary>Audit sequence when the run started: records after it are this run's decisions.</summary>
    public uint FirstSequence { get; private set; }

    /// <summary>The policy's signals as they were on the BMS bus, by name.</summary>
    public IReadOnlyDictionary<string, SignalSeries> Signals => _signals;

    /// <summary>Filled by <see cref="Finish"/>.</summary>
    public GuardFindings? Findings { get; private set; }

    /// <summary>Puts the collector in front of <paramref name="gateway"/>'s decision sink and among its BMS observers; reads <paramref name="guard"/>'s state.</summary>
    public void Attach(Guard guard, Gateway gateway)
    {
        _guard = guard;
        _inner = gateway.Sink;
        gateway.Sink = this;
        gateway.AddObserver(this);
        FirstSequence = _seenSequence = _guard.Audit.LastSequence;
        var state = _guard.VehicleState;
        _speedTap = state.IndexOf("vehicle_speed");
        _chargingTap = state.IndexOf("charging_state");
        _currentTap = state.IndexOf("pack_current");
    }

    /// <inheritdoc />
    public void OnDecision(GatewayPort from, uint id, bool extended, bool remote, byte[] data, int length, Verdict verdict, int ruleIndex, long nowMicros)
    {
        Traffic.Add(nowMicros, ((int)from * Verdicts) + (int)verdict, 1);
        var guard = _guard;
        if (guard != null && guard.Audit.LastSequence != _seenSequence)
        {
            // This decision (or the tick before it) wrote audit records: the state they were judged on is now.
            _seenSequence = guard.Audit.LastSequence;
            _states.Add(new StateAt(_seenSequence, nowMicros, Tap(_speedTap, nowMicros), Tap(_chargingTap, nowMicros), Tap(_currentTap, nowMicros)));
        }

        _inner?.OnDecision(from, id, extended, remote, data, length, verdict, ruleIndex, nowMicros);
    }

    /// <inheritdoc />
    public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
    {
        var guard = _guard;
        if (guard == null)
        {
            return;
        }

        var state = guard.VehicleState;
        SampleTap(state, _speedTap, 0, nowMicros);
        SampleTap(state, _chargingTap, 1, nowMicros);
        SampleTap(state, _currentTap, 2, nowMicros);
        var sanitizer = guard.Telemetry.Sanitizer;
        if (!ReferenceEquals(sanitizer, _sanitizer))
        {
            Index(sanitizer);
        }

        if (_byId.Count == 0 || !_byId.TryGetValue((id, extended), out var signals))
        {
            return;
        }

        foreach (var (signal, series) in signals)
        {
            if (length < signal.BytesNeeded || (signal.Mux != null && !signal.Mux.Selects(data, length)))
            {
                continue;
            }

            series.Add(nowMicros, signal.ToUnits(signal.ReadRaw(data)));
        }
    }

    /// <summary>Reads the guard's counters and this run's audit records; call once the node is closed.</summary>
    public void Finish(GuardFiles files)
    {
        var guard = _guard ?? throw new InvalidOperationException("ReportCollector.Finish before Attach");
        Findings = GuardFindings.Read(guard, files, FirstSequence, _states);
    }

    private TapValue? Tap(int tap, long nowMicros)
    {
        var state = _guard!.VehicleState;
        if (tap < 0 || state.Freshness(tap, nowMicros) == Core.Commands.SafetyResult.Unknown)
        {
            return null;
        }

        return new TapValue(state.Units(tap), state.Freshness(tap, nowMicros) == Core.Commands.SafetyResult.Safe);
    }

    private void SampleTap(Core.Safety.VehicleState state, int tap, int column, long nowMicros)
    {
        if (tap >= 0 && state.TimeMicros(tap) == nowMicros)
        {
            Vehicle.Add(nowMicros, column, state.Units(tap));
        }
    }

    // The policy's signals by frame id; a new policy (bundle offered, or sent on the command topic) re-indexes.
    private void Index(TelemetrySanitizer? sanitizer)
    {
        _sanitizer = sanitizer;
        var byId = new Dictionary<(uint, bool), List<(TelemetrySignal, SignalSeries)>>();
        var policy = sanitizer?.Policy;
        for (int s = 0; policy != null && s < policy.SignalCount; s++)
        {
            var signal = policy.Signal(s);
            if (signal.Treatment.Action == TelemetryAction.Identifier)
            {
                continue; // identifier parts are bytes of a serial or VIN, not values to plot
            }

            if (!_signals.TryGetValue(signal.Name, out var series))
            {
                _signals[signal.Name] = series = new SignalSeries(signal.Name, signal.Unit, signal.Decimals);
            }

            if (!byId.TryGetValue((signal.Id, signal.Extended), out var list))
            {
                byId[(signal.Id, signal.Extended)] = list = [];
            }

            list.Add((signal, series));
        }

        _byId = byId.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}

/// <summary>A vehicle-state tap's value in its units, and whether it was fresh.</summary>
public readonly record struct TapValue(long Units, bool Fresh);

/// <summary>The vehicle state when the audit log reached <paramref name="Sequence"/>.</summary>
public readonly record struct StateAt(uint Sequence, long Micros, TapValue? Speed, TapValue? Charging, TapValue? Current);
