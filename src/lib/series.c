/*
 * The plan's month-end trend (sp_plan_series): how many actions existed,
 * were open, overdue and done at the end of each month.
 *
 * Asking sp_plan_at once per month would replay the history once per
 * month: at national scale (150,000 actions, 80 months) that is minutes.
 * Instead one query streams every action with its updates in date order
 * (plan_at/timeline) and each action is swept forward through the month
 * ends once, applying its updates as their dates pass. The rules are those
 * of sql/plan_at.sql, restated here for one action at a time:
 *   - an action exists from the earliest of the day it was entered, its
 *     start date and its first update;
 *   - once every update is dated on or before the day (or there is none),
 *     the action's current columns are its state;
 *   - before that, each field is the value of the most recently recorded
 *     update (highest id) dated on or before the day that set it, else
 *     not_started, the original due date (none if an update gave the
 *     action its first due date: it was open-ended until then), the owner
 *     before the first reassignment, no override.
 * test_plan_at checks every month's counts against sp_plan_at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "plan_at.h"
#include "rag.h"

#define MAX_DAYS (SP_SERIES_MAX_MONTHS + 2) /* every month end, the first and the last day */
#define NONE (-1)
#define CLEARED (-2) /* a rag_override of 'none' */

static const char *const statuses[] = {"not_started", "in_progress", "complete",
                                       "signed_off",  "transferred", "withdrawn"};
enum { NOT_STARTED, IN_PROGRESS, COMPLETE, SIGNED_OFF };
static const char *const rags[] = {"red", "amber", "green", "blue", "grey"};

/* What the trend needs of an action on a day. Dates are day numbers. */
typedef struct state {
    int status;      /* index in statuses, NONE if unknown */
    int32_t due;
    int32_t last;    /* the latest update's date, NONE if none */
    int32_t progress; /* the latest progress (the stale clock), NONE if none */
    int64_t owner;
    int override;    /* index in rags, or NONE */
} state;

/* One update, as far as the trend cares: NONE where it changed nothing. */
typedef struct change {
    int64_t id;
    int32_t on;
    int status, override;
    int32_t due;
    bool owner_set;
    int64_t owner;
    bool progress;   /* reports progress, not administration (migration 0011) */
} change;

typedef struct action {
    int64_t id;
    state now;            /* the current columns */
    int32_t original, start, born; /* start NONE if not given */
    bool open_ended_at_first; /* an update gave it its first due date */
    bool first_owner_known;
    int64_t first_owner;  /* old_owner_id of the earliest reassignment */
    int64_t first_owner_change;
    change *ch;           /* by date, then id */
    size_t n, cap;
} action;

typedef struct trend {
    char day[MAX_DAYS][SP_DATE_SIZE];
    int32_t n_day[MAX_DAYS];
    size_t ndays;
    long count[MAX_DAYS][4]; /* actions, open, overdue, done */
    /* The filters judged on the day. */
    bool owner_on, replay, no_due;
    int64_t owner;
    int status;
    const char *rag;
    int amber, stale;
} trend;

static int word(const char *const *words, size_t n, const char *w)
{
    for (size_t i = 0; w && i < n; i++)
        if (strcmp(words[i], w) == 0)
            return (int)i;
    return NONE;
}

static int status_of(sqlite3_stmt *st, int col)
{
    return word(statuses, 6, (const char *)sqlite3_column_text(st, col));
}

static int override_of(sqlite3_stmt *st, int col)
{
    const char *w = (const char *)sqlite3_column_text(st, col);
    return w && strcmp(w, "none") == 0 ? CLEARED : word(rags, 5, w);
}

static int32_t day_of(sqlite3_stmt *st, int col)
{
    int32_t d;
    return sp_iso_days((const char *)sqlite3_column_text(st, col), &d) ? d : NONE;
}

static int32_t earliest(int32_t a, int32_t b)
{
    return a == NONE ? b : b == NONE ? a : a < b ? a : b;
}

/* ------------------------------------------------------------------ */
/* The days                                                            */

/* Month ends from the end of `from`'s month while not after `to`, then
 * `to` itself when it is not one of them. */
