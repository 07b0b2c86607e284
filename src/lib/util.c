/* Errors, statements, binding and the embedded-file lookup. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "swar.h"
#include "utf8.h"

const char *sp_strerror(int code)
{
    switch (code) {
    case SP_OK: return "ok";
    case SP_ENOMEM: return "out of memory";
    case SP_ENOTFOUND: return "not found";
    case SP_EEXISTS: return "already exists";
    case SP_EINVALID: return "invalid input";
    case SP_ECONFLICT: return "conflict";
    case SP_ENOTSAFEPLAN: return "not a safeplan database";
    case SP_ENEWER: return "database from a newer version";
    case SP_EREADONLY: return "read-only";
    case SP_EBUSY: return "database busy";
    default: return "error";
    }
}

void sp_free(void *p)
{
    free(p);
}

const char *sp_errmsg(const sp_db *db)
{
    return db ? db->err : "out of memory";
}

void sp_clear(sp_db *db)
{
    db->err[0] = '\0';
}

int sp_fail(sp_db *db, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    return code;
}

/* The constraint messages SQLite gives are about tables and columns; keep
 * them (they name the value's column) but classify the failure. */
static int classify(int xrc)
{
    switch (xrc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return SP_EEXISTS;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL: return SP_EINVALID;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return SP_ENOTFOUND;
    case SQLITE_CONSTRAINT_TRIGGER: return SP_ECONFLICT;
    }
    switch (xrc & 0xff) {
    case SQLITE_NOMEM: return SP_ENOMEM;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return SP_EBUSY;
    case SQLITE_READONLY: return SP_EREADONLY;
    case SQLITE_NOTADB: return SP_ENOTSAFEPLAN;
    default: return SP_ERROR;
    }
}

int sp_fail_sql(sp_db *db, const char *what)
{
    if (!db->sql)
        return sp_fail(db, SP_ENOMEM, "%s: out of memory", what);
    int xrc = sqlite3_extended_errcode(db->sql);
    const char *msg = sqlite3_errmsg(db->sql);
    int sys = sqlite3_system_errno(db->sql);
    /* A write refused for space (a full disk, or a file-size limit) is an
     * I/O error to SQLite; say what it means for the user. */
    if ((xrc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT))
        xrc = SQLITE_FULL;
    switch (xrc & 0xff) {
    case SQLITE_FULL:
        return sp_fail(db, SP_ERROR, "%s: the disk is full; nothing was changed", what);
    case SQLITE_READONLY:
        return sp_fail(db, SP_EREADONLY, "%s: the database is read-only; nothing was changed",
                       what);
    case SQLITE_BUSY:
        return sp_fail(db, SP_EBUSY, "%s: another user held the database for too long; "
                       "nothing was changed, try again", what);
    case SQLITE_CORRUPT:
        return sp_fail(db, SP_ERROR, "%s: the database file is damaged", what);
    case SQLITE_CANTOPEN:
        return sp_fail(db, SP_ERROR, "%s: cannot open the database file%s%s", what,
                       sys ? ": " : "", sys ? strerror(sys) : "");
    }
    return sp_fail(db, classify(xrc), "%s: %s", what, msg);
}

const char *sp_embedded_get(const char *name)
{
    for (size_t i = 0; i < sp_embedded_count; i++)
        if (strcmp(sp_embedded[i].name, name) == 0)
            return sp_embedded[i].data;
    return NULL;
}

/* Finds "-- name: QUERY" in `text`; sets *start and *len to the statement. */
static bool find_named(const char *text, const char *query, const char **start, size_t *len)
{
    size_t qlen = strlen(query);
    for (const char *p = strstr(text, "-- name: "); p; p = strstr(p + 1, "-- name: ")) {
        const char *name = p + 9;
        if (strncmp(name, query, qlen) != 0 || (name[qlen] != '\n' && name[qlen] != '\r'))
            continue;
        *start = name + qlen;
        const char *end = strstr(*start, "-- name: ");
        *len = end ? (size_t)(end - *start) : strlen(*start);
        return true;
    }
    return false;
}

