"""armcount.py: DEVICETESTS_BENCH=arm for devicetests.py. Python 3 standard library only.

Counts the ARM Thumb-2 instructions the nanoCLR executes per bench frame, instead of the host's
x86-64 ones: nf-interpreter's targets/posix is cross-built for 32-bit ARM Linux with the code
generation of nanoFramework's STM32F7 firmware (arm/toolchain-arm-linux-gnueabihf.cmake) and run
under qemu-arm (user mode) with a TCG plugin (arm/count.c) that records the executed guest
instructions at each write to stdout, so at each `bench: start` / `bench: end` line. Needs
g++-arm-linux-gnueabihf, qemu-user (QEMU 7.2 or later with plugin support) and gcc.
DEVICETESTS_ARM_DEBUGGER=1 builds the interpreter with NANOCLR_ENABLE_SOURCELEVELDEBUGGING, as
the boards' firmware with the debugger feature (nanoFramework's published STM32F7 images) is: it
checks the thread's time quantum at every IL instruction and breakpoints at branches and calls.
DEVICETESTS_ARM_BUILD=Release builds the interpreter as nanoFramework's Release configuration for the
boards (-O3 at compile time; the STM32 link options stay those of MinSizeRel) instead of MinSizeRel.
DEVICETESTS_ARM_PROFILE=PHASE runs the bench a second time and prints where the first PHASE's
instructions go: per function of the nanoCLR, and how many ran in the C/C++ libraries (glibc and
libstdc++ here, newlib-nano on the board).
"""
import bisect, hashlib, os, shutil, subprocess
import busload
from phases import ESTIMATED, net_of as phases_net_of

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLCHAIN = os.path.join(HERE, 'arm', 'toolchain-arm-linux-gnueabihf.cmake')
PATCH = os.path.join(HERE, 'arm', 'nf-interpreter-posix-arm32.patch')
PLUGIN = os.path.join(HERE, 'arm', 'count.c')
TOOLS = [('arm-linux-gnueabihf-g++', 'apt-get install g++-arm-linux-gnueabihf'),
         ('qemu-arm', 'apt-get install qemu-user'),
         ('gcc', 'apt-get install gcc; builds the qemu plugin')]
# The board estimate: ARM instructions per frame x assumed cycles per instruction. 1.0 for the
# Cortex-M7 (dual issue, but flash wait states and the interpreter's loads and branches: one cycle
# per Thumb-2 instruction is the assumption, not a measurement). The ESP32 (Xtensa LX6) runs no ARM
# code; 2.0 cycles per Thumb-2 instruction there is a coarser assumption still.
BOARDS = (('STM32F767 (216 MHz, assumed 1.0 cycle per Thumb-2 instr)', 216, 1.0),
          ('ESP32 (240 MHz, assumed 2.0)', 240, 2.0))


def missing():
    """What is missing to run the ARM count, as one message; empty when nothing is."""
    return '; '.join(f'{tool} ({how})' for tool, how in TOOLS if not shutil.which(tool))


def _run(args, log, cwd=None):
    with open(log, 'a') as f:
        f.write('$ ' + ' '.join(args) + '\n')
        f.flush()
        return subprocess.run(args, cwd=cwd, stdout=f, stderr=subprocess.STDOUT).returncode


def debugger():
    return os.environ.get('DEVICETESTS_ARM_DEBUGGER') == '1'


def build_type():
    """MinSizeRel (nanoFramework's CI builds the boards' firmware so) or Release (DEVICETESTS_ARM_BUILD)."""
    want = os.environ.get('DEVICETESTS_ARM_BUILD', 'MinSizeRel')
    if want not in ('MinSizeRel', 'Release'):
        raise SystemExit(f'DEVICETESTS_ARM_BUILD={want}: MinSizeRel or Release')
    return want


def _stamp(src):
    """What the ARM nanoCLR is built from: the checkout's commit and the build files here."""
    head = subprocess.run(['git', '-C', src, 'describe', '--tags', '--always', '--dirty'],
                          capture_output=True, text=True).stdout.strip() or '?'
    h = hashlib.sha256()
    for f in (TOOLCHAIN, PATCH):
        h.update(open(f, 'rb').read())
    return f'{head} {h.hexdigest()[:16]}'


