/*
 * Bulk progress: moving every open action of an owner to another, and
 * transferring every open action of a plan at year end. Each is one
 * INSERT ... SELECT into the append-only history, in one transaction, so
 * every action moved gets its own entry and a failure moves none.
 *
 * Unlike a single update, a bulk change is not refused for an action
 * whose start date is later than the change: reassigning or transferring
 * work before it starts is administration, not progress.
 */
#include "progress.h"

/* Binds the id of an optional scope reference (NULL = no filter). */
static int bind_scope(sqlite3_stmt *st, sp_db *db, const char *kind, const char *param,
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

static int bind_scopes(sqlite3_stmt *st, sp_db *db, const char *authority,
                       const char *review, const char *finding)
{
    int rc = bind_scope(st, db, "authority", ":authority_id", authority);
    if (rc == SP_OK)
        rc = bind_scope(st, db, "review", ":review_id", review);
    if (rc == SP_OK)
        rc = bind_scope(st, db, "finding", ":finding_id", finding);
    return rc;
}

/* Author, date and optional reason, as every bulk change records them. */
static int bind_entry(sqlite3_stmt *st, sp_db *db, const char *author, const char *on,
                      const char *reason)
{
    char date[SP_DATE_SIZE];
    int rc = sp_check_name(db, "author", author);
    if (rc == SP_OK && reason)
        rc = sp_check_text(db, "reason", reason);
    if (rc == SP_OK)
        rc = sp_update_date(date, db, on);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":author", author);
    sp_bind_text(st, ":on", date);
    sp_bind_text(st, ":reason", reason);
    return SP_OK;
}

/* Runs the bound statement; *moved = the entries it added (the trigger's
 * own changes to action are not counted by sqlite3_changes). */
static int run_bulk(int *moved, sp_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sp_exec_stmt(db, st, what);
    if (rc == SP_OK && moved)
        *moved = sqlite3_changes(db->sql);
    return rc;
}

static int check_owners(sp_db *db, const sp_reassign *in)
{
    if (sp_blank(in->from))
        return sp_fail(db, SP_EINVALID, "reassigning needs the current owner");
    if (sp_blank(in->to))
        return sp_fail(db, SP_EINVALID, "reassigning needs the new owner");
    return SP_OK;
}

/* Binds both owners; the new one is created if it is a new name, which
 * is why this runs inside the transaction. */
static int bind_owners(sqlite3_stmt *st, sp_db *db, const sp_reassign *in)
{
    int64_t from_id = 0, to_id = 0;
    int rc = sp_resolve(&from_id, db, "owner", in->from);
    if (rc == SP_OK)
        rc = sp_owner_ensure(&to_id, db, in->to);
    if (rc == SP_OK && from_id == to_id)
        rc = sp_fail(db, SP_EINVALID, "'%s' and '%s' are the same owner", in->from, in->to);
    sp_bind_int(st, ":from_id", from_id);
    sp_bind_int(st, ":to_id", to_id);
    return rc;
}

int sp_action_reassign(int *moved, sp_db *db, const sp_reassign *in)
{
    sqlite3_stmt *st = NULL;
    sp_clear(db);
    if (moved)
        *moved = 0;
    int rc = check_owners(db, in);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = sp_prepare(&st, db, "progress/reassign");
    if (rc == SP_OK)
        rc = bind_entry(st, db, in->author, in->on, in->reason);
    if (rc == SP_OK)
        rc = bind_scopes(st, db, in->authority, in->review, in->finding);
    if (rc == SP_OK)
        rc = bind_owners(st, db, in);
    int n = 0;
    if (rc == SP_OK)
        rc = run_bulk(&n, db, st, "reassigning actions");
    sqlite3_finalize(st);
    if (moved)
        *moved = n;
    /* Nothing moved: nothing is kept, not even the new owner that
     * bind_owners made for the actions to go to. */
    if (rc == SP_OK && n == 0) {
        sp_rollback(db);
        return SP_OK;
    }
    return sp_end_write(db, rc);
}

static int check_transfer(sp_db *db, const sp_transfer *in)
{
    int rc = sp_check_text(db, "transfer destination", in->to);
    if (rc == SP_OK && !in->authority && !in->review && !in->finding)
        rc = sp_fail(db, SP_EINVALID, "transferring needs a scope: an authority, review or "
                     "finding whose open actions move");
    return rc;
}

/* Binds what a transfer is of: its entry (author, date, reason) and its
 * scope. */
static int bind_transfer(sqlite3_stmt *st, sp_db *db, const sp_transfer *in)
{
    int rc = bind_entry(st, db, in->author, in->on, in->reason);
    if (rc == SP_OK)
        rc = bind_scopes(st, db, in->authority, in->review, in->finding);
    if (rc == SP_OK)
        rc = bind_scope(st, db, "owner", ":owner_id", in->owner);
    sp_bind_text(st, ":to", in->to);
    return rc;
}

/* Refuses the whole transfer if an action it moves changed status after
 * the transfer's date (progress/transfer_after). */
static int check_transfer_date(sp_db *db, const sp_transfer *in)
{
    sqlite3_stmt *st = NULL;
    int rc = sp_prepare(&st, db, "progress/transfer_after");
    if (rc == SP_OK)
        rc = bind_transfer(st, db, in);
    int step = rc == SP_OK ? sqlite3_step(st) : SQLITE_DONE;
    char on[SP_DATE_SIZE];
    if (step == SQLITE_ROW && (rc = sp_update_date(on, db, in->on)) == SP_OK)
        rc = sp_status_date_refuse(db, st, (const char *)sqlite3_column_text(st, 3),
                                   "transfer date", on, "transferred");
    else if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = sp_fail_sql(db, "checking the transfer's date");
    sqlite3_finalize(st);
    return rc;
}

int sp_action_transfer(int *moved, sp_db *db, const sp_transfer *in)
{
    sqlite3_stmt *st = NULL;
    sp_clear(db);
    if (moved)
        *moved = 0;
    int rc = check_transfer(db, in);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = check_transfer_date(db, in);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "progress/transfer");
    if (rc == SP_OK)
        rc = bind_transfer(st, db, in);
    if (rc == SP_OK)
        rc = run_bulk(moved, db, st, "transferring actions");
    sqlite3_finalize(st);
    return sp_end_write(db, rc);
}
