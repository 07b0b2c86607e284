/*
 * Sealed spills and sorts larger than memory (internal.h).
 *
 * Some work must keep more of a file than memory should hold: a history
 * import replays its rows in the order they were recorded, which is not
 * the file's order, so it keeps every row until the file has been read.
 * Memory stays flat only if those rows go to disk, and the plan's text
 * goes nowhere but the plan (README, "Where the data lives"). A spill is
 * both: an unnamed file beside the plan (O_TMPFILE: no name, gone when
 * closed or killed), each record sealed with XChaCha20-Poly1305 under a
 * key made for this spill that never leaves this process's memory. What
 * is on disk cannot be read by anyone, even while the import runs, and
 * a record changed on disk is refused, not replayed.
 *
 * A sorter keeps fixed-size keys in a buffer, sorts it when full and
 * seals it into the spill as a run; reading merges the runs. Memory is the
 * buffer and one block per run, whatever the number of keys.
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define SEAL_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define KEY_BYTES crypto_aead_xchacha20poly1305_ietf_KEYBYTES

/* Sealed records gathered before one write (a row is a few hundred bytes). */
#define WRITE_BUF ((size_t)256 << 10)

struct sp_spill {
    sp_db *db;
    int fd;
    uint64_t flushed;            /* bytes written to fd */
    unsigned char *wbuf;         /* sealed records not yet written */
    size_t wlen, wcap;
    unsigned char *rbuf, *dbuf;  /* a record read, and opened */
    size_t rcap, dcap;
    unsigned char key[KEY_BYTES];
    unsigned char nonce[NONCE_BYTES]; /* random; its last 8 bytes are each record's place */
};

/* ------------------------------------------------------------------ */
/* The file                                                            */

/* The directory of the plan, which is where its text may be; the
 * temporary directory for a plan held in memory. */
static void spill_dir(char *dir, size_t size, sp_db *db)
{
    const char *path = sqlite3_db_filename(db->sql, "main");
    const char *tmp = getenv("TMPDIR");
    if (!path || !*path) {
        snprintf(dir, size, "%s", tmp && *tmp ? tmp : "/tmp");
        return;
    }
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, size, ".");
    else
        slash[slash == dir] = '\0'; /* "/plan.db" keeps its "/" */
}

/* An unnamed file; where the filesystem has no O_TMPFILE, a named one
 * removed at once, so that at most its name outlives a crash in between. */
static int open_unnamed(const char *dir)
{
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
    char name[PATH_MAX + 32];
    snprintf(name, sizeof name, "%s/.safeplan-spill.XXXXXX", dir);
    fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0)
        unlink(name);
    return fd;
}

int sp_spill_open(sp_spill **out, sp_db *db)
{
    *out = NULL;
    if (sodium_init() < 0)
        return sp_fail(db, SP_ERROR, "the random number source is not available");
    sp_spill *s = calloc(1, sizeof *s);
    if (!s)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    char dir[PATH_MAX];
    spill_dir(dir, sizeof dir, db);
    s->db = db;
    s->fd = open_unnamed(dir);
    if (s->fd < 0) {
        int err = errno;
        free(s);
        return sp_fail(db, SP_ERROR, "cannot make a temporary file in %s: %s", dir,
                       strerror(err));
    }
    crypto_aead_xchacha20poly1305_ietf_keygen(s->key);
    randombytes_buf(s->nonce, sizeof s->nonce);
    *out = s;
    return SP_OK;
}

void sp_spill_close(sp_spill *s)
{
    if (!s)
        return;
    close(s->fd);
    sodium_memzero(s->key, sizeof s->key);
    free(s->wbuf);
    free(s->rbuf);
    free(s->dbuf);
    free(s);
}

int sp_spill_fd(const sp_spill *s)
{
    return s->fd;
}

static int grow(sp_spill *s, unsigned char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return SP_OK;
    size_t c = *cap ? *cap : 4096;
    while (c < need)
        c *= 2;
    unsigned char *b = realloc(*buf, c);
    if (!b)
        return sp_fail(s->db, SP_ENOMEM, "out of memory");
    *buf = b;
    *cap = c;
    return SP_OK;
}

/* All of len bytes written to (or read from) the file at `at`. */
static int whole_io(sp_spill *s, bool write, unsigned char *b, size_t len, uint64_t at)
{
    size_t done = 0;
    while (done < len) {
        off_t where = (off_t)(at + done);
        ssize_t n = write ? pwrite(s->fd, b + done, len - done, where)
                          : pread(s->fd, b + done, len - done, where);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return sp_fail(s->db, SP_ERROR, "cannot %s the temporary file: %s",
                           write ? "write" : "read", n < 0 ? strerror(errno)
                           : write ? "nothing written" : "it is shorter than written");
        done += (size_t)n;
    }
    return SP_OK;
}

