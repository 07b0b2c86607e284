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

#include <stdbool.h>
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
/* With SP_OPEN_CREATE: a missing file is built under a private temporary
 * name beside `path` and appears at `path` only when sp_publish succeeds,
 * whole; sp_close without sp_publish leaves nothing at `path`. */
#define SP_OPEN_STAGED 0x4

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
 *
 * The first sp_open of a process turns SQLite's memory statistics off
 * (SQLITE_CONFIG_MEMSTATUS) when SQLite has not been initialized yet:
 * they cost every allocation a lock. A program that wants
 * sqlite3_memory_used() calls sqlite3_initialize() before sp_open.
 */
int sp_open(sp_db **out, const char *path, unsigned flags);

/* Closes the handle and frees it. Accepts NULL. A new database opened
 * with SP_OPEN_STAGED and never published is removed. */
void sp_close(sp_db *db);

/*
 * Gives a new database opened with SP_OPEN_STAGED its name: links it to the
 * path given to sp_open, never replacing a file (SP_EEXISTS if someone else
 * created that path meanwhile; the handle then still holds the unpublished
 * database). Call it with no cursor open and no transaction running. For a
 * database that was not new it does nothing and returns SP_OK.
 */
int sp_publish(sp_db *db);

/* True while db is a new database not yet published. */
bool sp_is_staged(const sp_db *db);

/* ------------------------------------------------------------------ */
/* Health checks                                                       */

/* Receives one finding: ok or not, its area ("integrity", "foreign keys",
 * "schema", "values", "files") and a message naming what was found. */
typedef void (*sp_check_fn)(void *arg, bool ok, const char *area, const char *message);

/*
 * Checks the database: SQLite's integrity_check and foreign_key_check, the
 * schema version, every status, date and setting against what the schema
 * allows (a hand-edited file can hold others), the modes of the database
 * and its -wal/-shm/-journal files, and files left by a command killed
 * while creating it. Calls fn once per finding. Returns the number of
 * failed findings (0: all holds), or a negative code if it could not check.
 */
int sp_check(sp_db *db, sp_check_fn fn, void *arg);

/*
 * Verifies the tamper-evident history: recomputes every chained entry's
 * hash and link (the first that fails is reported: changed, deleted,
 * missing from the middle or the end, back-dated, or the chain broken),
 * finds history entries added outside the chain, and replays every action
 * from its creation through its updates to find state changed without
 * history. Calls fn per finding; returns the number that failed, or a
 * negative code if it could not verify.
 */
int sp_verify(sp_db *db, sp_check_fn fn, void *arg);

/* Hex of an Ed25519 public key, with the NUL. */
#define SP_KEY_HEX_SIZE 65

/*
 * Makes an Ed25519 signing key: the secret in `path` (mode 0600, created,
 * never overwritten: SP_EEXISTS) and the public key in `path`.pub; the
 * public key's hex in public_hex. Keep the secret key outside the database.
 * db only receives the message on failure.
 */
int sp_key_generate(sp_db *db, const char *path, char public_hex[SP_KEY_HEX_SIZE]);

/*
 * A signed statement of the history's size and head hash, as text
 * ("safeplan checkpoint 1", entries, head, taken, public-key, signature);
 * *out is freed by the caller with sp_free. key_path NULL: the same
 * statement unsigned ("signature: none"), which sp_checkpoint_verify
 * refuses to trust (the committee pack prints it when no key is given).
 * sp_checkpoint_verify finds the statement anywhere in `text`, so an HTML
 * report or the lines cut from a pack can be given whole.
 */
int sp_checkpoint(char **out, sp_db *db, const char *key_path);

/*
 * Checks that the history extends the checkpoint `text` exactly: its
 * signature holds (and, if public_hex is not NULL, was made with that key),
 * and the chain's entry at the checkpoint's size has its head hash. Calls
 * fn per finding; returns the number that failed, or a negative code.
 * Run sp_verify as well to check the chain itself.
 */
int sp_checkpoint_verify(sp_db *db, const char *text, const char *public_hex, sp_check_fn fn,
                         void *arg);

/* Only the file modes: calls fn (ok false) for each of the database's files
 * that its group or others may read or write; returns how many. */
int sp_check_modes(sp_db *db, sp_check_fn fn, void *arg);

/* The message for the last failure on `db`; "" if none. Owned by db and
 * valid until the next call on it. Accepts NULL (returns "out of memory"). */
const char *sp_errmsg(const sp_db *db);

/*
 * Writes a consistent copy of the open database to `path` with SQLite's
 * online backup API (other processes may go on using the database). The
 * copy is made under a temporary name beside `path` (mode 0600), checked
 * (PRAGMA integrity_check, application id, schema version) and only then
 * named `path`. An existing `path` is refused (SP_EEXISTS) and never
 * replaced. Restoring is using the copy: open it, or copy it into place.
 */
int sp_backup(sp_db *db, const char *path);

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

/* ---- Timescales as councils write them (issue 11) ---- */

typedef enum sp_due_kind {
    SP_DUE_DATE = 0,      /* a due date (due) */
    SP_DUE_OPEN = 1,      /* open-ended: "Ongoing", "TBC", "N/A", empty;
                             "From July 2012" also names a start (start) */
    SP_DUE_RECURRING = 2, /* repeats: "Monthly", "Every 6 weeks" (cadence) */
    SP_DUE_COMPLETE = 3   /* "Complete", "Done": the action is finished; with the
                             day it was ("Completed July 2025") in due */
} sp_due_kind;

typedef struct sp_timescale {
    sp_due_kind kind;
    char due[SP_DATE_SIZE];   /* SP_DUE_DATE: the date it resolves to;
                                 SP_DUE_COMPLETE: the day it was done, or "" */
    char start[SP_DATE_SIZE]; /* a start it names ("From July 2012"), or "" */
    char cadence[16];         /* SP_DUE_RECURRING: "1 month", "6 weeks" */
    int exact;                /* 1 if the text names one calendar day */
    int from_base;            /* 1 if the base date was read to resolve it (an
                                 offset, a day or month without a year, the
                                 next financial year end); 0: any base gives
                                 the same result */
    const char *ambiguous;    /* on SP_EINVALID: why the text has two readings
                                 and how to write it (static), or NULL */
} sp_timescale;

