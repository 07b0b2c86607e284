/*
 * Verifying the history (sp_verify), signed checkpoints (sp_checkpoint,
 * sp_checkpoint_verify) and their keys (sp_key_generate).
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "rag.h"

#define HASH_BYTES crypto_generichash_BYTES
#define CHECKPOINT_MAGIC "safeplan checkpoint 1\n"
#define KEY_MAGIC "safeplan signing key 1\n"

static void entry_name(char *out, size_t n, const char *table, int64_t id)
{
    if (strcmp(table, "action_update") == 0)
        snprintf(out, n, "update %lld", (long long)id);
    else if (strcmp(table, "action_origin") == 0)
        snprintf(out, n, "the creation of action %lld", (long long)id);
    else if (strcmp(table, "journal") == 0)
        snprintf(out, n, "correction %lld", (long long)id);
    else if (strcmp(table, "change_set") == 0)
        snprintf(out, n, "change %lld", (long long)id);
    else if (strcmp(table, "account_event") == 0)
        snprintf(out, n, "account event %lld", (long long)id);
    else if (strcmp(table, "action_embedded") == 0)
        snprintf(out, n, "embedded record %lld", (long long)id);
    else
        snprintf(out, n, "%s %lld", table, (long long)id);
}

static bool same_blob(sqlite3_stmt *st, int a, const void *b, int nb)
{
    return sqlite3_column_type(st, a) == SQLITE_BLOB && sqlite3_column_bytes(st, a) == nb &&
           memcmp(sqlite3_column_blob(st, a), b, (size_t)nb) == 0;
}

/* Checks one chain row against the one before; a message if it fails. */
static bool check_link(sqlite3_stmt *st, int64_t *prev_seq, unsigned char prev[HASH_BYTES],
                       char prev_time[32], char *why, size_t n)
{
    int64_t seq = sqlite3_column_int64(st, 0), id = sqlite3_column_int64(st, 2);
    const char *table = (const char *)sqlite3_column_text(st, 1);
    const char *when = (const char *)sqlite3_column_text(st, 6); /* chained_at */
    char name[96];
    entry_name(name, sizeof name, table ? table : "?", id);
    unsigned char link[HASH_BYTES];
    const void *entry = sqlite3_column_blob(st, 3);
    size_t nentry = (size_t)sqlite3_column_bytes(st, 3);
    if (seq != *prev_seq + 1) {
        snprintf(why, n, "entries %lld to %lld of the chain are missing: history was deleted "
                 "after entry %lld", (long long)(*prev_seq + 1), (long long)(seq - 1),
                 (long long)*prev_seq);
        return false;
    }
    if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
        snprintf(why, n, "entry %lld (%s) is gone: it was deleted", (long long)seq, name);
        return false;
    }
    if (!same_blob(st, 5, entry, (int)nentry)) {
        snprintf(why, n, "entry %lld (%s) was changed after it was recorded", (long long)seq,
                 name);
        return false;
    }
    sp_chain_link(link, *prev_seq ? prev : NULL, *prev_seq ? HASH_BYTES : 0, entry, nentry,
                  when ? when : "");
    if (!same_blob(st, 4, link, HASH_BYTES)) {
        snprintf(why, n, "entry %lld (%s) does not follow entry %lld: the chain was broken or "
                 "rewritten here", (long long)seq, name, (long long)*prev_seq);
        return false;
    }
    if (when && prev_time[0] && strcmp(when, prev_time) < 0) {
        snprintf(why, n, "entry %lld (%s) was chained at %s, before the entry it follows "
                 "(%s): it was inserted back-dated", (long long)seq, name, when, prev_time);
        return false;
    }
    memcpy(prev, link, HASH_BYTES);
    *prev_seq = seq;
    snprintf(prev_time, 32, "%s", when ? when : "");
    return true;
}

