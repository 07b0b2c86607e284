/*
 * Writing imported rows: the row's authority, review, finding and owner
 * are found or created, then its action is created, or, if it exists,
 * given a progress update when the row changes it.
 *
 * Built for a million rows: every statement is prepared once and reused;
 * the last authority, review, finding and owner are remembered (files
 * list an authority's, a review's, a finding's rows together), so most
 * rows cost one or two inserts; nothing is allocated per row except when
 * a remembered key grows. Values are bound SQLITE_STATIC: they outlive
 * the step that uses them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "enums.h"
#include "import.h"

enum {
    S_AUTHORITY_GET, S_AUTHORITY_ADD, S_REVIEW_GET, S_REVIEW_ADD, S_FINDING_GET,
    S_FINDING_BY_TEXT, S_FINDING_NEXT_REF, S_FINDING_ADD, S_OWNER_ADD,
    S_ACTION_BY_REF, S_ACTION_BY_TEXT, S_ACTION_NEXT_REF, S_ACTION_ADD, S_UPDATE_ADD,
    S_ORIGIN_ADD, S_PROGRESS_SET, S_REVIEW_MARK, S_ROUND_SEEN, S_COUNT
};

static const char *const stmt_names[S_COUNT] = {
    "import/authority_get", "import/authority_add", "import/review_get", "import/review_add",
    "import/finding_get", "import/finding_by_text", "import/finding_next_ref",
    "import/finding_add", "import/owner_add", "import/action_by_ref",
    "import/action_by_text", "import/action_next_ref", "import/action_add",
    "import/update_add", "import/origin_add", "import/progress_set", "import/review_mark",
    "import/round_seen",
};

/* Owners remembered by a hash of the name: a direct-mapped table, so a
 * name costs a lookup only when it is new or its slot was taken. */
#define OWNER_SLOTS 512

/* The findings this import made in the reviews it made, as 64-bit hashes
 * of (review, text). A council sheet without finding references names a
 * finding by its text, which no index holds: SQLite reads every finding of
 * the review to look for it, so each new finding cost a read of all those
 * made before it (quadratic in a review's findings; 4.5% of a 40,000-row
 * sheet's import). Every finding of a review this import made is in the
 * set, so a text whose hash is not there is new and is added without the
 * search. A hash that is there may be another text's: the database is
 * asked, as before. Open addressing; 0 marks an empty slot. */
typedef struct text_set {
    uint64_t *slot;
    size_t cap, n;
} text_set;

/* The line of the row that wrote each action this import has created or
 * updated (or found unchanged). A second row of the file that resolves to
 * one of them is refused: it would silently update the action the first
 * row wrote (a Ref merged down over several actions, 1.1 and 1.10 typed as
 * numbers), and that action's text, owner and due date would be lost.
 * Kept in memory, so the check costs an array read per row and no query.
 * Indexed by id, 4 bytes an action: the actions this import made have ids
 * after `mark` (the last before it; the import's transaction is the only
 * writer), one after another, and those it matched are at most `mark`
 * (an array as long as the highest matched). A hash set of ids and lines
 * cost 32 MiB or more at a million rows, past the import's budget. */
typedef struct row_lines {
    int64_t mark;                /* the last action id before the import */
    uint32_t *made, *matched;    /* [id - mark - 1], [id - 1]; 0: none */
    size_t made_cap, matched_cap;
} row_lines;

/* The last object found: its parent's id, how it was named, and its id. */
typedef struct cache {
    int64_t parent, id;
    int how;   /* 0 by reference or name, 1 by text */
    char *key; /* NULL until first use */
    size_t cap;
} cache;

#define MAX_PARAMS 17 /* named parameters of action_add, update_add or origin_add */
enum hot { HOT_ACTION, HOT_UPDATE, HOT_ORIGIN, HOT_COUNT }; /* run for every action */
static const int hot_stmts[HOT_COUNT] = {S_ACTION_ADD, S_UPDATE_ADD, S_ORIGIN_ADD};

struct imp_writer {
    sp_db *db;
    imp_defaults d;
    imp_bulk *bulk; /* while loading into an empty plan (imp_writer_bulk) */
    char now[32];   /* recorded_at / created_at of everything imported */
    sqlite3_stmt *st[S_COUNT];
    /* Parameter numbers of the two statements run for every imported
     * action, by the address of the name bound (param_of). */
    struct param {
        const char *name;
        int index;
    } params[HOT_COUNT][MAX_PARAMS];
    int next_param[HOT_COUNT]; /* where the next name bound is expected */
    cache authority, review, finding;
    cache owners[OWNER_SLOTS]; /* rows name a few hundred owners in any order */
    /* Every owner by the key of its name, read when the cache first misses:
       a spelling the cache has not met is looked up here (a new owner had
       SQLite read every owner for its key: quadratic in the owners). */
    sp_name_index owner_keys;
    bool owner_keys_read;
    bool capitals_noted; /* a reference matched in other capitals, said once */
    /* The number the next finding made in `numbered_review` gets: a sheet
     * without finding references numbers every new finding, and counting
     * on beats asking the database each time. */
    int64_t numbered_review, next_finding;
    int64_t review_mark; /* reviews after it are this import's; -1: not read */
    text_set made_texts; /* their findings' texts (text_set) */
    char *finding_theme; /* the theme of the finding in the `finding` cache */
    row_lines written;   /* the actions rows of this file wrote (row_lines) */
    char **sheets;       /* a workbook's sheets read, when more than one */
    size_t nsheets;      /* (imp_writer_sheet); rows are the last one's */
    int64_t row_action;  /* the action the row being written made or found */
    int64_t update_mark; /* the last entry before the import (round_seen) */
    imp_tally tally;
};

/* The action as it stands, for comparison with the row. Strings point
 * into the lookup statement's row, which stays until it is reset. */
typedef struct state {
    int64_t id, owner_id;
    const char *status, *due, *transferred_to, *override, *override_reason, *note, *evidence;
    const char *start, *timescale, *cadence, *created_on;
    const char *ref;     /* as stored: the row's may be in other capitals */
    const char *percent; /* the latest update's share done */
} state;

/* One progress update to append. Owner ids of 0 are stored as NULL. */
typedef struct update {
    int64_t action_id, old_owner, new_owner;
    const char *on, *author, *note, *evidence, *old_status, *new_status, *old_due, *new_due;
    const char *transferred_to, *override, *reason;
    const char *percent; /* the share of the work done, "0" to "100", or NULL */
    const char *due_written; /* a revised due date as the sheet writes it, or NULL */
} update;

/* ------------------------------------------------------------------ */
/* Statements                                                          */

/* Parameter i (0: the statement has none by that name, nothing to do);
 * NULL text and id 0 bind NULL. */
static void bind_at(sqlite3_stmt *st, int i, const char *value)
{
    if (i > 0 && value)
        sqlite3_bind_text(st, i, value, -1, SQLITE_STATIC);
    else if (i > 0)
        sqlite3_bind_null(st, i);
}

static void bind_id_at(sqlite3_stmt *st, int i, int64_t id)
{
    if (i > 0 && id)
        sqlite3_bind_int64(st, i, id);
    else if (i > 0)
        sqlite3_bind_null(st, i);
}

static void bind(sqlite3_stmt *st, const char *name, const char *value)
{
    bind_at(st, sqlite3_bind_parameter_index(st, name), value);
}

static void bind_id(sqlite3_stmt *st, const char *name, int64_t id)
{
    bind_id_at(st, sqlite3_bind_parameter_index(st, name), id);
}

/* The number of parameter `name` of a statement run for every action, looked up
 * once per import: sqlite3_bind_parameter_index compares the name with
 * each of the statement's in turn, which for the 29 values bound per
 * imported action was 4% of an import's instructions. Names are the
 * literals of the binding code, so their addresses are few. Every row
 * binds them in the same order, so the name after the last one found is
 * tried first; searching the list from its start for each was still 2.8%
 * of an import. */
static int param_of(imp_writer *w, enum hot hot, sqlite3_stmt *st, const char *name)
{
    struct param *p = w->params[hot];
    int i = w->next_param[hot];
    if (i >= MAX_PARAMS || p[i].name != name) {
        i = 0;
        while (i < MAX_PARAMS && p[i].name && p[i].name != name)
            i++;
    }
    w->next_param[hot] = i + 1;
    if (i < MAX_PARAMS && p[i].name)
        return p[i].index;
    int index = sqlite3_bind_parameter_index(st, name);
    if (i < MAX_PARAMS)
        p[i] = (struct param){name, index};
    return index;
}

static sqlite3_stmt *hot_stmt(imp_writer *w, enum hot hot)
{
    return w->st[hot_stmts[hot]];
}

static void bind_hot(imp_writer *w, enum hot hot, const char *name, const char *value)
{
    sqlite3_stmt *st = hot_stmt(w, hot);
    bind_at(st, param_of(w, hot, st, name), value);
}

