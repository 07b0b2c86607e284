/* Reviews: one external or self assessment of an authority. */
#include "internal.h"

static int bind_review(sqlite3_stmt *st, sp_db *db, const sp_review_new *in, const char *kind)
{
    char from[SP_DATE_SIZE], to[SP_DATE_SIZE], reported[SP_DATE_SIZE];
    const char *f, *t, *r;
    int rc = sp_check_date(&f, from, db, "review start date", in->from);
    if (rc == SP_OK)
        rc = sp_check_date(&t, to, db, "review end date", in->to);
    if (rc == SP_OK)
        rc = sp_check_date(&r, reported, db, "review report date", in->reported);
    if (rc == SP_OK)
        rc = sp_check_optional_text(db, "review judgement", in->judgement);
    if (rc == SP_OK && f && t && sp_date_diff(f, t) < 0)
        rc = sp_fail(db, SP_EINVALID, "review end date %s is before its start date %s", t, f);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":ref", in->ref);
    sp_bind_text(st, ":kind", kind);
    sp_bind_text(st, ":title", in->title);
    sp_bind_text(st, ":from", f);
    sp_bind_text(st, ":to", t);
    sp_bind_text(st, ":reported", r);
    sp_bind_text(st, ":judgement", sp_blank(in->judgement) ? NULL : in->judgement);
    return SP_OK;
}

int sp_review_add(int64_t *id, sp_db *db, const sp_review_new *in)
{
    const char *kind = NULL;
    int64_t authority_id = 0;
    sqlite3_stmt *st = NULL;
    sp_clear(db);
    int rc = sp_check_ref(db, "review reference", in->ref);
    if (rc == SP_OK)
        rc = sp_check_enum(&kind, db, "review_kind", "review kind", in->kind);
    if (rc == SP_OK)
        rc = sp_check_text(db, "review title", in->title);
    if (rc == SP_OK)
        rc = sp_resolve(&authority_id, db, "authority", in->authority);
    if (rc == SP_OK)
        rc = sp_ref_spelling(db, "review", authority_id, 0, in->authority, in->ref);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "review/add");
    if (rc == SP_OK)
        rc = bind_review(st, db, in, kind);
    if (rc == SP_OK) {
        sp_bind_int(st, ":authority_id", authority_id);
        rc = sp_exec_change(db, st, "adding review", id);
        if (rc == SP_EEXISTS)
            rc = sp_fail(db, rc, "review '%s/%s' already exists", in->authority, in->ref);
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_review_list(sp_cursor **out, sp_db *db, const char *authority, unsigned flags)
{
    int64_t authority_id = 0;
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = authority ? sp_resolve(&authority_id, db, "authority", authority) : SP_OK;
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "review/list");
    if (rc != SP_OK)
        return rc;
    if (authority)
        sp_bind_int(st, ":authority_id", authority_id);
    if (flags & SP_LIST_INCLUDE_VOID)
        sp_bind_int(st, ":include_void", 1);
    return sp_cursor_from_stmt(out, db, st);
}
