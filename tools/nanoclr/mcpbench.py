"""mcpbench.py: the ESP32 board's receive path for devicebench.py: the firmware's Mcp2515Bridge over the real
System.Device.Spi and System.Device.Gpio on two emulated MCP2515s. Python 3 standard library only.

DEVICETESTS_SPI_GPIO=SPI_REPO,GPIO_REPO names git repositories (bare, or a checkout's) of
nanoframework/System.Device.Spi and nanoframework/System.Device.Gpio; it needs the CAN library build as well
(DEVICETESTS_RUNTIME_EVENTS, DEVICETESTS_DEVICE_CAN; canbench.py), whose Runtime.Events the GPIO events go
through. The versions firmware/BmsGuard.Esp32/packages.config pins are taken out of them (git archive, into
WORK_DIR; nothing fetched enters the repository) and compiled as canbench.py compiles its libraries (C# 10:
natives bind by method index). The nanoCLR is the CAN build's with tools/nanoclr/mcp on top
(nf-interpreter-posix-mcp.patch): nf-interpreter's own natives of the two libraries in place of the POSIX
stubs, over a CPU layer whose SPI bus holds two MCP2515s emulated after host-sim/Mcp2515Emulation and whose
GPIO inputs are their INT pins (mcp/mcp2515_posix.cpp), and the bench's injector (BmsGuard.DeviceBench.Mcp).
The method tables are generated from the .pe files: the libraries' natives are those of nf-interpreter's
tables (src/System.Device.*/sys_dev_*_native.cpp), matched in order and by name.
"""
import os, re
import canbench
import devicetests as dt

HERE = os.path.dirname(os.path.abspath(__file__))
MCP = os.path.join(HERE, 'mcp')
PATCH = os.path.join(MCP, 'nf-interpreter-posix-mcp.patch')
SOURCES = [os.path.join(MCP, f) for f in ('mcp2515_chip.cpp', 'mcp2515_bus.cpp', 'mcp2515_posix.cpp')]
PACKAGES = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'firmware', 'BmsGuard.Esp32', 'packages.config')
INJECTOR = 'BmsGuard.DeviceBench.Mcp'
INJECTOR_DLL = os.path.join(MCP, 'McpBench', 'bin', 'Release', 'netstandard2.0', INJECTOR + '.dll')
INJECTOR_NATIVES = ('Library_bmsguard_mcpbench_native_BmsGuard_DeviceBench_Mcp_',
                    {('McpInjector', 'Wire'): 'McpInjector::Wire___STATIC__VOID__I4__I4__I4',
                     ('McpInjector', 'Load'): 'McpInjector::Load___STATIC__VOID__SZARRAY_U4__SZARRAY_U1__SZARRAY_U1',
                     ('McpInjector', 'Inject'): 'McpInjector::Inject___STATIC__I4__I4__I4',
                     ('McpInjector', 'Pending'): 'McpInjector::Pending___STATIC__I4__I4',
                     ('McpInjector', 'Stat'): 'McpInjector::Stat___STATIC__I4__I4__I4'})
# (assembly, index in DEVICETESTS_SPI_GPIO, .nfproj, nf-interpreter's table, its header, table symbol)
LIBS = [
    ('System.Device.Gpio', 1, 'System.Device.Gpio/System.Device.Gpio.nfproj', 'src/System.Device.Gpio/sys_dev_gpio_native.cpp',
     'sys_dev_gpio_native.h', 'g_CLR_AssemblyNative_System_Device_Gpio'),
    ('System.Device.Spi', 0, 'System.Device.Spi/System.Device.Spi.nfproj', 'src/System.Device.Spi/sys_dev_spi_native.cpp',
     'sys_dev_spi_native.h', 'g_CLR_AssemblyNative_System_Device_Spi'),
]


def enabled():
    """True when DEVICETESTS_SPI_GPIO names both repositories (the bench then runs the mcp phases)."""
    return len([r for r in os.environ.get('DEVICETESTS_SPI_GPIO', '').split(',') if r]) == 2