static void bind_hot_id(imp_writer *w, enum hot hot, const char *name, int64_t id)
{
    sqlite3_stmt *st = hot_stmt(w, hot);
    bind_id_at(st, param_of(w, hot, st, name), id);
}

/* Runs a lookup of one id; SP_ENOTFOUND if no row. Clears the bindings so
 * that no borrowed text stays bound. */
static int get_id(int64_t *id, imp_writer *w, int s)
{
    int rc = sp_step_id(id, w->db, w->st[s]);
    sqlite3_clear_bindings(w->st[s]);
    return rc;
}

/* Runs an insert; *id receives the new row's id. */
static int insert(int64_t *id, imp_writer *w, int s, const char *what)
{
    int rc = sp_exec_stmt(w->db, w->st[s], what);
    sqlite3_clear_bindings(w->st[s]);
    if (rc == SP_OK && id)
        *id = sqlite3_last_insert_rowid(w->db->sql);
    return rc;
}

/* The next free number among the parent's numeric references. */
static int next_number(int64_t *n, imp_writer *w, int s, const char *param, int64_t parent)
{
    bind_id(w->st[s], param, parent);
    return get_id(n, w, s);
}

static int next_ref(char out[24], imp_writer *w, int s, const char *param, int64_t parent)
{
    int64_t n = 0;
    int rc = next_number(&n, w, s, param, parent);
    snprintf(out, 24, "%lld", (long long)n);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The remembered objects                                              */

static bool cache_hit(const cache *c, int64_t parent, int how, const char *key)
{
    return c->key && c->parent == parent && c->how == how && strcmp(c->key, key) == 0;
}

static int cache_set(cache *c, sp_db *db, int64_t parent, int how, const char *key, int64_t id)
{
    size_t n = strlen(key) + 1;
    if (n > c->cap) {
        char *k = realloc(c->key, n);
        if (!k)
            return sp_fail(db, SP_ENOMEM, "out of memory");
        c->key = k;
        c->cap = n;
    }
    memcpy(c->key, key, n);
    c->parent = parent;
    c->how = how;
    c->id = id;
    return SP_OK;
}

static uint64_t text_key(int64_t review_id, const char *text)
{
    uint64_t h = 14695981039346656037u ^ (uint64_t)review_id; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h | 1; /* never 0, the empty slot */
}

static size_t text_slot(const text_set *t, uint64_t key)
{
    size_t i = (size_t)(key ^ key >> 29) & (t->cap - 1);
    while (t->slot[i] && t->slot[i] != key)
        i = (i + 1) & (t->cap - 1);
    return i;
}

static bool text_seen(const text_set *t, uint64_t key)
{
    return t->cap && t->slot[text_slot(t, key)] == key;
}

/* Adds key, the set growing at half full; false if memory ran out. */
static bool text_add(text_set *t, uint64_t key)
{
    if (2 * (t->n + 1) > t->cap) {
        text_set grown = {calloc(t->cap ? 2 * t->cap : 1024, sizeof *t->slot),
                          t->cap ? 2 * t->cap : 1024, 0};
        if (!grown.slot)
            return false;
        for (size_t i = 0; i < t->cap; i++) {
            if (t->slot[i]) {
                grown.slot[text_slot(&grown, t->slot[i])] = t->slot[i];
                grown.n++;
            }
        }
        free(t->slot);
        *t = grown;
    }
    size_t i = text_slot(t, key);
    t->n += t->slot[i] == 0;
    t->slot[i] = key;
    return true;
}

/* Where action id's line is kept (its array, length and index). */
static uint32_t **line_slot(row_lines *t, int64_t id, size_t **cap, size_t *i)
{
    bool made = id > t->mark;
    *i = (size_t)(made ? id - t->mark - 1 : id - 1);
    *cap = made ? &t->made_cap : &t->matched_cap;
    return made ? &t->made : &t->matched;
}

/* The line of the row that wrote action `id`, or 0 if none has. */
static size_t id_line(row_lines *t, int64_t id)
{
    size_t *cap, i;
    uint32_t **a = line_slot(t, id, &cap, &i);
    return i < *cap ? (*a)[i] : 0;
}

/* A workbook's row is at most Excel's last, 1,048,576 (2^20): a row of a
 * plan read from several sheets is kept with its sheet above it. */
#define SHEET_SHIFT 21
#define SHEETS_MAX ((size_t)1 << (32 - SHEET_SHIFT))

static size_t line_key(const imp_writer *w, size_t line)
{
    return w->nsheets > 1 ? line | (w->nsheets - 1) << SHEET_SHIFT : line;
}

/* "row 7", or "row 7 of sheet 'Leadership'" if it is not the sheet being
 * read (then true). */
static bool row_named(char *out, size_t size, const imp_writer *w, size_t key)
{
    size_t sheet = w->nsheets > 1 ? key >> SHEET_SHIFT : 0;
    size_t line = w->nsheets > 1 ? key & (((size_t)1 << SHEET_SHIFT) - 1) : key;
    bool other = w->nsheets > 1 && sheet != w->nsheets - 1;
    if (other)
        snprintf(out, size, "row %zu of sheet '%s'", line, w->sheets[sheet]);
    else
        snprintf(out, size, "row %zu", line);
    return other;
}

/* Keeps the line of the first row that wrote `id`; false if memory ran out. */
static bool id_add(row_lines *t, int64_t id, size_t line)
{
    size_t *cap, i;
    uint32_t **a = line_slot(t, id, &cap, &i);
    if (i >= *cap) {
        size_t n = *cap ? *cap : 1024;
        while (n <= i)
            n *= 2;
        uint32_t *grown = realloc(*a, n * sizeof *grown);
        if (!grown)
            return false;
        memset(grown + *cap, 0, (n - *cap) * sizeof *grown);
        *a = grown;
        *cap = n;
    }
    if (!(*a)[i])
        (*a)[i] = line == 0 ? 1 : line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    return true;
}

/* Whether the review was made by this import (the mark is read before the
 * import's first review is placed, inside its transaction). */
static bool review_made_here(const imp_writer *w, int64_t review_id)
{
    return w->review_mark >= 0 && review_id > w->review_mark;
}

static int read_review_mark(imp_writer *w)
{
    return w->review_mark >= 0 ? SP_OK : get_id(&w->review_mark, w, S_REVIEW_MARK);
}

/* ------------------------------------------------------------------ */
/* Places: authority, review, finding, owner                           */

/* An insert refused for its reference (SP_EEXISTS) after the lookup,
 * which skips voided objects, found nothing: a voided object holds the
 * reference (UNIQUE). The row is refused, saying how to go on; nothing is
 * matched to the voided object, whose rows no report shows. */
static int held_by_void(imp_writer *w, int rc, const char *what, const char *ref,
                        const char *instead)
{
    if (rc != SP_EEXISTS)
        return rc;
    return sp_fail(w->db, SP_EINVALID, "%s '%s' was voided, and keeps its reference with its "
                   "history: nothing can be imported under it. To bring it back, undo the "
                   "change that voided it (safeplan log, then safeplan undo CHANGE) and import "
                   "again; otherwise %s", what, ref, instead);
}

static int add_authority(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r)
{
    sqlite3_stmt *st = w->st[S_AUTHORITY_ADD];
    *field = F_AUTHORITY;
    if (!r->cell[F_AUTHORITY_NAME])
        return sp_fail(w->db, SP_EINVALID, "authority '%s' does not exist: expected the code "
                       "of one that does, or an authority_name column to create it", r->code);
    *field = F_AUTHORITY_NAME;
    int rc = sp_check_name(w->db, "authority name", r->cell[F_AUTHORITY_NAME]);
    if (rc != SP_OK)
        return rc;
    bind(st, ":code", r->code);
    bind(st, ":name", r->cell[F_AUTHORITY_NAME]);
    bind(st, ":kind", r->authority_kind ? r->authority_kind : "council");
    rc = insert(id, w, S_AUTHORITY_ADD, "adding an authority");
    w->tally.created.authorities += rc == SP_OK;
    return rc;
}

/* The row's authority: its code, else the one the options name. */
static int place_authority(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r)
{
    if (!r->cell[F_AUTHORITY]) {
        *id = w->d.authority_id;
        *field = F_AUTHORITY;
        return *id ? SP_OK : sp_fail(w->db, SP_EINVALID, "no authority: expected an authority "
                                     "code in this row, or an authority for the whole file");
    }
    if (cache_hit(&w->authority, 0, 0, r->code)) {
        *id = w->authority.id;
        return SP_OK;
    }
    bind(w->st[S_AUTHORITY_GET], ":code", r->code);
    int rc = get_id(id, w, S_AUTHORITY_GET);
    if (rc == SP_ENOTFOUND)
        rc = add_authority(id, w, field, r);
    return rc == SP_OK ? cache_set(&w->authority, w->db, 0, 0, r->code, *id) : rc;
}

/* The review a row names, or the one made for the import. */
typedef struct review_ref {
    const char *ref, *title, *kind;
    bool own; /* the row's own review columns apply */
} review_ref;

static int add_review(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r,
                      int64_t authority_id, const review_ref *v)
{
    sqlite3_stmt *st = w->st[S_REVIEW_ADD];
    *field = F_REVIEW;
    if (!v->title)
        return sp_fail(w->db, SP_EINVALID, "review '%s' does not exist: expected the reference "
                       "of one that does, or a review_title column to create it", v->ref);
    if (v->own && r->review_from && r->review_to && sp_date_diff(r->review_from, r->review_to) < 0)
        return sp_fail(w->db, SP_EINVALID, "review end date %s is before its start date %s",
                       r->review_to, r->review_from);
    *field = F_REVIEW_TITLE;
    int rc = sp_check_text(w->db, "review title", v->title);
    if (rc != SP_OK)
        return rc;
    bind_id(st, ":authority_id", authority_id);
    bind(st, ":ref", v->ref);
    bind(st, ":kind", v->kind ? v->kind : "other");
    bind(st, ":title", v->title);
    bind(st, ":from", v->own ? r->review_from : NULL);
    bind(st, ":to", v->own ? r->review_to : NULL);
    bind(st, ":reported", v->own ? r->review_reported : NULL);
    bind(st, ":judgement", v->own ? r->cell[F_REVIEW_JUDGEMENT] : NULL);
    *field = F_REVIEW;
    rc = held_by_void(w, insert(id, w, S_REVIEW_ADD, "adding a review"), "review", v->ref,
                      "import into another review (another reference in the review column, "
                      "or --review)");
    w->tally.created.reviews += rc == SP_OK;
    return rc;
}

static int place_review(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r)
{
    review_ref v = {r->cell[F_REVIEW], r->cell[F_REVIEW_TITLE], r->review_kind, true};
    int64_t authority_id = 0;
    if (!v.ref && w->d.review_id) {
        *id = w->d.review_id;
        return SP_OK;
    }
    if (!v.ref) { /* the review made for this import, under the row's authority */
        v = (review_ref){w->d.import_ref, w->d.import_title, "other", false};
        *field = F_REVIEW;
        if (!v.ref)
            return sp_fail(w->db, SP_EINVALID, "no review: expected a review reference in "
                           "this row, or a review for the whole file");
    }
    int rc = place_authority(&authority_id, w, field, r);
    if (rc != SP_OK || cache_hit(&w->review, authority_id, 0, v.ref)) {
        *id = w->review.id;
        return rc;
    }
    bind_id(w->st[S_REVIEW_GET], ":authority_id", authority_id);
    bind(w->st[S_REVIEW_GET], ":ref", v.ref);
    rc = get_id(id, w, S_REVIEW_GET);
    if (rc == SP_ENOTFOUND)
        rc = add_review(id, w, field, r, authority_id, &v);
    return rc == SP_OK ? cache_set(&w->review, w->db, authority_id, 0, v.ref, *id) : rc;
}

static int number_finding(char ref[24], imp_writer *w, int64_t review_id)
{
    int rc = SP_OK;
    if (w->numbered_review != review_id) {
        rc = next_number(&w->next_finding, w, S_FINDING_NEXT_REF, ":review_id", review_id);
        w->numbered_review = rc == SP_OK ? review_id : 0;
    }
    snprintf(ref, 24, "%lld", (long long)w->next_finding);
    return rc;
}

/* Councils' sheets seldom give themes; a finding must have one. */
#define DEFAULT_THEME "General"

/* Remembers the theme of the finding the cache now holds. */
static int keep_theme(imp_writer *w, const char *theme)
{
    char *copy = strdup(theme ? theme : DEFAULT_THEME);
    if (!copy)
        return sp_fail(w->db, SP_ENOMEM, "out of memory");
    free(w->finding_theme);
    w->finding_theme = copy;
    return SP_OK;
}

static int add_finding(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r,
                       int64_t review_id)
{
    char ref[24];
    sqlite3_stmt *st = w->st[S_FINDING_ADD];
    char *theme = NULL;
    *field = F_FINDING;
    if (!r->cell[F_FINDING])
        return sp_fail(w->db, SP_EINVALID, "finding '%s' does not exist: expected the reference "
                       "of one that does, or the finding's text to create it",
                       r->cell[F_FINDING_REF]);
    int rc = sp_check_text(w->db, "finding text", r->cell[F_FINDING]);
    if (rc == SP_OK && r->cell[F_THEME]) {
        *field = F_THEME;
        rc = sp_tidy_label(&theme, w->db, "theme", r->cell[F_THEME]);
    }
    if (rc == SP_OK && !r->cell[F_FINDING_REF])
        rc = number_finding(ref, w, review_id);
    if (rc != SP_OK) {
        free(theme);
        return rc;
    }
    bind_id(st, ":review_id", review_id);
    bind(st, ":ref", r->cell[F_FINDING_REF] ? r->cell[F_FINDING_REF] : ref);
    bind(st, ":kind", r->finding_kind);
    bind(st, ":theme", theme ? theme : DEFAULT_THEME);
    bind(st, ":text", r->cell[F_FINDING]);
    rc = insert(id, w, S_FINDING_ADD, "adding a finding");
    if (rc == SP_OK)
        rc = keep_theme(w, theme);
    free(theme); /* bound SQLITE_STATIC: the insert has run and cleared it */
    if (r->cell[F_FINDING_REF] && rc == SP_EEXISTS) {
        *field = F_FINDING_REF;
        rc = held_by_void(w, rc, "finding", r->cell[F_FINDING_REF], "give the row another "
                          "finding reference, or delete the row if the finding was voided on "
                          "purpose");
    }
    w->tally.created.findings += rc == SP_OK;
    if (rc == SP_OK && review_made_here(w, review_id) &&
        !text_add(&w->made_texts, text_key(review_id, r->cell[F_FINDING])))
        rc = sp_fail(w->db, SP_ENOMEM, "out of memory");
    if (rc == SP_OK && r->cell[F_FINDING_REF])
        w->numbered_review = 0; /* a reference of the file's own may be a number */
    else if (rc == SP_OK)
        w->next_finding++;
    return rc;
}

/* Looks the finding up (by reference, or by text under the row's theme),
 * else adds it; the cache then holds it and its theme. */
static int find_finding(imp_writer *w, imp_field *field, const imp_row *r, int64_t review_id,
                        int how, const char *key)
{
    int64_t id = 0;
    int rc = SP_ENOTFOUND, s = how == 0 ? S_FINDING_GET : S_FINDING_BY_TEXT;
    sqlite3_stmt *st = w->st[s];
    bool is_new = how == 1 && review_made_here(w, review_id) &&
                  !text_seen(&w->made_texts, text_key(review_id, key));
    if (!is_new) {
        bind_id(st, ":review_id", review_id);
        bind(st, how == 0 ? ":ref" : ":text", key);
        if (how == 1)
            bind(st, ":theme", r->cell[F_THEME]);
        else if (review_made_here(w, review_id))
            bind_id(st, ":exact", 1);
        int step = sqlite3_step(st);
        rc = step == SQLITE_ROW ? SP_OK : step == SQLITE_DONE ? SP_ENOTFOUND
                                                             : sp_fail_sql(w->db, "looking up");
        id = rc == SP_OK ? sqlite3_column_int64(st, 0) : 0;
        if (rc == SP_OK)
            rc = keep_theme(w, (const char *)sqlite3_column_text(st, 1));
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    if (rc == SP_ENOTFOUND)
        rc = add_finding(&id, w, field, r, review_id);
    return rc == SP_OK ? cache_set(&w->finding, w->db, review_id, how, key, id) : rc;
}

/* A finding named by its reference stays under its theme: a row giving
 * another is refused, since taking it would move every action under the
 * finding to another heading unseen. The clerk corrects the theme with
 * `finding edit`, which records the correction (who, why, when). */
static int check_theme(imp_writer *w, imp_field *field, const imp_row *r)
{
    if (!r->cell[F_THEME] || sp_name_same(w->finding_theme, r->cell[F_THEME]))
        return SP_OK;
    *field = F_THEME;
    return sp_fail(w->db, SP_EINVALID, "finding '%s' is under the theme '%s', not '%s': "
                   "expected its theme (to move it, 'safeplan finding edit FINDING --theme "
                   "THEME --reason TEXT', which keeps the history)", r->cell[F_FINDING_REF],
                   w->finding_theme, r->cell[F_THEME]);
}

/* A finding by its reference, else (council sheets) by its text and
 * theme: a plan may repeat a recommendation under two themes, and a row
 * filed under the first would lose the second without a word. */
static int place_finding(int64_t *id, imp_writer *w, imp_field *field, const imp_row *r)
{
    int64_t review_id = 0;
    int rc = read_review_mark(w);
    if (rc == SP_OK)
        rc = place_review(&review_id, w, field, r);
    int how = r->cell[F_FINDING_REF] ? 0 : 1;
    const char *key = how == 0 ? r->cell[F_FINDING_REF] : r->cell[F_FINDING];
    if (rc == SP_OK && !key)
        rc = sp_fail(w->db, SP_EINVALID, "no finding: expected a finding reference or text");
    bool hit = rc == SP_OK && cache_hit(&w->finding, review_id, how, key) &&
               (how == 0 || !r->cell[F_THEME] ||
                sp_name_same(w->finding_theme, r->cell[F_THEME]));
    if (rc == SP_OK && !hit)
        rc = find_finding(w, field, r, review_id, how, key);
    if (rc == SP_OK && how == 0)
        rc = check_theme(w, field, r);
    *id = w->finding.id;
    return rc;
}

static cache *owner_slot(imp_writer *w, const char *name)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return &w->owners[h % OWNER_SLOTS];
}

/* Reads every owner's key into w->owner_keys, once. */
static int read_owner_keys(imp_writer *w)
{
    sqlite3_stmt *st;
    if (w->owner_keys_read)
        return SP_OK;
    int rc = sp_prepare(&st, w->db, "import/owner_names"), step;
    if (rc != SP_OK)
        return rc;
    while (rc == SP_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = sp_name_index_put(&w->owner_keys, (const char *)sqlite3_column_text(st, 1),
                               sqlite3_column_int64(st, 0));
    if (rc == SP_OK && step != SQLITE_DONE)
        rc = sp_fail_sql(w->db, "reading the owners");
    sqlite3_finalize(st);
    w->owner_keys_read = rc == SP_OK;
    return rc == SP_ENOMEM ? sp_fail(w->db, rc, "out of memory") : rc;
}

/* A new owner, in the tidy spelling of the name (sp_name_tidy). */
static int add_owner(int64_t *id, imp_writer *w, const char *name)
{
    char *tidy = sp_name_tidy(name);
    if (!tidy)
        return sp_fail(w->db, SP_ENOMEM, "out of memory");
    bind(w->st[S_OWNER_ADD], ":name", tidy);
    int rc = insert(id, w, S_OWNER_ADD, "adding an owner");
    free(tidy);
    if (rc == SP_OK && sp_name_index_put(&w->owner_keys, name, *id) != SP_OK)
        rc = sp_fail(w->db, SP_ENOMEM, "out of memory");
    w->tally.created.owners += rc == SP_OK;
    return rc;
}

/* An owner by name, created if new. Names compare by their key (case,
 * doubled, no-break and zero-width spaces aside): "Head of  Service" in
 * one row and "head of service " in the next are one owner. */
static int place_owner(int64_t *id, imp_writer *w, imp_field *field, const char *name)
{
    cache *slot = owner_slot(w, name);
    *field = F_OWNER;
    if (cache_hit(slot, 0, 0, name)) {
        *id = slot->id;
        return SP_OK;
    }
    int rc = sp_check_name(w->db, "owner", name);
    if (rc == SP_OK)
        rc = read_owner_keys(w);
    if (rc == SP_OK && (rc = sp_name_index_get(id, &w->owner_keys, name)) == SP_ENOMEM)
        return sp_fail(w->db, rc, "out of memory");
    if (rc == SP_ENOTFOUND)
        rc = add_owner(id, w, name);
    return rc == SP_OK ? cache_set(slot, w->db, 0, 0, name, *id) : rc;
}

/* ------------------------------------------------------------------ */
/* Progress updates                                                    */

static int append_update(imp_writer *w, const update *u)
{
    bind_hot_id(w, HOT_UPDATE, ":action_id", u->action_id);
    bind_hot(w, HOT_UPDATE, ":on_date", u->on);
    bind_hot(w, HOT_UPDATE, ":now", w->now);
    bind_hot(w, HOT_UPDATE, ":author", u->author);
    bind_hot(w, HOT_UPDATE, ":note", u->note);
    bind_hot(w, HOT_UPDATE, ":evidence", u->evidence);
    bind_hot(w, HOT_UPDATE, ":percent", u->percent);
    bind_hot(w, HOT_UPDATE, ":old_status", u->old_status);
    bind_hot(w, HOT_UPDATE, ":new_status", u->new_status);
    bind_hot(w, HOT_UPDATE, ":old_due_on", u->old_due);
    bind_hot(w, HOT_UPDATE, ":new_due_on", u->new_due);
    bind_hot_id(w, HOT_UPDATE, ":old_owner_id", u->old_owner);
    bind_hot_id(w, HOT_UPDATE, ":new_owner_id", u->new_owner);
    bind_hot(w, HOT_UPDATE, ":transferred_to", u->transferred_to);
    bind_hot(w, HOT_UPDATE, ":rag_override", u->override);
    bind_hot(w, HOT_UPDATE, ":reason", u->reason);
    bind_hot(w, HOT_UPDATE, ":new_due_as_written", u->due_written);
    return insert(NULL, w, S_UPDATE_ADD, "adding a progress update");
}

/* Whether the action has an entry on `on` with this note and evidence,
 * recorded before the import. */
static int round_seen(bool *seen, imp_writer *w, int64_t action_id, const char *on,
                      const char *note, const char *evidence)
{
    sqlite3_stmt *st = w->st[S_ROUND_SEEN];
    int64_t found = 0;
    bind_id(st, ":action_id", action_id);
    bind(st, ":on_date", on);
    bind(st, ":note", note);
    bind(st, ":evidence", evidence);
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":mark"), w->update_mark);
    int rc = get_id(&found, w, S_ROUND_SEEN);
    *seen = found != 0;
    return rc;
}

