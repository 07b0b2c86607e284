/*
 * Bulk loading into an empty plan. Keeping a secondary index up to date
 * row by row costs a scattered B-tree update per index per row; building
 * it once after the load is one sort. So while a file is loaded into a
 * plan that had no actions, the secondary indexes of action and
 * action_update are dropped, and they are built again (from their own
 * CREATE statements, as stored in the schema) before the commit. All of it
 * happens inside the import's transaction: a rollback brings them back.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

/* One dropped index: its name and the statement that made it. */
typedef struct dropped {
    char *name, *sql;
} dropped;

struct imp_bulk {
    dropped *idx;
    size_t n;
};

static int remember(imp_bulk *b, sp_db *db, const char *name, const char *sql)
{
    dropped *grown = realloc(b->idx, (b->n + 1) * sizeof *grown);
    if (!grown)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    b->idx = grown;
    dropped *d = &b->idx[b->n];
    d->name = strdup(name);
    d->sql = strdup(sql);
    b->n++;
    return d->name && d->sql ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
}

/* Reads the indexes to drop (their names come from the schema itself, not
 * from any user: see drop_all). */
static int list_indexes(imp_bulk *b, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "import/bulk_indexes");
    while (rc == SP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = remember(b, db, (const char *)sqlite3_column_text(st, 0),
                      (const char *)sqlite3_column_text(st, 1));
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
        char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", b->idx[i].name);
        rc = sql ? sp_exec_script(db, sql, "preparing a bulk load")
                 : sp_fail(db, SP_ENOMEM, "out of memory");
        sqlite3_free(sql);
    }
    return rc;
}

int imp_bulk_begin(imp_bulk **out, sp_db *db)
{
    imp_bulk *b = calloc(1, sizeof *b);
    *out = NULL;
    if (!b)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    int rc = list_indexes(b, db);
    if (rc == SP_OK)
        rc = drop_all(b, db);
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

int imp_bulk_end(imp_bulk *b, sp_db *db)
{
    int64_t old = 0;
    if (!b || b->n == 0)
        return SP_OK;
    int rc = sort_on_disk(&old, db);
    for (size_t i = 0; rc == SP_OK && i < b->n; i++)
        rc = sp_exec_script(db, b->idx[i].sql, "building the indexes after a bulk load");
    restore_temp_store(db, old);
    return rc;
}

void imp_bulk_free(imp_bulk *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->idx[i].name);
        free(b->idx[i].sql);
    }
    free(b->idx);
    free(b);
}
