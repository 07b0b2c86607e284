/*
 * Importing a history file (safeplan export --history): every entry of
 * every action, rebuilt as it was recorded, so that a plan moved through
 * CSV keeps its past.
 *
 * Two passes, because an entry can name a place the file only describes
 * further down (an action moved from finding 2 to finding 1 is listed
 * under finding 1, before finding 2's rows). The first pass checks every
 * row, creates the places the rows name and keeps the rows in a sealed
 * spill (spill.c: on disk, unreadable, so that memory stays flat however
 * long the file) with a key of their order; the second replays them in
 * the order they were recorded, across actions, so that a reference freed
 * by a move and used again lands as it did. The schema's triggers apply
 * each entry to the action, exactly as when it was first made, and chain
 * it into the ledger.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

/* The file's columns, in the export's order (sql/export.sql, history). */
enum {
    H_AUTHORITY, H_AUTHORITY_NAME, H_AUTHORITY_KIND, H_REVIEW, H_REVIEW_KIND, H_REVIEW_TITLE,
    H_REVIEW_STARTED, H_REVIEW_ENDED, H_REVIEW_REPORTED, H_REVIEW_JUDGEMENT, H_FINDING_REF,
    H_FINDING_KIND, H_THEME, H_FINDING, H_ACTION_REF, H_ENTRY, H_ENTRY_NO, H_ENTRY_ON, H_RECORDED_AT,
    H_AUTHOR, H_CREATED_AS, H_ACTION, H_OWNER, H_START_ON, H_ORIGINAL_DUE_ON, H_DUE_ON,
    H_STATUS, H_MEASURE, H_DUE_AS_WRITTEN, H_CADENCE, H_LAST_UPDATE_ON, H_LAST_PROGRESS_ON,
    H_NOTE, H_EVIDENCE, H_NO_EVIDENCE_REASON, H_PERCENT, H_OLD_STATUS, H_NEW_STATUS,
    H_OLD_DUE_ON, H_NEW_DUE_ON, H_OLD_OWNER, H_NEW_OWNER, H_TRANSFERRED_TO, H_RAG_OVERRIDE,
    H_REASON, H_FIELD, H_OLD_VALUE, H_NEW_VALUE, H_COUNT
};

static const char *const column_names[H_COUNT] = {
    "authority", "authority_name", "authority_kind", "review", "review_kind", "review_title",
    "review_started_on", "review_ended_on", "review_reported_on", "review_judgement",
    "finding_ref", "finding_kind", "theme", "finding", "action_ref", "entry", "entry_no",
    "entry_on",
    "recorded_at", "author", "created_as", "action", "owner", "start_on", "original_due_on",
    "due_on", "status", "measure", "due_as_written", "cadence", "last_update_on",
    "last_progress_on", "note", "evidence", "no_evidence_reason", "percent", "old_status",
    "new_status", "old_due_on", "new_due_on", "old_owner", "new_owner", "transferred_to",
    "rag_override", "reason", "field", "old_value", "new_value",
};

typedef enum entry_kind { E_CREATED, E_UPDATE, E_EDIT, E_EMBEDDED, E_COUNT } entry_kind;
static const char *const entry_names[E_COUNT] = {"created", "update", "edit", "embedded"};

/* What each kind of entry cannot be without (besides recorded_at). */
static const int required[E_COUNT][4] = {
    [E_CREATED] = {H_CREATED_AS, H_ACTION, H_OWNER, H_STATUS},
    [E_UPDATE] = {H_ENTRY_ON, H_AUTHOR, -1},
    [E_EDIT] = {H_AUTHOR, H_FIELD, H_REASON, -1},
    [E_EMBEDDED] = {H_ENTRY_ON, H_AUTHOR, H_EVIDENCE, -1},
};

static const int date_columns[] = {
    H_REVIEW_STARTED, H_REVIEW_ENDED, H_REVIEW_REPORTED, H_ENTRY_ON, H_START_ON,
    H_ORIGINAL_DUE_ON, H_DUE_ON, H_LAST_UPDATE_ON, H_LAST_PROGRESS_ON, H_OLD_DUE_ON,
    H_NEW_DUE_ON,
};

enum {
    S_AUTHORITY_GET, S_AUTHORITY_ADD, S_REVIEW_GET, S_REVIEW_ADD, S_FINDING_GET, S_FINDING_ADD,
    S_OWNER_GET, S_OWNER_ADD, S_ACTION_AT, S_ACTION_ADD, S_UPDATE_ADD, S_EDIT_ADD,
    S_EMBEDDED_ADD, S_COUNT
};

