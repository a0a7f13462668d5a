#!/usr/bin/env python3
"""Checks the NUCLEO's littlefs flash driver against a model of the W25Q128JV, on the host.

usage: littlefs_flash_check.py LITTLEFS_SOURCE_DIR      (littlefs v2.11.2, the version nf-interpreter uses)

Takes target_littlefs.c and target_littlefs.h out of hardware/patches/nf-community-targets-nucleo-littlefs.patch,
compiles them with gcc against stand-ins for the ChibiOS calls they make (spiSend, spiReceive, the chip
select pad, the system time) and a model of the chip, and runs littlefs on top with the configuration
nf-interpreter's hal_littlefs.c gives instance 0 (LFS0_* of target_littlefs.h). The model follows the
W25Q128JV's rules for what the driver uses: 0x9F answers EF 40 18; 0x02 and 0x20/0xD8 need a 0x06 first;
a program only clears bits and wraps inside its 256-byte page; the chip stays busy for a few status reads
after a program or erase and takes no other command meanwhile; 0x03 streams from any address. Every
breach is counted. Then, as the guard uses the volume: format and mount on a blank chip, write the
guard's 13 files, append to the audit log 400 times, remount, read everything back; a chip erase; and a
board without the chip (MISO pulled up), which must leave the volume off rather than hang.

This checks the driver's command sequences and littlefs' use of it, not the SPI peripheral, DMA, the
pins or the chip's timing. Exit 0 when every check passes. Nothing is written to the repository.
"""
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATCH = os.path.join(REPO, 'hardware', 'patches', 'nf-community-targets-nucleo-littlefs.patch')
TARGET = 'ChibiOS/ST_NUCLEO144_F767ZI/'

# Stand-ins for the headers target_littlefs.c/.h include. Only what the driver calls.
STUBS = {
    'hal.h': r'''
#pragma once
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
typedef struct { int unused; } SPIDriver;
typedef struct { bool circular; bool slave; void *data_cb; void *error_cb; uint16_t cr1; uint16_t cr2; } SPIConfig;
typedef int ioportid_t;
extern SPIDriver SPID4;
#define GPIOE 4
#define SPI_CR1_BR_1 0x10u
#define SPI_CR2_DS_0 0x100u
#define SPI_CR2_DS_1 0x200u
#define SPI_CR2_DS_2 0x400u
#define PAL_MODE_OUTPUT_PUSHPULL 1u
#define PAL_MODE_ALTERNATE(n) (0x100u | (n))
#define PAL_STM32_OSPEED_HIGHEST 0x1000u
#define PAL_STM32_PUPDR_PULLUP 0x2000u
#define CACHE_LINE_SIZE 0
#define cacheBufferFlush(a, n) ((void)(a), (void)(n))
#define cacheBufferInvalidate(a, n) ((void)(a), (void)(n))
#define __DSB() ((void)0)
void spiAcquireBus(SPIDriver *d);
void spiReleaseBus(SPIDriver *d);
void spiStart(SPIDriver *d, const SPIConfig *c);
void spiSend(SPIDriver *d, size_t n, const void *buf);
void spiReceive(SPIDriver *d, size_t n, void *buf);
void palSetPad(int port, unsigned pad);
void palClearPad(int port, unsigned pad);
void palSetPadMode(int port, unsigned pad, unsigned mode);
''',
    'ch.h': r'''
#pragma once
#include <stdint.h>
typedef uint32_t systime_t;
typedef uint32_t sysinterval_t;
systime_t chVTGetSystemTimeX(void);
sysinterval_t chVTTimeElapsedSinceX(systime_t start);
#define TIME_MS2I(ms) ((sysinterval_t)(ms))
void chThdSleepMilliseconds(uint32_t ms);
''',
    'cache.h': '#pragma once\n',
    'nanoHAL_v2.h': '#pragma once\nvoid Watchdog_Reset(void);\n',
    'hal_littlefs.h': '#pragma once\n#include <lfs.h>\nint8_t target_lfs_init();\n',
}

