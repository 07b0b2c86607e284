/*
 * Closure with a second pair of eyes. An officer claims an action
 * complete; someone else (a manager, an auditor) verifies the claim by
 * signing it off, or returns it to in progress with a reason. Committees
 * ask "completed by whom, checked by whom?": the person who claimed the
 * work done may not also be the one who signs it off, whichever way the
 * sign-off arrives (the CLI, an import, the web service).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Reads the latest claim of action_id into by/on (by NULL when there is
 * none); *same tells whether verifier made it. */
static int read_claim(char **by, char on[SP_DATE_SIZE], bool *same, sp_db *db,
                      int64_t action_id, const char *verifier)
{
    sqlite3_stmt *st;
    *by = NULL;
    on[0] = '\0';
    *same = false;
    int rc = sp_prepare(&st, db, "progress/claim");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    sp_bind_text(st, ":verifier", verifier ? verifier : "");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *author = (const char *)sqlite3_column_text(st, 0);
        const char *date = (const char *)sqlite3_column_text(st, 1);
        *by = strdup(author ? author : "");
        snprintf(on, SP_DATE_SIZE, "%s", date ? date : "");
        *same = sqlite3_column_int(st, 2) != 0;
        rc = *by ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
    } else {
        rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the claim of completion");
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_closure_check(sp_db *db, int64_t action_id, const char *path, const char *verifier)
{
    char *by, on[SP_DATE_SIZE];
    bool same;
    int rc = read_claim(&by, on, &same, db, action_id, verifier);
    if (rc == SP_OK && same)
        rc = sp_fail(db, SP_ECONFLICT,
                     "action %s was claimed complete by %s on %s: signing it off needs a "
                     "second person (a manager or an auditor), not the one who claimed it",
                     path, by, on);
    free(by);
    return rc;
}

int sp_action_claim(char **by, char on[SP_DATE_SIZE], sp_db *db, int64_t action_id)
{
    bool same;
    sp_clear(db);
    int rc = read_claim(by, on, &same, db, action_id, NULL);
    if (rc == SP_OK && !*by)
        rc = sp_fail(db, SP_ENOTFOUND, "action %lld has no claim of completion",
                     (long long)action_id);
    return rc;
}
