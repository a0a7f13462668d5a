"""phases.py: what the bench runners (devicebench.py, armcount.py) do with per-frame costs, whatever counted
them. Python 3 standard library only.
"""
import re

# The phases whose per-frame cost becomes a board estimate.
ESTIMATED = ('full', 'full-every-sample', 'full-drive', 'bridge-events-drive', 'can-library-1', 'can-library-8',
             'can-library-8-free64k', 'can-native-8', 'mcp-1', 'mcp-8')


def net_of(per):
    """per: [(phase, cost per frame)]. Returns net(phase, cost): the cost minus the loop that feeds the phase its
    frames. The drive phases are fed by loop-drive, the other decision phases by loop; the CAN phases
    (can-library-N..., can-native-N, can-empty-N) by the injector's loop alone with N frames per interrupt (can-inject-N),
    the MCP2515 phases (mcp-N) by theirs (mcp-inject-N)."""
    loops = {b: min((p for name, p in per if name == b), default=0.0) for b in ('loop', 'loop-drive')}
    for name, p in per:
        if name.startswith('can-inject-'):
            loops['can-library-' + name[len('can-inject-'):]] = p
        if name.startswith('mcp-inject-'):
            loops['mcp-' + name[len('mcp-inject-'):]] = p

    def net(name, p):
        if name.startswith('mcp-'):
            return p if name.startswith('mcp-inject-') else p - loops.get(name, 0.0)
        if name.startswith('can-'):
            return p - loops.get(re.sub(r'^can-(library|native|empty)-(\d+).*$', r'can-library-\2', name), 0.0)
        return p if name.startswith('loop') else p - loops['loop-drive' if name.endswith('-drive') else 'loop']
    return net