MODEL_AND_TEST = r'''
#include <stdio.h>
#include <stdlib.h>
#include <ch.h>
#include <hal.h>
#include <target_littlefs.h>
#include <hal_littlefs.h>

SPIDriver SPID4;

/* ---- W25Q128JV model ---- */
#define SIZE (16u * 1024u * 1024u)
static uint8_t mem[SIZE];
static int present = 1;
static int cs_low = 0, busy = 0, wel = 0, acquired = 0, started = 0;
static uint8_t cmd; static uint32_t nbytes, addr, page_base, page_off;
static long breaches, programs, erases, block_erases, cross_page;
static long mode_set[8];

static void breach(const char *what) { if (breaches < 10) printf("  breach: %s (cmd %02X)\n", what, cmd); breaches++; }

void spiAcquireBus(SPIDriver *d) { (void)d; if (acquired) breach("bus acquired twice"); acquired = 1; }
void spiReleaseBus(SPIDriver *d) { (void)d; if (!acquired) breach("bus released while free"); acquired = 0; started = 0; }
void spiStart(SPIDriver *d, const SPIConfig *c)
{
    (void)d;
    if (!acquired) breach("spiStart without the bus");
    if (c->cr1 != SPI_CR1_BR_1 || c->cr2 != (SPI_CR2_DS_2 | SPI_CR2_DS_1 | SPI_CR2_DS_0)) breach("SPI config");
    started = 1;
}
void palSetPadMode(int port, unsigned pad, unsigned mode) { if (port == GPIOE && pad < 8) mode_set[pad] = mode; }

static void finish(void)   /* chip select rises */
{
    if (!present) return;
    if (cmd == 0x06 && nbytes == 1) { if (busy) breach("write enable while busy"); wel = 1; }
    else if (cmd == 0x02 && nbytes >= 4)
    {
        if (!wel) breach("page program without write enable");
        if (nbytes - 4 > 256) breach("page program longer than a page");
        wel = 0; busy = 3; programs++;
    }
    else if ((cmd == 0x20 || cmd == 0xD8) && nbytes == 4)
    {
        uint32_t size = cmd == 0x20 ? 4096u : 65536u;
        if (!wel) breach("erase without write enable");
        else memset(mem + (addr & ~(size - 1)), 0xFF, size);
        wel = 0; busy = cmd == 0x20 ? 5 : 8;
        if (cmd == 0x20) erases++; else block_erases++;
    }
    else if ((cmd == 0x20 || cmd == 0xD8 || cmd == 0x02) && nbytes < 4) breach("address cut short");
}

static uint8_t xfer(uint8_t out)
{
    uint8_t in = 0xFF;   /* MISO pulled up */
    if (!cs_low) { breach("clock with chip select high"); return in; }
    if (!present) return in;
    if (nbytes == 0)
    {
        cmd = out;
        if (busy && cmd != 0x05) breach("command while busy");
    }
    else
    {
        switch (cmd)
        {
            case 0x9F: { static const uint8_t id[3] = {0xEF, 0x40, 0x18}; in = nbytes <= 3 ? id[nbytes - 1] : 0xFF; break; }
            case 0x05: in = (uint8_t)((busy ? 1 : 0) | (wel ? 2 : 0)); if (busy) busy--; break;
            case 0x03: case 0x02: case 0x20: case 0xD8:
                if (nbytes <= 3) { addr = (addr << 8) | out; if (nbytes == 3) { addr &= SIZE - 1; page_base = addr & ~255u; page_off = addr & 255u; } }
                else if (cmd == 0x03) { in = mem[addr]; addr = (addr + 1) & (SIZE - 1); }
                else if (cmd == 0x02)
                {
                    /* the chip wraps inside the page; a driver must not send past its end */
                    if ((addr & 255u) + (nbytes - 4) >= 256u) { cross_page++; breach("program crosses a page boundary"); }
                    uint32_t a = page_base + page_off;
                    if ((mem[a] & out) != out) breach("program sets a bit an erase did not");
                    mem[a] &= out;
                    page_off = (page_off + 1) & 255u;
                }
                break;
            default: break;
        }
    }
    nbytes++;
    return in;
}

void spiSend(SPIDriver *d, size_t n, const void *buf)
{
    (void)d; if (!started) breach("send on a stopped driver");
    for (size_t i = 0; i < n; i++) xfer(((const uint8_t *)buf)[i]);
}
void spiReceive(SPIDriver *d, size_t n, void *buf)
{
    (void)d; if (!started) breach("receive on a stopped driver");
    for (size_t i = 0; i < n; i++) ((uint8_t *)buf)[i] = xfer(0xFF);
}
void palClearPad(int port, unsigned pad)
{
    if (port != GPIOE || pad != 4) { breach("chip select on another pin"); return; }
    if (cs_low) breach("chip select lowered twice");
    cs_low = 1; nbytes = 0; addr = 0;
}
void palSetPad(int port, unsigned pad)
{
    if (port != GPIOE || pad != 4) { breach("chip select on another pin"); return; }
    if (cs_low) finish();
    cs_low = 0;
}

static systime_t now;
systime_t chVTGetSystemTimeX(void) { return now; }
sysinterval_t chVTTimeElapsedSinceX(systime_t start) { now++; return now - start; }
void chThdSleepMilliseconds(uint32_t ms) { now += ms; }
static long watchdog;
void Watchdog_Reset(void) { watchdog++; }

/* ---- littlefs as nf-interpreter's hal_littlefs.c configures instance 0 ---- */
static lfs_t lfs;
static struct lfs_config cfg;
static int failures;
#define CHECK(c, what) do { if (!(c)) { printf("  FAIL: %s\n", what); failures++; } } while (0)

static void configure(void)
{
    memset(&cfg, 0, sizeof cfg);
    cfg.read = LFS0_READ_HANDLER; cfg.prog = LFS0_PROG_HANDLER; cfg.erase = LFS0_ERASE_HANDLER; cfg.sync = LFS0_SYNC_HANDLER;
    cfg.read_size = LFS0_READ_SIZE; cfg.prog_size = LFS0_PROG_SIZE; cfg.block_size = LFS0_BLOCK_SIZE;
    cfg.block_count = LFS0_BLOCK_COUNT; cfg.block_cycles = LFS0_BLOCK_CYCLES; cfg.cache_size = LFS0_CACHE_SIZE;
    cfg.lookahead_size = LFS0_LOOKAHEAD_SIZE;
    cfg.inline_max = -1; cfg.attr_max = sizeof(uint32_t); cfg.metadata_max = 0; cfg.compact_thresh = -1;
}

static const char *names[13] = {
    "bmsguard-identity.bin", "bmsguard-owner.bin", "bmsguard-state.a", "bmsguard-state.b", "bmsguard-anchor.bin",
    "bmsguard-audit.log", "bmsguard-audit-head.bin", "bmsguard-policy.bin", "bmsguard-policy-anchor.bin",
    "bmsguard-uplink.0", "bmsguard-uplink.1", "bmsguard-secoc.bin", "bmsguard-secoc-fresh.bin"};
static const int sizes[13] = {96, 64, 700, 700, 40, 0, 48, 1500, 40, 300, 300, 64, 32};

static uint8_t pattern(int file, long i) { return (uint8_t)(file * 37 + i * 11 + (i >> 8)); }

int main(void)
{
    memset(mem, 0xFF, sizeof mem);
    for (long i = 0; i < (long)SIZE; i += 4099) mem[i] = 0x5A;  /* not blank: littlefs must format */

    printf("init with the chip present\n");
    target_lfs_init();
    CHECK(g_lfsFlashDetected, "JEDEC ID EF 40 18 detected");
    CHECK(!cs_low && !acquired, "chip select high and bus free after init");
    CHECK(mode_set[2] == (PAL_MODE_ALTERNATE(5) | PAL_STM32_OSPEED_HIGHEST), "PE2 on AF5");
    CHECK((mode_set[5] & 0xFFu) == 5 && (mode_set[5] & PAL_STM32_PUPDR_PULLUP), "PE5 on AF5, pulled up");
    CHECK(mode_set[6] == (PAL_MODE_ALTERNATE(5) | PAL_STM32_OSPEED_HIGHEST), "PE6 on AF5");
    CHECK(mode_set[4] == (PAL_MODE_OUTPUT_PUSHPULL | PAL_STM32_OSPEED_HIGHEST), "PE4 a push-pull output");

    printf("mount a blank chip: format, mount (hal_lfs_mount_partition)\n");
    configure();
    int err = lfs_mount(&lfs, &cfg);
    CHECK(err != 0, "first mount fails on an unformatted chip");
    CHECK(lfs_format(&lfs, &cfg) == 0, "format");
    CHECK(lfs_mount(&lfs, &cfg) == 0, "mount after format");

    printf("write the guard's files, append to the audit log 400 times\n");
    for (int f = 0; f < 13; f++)
    {
        lfs_file_t file;
        CHECK(lfs_file_open(&lfs, &file, names[f], LFS_O_WRONLY | LFS_O_CREAT | LFS_O_TRUNC) == 0, "open for write");
        for (long i = 0; i < sizes[f]; i++) { uint8_t b = pattern(f, i); lfs_file_write(&lfs, &file, &b, 1); }
        CHECK(lfs_file_close(&lfs, &file) == 0, "close");
    }
    long auditLength = 0;
    for (int r = 0; r < 400; r++)
    {
        lfs_file_t file;
        uint8_t record[150];
        int len = 90 + r % 60;
        for (int i = 0; i < len; i++) record[i] = pattern(5, auditLength + i);
        CHECK(lfs_file_open(&lfs, &file, names[5], LFS_O_WRONLY | LFS_O_APPEND) == 0, "open audit log");
        CHECK(lfs_file_write(&lfs, &file, record, len) == len, "append");
        CHECK(lfs_file_close(&lfs, &file) == 0, "close audit log");
        auditLength += len;
        /* the state files are rewritten with each record */
        CHECK(lfs_file_open(&lfs, &file, names[2 + r % 2], LFS_O_WRONLY | LFS_O_TRUNC) == 0, "rewrite state");
        for (long i = 0; i < sizes[2]; i++) { uint8_t b = pattern(2 + r % 2, i); lfs_file_write(&lfs, &file, &b, 1); }
        CHECK(lfs_file_close(&lfs, &file) == 0, "close state");
    }
    CHECK(lfs_unmount(&lfs) == 0, "unmount");

    printf("remount and read back\n");
    CHECK(lfs_mount(&lfs, &cfg) == 0, "remount");
    for (int f = 0; f < 13; f++)
    {
        lfs_file_t file;
        long expected = f == 5 ? auditLength : sizes[f];
        static uint8_t buf[80000];
        CHECK(lfs_file_open(&lfs, &file, names[f], LFS_O_RDONLY) == 0, "open for read");
        lfs_ssize_t got = lfs_file_read(&lfs, &file, buf, sizeof buf);
        CHECK(got == expected, "file length");
        long bad = 0;
        for (long i = 0; i < got; i++) if (buf[i] != pattern(f, i)) bad++;
        CHECK(bad == 0, "file contents");
        lfs_file_close(&lfs, &file);
    }
    lfs_unmount(&lfs);
    printf("  %ld page programs, %ld sector erases, audit log %ld bytes\n", programs, erases, auditLength);

    printf("chip erase (hal_lfs_erase_chip_0)\n");
    long before = block_erases;
    CHECK(hal_lfs_erase_chip_0(), "chip erase returns true");
    CHECK(block_erases - before == 256, "256 64 KB block erases");
    long notBlank = 0;
    for (long i = 0; i < (long)SIZE; i++) if (mem[i] != 0xFF) notBlank++;
    CHECK(notBlank == 0, "chip blank after erase");

    printf("no chip on the bus\n");
    present = 0; busy = 0; wel = 0;
    target_lfs_init();
    CHECK(!g_lfsFlashDetected, "volume left off without the chip");
    systime_t t0 = now;
    CHECK(hal_lfs_erase_0(&cfg, 0) == LFS_ERR_IO, "an erase without the chip fails after the timeout");
    CHECK(now - t0 > LFS_SPI_TIMEOUT_MS - 10 && now - t0 < LFS_SPI_TIMEOUT_MS + 10, "timeout about 4 s");
    CHECK(!cs_low && !acquired, "chip select high and bus free after the timeout");

    printf("model breaches: %ld, page-boundary crossings: %ld\n", breaches, cross_page);
    CHECK(breaches == 0, "no breach of the chip's rules");
    printf(failures == 0 ? "PASS\n" : "FAILED: %d\n", failures);
    return failures == 0 && breaches == 0 ? 0 : 1;
}
'''