static int verify_chain(sp_reporter *r, sp_db *db, int64_t *entries)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/walk");
    if (rc != SP_OK)
        return rc;
    unsigned char prev[HASH_BYTES] = {0};
    char prev_time[32] = "", why[512];
    int64_t seq = 0;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = check_link(st, &seq, prev, prev_time, why, sizeof why);
    sqlite3_finalize(st);
    if (ok && rc != SQLITE_DONE)
        return sp_fail_sql(db, "reading the chain");
    if (ok)
        sp_say(r, true, "chain", "%lld entries, each unchanged and in order", (long long)seq);
    else
        sp_say(r, false, "chain", "%s", why);
    *entries = seq;
    return SP_OK;
}

static int verify_unchained(sp_reporter *r, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/unchained"), n = 0;
    if (rc != SP_OK)
        return rc;
    while (sqlite3_step(st) == SQLITE_ROW && ++n)
        sp_say(r, false, "chain", "%s is not in the chain: it was added outside safeplan",
            (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (n == 0)
        sp_say(r, true, "chain", "every history entry is in the chain");
    return SP_OK;
}

static void say_state(sp_reporter *r, sqlite3_stmt *st)
{
    static const char *const fields[] = {"status", "due date", "owner", "transfer",
                                         "RAG override", "last update", "title", "start date",
                                         "measure", "reference", "finding", "void",
                                         "RAG override reason", "progress date"};
    char diff[1536] = "";
    size_t used = 0;
    for (int f = 0; f < (int)(sizeof fields / sizeof fields[0]); f++) {
        if (!sqlite3_column_int(st, 1 + 3 * f))
            continue;
        const char *now = (const char *)sqlite3_column_text(st, 2 + 3 * f);
        const char *want = (const char *)sqlite3_column_text(st, 3 + 3 * f);
        int k = snprintf(diff + used, sizeof diff - used, "%s%s is '%s' but its history gives "
                         "'%s'", used ? "; " : "", fields[f], now ? now : "(none)",
                         want ? want : "(none)");
        if (k > 0 && (size_t)k < sizeof diff - used)
            used += (size_t)k;
    }
    sp_say(r, false, "state", "action %lld was changed without history: %s",
        (long long)sqlite3_column_int64(st, 0), diff);
}

static int verify_state(sp_reporter *r, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/state"), n = 0;
    if (rc != SP_OK)
        return rc;
    while (sqlite3_step(st) == SQLITE_ROW && ++n)
        say_state(r, st);
    sqlite3_finalize(st);
    if (n == 0)
        sp_say(r, true, "state", "every action's state is what its history says");
    return SP_OK;
}

static const char *shown(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? t : "(none)";
}

/* Authorities, reviews, findings and owners against their corrections. */
static int verify_places(sp_reporter *r, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/places"), n = 0;
    if (rc != SP_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n)
        sp_say(r, false, "state", "%s %lld was changed without history: %s is '%s' but its "
            "history gives '%s'", shown(st, 0), (long long)sqlite3_column_int64(st, 1),
            shown(st, 2), shown(st, 3), shown(st, 4));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sp_fail_sql(db, "replaying the corrections");
    if (n == 0)
        sp_say(r, true, "state", "every authority, review, finding and owner is what its "
            "corrections say");
    return SP_OK;
}

/* The settings that rate the plan against their noted changes. */
static int verify_settings(sp_reporter *r, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/settings"), n = 0;
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":amber_default", SP_RAG_AMBER_DAYS_DEFAULT);
    sp_bind_int(st, ":stale_default", SP_RAG_STALE_DAYS_DEFAULT);
    sp_bind_int(st, ":grace_default", SP_RAG_GRACE_DAYS_DEFAULT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n)
        sp_say(r, false, "state", "setting %s was changed without history: it is '%s' but its "
            "history gives '%s'", shown(st, 0), shown(st, 1), shown(st, 2));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sp_fail_sql(db, "replaying the settings");
    if (n == 0)
        sp_say(r, true, "state", "every setting is what its recorded changes say");
    return SP_OK;
}

int sp_verify(sp_db *db, sp_check_fn fn, void *arg)
{
    sp_reporter r = {fn, arg, 0};
    int64_t entries = 0;
    sp_clear(db);
    int rc = verify_chain(&r, db, &entries);
    if (rc == SP_OK)
        rc = verify_unchained(&r, db);
    if (rc == SP_OK)
        rc = verify_state(&r, db);
    if (rc == SP_OK)
        rc = verify_places(&r, db);
    if (rc == SP_OK)
        rc = verify_settings(&r, db);
    return rc == SP_OK ? r.failures : rc;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

static int write_private(sp_db *db, const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return sp_fail(db, errno == EEXIST ? SP_EEXISTS : SP_ERROR, "cannot create %s: %s%s",
                       path, strerror(errno),
                       errno == EEXIST ? " (a key is never overwritten)" : "");
    size_t n = strlen(text);
    bool ok = write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
    close(fd);
    if (!ok) {
        unlink(path);
        return sp_fail(db, SP_ERROR, "cannot write %s", path);
    }
    return SP_OK;
}

int sp_key_generate(sp_db *db, const char *path, char public_hex[SP_KEY_HEX_SIZE])
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    char skhex[2 * sizeof sk + 1], text[sizeof skhex + 64], pub[4096];
    sp_clear(db);
    if (sodium_init() < 0)
        return sp_fail(db, SP_ERROR, "cannot start libsodium");
    crypto_sign_keypair(pk, sk);
    sodium_bin2hex(skhex, sizeof skhex, sk, sizeof sk);
    sodium_bin2hex(public_hex, SP_KEY_HEX_SIZE, pk, sizeof pk);
    snprintf(text, sizeof text, KEY_MAGIC "secret: %s\n", skhex);
    sodium_memzero(sk, sizeof sk);
    int rc = write_private(db, path, text, 0600);
    sodium_memzero(text, sizeof text);
    sodium_memzero(skhex, sizeof skhex);
    if (rc != SP_OK)
        return rc;
    if ((size_t)snprintf(pub, sizeof pub, "%s.pub", path) >= sizeof pub)
        return sp_fail(db, SP_EINVALID, "the key's file name is too long");
    snprintf(text, sizeof text, "safeplan public key 1\npublic-key: %s\n", public_hex);
    return write_private(db, pub, text, 0644);
}

/* Reads "NAME: HEX\n" after magic in text into out (n bytes). */
static bool read_field(const char *text, const char *name, unsigned char *out, size_t n)
{
    char key[64];
    snprintf(key, sizeof key, "\n%s: ", name);
    const char *p = strstr(text, key);
    size_t len;
    if (!p)
        return false;
    p += strlen(key);
    len = strcspn(p, "\n");
    return sodium_hex2bin(out, n, p, len, NULL, &len, NULL) == 0 && len == n;
}

static int load_secret(sp_db *db, const char *path, unsigned char sk[crypto_sign_SECRETKEYBYTES])
{
    char text[512] = "";
    FILE *f = fopen(path, "r");
    if (!f)
        return sp_fail(db, SP_ERROR, "cannot read the signing key %s: %s", path,
                       strerror(errno));
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    bool ok = strncmp(text, KEY_MAGIC, strlen(KEY_MAGIC)) == 0 &&
              read_field(text + strlen(KEY_MAGIC) - 1, "secret", sk, crypto_sign_SECRETKEYBYTES);
    sodium_memzero(text, sizeof text);
    return ok ? SP_OK
              : sp_fail(db, SP_EINVALID, "%s is not a safeplan signing key (make one with "
                        "'safeplan key generate FILE')", path);
}

/* ------------------------------------------------------------------ */
/* Checkpoints                                                         */

static int chain_head(sp_db *db, int64_t *count, unsigned char head[HASH_BYTES])
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/head");
    if (rc != SP_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *count = sqlite3_column_int64(st, 0);
        memset(head, 0, HASH_BYTES);
        if (sqlite3_column_bytes(st, 1) == HASH_BYTES)
            memcpy(head, sqlite3_column_blob(st, 1), HASH_BYTES);
    } else {
        rc = sp_fail_sql(db, "reading the chain");
    }
    sqlite3_finalize(st);
    return rc;
}