static void month_ends(trend *t, const char *from, const char *to)
{
    char d[SP_DATE_SIZE], first[SP_DATE_SIZE];
    snprintf(first, sizeof first, "%.8s01", from);
    if (sp_date_add_months(d, first, 1) != SP_OK || sp_date_add_days(d, d, -1) != SP_OK)
        memcpy(d, to, SP_DATE_SIZE); /* the end of the supported years */
    t->ndays = 0;
    while (strcmp(d, to) <= 0 && t->ndays < MAX_DAYS - 1) {
        memcpy(t->day[t->ndays++], d, SP_DATE_SIZE);
        if (sp_date_add_days(first, d, 1) != SP_OK || sp_date_add_months(d, first, 1) != SP_OK ||
            sp_date_add_days(d, d, -1) != SP_OK)
            break;
    }
    if (t->ndays == 0 || strcmp(t->day[t->ndays - 1], to) != 0)
        memcpy(t->day[t->ndays++], to, SP_DATE_SIZE);
    for (size_t i = 0; i < t->ndays; i++)
        sp_iso_days(t->day[i], &t->n_day[i]);
}

/* The first day index on or after `born` (ndays if none). */
static size_t first_index(const trend *t, int32_t born)
{
    size_t lo = 0, hi = t->ndays;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->n_day[mid] < born)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ------------------------------------------------------------------ */
/* Sweeping one action through the days                                */

/* An update's changes win over those of updates recorded before it. */
static void apply(state *s, int64_t best[4], const change *c)
{
    if (c->status != NONE && c->id > best[0])
        s->status = c->status, best[0] = c->id;
    if (c->due != NONE && c->id > best[1])
        s->due = c->due, best[1] = c->id;
    if (c->owner_set && c->id > best[2])
        s->owner = c->owner, best[2] = c->id;
    if (c->override != NONE && c->id > best[3])
        s->override = c->override == CLEARED ? NONE : c->override, best[3] = c->id;
    s->last = c->on; /* changes come in date order */
    if (c->progress)
        s->progress = c->on;
}

static const char *iso_or_null(char buf[SP_DATE_SIZE], int32_t d)
{
    if (d == NONE)
        return NULL;
    sp_date_from_days(buf, d);
    return buf;
}

static bool rag_matches(const trend *t, const action *a, const state *s, size_t k)
{
    char due[SP_DATE_SIZE], original[SP_DATE_SIZE], last[SP_DATE_SIZE], start[SP_DATE_SIZE];
    sp_rag_in in = {.status = s->status == NONE ? NULL : statuses[s->status],
                    .due_on = iso_or_null(due, s->due),
                    .original_due_on = iso_or_null(original, a->original),
                    .last_update_on = iso_or_null(last, s->progress),
                    .start_on = iso_or_null(start, a->start),
                    .override = s->override == NONE ? NULL : rags[s->override],
                    .as_of = t->day[k], .amber_days = t->amber, .stale_days = t->stale};
    const char *rating = sp_rag_rating(&in);
    return rating && strcmp(rating, t->rag) == 0;
}

static void count(trend *t, const action *a, const state *s, size_t k)
{
    if ((t->owner_on && s->owner != t->owner) || (t->status != NONE && s->status != t->status) ||
        (t->no_due && s->due != NONE) || (t->rag && !rag_matches(t, a, s, k)))
        return;
    bool open = s->status == NOT_STARTED || s->status == IN_PROGRESS;
    t->count[k][0]++;
    t->count[k][1] += open;
    t->count[k][2] += open && s->due != NONE && s->due < t->n_day[k]; /* open-ended: never */
    t->count[k][3] += s->status == COMPLETE || s->status == SIGNED_OFF;
}

static void sweep(trend *t, const action *a)
{
    state replay = {NOT_STARTED, a->open_ended_at_first ? NONE : a->original, NONE, NONE,
                    a->first_owner_known ? a->first_owner : a->now.owner, NONE};
    int64_t best[4] = {0, 0, 0, 0};
    size_t j = 0;
    for (size_t k = first_index(t, a->born); k < t->ndays; k++) {
        int32_t d = t->n_day[k];
        for (; j < a->n && a->ch[j].on <= d; j++)
            apply(&replay, best, &a->ch[j]);
        bool settled = !t->replay && (a->now.last == NONE || a->now.last <= d);
        count(t, a, settled ? &a->now : &replay, k);
    }
}

/* ------------------------------------------------------------------ */
/* Reading the timeline                                                */

/* plan_at/timeline's columns. */
enum { C_ID, C_STATUS, C_DUE, C_ORIGINAL, C_OWNER, C_LAST, C_START, C_OVERRIDE, C_CREATED,
       C_UPDATE, C_ON, C_NEW_STATUS, C_NEW_DUE, C_NEW_OWNER, C_OLD_OWNER, C_SET_OVERRIDE,
       C_PROGRESS_ON, C_IS_PROGRESS, C_FIRST_DUE };

