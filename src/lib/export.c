/*
 * The export: the plan (or the part a filter selects) as CSV, one row per
 * action, for committees' spreadsheets and for the importer.
 *
 * One indexed query (sql/export.sql) is streamed straight through the CSV
 * writer: no row is kept, nothing is allocated per row, and cells go out
 * with the lengths SQLite already knows. The caller chooses the FILE's
 * buffer (the CLI gives it a large one).
 *
 * A past day's export reads the plan a finding at a time (plan_at.c), and
 * --history an action at a time (export_history.c): both come here as a
 * cursor, which steps through its groups.
 */
#include <errno.h>
#include <string.h>

#include "csvio.h"
#include "internal.h"
#include "plan_at.h"

#define EXPORT_MAX_COLUMNS 64

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Dates (columns named *_on) are written by the library in ISO form and
 * never guarded; every other column is free text the guard must see. */
static void column_types(sp_coltype *types, sqlite3_stmt *st, int first, int end)
{
    for (int i = first; i < end; i++)
        types[i] = ends_with(sqlite3_column_name(st, i), "_on") ? SP_COL_DATE : SP_COL_TEXT;
}

/* The export's columns within plan_at/actions: after id and path, before
 * days_overdue, aging and rag_computed (sql/plan_at.sql keeps them in the
 * export's order). */
#define PLAN_AT_LEAD 2
#define PLAN_AT_TAIL 3

/* A date before today is the plan as it stood then (sql/plan_at.sql), as
 * every report shows it; today streams from the current record. */
static bool in_the_past(sp_db *db, const char *as_of)
{
    char day[SP_DATE_SIZE], today[SP_DATE_SIZE];
    if (!as_of || sp_date_parse(day, as_of) != SP_OK)
        return false;
    sp_today(db, today);
    return strcmp(day, today) < 0;
}

/* Prepares the query with the date, the RAG settings and the filters
 * bound (as for every report), so that a bad filter fails before a byte
 * is written. *lead gets the number of leading columns not exported. */
static int open_rows(sp_cursor **c, int *lead, sp_db *db, const char *as_of,
                     const sp_filter *filter, bool history)
{
    sqlite3_stmt *st;
    *lead = 0;
    *c = NULL;
    if (history && as_of)
        return sp_fail(db, SP_EINVALID, "the history is every entry ever made: it takes no "
                       "as-of date");
    if (!history && in_the_past(db, as_of)) {
        *lead = PLAN_AT_LEAD;
        return sp_plan_at_open(c, db, as_of, filter, SP_PLAN_BY_REF);
    }
    if (history)
        return sp_history_open(c, db, filter);
    int rc = sp_prepare_filtered(&st, db, "export/rows", filter, false);
    if (rc == SP_OK && (rc = sp_bind_filter(st, db, as_of, filter)) != SP_OK)
        sqlite3_finalize(st);
    /* the export names each column's type itself (column_types) */
    return rc == SP_OK ? sp_cursor_new(c, db, st, NULL) : rc;
}

static int write_header(sp_csv_writer *w, sqlite3_stmt *st, int first, int end)
{
    for (int i = first; i < end; i++)
        if (sp_csv_write_cell(w, sqlite3_column_name(st, i), SP_COL_TEXT) != SP_OK)
            return SP_ERROR;
    return sp_csv_end_row(w);
}

static int write_row(sp_csv_writer *w, sqlite3_stmt *st, const sp_coltype *types, int first,
                     int end)
{
    for (int i = first; i < end; i++) {
        const char *text = (const char *)sqlite3_column_text(st, i);
        size_t len = (size_t)sqlite3_column_bytes(st, i);
        if (sp_csv_write_field(w, text, len, types[i]) != SP_OK)
            return SP_ERROR;
    }
    return sp_csv_end_row(w);
}

void sp_json_string(FILE *out, const char *s, size_t len)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (ch < 0x20)
                fprintf(out, "\\u%04x", ch);
            else
                putc(ch, out);
        }
    }
    putc('"', out);
}

/* The same rows as a JSON array, one object per line. */
static int stream_json(int64_t *rows, sp_db *db, FILE *out, sp_cursor *c, int lead)
{
    sqlite3_stmt *st = c->stmt;
    int n = sqlite3_column_count(st), step;
    int end = lead ? n - PLAN_AT_TAIL : n;
    fputc('[', out);
    while ((step = sp_cursor_next(c)) == SQLITE_ROW) {
        fputs(*rows ? ",\n    {" : "\n    {", out);
        for (int i = lead; i < end; i++) {
            const char *name = sqlite3_column_name(st, i);
            sp_json_string(out, name, strlen(name));
            fputs(": ", out);
            sp_json_string(out, (const char *)sqlite3_column_text(st, i),
                           (size_t)sqlite3_column_bytes(st, i));
            fputs(i + 1 < end ? ", " : "}", out);
        }
        (*rows)++;
    }
    fputs(*rows ? "\n  ]" : "]", out);
    if (step != SQLITE_DONE)
        return sp_fail_sql(db, "exporting");
    if (fflush(out) != 0 || ferror(out))
        return sp_fail(db, SP_ERROR, "cannot write the export: %s", strerror(errno ? errno : EIO));
    return SP_OK;
}

/* Streams every row; *rows counts them. A write failure stops at once
 * (a full disk must not cost the rest of the query). */
static int stream(int64_t *rows, sp_db *db, sp_csv_writer *w, sp_cursor *c, int lead)
{
    sqlite3_stmt *st = c->stmt; /* one statement for every group of rows */
    sp_coltype types[EXPORT_MAX_COLUMNS];
    int n = sqlite3_column_count(st), step = SQLITE_ROW;
    int end = lead ? n - PLAN_AT_TAIL : n;
    if (n > EXPORT_MAX_COLUMNS)
        return sp_fail(db, SP_ERROR, "internal error: the export has %d columns", n);
    column_types(types, st, lead, end);
    int rc = write_header(w, st, lead, end);
    while (rc == SP_OK && (step = sp_cursor_next(c)) == SQLITE_ROW) {
        rc = write_row(w, st, types, lead, end);
        (*rows)++;
    }
    int finished = sp_csv_writer_finish(w); /* every path: the rows before a failure */
    if (rc == SP_OK && step != SQLITE_DONE)
        return sp_fail_sql(db, "exporting");
    if (finished != SP_OK || rc != SP_OK)
        return sp_fail(db, SP_ERROR, "cannot write the export: %s",
                       strerror(w->error ? w->error : EIO));
    return SP_OK;
}

int sp_export(int64_t *rows, sp_db *db, FILE *out, const char *as_of, const sp_filter *filter,
              unsigned flags)
{
    sp_cursor *c = NULL;
    sp_csv_writer w;
    int64_t count = 0;
    int lead;
    sp_clear(db);
    int rc = open_rows(&c, &lead, db, as_of, filter, (flags & SP_EXPORT_HISTORY) != 0);
    if (rc != SP_OK)
        return rc;
    unsigned wflags = ((flags & SP_CSV_WITH_BOM) ? SP_CSV_BOM : 0) |
                      ((flags & SP_CSV_NO_GUARD) ? 0 : SP_CSV_GUARD);
    if (flags & SP_EXPORT_JSON)
        rc = stream_json(&count, db, out, c, lead);
    else if (sp_csv_writer_init(&w, out, wflags) != SP_OK)
        rc = sp_fail(db, SP_ERROR, "cannot write the export: %s", strerror(w.error));
    else
        rc = stream(&count, db, &w, c, lead);
    sp_cursor_free(c);
    if (rows)
        *rows = count;
    return rc;
}