/*
 * Reads a timescale as written in a plan: every form sp_due_parse accepts,
 * written days ("16th July 2012", "01-Apr-18", "1/4/18", Excel's
 * "2018-04-01 00:00:00"), months and seasons with or without a year,
 * ranges (the later end), quarters and financial years, offsets, open-ended
 * and recurring words, "Complete". `base` (ISO, may be NULL for no base)
 * is the date offsets count from and periods without a year fall on or
 * after. Returns SP_OK or SP_EINVALID (out->ambiguous may say why).
 */
int sp_timescale_parse(sp_timescale *out, const char *text, const char *base);

/* The forms sp_timescale_parse accepts, for messages and --help (static). */
const char *sp_timescale_forms(void);

/* The next report date of a recurring action: from + cadence + grace days. */
int sp_cadence_next(char out[SP_DATE_SIZE], const char *from, const char *cadence,
                    int grace_days);

/* ------------------------------------------------------------------ */
/* Text shown to people                                                */

/* Three bytes for each of UAX #9's 125 levels, and the NUL. */
#define SP_BIDI_CLOSERS_SIZE 376
/* Writes to out, NUL-ended, the invisible closers (U+202C, U+2069, the
 * innermost first) of every direction embedding, override and isolate
 * that text leaves open at its end; returns how many. The library refuses
 * text whose lines leave one open (it would reverse or reorder whatever
 * is shown after the text: the "Trojan Source" trick), but a file written
 * before that rule, or by hand, may hold some: output that puts other
 * text after such a value writes these after it. */
int sp_bidi_closers(const char *text, char out[SP_BIDI_CLOSERS_SIZE]);

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

/* The code and name of every authority, by code: what a choice of
 * authority offers. It counts nothing, so it costs the number of
 * authorities, where sp_authority_list counts every action (from indexes). */
int sp_authority_codes(sp_cursor **out, sp_db *db);

typedef struct sp_review_new {
    const char *authority; /* required: a reference */
    const char *ref;       /* required: unique within the authority */
    const char *kind;      /* required: see sp_enum_values("review_kind") */
    const char *title;     /* required */
    const char *from, *to, *reported; /* optional dates (ISO or UK) */
    const char *judgement; /* optional */
} sp_review_new;

int sp_review_add(int64_t *id, sp_db *db, const sp_review_new *in);

/* Lists with SP_LIST_INCLUDE_VOID show voided objects too (issue 12: a
 * void hides an object from every list and report, and deletes nothing). */
#define SP_LIST_INCLUDE_VOID 0x1

/* Lists reviews, of one authority if `authority` is not NULL; flags 0 or
 * SP_LIST_INCLUDE_VOID. */
int sp_review_list(sp_cursor **out, sp_db *db, const char *authority, unsigned flags);

typedef struct sp_finding_new {
    const char *review; /* required: a reference */
    const char *ref;    /* required: unique within the review */
    const char *kind;   /* required: see sp_enum_values("finding_kind") */
    const char *theme;  /* required */
    const char *text;   /* required */
} sp_finding_new;

int sp_finding_add(int64_t *id, sp_db *db, const sp_finding_new *in);

/* Lists findings, of one review if `review` is not NULL; flags 0 or
 * SP_LIST_INCLUDE_VOID. */
int sp_finding_list(sp_cursor **out, sp_db *db, const char *review, unsigned flags);

typedef struct sp_owner_new {
    const char *name;  /* required: a role, team or person */
    const char *team;  /* optional */
    const char *email; /* optional */
} sp_owner_new;

/* Adds an owner. The name is stored tidy (white space trimmed, each run
 * one space, invisible characters dropped), and refused (SP_EEXISTS) if an
 * owner's name differs from it only by case or spacing. */
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

/* [asof] The action as it stood on as_of (NULL = today), rebuilt from its
 * history as every report does (sp_plan_at's columns): one row, or none
 * when it did not exist yet. The caller frees *out (NULL on failure). */
int sp_action_at(sp_cursor **out, sp_db *db, int64_t action_id, const char *as_of);

/* ------------------------------------------------------------------ */
/* Reports                                                             */

/* Narrows a report. Every field is optional (NULL = no filter); the same
 * filters apply to every report and to the export. */
typedef struct sp_filter {
    const char *authority; /* a reference */
    const char *review;    /* a reference */
    const char *finding;   /* a reference */
    const char *owner;     /* an owner's name or id */
    const char *theme;     /* words of a theme, whole, any case: "leadership"
                              matches "Vision, strategy and leadership" */
    const char *status;    /* a status word (any accepted spelling) */
    const char *rag;       /* red, amber, green, blue or grey (as of the date) */
    int no_due;            /* 1: only open-ended actions (no due date) */
    int include_void;      /* issue 12: 1: voided actions too (lists, export) */
} sp_filter;

/* As sp_action_list, narrowed by the report filters too (may be NULL; RAG
 * as shown today). A scope and a filter may not name the same level. A
 * filter that names nothing fails with SP_ENOTFOUND, naming the closest. */
int sp_action_list_where(sp_cursor **out, sp_db *db, const char *scope,
                         const sp_filter *filter);

/*
 * Every report rates the plan as it stood on the date `as_of` (ISO or UK;
 * NULL = today), with the same RAG rules as sp_action_rag: for a past day,
 * status, due dates, owners, overrides and the latest update as recorded
 * by then, and only the actions that existed then, exactly as sp_plan_at
 * rebuilds them; for today, the current record. Bad dates, unknown
 * references and unknown words give SP_EINVALID or SP_ENOTFOUND with a
 * message naming the value. On success *out is a cursor the caller frees
 * with sp_cursor_free; on failure it is NULL. The filter may be NULL.
 *
 * The list reports (overdue, due soon, stale) share these columns, in this
 * stable order, around their own: id, path, authority (name), review
 * (title), finding_ref, theme, finding (text), action (text), owner,
 * start_on, original_due_on, due_on, ..., rag (as shown: a manual
 * override applies), rag_reason ("amber: override (...); computed red:
 * 37 days past due date 2017-03-31"), ..., status.
 */

