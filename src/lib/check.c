/*
 * An administrator's health check (sp_check) and the file-mode check that
 * every command runs (sp_check_modes): what a hand-edited, copied or
 * abandoned plan file can hide, found and named.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

void sp_say(sp_reporter *r, bool ok, const char *area, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!ok)
        r->failures++;
    r->fn(r->arg, ok, area, msg);
}

static void check_mode(sp_reporter *c, const char *file, bool must_exist)
{
    struct stat sb;
    if (stat(file, &sb) != 0) {
        if (must_exist)
            sp_say(c, false, "files", "%s cannot be examined", file);
        return;
    }
    if (sb.st_mode & (S_IRWXG | S_IRWXO))
        sp_say(c, false, "files", "%s is readable or writable by %s (mode %04o): the plan is "
            "sensitive; make it private with: chmod 600 '%s'", file,
            (sb.st_mode & S_IRWXG) && (sb.st_mode & S_IRWXO) ? "group and others"
            : (sb.st_mode & S_IRWXG) ? "its group" : "others",
            (unsigned)(sb.st_mode & 07777), file);
}

static int modes(sp_reporter *c, sp_db *db)
{
    const char *path = sqlite3_db_filename(db->sql, "main");
    if (!path || !*path)
        return 0; /* in memory: no file */
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    int before = c->failures;
    check_mode(c, path, true);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char file[4096];
        if (snprintf(file, sizeof file, "%s%s", path, suffixes[i]) < (int)sizeof file)
            check_mode(c, file, false);
    }
    return c->failures - before;
}

int sp_check_modes(sp_db *db, sp_check_fn fn, void *arg)
{
    sp_reporter c = {fn, arg, 0};
    return modes(&c, db);
}

static void integrity(sp_reporter *c, sp_db *db)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check(20)", -1, &st, NULL) != SQLITE_OK) {
        sp_say(c, false, "integrity", "cannot run SQLite's integrity_check: %s",
            sqlite3_errmsg(db->sql));
        return;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *row = (const char *)sqlite3_column_text(st, 0);
        if (row && strcmp(row, "ok") != 0 && ++n)
            sp_say(c, false, "integrity", "SQLite reports: %s", row);
    }
    sqlite3_finalize(st);
    if (n == 0)
        sp_say(c, true, "integrity", "SQLite's integrity_check finds no damage");
}

/* Runs a named query whose rows are findings; fmt gets its columns. */
typedef void (*emit_fn)(sp_reporter *c, const char *const v[4]);

static void emit_fk(sp_reporter *c, const char *const v[4])
{
    sp_say(c, false, "foreign keys", "a row of %s (rowid %s) names a %s that does not exist",
        v[0], v[1], v[2]);
}

static void emit_value(sp_reporter *c, const char *const v[4])
{
    sp_say(c, false, "values", "%s has %s '%s', which the schema forbids: expected %s", v[0],
        v[1], v[2], v[3]);
}

static int rows_of(sp_reporter *c, sp_db *db, const char *name, int ncols, emit_fn emit)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sp_prepare(&st, db, name) != SP_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *v[4] = {"", "", "", ""};
        for (int i = 0; i < ncols && i < 4; i++) {
            const char *t = (const char *)sqlite3_column_text(st, i);
            v[i] = t ? t : "(nothing)";
        }
        n++;
        emit(c, v);
    }
    sqlite3_finalize(st);
    return n;
}

static void leftovers(sp_reporter *c, sp_db *db);

int sp_check(sp_db *db, sp_check_fn fn, void *arg)
{
    sp_reporter c = {fn, arg, 0};
    sp_clear(db);
    integrity(&c, db);
    int n = rows_of(&c, db, "check/foreign_keys", 3, emit_fk);
    if (n == 0)
        sp_say(&c, true, "foreign keys", "every reference names a row that exists");
    sp_say(&c, sp_db_version(db) == sp_schema_version(), "schema",
        "schema version %d (this safeplan writes %d)", sp_db_version(db), sp_schema_version());
    n = rows_of(&c, db, "check/bad_values", 4, emit_value);
    if (n == 0)
        sp_say(&c, true, "values", "every status, date and setting is one the schema allows");
    int v = sp_verify(db, fn, arg); /* the chain and every action's state */
    if (v < 0)
        return v;
    c.failures += v;
    if (modes(&c, db) == 0)
        sp_say(&c, true, "files", "the database and its -wal and -shm files are private");
    leftovers(&c, db);
    return n < 0 ? SP_ERROR : c.failures;
}

static bool report_leftover(void *arg, const char *file)
{
    if (!sp_stage_abandoned(file))
        return false; /* another command is building it now */
    sp_say(arg, false, "files", "%s is what remains of a command killed while it created this "
        "database (it may hold plan text, and no command is using it): delete it", file);
    return true;
}

static void leftovers(sp_reporter *c, sp_db *db)
{
    const char *path = sqlite3_db_filename(db->sql, "main");
    if (path && *path && sp_stage_sweep(path, report_leftover, c) == 0)
        sp_say(c, true, "files", "no file left behind by a killed command");
}
