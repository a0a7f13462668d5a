using System.Globalization;
using System.Text.Json;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// The load model behind the board's full-bus figures (tools/nanoclr/busload.py): its arithmetic where the answer
/// is known, and the difference between posting an event per empty ring and one per drain.
/// </summary>
public sealed class BusLoadModelTests
{
    private const double Hz = 216e6;
    private static readonly PythonModule Python = new("json", "python3");

    [Fact]
    public void Without_event_costs_the_board_keeps_up_to_its_clock_divided_by_the_frame_cost()
    {
        // 21,600 instructions a frame at 216 MHz: 10,000 frames/s; the scan goes up by 100.
        var r = Run("[busload.first_failure(0, 21600, 216e6, d, 0) for d in ('ring', 'drain')]");
        foreach (var rate in r.EnumerateArray())
        {
            Assert.InRange(rate.GetInt32(), 10000, 10100);
        }
    }

    [Fact]
    public void An_event_per_empty_ring_queues_events_on_a_full_bus_that_an_event_per_drain_carries()
    {
        // The ARM counts of BmsGuard 0240a6e: 39,874 per event, 24,572 per frame, 33,000 per empty event.
        const string bus = "[('bms', 4500, 39874, 24572)], 216e6";
        var ring = Run($"busload.simulate({bus}, 'ring', 33000)");
        var drain = Run($"busload.simulate({bus}, 'drain', 33000)");

        // simulate returns (busy, events queued at the last arrival, [(frames, lost, events, most waiting)]).
        // Per empty ring: events queue faster than they are handled, and the queue keeps growing.
        var longer = Run($"busload.simulate({bus}, 'ring', 33000, seconds=2.0)");
        Assert.True(ring[1].GetInt32() > 50, "events pile up: " + ring);
        Assert.True(longer[1].GetInt32() > 1.5 * ring[1].GetInt32(), "and keep piling up: " + longer);

        // Per drain: every frame read, nothing queued, two frames an event.
        Assert.Equal(0, drain[1].GetInt32());
        Assert.Equal(0, drain[2][0][1].GetInt32());
        Assert.Equal(2250, drain[2][0][2].GetInt32());
        Assert.True(drain[0].GetDouble() < 0.95, "not busy all the time: " + drain);

        var rates = Run("[busload.first_failure(39874, 24572, 216e6, d, 33000) for d in ('ring', 'drain')]");
        Assert.True(rates[1].GetInt32() > rates[0].GetInt32() + 2000, "per drain carries more: " + rates);
    }

    [Fact]
    public void A_drain_that_never_empties_its_ring_starves_the_other_bus()
    {
        // TCU frames that each cost 400,000 instructions at 990 a second: the TCU's drain keeps finding frames.
        var r = Run("busload.simulate([('bms', 4500, 39874, 24572), ('tcu', 990, 39874, 400000)], 216e6, 'drain', 33000)");
        int bmsRead = r[2][0][0].GetInt32() - r[2][0][1].GetInt32();
        Assert.True(bmsRead < 450, "the BMS side read " + bmsRead.ToString(CultureInfo.InvariantCulture) + " of 4,500");
    }

    [Fact]
    public void Work_that_holds_the_gate_loses_frames_a_small_ring_cannot_hold()
    {
        // 3,000,000 instructions (14 ms) of the main loop once a second on a full 500 kbit/s bus: about 62 frames
        // arrive meanwhile.
        const string streams = "[('bms', 4500, 39874, 24572), ('main', 1, 3000000, 0)], 216e6, 'drain', 33000";
        var small = Run($"busload.simulate({streams}, ring=16)");
        var large = Run($"busload.simulate({streams}, ring=128)");
        Assert.InRange(small[2][0][1].GetInt32(), 30, 62);
        Assert.Equal(0, large[2][0][1].GetInt32());
        Assert.InRange(large[2][0][3].GetInt32(), 50, 80);
    }

    [Fact]
    public void Waiting_a_millisecond_before_each_drain_lets_frames_share_events_and_frees_the_processor()
    {
        const string bus = "[('bms', 4500, 39874, 24572)], 216e6, 'drain', 33000, ring=128";
        var atOnce = Run($"busload.simulate({bus})");
        var waiting = Run($"busload.simulate({bus}, pause=216000)");
        Assert.Equal(0, waiting[2][0][1].GetInt32());
        Assert.True(waiting[2][0][2].GetInt32() * 4 < atOnce[2][0][2].GetInt32(), "fewer events: " + waiting + " against " + atOnce);
        Assert.True(waiting[0].GetDouble() < atOnce[0].GetDouble() - 0.2, "less busy: " + waiting + " against " + atOnce);
    }

    [Fact]
    public void Two_full_buses_fit_only_when_their_frames_cost_less_than_the_clock_allows()
    {
        // 9,000 frames/s at 19,200 instructions: 80 % of 216 MHz before any event; at 24,570 they need 102 %.
        const string options = "216e6, 'drain', 27000, ring=128, pause=216000";
        var cheaper = Run($"busload.simulate([('bus1', 4500, 32138, 19200), ('bus2', 4500, 32138, 19200)], {options})");
        var dearer = Run($"busload.simulate([('bus1', 4500, 40130, 24570), ('bus2', 4500, 40130, 24570)], {options})");
        Assert.Equal(0, cheaper[2][0][1].GetInt32() + cheaper[2][1][1].GetInt32());
        Assert.InRange(cheaper[0].GetDouble(), 0.80, 0.90);
        Assert.True(dearer[2][0][1].GetInt32() + dearer[2][1][1].GetInt32() > 0, "frames lost beyond the clock: " + dearer);
    }

    private static JsonElement Run(string expression)
    {
        string tools = Path.Combine(Captures.RepoRoot, "tools", "nanoclr");
        string script = $"import sys, json; sys.path.insert(0, sys.argv[1]); import busload; print(json.dumps({expression}))";
        return JsonDocument.Parse(Python.Run(script, tools)).RootElement.Clone();
    }
}
