/*
 * Manager reports: overdue, due soon, stale and summary. Each is one
 * indexed query in sql/report.sql, streamed through a cursor, so memory
 * does not grow with the plan; the C here only checks and binds values.
 * A past as-of date shows the plan as it stood then (the rules of
 * sql/plan_at.sql): the queries rebuild only the actions changed since,
 * so a report for today costs what it always did.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "internal.h"
#include "rag.h"

static int bind_ref(sqlite3_stmt *st, sp_db *db, const char *kind, const char *param,
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

/* The report date: as_of checked and made ISO, or today. */
static int report_date(char out[SP_DATE_SIZE], sp_db *db, const char *as_of)
{
    const char *d = NULL;
    if (!as_of) {
        sp_today(db, out);
        return SP_OK;
    }
    return sp_check_date(&d, out, db, "as-of date", as_of);
}

/* The RAG settings, read here so that every query sees the same values
 * (:amber_days, :stale_days) as the per-action rating does. */
static int bind_settings(sqlite3_stmt *st, sp_db *db)
{
    int amber = 0, stale = 0;
    int rc = sp_rag_settings(&amber, &stale, db);
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":amber_days", amber);
    sp_bind_int(st, ":stale_days", stale);
    return SP_OK;
}

static int bind_words(sqlite3_stmt *st, sp_db *db, const sp_filter *f)
{
    const char *status = NULL, *rag = NULL;
    int rc = f->status ? sp_check_enum(&status, db, "status", "status", f->status) : SP_OK;
    if (rc == SP_OK && f->rag)
        rc = sp_check_enum(&rag, db, "rag", "RAG rating", f->rag);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":status", status);
    sp_bind_text(st, ":rag", rag);
    return SP_OK;
}

/* --theme names themes by their words ("leadership"): bound as :themes,
 * the JSON array of the themes it matches; none is an error that names
 * the closest. */
static int bind_themes(sqlite3_stmt *st, sp_db *db, const char *words)
{
    char *themes = NULL;
    if (!words)
        return SP_OK;
    if (!sp_utf8_valid(words, strlen(words)))
        return sp_fail(db, SP_EINVALID, "theme filter is not valid UTF-8 text");
    int rc = sp_theme_json(&themes, db, words);
    if (rc == SP_OK)
        sp_bind_text(st, ":themes", themes);
    free(themes);
    return rc;
}

/* Binds the filters (shared by every report and the export), the date and
 * the RAG settings. Parameters a query does not use are ignored. */
int sp_bind_filter(sqlite3_stmt *st, sp_db *db, const char *as_of, const sp_filter *f)
{
    char date[SP_DATE_SIZE];
    int rc = report_date(date, db, as_of);
    if (rc == SP_OK)
        rc = bind_settings(st, db);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":as_of", date);
    if (!f)
        return SP_OK;
    if (f->no_due) /* plan_at/state_filter; the lists take it as a fragment */
        sp_bind_int(st, ":no_due", 1);
    if (f->include_void) /* issue 12 */
        sp_bind_int(st, ":include_void", 1);
    rc = bind_ref(st, db, "authority", ":authority_id", f->authority);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "review", ":review_id", f->review);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "finding", ":finding_id", f->finding);
    if (rc == SP_OK)
        rc = bind_ref(st, db, "owner", ":owner_id", f->owner);
    if (rc == SP_OK)
        rc = bind_themes(st, db, f->theme);
    return rc == SP_OK ? bind_words(st, db, f) : rc;
}

/* Whether no action has an update dated after the report's date: then
 * the report's replayed parts (sql/report.sql) have no rows, and are left
 * out of its statement, where they were most of a narrow list's prepare.
 * The check and the report must read one snapshot (an update dated later,
 * written between the two, would leave its action out of both parts): the
 * check begins a read transaction (*began), which the report's statement
 * ends when it is finalized (sp_finalize). Inside a transaction the report
 * did not begin, which may end before the report reads its first row (a
 * caller's, or another report's), the report keeps every part. */
static int settled_plan(bool *settled, bool *began, sp_db *db, const char *as_of)
{
    char date[SP_DATE_SIZE];
    sqlite3_stmt *st;
    int64_t yes = 0;
    *settled = *began = false;
    int rc = report_date(date, db, as_of);
    if (rc != SP_OK || !sqlite3_get_autocommit(db->sql))
        return rc;
    if (sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "starting to read the plan");
    *began = true;
    if ((rc = sp_prepare(&st, db, "report/settled")) != SP_OK)
        return rc;
    sp_bind_text(st, ":as_of", date);
    rc = sp_step_id(&yes, db, st);
    sqlite3_finalize(st);
    *settled = rc == SP_OK && yes == 1;
    return rc;
}

/* Prepares a report query with date and filters bound; the caller binds
 * anything else the query needs before wrapping it in a cursor. */
static int report_prepare(sqlite3_stmt **st, sp_db *db, const char *query, const char *as_of,
                          const sp_filter *filter)
{
    bool settled = false, began = false;
    *st = NULL;
    sp_clear(db);
    int rc = settled_plan(&settled, &began, db, as_of);
    /* Only the filters that are set are in the statement (sql/report.sql). */
    if (rc == SP_OK)
        rc = sp_prepare_filtered(st, db, query, filter, settled);
    if (rc == SP_OK && (rc = sp_bind_filter(*st, db, as_of, filter)) != SP_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
    }
    if (began && rc == SP_OK)
        db->snapshot_of = *st;
    else if (began)
        sp_read_end(db);
    return rc;
}

