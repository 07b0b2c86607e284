/*
 * Bulk loading into an empty plan. Keeping a secondary index up to date
 * row by row costs a scattered B-tree update per index per row; building
 * it once after the load is one sort. So while a file is loaded into a
 * plan that had no actions, the secondary indexes of action and
 * action_update are dropped, and they are built again (from their own
 * CREATE statements, as stored in the schema) before the commit. All of it
 * happens inside the import's transaction: a rollback brings them back.
 *
 * The triggers that make a new action's history are dropped too: the
 * writer inserts each action as its first update leaves it, then its
 * origin as it was made, then the update (import_write.c, create_bulk).
 * The ledger's chain triggers of action_origin and action_update are
 * dropped as well, and the entries written meanwhile are chained in one pass
 * before they are made again (sql/import.sql, bulk_triggers, says why):
 * the same hashes, in the same order, so `verify` sees the chain the
 * triggers would have made. So are the journal's triggers that record
 * each new authority, review, finding and owner: their entries are
 * written for the load's rows at the end (bulk_journal), with the journal's
 * own chain and apply triggers dropped while they are written, and chained
 * in C the same way.
 *
 * The schema's CHECK constraints are off while the load inserts: they
 * would check again, five dates and three trims an action, values the
 * importer has just checked by the same rules (sql/import.sql,
 * bulk_checks_off, lists them), or the journal's entries for the places it
 * made (bulk_journal's own literals). They are back on when the load ends,
 * and on every way out.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

/* bulk_marks: the last id of each table before the load, in its order. */
enum { M_AUTHORITY, M_REVIEW, M_FINDING, M_OWNER, M_ACTION, M_UPDATE, M_JOURNAL, NMARKS };

/* One dropped index or trigger: its name and the statement that made it. */
typedef struct dropped {
    char *name, *sql;
    bool trigger;
} dropped;

struct imp_bulk {
    sp_db *db;
    dropped *idx;
    size_t n;
    bool unchained;    /* the chain triggers are dropped */
    bool unjournaled;  /* the journal's "created" triggers are dropped */
    bool unchecked;    /* CHECK constraints are off (bulk_checks_off) */
    int64_t marks[NMARKS]; /* the last row of each kind before the load */
};

static int remember(imp_bulk *b, sp_db *db, const char *name, const char *sql, bool trigger)
{
    dropped *grown = realloc(b->idx, (b->n + 1) * sizeof *grown);
    if (!grown)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    b->idx = grown;
    dropped *d = &b->idx[b->n];
    d->name = strdup(name);
    d->sql = strdup(sql);
    d->trigger = trigger;
    if (trigger && strncmp(name, "journal_", 8) == 0)
        b->unjournaled = true;
    else
        b->unchained |= trigger;
    b->n++;
    return d->name && d->sql ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
}

/* Reads the indexes or triggers to drop (their names come from the schema
 * itself, not from any user: see drop_all). */
static int list_dropped(imp_bulk *b, sp_db *db, const char *query, bool trigger)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, query);
    while (rc == SP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = remember(b, db, (const char *)sqlite3_column_text(st, 0),
                      (const char *)sqlite3_column_text(st, 1), trigger);
    if (rc == SQLITE_DONE)
        rc = SP_OK;
    else if (rc > 0)
        rc = sp_fail_sql(db, "reading the indexes");
    sqlite3_finalize(st);
    return rc;
}

/* DROP INDEX takes a name, which cannot be bound; the names are the
 * schema's own, quoted as identifiers (%w doubles any '"'). */
static int drop_all(const imp_bulk *b, sp_db *db)
{
    int rc = SP_OK;
    for (size_t i = 0; rc == SP_OK && i < b->n; i++) {
        char *sql = sqlite3_mprintf("DROP %s \"%w\"", b->idx[i].trigger ? "TRIGGER" : "INDEX",
                                    b->idx[i].name);
        rc = sql ? sp_exec_script(db, sql, "preparing a bulk load")
                 : sp_fail(db, SP_ENOMEM, "out of memory");
        sqlite3_free(sql);
    }
    return rc;
}

