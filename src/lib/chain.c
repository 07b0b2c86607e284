/*
 * The tamper-evident history: hashing, the chain, verification and signed
 * checkpoints (issue #14). The chain itself lives in SQL (the triggers of
 * migrations/0008_ledger.sql); this file gives them their hash functions
 * and reads the chain back.
 *
 * Hashes are BLAKE2b-256 (libsodium's crypto_generichash). Each entry's
 * canonical content is its table's name, then every field as a type tag,
 * an 8-byte big-endian length and the bytes: no separator can be forged by
 * the text itself, and NULL differs from "". Signatures are Ed25519.
 * An update's fields are its trigger's of version 8, then the words of
 * its revised due date only when it has some (migration 19's view
 * action_update_entry): every entry made before keeps its hash.
 */
#define _DEFAULT_SOURCE /* htobe64 */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define HASH_BYTES crypto_generichash_BYTES /* 32 */
static const unsigned char ENTRY_TAG[] = "safeplan entry v1";
static const unsigned char CHAIN_TAG[] = "safeplan chain v1";

/* An entry's canonical bytes, gathered before they go to BLAKE2b: one
 * update per buffer-full, not two per field. For the short fields of a
 * history entry the calls cost more than the hashing (an import hashes
 * each entry it writes: bench/RESULTS.md). The bytes hashed are the same. */
typedef struct canon {
    crypto_generichash_state h;
    size_t n;
    unsigned char buf[1024];
} canon;

static void canon_init(canon *c, const unsigned char *tag, size_t ntag)
{
    crypto_generichash_init(&c->h, NULL, 0, HASH_BYTES);
    memcpy(c->buf, tag, ntag);
    c->n = ntag;
}

static void add(canon *c, const void *p, size_t n)
{
    if (n == 0)
        return; /* p may be NULL */
    if (c->n + n > sizeof c->buf) {
        crypto_generichash_update(&c->h, c->buf, c->n);
        c->n = 0;
        if (n > sizeof c->buf) {
            crypto_generichash_update(&c->h, p, n);
            return;
        }
    }
    memcpy(c->buf + c->n, p, n);
    c->n += n;
}

static void canon_final(canon *c, unsigned char out[HASH_BYTES])
{
    crypto_generichash_update(&c->h, c->buf, c->n);
    crypto_generichash_final(&c->h, out, HASH_BYTES);
}

/* The tag and the 8-byte big-endian length, written straight into the
 * buffer: as a loop of shifts copied in by add(), 1.7% of an import, which
 * tags every field it hashes. htobe64 makes the same bytes. */
static void put_len(canon *c, char type, uint64_t n)
{
    uint64_t big = htobe64(n);
    if (c->n + 1 + sizeof big > sizeof c->buf) {
        crypto_generichash_update(&c->h, c->buf, c->n);
        c->n = 0;
    }
    c->buf[c->n] = (unsigned char)type;
    memcpy(c->buf + c->n + 1, &big, sizeof big);
    c->n += 1 + sizeof big;
}

static void put_field(canon *c, char type, const void *p, size_t n)
{
    put_len(c, type, n);
    add(c, p, n);
}

static void put_value(canon *c, sqlite3_value *v)
{
    char num[32];
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL:
        put_len(c, 'N', 0);
        return;
    case SQLITE_INTEGER:
        put_field(c, 'I', num, sp_decimal(num, sqlite3_value_int64(v)));
        return;
    case SQLITE_FLOAT:
        snprintf(num, sizeof num, "%.17g", sqlite3_value_double(v));
        put_field(c, 'F', num, strlen(num));
        return;
    case SQLITE_BLOB: {
        const void *p = sqlite3_value_blob(v);
        put_field(c, 'B', p, (size_t)sqlite3_value_bytes(v));
        return;
    }
    default: {
        const unsigned char *t = sqlite3_value_text(v);
        put_field(c, 'T', t, (size_t)sqlite3_value_bytes(v));
    }
    }
}

/* sp_entry_hash(table, field...): the hash of one entry's content. */
static void sql_entry_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    canon c;
    unsigned char out[HASH_BYTES];
    canon_init(&c, ENTRY_TAG, sizeof ENTRY_TAG);
    for (int i = 0; i < argc; i++)
        put_value(&c, argv[i]);
    canon_final(&c, out);
    sqlite3_result_blob(ctx, out, sizeof out, SQLITE_TRANSIENT);
}

