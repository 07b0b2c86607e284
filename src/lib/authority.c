/* Authorities: councils and the partnership bodies they answer for. */
#include <ctype.h>
#include <string.h>

#include "internal.h"

static int check_code(sp_db *db, const char *code)
{
    if (sp_blank(code))
        return sp_fail(db, SP_EINVALID, "authority code must not be empty");
    size_t n = strlen(code);
    bool ok = n <= 40 && islower((unsigned char)code[0]) &&
              strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
    if (!ok)
        return sp_fail(db, SP_EINVALID,
                       "authority code '%s' is not valid: expected up to 40 lower-case letters, "
                       "digits, '.', '_' or '-', starting with a letter (e.g. torbay)",
                       code);
    return SP_OK;
}

int sp_authority_add(int64_t *id, sp_db *db, const sp_authority_new *in)
{
    const char *kind = "council";
    sqlite3_stmt *st;
    sp_clear(db);
    int rc = check_code(db, in->code);
    if (rc == SP_OK)
        rc = sp_check_name(db, "authority name", in->name);
    if (rc == SP_OK && in->kind)
        rc = sp_check_enum(&kind, db, "authority_kind", "authority kind", in->kind);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "authority/add");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":code", in->code);
    sp_bind_text(st, ":name", in->name);
    sp_bind_text(st, ":kind", kind);
    rc = sp_exec_change(db, st, "adding authority", id);
    sqlite3_finalize(st);
    if (rc == SP_EEXISTS)
        return sp_fail(db, rc, "authority '%s' already exists", in->code);
    return rc;
}

static int list_query(sp_cursor **out, sp_db *db, const char *name)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, name);
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}

int sp_authority_list(sp_cursor **out, sp_db *db)
{
    return list_query(out, db, "authority/list");
}

int sp_authority_codes(sp_cursor **out, sp_db *db)
{
    return list_query(out, db, "authority/codes");
}