/* The row's progress in dated columns (imp_map.dated, in date order): an
 * entry each, on the round's date, by the import's author (the row's
 * "Updated by" names who wrote its latest update, not earlier rounds'). A
 * cell the action already has, recorded before the import, is not added
 * again: the same sheet imported twice adds nothing. */
static int add_rounds(imp_writer *w, imp_field *field, const imp_row *r)
{
    const imp_map *m = w->d.map;
    for (size_t i = 0; m && i < m->ndated; i++) {
        bool seen = false;
        if (!r->dated_note[i])
            continue;
        *field = IMP_DATED_FIELD(i);
        update u = {.action_id = w->row_action, .on = m->dated[i].on, .author = w->d.author,
                    .note = r->dated_note[i]};
        int rc = round_seen(&seen, w, u.action_id, u.on, u.note, NULL);
        if (rc == SP_OK && !seen)
            rc = append_update(w, &u);
        if (rc != SP_OK)
            return rc;
        w->tally.dated += !seen;
    }
    return SP_OK;
}

/* One entry of a log, unless the action has it from before the import. */
static int add_entry(imp_writer *w, const imp_log_entry *e)
{
    bool seen = false;
    char *note = strndup(e->text, e->len);
    if (!note)
        return sp_fail(w->db, SP_ENOMEM, "out of memory");
    update u = {.action_id = w->row_action, .on = e->on, .author = w->d.author, .note = note};
    int rc = round_seen(&seen, w, u.action_id, u.on, u.note, NULL);
    if (rc == SP_OK && !seen)
        rc = append_update(w, &u);
    w->tally.logged += rc == SP_OK && !seen;
    free(note);
    return rc;
}