def new_file_from_patch(patch_text, path):
    """The content of a file the patch adds (its '+' lines)."""
    marker = 'diff --git a/%s b/%s\n' % (path, path)
    start = patch_text.index(marker)
    end = patch_text.find('\ndiff --git ', start + 1)
    block = patch_text[start:end if end != -1 else len(patch_text)]
    hunk = block[block.index('\n@@ ') + 1:]
    lines = hunk.split('\n')[1:]
    return '\n'.join(l[1:] for l in lines if l.startswith('+')) + '\n'


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    lfs_src = sys.argv[1]
    if not os.path.isfile(os.path.join(lfs_src, 'lfs.c')):
        print('no lfs.c in %s' % lfs_src)
        return 2
    patch_text = open(PATCH, encoding='utf-8').read().replace('\r\n', '\n')
    with tempfile.TemporaryDirectory() as tmp:
        inc = os.path.join(tmp, 'include')
        os.mkdir(inc)
        for name, text in STUBS.items():
            open(os.path.join(inc, name), 'w').write(text)
        for name in ('target_littlefs.c', 'target_littlefs.h'):
            open(os.path.join(inc if name.endswith('.h') else tmp, name), 'w').write(
                new_file_from_patch(patch_text, TARGET + name))
        open(os.path.join(tmp, 'test.c'), 'w').write(MODEL_AND_TEST)
        exe = os.path.join(tmp, 'check')
        cmd = ['gcc', '-std=gnu11', '-O1', '-Wall', '-Wextra', '-Wno-unused-parameter',
               '-I', inc, '-I', lfs_src, '-DLFS_NO_DEBUG', '-DLFS_NO_WARN', '-DLFS_NO_ERROR',
               os.path.join(tmp, 'target_littlefs.c'), os.path.join(tmp, 'test.c'),
               os.path.join(lfs_src, 'lfs.c'), os.path.join(lfs_src, 'lfs_util.c'), '-o', exe]
        subprocess.run(cmd, check=True)
        return subprocess.run([exe]).returncode


if __name__ == '__main__':
    sys.exit(main())