def build_nanoclr(src, work, say, die, can=None):
    """The nanoCLR cross-built for ARM from a patched copy of the checkout's src/ and targets/posix/
    (the checkout stays untouched); cached in WORK_DIR/nanoclr-arm until the checkout or the build
    files change. MinSizeRel: the configuration nanoFramework's CI builds the boards' firmware with.
    can: (patch, cmake arguments) from canbench.py, the CAN natives as well, in a build of its own that
    is brought up to date incrementally (the natives and their generated tables live outside the copy)."""
    root = os.path.join(work, ('nanoclr-arm-debugger' if debugger() else 'nanoclr-arm') + ('-can' if can else '')
                        + ('-release' if build_type() == 'Release' else ''))
    exe = os.path.join(root, 'build', 'bin', 'nanoFramework.nanoCLR.test')
    stamp = os.path.join(root, 'stamp')
    want = _stamp(src) + (' ' + hashlib.sha256(open(can[0], 'rb').read() + ' '.join(can[1]).encode()).hexdigest()[:16] if can else '')
    if os.path.exists(exe) and os.path.exists(stamp) and open(stamp).read() == want:
        if can and _run(['cmake', '--build', os.path.join(root, 'build')], os.path.join(root, 'build.log')) != 0:
            die(f'ARM nanoCLR build failed (log {os.path.join(root, "build.log")})')
        return exe
    say(f'[nanoclr-arm] cross-building nf-interpreter targets/posix for ARM Thumb-2 (Cortex-M7 flags'
        f'{", debugger support" if debugger() else ""}, {build_type()}; minutes)')
    shutil.rmtree(root, ignore_errors=True)
    copy = os.path.join(root, 'src')
    shutil.copytree(os.path.join(src, 'src'), os.path.join(copy, 'src'))
    shutil.copytree(os.path.join(src, 'targets', 'posix'), os.path.join(copy, 'targets', 'posix'))
    log = os.path.join(root, 'build.log')
    # a repository of its own, so that git apply patches this copy even inside another repository
    rc = _run(['git', 'init', '-q'], log, cwd=copy)
    if rc == 0:
        rc = _run(['git', 'apply', '--whitespace=nowarn', PATCH], log, cwd=copy)
    if rc == 0 and can:
        rc = _run(['git', 'apply', '--whitespace=nowarn', can[0]], log, cwd=copy)
    if rc != 0:
        die(f'{os.path.basename(PATCH)} does not apply to nf-interpreter {want.split()[0]} (log {log})')
    rc = _run(['cmake', '-S', os.path.join(copy, 'targets', 'posix'), '-B', os.path.join(root, 'build'), '-G', 'Ninja',
               '-DCMAKE_BUILD_TYPE=' + build_type(), '-DCMAKE_TOOLCHAIN_FILE=' + TOOLCHAIN]
               + [f'-DCMAKE_{lang}_FLAGS=-DNANOCLR_ENABLE_SOURCELEVELDEBUGGING' for lang in ('C', 'CXX') if debugger()]
               + (can[1] if can else []), log)
    if rc == 0:
        rc = _run(['cmake', '--build', os.path.join(root, 'build')], log)
    if rc != 0 or not os.path.exists(exe):
        die(f'ARM nanoCLR build failed (log {log})')
    open(stamp, 'w').write(want)
    return exe


def build_plugin(work, die):
    """arm/count.c as a qemu plugin, rebuilt when the source is newer."""
    so = os.path.join(work, 'qemu-count', 'count.so')
    if os.path.exists(so) and os.path.getmtime(so) >= os.path.getmtime(PLUGIN):
        return so
    os.makedirs(os.path.dirname(so), exist_ok=True)
    log = so + '.log'
    if _run(['gcc', '-shared', '-fPIC', '-O2', '-Wall', '-o', so, PLUGIN], log) != 0:
        die(f'the qemu plugin does not build (log {log})')
    return so


def prepare(src, work, say, die, nanoclr=True):
    """(nanoCLR, command prefix that runs it under qemu-arm counting, the counts file); nanoclr=False: the
    caller builds the nanoCLR itself (canbench.py, with the CAN natives), the first is then None."""
    gone = missing()
    if gone:
        die('DEVICETESTS_BENCH=arm needs ' + gone)
    exe = build_nanoclr(src, work, say, die) if nanoclr else None
    so = build_plugin(work, die)
    counts = os.path.join(work, 'pe', 'DeviceBench', 'arm-counts.txt')
    os.makedirs(os.path.dirname(counts), exist_ok=True)
    if os.path.exists(counts):
        os.remove(counts)
    return exe, ['qemu-arm', '-plugin', f'{so},out={counts}'], counts


