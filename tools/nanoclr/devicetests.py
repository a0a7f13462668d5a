#!/usr/bin/env python3
"""devicetests.py [--bench] NF_INTERPRETER METADATA_PROCESSOR TESTFRAMEWORK SYSTEM_TEXT [WORK_DIR]

Runs the firmware core tests on nanoFramework's own interpreter, the POSIX nanoCLR of nf-interpreter
(targets/posix), from checkouts of nanoframework/nf-interpreter, /metadata-processor (v3.0.x),
/nanoFramework.TestFramework and /System.Text. Steps, each skipped when its output is newer than
its inputs: build the nanoCLR (cmake + ninja) and the MetadataProcessor (net10.0); compile
System.Text, TestFramework and UnitTestLauncher against nanoFramework.CoreLibrary 1.17.11 (NuGet)
and convert them to .pe; build firmware/netnano (Debug, as Visual Studio deploys) and convert the
firmware libraries and the NFUnitTest assemblies (DEVICETESTS_CONFIG=Release for a Release build); run each NFUnitTest assembly in its own nanoCLR
process and print every failed test, then `device tests: N passed, N failed, N skipped (K assemblies)`.
Exit 0 only with no failure and at least one pass. The nanoCLR test host exits 0 even after a link
failure or a crash, so its output decides: no `Ready.`, no `Done.`, no result line, an uncaught
exception, a non-zero exit or a timeout each count as one failure; so does a MetadataProcessor run
that printed an exception or wrote no .pe. --bench runs tools/nanoclr/DeviceBench (the per-frame
path, devicebench.py) instead of the tests; DEVICETESTS_BENCH=instructions counts its x86-64 instructions (callgrind),
DEVICETESTS_BENCH=arm its ARM Thumb-2 ones (armcount.py); DEVICETESTS_RUNTIME_EVENTS and
DEVICETESTS_DEVICE_CAN (git repositories of those nanoFramework libraries) add the receive path through
the real CAN library (canbench.py). Python 3 standard library only.
"""
import glob, os, re, shutil, subprocess, sys, time
sys.dont_write_bytecode = True   # no __pycache__ in the repository for the import below
import armcount   # noqa: E402  DEVICETESTS_BENCH=arm
import devicebench   # noqa: E402  --bench

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NETNANO = os.path.join(REPO, 'firmware', 'netnano')
CORELIB = os.path.expanduser('~/.nuget/packages/nanoframework.corelibrary/1.17.11/lib')
FIRMWARE = ['BmsGuard.Core', 'BmsGuard.Core.Telemetry', 'BmsGuard.Core.Owner', 'BmsGuard.Core.Diagnostics']
GROUPS = ['Core', 'Owner', 'Telemetry', 'Diagnostics']
RESULT = re.compile(r'^Test (passed|failed|skipped),([^,]*),(.*)$')
CONFIG = os.environ.get('DEVICETESTS_CONFIG', 'Debug')   # the firmware build: Debug is what Visual Studio deploys
TIMEOUT = int(os.environ.get('DEVICETESTS_TIMEOUT', '900'))   # seconds per test assembly
LIB_LANGVERSION = '10.0'   # from C# 11 on, embedded attribute types shift the method indexes natives bind by
# The heap compaction keeps its relocation offset in 32 bits unless _WIN64: on a 64-bit Linux host every pointer
# it moves comes out 4 GiB off, and the next collection follows one (SIGSEGV). 32-bit boards are not affected.
LP64_PATCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'nf-interpreter-posix-lp64-compaction.patch')


def say(msg):
    print(msg, flush=True)


def die(msg):
    say('device tests: ' + msg)
    sys.exit(2)


def run(args, log, cwd=None, env=None, timeout=None):
    with open(log, 'w') as f:
        try:
            r = subprocess.run(args, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, env=env, timeout=timeout)
            rc = r.returncode
        except subprocess.TimeoutExpired:
            rc = 'timeout'
    return rc, open(log, errors='replace').read()