/*
 * Open actions past their current due date on as_of, most overdue first
 * (due date, then id). Columns: id, path, authority, review, finding_ref,
 * theme, finding, action, owner, start_on, original_due_on, due_on,
 * days_overdue, aging, rag, rag_reason, last_update_on, status.
 * aging is "1-30", "31-90", "91-180" or "180+" (over 180) days overdue,
 * as in sp_plan_at.
 */
int sp_overdue(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter);

/*
 * Open actions falling due: due on or after as_of and before `before` (a
 * date after as_of; exclusive), or, when before is NULL, within `days`
 * days (due_on <= as_of + days; 0 = due today only; a negative number
 * means the rag.amber_days setting, so the list is what the "due soon"
 * amber rule looks at). days is at most 3650. Soonest first. Columns: id,
 * path, authority, review, finding_ref, theme, finding, action, owner,
 * start_on, original_due_on, due_on, days_to_due, rag, rag_reason,
 * last_update_on, status.
 */
int sp_due_soon(sp_cursor **out, sp_db *db, const char *as_of, const char *before, int days,
                const sp_filter *filter);

/*
 * Every open action (not started or in progress) on as_of, due soonest
 * first, those with no due date last (then by id): an officer's "My
 * actions" with filter->owner set. Without a narrowing filter it sorts
 * every open action of the plan. Columns: as sp_due_soon's (days_to_due
 * is negative when the action is overdue, NULL with no due date).
 */
int sp_open_actions(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter);

/*
 * Open actions with no update for `days` days or more on as_of, counted
 * from the latest update, else from the start date (as the RAG staleness
 * rule counts); actions with neither are left out, having no date to count
 * from. A negative days means the rag.stale_days setting (60 if that is 0,
 * i.e. the rule is off). Stalest first. Columns: id, path, authority,
 * review, finding_ref, theme, finding, action, owner, start_on,
 * original_due_on, due_on, last_update_on, counted_from_on,
 * days_without_update, rag, rag_reason, status.
 */
int sp_stale(sp_cursor **out, sp_db *db, const char *as_of, int days, const sp_filter *filter);

/*
 * Counts per group of actions, one row per group that has any: `by` is
 * "theme" (NULL means theme), "owner", "review", "authority" or "status"
 * (sp_summary_groups lists them). Columns (all integers but the first):
 *   group        the group's name, in the form the matching filter takes:
 *                the theme, the owner's name, the review as
 *                AUTHORITY/REVIEW, the authority's code, the status word
 *   total        actions in the group
 *   red amber green blue grey
 *                the COMPUTED rating (the rules without manual overrides):
 *                red is exactly the number of rows sp_overdue lists for
 *                the same date and filter narrowed to the group
 *   unrated      actions that cannot be rated: a status or date the
 *                schema forbids, written into the file by hand (0 in any
 *                file safeplan alone wrote; sp_check names each value)
 *   overridden   actions whose manual override shows another colour than
 *                the computed one (their rag_reason says which)
 *   not_started in_progress complete signed_off transferred withdrawn
 *                actions by status
 * red + amber + green + blue + grey + unrated = total; the status columns
 * add up to total less the actions whose status is not known.
 * Groups are ordered by name (status: in lifecycle order); theme groups
 * ignore case, as the theme filter does (such a group is named by the
 * spelling that sorts first). Sum the rows for totals.
 */
int sp_summary(sp_cursor **out, sp_db *db, const char *as_of, const char *by,
               const sp_filter *filter);

/* The groupings sp_summary accepts, comma-separated (static). */
const char *sp_summary_groups(void);

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

/*
 * Writes s (len bytes; NULL writes null) as a JSON string: quotes,
 * backslashes and control characters escaped, UTF-8 passed through.
 */