/* The row's progress cell kept as a log (imp_log_is): an entry for each
 * dated line, by the import's author as for a round's column, in date
 * order (a log is as often newest first), lines of one date in the cell's
 * order. */
__attribute__((cold)) /* few rows: kept out of imp_write_row, where write_row is inlined */
static int add_log(imp_writer *w, imp_field *field, const imp_row *r)
{
    imp_log_entry *e = NULL;
    size_t n = 0, cap = 0;
    int rc = SP_OK;
    *field = F_NOTE;
    w->tally.log_rows++;
    for (const char *at = r->log; rc == SP_OK;) {
        if (n == cap) {
            imp_log_entry *grown = realloc(e, (cap = cap ? 2 * cap : 8) * sizeof *e);
            if (!grown) {
                rc = sp_fail(w->db, SP_ENOMEM, "out of memory");
                break;
            }
            e = grown;
        }
        if (!imp_log_next(&e[n], &at))
            break;
        if (e[n].len == 0)
            continue; /* a date with nothing written under it */
        imp_log_entry x = e[n];
        size_t j = n++;
        for (; j > 0 && strcmp(e[j - 1].on, x.on) > 0; j--)
            e[j] = e[j - 1];
        e[j] = x;
    }
    for (size_t i = 0; rc == SP_OK && i < n; i++)
        rc = add_entry(w, &e[i]);
    free(e);
    return rc;
}

