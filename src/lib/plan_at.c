/*
 * The plan as it stood on a date, rebuilt from the append-only progress
 * history. The SQL (sql/plan_at.sql) states the rules; this file binds the
 * date and filters. The month-end trend is in series.c.
 */
#include "plan_at.h"

#include <string.h>

#include "dates.h"

int sp_date_or_today(char buf[SP_DATE_SIZE], sp_db *db, const char *what, const char *text)
{
    const char *d;
    if (!text) {
        sp_today(db, buf);
        return SP_OK;
    }
    return sp_check_date(&d, buf, db, what, text);
}

sp_filter sp_filter_part(const sp_filter *f)
{
    sp_filter part = {0};
    if (f) {
        part.authority = f->authority;
        part.review = f->review;
        part.finding = f->finding;
        part.theme = f->theme;
        part.include_void = f->include_void;
    }
    return part;
}

sp_filter sp_filter_candidates(const sp_filter *f)
{
    sp_filter part = sp_filter_part(f);
    part.owner = f ? f->owner : NULL;
    part.no_due = f ? f->no_due : 0;
    return part;
}

bool sp_filter_narrows(const sp_filter *f)
{
    return f && (f->authority || f->review || f->finding || f->theme || f->owner || f->no_due);
}

int sp_plan_at_prepare(sqlite3_stmt **out, sp_db *db, const char *query, const char *as_of,
                       const sp_filter *filter, unsigned flags)
{
    sqlite3_stmt *st;
    *out = NULL;
    /* Only the fixed facts go in as fragments (of queries that take them),
     * and the owner and --no-due, whose fragments (by_candidate, by_place)
     * keep every action that may have been the owner's, or open-ended: the
     * state of the day judges those, and status and RAG. */
    sp_filter part = sp_filter_candidates(filter);
    int rc = sp_prepare_filtered(&st, db, query, &part, false);
    if (rc == SP_OK)
        rc = sp_bind_filter(st, db, as_of, filter);
    if (rc != SP_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    if (flags & SP_PLAN_OVERDUE)
        sp_bind_int(st, ":overdue", 1);
    if (flags & SP_PLAN_REPLAY)
        sp_bind_int(st, ":replay", 1);
    if (flags & SP_PLAN_BY_REVIEW)
        sp_bind_int(st, ":by_review", 1);
    if (flags & SP_PLAN_BY_REF)
        sp_bind_int(st, ":by_ref", 1);
    *out = st;
    return SP_OK;
}

/* One statement sorting every action of a large plan held them all, text
 * and all, in memory (900 MiB for a million actions' pack). So the rows
 * are read in groups, and only small keys are sorted across the plan:
 * the committee orders sort the findings' ids, then read a finding's
 * actions at a time through its index; the overdue list, ordered by due
 * date across the plan, sorts the overdue actions' ids and keys, then
 * reads each action by its id. A caller that needs no order reads an
 * authority at a time, with far fewer statements run. */
int sp_plan_at_open(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter,
                    unsigned flags)
{
    static const struct {
        const char *groups, *rows, *param;
    } ways[] = {
        {"plan_at/findings_in_order", "plan_at/finding_actions", ":of_finding"},
        {"plan_at/overdue_in_order", "plan_at/actions", ":action_id"},
        {"plan_at/authorities_in_scope", "plan_at/authority_actions", ":of_authority"},
        {"plan_at/authorities_in_scope", "plan_at/authority_counts", ":of_authority"},
    };
    int way = (flags & SP_PLAN_OVERDUE)     ? 1
              : (flags & SP_PLAN_COUNTS)    ? 3
              : (flags & SP_PLAN_ANY_ORDER) ? 2
                                            : 0;
    sqlite3_stmt *st, *groups;
    *out = NULL;
    sp_clear(db);
    /* An owner's actions, the open-ended, or a review's or finding's, in
     * one statement through their indexes: read an authority at a time,
     * a finding's report read every action of the plan (0.23 s at a
     * million) to keep its few. */
    if (way >= 2 && filter &&
        (filter->owner || filter->no_due || filter->review || filter->finding)) {
        const char *q = way == 3 ? "plan_at/candidate_counts" : "plan_at/candidate_actions";
        int rc = sp_plan_at_prepare(&st, db, q, as_of, filter, flags);
        return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
    }
    int rc = sp_plan_at_prepare(&groups, db, ways[way].groups, as_of, filter, flags);
    if (rc != SP_OK)
        return rc;
    rc = sp_plan_at_prepare(&st, db, ways[way].rows, as_of, filter, flags);
    if (rc != SP_OK) {
        sqlite3_finalize(groups);
        return rc;
    }
    return sp_cursor_grouped(out, db, st, groups, ways[way].param);
}

int sp_plan_at(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter)
{
    return sp_plan_at_open(out, db, as_of, filter, 0);
}

int sp_plan_at_action(sqlite3_stmt **out, sp_db *db, int64_t action_id, const char *as_of)
{
    int rc = sp_plan_at_prepare(out, db, "plan_at/actions", as_of, NULL, 0);
    if (rc == SP_OK && sp_bind_int(*out, ":action_id", action_id) != SQLITE_OK)
        rc = sp_fail_sql(db, "rebuilding an action");
    if (rc != SP_OK) {
        sqlite3_finalize(*out);
        *out = NULL;
    }
    return rc;
}

int sp_action_at(sp_cursor **out, sp_db *db, int64_t action_id, const char *as_of)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_plan_at_action(&st, db, action_id, as_of);
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}
