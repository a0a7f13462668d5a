"""canbench.py: the receive path through the real CAN library for devicebench.py. Python 3 standard library only.

DEVICETESTS_RUNTIME_EVENTS and DEVICETESTS_DEVICE_CAN name git repositories (bare, or a checkout's) of
nanoframework/nanoFramework.Runtime.Events and nanoframework/nanoFramework.Device.Can. The versions that
firmware/BmsGuard.Firmware/packages.config pins are taken out of them (git archive, into WORK_DIR; nothing
fetched enters the repository) and compiled as devicetests.build_lib compiles System.Text. The nanoCLR is
then built from a copy of nf-interpreter's src/ and targets/posix/ with tools/nanoclr/can: a POSIX native
for nanoFramework.Device.Can modelled on the STM32 driver, and the bench's injector of receive interrupts
(BmsGuard.DeviceBench.Can). Their method tables and checksums are generated here from the .pe files the
MetadataProcessor wrote, as its skeleton generator would: one entry per method of the assembly, in the
order of the .pe's MethodDef table, the native ones named.
"""
import hashlib, os, re, shutil, struct, subprocess
import armcount
import devicetests as dt

HERE = os.path.dirname(os.path.abspath(__file__))
CAN = os.path.join(HERE, 'can')
PATCH = os.path.join(CAN, 'nf-interpreter-posix-can.patch')
# DEVICETESTS_CAN_DRIVER=patched: the driver as the NUCLEO image is to be built (hardware/patches/), not the stock one.
# DEVICETESTS_CAN_DRIVER=batched: patched, and an event only when the ring was empty (the event-per-batch patch of session 12).
# DEVICETESTS_CAN_DRIVER=drained: patched, and an event only when none is pending; GetMessage's empty read clears it
# (nf-interpreter-can-event-per-drain.patch).
DRIVER = os.environ.get('DEVICETESTS_CAN_DRIVER', 'stock')
PATCHED_DRIVER = DRIVER in ('patched', 'batched', 'drained')
RING_PATCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'hardware', 'patches', 'nf-interpreter-hal-ringbuffer.patch')
NATIVE_SOURCES = [os.path.join(CAN, f) for f in ('nf_device_can_native_posix.cpp', 'bmsguard_canbench_native.cpp')]
PACKAGES = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'firmware', 'BmsGuard.Firmware', 'packages.config')
INJECTOR = 'BmsGuard.DeviceBench.Can'
INJECTOR_DLL = os.path.join(CAN, 'CanBench', 'bin', 'Release', 'netstandard2.0', INJECTOR + '.dll')

# (assembly, env variable, .nfproj in the repository, C++ class prefix, {(type, method): C++ method})
LIBS = [
    ('nanoFramework.Runtime.Events', 'DEVICETESTS_RUNTIME_EVENTS', 'nanoFramework.Runtime.Events/nanoFramework.Runtime.Events.nfproj', None, None),
    ('nanoFramework.Device.Can', 'DEVICETESTS_DEVICE_CAN', 'nanoFramework.Device.Can/nanoFramework.Device.Can.nfproj',
     'Library_nf_device_can_native_nanoFramework_Device_Can_',
     {('CanController', 'WriteMessage'): 'CanController::WriteMessage___VOID__nanoFrameworkDeviceCanCanMessage',
      ('CanController', 'GetMessage'): 'CanController::GetMessage___nanoFrameworkDeviceCanCanMessage',
      ('CanController', 'DisposeNative'): 'CanController::DisposeNative___VOID',
      ('CanController', 'NativeInit'): 'CanController::NativeInit___VOID',
      ('CanController', 'NativeUpdateCallbacks'): 'CanController::NativeUpdateCallbacks___VOID',
      ('CanController', 'GetDeviceSelector'): 'CanController::GetDeviceSelector___STATIC__STRING'}),
]
NATIVE_VERSIONS = {}   # assembly -> its AssemblyNativeVersion, read from its sources by build_libs
INJECTOR_NATIVES = ('Library_bmsguard_canbench_native_BmsGuard_DeviceBench_Can_',
                    {('CanInjector', 'Load'): 'CanInjector::Load___STATIC__VOID__SZARRAY_U4__SZARRAY_U1__SZARRAY_U1',
                     ('CanInjector', 'Inject'): 'CanInjector::Inject___STATIC__I4__I4__I4',
                     ('CanInjector', 'Pending'): 'CanInjector::Pending___STATIC__I4__I4',
                     ('CanInjector', 'Stat'): 'CanInjector::Stat___STATIC__I4__I4',
                     ('CanInjector', 'CollectAndFreeBytes'): 'CanInjector::CollectAndFreeBytes___STATIC__I4',
                     ('CanInjector', 'ReadFrame'): 'CanInjector::ReadFrame___STATIC__I8__I4__SZARRAY_U1',
                     ('CanInjector', 'WriteFrame'): 'CanInjector::WriteFrame___STATIC__VOID__I4__I8__SZARRAY_U1',
                     ('CanInjector', 'PostEvent'): 'CanInjector::PostEvent___STATIC__I4__I4'})


