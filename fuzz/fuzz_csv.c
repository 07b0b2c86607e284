/*
 * libFuzzer target: the CSV reader (csvio.c), with three oracles beyond
 * "does not crash":
 *  1. split invariance — the same bytes fed in pieces split at points the
 *     fuzzer chooses give exactly the rows, lines and error of one feed,
 *     with commas and (for half the inputs) with tabs between fields: one
 *     feed lets the reader's one-pass path take every whole record, pieces
 *     of 0-7 bytes leave nearly all of them to its careful path;
 *  2. field invariants — every field is NUL-terminated at len and holds
 *     no NUL byte (the reader promises both to its callers);
 *  3. round trip — rows written back with the RFC 4180 writer and read
 *     again are the same rows (the writer and reader agree on quoting).
 * Input: the first byte seeds the split points, the rest is the CSV.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

/* What a read produced, boiled down to hashes so runs can be compared. */
typedef struct digest {
    uint64_t content; /* field counts, lengths and bytes */
    uint64_t lines;   /* the line each record started on */
    size_t records;
    sp_csv_writer *echo; /* NULL, or where to write each row back */
} digest;

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

static int on_row(void *ctx, const sp_csv_row *row)
{
    digest *d = ctx;
    if (row->count == 0)
        abort(); /* the reader promises at least one field */
    d->records++;
    d->lines = fnv(d->lines, &row->line, sizeof row->line);
    d->content = fnv(d->content, &row->count, sizeof row->count);
    for (size_t i = 0; i < row->count; i++) {
        const sp_csv_field *f = &row->fields[i];
        if (f->data[f->len] != '\0' || memchr(f->data, '\0', f->len) != NULL)
            abort();
        d->content = fnv(d->content, &f->len, sizeof f->len);
        d->content = fnv(d->content, f->data, f->len);
        if (d->echo)
            sp_csv_write_field(d->echo, f->data, f->len, SP_COL_TEXT);
    }
    if (d->echo)
        sp_csv_end_row(d->echo);
    return 0;
}

static void digest_init(digest *d, sp_csv_writer *echo)
{
    memset(d, 0, sizeof *d);
    d->content = d->lines = 0xcbf29ce484222325ULL;
    d->echo = echo;
}

/* Feeds data with fields separated by delim, in pieces whose lengths come
 * from a tiny PRNG seeded by seed, or (whole) in one piece. */
static int read_split(sp_csv_error *err, const uint8_t *data, size_t len, uint8_t seed,
                      unsigned char delim, bool whole, digest *d)
{
    sp_csv_reader *r;
    if (sp_csv_reader_new(&r, on_row, d) != SP_OK)
        abort();
    sp_csv_reader_set_delimiter(r, delim);
    uint32_t x = seed * 2654435761u + 1;
    int rc = SP_OK;
    for (size_t i = 0; i < len && rc == SP_OK;) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        size_t n = whole ? len : x % 8; /* 0-7 bytes: empty feeds too */
        if (n > len - i)
            n = len - i;
        rc = sp_csv_reader_feed(r, data + i, n);
        i += n;
    }
    if (rc == SP_OK)
        rc = sp_csv_reader_finish(r);
    *err = *sp_csv_reader_error(r);
    sp_csv_reader_free(r);
    return rc;
}

static void same_error(const sp_csv_error *a, const sp_csv_error *b)
{
    if (a->code != b->code || a->line != b->line || a->column != b->column ||
        strcmp(a->message, b->message) != 0) {
        fprintf(stderr, "split changed the error:\n  whole: %d %zu:%zu %s\n  split: %d %zu:%zu %s\n",
                a->code, a->line, a->column, a->message, b->code, b->line, b->column,
                b->message);
        abort();
    }
}

/* Oracle 1: the whole read and the split read gave the same. */
static void same_reading(const digest *whole, int rc1, const sp_csv_error *e1,
                         const digest *split, int rc2, const sp_csv_error *e2)
{
    same_error(e1, e2);
    if (rc1 != rc2 || whole->records != split->records || whole->content != split->content ||
        whole->lines != split->lines) {
        fprintf(stderr, "split changed the rows: %zu vs %zu records\n", whole->records,
                split->records);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    uint8_t seed = data[0];
    data++, size--;

    char *text = NULL;
    size_t text_len = 0;
    FILE *mem = open_memstream(&text, &text_len);
    sp_csv_writer w;
    if (!mem || sp_csv_writer_init(&w, mem, 0) != SP_OK)
        abort();

    digest whole, split, again, whole_tab, split_tab;
    sp_csv_error e1, e2, e3;
    digest_init(&whole, &w);
    int rc1 = sp_csv_read_buffer(&e1, data, size, on_row, &whole);
    if (rc1 != e1.code)
        abort();
    digest_init(&split, NULL);
    int rc2 = read_split(&e2, data, size, seed, ',', false, &split);
    same_reading(&whole, rc1, &e1, &split, rc2, &e2);
    if (seed & 0x80) { /* the same with tabs between the fields */
        digest_init(&whole_tab, NULL);
        digest_init(&split_tab, NULL);
        rc1 = read_split(&e1, data, size, seed, '\t', true, &whole_tab);
        rc2 = read_split(&e2, data, size, seed, '\t', false, &split_tab);
        same_reading(&whole_tab, rc1, &e1, &split_tab, rc2, &e2);
    }

    if (sp_csv_writer_finish(&w) != SP_OK)
        abort();
    fclose(mem);
    digest_init(&again, NULL);
    int rc3 = sp_csv_read_buffer(&e3, text, text_len, on_row, &again);
    if (rc3 != SP_OK || again.records != whole.records || again.content != whole.content) {
        fprintf(stderr, "round trip failed: rc %d (%s), %zu vs %zu records\n", rc3, e3.message,
                again.records, whole.records);
        abort();
    }
    free(text);
    return 0;
}
