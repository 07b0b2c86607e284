/*
 * safeplan.h — the public API of libsafeplan.
 *
 * safeplan keeps councils' safeguarding improvement plans (authorities,
 * reviews, findings, actions and their progress history) in SQLite.
 *
 * Conventions, as in libgit2:
 *  - every symbol starts with sp_ (types, functions) or SP_ (constants);
 *  - handles are opaque; output parameters come first;
 *  - functions return SP_OK (0) or a negative sp_error code; the message
 *    for the last failure on a handle is sp_errmsg(db);
 *  - strings passed in are borrowed for the call only; strings handed out
 *    are owned by the object they came from unless a comment says the
 *    caller frees them (with sp_free);
 *  - every *_free function accepts NULL;
 *  - the library never prints and never exits.
 *
 * Dates are ISO 8601 strings "YYYY-MM-DD" in and out (SP_DATE_SIZE bytes
 * with the terminating NUL).
 *
 * References ("refs"): an object is named by its numeric id ("17") or by a
 * path of references separated by '/':
 *     authority  CODE                       torbay
 *     review     CODE/REVIEW                torbay/2012-peer
 *     finding    CODE/REVIEW/FINDING        torbay/2012-peer/3.2
 *     action     CODE/REVIEW/FINDING/ACTION torbay/2012-peer/3.2/1
 * Authority codes begin with a letter, so an all-digit name is always an id.
 * Owners are named by id or by their name (case-insensitive).
 */
#ifndef SAFEPLAN_H
#define SAFEPLAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SP_VERSION "0.1.0"
#define SP_DATE_SIZE 11 /* "YYYY-MM-DD" and NUL */

/* ------------------------------------------------------------------ */
/* Return codes                                                        */

typedef enum sp_error {
    SP_OK = 0,
    SP_ERROR = -1,       /* runtime failure: I/O, SQLite, disk full */
    SP_ENOMEM = -2,      /* out of memory */
    SP_ENOTFOUND = -3,   /* a named object does not exist */
    SP_EEXISTS = -4,     /* an object with that reference already exists */
    SP_EINVALID = -5,    /* a value is malformed or out of range */
    SP_ECONFLICT = -6,   /* not allowed in the current state (e.g. a transition) */
    SP_ENOTSAFEPLAN = -7,/* the file is not a safeplan database */
    SP_ENEWER = -8,      /* the database was written by a newer safeplan */
    SP_EREADONLY = -9,   /* the database cannot be written */
    SP_EBUSY = -10       /* another writer held the database too long */
} sp_error;

/* Cursor step results (positive so they never collide with sp_error). */
#define SP_ROW 1
#define SP_DONE 2

/* A short constant name for a code, e.g. "not found". Never NULL. */
const char *sp_strerror(int code);

/* Frees memory the library handed to the caller. Accepts NULL. */
void sp_free(void *p);

/* ------------------------------------------------------------------ */
/* Opening a database                                                  */

typedef struct sp_db sp_db;

/* Flags for sp_open. */
#define SP_OPEN_CREATE 0x1   /* create the file (mode 0600) if missing */
#define SP_OPEN_READONLY 0x2 /* never write, never upgrade */

/*
 * Opens (and if needed creates or upgrades) the database at `path`.
 * A new file gets the whole current schema; an older one is upgraded one
 * migration at a time, each in its own transaction. A file that is not a
 * safeplan database (SP_ENOTSAFEPLAN), or one from a newer version
 * (SP_ENEWER), is refused and left untouched.
 *
 * On success *out is a handle the caller closes with sp_close. On failure
 * *out is still set (unless the failure was SP_ENOMEM, when it is NULL) so
 * that sp_errmsg(*out) can say why; the caller must sp_close it too.
 */
int sp_open(sp_db **out, const char *path, unsigned flags);

/* Closes the handle and frees it. Accepts NULL. */
void sp_close(sp_db *db);