def enabled():
    """True when both library repositories are given; the bench then runs the CAN library phases."""
    return all(os.environ.get(env) for _, env, _, _, _ in LIBS)


def pinned(package, packages=PACKAGES):
    """The version of NuGet package `package` that the app's packages.config pins."""
    m = re.search(r'<package id="' + re.escape(package) + r'" version="([\d.]+)"', open(packages).read())
    if not m:
        dt.die(f'{package}: no version pinned in {packages}')
    return m.group(1)


def _git_dir(path):
    return os.path.join(path, '.git') if os.path.isdir(os.path.join(path, '.git')) else path


def export(repo, tag, dest, label):
    """The repository's tree at tag, extracted once into dest with git archive (label names the setting in errors)."""
    if not os.path.isdir(dest):
        os.makedirs(dest + '.tmp', exist_ok=True)
        archive = subprocess.run(['git', '--git-dir', _git_dir(repo), 'archive', tag], capture_output=True)
        if archive.returncode != 0:
            dt.die(f'{label}: no tag {tag} in {repo}: {archive.stderr.decode(errors="replace").strip()}')
        subprocess.run(['tar', '-x', '-C', dest + '.tmp'], input=archive.stdout, check=True)
        os.rename(dest + '.tmp', dest)
    return dest


def note_native_version(src, nfproj, assembly):
    """Records the assembly's AssemblyNativeVersion (its native table's version) from its AssemblyInfo.cs."""
    info = open(os.path.join(src, os.path.dirname(nfproj), 'Properties', 'AssemblyInfo.cs'), errors='replace').read()
    m = re.search(r'AssemblyNativeVersion\s*\(\s*"([\d.]+)"', info)
    if m:
        NATIVE_VERSIONS[assembly] = m.group(1)


def build_libs(work, tool, hints):
    """The pinned Runtime.Events and Device.Can from their sources: [(assembly, dll, pe)]; hints gains them."""
    corlib = os.path.join(dt.CORELIB, 'mscorlib.dll')
    out = []
    for assembly, env, nfproj, _, _ in LIBS:
        tag = 'v' + pinned(assembly)
        out.append(build_pinned(os.environ[env], env, os.path.join(work, 'can-src'), nfproj, assembly, tag,
                                [corlib] + [dll for _, dll, _ in out], work, tool, hints))
    return out


def build_pinned(repo, label, sources, nfproj, assembly, tag, refs, work, tool, hints):
    """One library at its tag: exported under sources, compiled against refs, converted to .pe;
    (assembly, dll, pe), and hints gains it. label names the setting in errors."""
    src = export(repo, tag, os.path.join(sources, f'{assembly}-{tag}'), label)
    note_native_version(src, nfproj, assembly)
    dll = dt.build_lib(src, nfproj, assembly, refs, work, tag=tag)
    pe = dt.mdp(tool, dll, hints, dll + '.mdp.log')
    if not pe:
        dt.die(f'MetadataProcessor failed on {assembly} (log {dll}.mdp.log)')
    hints[assembly] = dll
    return assembly, dll, pe


def _well_known_strings(nfi):
    """nanoCLR's built-in string table (src/CLR/Core/StringTableData.cpp): index -> string."""
    text = open(os.path.join(nfi, 'src', 'CLR', 'Core', 'StringTableData.cpp')).read()
    data = text[text.index('c_CLR_StringTable_Data'):]
    return {int(i, 16): s for i, s in re.findall(r'/\* ([0-9A-F]{4}) \*/ "((?:[^"\\]|\\.)*?)\\0"', data)}


