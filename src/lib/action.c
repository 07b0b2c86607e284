/* Actions: what an authority will do about a finding, who owns it, by when. */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "internal.h"
#include "rag.h"

static int next_ref(char out[24], sp_db *db, int64_t finding_id)
{
    sqlite3_stmt *st;
    int64_t n = 0;
    int rc = sp_prepare(&st, db, "action/next_ref");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":finding_id", finding_id);
    rc = sp_step_id(&n, db, st);
    sqlite3_finalize(st);
    snprintf(out, 24, "%lld", (long long)n);
    return rc;
}

/* What --due (or an import's timescale cell) came to. */
typedef struct due_plan {
    const char *due;      /* NULL: open-ended */
    const char *cadence;  /* recurring: "1 month" */
    char due_buf[SP_DATE_SIZE];
    char start_buf[SP_DATE_SIZE];
    char cadence_buf[16];
} due_plan;

/* The message for a timescale that was not understood. */
int sp_fail_timescale(sp_db *db, const char *what, const char *text, const sp_timescale *ts)
{
    if (ts->ambiguous)
        return sp_fail(db, SP_EINVALID, "%s '%s' is ambiguous: %s", what, text, ts->ambiguous);
    char hint[SP_DATE_HINT_SIZE];
    if (*sp_date_hint(hint, text))
        return sp_fail(db, SP_EINVALID, "%s '%s' is not a date as written: expected a day "
                       "(DD/MM/YYYY or YYYY-MM-DD)%s", what, text, hint);
    return sp_fail(db, SP_EINVALID, "%s '%s' is not understood: expected %s", what, text,
                   sp_timescale_forms());
}

/* Resolves --due: a date counted from the start date (else today), no
 * date ("Ongoing", empty), or a cadence whose first report is due one
 * period (and the grace) after the start. "From July 2012" gives a start
 * when none was. */
static int resolve_due(due_plan *p, const char **start, sp_db *db, const sp_action_new *in)
{
    char today[SP_DATE_SIZE];
    sp_timescale ts;
    sp_today(db, today);
    p->due = p->cadence = NULL;
    if (sp_timescale_parse(&ts, in->due ? in->due : "", *start ? *start : today) != SP_OK)
        return sp_fail_timescale(db, "due date", in->due, &ts);
    sp_timescale_ahead(&ts, today);
    if (ts.kind == SP_DUE_COMPLETE)
        return sp_fail(db, SP_EINVALID, "due date '%s' says the work is done: add the action "
                       "with its due date, then record it with 'action update --status "
                       "complete'", in->due);
    if (ts.start[0] && !*start) {
        memcpy(p->start_buf, ts.start, SP_DATE_SIZE);
        *start = p->start_buf;
    }
    if (ts.kind == SP_DUE_RECURRING) {
        int grace;
        int rc = sp_grace_days(&grace, db);
        if (rc != SP_OK)
            return rc;
        memcpy(p->cadence_buf, ts.cadence, sizeof p->cadence_buf);
        p->cadence = p->cadence_buf;
        if (sp_cadence_next(p->due_buf, *start ? *start : today, ts.cadence, grace) != SP_OK)
            return sp_fail(db, SP_EINVALID, "due date '%s': the first report would fall "
                           "outside the years 1900-2999", in->due);
        p->due = p->due_buf;
        return SP_OK;
    }
    if (ts.kind == SP_DUE_OPEN)
        return SP_OK;
    memcpy(p->due_buf, ts.due, SP_DATE_SIZE);
    p->due = p->due_buf;
    if (*start && sp_date_diff(*start, p->due) < 0)
        return sp_fail(db, SP_EINVALID, "due date %s is before the start date %s", p->due,
                       *start);
    return SP_OK;
}

static int check_new_action(sp_db *db, const sp_action_new *in)
{
    int rc = sp_check_text(db, "action title", in->title);
    if (rc == SP_OK && in->ref)
        rc = sp_check_ref(db, "action reference", in->ref);
    if (rc == SP_OK && sp_blank(in->owner))
        rc = sp_fail(db, SP_EINVALID, "action owner must not be empty");
    if (rc == SP_OK && in->measure)
        rc = sp_check_text(db, "success measure", in->measure);
    return rc;
}