static void utc_stamp(char stamp[32])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The statement without a key: it records the size and head, but anyone
 * could have written it, so verify will not trust it (closure, #14). */
static int unsigned_checkpoint(char **out, sp_db *db)
{
    unsigned char head[HASH_BYTES];
    char headhex[2 * HASH_BYTES + 1], stamp[32];
    int64_t count = 0;
    int rc = chain_head(db, &count, head);
    if (rc != SP_OK)
        return rc;
    utc_stamp(stamp);
    sodium_bin2hex(headhex, sizeof headhex, head, sizeof head);
    size_t n = 512;
    if (!(*out = malloc(n)))
        return sp_fail(db, SP_ENOMEM, "out of memory");
    snprintf(*out, n, CHECKPOINT_MAGIC "entries: %lld\nhead: %s\ntaken: %s\nsignature: none\n",
             (long long)count, headhex, stamp);
    return SP_OK;
}

int sp_checkpoint(char **out, sp_db *db, const char *key_path)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char head[HASH_BYTES], sig[crypto_sign_BYTES];
    char headhex[2 * HASH_BYTES + 1], pkhex[2 * sizeof pk + 1], sighex[2 * sizeof sig + 1];
    char stamp[32], body[512];
    int64_t count = 0;
    *out = NULL;
    sp_clear(db);
    if (!key_path)
        return unsigned_checkpoint(out, db);
    int rc = load_secret(db, key_path, sk);
    if (rc == SP_OK)
        rc = chain_head(db, &count, head);
    if (rc != SP_OK) {
        sodium_memzero(sk, sizeof sk);
        return rc;
    }
    crypto_sign_ed25519_sk_to_pk(pk, sk);
    utc_stamp(stamp);
    sodium_bin2hex(headhex, sizeof headhex, head, sizeof head);
    sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
    snprintf(body, sizeof body, CHECKPOINT_MAGIC "entries: %lld\nhead: %s\ntaken: %s\n"
             "public-key: %s\n", (long long)count, headhex, stamp, pkhex);
    crypto_sign_detached(sig, NULL, (const unsigned char *)body, strlen(body), sk);
    sodium_memzero(sk, sizeof sk);
    sodium_bin2hex(sighex, sizeof sighex, sig, sizeof sig);
    size_t n = strlen(body) + strlen(sighex) + 16;
    if (!(*out = malloc(n)))
        return sp_fail(db, SP_ENOMEM, "out of memory");
    snprintf(*out, n, "%ssignature: %s\n", body, sighex);
    return SP_OK;
}

