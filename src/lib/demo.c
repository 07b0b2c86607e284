/* The bundled example plan (data/example-plan.sql, compiled in). */
#include <string.h>

#include "internal.h"

/* The plan tables counted by demo/rows. */
#define DEMO_TABLES 6

/* A date inside the example plan's life where every RAG state occurs. */
const char *sp_demo_default_date(void)
{
    return "2017-07-01";
}

static int count_rows(sp_db *db, int64_t n[DEMO_TABLES])
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "demo/rows");
    if (rc != SP_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < DEMO_TABLES; i++)
            n[i] = sqlite3_column_int64(st, i);
    } else {
        rc = sp_fail_sql(db, "counting the plan");
    }
    sqlite3_finalize(st);
    return rc;
}

static bool all_zero(const int64_t n[DEMO_TABLES])
{
    for (int i = 0; i < DEMO_TABLES; i++)
        if (n[i])
            return false;
    return true;
}

/* The row counts of the example plan alone, loaded into a private
 * in-memory database (so they follow the bundled plan, never a constant). */
static int example_rows(sp_db *db, const char *script, int64_t n[DEMO_TABLES])
{
    sp_db *mem = NULL;
    int rc = sp_open(&mem, ":memory:", 0);
    if (rc == SP_OK)
        rc = sp_exec_script(mem, script, "loading the example plan");
    if (rc == SP_OK)
        rc = count_rows(mem, n);
    if (rc != SP_OK)
        rc = sp_fail(db, rc, "%s", mem ? sp_errmsg(mem) : "out of memory");
    sp_close(mem);
    return rc;
}

/* A database that held rows before must hold exactly the example's once
 * the example is loaded (its inserts are idempotent): anything more is a
 * real plan, which the example must never be mixed into. */
static int check_only_example(sp_db *db, const char *script, const int64_t after[DEMO_TABLES])
{
    static const char *const names[DEMO_TABLES] = {"authorities", "reviews", "findings",
                                                   "owners", "actions", "updates"};
    int64_t ref[DEMO_TABLES];
    int rc = example_rows(db, script, ref);
    if (rc != SP_OK)
        return rc;
    for (int i = 0; i < DEMO_TABLES; i++)
        if (after[i] != ref[i])
            return sp_fail(db, SP_ECONFLICT,
                           "this database holds a plan besides the example (%lld %s where "
                           "the example has %lld): the example plan is loaded only into a "
                           "new database or one holding nothing else; nothing was changed",
                           (long long)after[i], names[i], (long long)ref[i]);
    return SP_OK;
}

int sp_demo_load(int *added, sp_db *db)
{
    int64_t before[DEMO_TABLES], after[DEMO_TABLES];
    const char *script = sp_embedded_get("data/example-plan.sql");
    sp_clear(db);
    if (!script)
        return sp_fail(db, SP_ERROR, "internal error: example plan not embedded");
    int rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    rc = count_rows(db, before);
    if (rc == SP_OK)
        rc = sp_exec_script(db, script, "loading the example plan");
    if (rc == SP_OK)
        rc = count_rows(db, after);
    if (rc == SP_OK && !all_zero(before))
        rc = check_only_example(db, script, after);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    if (added)
        *added = (int)(after[4] - before[4]);
    return sp_commit(db);
}