static const char *const stmt_names[S_COUNT] = {
    "import/authority_get", "import/authority_add", "import/review_get", "import/review_add",
    "import/finding_get", "import/finding_add", "import/owner_exact", "import/owner_add",
    "history/action_at", "history/action_add", "history/update_add",
    "history/edit_add", "history/embedded_add",
};

/* Where a kept row is, and its place in the replay: by entry_no, then by
 * line (a file may give two rows one number; they replay as listed). */
typedef struct row_key {
    int64_t seq;
    uint64_t line, at, sealed;
} row_key;

/* Keys sorted in memory before a run of them goes to the spill: 8 MiB.
 * Only tests change it (imp_history_set_run_keys), to merge many runs. */
static size_t run_keys = (size_t)1 << 18;

void imp_history_set_run_keys(size_t n)
{
    run_keys = n;
}

struct imp_history {
    sp_db *db;
    bool raw;                    /* cells are not formula-guarded */
    sqlite3_stmt *st[S_COUNT];
    sp_spill *spill;             /* the rows, kept for the replay */
    sp_sorter *order;            /* their keys */
    unsigned char *rec;          /* a row as it is kept */
    size_t rec_cap;
    const char *cell[H_COUNT];   /* the current row's cells, unguarded; NULL if empty */
    int64_t grp;                 /* the current action: 1 for the file's first */
    char *place;                 /* its place, "authority/review/finding/action" */
    int64_t last_no;             /* its latest entry_no so far */
    int64_t authority_id, review_id, finding_id; /* the current action's place */
    uint32_t *made;              /* the action made for each grp (index grp - 1), as
                                    its id less `base` (made_id) */
    int64_t base;                /* one less than the first action made */
    bool based;                  /* base is set */
    sp_import_counts created;
    int64_t entries;             /* updates, corrections and checks rebuilt */
    size_t line;                 /* the line being replayed */
    int64_t one_person;          /* sign-offs by the claimant (check_two_people) */
    char *first_one_person;      /* the first: "line N: <the closure rule's words>" */
};

/* ------------------------------------------------------------------ */
/* Statements                                                          */

/* Steps a write (or a lookup of one id into *id, SP_ENOTFOUND if none) and
 * resets it. A constraint the row breaks is the row's fault: SP_EINVALID. */
