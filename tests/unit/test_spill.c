/* Sealed spills and sorts larger than memory: src/lib/spill.c. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "internal.h"

/* Everything in the spill's file, as the disk has it. */
static unsigned char *on_disk(sp_spill *s, size_t *len)
{
    struct stat st;
    int fd = sp_spill_fd(s);
    ck_assert_int_eq(fstat(fd, &st), 0);
    unsigned char *b = malloc((size_t)st.st_size + 1);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(pread(fd, b, (size_t)st.st_size, 0), st.st_size);
    *len = (size_t)st.st_size;
    return b;
}

/* Records of many sizes, some past the write buffer, read back in another
 * order: from the buffer not yet written and from the file. */
START_TEST(records_come_back_as_put)
{
    enum { N = 600 };
    sp_spill *s = NULL;
    ck_assert_msg(sp_spill_open(&s, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    static uint64_t at[N];
    static size_t sealed[N], len[N];
    unsigned char *text = malloc(1 << 20);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < (1 << 20); i++)
        text[i] = (unsigned char)(i * 131 + i / 7);
    for (size_t i = 0; i < N; i++) {
        len[i] = i == 300 ? ((size_t)1 << 20) - 16 : (i * 977) % 5000; /* 0 bytes too */
        ck_assert_int_eq(sp_spill_put(s, text + i % 17, len[i], &at[i], &sealed[i]), SP_OK);
    }
    for (size_t k = 0; k < N; k++) {
        size_t i = (k * 389) % N; /* every record, out of order */
        const unsigned char *data;
        size_t got;
        ck_assert_msg(sp_spill_get(s, at[i], sealed[i], &data, &got) == SP_OK, "%s",
                      sp_errmsg(fx_db));
        ck_assert_uint_eq(got, len[i]);
        ck_assert_int_eq(memcmp(data, text + i % 17, got), 0);
    }
    free(text);
    sp_spill_close(s);
}
END_TEST

/* What is on disk is sealed: a row's text is not in it, and a byte changed
 * there makes the record refused, never read as something else. */
START_TEST(disk_holds_no_text_and_refuses_changes)
{
    static const char row[] = "Confidential: the child's name and the referral's detail";
    sp_spill *s = NULL;
    ck_assert_int_eq(sp_spill_open(&s, fx_db), SP_OK);
    uint64_t at[6000];
    size_t sealed[6000];
    for (int i = 0; i < 6000; i++) /* past the write buffer: most are on disk */
        ck_assert_int_eq(sp_spill_put(s, row, sizeof row, &at[i], &sealed[i]), SP_OK);
    size_t len;
    unsigned char *disk = on_disk(s, &len);
    ck_assert_uint_gt(len, 2 * sizeof row * 100); /* it did go to disk */
    ck_assert_ptr_null(memmem(disk, len, "Confidential", 12));
    ck_assert_ptr_null(memmem(disk, len, "referral", 8));
    unsigned char flipped = disk[at[5] + 3] ^ 1;
    ck_assert_int_eq(pwrite(sp_spill_fd(s), &flipped, 1, (off_t)(at[5] + 3)), 1);
    const unsigned char *data;
    size_t got;
    ck_assert_int_eq(sp_spill_get(s, at[4], sealed[4], &data, &got), SP_OK);
    ck_assert_str_eq((const char *)data, row);
    ck_assert_int_eq(sp_spill_get(s, at[5], sealed[5], &data, &got), SP_ERROR);
    ck_assert_str_eq(sp_errmsg(fx_db), "the temporary file was changed while it was in use");
    /* A record moved to another place is refused too: each is sealed to its own. */
    unsigned char *copy = malloc(sealed[6]);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, disk + at[6], sealed[6]);
    ck_assert_int_eq(pwrite(sp_spill_fd(s), copy, sealed[6], (off_t)at[7]), (ssize_t)sealed[6]);
    ck_assert_int_eq(sp_spill_get(s, at[7], sealed[7], &data, &got), SP_ERROR);
    free(copy);
    free(disk);
    sp_spill_close(s);
}
END_TEST

typedef struct key {
    int64_t k;
    uint64_t tag;
} key;

static int by_k(const void *a, const void *b)
{
    const key *x = a, *y = b;
    if (x->k != y->k)
        return x->k < y->k ? -1 : 1;
    return (x->tag > y->tag) - (x->tag < y->tag);
}

/* n random keys (many equal k, negative too) sorted in runs of run_keys:
 * the same order as qsort of them all. */
static void sorts_like_qsort(size_t n, size_t run_keys)
{
    sp_spill *s = NULL;
    sp_sorter *t = NULL;
    ck_assert_int_eq(sp_spill_open(&s, fx_db), SP_OK);
    ck_assert_int_eq(sp_sorter_new(&t, s, sizeof(key), run_keys, by_k), SP_OK);
    key *all = malloc((n + 1) * sizeof *all);
    ck_assert_ptr_nonnull(all);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        all[i] = (key){(int64_t)(x % 1000) - 300, i};
        ck_assert_int_eq(sp_sorter_add(t, &all[i]), SP_OK);
    }
    ck_assert_int_eq(sp_sorter_finish(t), SP_OK);
    qsort(all, n, sizeof *all, by_k);
    key got;
    size_t i = 0;
    int rc;
    while ((rc = sp_sorter_next(t, &got)) == SP_ROW) {
        ck_assert_uint_lt(i, n);
        ck_assert_msg(got.k == all[i].k && got.tag == all[i].tag,
                      "n %zu, run %zu: key %zu is %lld/%llu, expected %lld/%llu", n, run_keys,
                      i, (long long)got.k, (unsigned long long)got.tag, (long long)all[i].k,
                      (unsigned long long)all[i].tag);
        i++;
    }
    ck_assert_int_eq(rc, SP_DONE);
    ck_assert_uint_eq(i, n);
    ck_assert_int_eq(sp_sorter_next(t, &got), SP_DONE);
    free(all);
    sp_sorter_free(t);
    sp_spill_close(s);
}

START_TEST(sorter_merges_runs)
{
    sorts_like_qsort(0, 4);
    sorts_like_qsort(1, 4);
    sorts_like_qsort(100, 1000);    /* one run, never written */
    sorts_like_qsort(1000, 1000);   /* exactly one full run */
    sorts_like_qsort(1000, 7);      /* 143 runs of one short block */
    sorts_like_qsort(1001, 1000);   /* a full run and one of one key */
    sorts_like_qsort(30000, 5000);  /* runs of three blocks, the last one short */
    sorts_like_qsort(20480, 4096);  /* runs of exactly two blocks */
}
END_TEST

static Suite *spill_suite(void)
{
    Suite *s = suite_create("spill");
    TCase *tc = fx_tcase("spill");
    tcase_add_test(tc, records_come_back_as_put);
    tcase_add_test(tc, disk_holds_no_text_and_refuses_changes);
    tcase_add_test(tc, sorter_merges_runs);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(spill_suite)