static int insert_action(sp_db *db, const sp_action_new *in, int64_t finding_id,
                         int64_t owner_id, const char *start, const due_plan *due)
{
    char ref[24];
    sqlite3_stmt *st;
    int rc = in->ref ? SP_OK : next_ref(ref, db, finding_id);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "action/add");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":finding_id", finding_id);
    sp_bind_text(st, ":ref", in->ref ? in->ref : ref);
    sp_bind_text(st, ":title", in->title);
    sp_bind_int(st, ":owner_id", owner_id);
    sp_bind_text(st, ":start", start);
    sp_bind_text(st, ":due", due->due);
    sp_bind_text(st, ":cadence", due->cadence);
    sp_bind_text(st, ":timescale", sp_blank(in->due) ? NULL : in->due);
    sp_bind_text(st, ":measure", sp_blank(in->measure) ? NULL : in->measure);
    rc = sp_exec_stmt(db, st, "adding action");
    sqlite3_finalize(st);
    if (rc == SP_EEXISTS)
        return sp_fail(db, rc, "action '%s/%s' already exists", in->finding, in->ref);
    return rc;
}

int sp_action_add(int64_t *id, char due_out[SP_DATE_SIZE], sp_db *db, const sp_action_new *in)
{
    char start_buf[SP_DATE_SIZE];
    due_plan due;
    const char *start = NULL;
    int64_t finding_id = 0, owner_id = 0;
    sp_clear(db);
    int rc = check_new_action(db, in);
    if (rc == SP_OK)
        rc = sp_check_date(&start, start_buf, db, "start date", in->start);
    if (rc == SP_OK)
        rc = resolve_due(&due, &start, db, in);
    if (rc == SP_OK)
        rc = sp_resolve(&finding_id, db, "finding", in->finding);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = in->ref ? sp_ref_spelling(db, "action", finding_id, 0, in->finding, in->ref) : SP_OK;
    if (rc == SP_OK)
        rc = sp_owner_ensure(&owner_id, db, in->owner);
    if (rc == SP_OK)
        rc = insert_action(db, in, finding_id, owner_id, start, &due);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    if (id)
        *id = sqlite3_last_insert_rowid(db->sql);
    if (due_out) /* "" for an open-ended action */
        snprintf(due_out, SP_DATE_SIZE, "%s", due.due ? due.due : "");
    return sp_commit(db);
}

/* The filter field a scope path sets, by its depth: authority, review or
 * finding. */
static int scope_field(const char ***field, sp_db *db, sp_filter *f, const char *scope)
{
    const char **fields[] = {&f->authority, &f->review, &f->finding};
    static const char *const names[] = {"authority", "review", "finding"};
    int depth = sp_ref_depth(scope);
    if (depth < 1 || depth > 3)
        return sp_fail(db, SP_EINVALID,
                       "scope '%s' should be AUTHORITY, AUTHORITY/REVIEW or "
                       "AUTHORITY/REVIEW/FINDING", scope);
    if (*fields[depth - 1])
        return sp_fail(db, SP_EINVALID, "scope '%s' and --%s '%s' both name the %s: give one",
                       scope, names[depth - 1], *fields[depth - 1], names[depth - 1]);
    *field = fields[depth - 1];
    return SP_OK;
}

int sp_action_list_where(sp_cursor **out, sp_db *db, const char *scope, const sp_filter *filter)
{
    sqlite3_stmt *st;
    sp_filter f = {0};
    const char **field = NULL;
    *out = NULL;
    sp_clear(db);
    if (filter)
        f = *filter;
    int rc = scope ? scope_field(&field, db, &f, scope) : SP_OK;
    if (rc != SP_OK)
        return rc;
    if (field)
        *field = scope;
    /* Only the filters set are in the statement, each on its index; with
     * none that narrows the list to one place or owner, the whole plan is
     * walked in order (a theme's findings are in every authority). */
    bool narrow = f.authority || f.review || f.finding || f.owner;
    const char *query = narrow ? "action/list" : "action/list_plan";
    if ((rc = sp_prepare_filtered(&st, db, query, &f, false)) != SP_OK)
        return rc;
    if ((rc = sp_bind_filter(st, db, NULL, &f)) != SP_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return sp_cursor_from_stmt(out, db, st);
}

int sp_action_list(sp_cursor **out, sp_db *db, const char *scope)
{
    return sp_action_list_where(out, db, scope, NULL);
}

int sp_action_get(sp_cursor **out, sp_db *db, int64_t action_id)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "action/get");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    return sp_cursor_from_stmt(out, db, st);
}
