/* Undo (sp_undo): a change set reverted by new, compensating entries. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* SP_ECONFLICT naming the first later change that touched what `change`
 * touched. */
static int refuse_conflicts(sp_db *db, int64_t change, int64_t first, int64_t last)
{
    sqlite3_stmt *t, *c;
    int rc = sp_prepare(&t, db, "journal/touched");
    if (rc != SP_OK)
        return rc;
    if ((rc = sp_prepare(&c, db, "journal/conflict")) != SP_OK) {
        sqlite3_finalize(t);
        return rc;
    }
    sp_bind_int(t, ":first", first);
    sp_bind_int(t, ":last", last);
    while (rc == SP_OK && sqlite3_step(t) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(t, 0);
        int64_t id = sqlite3_column_int64(t, 1);
        sqlite3_reset(c);
        sp_bind_int(c, ":after", change);
        sp_bind_text(c, ":kind", kind);
        sp_bind_int(c, ":id", id);
        if (sqlite3_step(c) == SQLITE_ROW) {
            char *path = NULL;
            sp_ref_path(&path, db, kind, id);
            rc = sp_fail(db, SP_ECONFLICT, "change %lld cannot be undone: change %lld has "
                         "since touched %s %s (undo that first)", (long long)change,
                         (long long)sqlite3_column_int64(c, 0), kind,
                         path ? path : "?");
            sp_free(path);
        }
    }
    sqlite3_finalize(t);
    sqlite3_finalize(c);
    return rc;
}

/* A setting's change is not reverted behind anyone's back: the rules that
 * rate the whole plan are set again on purpose. SP_EINVALID saying how. */
static int refuse_settings(sp_db *db, int64_t change, int64_t first, int64_t last)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/settings_in");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":first", first);
    sp_bind_int(st, ":last", last);
    char key[64], old[32], now[32];
    if (sqlite3_step(st) == SQLITE_ROW &&
        sscanf((const char *)sqlite3_column_text(st, 0), SP_SETTING_NOTE "%63[^:]: %31s -> %31s",
               key, old, now) == 3)
        rc = sp_fail(db, SP_EINVALID, "change %lld set %s from %s to %s; undo does not "
                     "change settings: set it back with 'safeplan config set %s %s'",
                     (long long)change, key, old, now, key, old);
    sqlite3_finalize(st);
    return rc;
}

static int compensate(sp_db *db, sqlite3_stmt *e, const char *reason, const char *author)
{
    const char *what = (const char *)sqlite3_column_text(e, 0);
    int64_t id = sqlite3_column_int64(e, 1);
    sqlite3_stmt *st;
    char today[SP_DATE_SIZE];
    sp_today(db, today);
    bool created = strcmp(what, "created") == 0, update = strcmp(what, "update") == 0;
    int rc = sp_prepare(&st, db, update ? "journal/undo_update" : "journal/insert");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", id);
    sp_bind_text(st, ":reason", reason);
    sp_bind_text(st, ":author", author);
    if (created) {
        sp_bind_text(st, ":kind", "action");
        sp_bind_text(st, ":field", "void");
        sp_bind_int(st, ":old", 0);
        sp_bind_int(st, ":new", 1);
    } else if (update) {
        static const char *const names[] = {":old_status", ":new_status", ":old_due",
                                            ":new_due", ":old_owner", ":new_owner"};
        sp_bind_text(st, ":on", today);
        for (int i = 0; i < 6; i++)
            sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, names[i]),
                               sqlite3_column_value(e, 2 + i));
    } else {
        sp_bind_text(st, ":kind", (const char *)sqlite3_column_text(e, 2));
        sp_bind_text(st, ":field", (const char *)sqlite3_column_text(e, 3));
        sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":old"),
                           sqlite3_column_value(e, 5));
        sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":new"),
                           sqlite3_column_value(e, 4));
        /* A creation (void: nothing -> 0) is undone by voiding. */
        if (sqlite3_column_type(e, 4) == SQLITE_NULL)
            sp_bind_int(st, ":new", 1);
    }
    rc = sp_exec_stmt(db, st, "recording the undo");
    sqlite3_finalize(st);
    return rc;
}