/* The last id of each kind of row (bulk_marks). */
static int read_marks(int64_t marks[NMARKS], sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "import/bulk_marks");
    if (rc != SP_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        for (int i = 0; i < NMARKS; i++)
            marks[i] = sqlite3_column_int64(st, i);
    else
        rc = sp_fail_sql(db, "reading the plan around a bulk load");
    sqlite3_finalize(st);
    return rc;
}

/* Runs one of the bulk_checks_* pragmas (sql/import.sql says why). */
static int set_checks(imp_bulk *b, bool on)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, b->db, on ? "import/bulk_checks_on" : "import/bulk_checks_off");
    if (rc == SP_OK) {
        rc = sp_exec_stmt(b->db, st, "setting the schema's checks");
        sqlite3_finalize(st);
    }
    if (rc == SP_OK)
        b->unchecked = !on;
    return rc;
}

int imp_bulk_begin(imp_bulk **out, sp_db *db)
{
    imp_bulk *b = calloc(1, sizeof *b);
    *out = NULL;
    if (!b)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    b->db = db;
    int rc = read_marks(b->marks, db);
    if (rc == SP_OK)
        rc = list_dropped(b, db, "import/bulk_indexes", false);
    if (rc == SP_OK)
        rc = list_dropped(b, db, "import/bulk_triggers", true);
    if (rc == SP_OK)
        rc = drop_all(b, db);
    if (rc == SP_OK)
        rc = set_checks(b, false);
    if (rc != SP_OK) {
        imp_bulk_free(b);
        return rc;
    }
    *out = b;
    return SP_OK;
}

/* Reads PRAGMA temp_store, then sets it to FILE (sql/import.sql says
 * why); *old receives the setting to restore. */
static int sort_on_disk(int64_t *old, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "import/temp_store");
    if (rc == SP_OK) {
        rc = sp_step_id(old, db, st);
        sqlite3_finalize(st);
    }
    if (rc == SP_OK && (rc = sp_prepare(&st, db, "import/temp_store_file")) == SP_OK) {
        rc = sp_exec_stmt(db, st, "preparing to build the indexes");
        sqlite3_finalize(st);
    }
    return rc;
}

/* A pragma takes no bound values: the setting is a number SQLite gave. */
static void restore_temp_store(sp_db *db, int64_t old)
{
    char *sql = sqlite3_mprintf("PRAGMA temp_store = %lld", (long long)old);
    if (sql)
        sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
}

/* ------------------------------------------------------------------ */
/* Chaining what the load wrote                                        */

/* The next entry of a rowid-ordered stream (origins, updates or journal
 * entries): its id, and the action it belongs to (the column before the
 * hash; for origins and journal entries, the id itself). */
typedef struct entry_stream {
    sqlite3_stmt *st;
    bool live;
    int64_t id, action_id;
    int hash_col;
} entry_stream;

static int next_entry(entry_stream *e, sp_db *db)
{
    int rc = sqlite3_step(e->st);
    e->live = rc == SQLITE_ROW;
    if (!e->live)
        return rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the history to chain");
    e->id = sqlite3_column_int64(e->st, 0);
    e->action_id = sqlite3_column_int64(e->st, e->hash_col - 1);
    return SP_OK;
}

/* Starts a stream of the entries after id `after`. */
static int open_stream(entry_stream *e, sp_db *db, const char *query, int64_t after)
{
    int rc = sp_prepare(&e->st, db, query);
    if (rc != SP_OK)
        return rc;
    sp_bind_int(e->st, ":after", after);
    return next_entry(e, db);
}

/* Appends entries to the chain as the triggers would, from its head on.
 * Its statement's parameters are found once, and the moment of chaining
 * is bound once: looking up names and copying text for every entry was a
 * fifth of the chaining. */
typedef struct chainer {
    sqlite3_stmt *link;
    int p_table, p_id, p_entry, p_chain; /* link's parameters */
    unsigned char head[SP_HASH_BYTES];
    bool first; /* the chain is empty */
    char now[64];
} chainer;

/* Appends e's entry to the chain after the head (then the new head).
 * `table` is a string literal, so SQLite need not copy it. */