static void start_action(action *a, sqlite3_stmt *st)
{
    a->id = sqlite3_column_int64(st, C_ID);
    a->now = (state){status_of(st, C_STATUS), day_of(st, C_DUE), day_of(st, C_LAST),
                     day_of(st, C_PROGRESS_ON), sqlite3_column_int64(st, C_OWNER),
                     override_of(st, C_OVERRIDE)};
    if (a->now.override == CLEARED)
        a->now.override = NONE;
    a->original = day_of(st, C_ORIGINAL);
    a->start = day_of(st, C_START);
    a->born = earliest(day_of(st, C_CREATED), a->start);
    a->first_owner_known = false;
    a->first_owner_change = 0;
    a->open_ended_at_first = false;
    a->n = 0;
}

static void note_first_owner(action *a, const change *c, sqlite3_stmt *st)
{
    if (!c->owner_set || (a->first_owner_change && a->first_owner_change < c->id))
        return;
    a->first_owner_change = c->id;
    a->first_owner_known = sqlite3_column_type(st, C_OLD_OWNER) != SQLITE_NULL;
    a->first_owner = sqlite3_column_int64(st, C_OLD_OWNER);
}

static int add_change(action *a, sqlite3_stmt *st)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        change *ch = realloc(a->ch, cap * sizeof *ch);
        if (!ch)
            return SP_ENOMEM;
        a->ch = ch;
        a->cap = cap;
    }
    change *c = &a->ch[a->n++];
    *c = (change){sqlite3_column_int64(st, C_UPDATE), day_of(st, C_ON), status_of(st, C_NEW_STATUS),
                  override_of(st, C_SET_OVERRIDE), day_of(st, C_NEW_DUE),
                  sqlite3_column_type(st, C_NEW_OWNER) != SQLITE_NULL,
                  sqlite3_column_int64(st, C_NEW_OWNER),
                  sqlite3_column_int(st, C_IS_PROGRESS) != 0};
    a->born = earliest(a->born, c->on);
    a->open_ended_at_first |= sqlite3_column_int(st, C_FIRST_DUE) != 0;
    note_first_owner(a, c, st);
    return SP_OK;
}

/* Streams a statement of timeline rows, sweeping each action once its
 * rows are read; the action still being read stays in *a (*have). */
static int read_rows(trend *t, sp_db *db, sqlite3_stmt *st, action *a, bool *have)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!*have || sqlite3_column_int64(st, C_ID) != a->id) {
            if (*have)
                sweep(t, a);
            start_action(a, st);
            *have = true;
        }
        if (sqlite3_column_type(st, C_UPDATE) != SQLITE_NULL && add_change(a, st) != SP_OK)
            return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    return rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the plan's history");
}

/* The timeline of the whole plan (st), or of each finding `groups` lists
 * (st run for each, bound to its :of_finding). */
