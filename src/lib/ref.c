/* References: an id ("17") or a path of codes ("torbay/2012-peer/3.2/1"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_SEGMENTS 4
#define MAX_REF 256

static int kind_depth(const char *kind)
{
    static const char *const kinds[] = {"authority", "review", "finding", "action"};
    for (int i = 0; i < MAX_SEGMENTS; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return i + 1;
    return 0; /* owner: named by its name, not a path */
}

static const char *path_shape(int depth)
{
    static const char *const shapes[] = {"AUTHORITY", "AUTHORITY/REVIEW",
                                         "AUTHORITY/REVIEW/FINDING",
                                         "AUTHORITY/REVIEW/FINDING/ACTION"};
    return shapes[depth - 1];
}

static bool all_digits(const char *s)
{
    if (!*s || strlen(s) > 18)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* Splits `ref` (copied into buf) on '/' into seg; returns the count or -1. */
static int split(char *buf, const char *ref, const char *seg[MAX_SEGMENTS])
{
    size_t n = strlen(ref);
    if (n == 0 || n >= MAX_REF)
        return -1;
    memcpy(buf, ref, n + 1);
    int count = 0;
    for (char *p = buf, *slash; count < MAX_SEGMENTS; p = slash + 1) {
        seg[count++] = p;
        slash = strchr(p, '/');
        if (!slash)
            return count;
        *slash = '\0';
    }
    return -1; /* too many segments */
}

/* Prepares the query of sql/ref.sql for an object of `kind`: "ref/KIND"
 * followed by `suffix` ("_id", "_path", ...). */
static int prepare_for(sqlite3_stmt **st, sp_db *db, const char *kind, const char *suffix)
{
    char q[32];
    snprintf(q, sizeof q, "ref/%s%s", kind, suffix);
    return sp_prepare(st, db, q);
}

static int resolve_id(int64_t *id, sp_db *db, const char *kind, const char *digits)
{
    sqlite3_stmt *st;
    int rc = prepare_for(&st, db, kind, "_id");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", strtoll(digits, NULL, 10));
    rc = sp_step_id(id, db, st);
    sqlite3_finalize(st);
    if (rc == SP_ENOTFOUND)
        return sp_fail(db, rc, "no %s with id %s", kind, digits);
    return rc;
}

/* The message for a path that names nothing: "no KIND 'REF'" and the
 * closest paths that exist, among the parent's children if the parent
 * exists, else the parent's own message (the typo is there). */
static void suggest_path(sp_db *db, const char *kind, const char *ref, int depth)
{
    static const char *const names[] = {"ref/authority_names", "ref/review_names",
                                        "ref/finding_names", "ref/action_names"};
    static const char *const parents[] = {NULL, NULL, "review", "finding"};
    char parent[MAX_REF], why[SP_ERRMSG_SIZE];
    int64_t parent_id = 0;
    if (depth <= 2) {
        sp_fail(db, SP_ENOTFOUND, "no %s '%s'", kind, ref);
        sp_suggest(db, names[depth - 1], NULL, 0, ref);
        return;
    }
    snprintf(parent, sizeof parent, "%s", ref);
    *strrchr(parent, '/') = '\0';
    int rc = sp_resolve(&parent_id, db, parents[depth - 1], parent);
    snprintf(why, sizeof why, "%s", sp_errmsg(db));
    if (rc == SP_OK) {
        sp_fail(db, SP_ENOTFOUND, "no %s '%s'", kind, ref);
        sp_suggest(db, names[depth - 1], ":parent", parent_id, ref);
    } else {
        sp_fail(db, SP_ENOTFOUND, "no %s '%s': %s", kind, ref, why);
    }
}

static int resolve_path(int64_t *id, sp_db *db, const char *kind, const char *ref,
                        const char *seg[], int depth)
{
    static const char *const names[] = {":a", ":r", ":f", ":x"};
    char code[48];
    sqlite3_stmt *st;
    int rc = prepare_for(&st, db, kind, "");
    if (rc != SP_OK)
        return rc;
    /* Authority codes are lower case; let people type "Torbay". */
    snprintf(code, sizeof code, "%s", seg[0]);
    for (char *p = code; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    sp_bind_text(st, names[0], code);
    for (int i = 1; i < depth; i++)
        sp_bind_text(st, names[i], seg[i]);
    rc = sp_step_id(id, db, st);
    sqlite3_finalize(st);
    if (rc == SP_ENOTFOUND)
        suggest_path(db, kind, ref, depth);
    return rc;
}

int sp_resolve(int64_t *id, sp_db *db, const char *kind, const char *ref)
{
    sp_clear(db);
    int depth = kind_depth(kind);
    if (!ref || !*ref)
        return sp_fail(db, SP_EINVALID, "no %s named", kind);
    if (all_digits(ref))
        return resolve_id(id, db, depth ? kind : "owner", ref);
    if (depth == 0) {
        sqlite3_stmt *st;
        int rc = sp_prepare(&st, db, "ref/owner");
        if (rc != SP_OK)
            return rc;
        sp_bind_text(st, ":name", ref);
        rc = sp_step_id(id, db, st);
        sqlite3_finalize(st);
        if (rc == SP_ENOTFOUND) {
            sp_fail(db, rc, "no owner '%s'", ref);
            sp_suggest(db, "ref/owner_names", NULL, 0, ref);
        }
        return rc;
    }
    char buf[MAX_REF];
    const char *seg[MAX_SEGMENTS];
    int n = split(buf, ref, seg);
    if (n != depth)
        return sp_fail(db, SP_EINVALID, "%s reference '%s' should be %s or a numeric id", kind,
                       ref, path_shape(depth));
    return resolve_path(id, db, kind, ref, seg, depth);
}

int sp_ref_spelling(sp_db *db, const char *kind, int64_t parent, int64_t self,
                    const char *parent_ref, const char *ref)
{
    sqlite3_stmt *st;
    int rc = prepare_for(&st, db, kind, "_spelled");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, parent ? ":parent" : ":self", parent ? parent : self);
    sp_bind_text(st, ":ref", ref);
    int step = sqlite3_step(st);
    const char *held = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (held && parent)
        rc = sp_fail(db, SP_EEXISTS, "%s '%s/%s' already exists, written '%s/%s' (a "
                     "reference is matched in any capitals): expected another reference",
                     kind, parent_ref, ref, parent_ref, held);
    else if (held)
        rc = sp_fail(db, SP_EEXISTS, "--ref %s: another %s under the same parent is '%s' (a "
                     "reference is matched in any capitals): choose another", ref, kind, held);
    else if (step != SQLITE_DONE && step != SQLITE_ROW)
        rc = sp_fail_sql(db, "checking a reference");
    sqlite3_finalize(st);
    return rc;
}

int sp_ref_depth(const char *ref)
{
    char buf[MAX_REF];
    const char *seg[MAX_SEGMENTS];
    if (!ref || all_digits(ref))
        return -1;
    return split(buf, ref, seg);
}

int sp_ref_path(char **out, sp_db *db, const char *kind, int64_t id)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = prepare_for(&st, db, kind, "_path");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = strdup((const char *)sqlite3_column_text(st, 0));
        rc = *out ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
    } else {
        rc = rc == SQLITE_DONE ? sp_fail(db, SP_ENOTFOUND, "no %s with id %lld", kind,
                                         (long long)id)
                               : sp_fail_sql(db, "finding a path");
    }
    sqlite3_finalize(st);
    return rc;
}

