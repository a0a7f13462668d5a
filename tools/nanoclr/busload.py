"""busload.py: what fully loaded buses cost the board, from the bench's per-frame costs. Python 3 standard library only.

The bench's CAN phases hand frames over in fixed shapes: one per event (can-library-1), eight per event
(can-library-8). A full bus delivers its frames one by one, evenly spaced, so how many a drain finds depends on
how busy the board already is. This module splits the receive path's cost into a part per event and a part per
frame, and replays evenly spaced frames of one or two buses against them on the one thread that runs events:

- a frame the driver pushes into the receive ring may post an event (below); events run one after another;
- an event costs `per_event` (the library's dispatch, the bridge's drain start and end), then its drain reads the
  ring until it is empty, `per_frame` for each frame, including frames that land while it runs;
- an event whose drain finds the ring empty costs `empty` (can-empty-1);
- a ring holds 16 frames (the stock target's `CANn_RX_BUFFER_SIZE`); a frame that finds it full is lost;
- with `pause`, a receive handler waits that many instructions' time before its drain, the processor free
  (`CanBridge.Coalescing` on the NUCLEO: 1 ms, 216,000 instructions at 216 MHz);
- work of the main loop that holds the node's gate (a telemetry publish and its audit record) is a stream of
  its own: one "frame" per period, costing its instructions, queued with the events (the interpreter switches
  threads only between 20 ms quanta, and the drain waits for the gate anyway).

When is an event posted:

- `ring`: when the frame makes the ring non-empty (the first event-per-batch patch). A frame that lands while a
  drain runs, just after the drain took the frame before it, posts one too: the drain reads the frame, and the
  event's own drain later finds the ring empty.
- `drain`: when no event is pending; the drain's empty read clears it (nf-interpreter-can-event-per-drain.patch).

Costs are instructions; the board runs `hz` of them a second (1.0 cycle per instruction on the STM32F767, as the
estimate assumes). Not modelled: the rest of the main loop (ticks, MQTT) competing for the same processor, and
the runtime's HAL queue (128 records) dropping events.
"""
import collections
import heapq

RING = 16
DRIVERS = (('ring', 'an event per frame that finds the ring empty'), ('drain', 'an event per drain'))


def split(library_1, library_8):
    """Per-event and per-frame cost from can-library-1 (an event per frame) and can-library-8 with an
    event-per-batch driver (one event per eight frames)."""
    per_event = (library_1 - library_8) * 8.0 / 7.0
    return per_event, library_1 - per_event


def simulate(streams, hz, driver, empty, seconds=1.0, ring=RING, pause=0):
    """streams: [(name, frames per second, per_event, per_frame)]; a stream named 'main' is the main loop's work
    (no pause before it). Returns (busy fraction over the time the board took, events still queued at the last
    arrival, [(frames, lost, events, most waiting)] by stream)."""
    arrivals = []
    for k, (_, rate, _, _) in enumerate(streams):
        period = hz / rate
        # Offset each bus by a fraction of its period so the two never tick in lockstep.
        arrivals += [(int(i * period + k * period / 3.0), k) for i in range(int(rate * seconds))]
    heapq.heapify(arrivals)
    last_arrival = max(a for a, _ in arrivals)
    waiting = [0] * len(streams)
    pending = [False] * len(streams)
    stats = [[0, 0, 0, 0] for _ in streams]
    events = collections.deque()
    now = busy = 0
    backlog = None

    def arrive_until(t):
        while arrivals and arrivals[0][0] <= t:
            _, k = heapq.heappop(arrivals)
            s = stats[k]
            s[0] += 1
            if waiting[k] >= ring:
                s[1] += 1
                continue
            post = waiting[k] == 0 if driver == 'ring' else not pending[k]
            if post:
                pending[k] = True
                events.append(k)
            waiting[k] += 1
            s[3] = max(s[3], waiting[k])

    while arrivals or events:
        arrive_until(now)
        if backlog is None and now >= last_arrival:
            backlog = len(events)
        if not events:
            now = arrivals[0][0]
            continue
        k = events.popleft()
        name, _, per_event, per_frame = streams[k]
        stats[k][2] += 1
        if pause and name != 'main':
            now += pause
            arrive_until(now)
        if waiting[k] == 0:
            now += empty
            busy += empty
            pending[k] = False
            continue
        now += per_event
        busy += per_event
        arrive_until(now)
        while waiting[k] > 0:
            waiting[k] -= 1
            now += per_frame
            busy += per_frame
            arrive_until(now)
        pending[k] = False
    return busy / max(now, 1), backlog or 0, [tuple(s) for s in stats]


def first_failure(per_event, per_frame, hz, driver, empty, step=100, top=20000, pause=0):
    """The lowest evenly spaced rate of one bus, scanning up by `step`, at which a frame is lost or events pile
    up (more than one queued at the last arrival); None when none fails up to `top`."""
    for rate in range(step, top + 1, step):
        _, backlog, stats = simulate([('bus', rate, per_event, per_frame)], hz, driver, empty, pause=pause)
        if stats[0][1] > 0 or backlog > 1:
            return rate
    return None