/* Date, author, note and evidence, as the row gives them; undated
 * progress is as at the date the sheet speaks for (--as-at, else today). */
static int update_from_row(update *u, imp_writer *w, imp_field *field, const imp_row *r)
{
    u->on = r->update_on ? r->update_on : w->d.as_at;
    if (strcmp(u->on, w->d.as_at) > 0) { /* progress not yet made: a typo, or the wrong --as-at */
        *field = r->completed_on != r->update_on ? F_UPDATE_ON
                 : r->done_in_status               ? F_STATUS
                                                   : F_COMPLETED_ON;
        return sp_fail(w->db, SP_EINVALID, "%s %s is after %s (%s): expected a date on or "
                       "before the date the sheet speaks for (correct the date, or give the "
                       "sheet's date with --as-at)", r->completed_on == r->update_on ?
                       "completion date" : "last update date", u->on,
                       strcmp(w->d.as_at, w->d.today) ? "the sheet's date" : "today",
                       w->d.as_at);
    }
    u->author = r->cell[F_UPDATE_BY] ? r->cell[F_UPDATE_BY] : w->d.author;
    u->note = r->cell[F_NOTE];
    u->evidence = r->cell[F_EVIDENCE];
    u->percent = r->percent_text;
    *field = F_UPDATE_BY;
    return sp_check_name(w->db, "author of the update", u->author);
}

/* A row that dates its completion before its last update ("Date
 * completed" 15/03, "Last updated" 01/06): the status change is an entry
 * of its own on the completion's day, so that a report for a day between
 * the two shows the work done, and the rest of the row's update (its note
 * and evidence, a new due date or owner) stays on the update's day. With
 * nothing else to say, the update is the completion, on its day. False if
 * u is one entry. */
static bool completion_first(update *done, update *u, const imp_row *r)
{
    if (!r->completed_on || !u->new_status || strcmp(r->completed_on, u->on) >= 0)
        return false;
    if (!u->note && !u->evidence && !u->new_due && !u->new_owner && !u->override) {
        u->on = r->completed_on;
        return false;
    }
    *done = (update){.action_id = u->action_id, .on = r->completed_on, .author = u->author,
                     .old_status = u->old_status, .new_status = u->new_status,
                     .transferred_to = u->transferred_to};
    u->old_status = u->new_status = u->transferred_to = NULL;
    return true;
}

static bool differs(const char *a, const char *b)
{
    return a && (!b || strcmp(a, b) != 0);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* A new recurring action's first report is due one period (and the grace)
 * after its start, else after the date the sheet speaks for. */
static const char *first_report(char out[SP_DATE_SIZE], const imp_writer *w, const imp_row *r)
{
    if (!r->cadence)
        return NULL;
    const char *from = r->start ? r->start : w->d.as_at;
    return sp_cadence_next(out, from, r->cadence, w->d.grace_days) == SP_OK ? out : NULL;
}

/* The next report of a recurring action, moved on by progress dated `on`
 * (NULL if it does not move: not recurring, closed, or not later). */
static const char *next_report(char out[SP_DATE_SIZE], const imp_writer *w, const char *cadence,
                               const char *on, const char *current, const char *status)
{
    if (!cadence || !on || (status && !sp_status_open(status)))
        return NULL;
    if (sp_cadence_next(out, on, cadence, w->d.grace_days) != SP_OK)
        return NULL;
    return !current || strcmp(out, current) > 0 ? out : NULL;
}

/* A new action's fields that a progress update changes, as they stand. */
typedef struct standing {
    const char *status, *original_due, *due, *transferred_to, *override, *override_reason;
    const char *last_update_on, *progress_on;
} standing;

/* The new action as it is made: the row's state if `recorded` (no update
 * to carry it), else not started with its first due date, which the first
 * update then brings to the row's state. */
static standing made(char first[SP_DATE_SIZE], const imp_writer *w, const imp_row *r,
                     bool recorded)
{
    const char *report = r->due ? NULL : first_report(first, w, r);
    const char *original = report ? report : r->original_due;
    standing s = {.status = "not_started", .original_due = original, .due = original};
    if (recorded) {
        s.status = r->status ? r->status : "not_started";
        s.due = r->due ? r->due : original;
        s.transferred_to = r->cell[F_TRANSFERRED_TO];
        s.override = r->rag_override;
        s.override_reason = r->rag_override ? r->cell[F_RAG_OVERRIDE_REASON] : NULL;
    }
    return s;
}

/* What the triggers action_update_apply and action_update_first_due
 * (schema/schema.sql) make of a new action's first update. A bulk load
 * drops them (sql/import.sql, bulk_triggers) and inserts the action as they
 * would leave it. Keep this in step with them: the tests
 * bulk_load_equals_row_by_row and first_update_cases_bulk_equals_row_by_row
 * compare the two, field for field (and completion_apart_bulk_equals_row_by_row
 * a completion applied before it). An import's first update never changes
 * the owner, and a new action has no date of update
 * or progress yet: the triggers' max(...) of those is the update's date. */
static void apply(standing *s, const update *u)
{
    bool transfer = u->new_status && strcmp(u->new_status, "transferred") == 0;
    bool progress = !u->new_owner && !transfer &&
                    (u->note || u->evidence || u->percent || u->new_status ||
                     (!u->override && !u->new_due));
    s->last_update_on = u->on;
    if (progress) /* else the progress date stays, as the triggers' max(...) keeps it */
        s->progress_on = u->on;
    if (u->new_status)
        s->status = u->new_status;
    if (u->new_due) {
        s->due = u->new_due;
        s->original_due = s->original_due ? s->original_due : u->new_due;
    }
    if (u->transferred_to)
        s->transferred_to = u->transferred_to;
    if (u->override) {
        bool none = strcmp(u->override, "none") == 0;
        s->override = none ? NULL : u->override;
        s->override_reason = none ? NULL : u->reason;
    }
}

/* Binds what an action and its origin both record of a new action. */
static void bind_made(imp_writer *w, enum hot hot, const imp_row *r, int64_t finding_id,
                      int64_t owner_id, const char *ref, const standing *s)
{
    bind_hot_id(w, hot, ":finding_id", finding_id);
    bind_hot(w, hot, ":ref", ref);
    bind_hot(w, hot, ":description", r->cell[F_ACTION]);
    bind_hot_id(w, hot, ":owner_id", owner_id);
    bind_hot(w, hot, ":start", r->start);
    bind_hot(w, hot, ":original_due", s->original_due);
    bind_hot(w, hot, ":due", s->due);
    bind_hot(w, hot, ":status", s->status);
    bind_hot(w, hot, ":measure", r->cell[F_MEASURE]);
    bind_hot(w, hot, ":transferred_to", s->transferred_to);
    bind_hot(w, hot, ":rag_override", s->override);
    bind_hot(w, hot, ":rag_override_reason", s->override_reason);
    bind_hot(w, hot, ":now", w->now);
}

static int insert_action(int64_t *id, imp_writer *w, const imp_row *r, int64_t finding_id,
                         int64_t owner_id, const char *ref, const standing *s)
{
    bind_made(w, HOT_ACTION, r, finding_id, owner_id, ref, s);
    bind_hot(w, HOT_ACTION, ":timescale", r->timescale);
    bind_hot(w, HOT_ACTION, ":cadence", r->cadence);
    bind_hot(w, HOT_ACTION, ":last_update_on", s->last_update_on);
    bind_hot(w, HOT_ACTION, ":progress_on", s->progress_on);
    return insert(id, w, S_ACTION_ADD, "adding an action");
}

/* The origin action_origin_record would write for the action as `s` made
 * it (a bulk load, which drops the trigger). */
static int insert_origin(imp_writer *w, int64_t id, const imp_row *r, int64_t finding_id,
                         int64_t owner_id, const char *ref, const standing *s)
{
    bind_hot_id(w, HOT_ORIGIN, ":action_id", id);
    bind_made(w, HOT_ORIGIN, r, finding_id, owner_id, ref, s);
    return insert(NULL, w, S_ORIGIN_ADD, "recording how an action began");
}

/* A transfer says where to, as `action update --transfer-to` must: a
 * plain "Transferred" with no destination in the row (nor, for an action
 * already transferred, on record) is refused. */
static int no_destination(imp_writer *w, imp_field *field, const imp_row *r)
{
    *field = F_STATUS;
    return sp_fail(w->db, SP_EINVALID, "status '%s' does not say where the action was "
                   "transferred: expected a \"Transferred to\" column naming where, or the "
                   "status written \"Transferred to <where>\" (e.g. \"Transferred to service "
                   "plan\")", r->cell[F_STATUS]);
}

/* The header of the file's column for `f`, else the field's name. */
static const char *header_of(const imp_writer *w, imp_field f)
{
    return w->d.header && w->d.header[f] ? w->d.header[f] : imp_field_name(f);
}

static int check_new_action(imp_writer *w, imp_field *field, const imp_row *r)
{
    *field = r->has[F_ACTION] ? F_ACTION : F_ACTION_REF; /* the cell to fix */
    if (!r->cell[F_ACTION])
        return sp_fail(w->db, SP_EINVALID, "action '%s' does not exist: expected the text of "
                       "the action to create it", r->cell[F_ACTION_REF]);
    *field = F_ACTION;
    int rc = sp_check_text(w->db, "action", r->cell[F_ACTION]);
    if (rc != SP_OK)
        return rc;
    *field = F_OWNER;
    if (!r->cell[F_OWNER] && r->has[F_OWNER])
        return sp_fail(w->db, SP_EINVALID, "no owner: the '%s' cell is empty: expected the "
                       "accountable officer or team; if one owner is written once for the "
                       "rows under it (merged cells), import with --fill-down %s to carry it "
                       "down", header_of(w, F_OWNER), imp_field_name(F_OWNER));
    if (!r->cell[F_OWNER])
        return sp_fail(w->db, SP_EINVALID, "no owner: the sheet has no column that names the "
                       "owner (such as Owner, Lead, Lead officer or Responsible officer): "
                       "expected one with each action's accountable officer or team (add it, "
                       "or name a column of yours with --map 'HEADER=%s')",
                       imp_field_name(F_OWNER));
    if (r->status && strcmp(r->status, "transferred") == 0 && !r->cell[F_TRANSFERRED_TO])
        return no_destination(w, field, r);
    return SP_OK; /* no due date: open-ended (issue 11) */
}

/* The row signs the action off with no evidence of impact: imported as
 * the council's record, and flagged (the committee's "so what?"). */
static void flag_unevidenced(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE],
                             const imp_row *r)
{
    if (!r->status || strcmp(r->status, "signed_off") != 0 || r->cell[F_EVIDENCE])
        return;
    w->tally.unevidenced++;
    *field = r->has[F_STATUS] ? F_STATUS : F_DUE;
    size_t n = strlen(note);
    snprintf(note + n, IMP_NOTE_SIZE - n, "%ssigned off without evidence of impact: imported "
             "as the council's record and flagged in reports", n ? "; " : "");
}

