#!/usr/bin/env python3
"""Checks nf-interpreter's HAL_RingBuffer with 24-byte elements, as the STM32 CAN driver uses it.

usage: ringbuffer_check.py NF_INTERPRETER_CHECKOUT

Takes the class out of src/HAL/Include/nanoHAL.h as it is in the checkout and as
hardware/patches/nf-interpreter-hal-ringbuffer.patch leaves it, compiles each with g++ into a small
program that pushes and pops 24-byte frames in uneven bursts inside a guarded region, and prints what
each wrote outside its storage and whether frames came out in order. Exit 0 when the patched class is
clean; the unpatched class's result is printed, not judged, so the script still passes once upstream
fixes it. Nothing is written to the checkout or the repository (work in a temporary directory).
"""
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATCH = os.path.join(REPO, 'hardware', 'patches', 'nf-interpreter-hal-ringbuffer.patch')
HEADER = os.path.join('src', 'HAL', 'Include', 'nanoHAL.h')

PRELUDE = """#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <cstdio>
static void *platform_malloc(size_t n) { return malloc(n); }
static void platform_free(void *p) { free(p); }
"""

# 16 frames of storage in the middle of a region filled with 0xEE: any other byte changed is a write
# outside the storage. Bursts of 1..16 pushes and pops wrap the ring at every offset.
HARNESS = """
// As ChibiOS's CANRxFrame on the STM32F7 build: 24 bytes, 8-aligned (its data union holds a uint64_t).
struct Frame { uint32_t a, b, c; union { uint8_t d[8]; uint64_t q; }; };
static_assert(sizeof(Frame) == 24, "a CANRxFrame's size");
int main()
{
    static Frame region[16 * 20];
    memset(region, 0xEE, sizeof region);
    Frame *storage = region + 16 * 2;
    HAL_RingBuffer<Frame> ring;
    ring.Initialize(storage, 16);
    unsigned next = 0, expect = 0, wrong = 0;
    for (int round = 0; round < 1000; round++)
    {
        int push = 1 + (round * 7) % 16, pop = 1 + (round * 5) % 16;
        for (int i = 0; i < push; i++)
        {
            Frame f;
            f.a = next; f.b = ~next; memset(f.d, (uint8_t)next, 8);
            if (ring.Push(f)) next++;
        }
        for (int i = 0; i < pop; i++)
        {
            Frame f;
            if (ring.Pop(&f, 1) != 1) break;
            if (f.a != expect || f.b != ~expect) wrong++;
            expect++;
        }
    }
    unsigned outside = 0;
    for (size_t i = 0; i < sizeof region; i++)
    {
        size_t frame = i / sizeof(Frame);
        if (frame >= 16 * 2 && frame < 16 * 3) continue;
        if (((uint8_t *)region)[i] != 0xEE) outside++;
    }
    printf("%u frames through, %u out of order, %u bytes written outside the storage\\n", next, wrong, outside);
    return (wrong || outside) ? 1 : 0;
}
"""


def ring_class(header_text):
    start = header_text.index('template <typename T> class HAL_RingBuffer')
    end = header_text.index('\n};\n', start) + 4
    return header_text[start:end]


def run_class(work, name, cls):
    src = os.path.join(work, name + '.cpp')
    exe = os.path.join(work, name)
    with open(src, 'w') as f:
        f.write(PRELUDE + cls + HARNESS)
    build = subprocess.run(['g++', '-O1', '-w', '-o', exe, src], capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f'ringbuffer_check: g++ failed on the {name} class:\n{build.stderr}')
    result = subprocess.run([exe], capture_output=True, text=True)
    if result.returncode < 0:
        # The stray writes went past the guard region itself: a crash is a fault too.
        return 1, f'ended by signal {-result.returncode}: it wrote beyond the {16 * 20}-frame region around its storage'
    return result.returncode, result.stdout.strip()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    checkout = sys.argv[1]
    with open(os.path.join(checkout, HEADER)) as f:
        original = f.read()
    with tempfile.TemporaryDirectory() as work:
        # The patch applies to a copy of the header, at its path, outside the checkout.
        os.makedirs(os.path.join(work, os.path.dirname(HEADER)))
        with open(os.path.join(work, HEADER), 'w') as f:
            f.write(original)
        subprocess.run(['git', 'init', '-q', work], check=True)
        applied = subprocess.run(['git', '-C', work, 'apply', PATCH], capture_output=True, text=True)
        if applied.returncode != 0:
            sys.exit(f'ringbuffer_check: the patch does not apply to {checkout}: {applied.stderr.strip()}')
        with open(os.path.join(work, HEADER)) as f:
            patched = f.read()
        rc_orig, out_orig = run_class(work, 'original', ring_class(original))
        rc_fixed, out_fixed = run_class(work, 'patched', ring_class(patched))
    print(f'as in the checkout: {out_orig}' + (' (faulty)' if rc_orig else ' (clean)'))
    print(f'with the patch:     {out_fixed}' + (' (faulty)' if rc_fixed else ' (clean)'))
    return 1 if rc_fixed else 0


if __name__ == '__main__':
    sys.exit(main())
