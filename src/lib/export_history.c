/*
 * export --history, one action at a time (sql/export.sql history*).
 *
 * The file lists every entry of every action's history, actions in the
 * export's order and each action's entries in the order chained, and
 * numbers each entry (entry_no) by its place among all the file's entries
 * in the order chained: the importer replays them in that order. One query
 * numbering and then ordering every entry held them all in memory (4.3 GiB
 * at a million actions). Here the file's entries are marked first
 * (history_seqs) in a bitmap of ledger numbers with running counts; then
 * each action's entries are read in turn (history_actions, history), and
 * entry_rank() turns an entry's ledger number into its place. A million
 * actions' four million entries take about 1 MiB.
 */
#include <stdlib.h>
#include <string.h>

#include "plan_at.h"

typedef struct ranks {
    sp_bitset seqs;   /* the ledger numbers of the file's entries */
    uint32_t *before; /* the file's entries in the words before each word */
} ranks;

static void ranks_free(ranks *r)
{
    if (!r)
        return;
    sp_bitset_free(&r->seqs);
    free(r->before);
    free(r);
}

/* The running counts, once every number is marked. */
static bool ranks_count(ranks *r)
{
    const sp_bitset *b = &r->seqs;
    r->before = malloc((b->nwords ? b->nwords : 1) * sizeof *r->before);
    if (!r->before)
        return false;
    uint32_t total = 0;
    for (size_t w = 0; w < b->nwords; w++) {
        r->before[w] = total;
        total += (uint32_t)__builtin_popcountll(b->words[w]);
    }
    return true;
}

/* Reads the ledger numbers of the file's entries (history_seqs). */
static int read_seqs(ranks *r, sp_db *db, const sp_filter *filter)
{
    sqlite3_stmt *st;
    /* Status and RAG alone narrow little: the ledger's walk is faster.
     * The actions with no due date are found in their own index. */
    bool few = sp_filter_narrows(filter) || filter->no_due;
    int rc = sp_prepare_filtered(&st, db, few ? "export/history_seqs_of_actions"
                                              : "export/history_seqs",
                                 filter, false);
    if (rc != SP_OK)
        return rc;
    if ((rc = sp_bind_filter(st, db, NULL, filter)) != SP_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t seq = sqlite3_column_int64(st, 0);
        if ((rc = sp_bitset_add(&r->seqs, seq, NULL)) != SP_OK) {
            sqlite3_finalize(st);
            return rc == SP_ENOMEM ? sp_fail(db, rc, "out of memory")
                                   : sp_fail(db, rc, "the ledger has an entry numbered %lld",
                                             (long long)seq);
        }
    }
    rc = step == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "numbering the history's entries");
    sqlite3_finalize(st);
    if (rc == SP_OK && !ranks_count(r))
        rc = sp_fail(db, SP_ENOMEM, "out of memory");
    return rc;
}

/* entry_rank(seq): the entry's number in the file, from 1. */
static void entry_rank(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const ranks *r = sqlite3_user_data(ctx);
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_error(ctx, "an entry of the history is not in the ledger "
                             "('safeplan verify' names it)", -1);
        return;
    }
    int64_t seq = sqlite3_value_int64(argv[0]);
    if (!sp_bitset_has(&r->seqs, seq)) {
        sqlite3_result_error(ctx, "an entry of the history was not numbered", -1);
        return;
    }
    size_t w = (size_t)(seq / 64);
    uint64_t below = r->seqs.words[w] & ((UINT64_C(1) << (seq % 64)) - 1);
    sqlite3_result_int64(ctx, (int64_t)r->before[w] + __builtin_popcountll(below) + 1);
}

static int set_entry_rank(sp_db *db, ranks *r)
{
    int rc = sqlite3_create_function_v2(db->sql, "entry_rank", 1,
                                        SQLITE_UTF8 | SQLITE_DIRECTONLY, r,
                                        r ? entry_rank : NULL, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SP_OK : sp_fail_sql(db, "numbering the history's entries");
}

/* The cursor's release: its statements are finalized, so the function
 * can go (SQLite refuses while a statement uses it). */
static void release(sp_db *db, void *arg)
{
    set_entry_rank(db, NULL);
    ranks_free(arg);
}

/* The rows of each action in turn, in a read transaction of their own
 * when the caller has none, so that the numbers and the entries are of one
 * snapshot; freeing the cursor ends it. */
int sp_history_open(sp_cursor **out, sp_db *db, const sp_filter *given)
{
    sqlite3_stmt *st, *actions;
    *out = NULL;
    /* A voided action's history is kept, its voiding among its entries. */
    sp_filter filter = given ? *given : (sp_filter){0};
    filter.include_void = 1;
    ranks *r = calloc(1, sizeof *r);
    if (!r)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    bool began = sqlite3_get_autocommit(db->sql) &&
                 sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    int rc = read_seqs(r, db, &filter);
    if (rc == SP_OK)
        rc = set_entry_rank(db, r);
    if (rc != SP_OK) {
        ranks_free(r);
        if (began)
            sp_read_end(db);
        return rc;
    }
    rc = sp_prepare_filtered(&actions, db, "export/history_actions", &filter, false);
    if (rc == SP_OK && (rc = sp_bind_filter(actions, db, NULL, &filter)) != SP_OK)
        sqlite3_finalize(actions);
    if (rc == SP_OK && (rc = sp_prepare(&st, db, "export/history")) != SP_OK)
        sqlite3_finalize(actions);
    if (rc == SP_OK)
        rc = sp_cursor_grouped(out, db, st, actions, ":of_action");
    if (rc != SP_OK) {
        release(db, r);
        if (began)
            sp_read_end(db);
        return rc;
    }
    (*out)->release = release;
    (*out)->release_arg = r;
    if (began)
        db->snapshot_of = (*out)->stmt;
    return SP_OK;
}