/* A new action's first update, with the text it points to, and its
 * completion before it if the row dates that apart (done, if split). */
typedef struct first_entry {
    update u, done;
    bool split;
    char report[SP_DATE_SIZE], next[SP_DATE_SIZE], as_at[320];
} first_entry;

/* The update that brings a new action from its first state to the row's
 * (its action_id is set once the action exists). */
static int first_update(first_entry *e, imp_writer *w, imp_field *field, const imp_row *r)
{
    update *u = &e->u;
    int rc = update_from_row(u, w, field, r);
    if (rc != SP_OK)
        return rc;
    if (r->status && strcmp(r->status, "not_started") != 0) {
        u->old_status = "not_started";
        u->new_status = r->status;
    }
    if (differs(r->due, r->original_due)) {
        u->old_due = r->original_due;
        u->new_due = r->due;
    }
    const char *report = first_report(e->report, w, r);
    if (!u->new_due && report &&
        (u->new_due = next_report(e->next, w, r->cadence, u->on, report, r->status)) != NULL)
        u->old_due = report;
    u->transferred_to = r->cell[F_TRANSFERRED_TO];
    u->override = r->rag_override;
    u->reason = r->rag_override ? r->cell[F_RAG_OVERRIDE_REASON] : NULL;
    if (!u->reason && !r->carries_update) { /* --as-at: the sheet's record on its date */
        snprintf(e->as_at, sizeof e->as_at, "as at %s in the council's sheet %s", w->d.as_at,
                 w->d.file);
        u->reason = e->as_at;
    }
    e->split = completion_first(&e->done, u, r);
    return SP_OK;
}

/* An export's last_progress_on: the stale clock as the plan it came from
 * kept it. The one update an import writes stands for the whole history,
 * so it cannot tell progress from administration (a reassignment after the
 * last progress): the column says, and an empty cell says "no progress
 * yet", which the update alone would have taken for progress. */
static bool progress_from_file(const imp_row *r, const update *u)
{
    return r->has[F_PROGRESS_ON] && (r->progress_on || u);
}

/* Sets the action's progress date to the file's (NULL: none). */
static int keep_progress(imp_writer *w, int64_t id, const char *progress_on)
{
    sqlite3_stmt *st = w->st[S_PROGRESS_SET];
    bind_id(st, ":id", id);
    bind(st, ":progress_on", progress_on);
    return insert(NULL, w, S_PROGRESS_SET, "keeping the progress date");
}

/* Appends a new action's first entries: its completion, if apart, then
 * its update. */
static int append_first(imp_writer *w, int64_t id, update *done, update *u)
{
    int rc = SP_OK;
    if (done) {
        done->action_id = id;
        rc = append_update(w, done);
    }
    u->action_id = id;
    return rc == SP_OK ? append_update(w, u) : rc;
}

/* Writes a new action `s` made, then its first update `u` (NULL: none;
 * `done` its completion, if apart), through the triggers: they record the
 * origin and apply the updates. */
static int create_by_triggers(int64_t *id, imp_writer *w, const imp_row *r, int64_t finding_id,
                              int64_t owner_id, const char *ref, const standing *s, update *done,
                              update *u)
{
    int rc = insert_action(id, w, r, finding_id, owner_id, ref, s);
    if (rc == SP_OK && u)
        rc = append_first(w, *id, done, u);
    if (rc == SP_OK && progress_from_file(r, u))
        rc = keep_progress(w, *id, r->progress_on);
    return rc;
}

/* The same in a bulk load, whose dropped triggers would not (bulk_triggers
 * in sql/import.sql says why): the action goes in as its first update and
 * the export's progress date leave it, then its origin as `s` made it, then
 * the update. */
static int create_bulk(int64_t *id, imp_writer *w, const imp_row *r, int64_t finding_id,
                       int64_t owner_id, const char *ref, const standing *s, update *done,
                       update *u)
{
    standing now = *s;
    if (done)
        apply(&now, done);
    if (u)
        apply(&now, u);
    now.progress_on = progress_from_file(r, u) ? r->progress_on : now.progress_on;
    int rc = insert_action(id, w, r, finding_id, owner_id, ref, &now);
    if (rc == SP_OK)
        rc = insert_origin(w, *id, r, finding_id, owner_id, ref, s);
    if (rc == SP_OK && u)
        rc = append_first(w, *id, done, u);
    return rc;
}

/* Creates the action. SP_EEXISTS (in bulk mode, a reference met twice)
 * lets the caller look it up instead. */
static int create_action(imp_writer *w, imp_field *field, const imp_row *r, int64_t finding_id)
{
    char ref[24];
    int64_t owner_id = 0, id = 0;
    int rc = check_new_action(w, field, r);
    if (rc == SP_OK)
        rc = place_owner(&owner_id, w, field, r->cell[F_OWNER]);
    if (rc == SP_OK && !r->cell[F_ACTION_REF])
        rc = next_ref(ref, w, S_ACTION_NEXT_REF, ":finding_id", finding_id);
    /* With --as-at, a status goes in as an update on that date, so that a
     * report for an earlier day shows the plan as it stood then. */
    bool dated = r->carries_update || strcmp(w->d.as_at, w->d.today) != 0;
    first_entry e = {.u = {.action_id = 0}};
    if (rc == SP_OK && dated)
        rc = first_update(&e, w, field, r);
    if (rc != SP_OK)
        return rc;
    *field = F_ACTION_REF;
    char first[SP_DATE_SIZE];
    standing s = made(first, w, r, !dated);
    const char *named = r->cell[F_ACTION_REF] ? r->cell[F_ACTION_REF] : ref;
    update *u = dated ? &e.u : NULL, *done = dated && e.split ? &e.done : NULL;
    rc = w->bulk ? create_bulk(&id, w, r, finding_id, owner_id, named, &s, done, u)
                 : create_by_triggers(&id, w, r, finding_id, owner_id, named, &s, done, u);
    if (rc == SP_OK && !id_add(&w->written, id, line_key(w, r->line)))
        rc = sp_fail(w->db, SP_ENOMEM, "out of memory");
    if (rc == SP_OK) {
        w->row_action = id;
        w->tally.created.actions++;
        w->tally.recurring += r->cadence != NULL;
        w->tally.open_ended += !r->cadence && !r->due && !r->original_due &&
                               (!r->status || sp_status_open(r->status));
    }
    return rc;
}

