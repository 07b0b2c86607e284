/*
 * Internal interface shared by the library's modules. Not installed; the
 * CLI never includes it.
 */
#ifndef SP_INTERNAL_H
#define SP_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>

#include "embedded.h"
#include "safeplan.h"

#define SP_ERRMSG_SIZE 1024
#define SP_APPLICATION_ID 0x53504c4e /* "SPLN" */

struct sp_db {
    sqlite3 *sql;
    int tx_depth;          /* nesting of sp_begin */
    bool tx_failed;        /* an inner level rolled back: outer commit must fail */
    char today[SP_DATE_SIZE]; /* "" means the system clock */
    char err[SP_ERRMSG_SIZE];
};

struct sp_cursor {
    sp_db *db;
    sqlite3_stmt *stmt;
    const sp_coltype *types; /* per column; NULL means all text */
    sp_coltype *owned_types; /* types, when the cursor allocated them */
    int ncols;
};

/* Records a message on db and returns code (so callers can `return sp_fail(...)`). */
int sp_fail(sp_db *db, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Maps the connection's last SQLite error to an sp_error with a message
 * that starts with `what` (e.g. "adding action"). */
int sp_fail_sql(sp_db *db, const char *what);

/* SP_EINVALID for a timescale that was not understood (action.c): why it
 * is ambiguous, else the accepted forms; `what` names the field. */
int sp_fail_timescale(sp_db *db, const char *what, const char *text, const sp_timescale *ts);

/* Clears the message (start of every public call that may fail). */
void sp_clear(sp_db *db);

/* Prepares a named query from the embedded sql/ files: "action/add" is the
 * statement after the line "-- name: add" in sql/action.sql (up to the next
 * "-- name:" line). Keeping queries in .sql files keeps SQL out of C. */
int sp_prepare(sqlite3_stmt **out, sp_db *db, const char *name);

/* The SQL text sp_prepare compiles for `name`, with "-- include: FRAGMENT"
 * lines replaced by that fragment of the same file. Caller frees it; NULL if
 * the query or a fragment is missing, or memory ran out. */
char *sp_query_sql(const char *name);

/* Prepares literal SQL compiled into the code (for tiny fixed statements). */
int sp_prepare_text(sqlite3_stmt **out, sp_db *db, const char *sql);

/* Binds by parameter name (":name"); a NULL or absent text binds NULL.
 * A name the statement does not use is ignored, so one set of filters can
 * serve several queries. */
int sp_bind_text(sqlite3_stmt *st, const char *name, const char *value);
int sp_bind_int(sqlite3_stmt *st, const char *name, int64_t value);
int sp_bind_null(sqlite3_stmt *st, const char *name);

/* Steps a statement that returns no rows; maps errors with `what`. */
int sp_exec_stmt(sp_db *db, sqlite3_stmt *st, const char *what);

/* Runs a script of several statements (migrations, the example plan). */
int sp_exec_script(sp_db *db, const char *sql, const char *what);

/* Wraps a prepared statement in a cursor (takes ownership of st). */
int sp_cursor_new(sp_cursor **out, sp_db *db, sqlite3_stmt *st, const sp_coltype *types);

/* Column types by name, for cursors over arbitrary queries: columns named
 * *_on or *_date are dates, id / *_id / *count* / days* / n_* are integers. */
int sp_cursor_from_stmt(sp_cursor **out, sp_db *db, sqlite3_stmt *st);

/* True if text is empty or only white space. */
bool sp_blank(const char *text);

/* Checks that text is valid UTF-8 with no NUL or control characters other
 * than tab, CR and LF. */
bool sp_utf8_valid(const char *text, size_t len);

/* Registers the SQL functions the queries use (rag(), rag_reason() ...). */
int sp_register_functions(sp_db *db);

/* ---- validation helpers (validate.c) ---- */

/* Fails with SP_EINVALID unless `value` is a reference segment: 1-40
 * characters of A-Z a-z 0-9 '.' '_' '-'. `what` names it ("review reference"). */
int sp_check_ref(sp_db *db, const char *what, const char *value);

/* Fails with SP_EINVALID if text is NULL or blank: "<what> must not be empty". */
int sp_check_text(sp_db *db, const char *what, const char *text);

/* Fails with SP_EINVALID if text (which may be NULL or blank) is not valid
 * UTF-8: "<what> is not valid UTF-8 text". */
int sp_check_optional_text(sp_db *db, const char *what, const char *text);

/* Canonical enum word into *out, or SP_EINVALID naming `what` and the values. */
int sp_check_enum(const char **out, sp_db *db, const char *kind, const char *what,
                  const char *text);

/* Optional date (NULL stays NULL) parsed into buf; *out points at buf or NULL. */
int sp_check_date(const char **out, char buf[SP_DATE_SIZE], sp_db *db, const char *what,
                  const char *text);

/* Runs a one-row, one-column query already bound; *id gets the value.
 * Returns SP_OK, SP_ENOTFOUND (no row) or an error. Resets st. */
int sp_step_id(int64_t *id, sp_db *db, sqlite3_stmt *st);

/* Number of '/'-separated segments in a path reference (1-4), or -1 for an
 * id or a malformed reference. */
int sp_ref_depth(const char *ref);

/* The id of the owner named `name` (or an id), adding it if it is a new name. */
int sp_owner_ensure(int64_t *id, sp_db *db, const char *name);

/* Binds :as_of (NULL = today) and the sp_filter parameters of a report query. */
int sp_bind_filter(sqlite3_stmt *st, sp_db *db, const char *as_of, const sp_filter *f);

/* Prepares the named report query with date and filters bound. */
int sp_report_open(sp_cursor **out, sp_db *db, const char *query, const char *as_of,
                   const sp_filter *filter);

#endif
