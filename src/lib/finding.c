/* Findings: one statement by a review (strength, recommendation, ...). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int sp_finding_add(int64_t *id, sp_db *db, const sp_finding_new *in)
{
    const char *kind = NULL;
    int64_t review_id = 0;
    sqlite3_stmt *st = NULL;
    char *theme = NULL;
    sp_clear(db);
    int rc = sp_check_ref(db, "finding reference", in->ref);
    if (rc == SP_OK)
        rc = sp_check_enum(&kind, db, "finding_kind", "finding kind", in->kind);
    if (rc == SP_OK)
        rc = sp_tidy_label(&theme, db, "finding theme", in->theme);
    if (rc == SP_OK)
        rc = sp_check_text(db, "finding text", in->text);
    if (rc == SP_OK)
        rc = sp_resolve(&review_id, db, "review", in->review);
    if (rc == SP_OK)
        rc = sp_ref_spelling(db, "finding", review_id, 0, in->review, in->ref);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "finding/add");
    if (rc == SP_OK) {
        sp_bind_int(st, ":review_id", review_id);
        sp_bind_text(st, ":ref", in->ref);
        sp_bind_text(st, ":kind", kind);
        sp_bind_text(st, ":theme", theme);
        sp_bind_text(st, ":text", in->text);
        rc = sp_exec_change(db, st, "adding finding", id);
        if (rc == SP_EEXISTS)
            rc = sp_fail(db, rc, "finding '%s/%s' already exists", in->review, in->ref);
    }
    sqlite3_finalize(st);
    free(theme);
    return rc;
}

int sp_finding_list(sp_cursor **out, sp_db *db, const char *review, unsigned flags)
{
    int64_t review_id = 0;
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = review ? sp_resolve(&review_id, db, "review", review) : SP_OK;
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, review ? "finding/list_of_review" : "finding/list");
    if (rc != SP_OK)
        return rc;
    if (review)
        sp_bind_int(st, ":review_id", review_id);
    if (flags & SP_LIST_INCLUDE_VOID)
        sp_bind_int(st, ":include_void", 1);
    return sp_cursor_from_stmt(out, db, st);
}
