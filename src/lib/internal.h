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
    /* A new database being built under a temporary name (staged.c). */
    char *stage_path;      /* the name it gets on sp_publish; NULL if not staged */
    char *stage_tmp;       /* its temporary name */
    int stage_fd;          /* open on stage_tmp, holding its flock */
    /* issue 12: the change set of the command in progress (journal.c). */
    char *actor;           /* who (sp_set_actor); NULL: "safeplan" */
    char *command;         /* the command line or a description */
    int64_t cs_first;      /* its first ledger entry; 0: none */
    int64_t cs_undoes;     /* the change set it undoes (sp_undo); 0: none */
    /* The report whose read transaction the connection is in (report.c,
     * report_prepare): sp_finalize of it ends the transaction. */
    sqlite3_stmt *snapshot_of;
};

struct sp_cursor {
    sp_db *db;
    sqlite3_stmt *stmt;
    const sp_coltype *types; /* per column; NULL means all text */
    sp_coltype *owned_types; /* types, when the cursor allocated them */
    int ncols;
    /* A cursor over groups (sp_cursor_grouped): each row of `groups` binds
     * its first column to parameter group_param of stmt, which is run
     * again; in_group says stmt has been bound to the current row. */
    sqlite3_stmt *groups;
    int group_param;
    bool in_group;
    /* Called by sp_cursor_free once the statements are finalized, for what
     * they used (export --history's entry numbers). */
    void (*release)(sp_db *db, void *arg);
    void *release_arg;
};