def describe(checkout):
    r = subprocess.run(['git', '-C', checkout, 'describe', '--tags', '--always'], capture_output=True, text=True)
    return r.stdout.strip() or '?'


def newer(out, inputs):
    """True when out exists and is newer than every input file."""
    if not os.path.exists(out):
        return False
    t = os.path.getmtime(out)
    return all(os.path.getmtime(i) <= t for i in inputs)


def build_nanoclr(src, work):
    if os.environ.get('DEVICETESTS_NANOCLR'):
        return os.environ['DEVICETESTS_NANOCLR']   # a nanoCLR built before from the same checkout
    exe = os.path.join(work, 'nanoclr', 'bin', 'nanoFramework.nanoCLR.test')
    stamp = os.path.join(work, 'nanoclr.commit')
    head = describe(src) + ' ' + os.path.basename(LP64_PATCH)
    if os.path.exists(exe) and os.path.exists(stamp) and open(stamp).read() == head:
        return exe
    say(f'[nanoclr] building nf-interpreter {head} targets/posix (cmake + ninja; minutes)')
    log = os.path.join(work, 'nanoclr-build.log')
    copy = os.path.join(work, 'nanoclr-src')
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(os.path.join(work, 'nanoclr'), ignore_errors=True)
    patch_copy(src, copy, [LP64_PATCH], log)
    rc, _ = run(['cmake', '-S', os.path.join(copy, 'targets', 'posix'), '-B', os.path.join(work, 'nanoclr'),
                 '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release'], log)
    if rc == 0:
        rc, _ = run(['cmake', '--build', os.path.join(work, 'nanoclr')], log)
    if rc != 0 or not os.path.exists(exe):
        die(f'nanoCLR build failed (log {log})')
    open(stamp, 'w').write(head)
    return exe


def patch_copy(src, copy, patches, log):
    """src/ and targets/posix/ of an nf-interpreter checkout copied to copy/ (its own git repository, so that git apply
    patches it even inside another repository) with the patches applied; dies naming the one that does not apply."""
    shutil.copytree(os.path.join(src, 'src'), os.path.join(copy, 'src'))
    shutil.copytree(os.path.join(src, 'targets', 'posix'), os.path.join(copy, 'targets', 'posix'))
    rc, _ = run(['git', 'init', '-q'], log, cwd=copy)
    for patch in patches:
        if rc == 0:
            rc, _ = run(['git', 'apply', '--whitespace=nowarn', '--ignore-whitespace', patch], log + '.patch', cwd=copy)
        if rc != 0:
            die(f'{os.path.basename(patch)} does not apply to nf-interpreter {describe(src)} (log {log}.patch)')


