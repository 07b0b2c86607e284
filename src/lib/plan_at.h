/*
 * Internal: the plan at a date (plan_at.c, sql/plan_at.sql), with the
 * variants the committee pack and the tests need.
 */
#ifndef SP_PLAN_AT_H
#define SP_PLAN_AT_H

#include "internal.h"

#define SP_PLAN_OVERDUE 0x1 /* only open actions past their due date, most overdue first */
#define SP_PLAN_REPLAY 0x2  /* rebuild every action from its history, never taking the
                               current columns as the state (tests prove the two agree) */
#define SP_PLAN_BY_REVIEW 0x4 /* ordered by review, then theme (the pack's Actions sheet) */
#define SP_PLAN_BY_REF 0x8    /* ordered by references only (the export's order) */
#define SP_PLAN_ANY_ORDER 0x10 /* in no order: for callers that count, or sort for
                                  themselves (read an authority at a time) */
#define SP_PLAN_COUNTS 0x20    /* in no order, and only the columns a count reads:
                                  id, theme, status, due_on, rag, days_overdue,
                                  rag_computed (plan_at/state_counted) */

/* The filters of f that are fixed facts of an action (authority, review,
 * finding, theme, and include_void): what an earlier day shares with it.
 * Owner, status and RAG are judged on the day. */
sp_filter sp_filter_part(const sp_filter *f);

/* sp_filter_part, and the owner and --no-due, which the fragment sets
 * by_candidate and by_place read as their candidates (every action that
 * may have been the owner's, or open-ended, on some day): the state of the
 * day then judges them. */
sp_filter sp_filter_candidates(const sp_filter *f);

/* Whether f names a part of the plan through an index (an authority,
 * review, finding, theme, owner or --no-due), where status and RAG alone
 * do not: then reading that part beats one walk of the whole plan. */
bool sp_filter_narrows(const sp_filter *f);

/* Prepares `query` of plan_at.sql ("plan_at/actions", say) with the date,
 * the filters and the flags bound; the fixed facts (sp_filter_part), the
 * owner and --no-due also as fragments, where the query marks "-- filters:
 * SET" (sets by_candidate and by_place, which read the owner and --no-due
 * as their candidates). */
int sp_plan_at_prepare(sqlite3_stmt **out, sp_db *db, const char *query, const char *as_of,
                       const sp_filter *filter, unsigned flags);

/* sp_plan_at with flags. */
int sp_plan_at_open(sp_cursor **out, sp_db *db, const char *as_of, const sp_filter *filter,
                    unsigned flags);

/* One action as it stood on as_of (NULL = today): the plan_at row, or no
 * row when it did not exist yet. */
int sp_plan_at_action(sqlite3_stmt **out, sp_db *db, int64_t action_id, const char *as_of);

/* sp_plan_series with flags (only SP_PLAN_REPLAY applies). */
int sp_plan_series_open(sp_cursor **out, sp_db *db, const char *from, const char *to,
                        const sp_filter *filter, unsigned flags);

/* Parses an optional date into buf (NULL = today), naming `what` in the
 * error. */
int sp_date_or_today(char buf[SP_DATE_SIZE], sp_db *db, const char *what, const char *text);

#endif