/* Findings of check.c and verify.c: each goes to fn, failures counted. */
typedef struct sp_reporter {
    sp_check_fn fn;
    void *arg;
    int failures;
} sp_reporter;
void sp_say(sp_reporter *r, bool ok, const char *area, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The tamper-evident history (chain.c). */
#define SP_HASH_BYTES 32
/* How a setting's change is noted in the ledger (progress_config.c), and
 * read back by undo: "setting KEY: OLD -> NEW". */
#define SP_SETTING_NOTE "setting "
/* Registers sp_entry_hash() and sp_chain_hash() on the connection. */
int sp_register_chain_functions(sp_db *db);
/* The same on a bare SQLite connection (the loadable extension, tests);
 * returns a SQLite result code. */
int sp_chain_register(sqlite3 *sql);
/* The chain hash that follows prev (NULL for the first) with entry. */
void sp_chain_link(unsigned char out[SP_HASH_BYTES], const void *prev, size_t nprev,
                   const void *entry, size_t nentry, const char *chained_at);
/* Chains a history that predates the ledger (run by its migration). */
int sp_ledger_backfill(sp_db *db);

/* Splits path into a newly allocated directory ("." if none; NULL: out of
 * memory) and, in *base, a pointer to its last component (staged.c). */
char *sp_split_path(const char *path, const char **base);

/* Staged creation (staged.c): builds a new database at a private temporary
 * name beside `path` and links it into place on sp_publish. */
int sp_stage_create(sp_db *db, const char *path);
/* Removes the temporary file of an unpublished database (sp_close). */
void sp_stage_discard(sp_db *db);
/* Calls visit(arg, file) for each staging file of `path`'s database (or,
 * with visit NULL, removes each one no process is building); returns how
 * many were visited with a true result (or removed). */
typedef bool (*sp_stage_visit)(void *arg, const char *file);
int sp_stage_sweep(const char *path, sp_stage_visit visit, void *arg);
/* True if no process is building the staging file `file` (its lock is free). */
bool sp_stage_abandoned(const char *file);
/* Opens `path` again on db (after sp_publish linked it into place). */
int sp_reopen(sp_db *db, const char *path);
/* SP_ECONFLICT, naming the claimant, when verifier is the person who
 * claimed action_id complete (closure.c); SP_OK otherwise. */
int sp_closure_check(sp_db *db, int64_t action_id, const char *path, const char *verifier);
/* Refuses (SP_EINVALID) a change of action_id's status to `to` dated `on`
 * before the latest status change already recorded for it (by date), so
 * that a sign-off is never dated before its claim nor any status change
 * before the one it follows. A progress note with no status change is
 * not checked here: people log progress late. `what` names the date in
 * the message ("--on", a file's column), `path` the action. */
int sp_status_date_check(sp_db *db, int64_t action_id, const char *path, const char *what,
                         const char *on, const char *to);
/* The same refusal for a row of (on_date, old_status, new_status) of a
 * status change dated after `on` (a bulk transfer's first such action):
 * SP_EINVALID, naming path, the change and its date. */
int sp_status_date_refuse(sp_db *db, sqlite3_stmt *st, const char *path, const char *what,
                          const char *on, const char *to);
/* Migration 0010: an 'added' event, chained, for each account already
 * there (closure.c). */
int sp_closure_backfill(sp_db *db);
/* closure.embedded from "on"/"off"/"1"/"0" (closure.c). */
int sp_closure_set_embedded(sp_db *db, const char *value);
/* Swaps in a private in-memory copy of the plan (for a dry run); *saved
 * receives the file's connection, NULL if the plan was too big to copy. */
int sp_private_copy(sp_db *db, sqlite3 **saved);
/* Drops the copy and puts the file's connection back (no-op for NULL). */
void sp_private_copy_end(sp_db *db, sqlite3 *saved);

/* Change sets (journal.c), called by the outermost sp_begin and
 * sp_commit so that every write through the library records one. */
void sp_change_begin(sp_db *db);
int sp_change_end(sp_db *db);
/* sp_exec_stmt in a transaction of its own, so that a one-statement write
 * (adding a finding, an owner ...) records its change set too. *id, if
 * not NULL, receives the id of the row the statement inserted. */
int sp_exec_change(sp_db *db, sqlite3_stmt *st, const char *what, int64_t *id);

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

/* As sp_query_sql, with each "-- filters: SET" line replaced by the
 * fragments "SET_authority" ... "SET_rag" of sql/filter.sql for the filters
 * set in f (f may be NULL: none), so that each combination of filters is a
 * statement of its own, planned on its own indexes (see util.c). */
char *sp_query_sql_filtered(const char *name, const sp_filter *f);

/* Prepares sp_query_sql_filtered(name, f), without the replayed parts if
 * `settled`; the values are bound after. */
int sp_prepare_filtered(sqlite3_stmt **out, sp_db *db, const char *name, const sp_filter *f,
                        bool settled);

/* Ends the read transaction a report began (report.c), by COMMIT, which
 * only lets go of the snapshot (ROLLBACK if that fails). */
void sp_read_end(sp_db *db);

/* Finalizes st; if it is the report that began the connection's read
 * transaction (db->snapshot_of), ends that transaction too. */
void sp_finalize(sp_db *db, sqlite3_stmt *st);

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

/* A cursor that runs st once for each row of groups, with that row's first
 * column bound to st's parameter `param`, and hands over st's rows in turn:
 * a long list read a group at a time, so that only a group is sorted in
 * memory. The cursor owns both statements, also on failure. */
int sp_cursor_grouped(sp_cursor **out, sp_db *db, sqlite3_stmt *st, sqlite3_stmt *groups,
                      const char *param);

/* The list of sp_awaiting_verification_where, among the actions whose ids
 * ids_json lists (a JSON array): for a pack narrowed to a few actions
 * (closure.c). */
int sp_awaiting_among(sp_cursor **out, sp_db *db, const char *as_of, const char *ids_json);

/* The column of st called name, or -1. */
int sp_stmt_column(sqlite3_stmt *st, const char *name);

/* sp_cursor_step with SQLite's codes (SQLITE_ROW, SQLITE_DONE or the
 * error), setting no error: for callers that name their own. */
int sp_cursor_next(sp_cursor *c);

/* export --history's rows, one action at a time (export_history.c). */
int sp_history_open(sp_cursor **out, sp_db *db, const sp_filter *filter);

/* A set of small non-negative numbers (ids, ledger numbers) as a bitmap:
 * the database gives them from 1 up, so they are dense, and a million
 * take 125 KiB. */
typedef struct sp_bitset {
    uint64_t *words; /* bit i % 64 of word i / 64 */
    size_t nwords;
} sp_bitset;

/* Adds i (below SP_BITSET_MAX, else SP_ERROR); *added (may be NULL) says
 * it was not there. SP_ENOMEM if the bitmap cannot grow. */
#define SP_BITSET_MAX ((uint64_t)1 << 31) /* a bitmap of at most 256 MiB */
int sp_bitset_add(sp_bitset *s, int64_t i, bool *added);
bool sp_bitset_has(const sp_bitset *s, int64_t i);
/* The least member above `after` (-1 for the first), or -1 if none. */
int64_t sp_bitset_next(const sp_bitset *s, int64_t after);
void sp_bitset_free(sp_bitset *s);

/* A sealed spill (spill.c): records kept in an unnamed file beside the
 * plan, each sealed under a key that exists only in this process, for
 * work that must keep more than memory should hold. */
typedef struct sp_spill sp_spill;
int sp_spill_open(sp_spill **out, sp_db *db);
/* Seals len bytes into the spill; *at and *sealed find them again. */
int sp_spill_put(sp_spill *s, const void *data, size_t len, uint64_t *at, size_t *sealed);
/* The record at `at`, opened: *data is the spill's, valid until the next
 * get. SP_ERROR if it cannot be read or was changed on disk. */
int sp_spill_get(sp_spill *s, uint64_t at, size_t sealed, const unsigned char **data,
                 size_t *len);
/* The length of the record sealed in `sealed` bytes, without opening it. */
size_t sp_spill_len(size_t sealed);
int sp_spill_fd(const sp_spill *s); /* for tests: what is on disk */
void sp_spill_close(sp_spill *s);   /* accepts NULL */

/* Sorts fixed-size keys, any number of them, in the memory of run_keys
 * keys: full buffers are sorted and sealed into the spill as runs, and
 * merged when read. Add every key, finish, then take them in order with
 * next (SP_ROW, SP_DONE, or a negative sp_error). Keys that compare equal
 * come in no set order. */
typedef struct sp_sorter sp_sorter;
int sp_sorter_new(sp_sorter **out, sp_spill *spill, size_t key_size, size_t run_keys,
                  int (*cmp)(const void *, const void *));
int sp_sorter_add(sp_sorter *t, const void *key);
int sp_sorter_finish(sp_sorter *t);
int sp_sorter_next(sp_sorter *t, void *key);
void sp_sorter_free(sp_sorter *t); /* accepts NULL */

/* True if text is empty or only white space. */
bool sp_blank(const char *text);
/* What "%lld" writes for v, without printf (hot paths: entry hashes, RAG
 * reasons); returns the length written (no NUL). */
size_t sp_decimal(char out[24], int64_t v);
/* Appends s (len bytes) as a JSON string: '"' and '\' escaped, control
 * characters as \u00XX, other bytes as they are. */
void sp_json_text(sqlite3_str *out, const char *s, size_t len);

/* Checks that text is valid UTF-8 with no NUL or control characters other
 * than tab, CR and LF. */
bool sp_utf8_valid(const char *text, size_t len);

/* Registers the SQL functions the queries use (rag(), rag_reason() ...). */
int sp_register_functions(sp_db *db);
/* Registers the summaries' rag_tally_groups() and tally_rows (tally.c). */
int sp_register_tally(sp_db *db);
/* Registers ref_path(), the '/'-joined path of refs (ref.c). */
int sp_register_ref_functions(sp_db *db);

/* ---- validation helpers (validate.c) ---- */

/* Fails with SP_EINVALID unless `value` is a reference segment: 1-40
 * characters of A-Z a-z 0-9 '.' '_' '-'. `what` names it ("review reference"). */
int sp_check_ref(sp_db *db, const char *what, const char *value);

/* Fails with SP_EINVALID if text is NULL or blank: "<what> must not be empty". */
int sp_check_text(sp_db *db, const char *what, const char *text);

/* Fails with SP_EINVALID if a line of text (NULL passes) leaves open a
 * direction embedding, override or isolate (U+202A-U+202E, U+2066-U+2068),
 * which would reorder what is shown after the text. sp_check_text and
 * sp_check_optional_text include it. */
int sp_check_bidi(sp_db *db, const char *what, const char *text);

/* As sp_check_text, for a name (a person, an owner, an authority, an
 * account): one line, so no tab, newline or other control character, nor
 * any direction control (all invisible), which would also let one person
 * pass for two. */
int sp_check_name(sp_db *db, const char *what, const char *text);
/* A label that lists group by (a finding's theme): checked as text, and
 * tidied as a new name is (sp_name_tidy), so that "Leadership " or a
 * wrapped cell is not a group of its own. *out is malloc()ed. */
int sp_tidy_label(char **out, sp_db *db, const char *what, const char *text);

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
/* SP_OK unless another object under `parent` (an authority's reviews, a
 * review's findings, a finding's actions: kind "review", "finding" or
 * "action") holds `ref` in other capitals; then SP_EEXISTS, said on db
 * with parent_ref, the parent as the user named it. For an edit of object
 * `self`'s reference, parent is 0 (self's own, and self may change its
 * own capitals) and parent_ref unused. */
int sp_ref_spelling(sp_db *db, const char *kind, int64_t parent, int64_t self,
                    const char *parent_ref, const char *ref);
int sp_ref_depth(const char *ref);

/* The id of the owner named `name` (or an id), adding it if it is a new name. */
int sp_owner_ensure(int64_t *id, sp_db *db, const char *name);

/* ---- names people type (names.c) ---- */

/* Appends "; closest: 'a', 'b', 'c'" to the message on db: the names the
 * query `query` lists (one text column; `param`, if not NULL, bound to
 * `parent`) nearest to what was typed, whole or word by word. */
void sp_suggest(sp_db *db, const char *query, const char *param, int64_t parent,
                const char *typed);

/* The themes whose words include `words` (whole words, together, any case:
 * "leadership" matches "Vision, strategy and leadership") as a JSON array
 * of strings into *out (caller frees). SP_ENOTFOUND, naming the closest
 * themes, if none does. */
int sp_theme_json(char **out, sp_db *db, const char *words);

/* The key by which two spellings of one person's name compare equal
 * (name_key() in SQL): white space of every kind (tab, newline, no-break
 * and typographic spaces) trimmed at both ends and each run inside made
 * one space, zero-width and other invisible characters dropped, ASCII and
 * Latin-1 capitals folded to lower case. The closure rule compares the
 * claimant and the signer by it, so "Ann  Lee\t" is Ann Lee. Writes at
 * most len bytes and a NUL into out; returns the key's length. */
size_t sp_name_key(char *out, const char *name, size_t len);
/* sp_name_key() of name, malloc()ed (NULL when out of memory). */
char *sp_name_key_dup(const char *name);
/* FNV-1a of a key's bytes, for hash tables of keys. */
uint64_t sp_key_hash(const char *key);
/* The spelling a new name is stored in: as sp_name_key() but with its
 * capitals as typed ("Head of\u00a0 Service " -> "Head of Service"), so
 * that a name pasted from a spreadsheet does not make a second owner.
 * malloc()ed (NULL when out of memory). */
char *sp_name_tidy(const char *name);
/* True if a and b have one key (sp_name_key): two themes are one when
 * they differ only by case or spacing, as the reports group them. Bytes
 * are compared first: an import asks for every row (+1.7% keyed). False
 * when out of memory. */
bool sp_name_same(const char *a, const char *b);

/* Ids by the key of their name (sp_name_key): the importer's owners, so
 * that each new name in a sheet is looked up among the owners without
 * reading all of them again. The first name put with a key keeps it. */
typedef struct sp_name_index {
    struct name_slot *slot;
    size_t n, cap;
} sp_name_index;
/* SP_OK and *id, SP_ENOTFOUND (*id 0) or SP_ENOMEM; nothing is set on db. */
int sp_name_index_get(int64_t *id, const sp_name_index *x, const char *name);
int sp_name_index_put(sp_name_index *x, const char *name, int64_t id);
void sp_name_index_free(sp_name_index *x);
/* Registers name_key() (names.c). */
int sp_register_name_functions(sp_db *db);

/* Binds :as_of (NULL = today) and the sp_filter parameters of a report query. */
int sp_bind_filter(sqlite3_stmt *st, sp_db *db, const char *as_of, const sp_filter *f);

/* Prepares the named report query with date and filters bound. */
int sp_report_open(sp_cursor **out, sp_db *db, const char *query, const char *as_of,
                   const sp_filter *filter);

#endif