static int flush(sp_spill *s)
{
    int rc = whole_io(s, true, s->wbuf, s->wlen, s->flushed);
    if (rc == SP_OK) {
        s->flushed += s->wlen;
        s->wlen = 0;
    }
    return rc;
}

/* Each record's nonce is the spill's with the record's place in its last
 * bytes: unique for every record under the key. */
static void nonce_at(const sp_spill *s, unsigned char *nonce, uint64_t at)
{
    memcpy(nonce, s->nonce, NONCE_BYTES);
    for (int i = 0; i < 8; i++)
        nonce[NONCE_BYTES - 8 + i] = (unsigned char)(at >> (8 * i));
}

/* ------------------------------------------------------------------ */
/* Records                                                             */

int sp_spill_put(sp_spill *s, const void *data, size_t len, uint64_t *at, size_t *sealed)
{
    size_t need = len + SEAL_BYTES;
    int rc = SP_OK;
    if (s->wlen + need > s->wcap && s->wlen > 0)
        rc = flush(s);
    if (rc == SP_OK)
        rc = grow(s, &s->wbuf, &s->wcap, need > WRITE_BUF ? need : WRITE_BUF);
    if (rc != SP_OK)
        return rc;
    unsigned char nonce[NONCE_BYTES];
    *at = s->flushed + s->wlen;
    *sealed = need;
    nonce_at(s, nonce, *at);
    crypto_aead_xchacha20poly1305_ietf_encrypt(s->wbuf + s->wlen, NULL, data, len, NULL, 0,
                                               NULL, nonce, s->key);
    s->wlen += need;
    return SP_OK;
}

size_t sp_spill_len(size_t sealed)
{
    return sealed >= SEAL_BYTES ? sealed - SEAL_BYTES : 0;
}

int sp_spill_get(sp_spill *s, uint64_t at, size_t sealed, const unsigned char **data,
                 size_t *len)
{
    if (sealed < SEAL_BYTES || at + sealed > s->flushed + s->wlen)
        return sp_fail(s->db, SP_ERROR, "no record of the temporary file is there");
    const unsigned char *from = s->rbuf;
    int rc = grow(s, &s->dbuf, &s->dcap, sealed);
    if (rc == SP_OK && at >= s->flushed)
        from = s->wbuf + (at - s->flushed);
    else if (rc == SP_OK && (rc = grow(s, &s->rbuf, &s->rcap, sealed)) == SP_OK) {
        rc = whole_io(s, false, s->rbuf, sealed, at);
        from = s->rbuf;
    }
    if (rc != SP_OK)
        return rc;
    unsigned char nonce[NONCE_BYTES];
    nonce_at(s, nonce, at);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(s->dbuf, NULL, NULL, from, sealed, NULL, 0,
                                                   nonce, s->key) != 0)
        return sp_fail(s->db, SP_ERROR, "the temporary file was changed while it was in use");
    *data = s->dbuf;
    *len = sealed - SEAL_BYTES;
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

/* Keys sealed together when a run is written, and read back together. */
#define BLOCK_KEYS 2048

typedef struct run {
    uint64_t first;      /* where its first block is */
    size_t keys;         /* how many it holds */
    size_t next;         /* keys read into blocks so far */
    unsigned char *block;
    size_t pos, n;       /* the block's next key, and its keys */
} run;

struct sp_sorter {
    sp_spill *spill;
    size_t key_size, cap;
    int (*cmp)(const void *, const void *);
    unsigned char *keys;  /* the run being gathered */
    size_t n;
    run *runs;
    size_t nruns, runs_cap;
    size_t *heap;         /* runs by their next key, smallest first */
    size_t nheap;
    size_t read;          /* a single run read from keys */
    bool merging;
};

int sp_sorter_new(sp_sorter **out, sp_spill *spill, size_t key_size, size_t run_keys,
                  int (*cmp)(const void *, const void *))
{
    *out = NULL;
    sp_sorter *t = calloc(1, sizeof *t);
    if (t)
        t->keys = malloc(key_size * run_keys);
    if (!t || !t->keys) {
        free(t);
        return sp_fail(spill->db, SP_ENOMEM, "out of memory");
    }
    t->spill = spill;
    t->key_size = key_size;
    t->cap = run_keys;
    t->cmp = cmp;
    *out = t;
    return SP_OK;
}

void sp_sorter_free(sp_sorter *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nruns; i++)
        free(t->runs[i].block);
    free(t->runs);
    free(t->heap);
    free(t->keys);
    free(t);
}