/* The message for the last failure on `db`; "" if none. Owned by db and
 * valid until the next call on it. Accepts NULL (returns "out of memory"). */
const char *sp_errmsg(const sp_db *db);

/* The schema version this library writes (PRAGMA user_version). */
int sp_schema_version(void);

/* The schema version of the open database. */
int sp_db_version(sp_db *db);

/*
 * Sets the date the library treats as "today" (ISO), for reproducible
 * reports and tests; NULL restores the system clock (UTC).
 */
int sp_set_today(sp_db *db, const char *iso_date);

/* Writes today's date (as set, else the system's) into out. */
void sp_today(sp_db *db, char out[SP_DATE_SIZE]);

/*
 * Explicit transactions, for callers grouping several writes. Writes are
 * made with BEGIN IMMEDIATE so concurrent writers wait (busy timeout)
 * rather than fail midway. Nested calls are counted; only the outermost
 * commit commits. sp_rollback undoes the whole outermost transaction.
 */
int sp_begin(sp_db *db);
int sp_commit(sp_db *db);
int sp_rollback(sp_db *db);

/* ------------------------------------------------------------------ */
/* Cursors: every list and report is a cursor over rows of text cells. */

typedef struct sp_cursor sp_cursor;

typedef enum sp_coltype {
    SP_COL_TEXT = 0,
    SP_COL_INT = 1,
    SP_COL_DATE = 2,  /* ISO date text */
    SP_COL_REAL = 3
} sp_coltype;

/* Advances to the next row: SP_ROW, SP_DONE, or a negative sp_error (the
 * message is on the cursor's database handle). */
int sp_cursor_step(sp_cursor *c);

/* Number of columns; stable for the life of the cursor. */
int sp_cursor_columns(const sp_cursor *c);

/* The column's stable machine name (used as CSV header and JSON key). */
const char *sp_cursor_name(const sp_cursor *c, int col);

/* The column's type, for formatting (alignment, JSON numbers). */
sp_coltype sp_cursor_type(const sp_cursor *c, int col);

/* The current row's cell as UTF-8 text, or NULL for an empty (NULL) cell.
 * Owned by the cursor; valid until the next step or free. */
const char *sp_cursor_text(sp_cursor *c, int col);

/* The cell as an integer (0 for NULL). */
int64_t sp_cursor_int(sp_cursor *c, int col);

/* Finishes the cursor. Accepts NULL. */
void sp_cursor_free(sp_cursor *c);

/* ------------------------------------------------------------------ */
/* Dates                                                               */

/*
 * Parses a calendar date written as ISO 8601 ("2017-06-30") or UK
 * day-first ("30/06/2017", also with '-' or '.'), checking that the day
 * exists. Writes ISO into out. Returns SP_OK or SP_EINVALID.
 */
int sp_date_parse(char out[SP_DATE_SIZE], const char *text);

/*
 * Resolves a due date or timescale as councils write it, relative to
 * `base` (an ISO date: the action's start date, else today): any date
 * sp_date_parse accepts, "3 months", "6m", "12 weeks", "10 days",
 * "March 2017", "end of March 2017", "mid July 2012", "Q2 2017/18",
 * "end of 2016/17". Writes ISO into out. Returns SP_OK or SP_EINVALID.
 */
int sp_due_parse(char out[SP_DATE_SIZE], const char *text, const char *base);

/* One line listing the forms sp_due_parse accepts, for error messages. */
const char *sp_due_forms(void);

/* Whole days from date a to date b (b - a); both ISO. */
int sp_date_diff(const char *a, const char *b);

/* ------------------------------------------------------------------ */
/* Enumerations, each with a canonical word                            */

/* Normalises a word for an enumerated column: accepts any case, and
 * spaces or hyphens for underscores ("In progress" -> "in_progress").
 * `kind` names the column: "authority_kind", "review_kind",
 * "finding_kind", "status", "rag". Returns the canonical (static) word,
 * or NULL if the word is not one of the allowed values. */
