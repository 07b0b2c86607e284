/* Owners: the accountable role, team or officer for an action. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* SP_EEXISTS if an owner has name's key: "Head of  Service" is not a new
 * owner beside "Head of Service" (ref/owner). */
static int refuse_known(sp_db *db, const char *name)
{
    int64_t id;
    int rc = sp_resolve(&id, db, "owner", name);
    if (rc == SP_ENOTFOUND) {
        sp_clear(db);
        return SP_OK;
    }
    if (rc != SP_OK)
        return rc;
    char *known = NULL;
    rc = sp_ref_path(&known, db, "owner", id);
    if (rc == SP_OK && strcmp(known, name) == 0)
        rc = sp_fail(db, SP_EEXISTS, "owner '%s' already exists", name);
    else if (rc == SP_OK)
        rc = sp_fail(db, SP_EEXISTS, "owner '%s' already exists, written '%s' (names are "
                     "compared without regard to case and spacing)", name, known);
    free(known);
    return rc;
}

static int check_owner(sp_db *db, const sp_owner_new *in, const char *name)
{
    /* An all-digit name would always be read as an id: it could never be named. */
    if (name[strspn(name, "0123456789")] == '\0')
        return sp_fail(db, SP_EINVALID, "owner name '%s' is all digits, which reads as an id: "
                       "expected a role or team name (e.g. 'Team %s')", name, name);
    int rc = sp_check_optional_text(db, "owner team", in->team);
    if (rc == SP_OK)
        rc = sp_check_optional_text(db, "owner email", in->email);
    if (rc == SP_OK && in->email && !strchr(in->email, '@'))
        rc = sp_fail(db, SP_EINVALID, "owner email '%s' is not an email address", in->email);
    return rc == SP_OK ? refuse_known(db, name) : rc;
}

int sp_owner_add(int64_t *id, sp_db *db, const sp_owner_new *in)
{
    sqlite3_stmt *st = NULL;
    sp_clear(db);
    int rc = sp_check_name(db, "owner name", in->name);
    if (rc != SP_OK)
        return rc;
    char *name = sp_name_tidy(in->name); /* stored as it reads: no stray spaces */
    if (!name)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    rc = check_owner(db, in, name);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "owner/add");
    if (rc == SP_OK) {
        sp_bind_text(st, ":name", name);
        sp_bind_text(st, ":team", sp_blank(in->team) ? NULL : in->team);
        sp_bind_text(st, ":email", sp_blank(in->email) ? NULL : in->email);
        rc = sp_exec_change(db, st, "adding owner", id);
        if (rc == SP_EEXISTS)
            rc = sp_fail(db, rc, "owner '%s' already exists", name);
    }
    sqlite3_finalize(st);
    free(name);
    return rc;
}

int sp_owner_ensure(int64_t *id, sp_db *db, const char *name)
{
    sqlite3_stmt *st;
    int rc = sp_resolve(id, db, "owner", name);
    if (rc != SP_ENOTFOUND)
        return rc;
    if (name[strspn(name, "0123456789")] == '\0')
        return rc; /* an unknown id, not a new owner's name */
    rc = sp_check_name(db, "owner name", name);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "owner/ensure");
    if (rc != SP_OK)
        return rc;
    char *tidy = sp_name_tidy(name);
    if (!tidy) {
        sqlite3_finalize(st);
        return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    sp_bind_text(st, ":name", tidy);
    rc = sp_exec_stmt(db, st, "adding owner");
    sqlite3_finalize(st);
    if (rc == SP_OK)
        rc = sp_resolve(id, db, "owner", tidy);
    free(tidy);
    return rc;
}

int sp_owner_list(sp_cursor **out, sp_db *db)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "owner/list");
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}