/* A change that only added an authority or an owner has nothing undo
 * can reverse: they are not voided (they appear in no report until
 * something is assigned to them). Saying "undone" would leave the change
 * unmarked, and every later plain `undo` would stop at it again. */
static int refuse_additions(sp_db *db, int64_t change, int64_t first, int64_t last)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/created_in");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":first", first);
    sp_bind_int(st, ":last", last);
    char *path = NULL;
    const char *kind = "nothing";
    if (sqlite3_step(st) == SQLITE_ROW) {
        kind = (const char *)sqlite3_column_text(st, 0);
        sp_ref_path(&path, db, kind, sqlite3_column_int64(st, 1));
    }
    rc = sp_fail(db, SP_EINVALID, "change %lld added %s%s%s%s, which undo does not remove: an "
                 "authority or owner stays in the plan, and shows in no report until "
                 "something is assigned to it. To undo an earlier change, name it: "
                 "'safeplan undo N' (see 'safeplan log')", (long long)change, kind,
                 path ? " '" : "", path ? path : "", path ? "'" : "");
    sp_free(path);
    sqlite3_finalize(st);
    return rc;
}

static int revert(sp_db *db, int64_t change, int64_t first, int64_t last, const char *author)
{
    int made = 0;
    sqlite3_stmt *e;
    char reason[64];
    snprintf(reason, sizeof reason, "undo of change %lld", (long long)change);
    int rc = sp_prepare(&e, db, "journal/undo_entries");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(e, ":first", first);
    sp_bind_int(e, ":last", last);
    /* Read every entry before writing: the writes add to the same ledger. */
    while (rc == SP_OK && sqlite3_step(e) == SQLITE_ROW) {
        rc = compensate(db, e, reason, author);
        made++;
    }
    sqlite3_finalize(e);
    return rc == SP_OK && made == 0 ? refuse_additions(db, change, first, last) : rc;
}

static int pick(int64_t *change, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/latest");
    if (rc != SP_OK)
        return rc;
    rc = sp_step_id(change, db, st);
    sqlite3_finalize(st);
    if (rc == SP_ENOTFOUND)
        return sp_fail(db, SP_ENOTFOUND, "nothing to undo: no change has been recorded");
    return rc;
}

static int undo_in_tx(int64_t *undone, sp_db *db, int64_t change, const char *author)
{
    sqlite3_stmt *st;
    int rc = change ? SP_OK : pick(&change, db);
    if (rc != SP_OK || (rc = sp_prepare(&st, db, "journal/change_get")) != SP_OK)
        return rc;
    sp_bind_int(st, ":id", change);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return sp_fail(db, SP_ENOTFOUND, "change %lld not found: see 'safeplan log'",
                       (long long)change);
    }
    int64_t first = sqlite3_column_int64(st, 1), last = sqlite3_column_int64(st, 2);
    int64_t by = sqlite3_column_int64(st, 4);
    sqlite3_finalize(st);
    if (by)
        return sp_fail(db, SP_ECONFLICT, "change %lld was undone already, by change %lld",
                       (long long)change, (long long)by);
    rc = refuse_settings(db, change, first, last);
    if (rc == SP_OK)
        rc = refuse_conflicts(db, change, first, last);
    if (rc == SP_OK)
        rc = revert(db, change, first, last, author);
    db->cs_undoes = change;
    *undone = change;
    return rc;
}

int sp_undo(int64_t *undone, sp_db *db, int64_t change, const char *author)
{
    sp_clear(db);
    int rc = sp_check_name(db, "the author (--by)", author);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    int64_t done = 0;
    rc = undo_in_tx(&done, db, change, author);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    if (undone)
        *undone = done;
    return sp_commit(db);
}