def build_libs(work, tool, hints):
    """The pinned Gpio and Spi from their sources, against the CAN build's Runtime.Events: [(assembly, dll, pe)]."""
    repos = os.environ['DEVICETESTS_SPI_GPIO'].split(',')
    corlib = os.path.join(dt.CORELIB, 'mscorlib.dll')
    out = []
    for assembly, index, nfproj, _, _, _ in LIBS:
        tag = 'v' + canbench.pinned('nanoFramework.' + assembly, PACKAGES)
        out.append(canbench.build_pinned(repos[index], 'DEVICETESTS_SPI_GPIO', os.path.join(work, 'mcp-src'), nfproj, assembly, tag,
                                         [corlib, hints['nanoFramework.Runtime.Events']] + [dll for _, dll, _ in out],
                                         work, tool, hints))
    return out


def _library_table(pe, nfi, assembly, checkout_table, header, symbol):
    """The method table of a library's natives for its .pe: nf-interpreter's own entries, in the .pe's order."""
    checksum, methods = canbench.pe_methods(pe, nfi)
    theirs = re.findall(r'^\s*(Library_\w+::(\w+?)___\w*),', open(os.path.join(nfi, checkout_table), errors='replace').read(), re.M)
    entries, k = [], 0
    for owner, name, native in methods:
        if not native:
            entries.append('    NULL,')
            continue
        if k >= len(theirs) or theirs[k][1] != name or not theirs[k][0].split('::')[0].endswith('_' + owner):
            dt.die(f'{assembly}: native {owner}.{name} of {pe} is not the next one of nf-interpreter\'s {checkout_table}'
                   f' ({theirs[k][0] if k < len(theirs) else "none left"})')
        entries.append(f'    {theirs[k][0]},')
        k += 1
    if k != len(theirs):
        dt.die(f'{assembly}: nf-interpreter\'s {checkout_table} has natives the .pe lacks: {[t[0] for t in theirs[k:]]}')
    v = canbench.NATIVE_VERSIONS.get(assembly, '1.0.0.0').split('.')
    return (f'// Generated by tools/nanoclr/mcpbench.py from {os.path.basename(pe)}: do not edit.\n#include "{header}"\n\n'
            'static const CLR_RT_MethodHandler method_lookup[] = {\n' + '\n'.join(entries) + '\n};\n\n'
            f'const CLR_RT_NativeAssemblyData {symbol} = {{"{assembly}", 0x{checksum:08X}, method_lookup, {{{", ".join(v)}}}}};\n')


def nanoclr_parts(nfi, work, pes):
    """(patch, cmake arguments, include directories) that canbench.build_nanoclr adds: the tables written into
    WORK_DIR/mcp-generated, the CAN patch with this one after it (one file: armcount.py applies one)."""
    gen = os.path.join(work, 'mcp-generated')
    os.makedirs(gen, exist_ok=True)
    tables = []
    for assembly, _, _, table, header, symbol in LIBS:
        tables.append((assembly, _library_table(pes[assembly], nfi, assembly, table, header, symbol)))
    text = canbench.native_table(pes[INJECTOR], nfi, INJECTOR, INJECTOR_NATIVES[0], INJECTOR_NATIVES[1],
                                 'g_CLR_AssemblyNative_BmsGuard_DeviceBench_Mcp')
    text = text.replace('canbench.py', 'mcpbench.py', 1)
    tables.append((INJECTOR, re.sub(r'#include "[^"]+"', '#include "mcp2515_posix.h"', text, count=1)))
    paths = []
    for assembly, text in tables:
        path = os.path.join(gen, assembly.replace('.', '_') + '_table.cpp')
        if not os.path.exists(path) or open(path).read() != text:
            open(path, 'w').write(text)
        paths.append(path)
    combined = os.path.join(gen, 'nf-interpreter-posix-can-mcp.patch')
    data = open(canbench.PATCH, 'rb').read() + b'\n' + open(PATCH, 'rb').read()   # bytes: the context lines' CRLF
    if not os.path.exists(combined) or open(combined, 'rb').read() != data:
        open(combined, 'wb').write(data)
    return combined, ['-DBMSGUARD_SPI_GPIO_SOURCES=' + ';'.join(SOURCES + paths)], [MCP, gen]