/* Sorts the buffer and seals it into the spill, a block at a time. The
 * blocks of a run are written one after another, so the run is found by
 * its first block's place. */
static int write_run(sp_sorter *t)
{
    if (t->nruns == t->runs_cap) {
        size_t cap = t->runs_cap ? t->runs_cap * 2 : 16;
        run *r = realloc(t->runs, cap * sizeof *r);
        if (!r)
            return sp_fail(t->spill->db, SP_ENOMEM, "out of memory");
        t->runs = r;
        t->runs_cap = cap;
    }
    qsort(t->keys, t->n, t->key_size, t->cmp);
    run *r = &t->runs[t->nruns];
    *r = (run){.keys = t->n};
    for (size_t i = 0; i < t->n; i += BLOCK_KEYS) {
        size_t k = t->n - i < BLOCK_KEYS ? t->n - i : BLOCK_KEYS, sealed;
        uint64_t at;
        int rc = sp_spill_put(t->spill, t->keys + i * t->key_size, k * t->key_size, &at,
                              &sealed);
        if (rc != SP_OK)
            return rc;
        if (i == 0)
            r->first = at;
    }
    t->nruns++;
    t->n = 0;
    return SP_OK;
}

int sp_sorter_add(sp_sorter *t, const void *key)
{
    if (t->n == t->cap) {
        int rc = write_run(t);
        if (rc != SP_OK)
            return rc;
    }
    memcpy(t->keys + t->n++ * t->key_size, key, t->key_size);
    return SP_OK;
}

static int load_block(sp_sorter *t, run *r)
{
    size_t k = r->keys - r->next < BLOCK_KEYS ? r->keys - r->next : BLOCK_KEYS;
    size_t full = BLOCK_KEYS * t->key_size + SEAL_BYTES;
    uint64_t at = r->first + (uint64_t)(r->next / BLOCK_KEYS) * full;
    const unsigned char *data;
    size_t len;
    int rc = sp_spill_get(t->spill, at, k * t->key_size + SEAL_BYTES, &data, &len);
    if (rc != SP_OK)
        return rc;
    if (!r->block && !(r->block = malloc(BLOCK_KEYS * t->key_size)))
        return sp_fail(t->spill->db, SP_ENOMEM, "out of memory");
    memcpy(r->block, data, len);
    r->next += k;
    r->pos = 0;
    r->n = k;
    return SP_OK;
}

static const void *head_of(const sp_sorter *t, size_t i)
{
    const run *r = &t->runs[t->heap[i]];
    return r->block + r->pos * t->key_size;
}

static void sift_down(sp_sorter *t, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < t->nheap && t->cmp(head_of(t, l), head_of(t, m)) < 0)
            m = l;
        if (l + 1 < t->nheap && t->cmp(head_of(t, l + 1), head_of(t, m)) < 0)
            m = l + 1;
        if (m == i)
            return;
        size_t x = t->heap[i];
        t->heap[i] = t->heap[m];
        t->heap[m] = x;
        i = m;
    }
}

int sp_sorter_finish(sp_sorter *t)
{
    if (t->nruns == 0) { /* everything fitted: no merge, nothing on disk */
        qsort(t->keys, t->n, t->key_size, t->cmp);
        return SP_OK;
    }
    int rc = t->n > 0 ? write_run(t) : SP_OK;
    free(t->keys);
    t->keys = NULL;
    if (rc == SP_OK && !(t->heap = malloc(t->nruns * sizeof *t->heap)))
        rc = sp_fail(t->spill->db, SP_ENOMEM, "out of memory");
    for (size_t i = 0; rc == SP_OK && i < t->nruns; i++) {
        rc = load_block(t, &t->runs[i]);
        t->heap[t->nheap++] = i;
    }
    for (size_t i = t->nheap; rc == SP_OK && i-- > 0;)
        sift_down(t, i);
    t->merging = true;
    return rc;
}

int sp_sorter_next(sp_sorter *t, void *key)
{
    if (!t->merging) {
        if (t->read == t->n)
            return SP_DONE;
        memcpy(key, t->keys + t->read++ * t->key_size, t->key_size);
        return SP_ROW;
    }
    if (t->nheap == 0)
        return SP_DONE;
    run *r = &t->runs[t->heap[0]];
    memcpy(key, r->block + r->pos++ * t->key_size, t->key_size);
    int rc = SP_OK;
    if (r->pos == r->n && r->next < r->keys)
        rc = load_block(t, r);
    else if (r->pos == r->n)
        t->heap[0] = t->heap[--t->nheap];
    if (rc != SP_OK)
        return rc;
    sift_down(t, 0);
    return SP_ROW;
}