static int step(imp_history *h, int s, int64_t *id, const char *what)
{
    sqlite3_stmt *st = h->st[s];
    int rc = sqlite3_step(st), out = SP_OK;
    if (rc == SQLITE_ROW && id)
        *id = sqlite3_column_int64(st, 0);
    else if (rc == SQLITE_DONE && id)
        out = SP_ENOTFOUND;
    else if (rc == SQLITE_CONSTRAINT)
        out = sp_fail(h->db, SP_EINVALID, "%s: %s", what, sqlite3_errmsg(h->db->sql));
    else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        out = sp_fail_sql(h->db, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return out;
}

static int insert(imp_history *h, int s, int64_t *id, const char *what)
{
    int rc = step(h, s, NULL, what);
    if (rc == SP_OK && id)
        *id = sqlite3_last_insert_rowid(h->db->sql);
    return rc;
}

/* The id a get statement finds, or the row its add statement makes. */
static int get_or_add(imp_history *h, int get, int add, int64_t *id, int64_t *count,
                      const char *what)
{
    int rc = step(h, get, id, what);
    if (rc != SP_ENOTFOUND)
        return rc;
    rc = insert(h, add, id, what);
    if (rc == SP_OK)
        (*count)++;
    return rc;
}

static void bind_cells(sqlite3_stmt *st, const char *const *cell, const char *const *names,
                       const int *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sp_bind_text(st, names[i], cell[cols[i]]);
}

/* ------------------------------------------------------------------ */
/* The header                                                          */

bool imp_history_header(const sp_csv_row *row)
{
    bool entry = false, recorded = false;
    for (size_t i = 0; i < row->count; i++) {
        entry |= strcmp(row->fields[i].data, "entry") == 0;
        recorded |= strcmp(row->fields[i].data, "recorded_at") == 0;
    }
    return entry && recorded;
}

/* A history file is read back exactly as it was written: every column,
 * in order, so that no entry loses a field without a word. */
static int check_header(sp_db *db, size_t *column, const sp_csv_row *row)
{
    for (size_t i = 0; i < H_COUNT; i++) {
        if (i >= row->count) {
            *column = i + 1;
            return sp_fail(db, SP_EINVALID, "a history file (export --history) has the "
                           "export's %d columns in its order: this header stops after %zu, "
                           "where '%s' is expected", H_COUNT, row->count, column_names[i]);
        }
        const char *got = row->fields[i].data;
        if (strcmp(got, column_names[i]) != 0) {
            *column = i + 1;
            return sp_fail(db, SP_EINVALID, "a history file (export --history) has the "
                           "export's %d columns in its order: column %zu is '%s', expected "
                           "'%s'", H_COUNT, i + 1, got, column_names[i]);
        }
    }
    if (row->count != H_COUNT) {
        *column = H_COUNT + 1;
        return sp_fail(db, SP_EINVALID, "a history file (export --history) has %d columns; "
                       "this header has %zu", H_COUNT, row->count);
    }
    return SP_OK;
}

static int by_seq_line(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

int imp_history_new(imp_history **out, sp_db *db, const sp_csv_row *header, bool raw,
                    size_t *column)
{
    *out = NULL;
    *column = 0;
    int rc = check_header(db, column, header);
    if (rc != SP_OK)
        return rc;
    imp_history *h = calloc(1, sizeof *h);
    if (!h)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    h->db = db;
    h->raw = raw;
    *out = h;
    rc = sp_spill_open(&h->spill, db);
    if (rc == SP_OK)
        rc = sp_sorter_new(&h->order, h->spill, sizeof(row_key), run_keys, by_seq_line);
    for (int i = 0; rc == SP_OK && i < S_COUNT; i++)
        rc = sp_prepare(&h->st[i], db, stmt_names[i]);
    return rc;
}

void imp_history_free(imp_history *h)
{
    if (!h)
        return;
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(h->st[i]);
    sp_sorter_free(h->order);
    sp_spill_close(h->spill);
    free(h->rec);
    free(h->place);
    free(h->made);
    free(h->first_one_person);
    free(h);
}

void imp_history_tally(const imp_history *h, sp_import_counts *created, int64_t *entries)
{
    *created = h->created;
    *entries = h->entries;
}

int64_t imp_history_one_person(const imp_history *h, const char **first)
{
    *first = h->first_one_person;
    return h->one_person;
}

/* ------------------------------------------------------------------ */
/* First pass: check each row, make its places, keep it                */

/* "COLUMN 'VALUE': EXPECTED" (or "COLUMN is empty: ..."), at the column. */
static int bad(imp_history *h, size_t *column, int col, const char *value, const char *expected)
{
    *column = (size_t)col + 1;
    if (!value)
        return sp_fail(h->db, SP_EINVALID, "%s is empty: %s", column_names[col], expected);
    return sp_fail(h->db, SP_EINVALID, "%s '%s': %s", column_names[col], value, expected);
}

static bool is_iso_date(const char *s)
{
    char day[SP_DATE_SIZE];
    return strlen(s) == 10 && sp_date_parse(day, s) == SP_OK && strcmp(day, s) == 0;
}

/* YYYY-MM-DDTHH:MM:SSZ, as the schema records every moment. */
static bool is_moment(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    if (strlen(s) != sizeof shape - 1)
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return false;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    return is_iso_date(day);
}

static int entry_kind_of(const char *text)
{
    for (int k = 0; text && k < E_COUNT; k++)
        if (strcmp(text, entry_names[k]) == 0)
            return k;
    return -1;
}

/* Every cell the entry needs, in the form the export writes it. */
static int check_cells(imp_history *h, size_t *column, int kind)
{
    const char *const *c = h->cell;
    if (!c[H_RECORDED_AT] || !is_moment(c[H_RECORDED_AT]))
        return bad(h, column, H_RECORDED_AT, c[H_RECORDED_AT],
                   "expected the moment it was recorded, YYYY-MM-DDTHH:MM:SSZ");
    for (size_t i = 0; i < sizeof date_columns / sizeof *date_columns; i++) {
        const char *v = c[date_columns[i]];
        if (v && !is_iso_date(v))
            return bad(h, column, date_columns[i], v, "expected a date YYYY-MM-DD");
    }
    for (int i = 0; i < 4 && required[kind][i] >= 0; i++)
        if (!c[required[kind][i]] || sp_blank(c[required[kind][i]]))
            return bad(h, column, required[kind][i], NULL,
                       "every entry of this kind has one");
    const char *pct = c[H_PERCENT];
    if (pct && (strspn(pct, "0123456789") != strlen(pct) || strlen(pct) > 3 || atoi(pct) > 100))
        return bad(h, column, H_PERCENT, pct, "expected a whole number from 0 to 100");
    /* An update's words are those of the due date it sets (migration 19),
     * and they go into its entry's hash: words with no date are an edit. */
    if (kind == E_UPDATE && c[H_DUE_AS_WRITTEN] && !sp_blank(c[H_DUE_AS_WRITTEN]) &&
        (!c[H_NEW_DUE_ON] || sp_blank(c[H_NEW_DUE_ON])))
        return bad(h, column, H_DUE_AS_WRITTEN, c[H_DUE_AS_WRITTEN],
                   "an update's due_as_written is the words of the due date it sets, and "
                   "this update sets none (new_due_on is empty)");
    return SP_OK;
}

/* The row's places (made if the plan has not got them), for its
 * 'created' row; the rows after it must be of the same action. */
static int take_place(imp_history *h, size_t *column, int kind)
{
    const char *const *c = h->cell;
    char *place = sqlite3_mprintf("%s/%s/%s/%s", c[H_AUTHORITY] ? c[H_AUTHORITY] : "",
                                  c[H_REVIEW] ? c[H_REVIEW] : "",
                                  c[H_FINDING_REF] ? c[H_FINDING_REF] : "",
                                  c[H_ACTION_REF] ? c[H_ACTION_REF] : "");
    if (!place)
        return sp_fail(h->db, SP_ENOMEM, "out of memory");
    bool same = h->place && strcmp(place, h->place) == 0;
    if (kind != E_CREATED) {
        sqlite3_free(place);
        if (same)
            return SP_OK;
        return bad(h, column, H_ENTRY, c[H_ENTRY], "an entry before its action's 'created' "
                   "row: a history file lists each action's 'created' row first, then its "
                   "other entries");
    }
    if (same) {
        sqlite3_free(place);
        return bad(h, column, H_ENTRY, c[H_ENTRY], "the file has already created this action");
    }
    free(h->place);
    h->place = strdup(place);
    sqlite3_free(place);
    if (!h->place)
        return sp_fail(h->db, SP_ENOMEM, "out of memory");
    return SP_OK;
}

/* The places, top down: each level's get and add statements, the id of
 * its parent they take, the cells they bind and what a new one counts as. */
typedef struct place_level {
    int get, add;
    const char *parent;          /* :authority_id, :review_id, or NULL */
    const char *const *names;
    const int *cols;
    size_t nkey, ncols;          /* the get binds nkey cells, the add ncols */
    const char *what;
} place_level;

static const char *const a_names[] = {":code", ":name", ":kind"};
static const int a_cols[] = {H_AUTHORITY, H_AUTHORITY_NAME, H_AUTHORITY_KIND};
static const char *const r_names[] = {":ref", ":kind", ":title", ":from", ":to", ":reported",
                                      ":judgement"};
static const int r_cols[] = {H_REVIEW, H_REVIEW_KIND, H_REVIEW_TITLE, H_REVIEW_STARTED,
                             H_REVIEW_ENDED, H_REVIEW_REPORTED, H_REVIEW_JUDGEMENT};
static const char *const f_names[] = {":ref", ":kind", ":theme", ":text"};
static const int f_cols[] = {H_FINDING_REF, H_FINDING_KIND, H_THEME, H_FINDING};

static const place_level levels[3] = {
    {S_AUTHORITY_GET, S_AUTHORITY_ADD, NULL, a_names, a_cols, 1, 3, "the authority"},
    {S_REVIEW_GET, S_REVIEW_ADD, ":authority_id", r_names, r_cols, 1, 7, "the review"},
    {S_FINDING_GET, S_FINDING_ADD, ":review_id", f_names, f_cols, 1, 4, "the finding"},
};

static int make_places(imp_history *h, size_t *column)
{
    int64_t *ids[3] = {&h->authority_id, &h->review_id, &h->finding_id};
    int64_t *counts[3] = {&h->created.authorities, &h->created.reviews,
                          &h->created.findings};
    for (int i = 0; i < 3; i++) {
        const place_level *l = &levels[i];
        for (int s = l->get; s <= l->add; s += l->add - l->get) {
            if (l->parent)
                sp_bind_int(h->st[s], l->parent, *ids[i - 1]);
            bind_cells(h->st[s], h->cell, l->names, l->cols, s == l->get ? l->nkey : l->ncols);
        }
        if (l->parent) /* references as the history spells them (import/review_get) */
            sp_bind_int(h->st[l->get], ":exact", 1);
        int rc = get_or_add(h, l->get, l->add, ids[i], counts[i], l->what);
        if (rc != SP_OK) {
            *column = (size_t)l->cols[0] + 1;
            return rc;
        }
    }
    return SP_OK;
}

/* entry_no orders the replay across actions; each action's own entries
 * must come in that order too, or the replay would change its history. */
static int take_entry_no(imp_history *h, size_t *column, int kind, int64_t *no)
{
    const char *v = h->cell[H_ENTRY_NO];
    if (!v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 15 || atoll(v) < 1)
        return bad(h, column, H_ENTRY_NO, v, "expected the entry's number, 1 or more");
    *no = atoll(v);
    if (kind != E_CREATED && *no <= h->last_no)
        return bad(h, column, H_ENTRY_NO, v, "not after the action's entry above it: each "
                   "action's entries are numbered in the order they were recorded");
    h->last_no = *no;
    return SP_OK;
}

/* A kept row: its action's grp, then each cell as a 4-byte length (0 for
 * an empty cell, else its bytes and 1) and its bytes with a NUL, so that
 * the replay reads the cells where they lie. The cells are checked
 * already: the record is at most the CSV reader's record limit. */
static int keep_row(imp_history *h, size_t line, int64_t no)
{
    size_t need = sizeof h->grp;
    for (int i = 0; i < H_COUNT; i++)
        need += sizeof(uint32_t) + (h->cell[i] ? strlen(h->cell[i]) + 1 : 0);
    if (need > h->rec_cap) {
        unsigned char *rec = realloc(h->rec, need);
        if (!rec)
            return sp_fail(h->db, SP_ENOMEM, "out of memory");
        h->rec = rec;
        h->rec_cap = need;
    }
    unsigned char *p = h->rec;
    memcpy(p, &h->grp, sizeof h->grp);
    p += sizeof h->grp;
    for (int i = 0; i < H_COUNT; i++) {
        uint32_t n = h->cell[i] ? (uint32_t)strlen(h->cell[i]) + 1 : 0;
        memcpy(p, &n, sizeof n);
        p += sizeof n;
        if (n > 0)
            memcpy(p, h->cell[i], n); /* its bytes and the NUL */
        p += n;
    }
    row_key key = {no, line, 0, 0};
    size_t sealed;
    int rc = sp_spill_put(h->spill, h->rec, need, &key.at, &sealed);
    key.sealed = sealed;
    return rc == SP_OK ? sp_sorter_add(h->order, &key) : rc;
}

int imp_history_row(imp_history *h, size_t *column, const sp_csv_row *row)
{
    *column = 0;
    if (row->count != H_COUNT) {
        *column = (row->count < H_COUNT ? row->count : H_COUNT) + 1;
        return sp_fail(h->db, SP_EINVALID, "found %zu fields, expected %d (as many as the "
                       "header has)", row->count, H_COUNT);
    }
    for (int i = 0; i < H_COUNT; i++) {
        sp_csv_field v = h->raw ? row->fields[i] : sp_csv_unguard(row->fields[i]);
        h->cell[i] = v.len > 0 ? v.data : NULL;
    }
    int kind = entry_kind_of(h->cell[H_ENTRY]);
    if (kind < 0)
        return bad(h, column, H_ENTRY, h->cell[H_ENTRY],
                   "expected created, update, edit or embedded");
    int64_t no = 0;
    int rc = take_place(h, column, kind);
    if (rc == SP_OK)
        rc = take_entry_no(h, column, kind, &no);
    if (rc == SP_OK)
        rc = check_cells(h, column, kind);
    if (rc == SP_OK && kind == E_CREATED) {
        h->grp++;
        rc = make_places(h, column);
    }
    return rc == SP_OK ? keep_row(h, row->line, no) : rc;
}

/* ------------------------------------------------------------------ */
/* Second pass: replay in the order recorded                           */

typedef struct replay_row {
    int64_t grp;                /* its action, 1 for the file's first */
    const char *cell[H_COUNT];  /* its cells, NULL if empty */
    size_t *column;             /* where a fault is (1-based) */
} replay_row;

static const char *col(const replay_row *r, int c)
{
    return r->cell[c];
}

/* The row as keep_row kept it. The spill refuses a record changed on
 * disk, so a record that does not parse is this code's fault. */
static int unpack_row(imp_history *h, replay_row *r, const unsigned char *p, size_t len)
{
    const unsigned char *end = p + len;
    bool ok = len >= sizeof r->grp;
    if (ok) {
        memcpy(&r->grp, p, sizeof r->grp);
        p += sizeof r->grp;
    }
    for (int i = 0; ok && i < H_COUNT; i++) {
        uint32_t n = 0;
        ok = (size_t)(end - p) >= sizeof n;
        if (ok) {
            memcpy(&n, p, sizeof n);
            p += sizeof n;
            ok = (size_t)(end - p) >= n && (n == 0 || p[n - 1] == '\0');
        }
        r->cell[i] = ok && n > 0 ? (const char *)p : NULL;
        p += ok ? n : 0;
    }
    if (!ok || p != end || r->grp < 1 || r->grp > h->grp)
        return sp_fail(h->db, SP_ERROR, "a row kept for the replay is not as it was kept");
    return SP_OK;
}

static int owner_id(imp_history *h, const replay_row *r, int c, int64_t *id)
{
    *id = 0;
    if (!col(r, c))
        return SP_OK;
    for (int s = S_OWNER_GET; s <= S_OWNER_ADD; s++)
        sp_bind_text(h->st[s], ":name", col(r, c));
    int rc = get_or_add(h, S_OWNER_GET, S_OWNER_ADD, id, &h->created.owners, "the owner");
    if (rc != SP_OK)
        *r->column = (size_t)c + 1;
    return rc;
}

/* A finding named by its path, which the first pass or the plan made. */
static int finding_at(imp_history *h, const replay_row *r, int c, const char *path,
                      int64_t *id)
{
    int rc = sp_resolve(id, h->db, "finding", path);
    if (rc == SP_OK)
        return SP_OK;
    *r->column = (size_t)c + 1;
    if (rc != SP_ENOTFOUND && rc != SP_EINVALID)
        return rc;
    return sp_fail(h->db, SP_EINVALID, "%s names finding '%s', which is in neither the plan "
                   "nor the file (no action is in it now)", column_names[c], path);
}

/* The actions a replay makes are numbered one after another (max(rowid)
 * + 1, one writer in one transaction), so each is kept as its distance
 * from the first: 4 bytes an action, in one array sized by the first
 * pass's count (8 bytes an action and a doubling array before, 7.6 MiB of
 * a history import's 24.9 MiB at a million actions). */
static int made_id(imp_history *h, int64_t grp, int64_t id)
{
    if (!h->based) {
        h->base = id - 1;
        h->based = true;
    }
    int64_t at = id - h->base;
    if (at < 1 || at > (int64_t)UINT32_MAX || grp < 1 || grp > h->grp)
        return sp_fail(h->db, SP_ERROR, "action %lld was not numbered after the import's "
                       "first", (long long)id);
    h->made[grp - 1] = (uint32_t)at;
    return SP_OK;
}

static int replay_created(imp_history *h, const replay_row *r, int64_t grp)
{
    static const char *const names[] = {":description", ":start_on", ":original_due_on",
                                        ":due_on", ":status", ":measure", ":recorded_at",
                                        ":last_update_on", ":transferred_to", ":rag_override",
                                        ":reason", ":timescale", ":cadence", ":progress_on"};
    static const int cols[] = {H_ACTION, H_START_ON, H_ORIGINAL_DUE_ON, H_DUE_ON, H_STATUS,
                               H_MEASURE, H_RECORDED_AT, H_LAST_UPDATE_ON, H_TRANSFERRED_TO,
                               H_RAG_OVERRIDE, H_REASON, H_DUE_AS_WRITTEN, H_CADENCE,
                               H_LAST_PROGRESS_ON};
    char path[400];
    snprintf(path, sizeof path, "%s", col(r, H_CREATED_AS));
    char *slash = strrchr(path, '/');
    int64_t finding = 0, owner = 0, existing = 0;
    if (!slash || !slash[1]) {
        *r->column = H_CREATED_AS + 1;
        return sp_fail(h->db, SP_EINVALID, "created_as '%s': expected the action's path, "
                       "AUTHORITY/REVIEW/FINDING/ACTION", path);
    }
    *slash = '\0';
    int rc = finding_at(h, r, H_CREATED_AS, path, &finding);
    if (rc == SP_OK)
        rc = owner_id(h, r, H_OWNER, &owner);
    if (rc != SP_OK)
        return rc;
    sqlite3_stmt *at = h->st[S_ACTION_AT];
    sp_bind_int(at, ":finding_id", finding);
    sp_bind_text(at, ":ref", slash + 1);
    rc = step(h, S_ACTION_AT, &existing, "looking for the action");
    *r->column = H_CREATED_AS + 1;
    if (rc == SP_OK)
        return sp_fail(h->db, SP_EINVALID, "the plan already has action %s/%s: a history "
                       "file creates its actions, so it is imported into a plan without "
                       "them", path, slash + 1);
    if (rc != SP_ENOTFOUND)
        return rc;
    sqlite3_stmt *add = h->st[S_ACTION_ADD];
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        sp_bind_text(add, names[i], col(r, cols[i]));
    sp_bind_int(add, ":finding_id", finding);
    sp_bind_text(add, ":ref", slash + 1);
    sp_bind_int(add, ":owner_id", owner);
    int64_t id = 0;
    rc = insert(h, S_ACTION_ADD, &id, "creating the action");
    if (rc == SP_OK)
        rc = made_id(h, grp, id);
    if (rc == SP_OK)
        h->created.actions++;
    return rc;
}

/* A sign-off by the person who claimed the work complete, which the
 * closure rule refuses now (sp_closure_check): a history replays what
 * was recorded, so it is kept, and counted for a note (a plan recorded
 * before the rule, or a file edited by hand). Refused, a plan's past
 * could not move to a new file. */
static int check_two_people(imp_history *h, const replay_row *r, int64_t action)
{
    const char *to = col(r, H_NEW_STATUS);
    if (!to || strcmp(to, "signed_off") != 0)
        return SP_OK;
    char path[4 * 48];
    const char *part[] = {col(r, H_AUTHORITY), col(r, H_REVIEW), col(r, H_FINDING_REF),
                          col(r, H_ACTION_REF)};
    snprintf(path, sizeof path, "%s/%s/%s/%s", part[0] ? part[0] : "", part[1] ? part[1] : "",
             part[2] ? part[2] : "", part[3] ? part[3] : "");
    int rc = sp_closure_check(h->db, action, path, col(r, H_AUTHOR));
    if (rc != SP_ECONFLICT)
        return rc;
    if (h->one_person++ == 0) {
        size_t n = strlen(sp_errmsg(h->db)) + 32;
        if ((h->first_one_person = malloc(n)) != NULL)
            snprintf(h->first_one_person, n, "line %zu: %s", h->line, sp_errmsg(h->db));
    }
    sp_clear(h->db);
    return SP_OK;
}

static int replay_update(imp_history *h, const replay_row *r, int64_t action)
{
    static const char *const names[] = {":on_date", ":recorded_at", ":author", ":note",
                                        ":evidence", ":no_evidence_reason", ":old_status",
                                        ":new_status", ":old_due_on", ":new_due_on",
                                        ":transferred_to", ":rag_override", ":reason",
                                        ":due_as_written"};
    static const int cols[] = {H_ENTRY_ON, H_RECORDED_AT, H_AUTHOR, H_NOTE, H_EVIDENCE,
                               H_NO_EVIDENCE_REASON, H_OLD_STATUS, H_NEW_STATUS, H_OLD_DUE_ON,
                               H_NEW_DUE_ON, H_TRANSFERRED_TO, H_RAG_OVERRIDE, H_REASON,
                               H_DUE_AS_WRITTEN};
    int64_t old_owner = 0, new_owner = 0;
    int rc = owner_id(h, r, H_OLD_OWNER, &old_owner);
    if (rc == SP_OK)
        rc = owner_id(h, r, H_NEW_OWNER, &new_owner);
    if (rc != SP_OK)
        return rc;
    sqlite3_stmt *st = h->st[S_UPDATE_ADD];
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        sp_bind_text(st, names[i], col(r, cols[i]));
    sp_bind_int(st, ":action_id", action);
    if (old_owner)
        sp_bind_int(st, ":old_owner_id", old_owner);
    if (new_owner)
        sp_bind_int(st, ":new_owner_id", new_owner);
    if (col(r, H_PERCENT))
        sp_bind_int(st, ":percent", atoi(col(r, H_PERCENT)));
    rc = check_two_people(h, r, action);
    return rc == SP_OK ? insert(h, S_UPDATE_ADD, NULL, "adding the update") : rc;
}

/* A correction's value as the journal keeps it: a finding by its id and
 * void as a number (the action's columns are compared with them). */
static int bind_value(imp_history *h, const replay_row *r, const char *name, int c)
{
    const char *field = col(r, H_FIELD), *v = col(r, c);
    sqlite3_stmt *st = h->st[S_EDIT_ADD];
    if (!v)
        return sp_bind_null(st, name) == SQLITE_OK ? SP_OK : SP_ERROR;
    if (strcmp(field, "void") == 0) {
        if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
            *r->column = (size_t)c + 1;
            return sp_fail(h->db, SP_EINVALID, "%s '%s': void is 0 or 1", column_names[c], v);
        }
        sp_bind_int(st, name, v[0] - '0');
        return SP_OK;
    }
    if (strcmp(field, "finding") != 0) {
        sp_bind_text(st, name, v);
        return SP_OK;
    }
    int64_t id = 0;
    int rc = finding_at(h, r, c, v, &id);
    if (rc == SP_OK)
        sp_bind_int(st, name, id);
    return rc;
}

static int replay_edit(imp_history *h, const replay_row *r, int64_t action)
{
    sqlite3_stmt *st = h->st[S_EDIT_ADD];
    int rc = bind_value(h, r, ":old", H_OLD_VALUE);
    if (rc == SP_OK)
        rc = bind_value(h, r, ":new", H_NEW_VALUE);
    if (rc != SP_OK) {
        sqlite3_clear_bindings(st);
        return rc;
    }
    sp_bind_int(st, ":action_id", action);
    sp_bind_text(st, ":field", col(r, H_FIELD));
    sp_bind_text(st, ":reason", col(r, H_REASON));
    sp_bind_text(st, ":author", col(r, H_AUTHOR));
    sp_bind_text(st, ":recorded_at", col(r, H_RECORDED_AT));
    *r->column = H_FIELD + 1;
    return insert(h, S_EDIT_ADD, NULL, "making the correction");
}

static int replay_embedded(imp_history *h, const replay_row *r, int64_t action)
{
    sqlite3_stmt *st = h->st[S_EMBEDDED_ADD];
    sp_bind_int(st, ":action_id", action);
    sp_bind_text(st, ":on_date", col(r, H_ENTRY_ON));
    sp_bind_text(st, ":recorded_at", col(r, H_RECORDED_AT));
    sp_bind_text(st, ":author", col(r, H_AUTHOR));
    sp_bind_text(st, ":evidence", col(r, H_EVIDENCE));
    return insert(h, S_EMBEDDED_ADD, NULL, "adding the embedding check");
}

static int replay_one(imp_history *h, const replay_row *r)
{
    int64_t grp = r->grp;
    int kind = entry_kind_of(col(r, H_ENTRY));
    *r->column = H_ENTRY + 1;
    if (kind == E_CREATED)
        return replay_created(h, r, grp);
    if (h->made[grp - 1] == 0) /* its "created" entry sorts first (take_entry_no) */
        return sp_fail(h->db, SP_ERROR, "an entry was replayed before its action was made");
    int64_t action = h->base + h->made[grp - 1];
    int rc = kind == E_UPDATE ? replay_update(h, r, action)
           : kind == E_EDIT   ? replay_edit(h, r, action)
                              : replay_embedded(h, r, action);
    if (rc == SP_OK)
        h->entries++;
    return rc;
}

int imp_history_replay(imp_history *h, size_t *line, size_t *column)
{
    replay_row r = {.column = column};
    row_key key;
    *line = *column = 0;
    /* the merge of runs frees the keys' buffer before the map is made */
    int rc = sp_sorter_finish(h->order), next = SP_ROW;
    if (rc == SP_OK && !(h->made = calloc(h->grp > 0 ? (size_t)h->grp : 1, sizeof *h->made)))
        rc = sp_fail(h->db, SP_ENOMEM, "out of memory");
    while (rc == SP_OK && (next = sp_sorter_next(h->order, &key)) == SP_ROW) {
        const unsigned char *data;
        size_t len;
        *line = h->line = (size_t)key.line;
        rc = sp_spill_get(h->spill, key.at, (size_t)key.sealed, &data, &len);
        if (rc == SP_OK)
            rc = unpack_row(h, &r, data, len);
        if (rc == SP_OK)
            rc = replay_one(h, &r);
    }
    return rc == SP_OK && next != SP_DONE ? next : rc;
}