void sp_json_string(FILE *out, const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* Export and import                                                   */

/*
 * Writes the plan as CSV (RFC 4180 as above), one row per action, in
 * reference order (authority code, review, finding, action), streaming:
 * memory does not grow with the plan. The columns, in this stable order,
 * are the field names sp_import reads back:
 *   authority, authority_name, authority_kind, review, review_kind,
 *   review_title, review_started_on, review_ended_on, review_reported_on,
 *   review_judgement, finding_ref, finding_kind, theme, finding,
 *   action_ref, action, owner, start_on, original_due_on, due_on, status,
 *   measure, rag, rag_reason, rag_override, rag_override_reason,
 *   last_update_on, last_update_by, last_update_note,
 *   last_update_evidence, transferred_to, due_as_written, last_progress_on
 * rag and rag_reason are computed for `as_of` (ISO or UK; NULL = today);
 * last_update_* describe the latest update; last_progress_on is the date
 * of the latest that reported progress (a note, evidence, a percentage or a
 * status change), which RAG's staleness and the stale list count from, and
 * which sp_import keeps, so that an export imported elsewhere rates alike. `filter` (may be
 * NULL) selects rows as for the reports. flags: SP_CSV_WITH_BOM,
 * SP_CSV_NO_GUARD. *rows (may be NULL) receives the number of actions
 * written. A bad date or filter fails before anything is written
 * (SP_EINVALID, SP_ENOTFOUND); SP_ERROR if writing failed.
 * With SP_EXPORT_JSON the same rows are written as a JSON array of objects
 * with the same keys (an empty cell is "", a missing value null; no BOM,
 * no guard: JSON is read by programs, which run no formulas).
 */
#define SP_EXPORT_JSON 0x100
/* SP_EXPORT_HISTORY: instead, every entry of the selected actions' history,
 * one row each (the same place columns, then entry (created, update, edit,
 * embedded), entry_on, recorded_at, author, created_as, the action as
 * created, each update's fields with owners by name, each correction's
 * field, old_value and new_value), which sp_import reads back into a plan
 * without those actions, rebuilding the same history. `as_of` must be NULL
 * (SP_EINVALID otherwise); *rows counts entries. */
#define SP_EXPORT_HISTORY 0x200
int sp_export(int64_t *rows, sp_db *db, FILE *out, const char *as_of,
              const sp_filter *filter, unsigned flags);

/* Flags for sp_import_options. */
#define SP_IMPORT_DRY_RUN 0x1  /* check and count everything, change nothing */
#define SP_IMPORT_KEEP_RAG 0x2 /* import a RAG column as manual overrides with
                                  the reason "imported" (default: ignore it,
                                  RAG is computed) */
#define SP_IMPORT_RAW 0x4      /* cells were written without the formula guard:
                                  keep a leading ' as data */

/* Messages kept in a result; further bad rows are only counted. */
#define SP_IMPORT_MAX_ERRORS 50

typedef struct sp_import_options {
    const char *name;      /* the file's name for messages (NULL: "input") */
    const char *review;    /* AUTHORITY/REVIEW (must exist) for rows whose
                              file has no review column */
    const char *authority; /* else an AUTHORITY (must exist): such rows go to
                              a review made for the import, ref
                              "import-YYYY-MM-DD" (today), kind other, title
                              "Plan imported from NAME on YYYY-MM-DD" */
    const char *map;       /* extra header names, "Header=field,..." where
                              field is a column name of sp_export or
                              "ignore"; NULL for none */
    const char *author;    /* author of progress updates that the file does
                              not attribute (NULL: "import") */
    unsigned flags;        /* SP_IMPORT_* */
    /* Workbooks and encodings (see sp_import): */
    const char *sheet;     /* the workbook's sheet to read (NULL: the first) */
    const char *encoding;  /* a text file's encoding: "utf-8", "windows-1252"
                              or "utf-16" (NULL: detected) */
    /* issue 11 */
    const char *fill_down; /* "COLUMN[,COLUMN]": an empty cell in these
                              columns takes the value above it (merged cells);
                              a field name (finding, theme) or a header */
    const char *as_at;     /* the date the sheet speaks for: statuses and
                              progress are recorded as of it (NULL: today) */
    size_t header_row;     /* the header's row, as errors count rows (a
                              text file's line, a sheet's row): the rows
                              above it are passed over (0: the first row,
                              or the first of the first 20 that names the
                              action and another column) */
} sp_import_options;

typedef struct sp_import_counts {
    int64_t authorities, reviews, findings, owners, actions;
} sp_import_counts;

/* A column of the file that no field was found for. */
typedef struct sp_import_column {
    size_t column;         /* 1-based */
    char *header;          /* as written in the file */
    int progress;          /* 1: the header names progress and a reporting round
                              with no exact date ("Progress Q2"): a --map to
                              last_update_note@DATE would import it */
    size_t beside;         /* the header names `field` as a second choice
                              ("SRO"), and this column (1-based) names it
                              first ("Lead officer"); 0: neither */
    const char *field;     /* (static) */
} sp_import_column;

typedef struct sp_import_result {
    int64_t rows;              /* data rows read (not the header, not blank rows) */
    sp_import_counts created;  /* objects created (or, in a dry run, that would be) */
    int64_t updated;           /* existing actions given a progress update */
    int64_t unchanged;         /* existing actions the file did not change */
    int64_t rejected;          /* bad rows (a CSV syntax error counts as one) */
    int64_t irregular;         /* status changes outside the lifecycle, imported as
                                  the council's record (each also in notes) */
    int committed;             /* 1 if the changes were written */
    int rag_ignored;           /* 1-based column of a RAG column that was not
                                  imported (0: none) */
    size_t nerrors;            /* messages, "FILE:LINE:COLUMN: found, expected" */
    char **errors;             /* (at most SP_IMPORT_MAX_ERRORS; see rejected) */
    size_t nnotes;             /* remarks that did not stop the import */
    char **notes;              /* (at most SP_IMPORT_MAX_ERRORS) */
    size_t nunplaced;          /* columns not imported */
    sp_import_column *unplaced;
    /* What was read (NULL where the input was never recognised): */
    const char *format;        /* "csv", "tsv" (tab-separated) or "xlsx" */
    const char *encoding;      /* text: "UTF-8", "Windows-1252", "UTF-16LE" or
                                  "UTF-16BE" */
    int encoding_detected;     /* 1 if detected, 0 if named by the options */
    char *sheet;               /* xlsx: the sheet read (the plan's first) */
    char *sheets;              /* xlsx: every sheet, quoted, ", "-separated */
    size_t nsheets;
    char *sheets_read;         /* xlsx: the sheets read, quoted, ", "-separated:
                                  the plan's and those after it that go on
                                  with it (their header a plan's) */
    size_t nread;              /* ... how many */
    /* issue 11 */
    int64_t open_ended;        /* new actions with no due date (Ongoing, TBC) */
    int64_t recurring;         /* new actions with a cadence (Monthly) */
    int64_t unevidenced;       /* rows signed off without evidence of impact
                                  (each also in notes) */
    int history;               /* 1: a history file (export --history) */
    int64_t history_entries;   /* ... the updates, corrections and embedding
                                  checks rebuilt (created counts the rest) */
    size_t dated_columns;      /* columns of progress for a dated reporting round
                                  ("Progress update - June 2024") */
    int64_t dated_entries;     /* ... the progress entries added from them (a
                                  cell already recorded is not added again) */
    int64_t log_rows;          /* rows whose progress cell is a log of dated
                                  lines ("12/06/2025: met partners") */
    int64_t log_entries;       /* ... the entries added from its lines, each on
                                  its date (one already recorded is not added) */
} sp_import_result;

/*
 * Imports a plan from CSV, tab-separated text or an Excel workbook (told
 * apart by content: a workbook is a zip; an OLE file, an old .xls or a
 * password-protected workbook, is refused). Text is UTF-8, Windows-1252
 * or UTF-16 (a byte-order mark, else valid UTF-8, else Windows-1252; or
 * opt->encoding); its columns are separated by commas, or by tabs (format
 * "tsv": a file named .tsv) or semicolons (said in notes) when these split
 * more of its first records evenly. A workbook's sheet (opt->sheet; else
 * the first visible one with a header, and the visible sheets after it
 * whose header names the action and its owner or due date, each with its
 * own header: result sheets_read) is read as its reader sees it: dates as
 * dates (1900 or 1904 system), numbers as Excel shows them, a merged
 * range's value in each of its cells; its errors are placed as
 * NAME:Sheet!C7. The header is the
 * first row, or the first of the first 20 that names the action and
 * another column (the rows above it, a title or a RAG key, are named in
 * notes and not imported).
 *
 * The columns: the export's own, or the headers
 * councils use (case-insensitive; see `safeplan import --help`). Creates
 * missing authorities, reviews, findings, owners and actions; an action
 * already present (same references) gets a progress update appended when
 * the row changes its status, due date, owner, transfer, override, note
 * or evidence, and is otherwise left alone. Everything happens in one
 * transaction: if any row is bad nothing changes, and every bad row is
 * reported. Reads `in` to its end (does not close it).
 *
 * *out receives the result (also on failure, except SP_ENOMEM, when it is
 * NULL); the caller frees it with sp_import_result_free. Returns SP_OK,
 * SP_EINVALID if rows were rejected or the file cannot be placed (see
 * errors; sp_errmsg sums up), SP_ENOTFOUND if opt->review or
 * opt->authority does not exist, or a runtime error. A dry run returns
 * what the real import would, and changes nothing.
 *
 * What the import writes: a new action takes the state its row records
 * (status, current due date, transfer, override); if the row also reports
 * progress (last_update_* columns: a note, evidence, a date or an author),
 * that becomes one progress update dated as the file says (else today) that
 * brings the action from not_started to that state, so an export imported
 * into an empty database exports again byte for byte. For an existing
 * action any status is taken, even a move the lifecycle would refuse (the
 * file is the council's record); such moves are counted in `irregular` and
 * described in notes. A plan with no actions is loaded in bulk: its
 * secondary indexes are built once at the end, by a sort that holds index
 * keys only (ids and dates, never plan text) and, for a large file, may
 * spill to a temporary file rather than hold tens of MiB in memory.
 */
int sp_import(sp_import_result **out, sp_db *db, FILE *in, const sp_import_options *opt);

/* The same over `len` bytes in memory (for tests and fuzzing). */
int sp_import_buffer(sp_import_result **out, sp_db *db, const void *data, size_t len,
                     const sp_import_options *opt);

/* Frees a result and everything in it. Accepts NULL. */
void sp_import_result_free(sp_import_result *r);

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
 * *rag receives a static word ("red", "amber", "green", "blue", "grey", or
 * "unrated" when the file holds a status or date the schema forbids);
 * *reason the explanation ("red: 37 days past due date 2017-03-31"),
 * which the caller frees with sp_free. SP_ENOTFOUND if there is no such
 * action, SP_EINVALID for a bad date.
 */
int sp_action_rag(const char **rag, char **reason, sp_db *db, int64_t action_id,
                  const char *as_of);

/*
 * Closure takes two people: whoever claims an action complete cannot sign
 * it off (sp_action_update and sp_import refuse it with SP_ECONFLICT,
 * naming the claimant); someone else signs it off, or returns it to
 * in_progress with a reason. The latest claim of completion of an action:
 * *by (free with sp_free) and *on, the update's date. SP_ENOTFOUND if the
 * action was never claimed complete.
 */
int sp_action_claim(char **by, char on[SP_DATE_SIZE], sp_db *db, int64_t action_id);

/* --- closure: embedded (issue #14) --------------------------------- */
/*
 * Records that a signed-off action's change has lasted: an append-only,
 * chained fact (table action_embedded), not a status, so the action stays
 * signed_off. Only when the setting closure.embedded is on (SP_ECONFLICT
 * otherwise); SP_EINVALID if the action is not signed off, evidence is
 * empty, or `on` (NULL: today) is not a date up to today.
 */
int sp_action_embed(sp_db *db, int64_t action_id, const char *on, const char *author,
                    const char *evidence);
/* The latest embedded record of an action: one row (on_date, author,
 * evidence), or none. */
int sp_action_embedded(sp_cursor **out, sp_db *db, int64_t action_id);
/* Actions claimed complete and not yet verified as of `as_of` (NULL:
 * today): id, path, title, owner, claimed_by, claimed_on, days (since the
 * claim), longest waiting first. */
int sp_awaiting_verification(sp_cursor **out, sp_db *db, const char *as_of);
/* As sp_awaiting_verification, narrowed by the report filters (may be
 * NULL: every live action), judged by the actions' current columns. */
int sp_awaiting_verification_where(sp_cursor **out, sp_db *db, const char *as_of,
                                   const sp_filter *filter);
/* Every account event (id, name, event, detail, recorded_at), oldest first. */
int sp_account_events(sp_cursor **out, sp_db *db);
/* --- end closure: embedded ----------------------------------------- */

/* ------------------------------------------------------------------ */
/* Progress                                                            */

/*
 * Progress is an append-only history of dated updates. Each update is
 * one row that the database never lets anyone change or delete; the
 * change it carries (status, due date, owner, RAG override) is applied
 * to the action in the same transaction.
 *
 * Status lifecycle (sp_status words in any accepted spelling):
 *   not_started -> in_progress -> complete -> signed_off
 *   complete -> in_progress              (reopening: needs a reason)
 *   not_started | in_progress -> transferred (needs transfer_to)
 *                              | withdrawn   (needs a reason)
 * Completing needs a note of what was done; signing off needs evidence of
 * impact (what changed for children and families) or a no_evidence_reason.
 */
typedef struct sp_update {
    const char *author;   /* required: who is reporting */
    const char *on;       /* the date the update is for (ISO or UK); NULL =
                             today. Not before the action's start date and
                             not after today */
    const char *status;   /* the new status, or NULL to keep it */
    const char *note;     /* what was done or happened */
    const char *evidence; /* evidence of impact */
    const char *no_evidence_reason; /* signing off without evidence: why */
    const char *percent;  /* per cent complete, "0".."100" (a trailing '%'
                             is allowed) as typed, or NULL */
    const char *due;      /* a revised due date or timescale (sp_due_parse,
                             a timescale counted from the update's date);
                             needs a reason. The original due date is kept.
                             A date before the update's date is refused
                             unless `past` is set */
    const char *transfer_to; /* where the action went; with status
                                transferred, and required by it */
    const char *rag;      /* a manual RAG override (red, amber, green, blue,
                             grey) or "none" to clear one; needs a reason */
    const char *reason;   /* why: for a revised due date, withdrawal,
                             reopening or an override */
    int past;             /* [asof] 1: a revised due date already past on the
                             update's date is meant */
} sp_update;

/*
 * Appends one update to the action and applies it, in one transaction:
 * a refused update changes nothing. An update with none of status, note,
 * evidence, percent, due or rag is refused (SP_EINVALID). A transition
 * the lifecycle does not allow is SP_ECONFLICT, and the message lists the
 * allowed next states. *update_id (may be NULL) receives the new entry's
 * id; due_out (may be NULL) the resolved due date when `due` was given,
 * else "".
 */
int sp_action_update(int64_t *update_id, char due_out[SP_DATE_SIZE], sp_db *db,
                     int64_t action_id, const sp_update *in);

/*
 * The action's history, oldest first. Columns, in this stable order: id,
 * on_date, recorded_at, author, old_status, new_status, old_due_on,
 * new_due_on, old_owner, new_owner, transferred_to, old_rag_override,
 * new_rag_override, percent, note, evidence, no_evidence_reason, reason.
 * A change's old and new columns are both NULL when it did not change;
 * new_rag_override "none" means an override was cleared. The caller frees
 * *out with sp_cursor_free. SP_ENOTFOUND if there is no such action.
 */
int sp_action_history(sp_cursor **out, sp_db *db, int64_t action_id);

/* Moves the open actions (not_started, in_progress) of one owner to
 * another, logging "reassigned from A to B" on each. */
typedef struct sp_reassign {
    const char *from;      /* required: the current owner (name or id) */
    const char *to;        /* required: the new owner; created if new */
    const char *authority; /* optional: only this authority's actions */
    const char *review;    /* optional: only this review's actions */
    const char *finding;   /* optional: only this finding's actions */
    const char *reason;    /* optional: why, kept on every entry */
    const char *author;    /* required: who made the change */
    const char *on;        /* optional date of the change; NULL = today */
} sp_reassign;

/* One transaction: all move or none. *moved (may be NULL) receives how
 * many moved (0 is not an error). */
int sp_action_reassign(int *moved, sp_db *db, const sp_reassign *in);

/* Transfers every open action in scope (for year-end plan closure: the
 * work continues elsewhere, e.g. in a service plan), logging
 * "transferred to DESTINATION" on each. */
typedef struct sp_transfer {
    const char *to;        /* required: the destination */
    const char *authority; /* scope: at least one of authority, review, */
    const char *review;    /* finding must be given, so that a slip */
    const char *finding;   /* cannot transfer every plan at once */
    const char *owner;     /* optional: only this owner's actions */
    const char *reason;    /* optional: why, kept on every entry */
    const char *author;    /* required */
    const char *on;        /* optional date; NULL = today */
} sp_transfer;

/* One transaction: all transfer or none. *moved (may be NULL) receives
 * how many were transferred (0 is not an error). */
int sp_action_transfer(int *moved, sp_db *db, const sp_transfer *in);

/* ------------------------------------------------------------------ */
/* Settings                                                            */

/* Every setting: key, days, days_default, meaning. The caller frees *out
 * with sp_cursor_free. */
int sp_config_list(sp_cursor **out, sp_db *db);

/* One setting's value. SP_EINVALID (naming the known keys) for an
 * unknown key. */
int sp_config_get(int *value, sp_db *db, const char *key);

/* Sets a setting from text as typed (see sp_rag_set for the RAG keys). */
int sp_config_set(sp_db *db, const char *key, const char *value);

/* ------------------------------------------------------------------ */
/* The bundled example plan                                            */

/*
 * Loads the example plan built from five real council papers (2012–2018).
 * Idempotent: objects already present (same references) are left as they
 * are. Only into an empty database or one holding nothing but the example:
 * a real plan is refused (SP_ECONFLICT) and left unchanged. *added (may be
 * NULL) receives the number of actions added.
 */
int sp_demo_load(int *added, sp_db *db);

/* The as-of date the example plan is meant to be viewed at. */
const char *sp_demo_default_date(void);

/* ------------------------------------------------------------------ */
/* The plan at a date, and the committee pack                          */

/*
 * The plan as it stood on `as_of` (ISO or UK; NULL = today), rebuilt from
 * the append-only progress history: each action's status, due date,
 * owner, last update, transfer, RAG override and rating as recorded by
 * that day: each is the value set by the most recently recorded update
 * dated on or before the day (the order the database applies them in),
 * else not started, the original due date, the first owner. An action
 * counts as existing from the earliest of the day it was entered, its
 * start date and its first update's date; one entered later is absent.
 * For today (or any day after the last update) the rows are the actions
 * as they are now, at no extra cost. The filters are judged on that day
 * too (owner, status, RAG then).
 *
 * Columns, in this stable order: id, path, then the CSV export's columns
 * (authority, authority_name, authority_kind, review, review_kind,
 * review_title, review_started_on, review_ended_on, review_reported_on,
 * review_judgement, finding_ref, finding_kind, theme, finding, action_ref,
 * action, owner, start_on, original_due_on, due_on, status, measure, rag,
 * rag_reason, rag_override, rag_override_reason, last_update_on,
 * last_update_by, last_update_note, last_update_evidence,
 * transferred_to), then days_overdue and aging (1-30, 31-90, 91-180,
 * 180+), both NULL unless the action was open and past its due date.
 * Sorted by theme, then authority, review and finding. The caller frees
 * *out with sp_cursor_free.
 */
int sp_plan_at(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter);

/*
 * The plan's trend: one row per month end from `from` to `to`, and `to`
 * itself when it is not a month end. `to` NULL = today; `from` NULL = the
 * first day of the plan's life (the earliest day an action in scope
 * existed). Each row counts what sp_plan_at would return for that day.
 * Columns: as_of, action_count, open_count (not started or in progress),
 * overdue_count (open and past the due date then in force), done_count
 * (complete or signed off). At most SP_SERIES_MAX_MONTHS months
 * (SP_EINVALID beyond). The caller frees *out with sp_cursor_free.
 */
#define SP_SERIES_MAX_MONTHS 600
int sp_plan_series(sp_cursor **out, sp_db *db, const char *from, const char *to,
                   const sp_filter *filter);

/* What a committee pack covers. Every field is optional. */
typedef struct sp_pack_opts {
    const char *as_of;        /* the day the pack is for (ISO or UK); NULL = today.
                                 A past day shows the plan as it stood then */
    const char *since;        /* "what moved": updates dated from this day to
                                 as_of; NULL = 90 days before as_of */
    const sp_filter *filter;  /* NULL = every action */
    const char *author;       /* the documents' author property; NULL = none */
    const char *workdir;      /* sp_pack_xlsx: NULL = stage the workbook beside
                                 `path` and rename it into place; else `path`
                                 is already private to the caller (who puts it
                                 in place) and the working files go here */
    /* closure (issue #14): the signing key for the checkpoint the pack
     * prints; NULL = an unsigned statement, with a note saying so */
    const char *key_path;
} sp_pack_opts;

#define SP_PACK_SINCE_DAYS 90 /* the default look-back: about one committee cycle */
#define SP_PACK_DUE_DAYS 28   /* the headline "due within" window: four weeks */

/*
 * Writes the committee pack as an Excel workbook at `path`: sheets
 * Summary (reviews, counts by RAG and status per theme, the RAG key with
 * the settings in force), Actions (grouped by review, then theme: one row
 * per action with its finding, owner, original and current due date,
 * status, RAG and reason, latest progress and evidence), Overdue (most
 * overdue first) and Changes (every update dated from `since` to `as_of`,
 * both included), each laid out to print on A4 landscape one page wide
 * with headings in words, the header row on every page, and the plan, date
 * and "Page N of M" in the page header and footer. RAG counts
 * are of the rating as shown (a manual override counts). Text is written
 * as text, never as formulas. The workbook is staged in private files
 * beside `path` (never in a shared temporary directory) and renamed into
 * place, readable by the owner only: on failure `path` is untouched.
 */
int sp_pack_xlsx(sp_db *db, const char *path, const sp_pack_opts *opts);

/*
 * Writes the same pack as one self-contained HTML page (inline CSS and
 * SVG; no scripts, no links to fetch) laid out for A4: headline numbers,
 * RAG by theme, open and overdue actions at each month end of the plan's
 * life, the overdue table with RAG reasons, and the key. Every text from
 * the plan is escaped. Returns SP_ERROR if writing to `out` failed; the
 * caller owns (and closes) `out`.
 */
int sp_report_html(sp_db *db, FILE *out, const sp_pack_opts *opts);

/* ------------------------------------------------------------------ */
/* Accounts and sessions (the web service, safeplan serve)             */

/* A person who signs in to the web service. role is viewer, officer,
 * manager, clerk or admin; owner (a name or id) ties an officer to the
 * owner whose actions are theirs; authorities (codes) limit what the
 * account sees unless all_authorities. The password (at least 10
 * characters) is kept only as an Argon2id hash. */
typedef struct sp_account_new {
    const char *name;
    const char *role;
    const char *owner;
    const char *email;
    const char *const *authorities;
    size_t n_authorities;
    int all_authorities; /* nonzero: every authority */
    const char *password;
} sp_account_new;

/* SP_EEXISTS for a taken name, SP_EINVALID for a bad role, short password
 * or no authority, SP_ENOTFOUND for an unknown owner or authority. */
int sp_account_add(int64_t *id, sp_db *db, const sp_account_new *in);
/* Columns: id, name, role, owner, email, authorities, state. */
int sp_account_list(sp_cursor **out, sp_db *db);
/* Sets a new password and ends the account's sessions. */
int sp_account_passwd(sp_db *db, const char *name, const char *password);
/* Stops the account signing in and ends its sessions (nothing is deleted). */
int sp_account_disable(sp_db *db, const char *name);

#define SP_TOKEN_SIZE 65 /* 64 hex digits and NUL */

/* A signed-in account, as sp_session_get finds it. */
typedef struct sp_session {
    int64_t account_id;
    char name[128];
    char role[16];
    int64_t owner_id; /* 0 if none */
    int all_authorities; /* nonzero: every authority */
    char csrf[SP_TOKEN_SIZE];
} sp_session;

/* Checks name and password; on success writes a new random token (only
 * its hash is stored) and returns SP_OK. A wrong password, unknown name or
 * disabled account all give SP_EINVALID with the same message. now is
 * Unix seconds. */
int sp_session_start(char token[SP_TOKEN_SIZE], sp_db *db, const char *name,
                     const char *password, int64_t now);
/* Finds the session of token, unless idle for idle_s or older than
 * absolute_s (SP_ENOTFOUND), and marks it used at now. */
int sp_session_get(sp_session *out, sp_db *db, const char *token, int64_t now,
                   int64_t idle_s, int64_t absolute_s);
/* As sp_session_get, without marking the session used: for a request that
 * may yet be refused, which must change nothing (sp_session_touch once it
 * is allowed). */
int sp_session_find(sp_session *out, sp_db *db, const char *token, int64_t now,
                    int64_t idle_s, int64_t absolute_s);
/* Marks the session of token used at now: its idle time starts again. */
int sp_session_touch(sp_db *db, const char *token, int64_t now);
int sp_session_end(sp_db *db, const char *token);
/* Deletes every session sp_session_get would no longer find (idle for
 * idle_s, or older than absolute_s, at now): expired tokens are kept by
 * no one. */
int sp_session_purge(sp_db *db, int64_t now, int64_t idle_s, int64_t absolute_s);
/* The codes of the authorities an account may see (one column, code). */
int sp_account_authorities(sp_cursor **out, sp_db *db, int64_t account_id);
/* Fills buf (size 2n+1) with n random bytes as hex. */
void sp_random_hex(char *buf, size_t n);

/* ------------------------------------------------------------------ */
/* Reminders: one e-mail digest per owner                              */

#define SP_DIGEST_DAYS 14 /* the default "due within" window */

typedef struct sp_digest_opts {
    const char *as_of; /* NULL = today */
    int days;          /* due within this many days; < 0 = SP_DIGEST_DAYS */
    const char *owner; /* one owner (name or id); NULL = every owner */
    int force;         /* non-zero: also owners already sent this day's digest */
    int64_t now;       /* seconds since 1970, for the Date and Message-ID */
} sp_digest_opts;

/* One owner's digest. An owner with something to hear about but no email
 * has email and message NULL. */
typedef struct sp_digest_msg {
    int64_t owner_id;
    const char *owner, *email;
    int items, overdue, due_soon, stale;
    int already_sent;  /* non-zero: this day's digest went already (left out unless forced) */
    char *message_id;  /* "<...>" */
    char *message;     /* the whole RFC 5322 message, "\n" line ends */
} sp_digest_msg;

typedef struct sp_digest {
    char as_of[SP_DATE_SIZE], today[SP_DATE_SIZE];
    int days;
    int64_t now;
    char *from;          /* the From header's value (setting digest.from) */
    char *envelope_from; /* its bare address, for an mbox "From " line */
} sp_digest;

/* Called with each owner's digest as it is built, by owner name; m and
 * its texts are the library's, valid during the call. Return SP_OK to go
 * on; any other value stops sp_digest_build, which returns it. */
typedef int (*sp_digest_fn)(void *ctx, const sp_digest *d, const sp_digest_msg *m);

/*
 * Builds the digests, one owner at a time, and hands each to fn: for each
 * owner with something to hear about, their open actions that are overdue,
 * due within `days` or have had no update for rag.stale_days, each with
 * how late, its RAG reason and the command that updates it. Messages are
 * multipart/alternative (plain text and HTML, UTF-8, base64), with
 * Auto-Submitted: auto-generated and a List-ID. Needs the digest.from
 * setting (SP_EINVALID, saying how to set it, if missing). Builds only;
 * nothing is sent or logged. Only one owner's message is held at a time,
 * so a national plan's digests take no more memory than one council's.
 * Free d with sp_digest_free (also after a failure).
 */
int sp_digest_build(sp_digest *d, sp_db *db, const sp_digest_opts *opts, sp_digest_fn fn,
                    void *ctx);
void sp_digest_free(sp_digest *d);

/* Records in the sent log that m (given to an sp_digest_fn) was delivered
 * by `delivery` ("mbox", "maildir" or "sendmail"). */
int sp_digest_log_sent(sp_db *db, const sp_digest *d, const sp_digest_msg *m,
                       const char *delivery, int forced);

/* The sent log, oldest first (owner: NULL = all). Columns: sent_on, as_of,
 * owner, address, items, within_days, delivery, forced, message_id,
 * recorded_at. */
int sp_digest_log(sp_cursor **out, sp_db *db, const char *owner);

/* Sets a mail setting: digest.from (an address, "Name <addr@host>" or
 * "addr@host") or digest.list_id ("Name <id.host>" or "id.host"). */
int sp_mail_set(sp_db *db, const char *key, const char *value);

/* ------------------------------------------------------------------ */
/* issue 12: corrections, voids, change sets and undo (journal.c)      */

/* Who is writing and what they ran: every write transaction that adds to
 * the history then records one change set with them (NULLs: "safeplan",
 * "(library call)"). The CLI passes $SAFEPLAN_USER and its command line;
 * the web service the signed-in user and the page. */
void sp_set_actor(sp_db *db, const char *author, const char *command);

/* One field to correct: field is the option's name ("title", "start",
 * "measure", "ref", "finding", "owner" for an action; "ref", "kind",
 * "theme", "text" for a finding; "ref", "kind", "title", "started",
 * "ended", "reported", "judgement" for a review; "code", "name", "kind"
 * for an authority; "name", "team", "email" for an owner). An empty value
 * clears an optional field. */
typedef struct sp_edit_field {
    const char *field;
    const char *value;
} sp_edit_field;

/* Corrects one object (kind as sp_resolve) in one transaction: each field
 * that changes is one journal entry, old -> new, with reason and author
 * (required). *changed (may be NULL) receives how many changed. An
 * action's owner moves through a progress entry, as a reassign does. */
int sp_edit(int *changed, sp_db *db, const char *kind, const char *ref,
            const sp_edit_field *fields, size_t n, const char *reason, const char *author);

/* Voids an action, finding or review: kept with its history, gone from
 * every report. SP_ECONFLICT, naming them, while a finding or review has
 * live actions, or if it is void already. */
int sp_void(sp_db *db, const char *kind, const char *ref, const char *reason,
            const char *author);

/* The corrections of one object, oldest first. Columns: id, recorded_at,
 * author, field, old, new, reason. */
int sp_journal_history(sp_cursor **out, sp_db *db, const char *kind, const char *ref);

/* The change sets, newest first (since: a date, by: an author; NULL = all).
 * Columns: change, recorded_at, author, command, entries, undoes. */
int sp_log(sp_cursor **out, sp_db *db, const char *since, const char *by);

/* Reverts change set `change` (0: the latest not undone) by appending
 * compensating entries: actions it created are voided, progress it
 * recorded is put back, corrections reversed. SP_ECONFLICT, naming the
 * later change, if a later change touched the same objects, or if it was
 * undone already. *undone receives the change reverted. */
int sp_undo(int64_t *undone, sp_db *db, int64_t change, const char *author);
/* end of issue 12 block */

#ifdef __cplusplus
}
#endif
#endif /* SAFEPLAN_H */