/* Appends n bytes to the growing buffer *buf (size *len); false if out of memory. */
static bool append(char **buf, size_t *len, const char *s, size_t n)
{
    char *grown = realloc(*buf, *len + n + 1);
    if (!grown)
        return false;
    memcpy(grown + *len, s, n);
    *len += n;
    grown[*len] = '\0';
    *buf = grown;
    return true;
}

static const char *query_file(const char *name);

/* Copies the statement, replacing each "-- include: NAME" line with the
 * fragment "-- name: NAME" of the same file, or "-- include: FILE/NAME"
 * with that fragment of sql/FILE.sql, so a part several queries share (a
 * CTE) is written once. One level: expand_includes expands what the
 * fragments include, in the including query's file (a fragment of another
 * file names its own includes FILE/NAME). NULL if a fragment is missing or
 * memory runs out. */
static char *expand_once(const char *file, const char *start, size_t len)
{
    static const char tag[] = "-- include: ";
    char *buf = NULL;
    size_t used = 0;
    const char *end = start + len, *p = start, *hit;
    while ((hit = strstr(p, tag)) && hit < end) {
        const char *name = hit + sizeof tag - 1, *nl = strchr(name, '\n');
        char fragment_name[64];
        const char *frag;
        size_t flen, nlen = nl ? (size_t)(nl - name) : strlen(name);
        if (nlen == 0 || nlen >= sizeof fragment_name)
            break;
        memcpy(fragment_name, name, nlen);
        fragment_name[nlen] = '\0';
        const char *slash = strchr(fragment_name, '/');
        const char *from = slash ? query_file(fragment_name) : file;
        if (!from || !find_named(from, slash ? slash + 1 : fragment_name, &frag, &flen) ||
            !append(&buf, &used, p, (size_t)(hit - p)) || !append(&buf, &used, frag, flen)) {
            free(buf);
            return NULL;
        }
        p = name + nlen;
    }
    if (!append(&buf, &used, p, (size_t)(end - p))) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The embedded file that holds the query "FILE/QUERY"; NULL if none. */
static const char *query_file(const char *name)
{
    char file[128];
    const char *slash = strchr(name, '/');
    if (!slash || (size_t)(slash - name) > 100)
        return NULL;
    snprintf(file, sizeof file, "sql/%.*s.sql", (int)(slash - name), name);
    return sp_embedded_get(file);
}

/* Fragments may include others, to this depth; an include left after it
 * (a cycle) would be a comment, silently dropping its part: NULL. */
#define INCLUDE_DEPTH 4

/* Expands sql's includes (taking it), those of its fragments and so on,
 * to INCLUDE_DEPTH; NULL if one is left or missing. */
static char *expand_includes(const char *text, char *sql)
{
    for (int depth = 0; sql && depth < INCLUDE_DEPTH && strstr(sql, "-- include: "); depth++) {
        char *deeper = expand_once(text, sql, strlen(sql));
        free(sql);
        sql = deeper;
    }
    if (sql && strstr(sql, "-- include: ")) {
        free(sql);
        return NULL;
    }
    return sql;
}

char *sp_query_sql(const char *name)
{
    const char *text = query_file(name), *start;
    size_t len;
    if (!text || !find_named(text, strchr(name, '/') + 1, &start, &len))
        return NULL;
    return expand_includes(text, strndup(start, len));
}

/* ---- Filters as fixed fragments -------------------------------------
 * A clause such as `(:owner_id IS NULL OR x.owner_id = :owner_id)` is one
 * statement for every case, but SQLite plans a statement before any value
 * is bound, so it cannot use the owner's index for it: a filtered list
 * walked every overdue action (350-800 ms at a million actions, against
 * 5 ms for the plain equality). So each query marks where its filters go
 * with a line "-- filters: SET", and only the filters that are set are put
 * there, each as the fixed fragment "-- name: SET_FIELD" of sql/filter.sql
 * (SET_authority ... SET_no_due). The text is chosen by WHICH filters are
 * present, never by their values, which are still bound (sp_bind_filter):
 * at most 2^8 shapes of each query, each planned on its own indexes. */

static const char *const filter_fields[] = {"authority", "review", "finding", "owner",
                                            "theme",     "status", "rag",     "no_due"};

static bool filter_set(const sp_filter *f, size_t i)
{
    const char *const v[] = {f->authority, f->review, f->finding, f->owner,
                             f->theme,     f->status, f->rag};
    return i < sizeof v / sizeof v[0] ? v[i] != NULL : f->no_due != 0;
}

/* Appends the fragments SET_FIELD for the fields set in f; false if one is
 * missing (a query naming a set it does not define) or memory runs out. */
static bool append_filters(char **buf, size_t *used, const char *file, const char *set,
                           size_t setlen, const sp_filter *f)
{
    for (size_t i = 0; f && i < sizeof filter_fields / sizeof filter_fields[0]; i++) {
        char fragment[64];
        const char *frag;
        size_t flen;
        if (!filter_set(f, i))
            continue;
        snprintf(fragment, sizeof fragment, "%.*s_%s", (int)setlen, set, filter_fields[i]);
        if (!find_named(file, fragment, &frag, &flen) || !append(buf, used, frag, flen))
            return false;
    }
    /* issue 12: voided actions leave every report unless asked for. */
    if (!f || !f->include_void) {
        char fragment[64];
        const char *frag;
        size_t flen;
        snprintf(fragment, sizeof fragment, "%.*s_live", (int)setlen, set);
        if (!find_named(file, fragment, &frag, &flen) || !append(buf, used, frag, flen))
            return false;
    }
    return true;
}

char *sp_query_sql_filtered(const char *name, const sp_filter *f)
{
    static const char tag[] = "-- filters: ";
    const char *file = sp_embedded_get("sql/filter.sql"), *hit;
    char *sql = sp_query_sql(name), *buf = NULL;
    size_t used = 0;
    if (!sql)
        return NULL;
    const char *p = sql;
    while ((hit = strstr(p, tag))) {
        const char *set = hit + sizeof tag - 1;
        size_t setlen = strcspn(set, "\r\n");
        if (!append(&buf, &used, p, (size_t)(hit - p)) ||
            !append_filters(&buf, &used, file, set, setlen, f))
            break;
        p = set + setlen;
    }
    bool ok = !hit && append(&buf, &used, p, strlen(p));
    free(sql);
    if (!ok)
        free(buf);
    /* the filter fragments' own includes (by_replayed_owner) */
    return ok ? expand_includes(query_file(name), buf) : NULL;
}

int sp_prepare(sqlite3_stmt **out, sp_db *db, const char *name)
{
    *out = NULL;
    char *sql = sp_query_sql(name);
    if (!sql)
        return sp_fail(db, SP_ERROR, "internal error: query %s (or a fragment it includes) "
                       "is not embedded, or memory ran out", name);
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, out, NULL);
    free(sql);
    return rc == SQLITE_OK ? SP_OK : sp_fail_sql(db, name);
}

