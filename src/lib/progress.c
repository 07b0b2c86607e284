/*
 * Progress updates: one dated, append-only entry per update, checked
 * against the status lifecycle (enums.h) and applied to the action by the
 * database's AFTER INSERT trigger. Nothing here writes to the action
 * directly, so the action's state is always what its history says.
 */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "enums.h"
#include "rag.h"

#define STATUS_SIZE 16
#define PATH_SIZE 192 /* four references of at most 40 characters */

/* The action as the update finds it, read inside the write transaction. */
typedef struct action_state {
    int64_t id;
    char status[STATUS_SIZE];
    char start[SP_DATE_SIZE]; /* "" when the action has no start date */
    char due[SP_DATE_SIZE];   /* "" when the action is open-ended */
    bool overridden;          /* a manual RAG override is in force */
    char path[PATH_SIZE];
    char cadence[16];         /* a recurring action's "1 month", else "" */
} action_state;

/* The update's values, checked and in canonical form. */
typedef struct resolved {
    char on[SP_DATE_SIZE];
    const char *status; /* canonical status word, or NULL: unchanged */
    const char *rag;    /* canonical RAG word, "none", or NULL: unchanged */
    char due[SP_DATE_SIZE]; /* "" when the due date is not revised */
    int percent;        /* -1 when not given */
} resolved;

/* ------------------------------------------------------------------ */
/* Shared with progress_bulk.c                                         */

int sp_update_date(char out[SP_DATE_SIZE], sp_db *db, const char *text)
{
    char today[SP_DATE_SIZE];
    sp_today(db, today);
    if (!text) {
        memcpy(out, today, SP_DATE_SIZE);
        return SP_OK;
    }
    if (sp_date_parse(out, text) != SP_OK)
        return sp_fail(db, SP_EINVALID, "update date '%s' is not a valid date: expected "
                       "YYYY-MM-DD or DD/MM/YYYY", text);
    if (strcmp(out, today) > 0)
        return sp_fail(db, SP_EINVALID, "update date %s is in the future (today is %s): "
                       "progress is reported as it happens", out, today);
    return SP_OK;
}

int sp_end_write(sp_db *db, int rc)
{
    if (rc == SP_OK)
        return sp_commit(db);
    sp_rollback(db);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Checks that need no database                                        */

/* A whole number 0-100 with an optional '%' ("50", "50%"). */
static bool parse_percent(int *out, const char *text)
{
    size_t digits = strspn(text, "0123456789");
    const char *rest = text + digits;
    if (digits == 0 || digits > 3 || (rest[0] == '%' ? rest[1] : rest[0]) != '\0')
        return false;
    int v = 0;
    for (size_t i = 0; i < digits; i++)
        v = v * 10 + (text[i] - '0');
    *out = v;
    return v <= 100;
}

static bool has_content(const sp_update *in)
{
    return in->status || in->note || in->evidence || in->percent || in->due || in->rag;
}

/* Every text given must say something and be valid UTF-8. */
static int check_texts(sp_db *db, const sp_update *in)
{
    const struct {
        const char *what, *text;
    } texts[] = {{"note", in->note}, {"evidence", in->evidence},
                 {"reason for having no evidence", in->no_evidence_reason},
                 {"reason", in->reason}, {"transfer destination", in->transfer_to}};
    int rc = sp_check_name(db, "update author", in->author);
    for (size_t i = 0; rc == SP_OK && i < sizeof texts / sizeof texts[0]; i++)
        if (texts[i].text)
            rc = sp_check_text(db, texts[i].what, texts[i].text);
    return rc;
}

static int check_rag_word(resolved *r, sp_db *db, const char *text)
{
    r->rag = NULL;
    if (!text)
        return SP_OK;
    if (strcasecmp(text, "none") == 0) {
        r->rag = "none";
        return SP_OK;
    }
    r->rag = sp_enum_word("rag", text);
    if (!r->rag)
        return sp_fail(db, SP_EINVALID, "RAG override '%s' is not known: expected one of %s, "
                       "or none to clear an override", text, sp_enum_values("rag"));
    return SP_OK;
}

/* The checks an update must pass whatever state its action is in. */
static int check_update(resolved *r, sp_db *db, const sp_update *in)
{
    memset(r, 0, sizeof *r);
    r->percent = -1;
    if (!has_content(in))
        return sp_fail(db, SP_EINVALID, "an update must carry something: a status, note, "
                       "evidence, percent complete, revised due date or RAG override");
    int rc = check_texts(db, in);
    if (rc == SP_OK && in->status)
        rc = sp_check_enum(&r->status, db, "status", "status", in->status);
    if (rc == SP_OK)
        rc = check_rag_word(r, db, in->rag);
    if (rc == SP_OK && in->percent && !parse_percent(&r->percent, in->percent))
        rc = sp_fail(db, SP_EINVALID, "percent complete '%s' is not valid: expected a whole "
                     "number from 0 to 100", in->percent);
    if (rc == SP_OK)
        rc = sp_update_date(r->on, db, in->on);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Checks against the action                                           */

static void copy_column(char *out, size_t size, sqlite3_stmt *st, int col)
{
    const char *text = (const char *)sqlite3_column_text(st, col);
    size_t n = text ? strlen(text) : 0;
    if (n >= size)
        n = size - 1;
    memcpy(out, text ? text : "", n);
    out[n] = '\0';
}

static int load_state(action_state *s, sp_db *db, int64_t action_id)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "progress/state");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        s->id = action_id;
        copy_column(s->status, sizeof s->status, st, 0);
        copy_column(s->start, sizeof s->start, st, 1);
        copy_column(s->due, sizeof s->due, st, 2);
        s->overridden = sqlite3_column_type(st, 4) != SQLITE_NULL;
        copy_column(s->path, sizeof s->path, st, 5);
        copy_column(s->cadence, sizeof s->cadence, st, 6);
        rc = SP_OK;
    } else {
        rc = rc == SQLITE_DONE ? sp_fail(db, SP_ENOTFOUND, "no action with id %lld",
                                         (long long)action_id)
                               : sp_fail_sql(db, "reading the action");
    }
    sqlite3_finalize(st);
    return rc;
}