int sp_report_open(sp_cursor **out, sp_db *db, const char *query, const char *as_of,
                   const sp_filter *filter)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = report_prepare(&st, db, query, as_of, filter);
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}

int sp_overdue(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter)
{
    return sp_report_open(out, db, "report/overdue", as_of, filter);
}

int sp_open_actions(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter)
{
    return sp_report_open(out, db, "report/open", as_of, filter);
}

/* A window of days for due/stale; negative means "the setting". */
static int check_days(sp_db *db, const char *what, int days)
{
    if (days > SP_RAG_DAYS_MAX)
        return sp_fail(db, SP_EINVALID, "%s of %d days is out of range: expected 0 to %d days",
                       what, days, SP_RAG_DAYS_MAX);
    return SP_OK;
}

/* The exclusive end of the due-soon window: `before` if given (after the
 * as-of date), else the day after as_of + days. */
static int due_end(char end[SP_DATE_SIZE], sp_db *db, const char *date, const char *before,
                   int days)
{
    const char *b = NULL;
    int amber = 0, stale = 0, rc;
    if (before) {
        if ((rc = sp_check_date(&b, end, db, "due-before date", before)) != SP_OK)
            return rc;
        if (strcmp(end, date) <= 0)
            return sp_fail(db, SP_EINVALID, "due-before date %s is not after the as-of date %s",
                           end, date);
        return SP_OK;
    }
    if (days < 0 && (rc = sp_rag_settings(&amber, &stale, db)) != SP_OK)
        return rc;
    return sp_date_add_days(end, date, (days < 0 ? amber : days) + 1) == SP_OK
               ? SP_OK
               : sp_fail(db, SP_EINVALID, "the due-soon window runs past the year %d",
                         SP_YEAR_MAX);
}

int sp_due_soon(sp_cursor **out, sp_db *db, const char *as_of, const char *before, int days,
                const sp_filter *filter)
{
    char date[SP_DATE_SIZE], end[SP_DATE_SIZE];
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = check_days(db, "due-soon window", days);
    if (rc == SP_OK)
        rc = report_date(date, db, as_of);
    if (rc == SP_OK)
        rc = due_end(end, db, date, before, days);
    if (rc == SP_OK)
        rc = report_prepare(&st, db, "report/due", date, filter);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":before", end);
    return sp_cursor_from_stmt(out, db, st);
}

/* The last day of activity that still counts as stale: as_of - days. */
static int stale_cutoff(char cutoff[SP_DATE_SIZE], sp_db *db, const char *date, int days)
{
    int amber = 0, stale = days;
    if (days < 0) {
        int rc = sp_rag_settings(&amber, &stale, db);
        if (rc != SP_OK)
            return rc;
        /* 0 switches the RAG rule off; the report still needs a threshold. */
        if (stale == 0)
            stale = SP_RAG_STALE_DAYS_DEFAULT;
    }
    if (sp_date_add_days(cutoff, date, -(int64_t)stale) != SP_OK)
        return sp_fail(db, SP_EINVALID, "the stale window runs before the year %d",
                       SP_YEAR_MIN);
    return SP_OK;
}

int sp_stale(sp_cursor **out, sp_db *db, const char *as_of, int days, const sp_filter *filter)
{
    char date[SP_DATE_SIZE], cutoff[SP_DATE_SIZE];
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = check_days(db, "stale window", days);
    if (rc == SP_OK)
        rc = report_date(date, db, as_of);
    if (rc == SP_OK)
        rc = stale_cutoff(cutoff, db, date, days);
    if (rc == SP_OK)
        rc = report_prepare(&st, db, "report/stale", date, filter);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":cutoff", cutoff);
    return sp_cursor_from_stmt(out, db, st);
}

/* The summary's columns are counts with plain names ("red"), so their types
 * are given here rather than guessed from the names. */
static const sp_coltype summary_types[] = {
    SP_COL_TEXT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT,
    SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT, SP_COL_INT,
    SP_COL_INT};

const char *sp_summary_groups(void)
{
    return "theme, owner, review, authority, status";
}

static int check_group(const char **out, sp_db *db, const char *by)
{
    static const char *const groups[] = {"theme", "owner", "review", "authority", "status"};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (strcmp(by ? by : "theme", groups[i]) == 0) {
            *out = groups[i];
            return SP_OK;
        }
    return sp_fail(db, SP_EINVALID, "summary grouping '%s' is not known: expected one of %s",
                   by, sp_summary_groups());
}

int sp_summary(sp_cursor **out, sp_db *db, const char *as_of, const char *by,
               const sp_filter *filter)
{
    sqlite3_stmt *st;
    const char *group = NULL;
    *out = NULL;
    sp_clear(db);
    int rc = check_group(&group, db, by);
    /* Themes have their own query: it walks the findings, then their
     * actions (a theme is the finding's). */
    const char *query = strcmp(group ? group : "", "theme") == 0 ? "report/summary_theme"
                                                                 : "report/summary";
    if (rc == SP_OK)
        rc = report_prepare(&st, db, query, as_of, filter);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":by", group);
    if (sqlite3_column_count(st) != (int)(sizeof summary_types / sizeof summary_types[0])) {
        sp_finalize(db, st);
        return sp_fail(db, SP_ERROR, "internal error: %s has unexpected columns", query);
    }
    return sp_cursor_new(out, db, st, summary_types);
}
