/* The bundled example plan (data/example-plan.sql, compiled in). */
#include "internal.h"

/* A date inside the example plan's life where every RAG state occurs. */
const char *sp_demo_default_date(void)
{
    return "2017-07-01";
}

static int count_actions(sp_db *db, int64_t *n)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "demo/count");
    if (rc != SP_OK)
        return rc;
    rc = sp_step_id(n, db, st);
    sqlite3_finalize(st);
    return rc;
}

int sp_demo_load(int *added, sp_db *db)
{
    int64_t before = 0, after = 0;
    const char *script = sp_embedded_get("data/example-plan.sql");
    sp_clear(db);
    if (!script)
        return sp_fail(db, SP_ERROR, "internal error: example plan not embedded");
    int rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    rc = count_actions(db, &before);
    if (rc == SP_OK)
        rc = sp_exec_script(db, script, "loading the example plan");
    if (rc == SP_OK)
        rc = count_actions(db, &after);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    if (added)
        *added = (int)(after - before);
    return sp_commit(db);
}
