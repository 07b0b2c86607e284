/* The CLI's heap in huge pages: src/cli/heap.c (the one CLI module with a
 * unit test: its effect is the process's memory, not anything it prints). */
#define _DEFAULT_SOURCE /* getrusage's ru_minflt */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cli.h"
#include "fixture.h"

/* What a filtered list at 1,000,000 actions allocates: ~600 pages of
   SQLite's page cache, each a 4,096-byte page and its header. */
enum { PAGES = 600, PAGE_SIZE_WITH_HEADER = 4096 + 200 };

static bool thp_offered(void)
{
    char line[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f)
        return false;
    bool ok = fgets(line, sizeof line, f) &&
              (strstr(line, "[always]") || strstr(line, "[madvise]"));
    fclose(f);
    return ok;
}

/* A counter of /proc/vmstat, or 0. */
static long vmstat(const char *key)
{
    char name[64];
    long value, found = 0;
    FILE *f = fopen("/proc/vmstat", "r");
    ck_assert_ptr_nonnull(f);
    while (fscanf(f, "%63s %ld", name, &value) == 2)
        if (strcmp(name, key) == 0)
            found = value;
    fclose(f);
    return found;
}

/* AnonHugePages summed over this process's [heap] mappings, in KiB. */
static long heap_huge_kib(void)
{
    char line[256];
    long kib, total = 0;
    bool in_heap = false;
    FILE *f = fopen("/proc/self/smaps", "r");
    ck_assert_ptr_nonnull(f);
    while (fgets(line, sizeof line, f)) {
        if (strchr(line, '-') && strstr(line, " rw-p "))
            in_heap = strstr(line, "[heap]") != NULL;
        else if (in_heap && sscanf(line, "AnonHugePages: %ld kB", &kib) == 1)
            total += kib;
    }
    fclose(f);
    return total;
}

static long minor_faults(void)
{
    struct rusage ru;
    ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_minflt;
}

static char *page[PAGES];

static long fill_pages(void)
{
    long before = minor_faults();
    for (int i = 0; i < PAGES; i++) {
        page[i] = malloc(PAGE_SIZE_WITH_HEADER);
        ck_assert_ptr_nonnull(page[i]);
        memset(page[i], i & 0xff, PAGE_SIZE_WITH_HEADER);
    }
    return minor_faults() - before;
}

static void check_and_free_pages(void)
{
    for (int i = 0; i < PAGES; i++) {
        ck_assert_int_eq((unsigned char)page[i][PAGE_SIZE_WITH_HEADER - 1], i & 0xff);
        free(page[i]);
    }
}

START_TEST(page_cache_lands_in_huge_pages)
{
    bool offered = thp_offered();
    long fallback = vmstat("thp_fault_fallback");
    cli_heap_prefer_huge_pages();
    long faults = fill_pages();
    if (offered && vmstat("thp_fault_fallback") == fallback) {
        /* The kernel had huge pages to give: the heap must be on them,
           and the 600 pages cost a handful of faults, not one each. */
        ck_assert_msg(heap_huge_kib() >= 2048, "heap has %ld KiB in huge pages",
                      heap_huge_kib());
        ck_assert_msg(faults < PAGES / 4, "%ld page faults for %d pages", faults, PAGES);
    }
    check_and_free_pages();
}
END_TEST

START_TEST(heap_keeps_working_after_it)
{
    /* Called twice (a command calls it once; a second call must change
       nothing), then a mix of sizes that crosses the reserve. */
    cli_heap_prefer_huge_pages();
    cli_heap_prefer_huge_pages();
    fill_pages();
    char *big = malloc(16 << 20);
    ck_assert_ptr_nonnull(big);
    memset(big, 7, 16 << 20);
    check_and_free_pages();
    ck_assert_int_eq(big[(16 << 20) - 1], 7);
    free(big);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("heap");
    TCase *tc = tcase_create("huge pages");
    tcase_add_test(tc, page_cache_lands_in_huge_pages);
    tcase_add_test(tc, heap_keeps_working_after_it);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
