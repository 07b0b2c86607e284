/* Cursors: every list and report hands rows to the caller one at a time,
 * so memory does not grow with the plan. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int sp_cursor_new(sp_cursor **out, sp_db *db, sqlite3_stmt *st, const sp_coltype *types)
{
    sp_cursor *c = calloc(1, sizeof *c);
    *out = c;
    if (!c) {
        sp_finalize(db, st);
        return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    c->db = db;
    c->stmt = st;
    c->types = types;
    c->ncols = sqlite3_column_count(st);
    return SP_OK;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Column types follow the naming convention of the queries in sql/. */
static sp_coltype type_by_name(const char *name)
{
    if (ends_with(name, "_on") || ends_with(name, "_date") || strcmp(name, "as_of") == 0)
        return SP_COL_DATE;
    if (strcmp(name, "id") == 0 || ends_with(name, "_id") || strstr(name, "count") ||
        strncmp(name, "days", 4) == 0 || strncmp(name, "n_", 2) == 0 ||
        strcmp(name, "percent") == 0 || strcmp(name, "total") == 0 ||
        strcmp(name, "change") == 0 || strcmp(name, "entries") == 0 ||
        strcmp(name, "undoes") == 0)
        return SP_COL_INT;
    return SP_COL_TEXT;
}

int sp_cursor_from_stmt(sp_cursor **out, sp_db *db, sqlite3_stmt *st)
{
    int n = sqlite3_column_count(st);
    /* Decided once here, not per cell: exports ask for every cell's type. */
    sp_coltype *types = calloc((size_t)(n > 0 ? n : 1), sizeof *types);
    if (!types) {
        sp_finalize(db, st);
        *out = NULL;
        return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    for (int i = 0; i < n; i++)
        types[i] = type_by_name(sqlite3_column_name(st, i));
    int rc = sp_cursor_new(out, db, st, types);
    if (rc == SP_OK)
        (*out)->owned_types = types;
    else
        free(types);
    return rc;
}

int sp_cursor_grouped(sp_cursor **out, sp_db *db, sqlite3_stmt *st, sqlite3_stmt *groups,
                      const char *param)
{
    int i = sqlite3_bind_parameter_index(st, param);
    if (i == 0) {
        sqlite3_finalize(groups);
        sp_finalize(db, st);
        *out = NULL;
        return sp_fail(db, SP_ERROR, "a grouped query has no parameter %s", param);
    }
    int rc = sp_cursor_from_stmt(out, db, st);
    if (rc != SP_OK) {
        sqlite3_finalize(groups);
        return rc;
    }
    (*out)->groups = groups;
    (*out)->group_param = i;
    return SP_OK;
}

/* Binds the next group's key to the cursor's statement: SQLITE_ROW, or
 * SQLITE_DONE when the groups are over, or SQLite's error. */
static int next_group(sp_cursor *c)
{
    int rc = sqlite3_step(c->groups);
    if (rc != SQLITE_ROW)
        return rc;
    sqlite3_reset(c->stmt);
    rc = sqlite3_bind_value(c->stmt, c->group_param, sqlite3_column_value(c->groups, 0));
    c->in_group = rc == SQLITE_OK;
    return rc == SQLITE_OK ? SQLITE_ROW : rc;
}

int sp_cursor_next(sp_cursor *c)
{
    for (;;) {
        if (c->groups && !c->in_group) {
            int rc = next_group(c);
            if (rc != SQLITE_ROW)
                return rc;
        }
        int rc = sqlite3_step(c->stmt);
        if (rc != SQLITE_DONE || !c->groups)
            return rc;
        c->in_group = false;
    }
}

int sp_cursor_step(sp_cursor *c)
{
    int rc = sp_cursor_next(c);
    if (rc == SQLITE_ROW)
        return SP_ROW;
    if (rc == SQLITE_DONE)
        return SP_DONE;
    return sp_fail_sql(c->db, "reading rows");
}

int sp_cursor_columns(const sp_cursor *c)
{
    return c->ncols;
}

int sp_stmt_column(sqlite3_stmt *st, const char *name)
{
    for (int i = 0; i < sqlite3_column_count(st); i++)
        if (strcmp(sqlite3_column_name(st, i), name) == 0)
            return i;
    return -1;
}

const char *sp_cursor_name(const sp_cursor *c, int col)
{
    return sqlite3_column_name(c->stmt, col);
}

sp_coltype sp_cursor_type(const sp_cursor *c, int col)
{
    if (col < 0 || col >= c->ncols)
        return SP_COL_TEXT;
    return c->types ? c->types[col] : type_by_name(sqlite3_column_name(c->stmt, col));
}

const char *sp_cursor_text(sp_cursor *c, int col)
{
    return (const char *)sqlite3_column_text(c->stmt, col);
}

int64_t sp_cursor_int(sp_cursor *c, int col)
{
    return sqlite3_column_int64(c->stmt, col);
}

void sp_cursor_free(sp_cursor *c)
{
    if (!c)
        return;
    sqlite3_finalize(c->groups);
    sp_finalize(c->db, c->stmt);
    if (c->release)
        c->release(c->db, c->release_arg);
    free(c->owned_types);
    free(c);
}