def build_mdp(src, work):
    """MetadataProcessor v3.0.x as net10.0 projects; its skeleton/dump generators (mustache-sharp) are left out."""
    out = os.path.join(work, 'mdp', 'bin')
    dll = os.path.join(out, 'nanoFramework.Tools.MetadataProcessor.dll')
    stamp = os.path.join(work, 'mdp.commit')
    head = describe(src)
    if os.path.exists(dll) and os.path.exists(stamp) and open(stamp).read() == head:
        return dll
    say(f'[mdp] building MetadataProcessor {head}')
    copy = os.path.join(work, 'mdp', 'src')
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns('.git', 'bin', 'obj'))
    prog = os.path.join(copy, 'MetadataProcessor.Console', 'Program.cs')
    t = open(prog).read()
    for pattern, what in [(r'nanoDumperGenerator dumper = new nanoDumperGenerator\([^;]*\);\s*dumper\.DumpAll\(\);', '-dump_all'),
                          (r'var skeletonGenerator = new nanoSkeletonGenerator\([^;]*\);\s*skeletonGenerator\.GenerateSkeleton\(\);', '-generateskeleton')]:
        t, n = re.subn(pattern, f'throw new NotSupportedException("{what}: not in this build");', t, flags=re.S)
        if n != 1:
            die(f'MetadataProcessor source differs from v3.0.x ({what} call site not found in {prog})')
    open(prog, 'w').write(t)
    common = ('<TargetFramework>net10.0</TargetFramework><ImplicitUsings>disable</ImplicitUsings><Nullable>disable</Nullable>'
              '<GenerateAssemblyInfo>false</GenerateAssemblyInfo><TreatWarningsAsErrors>false</TreatWarningsAsErrors>'
              '<NuGetAudit>false</NuGetAudit><NoWarn>$(NoWarn);CA1416;CS0618;CS0168;CS0219;SYSLIB0011;NU1603;NU1903</NoWarn>')
    shared = os.path.join(copy, 'MetadataProcessor.Shared')
    os.makedirs(os.path.join(work, 'mdp', 'core'), exist_ok=True)
    os.makedirs(os.path.join(work, 'mdp', 'console'), exist_ok=True)
    open(os.path.join(work, 'mdp', 'core', 'Core.csproj'), 'w').write(f'''<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>{common}<AssemblyName>nanoFramework.Tools.MetadataProcessor.Core</AssemblyName>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Mono.Cecil" Version="0.11.6" />
    <PackageReference Include="System.Drawing.Common" Version="9.0.1" />
    <Compile Include="{shared}/**/*.cs" Exclude="{shared}/nanoSkeletonGenerator.cs;{shared}/nanoDumperGenerator.cs" />
  </ItemGroup>
</Project>
''')
    open(os.path.join(work, 'mdp', 'console', 'Console.csproj'), 'w').write(f'''<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>{common}<OutputType>Exe</OutputType><AssemblyName>nanoFramework.Tools.MetadataProcessor</AssemblyName>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems><OutputPath>{out}</OutputPath>
    <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath></PropertyGroup>
  <ItemGroup>
    <Compile Include="{copy}/MetadataProcessor.Console/Program.cs" />
    <ProjectReference Include="../core/Core.csproj" />
  </ItemGroup>
</Project>
''')
    log = os.path.join(work, 'mdp-build.log')
    rc, _ = run(['dotnet', 'build', os.path.join(work, 'mdp', 'console', 'Console.csproj'), '-c', 'Release', '-nologo', '-v', 'q'], log)
    if rc != 0 or not os.path.exists(dll):
        die(f'MetadataProcessor build failed (log {log})')
    open(stamp, 'w').write(head)
    return dll


def mdp(tool, dll, hints, log):
    """dll -> .pe next to it. Returns the .pe or None; the tool exits 0 even after an exception, so its output decides."""
    pe = os.path.splitext(dll)[0] + '.pe'
    if os.path.exists(pe):
        os.remove(pe)
    args = ['dotnet', tool]
    for name, path in hints.items():
        args += ['-loadHints', name, path]
    rc, text = run(args + ['-parse', dll, '-compile', pe, 'false'], log, cwd=os.path.dirname(dll))
    if rc != 0 or not os.path.exists(pe) or re.search(r'Exception|Unable to|Unhandled|overflow', text):
        return None
    return pe


def nfproj_sources(path):
    """Compile items of an .nfproj and of the shared projects it imports."""
    text = re.sub(r'<!--.*?-->', '', open(path).read(), flags=re.S)
    d = os.path.dirname(path)
    files = []
    for m in re.finditer(r'<Compile\s+Include="([^"]+)"', text):
        files += sorted(glob.glob(os.path.join(d, m.group(1).replace('\\', '/').replace('$(MSBuildThisFileDirectory)', '')), recursive=True))
    for m in re.finditer(r'<Import\s+Project="([^"]+\.projitems)"', text):
        files += nfproj_sources(os.path.normpath(os.path.join(d, m.group(1).replace('\\', '/'))))
    return list(dict.fromkeys(f for f in files if '/obj/' not in f and '/bin/' not in f))