const char *sp_enum_word(const char *kind, const char *text);

/* The allowed values of `kind`, comma-separated, for error messages. */
const char *sp_enum_values(const char *kind);

/* ------------------------------------------------------------------ */
/* Plan objects                                                        */

/* Resolves a reference (see the top of this file) to an id. kind is one
 * of "authority", "review", "finding", "action", "owner". Returns SP_OK,
 * SP_ENOTFOUND or SP_EINVALID (a malformed path). */
int sp_resolve(int64_t *id, sp_db *db, const char *kind, const char *ref);

/* The full reference path of an object (e.g. "torbay/2012-peer/3.2/1").
 * The caller frees *out with sp_free. */
int sp_ref_path(char **out, sp_db *db, const char *kind, int64_t id);

typedef struct sp_authority_new {
    const char *code;  /* required: lower-case letters, digits, '-', '_' or '.' */
    const char *name;  /* required */
    const char *kind;  /* NULL for "council" */
} sp_authority_new;

/* Adds an authority; *id (may be NULL) receives its id.
 * SP_EEXISTS if the code is taken, SP_EINVALID for bad values. */
int sp_authority_add(int64_t *id, sp_db *db, const sp_authority_new *in);

/* Lists authorities: code, name, kind, reviews, actions. */
int sp_authority_list(sp_cursor **out, sp_db *db);

typedef struct sp_review_new {
    const char *authority; /* required: a reference */
    const char *ref;       /* required: unique within the authority */
    const char *kind;      /* required: see sp_enum_values("review_kind") */
    const char *title;     /* required */
    const char *from, *to, *reported; /* optional dates (ISO or UK) */
    const char *judgement; /* optional */
} sp_review_new;

int sp_review_add(int64_t *id, sp_db *db, const sp_review_new *in);

/* Lists reviews, of one authority if `authority` is not NULL. */
int sp_review_list(sp_cursor **out, sp_db *db, const char *authority);

typedef struct sp_finding_new {
    const char *review; /* required: a reference */
    const char *ref;    /* required: unique within the review */
    const char *kind;   /* required: see sp_enum_values("finding_kind") */
    const char *theme;  /* required */
    const char *text;   /* required */
} sp_finding_new;

int sp_finding_add(int64_t *id, sp_db *db, const sp_finding_new *in);

/* Lists findings, of one review if `review` is not NULL. */
int sp_finding_list(sp_cursor **out, sp_db *db, const char *review);

typedef struct sp_owner_new {
    const char *name;  /* required: a role, team or person */
    const char *team;  /* optional */
    const char *email; /* optional */
} sp_owner_new;

int sp_owner_add(int64_t *id, sp_db *db, const sp_owner_new *in);
int sp_owner_list(sp_cursor **out, sp_db *db);

typedef struct sp_action_new {
    const char *finding; /* required: a reference */
    const char *title;   /* required: what will be done */
    const char *owner;   /* required: an owner's name or id; created if new */
    const char *due;     /* required: a date or timescale (sp_due_parse) */
    const char *start;   /* optional date; the base for relative timescales */
    const char *ref;     /* optional: defaults to the next number in the finding */
    const char *measure; /* optional: how we will know it worked */
} sp_action_new;

/* Adds an action. *id (may be NULL) receives its id; due_out (may be NULL)
 * receives the resolved due date, so callers can echo it back. */
int sp_action_add(int64_t *id, char due_out[SP_DATE_SIZE], sp_db *db,
                  const sp_action_new *in);

/* Lists actions, of one finding, review or authority if `scope` is a
 * reference to one (NULL for all). */
int sp_action_list(sp_cursor **out, sp_db *db, const char *scope);

/* One row describing the action (every stored field, with its path). */
int sp_action_get(sp_cursor **out, sp_db *db, int64_t action_id);

/* ------------------------------------------------------------------ */
/* Reports                                                             */

/* Narrows a report. Every field is optional (NULL = no filter); the same
 * filters apply to every report and to the export. */
