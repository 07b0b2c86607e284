/*
 * The process heap in transparent huge pages.
 *
 * Why: a command that reads rows across a large plan fills SQLite's page
 * cache (one malloc of ~4.3 KB per page read) and prepares a large
 * statement. Each fresh 4 KB page of heap is a page fault on first touch,
 * and in a virtual machine a fault costs ~11 µs: at 1,000,000 actions
 * `overdue --owner` took 760 of them and 23 ms. Growing the heap by a few
 * megabytes up front and advising huge pages for them took it to ~160
 * faults and 12 ms (bench/RESULTS.md). Commands that write or read little
 * do not call this: zeroing a 2 MiB page would cost them ~1 ms.
 *
 * Only glibc's brk heap is touched, and only by advice: where the kernel
 * has no huge pages to give (THP "never", fragmentation), it falls back to
 * small pages and nothing else changes. Peak RSS grows by at most RESERVE.
 */
#define _DEFAULT_SOURCE /* madvise and MADV_HUGEPAGE, sbrk */
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"

enum { RESERVE = 8 << 20, HUGE_PAGE = 2 << 20, BLOCK = 120 << 10, BLOCKS = 40 };

/* The blocks that fill the heap below its first huge page: kept (never
   touched past their headers) so that no later allocation lands in the
   small pages there. */
static void *below[BLOCKS];

static uintptr_t align_down(uintptr_t a) { return a & ~(uintptr_t)(HUGE_PAGE - 1); }

/* Advises huge pages from the first huge page boundary past `from` to the
   heap's end; *lo is set to that boundary. */
static bool advise(uintptr_t from, uintptr_t *lo)
{
    *lo = align_down(from + HUGE_PAGE - 1);
    uintptr_t hi = align_down((uintptr_t)sbrk(0));
    return hi > *lo && madvise((void *)*lo, hi - *lo, MADV_HUGEPAGE) == 0;
}

void cli_heap_prefer_huge_pages(void)
{
#if defined(__GLIBC__)
    static bool done; /* once a process: `below` holds the first call's blocks */
    if (done)
        return;
    done = true;
    /* With M_TOP_PAD the heap grows by RESERVE at once and keeps that much
       when blocks are freed, so the advised range stays the heap's for the
       whole command. Blocks under the mmap threshold (128 KiB) are taken
       until the heap has grown and they reach its first huge page. */
    if (!mallopt(M_TOP_PAD, RESERVE))
        return;
    char *old_end = sbrk(0);
    uintptr_t lo = 0;
    int n = 0;
    while (n < BLOCKS && (below[n] = malloc(BLOCK))) {
        uintptr_t at = (uintptr_t)below[n++];
        /* The block that grew the heap has written the header of the free
           space after it: advice starts past that, since a huge page is
           only given where no small page has been touched yet, and comes
           before the next block's header is written. */
        uintptr_t end = at + BLOCK + 4 * sizeof(size_t);
        if (!lo && (char *)sbrk(0) != old_end &&
            !advise(end > (uintptr_t)old_end ? end : (uintptr_t)old_end, &lo)) {
            lo = 0; /* no huge pages: keep none of the blocks */
            break;
        }
        if (lo && at + BLOCK >= lo)
            break;
    }
    while (n > 0 && (uintptr_t)below[n - 1] >= lo)
        free(below[--n]);
#endif
}