def csc_path():
    sdk = subprocess.run(['dotnet', '--list-sdks'], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    m = re.match(r'(\S+) \[(.*)\]', sdk)
    return os.path.join(m.group(2), m.group(1), 'Roslyn', 'bincore', 'csc.dll')


def build_lib(checkout, nfproj_rel, name, refs, work, exe=False, tag=None):
    """Compiles a library from its checkout as its .nfproj lists it, versioned by the checkout's tag (or tag)."""
    nfproj = os.path.join(checkout, nfproj_rel)
    sources = nfproj_sources(nfproj)
    text = open(nfproj).read()
    tag = re.match(r'v?(\d+)\.(\d+)\.(\d+)', tag or describe(checkout))
    version = '.'.join(tag.groups()) + '.0' if tag else '1.0.0.0'
    bdir = os.path.join(work, 'lib', name)
    os.makedirs(bdir, exist_ok=True)
    out = os.path.join(bdir, name + ('.exe' if exe else '.dll'))
    if not any(re.search(r'\bAssemblyVersion\s*\(', open(s, errors='replace').read()) for s in sources):
        gen = os.path.join(bdir, 'Version.g.cs')
        open(gen, 'w').write(f'[assembly: System.Reflection.AssemblyVersion("{version}")]\n')
        sources.append(gen)
    if newer(out, sources + refs):
        return out
    args = ['dotnet', csc_path(), '-nologo', '-noconfig', '-nostdlib+', '-deterministic+', '-target:' + ('exe' if exe else 'library'),
            '-langversion:' + LIB_LANGVERSION, '-optimize+', '-debug:portable', '-define:TRACE;NANOFRAMEWORK_1_0',
            '-nowarn:1591,1701,1702,0436', '-out:' + out] + ['-reference:' + r for r in refs]
    if re.search(r'<AllowUnsafeBlocks>true', text):
        args.append('-unsafe+')
    key = re.search(r'<AssemblyOriginatorKeyFile>([^<]+)<', text)
    if key and re.search(r'<SignAssembly>true', text):
        args.append('-keyfile:' + os.path.join(os.path.dirname(nfproj), key.group(1).replace('\\', '/')))
    rc, log = run(args + sources, os.path.join(bdir, 'csc.log'))
    if rc != 0:
        die(f'{name}: compile failed:\n' + '\n'.join(l for l in log.splitlines() if ' error ' in l)[:3000])
    return out


def parse(rc, text):
    results = [RESULT.match(l.strip()).groups() for l in text.splitlines() if RESULT.match(l.strip())]
    crash = None
    if rc == 'timeout':
        crash = 'timed out'
    elif rc != 0:
        crash = f'nanoCLR exited with {rc}'
    elif 'Ready.' not in text:
        crash = 'never got Ready. (load or link failure)'
    elif re.search(r'Uncaught exception|Unhandled exception|\bASSERT\b|Fatal', text):
        crash = 'uncaught exception in the test launcher'
    elif 'Done.' not in text:
        crash = 'stopped before Done.'
    elif not results:
        crash = 'printed no test results'
    return results, crash


def main():
    do_bench = len(sys.argv) > 1 and sys.argv[1] == '--bench'
    if do_bench:
        del sys.argv[1]
    if len(sys.argv) not in (5, 6):
        say(__doc__)
        sys.exit(2)
    nfi, mdpsrc, tfw, stext = (os.path.abspath(a) for a in sys.argv[1:5])
    work = os.path.abspath(sys.argv[5]) if len(sys.argv) == 6 else os.path.join(REPO, 'out', 'devicetests')
    os.makedirs(work, exist_ok=True)
    arm = do_bench and os.environ.get('DEVICETESTS_BENCH') == 'arm'
    if arm and armcount.missing():
        die('DEVICETESTS_BENCH=arm needs ' + armcount.missing())
    t0 = time.time()
    say(f'[device tests] nf-interpreter {describe(nfi)}, metadata-processor {describe(mdpsrc)}, '
        f'TestFramework {describe(tfw)}, System.Text {describe(stext)}; BmsGuard {describe(REPO)}; work {work}')
    say(f'[build] firmware/netnano ({CONFIG})')
    rc, _ = run(['dotnet', 'build', os.path.join(NETNANO, 'Netnano.slnx'), '-c', CONFIG, '-nologo', '-v', 'q'],
                os.path.join(work, 'netnano-build.log'))
    if rc != 0:
        die(f'firmware/netnano does not build (log {work}/netnano-build.log)')
    nanoclr, prefix, counts = (armcount.prepare(nfi, work, say, die, not devicebench.canbench.enabled()) if arm
                               else (build_nanoclr(nfi, work), [], None))
    tool = build_mdp(mdpsrc, work)
    corlib = os.path.join(CORELIB, 'mscorlib.dll')
    text_dll = build_lib(stext, 'nanoFramework.System.Text/nanoFramework.System.Text.nfproj', 'nanoFramework.System.Text', [corlib], work)
    tf_dll = build_lib(tfw, 'source/TestFramework/nanoFramework.TestFramework.nfproj', 'nanoFramework.TestFramework', [corlib], work)
    ul_exe = build_lib(tfw, 'source/UnitTestLauncher/nanoFramework.UnitTestLauncher.nfproj', 'nanoFramework.UnitTestLauncher', [corlib, tf_dll], work, exe=True)
    hints = {'mscorlib': corlib, 'nanoFramework.System.Text': text_dll, 'nanoFramework.TestFramework': tf_dll}
    runtime = [os.path.join(CORELIB, 'mscorlib.pe')]
    for dll in (text_dll, tf_dll, ul_exe):
        pe = mdp(tool, dll, hints, dll + '.mdp.log')
        if not pe:
            die(f'MetadataProcessor failed on {dll} (log {dll}.mdp.log)')
        runtime.append(pe)
    failed, passed, skipped, failures = 0, 0, 0, []
    firmware_pes = []
    for name in FIRMWARE:
        src = glob.glob(os.path.join(NETNANO, name, 'bin', CONFIG, '*', name + '.dll'))[0]
        d = os.path.join(work, 'pe', name)
        os.makedirs(d, exist_ok=True)
        dll = shutil.copy(src, d)
        pe = mdp(tool, dll, hints, dll + '.mdp.log')
        if not pe:
            die(f'MetadataProcessor failed on {name} (log {dll}.mdp.log)')
        hints[name] = dll
        firmware_pes.append(pe)
    if do_bench:
        devicebench.bench(nanoclr, tool, hints, runtime[:2], firmware_pes[:4], work, (prefix, counts) if arm else None, nfi)
        return
    for group in GROUPS:
        src = glob.glob(os.path.join(NETNANO, 'NFUnitTest.' + group, 'bin', CONFIG, '*', 'NFUnitTest.dll'))[0]
        d = os.path.join(work, 'pe', 'NFUnitTest.' + group)
        os.makedirs(d, exist_ok=True)
        dll = shutil.copy(src, d)
        pe = mdp(tool, dll, hints, dll + '.mdp.log')
        if not pe:
            failed += 1
            failures.append(f'NFUnitTest.{group}: MetadataProcessor failed (log {dll}.mdp.log)')
            continue
        t1 = time.time()
        rc, text = run([nanoclr] + runtime + firmware_pes + [pe], os.path.join(d, 'run.log'), cwd=d, timeout=TIMEOUT)
        results, crash = parse(rc, text)
        n = {k: sum(1 for r in results if r[0] == k) for k in ('passed', 'failed', 'skipped')}
        passed += n['passed']
        skipped += n['skipped']
        failed += n['failed'] + (1 if crash else 0)
        failures += [f'{r[1]}: {r[2]}' for r in results if r[0] == 'failed']
        if crash:
            failures.append(f'NFUnitTest.{group}: {crash} (log {d}/run.log)')
        say(f'[run] NFUnitTest.{group}: {n["passed"]} passed, {n["failed"]} failed, {n["skipped"]} skipped'
            f'{" — " + crash if crash else ""} in {time.time() - t1:.1f}s')
    for f in failures:
        say('FAILED ' + f)
    say(f'[device tests] total {time.time() - t0:.1f}s')
    say(f'device tests: {passed} passed, {failed} failed, {skipped} skipped ({len(GROUPS)} assemblies)')
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == '__main__':
    main()