/* ref_path(a, b, ...): the parts joined by '/', as a || '/' || b || ...
 * gives (NULL when any part is NULL). Every list prints a path for each
 * row; the chain of || built it in six allocations and copies (about 3,600
 * instructions a row, 7% of an authority's overdue list), this in one. */
static void sql_ref_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char local[4 * MAX_REF];
    size_t len = 0;
    for (int i = 0; i < argc; i++) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            sqlite3_result_null(ctx);
            return;
        }
        len += (size_t)sqlite3_value_bytes(argv[i]) + 1;
    }
    char *buf = len <= sizeof local ? local : sqlite3_malloc64(len);
    if (!buf) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t n = 0;
    for (int i = 0; i < argc; i++) {
        const unsigned char *part = sqlite3_value_text(argv[i]);
        size_t bytes = (size_t)sqlite3_value_bytes(argv[i]);
        if (i > 0)
            buf[n++] = '/';
        if (bytes)
            memcpy(buf + n, part, bytes);
        n += bytes;
    }
    sqlite3_result_text64(ctx, buf, n, buf == local ? SQLITE_TRANSIENT : sqlite3_free,
                          SQLITE_UTF8);
}

int sp_register_ref_functions(sp_db *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(db->sql, "ref_path", -1, flags, NULL, sql_ref_path, NULL,
                                   NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "registering SQL functions");
    return SP_OK;
}
