#!/usr/bin/env python3
"""regenerate.py CACHE_DIR [ASSEMBLY...]

Rewrites firmware/reference/<assembly>/ from the libraries built from nanoFramework's own sources into CACHE_DIR/lib
(by the nanoclr-bench pipeline's setup.sh, which is not part of this repository; docs/device.md):
the public surface as C# (tools/RefSource) and a project that compiles it against nanoFramework's
mscorlib and the reference projects of the library's own dependencies.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, 'firmware', 'reference')
SKIP = {'mscorlib', 'nanoFramework.UnitTestLauncher'}

PROJECT = '''<Project Sdk="Microsoft.NET.Sdk">
  <!--
    Reference assembly of {asm} {version} (package {package} {wanted}{note}): its public surface,
    written by tools/RefSource from the assembly built from nanoframework's sources at {tag} ({commit}).
    Every body throws; it is compiled only so that firmware code compiles against the real surface.
  -->
  <PropertyGroup>
    <NanoLangVersion>10.0</NanoLangVersion>
    <AssemblyName>{asm}</AssemblyName>
  </PropertyGroup>
  <Import Project="../../netnano/Netnano.props" />
  <PropertyGroup>
    <!-- stub events are never raised; CLSCompliant marks are copied as the library has them -->
    <NoWarn>$(NoWarn);CS0067;CS3021</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="*.cs" />
  </ItemGroup>
{refs}</Project>
'''


def main():
    cache = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    manifest = json.load(open(os.path.join(cache, 'lib', 'manifest.json')))
    subprocess.run(['dotnet', 'build', '-c', 'Release', '-v', 'q', '-nologo', HERE], check=True)
    tool = os.path.join(HERE, 'bin', 'Release', 'net10.0', 'RefSource.dll')
    for e in manifest:
        asm = e['assembly']
        if asm in SKIP or (only and asm not in only):
            continue
        folder = os.path.join(OUT, asm)
        subprocess.run(['dotnet', tool, e['dll'], folder, os.path.join(cache, 'lib')], check=True)
        refs = ''.join(f'    <ProjectReference Include="../{d}/{d}.csproj" />\n' for d in e['deps'])
        refs = f'  <ItemGroup>\n{refs}  </ItemGroup>\n' if refs else ''
        note = '' if e['version'].startswith(e['wanted']) else f'; built from {e["version"]}, the newest the sources tag'
        with open(os.path.join(folder, asm + '.csproj'), 'w') as f:
            f.write(PROJECT.format(asm=asm, version=e['version'], package=e['package'], wanted=e['wanted'],
                                   note=note, tag=e['tag'] or 'HEAD', commit=e['commit'][:10], refs=refs))


if __name__ == '__main__':
    main()
