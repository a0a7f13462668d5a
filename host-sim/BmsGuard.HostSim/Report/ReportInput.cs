using BmsGuard.Core;
using BmsGuard.HostSim.Egress;
using BmsGuard.HostSim.Replay;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// Everything one report is made from: what the collector saw during the run, the run's counts and rule
/// table, its text summary, and the outbox (what left the vehicle). A bench run fills it the same way.
/// </summary>
/// <param name="Kind">"replay" or "bench".</param>
/// <param name="Source">The capture or interfaces the run read.</param>
/// <param name="Collected">The collector after <see cref="ReportCollector.Finish"/>.</param>
/// <param name="Counts">The run's frame counts.</param>
/// <param name="Rules">The rule table, with its counters after the run.</param>
/// <param name="Summary">The run's summary text (summary.txt).</param>
/// <param name="Outbox">Every publish of the run, as in outbox.txt.</param>
public sealed record ReportInput(
    string Kind,
    string Source,
    ReportCollector Collected,
    ReplayCounts Counts,
    RuleTable Rules,
    string Summary,
    IReadOnlyList<OutboxLine> Outbox)
{
    /// <summary>Start of the run's time axis: the first decision, else the first publish.</summary>
    public long OriginMicros =>
        Collected.Traffic.OriginMicros != TimeBins.Empty ? Collected.Traffic.OriginMicros : Outbox.Count > 0 ? Outbox[0].TimeMicros : 0;
}