/* Splits a checkpoint into its signed body and its fields; false if it is
 * not one or its signature does not hold. */
static bool parse_checkpoint(const char *text, int64_t *entries, unsigned char head[HASH_BYTES],
                             unsigned char pk[crypto_sign_PUBLICKEYBYTES], char taken[32],
                             const char **why)
{
    /* The statement may be embedded (an HTML report, lines cut from a
     * pack): it starts at its first line. */
    const char *start = strstr(text, CHECKPOINT_MAGIC);
    text = start ? start : text;
    const char *t = strstr(text, "\ntaken: ");
    if (t)
        snprintf(taken, 32, "%.*s", (int)strcspn(t + 8, "\n"), t + 8);
    unsigned char sig[crypto_sign_BYTES];
    const char *s = strstr(text, "\nsignature: ");
    const char *e = strstr(text, "\nentries: ");
    *why = "it is not a safeplan checkpoint";
    if (start && strstr(text, "\nsignature: none\n")) {
        *why = "it is unsigned (made without a key: give the pack or report --key FILE)";
        return false;
    }
    if (strncmp(text, CHECKPOINT_MAGIC, strlen(CHECKPOINT_MAGIC)) != 0 || !s || !e)
        return false;
    char *end;
    errno = 0;
    *entries = strtoll(e + 10, &end, 10);
    if (errno || *end != '\n' || *entries < 0 || !read_field(text, "head", head, HASH_BYTES) ||
        !read_field(text, "public-key", pk, crypto_sign_PUBLICKEYBYTES) ||
        !read_field(text, "signature", sig, sizeof sig))
        return false;
    *why = "its signature does not match its content: it was altered";
    return crypto_sign_verify_detached(sig, (const unsigned char *)text,
                                       (size_t)(s - text) + 1, pk) == 0;
}