void sp_chain_link(unsigned char out[SP_HASH_BYTES], const void *prev, size_t nprev,
                   const void *entry, size_t nentry, const char *chained_at)
{
    canon c;
    canon_init(&c, CHAIN_TAG, sizeof CHAIN_TAG);
    put_field(&c, prev ? 'B' : 'N', prev, prev ? nprev : 0);
    put_field(&c, 'B', entry, nentry);
    put_field(&c, 'T', chained_at, strlen(chained_at));
    canon_final(&c, out);
}

/* sp_chain_hash(previous chain hash or NULL, entry hash, chained_at). */
static void sql_chain_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    unsigned char out[HASH_BYTES];
    bool first = sqlite3_value_type(argv[0]) == SQLITE_NULL;
    sp_chain_link(out, first ? NULL : sqlite3_value_blob(argv[0]),
               first ? 0 : (size_t)sqlite3_value_bytes(argv[0]), sqlite3_value_blob(argv[1]),
               (size_t)sqlite3_value_bytes(argv[1]),
               (const char *)(sqlite3_value_text(argv[2]) ? sqlite3_value_text(argv[2])
                                                          : (const unsigned char *)""));
    sqlite3_result_blob(ctx, out, sizeof out, SQLITE_TRANSIENT);
}

int sp_chain_register(sqlite3 *sql)
{
    if (sodium_init() < 0)
        return SQLITE_ERROR;
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(sql, "sp_entry_hash", -1, flags, NULL, sql_entry_hash,
                                        NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(sql, "sp_chain_hash", 3, flags, NULL, sql_chain_hash,
                                        NULL, NULL, NULL);
    return rc;
}

int sp_register_chain_functions(sp_db *db)
{
    if (sp_chain_register(db->sql) != SQLITE_OK)
        return sp_fail_sql(db, "registering the hash functions");
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Chaining an existing history (the upgrade to the ledger)            */

static int run_named(sp_db *db, const char *name, const char *what)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, name);
    if (rc == SP_OK) {
        rc = sp_exec_stmt(db, st, what);
        sqlite3_finalize(st);
    }
    return rc;
}

static int chain_updates(sp_db *db, int64_t *n)
{
    sqlite3_stmt *rows, *append;
    int rc = sp_prepare(&rows, db, "chain/backfill_updates");
    if (rc != SP_OK)
        return rc;
    if ((rc = sp_prepare(&append, db, "chain/append")) != SP_OK) {
        sqlite3_finalize(rows);
        return rc;
    }
    sp_bind_text(append, ":table", "action_update");
    while (rc == SP_OK && sqlite3_step(rows) == SQLITE_ROW) {
        sqlite3_bind_int64(append, sqlite3_bind_parameter_index(append, ":id"),
                           sqlite3_column_int64(rows, 0));
        sqlite3_bind_blob(append, sqlite3_bind_parameter_index(append, ":entry_hash"),
                          sqlite3_column_blob(rows, 1), sqlite3_column_bytes(rows, 1),
                          SQLITE_TRANSIENT);
        if (sqlite3_step(append) != SQLITE_DONE)
            rc = sp_fail_sql(db, "chaining the history");
        sqlite3_reset(append);
        (*n)++;
    }
    sqlite3_finalize(rows);
    sqlite3_finalize(append);
    return rc;
}

int sp_ledger_backfill(sp_db *db)
{
    int64_t updates = 0;
    int rc = run_named(db, "chain/backfill_origins", "recording how each action began");
    int origins = sqlite3_changes(db->sql);
    if (rc == SP_OK)
        rc = chain_updates(db, &updates);
    if (rc != SP_OK || (updates == 0 && origins == 0))
        return rc;
    sqlite3_stmt *st;
    if ((rc = sp_prepare(&st, db, "chain/note")) != SP_OK)
        return rc;
    char text[256];
    snprintf(text, sizeof text, "upgrade: the history already here (%d actions, %lld updates) "
             "was chained as it stood; each action's state at creation was worked back "
             "from its updates", origins, (long long)updates);
    sp_bind_text(st, ":text", text);
    rc = sp_exec_stmt(db, st, "noting the upgrade");
    sqlite3_finalize(st);
    return rc;
}
