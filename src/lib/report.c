/* Manager reports: indexed queries over the plan for a given date. */
#include <string.h>

#include "internal.h"

static int bind_ref(sqlite3_stmt *st, sp_db *db, const char *kind, const char *param,
                    const char *ref)
{
    int64_t id = 0;
    if (!ref)
        return SP_OK;
    int rc = sp_resolve(&id, db, kind, ref);
    if (rc == SP_OK)
        sp_bind_int(st, param, id);
    return rc;
}

/* Binds the filters (shared by every report and the export) and the date. */
int sp_bind_filter(sqlite3_stmt *st, sp_db *db, const char *as_of, const sp_filter *f)
{
    char date[SP_DATE_SIZE];
    const char *d = NULL, *status = NULL, *rag = NULL;
    int rc = as_of ? sp_check_date(&d, date, db, "as-of date", as_of) : SP_OK;
    if (rc != SP_OK)
        return rc;
    if (!as_of)
        sp_today(db, date);
    sp_bind_text(st, ":as_of", date);
    if (!f)
        return SP_OK;
    rc = bind_ref(st, db, "authority", ":authority_id", f->authority);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "review", ":review_id", f->review);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "finding", ":finding_id", f->finding);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "owner", ":owner_id", f->owner);
    if (rc == SP_OK && f->status)
        rc = sp_check_enum(&status, db, "status", "status", f->status);
    if (rc == SP_OK && f->rag)
        rc = sp_check_enum(&rag, db, "rag", "RAG rating", f->rag);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":theme", f->theme);
    sp_bind_text(st, ":status", status);
    sp_bind_text(st, ":rag", rag);
    return SP_OK;
}

/* Prepares a report query, binds date and filters, wraps it in a cursor. */
int sp_report_open(sp_cursor **out, sp_db *db, const char *query, const char *as_of,
                   const sp_filter *filter)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, query);
    if (rc != SP_OK)
        return rc;
    rc = sp_bind_filter(st, db, as_of, filter);
    if (rc != SP_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return sp_cursor_from_stmt(out, db, st);
}

int sp_overdue(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter)
{
    return sp_report_open(out, db, "report/overdue", as_of, filter);
}
