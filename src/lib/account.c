/*
 * Accounts and sessions for the web service. Passwords are hashed with
 * Argon2id (libsodium's crypto_pwhash_str, interactive limits); session
 * tokens are 32 random bytes, stored only as their SHA-256, so the
 * database alone never lets anyone sign in.
 */
#include <sodium.h>
#include <string.h>

#include "internal.h"

#define SP_PASSWORD_MIN 10
static const char bad_signin[] = "the name or password is not right";

static int sodium_ready(sp_db *db)
{
    return sodium_init() < 0 ? sp_fail(db, SP_ERROR, "the random number source is not available")
                             : SP_OK;
}

static void to_hex(char *out, const unsigned char *bytes, size_t n)
{
    sodium_bin2hex(out, 2 * n + 1, bytes, n);
}

void sp_random_hex(char *buf, size_t n)
{
    unsigned char bytes[64];
    if (n > sizeof bytes)
        n = sizeof bytes;
    if (sodium_init() < 0) { /* cannot happen on Linux; never hand out a weak token */
        buf[0] = '\0';
        return;
    }
    randombytes_buf(bytes, n);
    to_hex(buf, bytes, n);
}

static void token_hash(char out[SP_TOKEN_SIZE], const char *token)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    to_hex(out, h, sizeof h);
}

static int hash_password(char out[crypto_pwhash_STRBYTES], sp_db *db, const char *pw)
{
    if (!pw || strlen(pw) < SP_PASSWORD_MIN)
        return sp_fail(db, SP_EINVALID, "the password must have at least %d characters",
                       SP_PASSWORD_MIN);
    int rc = sodium_ready(db);
    if (rc == SP_OK && crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        rc = sp_fail(db, SP_ENOMEM, "not enough memory to hash the password");
    return rc;
}

static int check_account_fields(sp_db *db, const sp_account_new *in, const char **role)
{
    int rc = sp_check_name(db, "account name", in->name);
    if (rc == SP_OK && in->name[strspn(in->name, "0123456789")] == '\0')
        rc = sp_fail(db, SP_EINVALID, "account name '%s' is all digits: expected a name",
                     in->name);
    static const char *const roles[] = {"viewer", "officer", "manager", "clerk", "admin"};
    *role = NULL;
    for (size_t i = 0; rc == SP_OK && i < 5; i++)
        if (in->role && strcmp(in->role, roles[i]) == 0)
            *role = roles[i];
    if (rc == SP_OK && !*role)
        rc = sp_fail(db, SP_EINVALID, "role '%s' is not known: expected viewer, officer, "
                     "manager, clerk or admin", in->role ? in->role : "");
    if (rc == SP_OK && !in->all_authorities && in->n_authorities == 0)
        rc = sp_fail(db, SP_EINVALID, "account '%s' needs at least one authority "
                     "(--authority CODE, or --authority all)", in->name);
    if (rc == SP_OK)
        rc = sp_check_optional_text(db, "account email", in->email);
    if (rc == SP_OK && !sp_blank(in->email) && !strchr(in->email, '@'))
        rc = sp_fail(db, SP_EINVALID, "account email '%s' is not an email address", in->email);
    return rc;
}

static int add_authorities(sp_db *db, int64_t account, const sp_account_new *in)
{
    sqlite3_stmt *st = NULL;
    int rc = sp_prepare(&st, db, "account/add_authority");
    for (size_t i = 0; rc == SP_OK && i < in->n_authorities; i++) {
        int64_t auth;
        rc = sp_resolve(&auth, db, "authority", in->authorities[i]);
        if (rc == SP_OK) {
            sp_bind_int(st, ":account_id", account);
            sp_bind_int(st, ":authority_id", auth);
            rc = sp_exec_stmt(db, st, "adding account authority");
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static int insert_account(int64_t *id, sp_db *db, const sp_account_new *in, const char *role,
                          const char *hash)
{
    sqlite3_stmt *st = NULL;
    int64_t owner = 0;
    int rc = in->owner ? sp_resolve(&owner, db, "owner", in->owner) : SP_OK;
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "account/add");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":name", in->name);
    sp_bind_text(st, ":role", role);
    if (owner)
        sp_bind_int(st, ":owner_id", owner);
    sp_bind_text(st, ":email", sp_blank(in->email) ? NULL : in->email);
    sp_bind_int(st, ":all", in->all_authorities ? 1 : 0);
    sp_bind_text(st, ":hash", hash);
    rc = sp_exec_stmt(db, st, "adding account");
    sqlite3_finalize(st);
    if (rc == SP_EEXISTS)
        return sp_fail(db, rc, "account '%s' already exists", in->name);
    *id = sqlite3_last_insert_rowid(db->sql);
    return rc == SP_OK ? add_authorities(db, *id, in) : rc;
}

int sp_account_add(int64_t *id, sp_db *db, const sp_account_new *in)
{
    const char *role;
    char hash[crypto_pwhash_STRBYTES];
    int64_t got = 0;
    sp_clear(db);
    int rc = check_account_fields(db, in, &role);
    if (rc == SP_OK)
        rc = hash_password(hash, db, in->password);
    if (rc == SP_OK)
        rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    rc = insert_account(&got, db, in, role, hash);
    if (rc != SP_OK) {
        char keep[SP_ERRMSG_SIZE];
        memcpy(keep, db->err, sizeof keep);
        sp_rollback(db);
        memcpy(db->err, keep, sizeof keep);
        return rc;
    }
    rc = sp_commit(db);
    if (rc == SP_OK && id)
        *id = got;
    return rc;
}

int sp_account_list(sp_cursor **out, sp_db *db)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "account/list");
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}