static int link_entry(chainer *c, sp_db *db, const char *table, const entry_stream *e)
{
    const void *hash = sqlite3_column_blob(e->st, e->hash_col);
    size_t n = (size_t)sqlite3_column_bytes(e->st, e->hash_col);
    unsigned char out[SP_HASH_BYTES];
    sp_chain_link(out, c->first ? NULL : c->head, c->first ? 0 : SP_HASH_BYTES, hash, n, c->now);
    sqlite3_stmt *link = c->link;
    sqlite3_bind_text(link, c->p_table, table, -1, SQLITE_STATIC);
    sqlite3_bind_int64(link, c->p_id, e->id);
    sqlite3_bind_blob(link, c->p_entry, hash, (int)n, SQLITE_STATIC);
    sqlite3_bind_blob(link, c->p_chain, out, SP_HASH_BYTES, SQLITE_STATIC);
    int rc = sp_exec_stmt(db, link, "chaining the imported history");
    memcpy(c->head, out, SP_HASH_BYTES);
    c->first = false;
    return rc;
}

/* Prepares bulk_link, with the moment of chaining bound for good. */
static int prepare_link(chainer *c, sp_db *db)
{
    int rc = sp_prepare(&c->link, db, "import/bulk_link");
    if (rc != SP_OK)
        return rc;
    c->p_table = sqlite3_bind_parameter_index(c->link, ":entry_table");
    c->p_id = sqlite3_bind_parameter_index(c->link, ":entry_id");
    c->p_entry = sqlite3_bind_parameter_index(c->link, ":entry_hash");
    c->p_chain = sqlite3_bind_parameter_index(c->link, ":chain_hash");
    int p_at = sqlite3_bind_parameter_index(c->link, ":chained_at");
    sqlite3_bind_text(c->link, p_at, c->now, -1, SQLITE_STATIC); /* c outlives link */
    return SP_OK;
}

/* The chain's head and the moment of chaining (bulk_head). */
static int chainer_open(chainer *c, sp_db *db)
{
    sqlite3_stmt *st;
    c->link = NULL;
    int rc = sp_prepare(&st, db, "import/bulk_head");
    if (rc == SP_OK && sqlite3_step(st) == SQLITE_ROW) {
        c->first = sqlite3_column_type(st, 0) == SQLITE_NULL;
        if (!c->first && sqlite3_column_bytes(st, 0) == SP_HASH_BYTES)
            memcpy(c->head, sqlite3_column_blob(st, 0), SP_HASH_BYTES);
        else if (!c->first)
            rc = sp_fail(db, SP_ERROR, "the ledger's last chain hash is not %d bytes",
                         SP_HASH_BYTES);
        snprintf(c->now, sizeof c->now, "%s", (const char *)sqlite3_column_text(st, 1));
    } else if (rc == SP_OK) {
        rc = sp_fail_sql(db, "reading the ledger's head");
    }
    sqlite3_finalize(st);
    return rc == SP_OK ? prepare_link(c, db) : rc;
}

/* Chains the journal entries after `after`, in the order ledger_journal
 * would have chained them as they were written. */
static int chain_journal(sp_db *db, int64_t after)
{
    chainer c;
    entry_stream j = {NULL, false, 0, 0, 1};
    int rc = chainer_open(&c, db);
    if (rc == SP_OK)
        rc = open_stream(&j, db, "import/bulk_journal_entries", after);
    while (rc == SP_OK && j.live && (rc = link_entry(&c, db, "journal", &j)) == SP_OK)
        rc = next_entry(&j, db);
    sqlite3_finalize(j.st);
    sqlite3_finalize(c.link);
    return rc;
}

/* Chains every origin and update the load wrote, as the triggers would
 * have: an action's origin, then its updates (both streams in rowid
 * order, which in a bulk load is the order they were written). */