static int check_on_date(sp_db *db, const resolved *r, const action_state *s)
{
    if (s->start[0] && strcmp(r->on, s->start) < 0)
        return sp_fail(db, SP_EINVALID, "update date %s is before action %s started (%s)",
                       r->on, s->path, s->start);
    return SP_OK;
}

/* What the status change `from` -> `to` did, after "when action X ". */
static const char *change_words(char *buf, size_t size, const char *from, const char *to)
{
    if (strcmp(to, "complete") == 0)
        return "was claimed complete";
    if (strcmp(to, "signed_off") == 0)
        return "was signed off";
    snprintf(buf, size, "went from %s to %s", from ? from : "(none)", to);
    return buf;
}

/* Refuses a status change to `to` dated `on` before the latest status
 * change recorded for the action: the history would then read out of
 * order, and what reports as of past dates showed would change. */
static int check_after(sp_db *db, sqlite3_stmt *st, const char *path, const char *what,
                       const char *on, const char *to)
{
    const char *last = (const char *)sqlite3_column_text(st, 0);
    const char *from = (const char *)sqlite3_column_text(st, 1);
    const char *was = (const char *)sqlite3_column_text(st, 2);
    char buf[64];
    if (!last || !was || strcmp(on, last) >= 0)
        return SP_OK;
    return sp_fail(db, SP_EINVALID, "%s %s is before %s, when action %s %s: %s", what, on,
                   last, path, change_words(buf, sizeof buf, from, was),
                   strcmp(to, "signed_off") == 0 && strcmp(was, "complete") == 0
                       ? "a sign-off cannot be dated before the claim it signs off"
                       : "a status change cannot be dated before the one it follows");
}

int sp_status_date_refuse(sp_db *db, sqlite3_stmt *st, const char *path, const char *what,
                          const char *on, const char *to)
{
    return check_after(db, st, path, what, on, to);
}

int sp_status_date_check(sp_db *db, int64_t action_id, const char *path, const char *what,
                         const char *on, const char *to)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "progress/last_change");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    int step = sqlite3_step(st);
    rc = step == SQLITE_ROW    ? check_after(db, st, path, what, on, to)
         : step == SQLITE_DONE ? SP_OK
                               : sp_fail_sql(db, "reading the latest status change");
    sqlite3_finalize(st);
    return rc;
}