int sp_account_authorities(sp_cursor **out, sp_db *db, int64_t account_id)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "account/authorities");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":account_id", account_id);
    return sp_cursor_from_stmt(out, db, st);
}

/* Runs a named UPDATE on account :name (and, if it changed a row, ends the
 * account's sessions); SP_ENOTFOUND if there is no such account. */
static int account_change(sp_db *db, const char *query, const char *name, const char *hash)
{
    sqlite3_stmt *st;
    int rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    rc = sp_prepare(&st, db, query);
    if (rc == SP_OK) {
        sp_bind_text(st, ":name", name);
        sp_bind_text(st, ":hash", hash);
        rc = sp_exec_stmt(db, st, "changing account");
        if (rc == SP_OK && sqlite3_changes(db->sql) == 0)
            rc = sp_fail(db, SP_ENOTFOUND, "no account '%s'", name);
        sqlite3_finalize(st);
    }
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "account/end_sessions");
    if (rc == SP_OK) {
        sp_bind_text(st, ":name", name);
        rc = sp_exec_stmt(db, st, "ending sessions");
        sqlite3_finalize(st);
    }
    if (rc != SP_OK) {
        char keep[SP_ERRMSG_SIZE];
        memcpy(keep, db->err, sizeof keep);
        sp_rollback(db);
        memcpy(db->err, keep, sizeof keep);
        return rc;
    }
    return sp_commit(db);
}

int sp_account_passwd(sp_db *db, const char *name, const char *password)
{
    char hash[crypto_pwhash_STRBYTES];
    sp_clear(db);
    int rc = hash_password(hash, db, password);
    return rc == SP_OK ? account_change(db, "account/passwd", name, hash) : rc;
}

int sp_account_disable(sp_db *db, const char *name)
{
    sp_clear(db);
    return account_change(db, "account/disable", name, NULL);
}

/* The account's id if name and password match an enabled account. A
 * missing account still costs one hash, so timing does not tell. */
static int check_password(int64_t *id, sp_db *db, const char *name, const char *password)
{
    char dummy[crypto_pwhash_STRBYTES];
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "account/hash");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":name", name);
    int step = sqlite3_step(st);
    bool found = step == SQLITE_ROW;
    bool ok = false;
    if (found) {
        const char *hash = (const char *)sqlite3_column_text(st, 1);
        ok = hash && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 &&
             sqlite3_column_int(st, 2) == 0;
        *id = sqlite3_column_int64(st, 0);
    } else if (crypto_pwhash_str(dummy, password, strlen(password),
                                 crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                 crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        ok = false; /* only the time spent matters: there is no such account */
    }
    sqlite3_finalize(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return sp_fail_sql(db, "checking the password");
    return ok ? SP_OK : sp_fail(db, SP_EINVALID, "%s", bad_signin);
}

int sp_session_start(char token[SP_TOKEN_SIZE], sp_db *db, const char *name,
                     const char *password, int64_t now)
{
    int64_t id = 0;
    char csrf[SP_TOKEN_SIZE], hash[SP_TOKEN_SIZE];
    sqlite3_stmt *st;
    sp_clear(db);
    token[0] = '\0';
    int rc = sodium_ready(db);
    if (rc == SP_OK && (!name || !password))
        rc = sp_fail(db, SP_EINVALID, "%s", bad_signin);
    if (rc == SP_OK)
        rc = check_password(&id, db, name, password);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "account/session_add");
    if (rc != SP_OK)
        return rc;
    sp_random_hex(token, 32);
    sp_random_hex(csrf, 32);
    token_hash(hash, token);
    sp_bind_text(st, ":token_hash", hash);
    sp_bind_int(st, ":account_id", id);
    sp_bind_text(st, ":csrf", csrf);
    sp_bind_int(st, ":now", now);
    rc = sp_exec_stmt(db, st, "starting a session");
    sqlite3_finalize(st);
    if (rc != SP_OK)
        token[0] = '\0';
    return rc;
}

