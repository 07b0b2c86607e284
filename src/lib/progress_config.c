/*
 * Settings kept in the database (table setting), so that everyone who
 * opens the plan rates it the same way. The keys are fixed by the table's
 * CHECK constraint; today they are the RAG windows, set through rag.c.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "rag.h"

int sp_config_list(sp_cursor **out, sp_db *db)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "progress/config_list");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":amber_default", SP_RAG_AMBER_DAYS_DEFAULT);
    sp_bind_int(st, ":stale_default", SP_RAG_STALE_DAYS_DEFAULT);
    sp_bind_int(st, ":grace_default", SP_RAG_GRACE_DAYS_DEFAULT);
    return sp_cursor_from_stmt(out, db, st);
}

/* Fails for an unknown key, naming the keys the database knows. */
static int unknown_key(sp_db *db, const char *key)
{
    sqlite3_stmt *st;
    char keys[256] = "";
    if (sp_prepare(&st, db, "progress/config_keys") == SP_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
            const char *k = (const char *)sqlite3_column_text(st, 0);
            size_t n = strlen(k) < sizeof keys - 1 ? strlen(k) : sizeof keys - 1;
            memcpy(keys, k, n);
            keys[n] = '\0';
        }
        sqlite3_finalize(st);
    }
    return sp_fail(db, SP_EINVALID, "unknown setting '%s' (known: %s)", key, keys);
}

int sp_config_get(int *value, sp_db *db, const char *key)
{
    sqlite3_stmt *st;
    int64_t v = 0;
    sp_clear(db);
    if (!key)
        return unknown_key(db, "");
    int rc = sp_prepare(&st, db, "progress/config_get");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":key", key);
    rc = sp_step_id(&v, db, st);
    sqlite3_finalize(st);
    if (rc == SP_ENOTFOUND)
        return unknown_key(db, key);
    if (rc == SP_OK)
        *value = (int)v; /* the table's CHECK keeps values within 0-3650 */
    return rc;
}

static int set_value(sp_db *db, const char *key, const char *value)
{
    if (key && strcmp(key, "closure.embedded") == 0)
        return sp_closure_set_embedded(db, value);
    return sp_rag_set(db, key, value);
}

/* A change of value is a chained note ("setting KEY: OLD -> NEW"), so it
 * is a change set in 'safeplan log' with who and when, and the history
 * proves when the rules that rate the plan changed (sp_undo reads it back
 * to say how to set it back). */
static int note_change(sp_db *db, const char *key, int old, int now)
{
    if (old == now || sp_db_version(db) < 9)
        return SP_OK;
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "chain/note");
    if (rc != SP_OK)
        return rc;
    char text[128];
    snprintf(text, sizeof text, SP_SETTING_NOTE "%s: %d -> %d", key, old, now);
    sp_bind_text(st, ":text", text);
    rc = sp_exec_stmt(db, st, "recording the setting's change");
    sqlite3_finalize(st);
    return rc;
}

int sp_config_set(sp_db *db, const char *key, const char *value)
{
    int old = 0, now = 0;
    int rc = sp_config_get(&old, db, key);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = set_value(db, key, value);
    if (rc == SP_OK && (rc = sp_config_get(&now, db, key)) == SP_OK)
        rc = note_change(db, key, old, now);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    return sp_commit(db);
}