/* Removes, in place, each run of lines from a "-- replayed: begin" line to
 * the next "-- replayed: end" line, both included (sql/report.sql marks so
 * the parts that rebuild actions changed after the report's date). */
static void query_settled(char *sql)
{
    static const char begin[] = "-- replayed: begin", end[] = "-- replayed: end";
    char *from;
    while ((from = strstr(sql, begin)) != NULL) {
        char *to = strstr(from, end);
        if (!to)
            return;
        to += strcspn(to, "\n");
        to += *to == '\n';
        memmove(from, to, strlen(to) + 1);
    }
}

int sp_prepare_filtered(sqlite3_stmt **out, sp_db *db, const char *name, const sp_filter *f,
                        bool settled)
{
    *out = NULL;
    char *sql = sp_query_sql_filtered(name, f);
    if (!sql)
        return sp_fail(db, SP_ERROR, "internal error: query %s (or a filter fragment it "
                       "names) is not embedded, or memory ran out", name);
    if (settled)
        query_settled(sql);
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, out, NULL);
    free(sql);
    return rc == SQLITE_OK ? SP_OK : sp_fail_sql(db, name);
}

void sp_read_end(sp_db *db)
{
    db->snapshot_of = NULL;
    if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

void sp_finalize(sp_db *db, sqlite3_stmt *st)
{
    bool owner = st && db && st == db->snapshot_of;
    sqlite3_finalize(st);
    if (owner)
        sp_read_end(db);
}

int sp_prepare_text(sqlite3_stmt **out, sp_db *db, const char *sql)
{
    if (sqlite3_prepare_v2(db->sql, sql, -1, out, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "preparing a statement");
    return SP_OK;
}

int sp_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i == 0)
        return SQLITE_OK;
    return value ? sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT)
                 : sqlite3_bind_null(st, i);
}