/* Positions the lookup on the action the row names; SP_ENOTFOUND if none. */
static int find_action(sqlite3_stmt **found, state *s, imp_writer *w, const imp_row *r,
                       int64_t finding_id)
{
    int k = r->cell[F_ACTION_REF] ? S_ACTION_BY_REF : S_ACTION_BY_TEXT;
    sqlite3_stmt *st = *found = w->st[k];
    bind_id(st, ":finding_id", finding_id);
    bind(st, k == S_ACTION_BY_REF ? ":ref" : ":text",
         k == S_ACTION_BY_REF ? r->cell[F_ACTION_REF] : r->cell[F_ACTION]);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return rc == SQLITE_DONE ? SP_ENOTFOUND : sp_fail_sql(w->db, "looking up an action");
    }
#define TEXT(i) ((const char *)sqlite3_column_text(st, i))
    *s = (state){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 3), TEXT(1), TEXT(2),
                 TEXT(4), TEXT(5), TEXT(6), TEXT(7), TEXT(8), TEXT(9), TEXT(10), TEXT(11),
                 TEXT(12), TEXT(13), TEXT(14)};
#undef TEXT
    return SP_OK;
}

/* Fills u with what the row changes; false if it changes nothing. */
static bool changes(update *u, const state *s, const imp_row *r, int64_t owner_id)
{
    if (differs(r->status, s->status)) {
        u->old_status = s->status;
        u->new_status = r->status;
    }
    if (differs(r->due, s->due)) {
        u->old_due = s->due;
        u->new_due = r->due;
        u->due_written = r->timescale;
    }
    if (owner_id && owner_id != s->owner_id) {
        u->old_owner = s->owner_id;
        u->new_owner = owner_id;
    }
    if (differs(r->cell[F_TRANSFERRED_TO], s->transferred_to))
        u->transferred_to = r->cell[F_TRANSFERRED_TO];
    if (r->rag_override && (differs(r->rag_override, s->override) ||
                            differs(r->cell[F_RAG_OVERRIDE_REASON], s->override_reason))) {
        u->override = r->rag_override;
        u->reason = r->cell[F_RAG_OVERRIDE_REASON];
    }
    return u->new_status || u->new_due || u->new_owner || u->transferred_to || u->override ||
           differs(r->cell[F_NOTE], s->note) || differs(r->cell[F_EVIDENCE], s->evidence) ||
           (r->percent_text && differs(r->percent_text, s->percent));
}

static void copy_text(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text ? text : "");
}

/* Appends the update (after its completion, if the row dates that apart);
 * notes a status move outside the lifecycle. */
static int apply_update(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE],
                        const imp_row *r, update *u)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)u->action_id);
    update done;
    int rc = update_from_row(u, w, field, r);
    bool split = rc == SP_OK && completion_first(&done, u, r);
    const update *change = split ? &done : u; /* the entry that changes the status */
    if (rc == SP_OK && change->new_status && strcmp(change->new_status, "signed_off") == 0) {
        *field = F_STATUS; /* a sheet signs off as a person would: not the claimant */
        rc = sp_closure_check(w->db, u->action_id, id, change->author);
        rc = rc == SP_ECONFLICT ? SP_EINVALID : rc; /* the row is refused, not the file */
    }
    if (rc == SP_OK && change->new_status) { /* nor dates a status change into the past */
        bool completion = change->on == r->completed_on;
        *field = completion ? F_COMPLETED_ON : F_UPDATE_ON;
        rc = sp_status_date_check(w->db, u->action_id, id,
                                  completion ? "completion date" : "last_update_on", change->on,
                                  change->new_status);
    }
    if (rc == SP_OK && split)
        rc = append_update(w, &done);
    if (rc == SP_OK)
        rc = append_update(w, u);
    w->tally.updated += rc == SP_OK;
    if (rc == SP_OK && change->new_status &&
        !sp_status_transition_ok(change->old_status, change->new_status)) {
        w->tally.irregular++;
        *field = F_STATUS;
        snprintf(note, IMP_NOTE_SIZE, "status moves from %s to %s, which the lifecycle does "
                 "not allow (from %s: %s); imported as the file records it", change->old_status,
                 change->new_status, change->old_status, sp_status_next(change->old_status));
    }
    return rc;
}

/* Whether the sheet's due cell speaks to an existing action's due date.
 * Not when the action recurs (its date moves with progress), not when the
 * cell is open-ended, and not when the timescale is written as it was: an
 * unchanged sheet never moves a due date. A relative timescale ("3
 * months", "end of March") counts from the action's start, else the day
 * it was first imported, never from today. */
static bool due_from_sheet(const imp_writer *w, imp_row *r, const state *s)
{
    (void)w;
    if (s->cadence || !r->due)
        return false;
    if (r->timescale && s->timescale && strcmp(r->timescale, s->timescale) == 0)
        return false;
    if (r->relative)
        return imp_row_rebase(r, s->start ? s->start : s->created_on) == SP_OK;
    return true;
}

/* Whether a reference is a decimal number ("1.1"): in a column of numbers
 * Excel keeps 1.10 as 1.1, so the tenth action of a finding meets its
 * first. */
static bool decimal_ref(const char *ref)
{
    size_t whole = strspn(ref, "0123456789");
    return whole > 0 && ref[whole] == '.' && ref[whole + 1] &&
           ref[whole + 1 + strspn(ref + whole + 1, "0123456789")] == '\0';
}

/* Refuses a row that names an action an earlier row of the same file
 * wrote. Even two identical rows are refused, not skipped: a repeated row
 * is most often a Ref merged or filled down over actions that happen to
 * read alike, or a copy that hides the action it overwrote, and only the
 * clerk can tell which; deleting the copy is one keystroke. */
static int same_action(imp_writer *w, imp_field *field, const imp_row *r, size_t earlier)
{
    const char *ref = header_of(w, F_ACTION_REF);
    char row[200];
    /* Sheets that are the plan at two dates hold the same actions. */
    const char *copies = row_named(row, sizeof row, w, earlier)
                             ? " (if the sheets are copies of the plan at different dates, "
                               "import the latest alone with --sheet)"
                             : "";
    if (r->cell[F_ACTION_REF]) {
        *field = F_ACTION_REF;
        return sp_fail(w->db, SP_EINVALID, "%s '%s' is also in %s, under the same "
                       "finding: the two rows would be one action, and one of them would be "
                       "lost. Each row must have its own %s: if the cell is merged over "
                       "several actions (or filled down), unmerge it and give each action "
                       "its own reference, or leave %s empty on the rows below to have them "
                       "numbered; if the row is a copy, delete it%s%s",
                       ref, r->cell[F_ACTION_REF], row, ref, ref, copies,
                       decimal_ref(r->cell[F_ACTION_REF])
                           ? "; if the column holds numbers, Excel keeps 1.10 as 1.1: format "
                             "it as Text and type the references again"
                           : "");
    }
    *field = F_ACTION;
    return sp_fail(w->db, SP_EINVALID, "the same action as %s: both rows have this "
                   "action's text under the same finding and no action reference, so they "
                   "would be one action. Give each row its own reference (a %s column), "
                   "or, if the row is a copy, delete it%s", row,
                   w->d.header && w->d.header[F_ACTION_REF] ? ref : "Ref", copies);
}

/* Beside dated columns, the row's own note is compared with the action's
 * latest entry, which may be a later round's: a note and evidence the
 * action already has on the row's update date are not added again (the
 * rule for dated columns). *any is cleared if so. */
static int recorded_before(bool *any, imp_writer *w, const imp_row *r, const update *u)
{
    bool seen = false;
    if (!w->d.map || w->d.map->ndated == 0 || u->new_status || u->new_due || u->new_owner ||
        u->transferred_to || u->override)
        return SP_OK;
    int rc = round_seen(&seen, w, u->action_id, r->update_on ? r->update_on : w->d.as_at,
                        r->cell[F_NOTE], r->cell[F_EVIDENCE]);
    *any = !seen;
    return rc;
}

/* Once an import: the row's action reference matched one stored in other
 * capitals (import/review_get), so the clerk knows "1A" updated 1a. */
static void note_capitals(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE],
                          const imp_row *r, const char *stored)
{
    if (w->capitals_noted || !*stored)
        return;
    w->capitals_noted = true;
    *field = F_ACTION_REF;
    size_t n = strlen(note);
    snprintf(note + n, IMP_NOTE_SIZE - n, "%sreference '%.40s' is the action '%.40s', written "
             "in other capitals (a reference is matched as written, else in any capitals), "
             "here and on any such row", n ? "; " : "", r->cell[F_ACTION_REF], stored);
}

/* An existing action: an update is appended if the row changes anything.
 * Any status is taken (the file is the council's record). The lookup's
 * row is compared, its two values the update keeps are copied, and the
 * lookup is reset before anything is written. */