def busy_by_rate(per_event, per_frame, hz, driver, empty, rates, pause=0):
    """[(rate, busy fraction, frames per event)] for evenly spaced frames of one bus."""
    out = []
    for rate in rates:
        busy, _, stats = simulate([('bus', rate, per_event, per_frame)], hz, driver, empty, pause=pause)
        out.append((rate, busy, stats[0][0] / max(stats[0][2], 1)))
    return out


def lines(net, hz, label):
    """Report lines from net costs by phase (can-library-1 and can-library-8 with an event-per-batch driver,
    can-empty-1, full-drive, tcu-uds-denied, audit-sealed); none when one of the first five is missing."""
    need = ('can-library-1', 'can-library-8', 'can-empty-1', 'full-drive', 'tcu-uds-denied')
    if any(n not in net for n in need):
        return []
    per_event, per_frame = split(net['can-library-1'], net['can-library-8'])
    empty = net['can-empty-1']
    receive = per_frame - net['full-drive']
    tcu = receive + net['tcu-uds-denied']
    out = [f'load model ({label}; busload.py): {per_event:,.0f} instructions per event, {empty:,.0f} per event that'
           f' finds the ring empty, {per_frame:,.0f} per BMS frame ({receive:,.0f} reading it, {net["full-drive"]:,.0f}'
           f' deciding it), {tcu:,.0f} per denied TCU request']
    cases = [('a full 500 kbit/s bus (4,500 BMS frames/s)', [('bms', 4500, per_event, per_frame)]),
             ('and the TCU just under its receive budget (990 denied requests/s)',
              [('bms', 4500, per_event, per_frame), ('tcu', 990, per_event, tcu)])]
    if 'audit-sealed' in net:
        cases.append(('the same, each denial also a sealed audit record (before the audit budget)',
                      [('bms', 4500, per_event, per_frame), ('tcu', 990, per_event, tcu + net['audit-sealed'])]))
    cases.append(('a full 1 Mbit/s bus (9,000 BMS frames/s)', [('bms', 9000, per_event, per_frame)]))
    # The target: two fully loaded buses whose every frame is decided as a BMS frame is (no receive budget).
    cases.append(('two full 500 kbit/s buses, every frame decided as a BMS frame (2 x 4,500/s)',
                  [('bus1', 4500, per_event, per_frame), ('bus2', 4500, per_event, per_frame)]))
    cases.append(('two full 1 Mbit/s buses, the same (2 x 9,000/s)',
                  [('bus1', 9000, per_event, per_frame), ('bus2', 9000, per_event, per_frame)]))
    pause = int(hz / 1000)   # CanBridge.Coalescing on the NUCLEO: 1 ms
    variants = [('ring', 0, RING, DRIVERS[0][1]), ('drain', 0, RING, DRIVERS[1][1]),
                ('drain', pause, 128, 'an event per drain, 1 ms coalescing, rings of 128 (the NUCLEO image and CanBridge now)')]
    for driver, wait, ring, what in variants:
        fails = first_failure(per_event, per_frame, hz, driver, empty, pause=wait)
        busy = busy_by_rate(per_event, per_frame, hz, driver, empty, range(1000, 9001, 1000), pause=wait)
        out.append(f'  {what}: evenly spaced BMS frames lost or events piling up from'
                   f' {"none up to 20,000" if fails is None else f"{fails:,}"} frames/s; busy by rate: '
                   + ', '.join(f'{r:,} {100.0 * b:.0f}% ({f:.1f} an event)' for r, b, f in busy))
        for name, streams in cases:
            busy, backlog, stats = simulate(streams, hz, driver, empty, ring=ring, pause=wait)
            parts = [f'{streams[i][0]} {frames - lost:,} of {frames:,} read, {frames / max(events, 1):.1f} an event, up to {most} waiting'
                     for i, (frames, lost, events, most) in enumerate(stats)]
            out.append(f'    {name}: {100.0 * busy:.0f}% busy, {backlog:,} events queued at the end; ' + '; '.join(parts))
    if 'publish-audited' in net:
        # A publish a second holds the gate for its audit record: what a bigger receive ring keeps.
        for ring, wait in ((RING, 0), (128, pause)):
            busy, backlog, stats = simulate([('bms', 4500, per_event, per_frame), ('main', 1, net['publish-audited'], 0)],
                                            hz, 'drain', empty, ring=ring, pause=wait)
            out.append(f'  a full 500 kbit/s bus and a telemetry publish a second ({net["publish-audited"]:,.0f} instructions'
                       f' holding the gate), rings of {ring}{", 1 ms coalescing" if wait else ""}: {stats[0][1]:,} of'
                       f' {stats[0][0]:,} BMS frames lost, up to {stats[0][3]} waiting')
    return out