int sp_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i == 0 ? SQLITE_OK : sqlite3_bind_int64(st, i, value);
}

int sp_bind_null(sqlite3_stmt *st, const char *name)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i == 0 ? SQLITE_OK : sqlite3_bind_null(st, i);
}

int sp_exec_stmt(sp_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, what);
    sqlite3_reset(st);
    return rc;
}

int sp_exec_script(sp_db *db, const char *sql, const char *what)
{
    if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, what);
    return SP_OK;
}

bool sp_blank(const char *text)
{
    if (!text)
        return true;
    for (; *text; text++)
        if (*text != ' ' && *text != '\t' && *text != '\r' && *text != '\n')
            return false;
    return true;
}

size_t sp_utf8_seq(const unsigned char *s, size_t left)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
             : (c & 0xf8) == 0xf0 ? 4 : 0;
    if (n == 0 || n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((n == 2 && c < 0xc2) || (n == 3 && c == 0xe0 && s[1] < 0xa0) ||
        (n == 3 && c == 0xed && s[1] >= 0xa0) || (n == 4 && c == 0xf0 && s[1] < 0x90) ||
        (n == 4 && (c > 0xf4 || (c == 0xf4 && s[1] >= 0x90))))
        return 0;
    return n;
}

bool sp_utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint64_t w = len - i >= SP_WORD ? sp_word_at(s + i) : 0;
        if (len - i >= SP_WORD && !sp_word_has_high(w) && !sp_word_has_below(w, 0x20)) {
            i += SP_WORD; /* eight printable ASCII bytes */
            continue;
        }
        if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
        size_t n = sp_utf8_seq(s + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

size_t sp_decimal(char out[24], int64_t v)
{
    char rev[24];
    size_t n = 0, k = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        rev[n++] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0)
        out[k++] = '-';
    while (n > 0)
        out[k++] = rev[--n];
    return k;
}

void sp_json_text(sqlite3_str *out, const char *s, size_t len)
{
    sqlite3_str_appendchar(out, 1, '"');
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '"' || c == '\\')
            sqlite3_str_appendf(out, "\\%c", c);
        else if (c < 0x20)
            sqlite3_str_appendf(out, "\\u%04x", c);
        else
            sqlite3_str_appendchar(out, 1, (char)c);
    }
    sqlite3_str_appendchar(out, 1, '"');
}

int sp_bitset_add(sp_bitset *s, int64_t i, bool *added)
{
    if (i < 0 || (uint64_t)i >= SP_BITSET_MAX)
        return SP_ERROR;
    size_t w = (size_t)(i / 64);
    if (w >= s->nwords) {
        size_t n = s->nwords ? s->nwords : 256;
        while (n <= w)
            n *= 2;
        uint64_t *words = realloc(s->words, n * sizeof *words);
        if (!words)
            return SP_ENOMEM;
        memset(words + s->nwords, 0, (n - s->nwords) * sizeof *words);
        s->words = words;
        s->nwords = n;
    }
    uint64_t bit = UINT64_C(1) << (i % 64);
    if (added)
        *added = !(s->words[w] & bit);
    s->words[w] |= bit;
    return SP_OK;
}

bool sp_bitset_has(const sp_bitset *s, int64_t i)
{
    size_t w = (size_t)((uint64_t)i / 64);
    return i >= 0 && w < s->nwords && ((s->words[w] >> (i % 64)) & 1);
}

int64_t sp_bitset_next(const sp_bitset *s, int64_t after)
{
    uint64_t i = after < 0 ? 0 : (uint64_t)after + 1;
    size_t w = (size_t)(i / 64);
    if (w >= s->nwords)
        return -1;
    uint64_t bits = s->words[w] & (~UINT64_C(0) << (i % 64));
    while (!bits && ++w < s->nwords)
        bits = s->words[w];
    return bits ? (int64_t)(w * 64 + (size_t)__builtin_ctzll(bits)) : -1;
}

void sp_bitset_free(sp_bitset *s)
{
    free(s->words);
    s->words = NULL;
    s->nwords = 0;
}