typedef struct sp_filter {
    const char *authority; /* a reference */
    const char *review;    /* a reference */
    const char *finding;   /* a reference */
    const char *owner;     /* an owner's name or id */
    const char *theme;     /* the theme, case-insensitive */
    const char *status;    /* a status word (any accepted spelling) */
    const char *rag;       /* red, amber, green, blue or grey (as of the date) */
} sp_filter;

/*
 * Open actions past their current due date on `as_of` (ISO; NULL = today),
 * most overdue first. Columns, in this stable order: id, path, authority,
 * review, finding_ref, theme, finding, action, owner, start_on,
 * original_due_on, due_on, days_overdue, aging, rag, rag_reason,
 * last_update_on, status. aging is 1-30, 31-90, 91-180 or 180+.
 */
int sp_overdue(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter);

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

#include <stdio.h>

/* Flags for CSV output. Output is RFC 4180: UTF-8, CRLF line ends, fields
 * quoted when needed, quotes doubled, line breaks inside fields kept. */
#define SP_CSV_WITH_BOM 0x1  /* start with a UTF-8 byte-order mark (for Excel) */
#define SP_CSV_NO_GUARD 0x2  /* turn OFF the formula-injection guard (risky: a
                                spreadsheet may run a cell beginning with = + - @) */

/*
 * Writes the cursor's column names, then each row, to `out`, streaming
 * (memory does not grow with the number of rows). Unless SP_CSV_NO_GUARD, a text
 * cell that begins with = + - @ tab CR LF or ' is written with one more
 * leading ' so that no spreadsheet runs it as a formula; the importer
 * removes exactly that one, so the guard is reversible. Does not free the
 * cursor. Returns SP_OK, or SP_ERROR if writing failed (e.g. disk full).
 */
int sp_csv_write_cursor(FILE *out, sp_cursor *c, unsigned flags);

/* ------------------------------------------------------------------ */
/* RAG                                                                 */

/*
 * Ratings are computed for an as-of date, never stored. First match wins:
 *   blue   complete or signed off
 *   grey   transferred or withdrawn
 *   red    open and past its due date
 *   amber  open and due within rag.amber_days (default 28; 0 = due today)
 *   amber  open and its due date was revised later than the original
 *   amber  open and no update for rag.stale_days or more (default 60),
 *          counted from the last update, else the start date; 0 turns
 *          this rule off
 *   green  otherwise
 * A manual override replaces the rating; its reason shows both, e.g.
 *   "amber: override (partner data late); computed red: 37 days past due
 *    date 2017-03-31".
 */

/* Reads the settings rag.amber_days and rag.stale_days. */
int sp_rag_settings(int *amber_days, int *stale_days, sp_db *db);

/* Sets "rag.amber_days" or "rag.stale_days" to a whole number of days,
 * 0-3650 (given as text, as typed). SP_EINVALID for another key or value. */
int sp_rag_set(sp_db *db, const char *key, const char *value);

/*
 * Rates one action as of `as_of` (an ISO or UK date; NULL for sp_today).
 * *rag receives a static word ("red", "amber", "green", "blue", "grey");
 * *reason the explanation ("red: 37 days past due date 2017-03-31"),
 * which the caller frees with sp_free. SP_ENOTFOUND if there is no such
 * action, SP_EINVALID for a bad date.
 */
int sp_action_rag(const char **rag, char **reason, sp_db *db, int64_t action_id,
                  const char *as_of);

/* ------------------------------------------------------------------ */
/* The bundled example plan                                            */

/*
 * Loads the example plan built from five real council papers (2012–2018).
 * Idempotent: objects already present (same references) are left as they
 * are. *added (may be NULL) receives the number of actions added.
 */
int sp_demo_load(int *added, sp_db *db);

/* The as-of date the example plan is meant to be viewed at. */
const char *sp_demo_default_date(void);

#ifdef __cplusplus
}
#endif
#endif /* SAFEPLAN_H */