static int chain_loaded(const imp_bulk *b, sp_db *db)
{
    chainer c;
    entry_stream o = {NULL, false, 0, 0, 1}, u = {NULL, false, 0, 0, 2};
    int rc = chainer_open(&c, db);
    if (rc == SP_OK)
        rc = open_stream(&o, db, "import/bulk_origins", b->marks[M_ACTION]);
    if (rc == SP_OK)
        rc = open_stream(&u, db, "import/bulk_updates", b->marks[M_UPDATE]);
    while (rc == SP_OK && (o.live || u.live)) {
        /* An origin's action_id is its id (hash_col - 1 is column 0). */
        bool origin = o.live && (!u.live || o.id <= u.action_id);
        entry_stream *e = origin ? &o : &u;
        rc = link_entry(&c, db, origin ? "action_origin" : "action_update", e);
        if (rc == SP_OK)
            rc = next_entry(e, db);
    }
    sqlite3_finalize(o.st);
    sqlite3_finalize(u.st);
    sqlite3_finalize(c.link);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Journaling the places the load made                                 */

#define JOURNAL_SLICE 5000 /* places journaled per statement: memory stays flat */

/* bulk_journal for the places after b's marks up to `last`, in slices of
 * ids. */
static int journal_slices(const imp_bulk *b, sp_db *db, const int64_t last[NMARKS])
{
    static const char *const kinds[] = {"authority", "review", "finding", "owner"};
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "import/bulk_journal");
    for (int k = M_AUTHORITY; rc == SP_OK && k <= M_OWNER; k++)
        for (int64_t after = b->marks[k]; rc == SP_OK && after < last[k];
             after += JOURNAL_SLICE) {
            sp_bind_text(st, ":kind", kinds[k]);
            sp_bind_int(st, ":after", after);
            sp_bind_int(st, ":upto", after + JOURNAL_SLICE);
            rc = sp_exec_stmt(db, st, "recording the places the import made");
        }
    sqlite3_finalize(st);
    return rc;
}

/* Makes again what drop_all dropped, from the statements that made it. */
static int remake_all(const imp_bulk *b, sp_db *db)
{
    int rc = SP_OK;
    for (size_t i = 0; rc == SP_OK && i < b->n; i++)
        rc = sp_exec_script(db, b->idx[i].sql, "building the indexes after a bulk load");
    return rc;
}

static void free_dropped(imp_bulk *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->idx[i].name);
        free(b->idx[i].sql);
    }
    free(b->idx);
}

/* The journal's "created" entries for the places the load made, with the
 * triggers that would run for each dropped meanwhile (bulk_journal_triggers
 * says why), then chained in the order they were written. */
static int journal_loaded(const imp_bulk *b, sp_db *db)
{
    imp_bulk quiet = {0};
    int64_t last[NMARKS];
    int rc = read_marks(last, db);
    if (rc == SP_OK)
        rc = list_dropped(&quiet, db, "import/bulk_journal_triggers", true);
    if (rc == SP_OK)
        rc = drop_all(&quiet, db);
    if (rc == SP_OK)
        rc = journal_slices(b, db, last);
    if (rc == SP_OK)
        rc = remake_all(&quiet, db);
    if (rc == SP_OK)
        rc = chain_journal(db, last[M_JOURNAL]);
    free_dropped(&quiet);
    return rc;
}

/* Journals, chains and indexes what the load wrote. */
static int complete(const imp_bulk *b, sp_db *db)
{
    int64_t old = 0;
    /* On disk first: the index builds sort their keys, and the journal's
     * statements keep what they change until they end; in memory either
     * would grow with the plan (42 MiB at a million actions, measured
     * when the journal's apply triggers still ran). */
    int rc = sort_on_disk(&old, db);
    if (rc == SP_OK && b->unjournaled)
        rc = journal_loaded(b, db);
    if (rc == SP_OK && b->unchained)
        rc = chain_loaded(b, db);
    if (rc == SP_OK)
        rc = remake_all(b, db);
    restore_temp_store(db, old);
    return rc;
}

int imp_bulk_end(imp_bulk *b, sp_db *db)
{
    if (!b)
        return SP_OK;
    int rc = b->n > 0 ? complete(b, db) : SP_OK;
    /* The checks stay off for the journal's entries too: bulk_journal
     * writes the places' ids and codes, the load's own, and its literals. */
    if (rc == SP_OK && b->unchecked)
        rc = set_checks(b, true);
    return rc;
}

void imp_bulk_free(imp_bulk *b)
{
    if (!b)
        return;
    /* A load that failed half-way leaves no connection without its checks
     * (the web service keeps its connections for the next request). */
    if (b->unchecked)
        set_checks(b, true);
    free_dropped(b);
    free(b);
}