/* What each new status needs besides being an allowed move. */
static int check_needs(sp_db *db, const char *to, const action_state *s, const sp_update *in)
{
    if (strcmp(to, "complete") == 0 && !in->note)
        return sp_fail(db, SP_EINVALID, "completing action %s needs a note of what was done",
                       s->path);
    if (strcmp(to, "signed_off") == 0 && !in->evidence && !in->no_evidence_reason)
        return sp_fail(db, SP_EINVALID, "signing off action %s needs evidence of impact "
                       "(what changed for children and families), or a reason why there "
                       "is none", s->path);
    if (strcmp(to, "signed_off") == 0 && in->evidence && in->no_evidence_reason)
        return sp_fail(db, SP_EINVALID, "signing off action %s: give evidence of impact or "
                       "a reason for having none, not both", s->path);
    if (strcmp(to, "signed_off") == 0)
        return sp_closure_check(db, s->id, s->path, in->author);
    if (strcmp(to, "transferred") == 0 && !in->transfer_to)
        return sp_fail(db, SP_EINVALID, "transferring action %s needs a destination (e.g. "
                       "the service plan the work moves to)", s->path);
    if (strcmp(to, "withdrawn") == 0 && !in->reason)
        return sp_fail(db, SP_EINVALID, "withdrawing action %s needs a reason", s->path);
    if (strcmp(s->status, "complete") == 0 && strcmp(to, "in_progress") == 0 && !in->reason)
        return sp_fail(db, SP_EINVALID, "returning action %s to in progress needs a reason "
                       "(what the claim of completion lacks)", s->path);
    return SP_OK;
}

static int check_status(sp_db *db, const resolved *r, const action_state *s,
                        const sp_update *in)
{
    if (in->transfer_to && (!r->status || strcmp(r->status, "transferred") != 0))
        return sp_fail(db, SP_EINVALID, "a transfer destination is only given with the "
                       "status transferred");
    if (in->no_evidence_reason && (!r->status || strcmp(r->status, "signed_off") != 0))
        return sp_fail(db, SP_EINVALID, "a reason for having no evidence is only given "
                       "when signing off");
    if (!r->status)
        return SP_OK;
    if (!sp_status_transition_ok(s->status, r->status))
        return sp_fail(db, SP_ECONFLICT, "action %s cannot go from %s to %s: allowed next "
                       "states: %s", s->path, s->status, r->status,
                       sp_status_next(s->status));
    int rc = check_needs(db, r->status, s, in);
    return rc == SP_OK ? sp_status_date_check(db, s->id, s->path, "--on", r->on, r->status)
                       : rc;
}

/* A revised due date, only for work still open once this update applies.
 * A timescale ("3 months") counts from the revision's date, not the start:
 * a revision is made on its day. A date already past on that day is
 * refused unless in->past says it is meant (recording a slip after the
 * event), so a typed year cannot silently make an action overdue. */
static int check_due(resolved *r, sp_db *db, const action_state *s, const sp_update *in)
{
    const char *after = r->status ? r->status : s->status;
    sp_timescale ts;
    if (!in->due)
        return SP_OK;
    if (s->cadence[0])
        return sp_fail(db, SP_ECONFLICT, "action %s reports every %s: its next report date "
                       "moves on with each update, so it has no due date to revise",
                       s->path, s->cadence);
    if (!in->reason && s->due[0]) /* an open-ended action's first date needs none */
        return sp_fail(db, SP_EINVALID, "revising the due date of action %s needs a reason",
                       s->path);
    if (!sp_status_open(after))
        return sp_fail(db, SP_ECONFLICT, "action %s is %s: only an open action's due date "
                       "can be revised", s->path, after);
    if (sp_timescale_parse(&ts, in->due, r->on) != SP_OK)
        return sp_fail_timescale(db, "due date", in->due, &ts);
    sp_timescale_ahead(&ts, r->on); /* "Completed March 2026": to be, by then */
    if (ts.kind != SP_DUE_DATE)
        return sp_fail(db, SP_EINVALID, "due date '%s' names no date: a due date can be "
                       "revised but not removed, and a cadence is set when the action is "
                       "added; expected a date or timescale such as 'end of March 2018'",
                       in->due);
    memcpy(r->due, ts.due, SP_DATE_SIZE);
    if (s->start[0] && strcmp(r->due, s->start) < 0)
        return sp_fail(db, SP_EINVALID, "due date %s ('%s') is before action %s started (%s)",
                       r->due, in->due, s->path, s->start);
    if (strcmp(r->due, s->due) == 0)
        return sp_fail(db, SP_EINVALID, "action %s is already due on %s", s->path, s->due);
    if (strcmp(r->due, r->on) < 0 && !in->past)
        return sp_fail(db, SP_EINVALID, "revised due date %s ('%s') is already past on %s, "
                       "the date of this update: give --past if that is meant", r->due,
                       in->due, r->on);
    return SP_OK;
}