static void copy_text(char *dst, size_t size, const unsigned char *src)
{
    snprintf(dst, size, "%s", src ? (const char *)src : "");
}

static int touch(sp_db *db, const char *hash, int64_t now)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "account/session_touch");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":token_hash", hash);
    sp_bind_int(st, ":now", now);
    rc = sp_exec_stmt(db, st, "marking the session used");
    sqlite3_finalize(st);
    return rc;
}

int sp_session_find(sp_session *out, sp_db *db, const char *token, int64_t now,
                    int64_t idle_s, int64_t absolute_s)
{
    char hash[SP_TOKEN_SIZE];
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    sp_clear(db);
    if (!token || strlen(token) != SP_TOKEN_SIZE - 1 || sodium_ready(db) != SP_OK)
        return sp_fail(db, SP_ENOTFOUND, "not signed in");
    token_hash(hash, token);
    int rc = sp_prepare(&st, db, "account/session_get");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":token_hash", hash);
    sp_bind_int(st, ":now", now);
    sp_bind_int(st, ":idle", idle_s);
    sp_bind_int(st, ":absolute", absolute_s);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        out->account_id = sqlite3_column_int64(st, 0);
        copy_text(out->name, sizeof out->name, sqlite3_column_text(st, 1));
        copy_text(out->role, sizeof out->role, sqlite3_column_text(st, 2));
        out->owner_id = sqlite3_column_int64(st, 3);
        out->all_authorities = sqlite3_column_int(st, 4);
        copy_text(out->csrf, sizeof out->csrf, sqlite3_column_text(st, 5));
    }
    sqlite3_finalize(st);
    if (step == SQLITE_DONE)
        return sp_fail(db, SP_ENOTFOUND, "not signed in, or the session has expired");
    if (step != SQLITE_ROW)
        return sp_fail_sql(db, "finding the session");
    return SP_OK;
}

int sp_session_touch(sp_db *db, const char *token, int64_t now)
{
    char hash[SP_TOKEN_SIZE];
    sp_clear(db);
    if (!token || strlen(token) != SP_TOKEN_SIZE - 1 || sodium_ready(db) != SP_OK)
        return sp_fail(db, SP_ENOTFOUND, "not signed in");
    token_hash(hash, token);
    return touch(db, hash, now);
}

int sp_session_get(sp_session *out, sp_db *db, const char *token, int64_t now,
                   int64_t idle_s, int64_t absolute_s)
{
    int rc = sp_session_find(out, db, token, now, idle_s, absolute_s);
    return rc == SP_OK ? sp_session_touch(db, token, now) : rc;
}

int sp_session_end(sp_db *db, const char *token)
{
    char hash[SP_TOKEN_SIZE];
    sqlite3_stmt *st;
    sp_clear(db);
    if (!token || sodium_ready(db) != SP_OK)
        return SP_OK;
    token_hash(hash, token);
    int rc = sp_prepare(&st, db, "account/session_end");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":token_hash", hash);
    rc = sp_exec_stmt(db, st, "ending the session");
    sqlite3_finalize(st);
    return rc;
}

/* An expired session can never be used again, yet its row would be kept
 * for ever: a token hash and its CSRF secret, for anyone who copies the
 * file. Sessions are credentials, not the plan's history, so they go. */
int sp_session_purge(sp_db *db, int64_t now, int64_t idle_s, int64_t absolute_s)
{
    sqlite3_stmt *st;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "account/sessions_purge");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":now", now);
    sp_bind_int(st, ":idle", idle_s);
    sp_bind_int(st, ":absolute", absolute_s);
    rc = sp_exec_stmt(db, st, "deleting expired sessions");
    sqlite3_finalize(st);
    return rc;
}