def pe_methods(pe, nfi):
    """(native checksum, [(type name, method name, is native)]) in MethodDef order, from a .pe's tables
    (CLR_RECORD_ASSEMBLY, CLR_RECORD_TYPEDEF, CLR_RECORD_METHODDEF in nanoCLR_Types.h)."""
    b = open(pe, 'rb').read()
    checksum = struct.unpack_from('<I', b, 20)[0]
    starts = struct.unpack_from('<16I', b, 40)
    pads = b[40 + 64 + 4:40 + 64 + 4 + 16]
    known = _well_known_strings(nfi)

    def table(i, size):
        return [b[o:o + size] for o in range(starts[i], starts[i + 1] - pads[i], size)]

    def string(i):
        if i >= 0xFFFF - len(known):
            return known[0xFFFF - i]
        s = starts[11] + i
        return b[s:b.index(b'\0', s)].decode()
    methods = [(string(struct.unpack_from('<H', r, 0)[0]), struct.unpack_from('<H', r, 2)[0], struct.unpack_from('<I', r, 4)[0])
               for r in table(6, 16)]
    owner, delegate = [None] * len(methods), [False] * len(methods)
    for r in table(4, 24):
        name = string(struct.unpack_from('<H', r, 0)[0])
        first = struct.unpack_from('<H', r, 10)[0]
        for k in range(first, first + r[12] + r[13] + r[14]):
            owner[k] = name
            delegate[k] = bool(struct.unpack_from('<H', r, 22)[0] & 0x0600)   # TD_Delegate | TD_MulticastDelegate
    # RVA 0xFFFF: no IL, bound to the native table; abstract methods have none either, and a delegate's methods
    # are the runtime's (the skeleton generator leaves delegate types out too)
    return checksum, [(owner[k], name, rva == 0xFFFF and not flags & 0x200 and not delegate[k])
                      for k, (name, rva, flags) in enumerate(methods)]


def native_table(pe, nfi, assembly, prefix, impls, symbol):
    """The C++ method table of assembly's natives (NULL for managed methods), as MetadataProcessor's skeleton."""
    checksum, methods = pe_methods(pe, nfi)
    entries, bound = [], set()
    for owner, name, native in methods:
        if not native:
            entries.append('    NULL,')
            continue
        if (owner, name) not in impls:
            dt.die(f'{assembly}: native {owner}.{name} has no POSIX implementation in tools/nanoclr/can')
        entries.append(f'    {prefix}{impls[(owner, name)]},')
        bound.add((owner, name))
    if bound != set(impls):
        dt.die(f'{assembly}: natives not found in {pe}: {sorted(set(impls) - bound)}')
    v = NATIVE_VERSIONS.get(assembly, '1.0.0.0').split('.')
    return (f'// Generated by tools/nanoclr/canbench.py from {os.path.basename(pe)}: do not edit.\n'
            + ('#include "bmsguard_canbench_native.h"\n\n' if assembly == INJECTOR else '#include "can_posix.h"\n\n')
            + 'static const CLR_RT_MethodHandler method_lookup[] = {\n' + '\n'.join(entries) + '\n};\n\n'
            f'const CLR_RT_NativeAssemblyData {symbol} = {{"{assembly}", 0x{checksum:08X}, method_lookup, {{{", ".join(v)}}}}};\n')