def qemu_version():
    out = subprocess.run(['qemu-arm', '--version'], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else '?'


def writes(counts):
    """The plugin's records: [(end offset in stdout, first thread's count, all threads' count)]."""
    rows, pos = [], 0
    for line in open(counts):
        f = line.split()
        if len(f) == 3 and f[0] != 'exit':
            pos += int(f[0])
            rows.append((pos, int(f[1]), int(f[2])))
    return rows


def at(rows, end):
    """(first thread's count, all threads' count, write number from 1) recorded at the write that
    put out stdout byte end-1 (a line's newline)."""
    for i, (pos, main, every) in enumerate(rows):
        if pos >= end:
            return main, every, i + 1
    return None


def functions(exe):
    """([start addresses], [names]) of the program's functions, sorted, and the names that the C/C++
    runtime libraries linked into it define (glibc, libm, libstdc++, libgcc, libatomic)."""
    syms = []
    out = subprocess.run(['arm-linux-gnueabihf-nm', '-n', exe], capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in 'tTwW':
            syms.append((int(f[0], 16) & ~1, f[2]))   # bit 0 marks Thumb code
    lib = set()
    for a in ('libc.a', 'libm.a', 'libstdc++.a', 'libgcc.a', 'libatomic.a', 'libgcc_eh.a'):
        path = subprocess.run(['arm-linux-gnueabihf-g++', '-print-file-name=' + a], capture_output=True, text=True).stdout.strip()
        out = subprocess.run(['arm-linux-gnueabihf-nm', '--defined-only', path], capture_output=True, text=True).stdout
        lib.update(f[2] for f in (l.split() for l in out.splitlines()) if len(f) == 3)
    return [a for a, _ in syms], [n for _, n in syms], lib


def profile(cmd, cwd, counts, rows, phase, exe, say, die):
    """Runs the bench again with the plugin's profile over the writes that frame the first phase
    named phase, and prints the phase's instructions by function."""
    a, b = phase[1], phase[2]
    prof = counts + '.profile'
    cmd = list(cmd)
    cmd[2] = cmd[2].split(',')[0] + f',out={prof}.writes,profile={prof},from={a},to={b}'
    with open(counts + '.profile-run.log', 'w') as f:
        rc = subprocess.run(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT).returncode
    if rc != 0 or not os.path.exists(prof):
        die(f'the profile run failed (exit {rc}; {counts}.profile-run.log)')
    again = writes(prof + '.writes')
    if len(again) != len(rows):
        say(f'bench: profile run wrote {len(again)} times, the counted run {len(rows)}: profile window may differ')
    starts, names, libs = functions(exe)
    by, total = {}, 0
    for line in open(prof):
        addr, insns, hits = line.split()
        n = int(insns) * int(hits)
        i = bisect.bisect_right(starts, int(addr, 16)) - 1
        name = names[i] if i >= 0 else '?'
        by[name] = by.get(name, 0) + n
        total += n
    lib = sum(n for name, n in by.items() if name in libs)
    demangled = subprocess.run(['arm-linux-gnueabihf-c++filt'], input='\n'.join(by), capture_output=True, text=True).stdout.splitlines()
    names = dict(zip(by, demangled)) if len(demangled) == len(by) else {n: n for n in by}
    say(f'bench: profile of {phase[0]}: {total:,} ARM instructions, {100.0 * lib / total:.1f}% in the C/C++ libraries')
    for name, n in sorted(by.items(), key=lambda kv: -kv[1])[:30]:
        where = '  (library)' if name in libs else ''
        say(f'bench:   {100.0 * n / total:5.1f}%  {names[name][:110]}{where}')


def estimate(net):
    return ', '.join(f'{board} ~{mhz * 1e6 / (net * cpi):,.0f} frames/s' for board, mhz, cpi in BOARDS)


def report(phases, counts, say, die, cmd=None, cwd=None):
    """phases: [(name, frames, start line's end offset, end line's end offset, end line)] in stdout bytes.
    Prints the ARM instructions per frame of each phase, net of the bench loop as the callgrind
    report does, and the board estimate; cmd and cwd: the bench's command, for the profile run."""
    rows = writes(counts)
    if not rows:
        die(f'the qemu plugin recorded no writes ({counts})')
    per, mains, everys, windows = [], 0, 0, {}
    for name, n, start, end, line in phases:
        a, b = at(rows, start), at(rows, end)
        if a is None or b is None:
            die(f'no recorded write covers the lines of phase {name} ({counts})')
        per.append((name, (b[1] - a[1]) / n, line))
        windows.setdefault(name, (name, a[2], b[2]))
        mains += b[0] - a[0]
        everys += b[1] - a[1]
    net_of = phases_net_of([(name, p) for name, p, _ in per])
    say(f'bench: ARM Thumb-2 instructions per frame on the nanoCLR cross-built with the STM32F7 firmware flags'
        f' ({build_type()}){" and debugger support" if debugger() else ""}, {qemu_version()} with arm/count.c; net = minus the bench loop alone')
    for name, p, line in per:
        say(f'bench: {name:<16} {p:9.0f} ARM instructions/frame, net {net_of(name, p):9.0f}  [{line[len("bench: end "):]}]')
    say(f'bench: all threads counted; the interpreter\'s thread executed {100.0 * mains / everys:.3f}% of the phases\' instructions')
    for name in ESTIMATED:
        nets = [net_of(p_name, p) for p_name, p, _ in per if p_name == name]
        if nets:
            say(f'bench: estimate for {name}: {estimate(max(nets))}')
    if os.environ.get('DEVICETESTS_CAN_DRIVER') in ('batched', 'drained'):
        # The split into per event and per frame needs a driver that posts one event for eight queued frames.
        worst = {}
        for name, p, _ in per:
            worst[name] = max(worst.get(name, 0.0), net_of(name, p))
        for line in busload.lines(worst, 216e6, 'STM32F767 at 216 MHz, 1.0 cycle per Thumb-2 instruction'):
            say('bench: ' + line)
    want = os.environ.get('DEVICETESTS_ARM_PROFILE')
    if want and cmd:
        if want not in windows:
            die(f'DEVICETESTS_ARM_PROFILE={want}: no such phase ({", ".join(windows)})')
        profile(cmd, cwd, counts, rows, windows[want], cmd[3], say, die)
