/*
 * count.c: a QEMU TCG plugin (linux-user) that counts the guest instructions a program executes
 * and records the running count at each write() to one file descriptor (stdout by default).
 * tools/nanoclr/armcount.py runs the cross-built nanoCLR under qemu-arm with it: the bench prints
 * `bench: start NAME` / `bench: end NAME ...` on stdout, so the count recorded at the write of the
 * end line minus the count at the start line is the phase's executed ARM instructions.
 *
 * Build: gcc -shared -fPIC -O2 -o count.so count.c
 * Run:   qemu-arm -plugin ./count.so,out=FILE[,fd=1][,profile=FILE2,from=A,to=B] PROGRAM ...
 * FILE gets one line per write to fd: `BYTES MAIN ALL`, BYTES the write's length (the runner maps
 * its stdout bytes onto the writes with it), MAIN the instructions of the first guest thread (the
 * nanoCLR runs the interpreter there) and ALL those of every thread (the posix nanoCLR also starts
 * a short-lived thread per timer, which the board does not).
 * With profile=FILE2 it also writes, at exit, `ADDRESS INSNS EXECUTIONS` for every translation
 * block executed between the A-th and the B-th write to fd (counted from 1; one phase of the bench),
 * for armcount.py to attribute the phase's instructions to the program's functions.
 *
 * Counting: each translation block, when it starts executing, adds its instruction count to the
 * executing thread's counter. A block that faults part-way is counted whole; in user mode that is
 * only at a signal, which the nanoCLR does not take. Thumb IT-block instructions whose condition
 * fails count as executed, as they take an issue slot on the Cortex-M7 too.
 *
 * The declarations below are QEMU's plugin API version 1 (include/qemu/qemu-plugin.h of QEMU
 * 4.2-8.0; Debian 12's QEMU 7.2 loads version 1 plugins), restated for the few calls used here so
 * that no QEMU source is needed to build the plugin.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;   /* only passed through */
struct qemu_plugin_tb;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };

typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_syscall_cb_t)(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num,
                                              uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                                              uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_syscall_cb_t cb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

/* One counter per guest thread (vCPU index; linux-user gives each thread its own). Slot 0 is the
 * first thread alone; later indexes share the other slots modulo, which only merges threads
 * that ALL sums anyway. Each slot is written by its own thread only, so no atomics are needed. */
#define SLOTS 1024
static uint64_t counts[SLOTS];
static FILE *out;
static int fd = 1;
static int64_t write_nr = 4;   /* write() on the ARM EABI; sys=N overrides for other guests */

/* The profile: one record per translation (a block translated again gets a second record; the
 * runner adds them up by address). Records are only added, under a lock, and never freed. */
struct block {
    uint64_t vaddr, insns, hits;
    struct block *next;
};
static struct block *blocks;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *profile;
static uint64_t from, to, nwrites;
static volatile int profiling;   /* set between the from-th and the to-th write */

static unsigned slot(unsigned int vcpu)
{
    return vcpu == 0 ? 0 : 1 + (vcpu - 1) % (SLOTS - 1);
}

static void tb_exec(unsigned int vcpu, void *n)
{
    counts[slot(vcpu)] += (uintptr_t)n;
}

static void tb_exec_profile(unsigned int vcpu, void *p)
{
    struct block *b = p;
    counts[slot(vcpu)] += b->insns;
    if (profiling) {
        __atomic_fetch_add(&b->hits, 1, __ATOMIC_RELAXED);
    }
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    if (!profile) {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                             (void *)(uintptr_t)qemu_plugin_tb_n_insns(tb));
        return;
    }
    struct block *b = calloc(1, sizeof *b);
    b->vaddr = qemu_plugin_tb_vaddr(tb);
    b->insns = qemu_plugin_tb_n_insns(tb);
    pthread_mutex_lock(&blocks_lock);
    b->next = blocks;
    blocks = b;
    pthread_mutex_unlock(&blocks_lock);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec_profile, QEMU_PLUGIN_CB_NO_REGS, b);
}

static uint64_t all(void)
{
    uint64_t sum = 0;
    for (int i = 0; i < SLOTS; i++) {
        sum += counts[i];   /* other threads' slots may be mid-update: off by one block at most */
    }
    return sum;
}

static void syscall_entry(qemu_plugin_id_t id, unsigned int vcpu, int64_t num, uint64_t a1, uint64_t a2,
                          uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8)
{
    (void)id; (void)vcpu; (void)a2; (void)a4; (void)a5; (void)a6; (void)a7; (void)a8;
    if (num == write_nr && (int)a1 == fd) {
        /* flushed at once: the runner may read the file while the bench is still running, and a
         * killed run keeps what it counted */
        fprintf(out, "%" PRIu64 " %" PRIu64 " %" PRIu64 "\n", a3, counts[0], all());
        fflush(out);
        nwrites++;
        profiling = profile && nwrites >= from && nwrites < to;
    }
}

static void at_exit(qemu_plugin_id_t id, void *p)
{
    (void)id; (void)p;
    fprintf(out, "exit %" PRIu64 " %" PRIu64 "\n", counts[0], all());
    fclose(out);
    if (profile) {
        pthread_mutex_lock(&blocks_lock);
        for (struct block *b = blocks; b; b = b->next) {
            if (b->hits) {
                fprintf(profile, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n", b->vaddr, b->insns, b->hits);
            }
        }
        pthread_mutex_unlock(&blocks_lock);
        fclose(profile);
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "out=", 4) == 0) {
            path = argv[i] + 4;
        } else if (strncmp(argv[i], "fd=", 3) == 0) {
            fd = atoi(argv[i] + 3);
        } else if (strncmp(argv[i], "sys=", 4) == 0) {
            write_nr = atoll(argv[i] + 4);
        } else if (strncmp(argv[i], "profile=", 8) == 0) {
            profile = fopen(argv[i] + 8, "w");
            if (!profile) {
                fprintf(stderr, "count.so: cannot write %s\n", argv[i] + 8);
                return -1;
            }
        } else if (strncmp(argv[i], "from=", 5) == 0) {
            from = strtoull(argv[i] + 5, NULL, 10);
        } else if (strncmp(argv[i], "to=", 3) == 0) {
            to = strtoull(argv[i] + 3, NULL, 10);
        } else {
            fprintf(stderr, "count.so: unknown argument %s (out=FILE, fd=N, sys=N, profile=FILE, from=N, to=N)\n", argv[i]);
            return -1;
        }
    }
    out = path ? fopen(path, "w") : NULL;
    if (!out) {
        fprintf(stderr, "count.so: needs out=FILE, a file it can write\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(id, syscall_entry);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