/* Updates chained after the checkpoint but dated before it was taken. */
static int backdated(sp_reporter *r, sp_db *db, int64_t entries, const char *taken)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sp_prepare(&st, db, "chain/backdated") != SP_OK)
        return SP_ERROR;
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":seq"), entries);
    sp_bind_text(st, ":taken", taken);
    while (sqlite3_step(st) == SQLITE_ROW && ++n)
        sp_say(r, false, "checkpoint", "entry %lld (update %lld) claims to have been recorded at "
            "%s, before the checkpoint (%s) that does not hold it: it was back-dated",
            (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 2),
            (const char *)sqlite3_column_text(st, 3), taken);
    sqlite3_finalize(st);
    return r->failures;
}

int sp_checkpoint_verify(sp_db *db, const char *text, const char *public_hex, sp_check_fn fn,
                         void *arg)
{
    sp_reporter r = {fn, arg, 0};
    unsigned char head[HASH_BYTES], pk[crypto_sign_PUBLICKEYBYTES], want[sizeof pk];
    int64_t entries = 0, count = 0;
    const char *why;
    size_t len;
    sp_clear(db);
    if (sodium_init() < 0)
        return sp_fail(db, SP_ERROR, "cannot start libsodium");
    char taken[32] = "";
    if (!parse_checkpoint(text, &entries, head, pk, taken, &why)) {
        sp_say(&r, false, "checkpoint", "the checkpoint cannot be trusted: %s", why);
        return r.failures;
    }
    if (public_hex && (sodium_hex2bin(want, sizeof want, public_hex, strlen(public_hex), NULL,
                                      &len, NULL) != 0 || len != sizeof want ||
                       memcmp(want, pk, sizeof pk) != 0)) {
        sp_say(&r, false, "checkpoint", "the checkpoint was signed with another key than the one "
            "given");
        return r.failures;
    }
    int rc = chain_head(db, &count, (unsigned char[HASH_BYTES]){0});
    if (rc != SP_OK)
        return rc;
    sqlite3_stmt *st;
    if ((rc = sp_prepare(&st, db, "chain/hash_at")) != SP_OK)
        return rc;
    sqlite3_bind_int64(st, 1, entries);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    bool same = found && same_blob(st, 0, head, HASH_BYTES);
    sqlite3_finalize(st);
    if (entries == 0)
        sp_say(&r, true, "checkpoint", "the checkpoint was of an empty history");
    else if (!found)
        sp_say(&r, false, "checkpoint", "the checkpoint covers %lld entries but the history now "
            "has %lld: entries were deleted since", (long long)entries, (long long)count);
    else if (!same)
        sp_say(&r, false, "checkpoint", "entry %lld is not the one the checkpoint signed: the "
            "history up to it was rewritten since", (long long)entries);
    else
        sp_say(&r, true, "checkpoint", "the history extends the checkpoint's %lld entries "
            "exactly (%lld now)", (long long)entries, (long long)count);
    return found && same ? backdated(&r, db, entries, taken) : r.failures;
}