static int read_timeline(trend *t, sp_db *db, sqlite3_stmt *st, sqlite3_stmt *groups)
{
    action a = {0};
    bool have = false;
    int rc = SP_OK, g = SQLITE_DONE;
    if (!groups)
        rc = read_rows(t, db, st, &a, &have);
    while (groups && rc == SP_OK && (g = sqlite3_step(groups)) == SQLITE_ROW) {
        sp_bind_int(st, ":of_finding", sqlite3_column_int64(groups, 0));
        rc = read_rows(t, db, st, &a, &have);
        sqlite3_reset(st);
    }
    if (rc == SP_OK && g != SQLITE_DONE)
        rc = sp_fail_sql(db, "reading the plan's findings");
    if (have && rc == SP_OK)
        sweep(t, &a);
    free(a.ch);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Dates, filters, and the cursor                                      */

/* The first day of the plan's life in scope, or `to` for an empty plan. */
static int first_day(char out[SP_DATE_SIZE], sp_db *db, const char *to,
                     const sp_filter *filter)
{
    sqlite3_stmt *st;
    int rc = sp_plan_at_prepare(&st, db, "plan_at/first_day", to, filter, 0);
    if (rc == SP_OK) {
        rc = sqlite3_step(st) == SQLITE_ROW ? SP_OK : sp_fail_sql(db, "finding the plan's start");
        const char *day = rc == SP_OK ? (const char *)sqlite3_column_text(st, 0) : NULL;
        int32_t n;
        /* Not yet begun by `to` (or empty): the trend is that one day. */
        bool usable = day && sp_iso_days(day, &n) && strcmp(day, to) < 0;
        memcpy(out, usable ? day : to, SP_DATE_SIZE);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Checks from <= to and that the span is not absurdly long. */
static int check_span(sp_db *db, const char *from, const char *to)
{
    char limit[SP_DATE_SIZE];
    if (strcmp(from, to) > 0)
        return sp_fail(db, SP_EINVALID, "the trend's first day %s is after its last day %s",
                       from, to);
    /* A limit beyond the supported years cannot be exceeded. */
    if (sp_date_add_months(limit, from, SP_SERIES_MAX_MONTHS) == SP_OK && strcmp(to, limit) > 0)
        return sp_fail(db, SP_EINVALID,
                       "the trend from %s to %s spans more than %d months: give a later "
                       "first day", from, to, SP_SERIES_MAX_MONTHS);
    return SP_OK;
}

static int resolve_span(char from_buf[SP_DATE_SIZE], char to_buf[SP_DATE_SIZE], sp_db *db,
                        const char *from, const char *to, const sp_filter *filter)
{
    int rc = sp_date_or_today(to_buf, db, "last day of the trend", to);
    if (rc == SP_OK && from)
        rc = sp_date_or_today(from_buf, db, "first day of the trend", from);
    else if (rc == SP_OK)
        rc = first_day(from_buf, db, to_buf, filter);
    return rc == SP_OK ? check_span(db, from_buf, to_buf) : rc;
}

/* The filters judged per day: owner, status, RAG and no due date (the
 * others are in the timeline query). */
static int day_filters(trend *t, sp_db *db, const sp_filter *f)
{
    const char *status = NULL;
    int rc = sp_rag_settings(&t->amber, &t->stale, db);
    t->status = NONE;
    t->no_due = f && f->no_due;
    if (rc == SP_OK && f && f->owner &&
        (rc = sp_resolve(&t->owner, db, "owner", f->owner)) == SP_OK)
        t->owner_on = true;
    if (rc == SP_OK && f && f->status &&
        (rc = sp_check_enum(&status, db, "status", "status", f->status)) == SP_OK)
        t->status = word(statuses, 6, status);
    if (rc == SP_OK && f && f->rag)
        rc = sp_check_enum(&t->rag, db, "rag", "RAG rating", f->rag);
    return rc;
}

static int count_trend(trend *t, sp_db *db, const sp_filter *filter)
{
    sqlite3_stmt *st = NULL, *groups = NULL;
    const char *last = t->day[t->ndays - 1];
    bool narrowed = sp_filter_narrows(filter);
    int rc = day_filters(t, db, filter);
    if (rc == SP_OK && narrowed)
        rc = sp_plan_at_prepare(&groups, db, "plan_at/timeline_findings", last, filter, 0);
    if (rc == SP_OK)
        rc = sp_plan_at_prepare(&st, db, narrowed ? "plan_at/timeline_of_finding"
                                                  : "plan_at/timeline", last, filter, 0);
    if (rc == SP_OK)
        rc = read_timeline(t, db, st, groups);
    sqlite3_finalize(st);
    sqlite3_finalize(groups);
    return rc;
}

/* Hands the counts over as a cursor, through plan_at/series_rows. */
static int to_cursor(sp_cursor **out, sp_db *db, const trend *t)
{
    size_t size = t->ndays * 96 + 4, len = 1;
    char *json = malloc(size);
    sqlite3_stmt *st;
    if (!json)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    json[0] = '[';
    for (size_t k = 0; k < t->ndays; k++)
        len += (size_t)snprintf(json + len, size - len, "%s[\"%s\",%ld,%ld,%ld,%ld]",
                                k ? "," : "", t->day[k], t->count[k][0], t->count[k][1],
                                t->count[k][2], t->count[k][3]);
    snprintf(json + len, size - len, "]");
    int rc = sp_prepare(&st, db, "plan_at/series_rows");
    if (rc == SP_OK && sp_bind_text(st, ":rows", json) != SQLITE_OK) {
        rc = sp_fail_sql(db, "reading the trend");
        sqlite3_finalize(st);
    }
    free(json);
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}

int sp_plan_series_open(sp_cursor **out, sp_db *db, const char *from, const char *to,
                        const sp_filter *filter, unsigned flags)
{
    char from_buf[SP_DATE_SIZE], to_buf[SP_DATE_SIZE];
    *out = NULL;
    sp_clear(db);
    int rc = resolve_span(from_buf, to_buf, db, from, to, filter);
    if (rc != SP_OK)
        return rc;
    trend *t = calloc(1, sizeof *t);
    if (!t)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    t->replay = flags & SP_PLAN_REPLAY;
    month_ends(t, from_buf, to_buf);
    rc = count_trend(t, db, filter);
    if (rc == SP_OK)
        rc = to_cursor(out, db, t);
    free(t);
    return rc;
}

int sp_plan_series(sp_cursor **out, sp_db *db, const char *from, const char *to,
                   const sp_filter *filter)
{
    return sp_plan_series_open(out, db, from, to, filter, 0);
}