def build_nanoclr(nfi, work, pes, say, arm=False, mcp=None):
    """The nanoCLR with the two native assemblies (arm: cross-built for ARM by armcount.py); pes: {assembly:
    .pe}. Rebuilt (incrementally) when the checkout, the patch, the natives or the generated tables change.
    mcp: (patch, cmake arguments, include directories) from mcpbench.nanoclr_parts, the SPI and GPIO natives
    on the emulated MCP2515s as well, in a build of its own."""
    gen = os.path.join(work, 'can-generated')
    os.makedirs(gen, exist_ok=True)
    tables = []
    for assembly, prefix, impls, symbol in (
            ('nanoFramework.Device.Can', LIBS[1][3], LIBS[1][4], 'g_CLR_AssemblyNative_nanoFramework_Device_Can'),
            (INJECTOR, INJECTOR_NATIVES[0], INJECTOR_NATIVES[1], 'g_CLR_AssemblyNative_BmsGuard_DeviceBench_Can')):
        path = os.path.join(gen, assembly.replace('.', '_') + '_table.cpp')
        text = native_table(pes[assembly], nfi, assembly, prefix, impls, symbol)
        if not os.path.exists(path) or open(path).read() != text:
            open(path, 'w').write(text)
        tables.append(path)
    # The driver as hardware/patches/ changes it for the NUCLEO image (GetMessage and the ring buffer), as a
    # header the driver includes: a -DCMAKE_CXX_FLAGS would replace the ARM toolchain's CPU flags.
    options = os.path.join(gen, 'can_driver_options.h')
    text = '#define BMSGUARD_CAN_GETMESSAGE_PATCH\n' if PATCHED_DRIVER else '// the stock driver\n'
    if DRIVER == 'batched':
        text += '#define BMSGUARD_CAN_EVENT_PER_BATCH\n'
    if DRIVER == 'drained':
        text += '#define BMSGUARD_CAN_EVENT_PER_DRAIN\n'
    if not os.path.exists(options) or open(options).read() != text:
        open(options, 'w').write(text)
    patch = mcp[0] if mcp else PATCH
    cmake = ['-DBMSGUARD_CAN_SOURCES=' + ';'.join(NATIVE_SOURCES + tables),
             '-DBMSGUARD_CAN_INCLUDE=' + ';'.join([CAN, gen] + (mcp[2] if mcp else []))] + (mcp[1] if mcp else [])
    if PATCHED_DRIVER:
        cmake.append('-DBMSGUARD_CAN_DRIVER=' + DRIVER)   # only to tell the builds apart in their stamps
    if arm:
        return armcount.build_nanoclr(nfi, work, say, dt.die, (patch, cmake))
    root = os.path.join(work, 'nanoclr-can' + ('' if DRIVER == 'stock' else '-' + DRIVER) + ('-mcp' if mcp else ''))
    exe = os.path.join(root, 'build', 'bin', 'nanoFramework.nanoCLR.test')
    head = dt.describe(nfi)
    h = hashlib.sha256(open(patch, 'rb').read() + open(dt.LP64_PATCH, 'rb').read() + ' '.join(cmake).encode()).hexdigest()[:16]   # a new patch or paths: configure again
    stamp = os.path.join(root, 'stamp')
    copy = os.path.join(root, 'src')
    log = os.path.join(root, 'build.log')
    if not (os.path.exists(stamp) and open(stamp).read() == f'{head} {h}'):
        say(f'[nanoclr-can] nf-interpreter {head} targets/posix with tools/nanoclr/can (cmake + ninja; minutes)')
        shutil.rmtree(copy, ignore_errors=True)
        shutil.rmtree(os.path.join(root, 'build'), ignore_errors=True)
        shutil.copytree(os.path.join(nfi, 'src'), os.path.join(copy, 'src'))
        shutil.copytree(os.path.join(nfi, 'targets', 'posix'), os.path.join(copy, 'targets', 'posix'))
        rc, _ = dt.run(['git', 'init', '-q'], log, cwd=copy)
        if rc == 0:
            rc, _ = dt.run(['git', 'apply', '--whitespace=nowarn', '--ignore-whitespace', dt.LP64_PATCH], log + '.patch', cwd=copy)
        if rc == 0:
            rc, _ = dt.run(['git', 'apply', '--whitespace=nowarn', patch], log + '.patch', cwd=copy)
        if rc == 0 and PATCHED_DRIVER:
            # The checkout's CRLF (its .gitattributes) is not copied: match the patch's context ignoring it.
            rc, _ = dt.run(['git', 'apply', '--whitespace=nowarn', '--ignore-whitespace', RING_PATCH], log + '.patch', cwd=copy)
        if rc != 0:
            dt.die(f'{os.path.basename(patch)} does not apply to nf-interpreter {head} (log {log}.patch)')
        rc, _ = dt.run(['cmake', '-S', os.path.join(copy, 'targets', 'posix'), '-B', os.path.join(root, 'build'), '-G', 'Ninja',
                        '-DCMAKE_BUILD_TYPE=Release'] + cmake, log + '.cmake')
        if rc != 0:
            dt.die(f'nanoCLR-can configure failed (log {log}.cmake)')
        open(stamp, 'w').write(f'{head} {h}')
    rc, _ = dt.run(['cmake', '--build', os.path.join(root, 'build')], log)
    if rc != 0 or not os.path.exists(exe):
        dt.die(f'nanoCLR-can build failed (log {log})')
    return exe