static int check_rag(sp_db *db, const resolved *r, const action_state *s,
                     const sp_update *in)
{
    if (!r->rag)
        return SP_OK;
    if (!in->reason)
        return sp_fail(db, SP_EINVALID, "a RAG override on action %s needs a reason",
                       s->path);
    if (strcmp(r->rag, "none") == 0 && !s->overridden)
        return sp_fail(db, SP_EINVALID, "action %s has no RAG override to clear", s->path);
    return SP_OK;
}

/* Progress on a recurring action that stays open moves its next report
 * date on: one period and the grace after this update's date. The date
 * goes in the update's new_due_on, so the history replays it. */
static int roll_forward(resolved *r, sp_db *db, const action_state *s)
{
    const char *after = r->status ? r->status : s->status;
    char next[SP_DATE_SIZE];
    int grace;
    if (!s->cadence[0] || !sp_status_open(after))
        return SP_OK;
    int rc = sp_grace_days(&grace, db);
    if (rc != SP_OK)
        return rc;
    if (sp_cadence_next(next, r->on, s->cadence, grace) == SP_OK &&
        (!s->due[0] || strcmp(next, s->due) > 0))
        memcpy(r->due, next, SP_DATE_SIZE);
    return SP_OK;
}

static int check_against(resolved *r, sp_db *db, const action_state *s,
                         const sp_update *in)
{
    int rc = check_on_date(db, r, s);
    if (rc == SP_OK)
        rc = check_status(db, r, s, in);
    if (rc == SP_OK)
        rc = check_due(r, db, s, in);
    if (rc == SP_OK)
        rc = check_rag(db, r, s, in);
    if (rc == SP_OK)
        rc = roll_forward(r, db, s);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void bind_update(sqlite3_stmt *st, const resolved *r, const action_state *s,
                        const sp_update *in)
{
    sp_bind_text(st, ":on", r->on);
    sp_bind_text(st, ":author", in->author);
    sp_bind_text(st, ":note", in->note);
    sp_bind_text(st, ":evidence", in->evidence);
    sp_bind_text(st, ":no_evidence_reason", in->no_evidence_reason);
    if (r->percent >= 0)
        sp_bind_int(st, ":percent", r->percent);
    sp_bind_text(st, ":old_status", r->status ? s->status : NULL);
    sp_bind_text(st, ":new_status", r->status);
    sp_bind_text(st, ":old_due_on", r->due[0] && s->due[0] ? s->due : NULL);
    sp_bind_text(st, ":new_due_on", r->due[0] ? r->due : NULL);
    /* --due's words, kept as an action's first timescale is (a cadence's
     * next report date has none) */
    sp_bind_text(st, ":new_due_as_written", r->due[0] && in->due ? in->due : NULL);
    sp_bind_text(st, ":transferred_to", in->transfer_to);
    sp_bind_text(st, ":rag_override", r->rag);
    sp_bind_text(st, ":reason", in->reason);
}

static int insert_update(int64_t *id, sp_db *db, int64_t action_id, const resolved *r,
                         const action_state *s, const sp_update *in)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "progress/insert");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":action_id", action_id);
    bind_update(st, r, s, in);
    rc = sp_exec_stmt(db, st, "adding an update");
    sqlite3_finalize(st);
    *id = sqlite3_last_insert_rowid(db->sql);
    return rc;
}

int sp_action_update(int64_t *update_id, char due_out[SP_DATE_SIZE], sp_db *db,
                     int64_t action_id, const sp_update *in)
{
    resolved r;
    action_state s;
    int64_t id = 0;
    sp_clear(db);
    if (due_out)
        due_out[0] = '\0';
    int rc = check_update(&r, db, in);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = load_state(&s, db, action_id);
    if (rc == SP_OK)
        rc = check_against(&r, db, &s, in);
    if (rc == SP_OK)
        rc = insert_update(&id, db, action_id, &r, &s, in);
    if ((rc = sp_end_write(db, rc)) != SP_OK)
        return rc;
    if (update_id)
        *update_id = id;
    if (due_out)
        memcpy(due_out, r.due, SP_DATE_SIZE);
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

int sp_action_history(sp_cursor **out, sp_db *db, int64_t action_id)
{
    sqlite3_stmt *st;
    int64_t found = 0;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "ref/action_id");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    rc = sp_step_id(&found, db, st);
    sqlite3_finalize(st);
    if (rc == SP_ENOTFOUND)
        return sp_fail(db, rc, "no action with id %lld", (long long)action_id);
    if (rc != SP_OK || (rc = sp_prepare(&st, db, "progress/history")) != SP_OK)
        return rc;
    sp_bind_int(st, ":action_id", action_id);
    return sp_cursor_from_stmt(out, db, st);
}