static int existing_action(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE],
                           imp_row *r, int64_t finding_id)
{
    sqlite3_stmt *st = NULL;
    char old_status[24], old_due[SP_DATE_SIZE];
    int64_t owner_id = 0;
    state s = {0};
    int rc = r->cell[F_OWNER] ? place_owner(&owner_id, w, field, r->cell[F_OWNER]) : SP_OK;
    if (rc == SP_OK)
        rc = find_action(&st, &s, w, r, finding_id);
    if (rc != SP_OK)
        return rc;
    size_t earlier = id_line(&w->written, s.id);
    bool spelled = r->cell[F_ACTION_REF] && s.ref && strcmp(s.ref, r->cell[F_ACTION_REF]) != 0;
    if (earlier) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        /* Within one file references are as written ("1a" and "1A" are two
         * rows' actions, as a load into an empty plan makes them); only
         * the plan's are matched in other capitals. */
        return spelled ? SP_ENOTFOUND : same_action(w, field, r, earlier);
    }
    if (!id_add(&w->written, s.id, line_key(w, r->line))) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return sp_fail(w->db, SP_ENOMEM, "out of memory");
    }
    w->row_action = s.id;
    char stored[64] = "";
    if (spelled)
        copy_text(stored, sizeof stored, s.ref);
    update u = {.action_id = s.id};
    if (!due_from_sheet(w, r, &s))
        r->due = NULL; /* the sheet leaves the due date as it is */
    bool any = changes(&u, &s, r, owner_id);
    char reason[300];
    if (u.new_due && !u.reason) {
        snprintf(reason, sizeof reason, "changed in the council's sheet %s", w->d.file);
        u.reason = reason;
    }
    if (u.new_status && strcmp(u.new_status, "transferred") == 0 &&
        !r->cell[F_TRANSFERRED_TO] && !s.transferred_to) {
        rc = no_destination(w, field, r);
        any = false;
    }
    if (rc == SP_OK && u.new_due && s.start && strcmp(u.new_due, s.start) < 0) {
        /* as for a new action, and as sp_action_update refuses it */
        *field = F_DUE;
        rc = sp_fail(w->db, SP_EINVALID, "due date %s is before the start date %s",
                     u.new_due, s.start);
        any = false;
    }
    char next[SP_DATE_SIZE];
    if (any && !u.new_due &&
        (u.new_due = next_report(next, w, s.cadence, r->update_on ? r->update_on : w->d.as_at,
                                 s.due, u.new_status ? u.new_status : s.status)) != NULL)
        u.old_due = s.due;
    copy_text(old_status, sizeof old_status, u.old_status);
    copy_text(old_due, sizeof old_due, u.old_due);
    u.old_status = u.old_status ? old_status : NULL;
    u.old_due = u.old_due ? old_due : NULL;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SP_OK && any)
        rc = recorded_before(&any, w, r, &u);
    if (rc != SP_OK)
        return rc;
    if (!any)
        w->tally.unchanged++;
    rc = any ? apply_update(w, field, note, r, &u) : SP_OK;
    if (rc == SP_OK)
        note_capitals(w, field, note, r, stored);
    return rc;
}

static int write_row(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE], imp_row *r);

/* A row without a reference, in bulk mode: a new action unless the load
 * already made one with its text under its finding (SP_EEXISTS: then the
 * row updates it, row by row, as it would in a plan that had actions). */
static int create_unless_seen(imp_writer *w, imp_field *field, const imp_row *r,
                              int64_t finding_id)
{
    sqlite3_stmt *st;
    state s;
    int rc = find_action(&st, &s, w, r, finding_id);
    if (rc == SP_ENOTFOUND)
        return create_action(w, field, r, finding_id);
    if (rc == SP_OK) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        rc = SP_EEXISTS;
    }
    return rc;
}

int imp_write_row(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE], imp_row *r)
{
    int64_t before = w->tally.updated + w->tally.created.actions;
    w->row_action = 0;
    /* A log's entries go through the triggers that a bulk load drops. */
    int rc = r->log && w->bulk ? imp_writer_finish(w) : SP_OK;
    if (rc == SP_OK)
        rc = write_row(w, field, note, r);
    if (rc == SP_OK && w->row_action)
        rc = add_rounds(w, field, r);
    if (rc == SP_OK && w->row_action && r->log)
        rc = add_log(w, field, r);
    if (rc == SP_OK && w->tally.updated + w->tally.created.actions > before)
        flag_unevidenced(w, field, note, r);
    return rc;
}

static int write_row(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE], imp_row *r)
{
    int64_t finding_id = 0;
    note[0] = '\0';
    *field = F_COUNT;
    int rc = place_finding(&finding_id, w, field, r);
    if (rc != SP_OK)
        return rc;
    /* Into an empty plan rows are new unless a reference (or, in a sheet
     * without references, an action's text under its finding) repeats:
     * insert first, and only on a repeat leave bulk mode and look it up. */
    if (w->bulk && r->cell[F_ACTION] && r->cell[F_OWNER]) {
        rc = r->cell[F_ACTION_REF] ? create_action(w, field, r, finding_id)
                                   : create_unless_seen(w, field, r, finding_id);
        if (rc != SP_EEXISTS)
            return rc;
    }
    if (w->bulk && (rc = imp_writer_finish(w)) != SP_OK)
        return rc;
    rc = existing_action(w, field, note, r, finding_id);
    if (rc != SP_ENOTFOUND)
        return rc;
    rc = create_action(w, field, r, finding_id);
    if (rc != SP_EEXISTS || !r->cell[F_ACTION_REF])
        return rc;
    *field = F_ACTION_REF;
    char instead[200];
    snprintf(instead, sizeof instead, "give the row another reference, or leave %s empty to "
             "have one numbered; delete the row if the action was voided on purpose",
             header_of(w, F_ACTION_REF));
    return held_by_void(w, rc, "action", r->cell[F_ACTION_REF], instead);
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */

int imp_writer_bulk(imp_writer *w)
{
    return w->bulk ? SP_OK : imp_bulk_begin(&w->bulk, w->db);
}

int imp_writer_sheet(imp_writer *w, const char *name)
{
    if (w->nsheets == SHEETS_MAX)
        return sp_fail(w->db, SP_EINVALID, "the plan goes on over more than %zu sheets: "
                       "import each with --sheet", SHEETS_MAX - 1);
    char **grown = realloc(w->sheets, (w->nsheets + 1) * sizeof *grown);
    if (grown)
        w->sheets = grown;
    if (!grown || !(grown[w->nsheets] = strdup(name)))
        return sp_fail(w->db, SP_ENOMEM, "out of memory");
    w->nsheets++;
    return SP_OK;
}

int imp_writer_finish(imp_writer *w)
{
    int rc = imp_bulk_end(w->bulk, w->db);
    imp_bulk_free(w->bulk);
    w->bulk = NULL;
    return rc;
}

/* The last id of a table before the import (a mark statement). */
static int read_mark(int64_t *mark, imp_writer *w, const char *name)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, w->db, name);
    if (rc == SP_OK) {
        rc = sp_step_id(mark, w->db, st);
        sqlite3_finalize(st);
    }
    return rc;
}

/* The import's moment, once, in the schema's own format. */
static int take_now(imp_writer *w)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, w->db, "import/now");
    if (rc != SP_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        copy_text(w->now, sizeof w->now, (const char *)sqlite3_column_text(st, 0));
    else
        rc = sp_fail_sql(w->db, "reading the clock");
    sqlite3_finalize(st);
    return rc;
}

int imp_writer_new(imp_writer **out, sp_db *db, const imp_defaults *d)
{
    imp_writer *w = calloc(1, sizeof *w);
    *out = NULL;
    if (!w)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    w->db = db;
    w->d = *d;
    w->review_mark = -1;
    int rc = SP_OK;
    for (int i = 0; rc == SP_OK && i < S_COUNT; i++)
        rc = sp_prepare(&w->st[i], db, stmt_names[i]);
    if (rc == SP_OK)
        rc = take_now(w);
    if (rc == SP_OK)
        rc = read_mark(&w->written.mark, w, "import/action_mark");
    if (rc == SP_OK)
        rc = read_mark(&w->update_mark, w, "import/update_mark");
    if (rc != SP_OK) {
        imp_writer_free(w);
        return rc;
    }
    *out = w;
    return SP_OK;
}

void imp_writer_free(imp_writer *w)
{
    if (!w)
        return;
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(w->st[i]);
    imp_bulk_free(w->bulk);
    free(w->authority.key);
    free(w->review.key);
    free(w->finding.key);
    free(w->made_texts.slot);
    free(w->finding_theme);
    for (size_t i = 0; i < w->nsheets; i++)
        free(w->sheets[i]);
    free(w->sheets);
    free(w->written.made);
    free(w->written.matched);
    for (int i = 0; i < OWNER_SLOTS; i++)
        free(w->owners[i].key);
    sp_name_index_free(&w->owner_keys);
    free(w);
}

const imp_tally *imp_writer_tally(const imp_writer *w)
{
    return &w->tally;
}
