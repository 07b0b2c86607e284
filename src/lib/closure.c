/*
 * Closure with a second pair of eyes. An officer claims an action
 * complete; someone else (a manager, an auditor) verifies the claim by
 * signing it off, or returns it to in progress with a reason. Committees
 * ask "completed by whom, checked by whom?": the person who claimed the
 * work done may not also be the one who signs it off, whichever way the
 * sign-off arrives (the CLI, an import, the web service).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "progress.h"

/* Reads the latest claim of action_id into by/on (by NULL when there is
 * none); *same tells whether verifier made it. */
static int read_claim(char **by, char on[SP_DATE_SIZE], bool *same, sp_db *db,
                      int64_t action_id, const char *verifier)
{
    sqlite3_stmt *st;
    *by = NULL;
    on[0] = '\0';
    *same = false;
    int rc = sp_prepare(&st, db, "progress/claim");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    sp_bind_text(st, ":verifier", verifier ? verifier : "");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *author = (const char *)sqlite3_column_text(st, 0);
        const char *date = (const char *)sqlite3_column_text(st, 1);
        *by = strdup(author ? author : "");
        snprintf(on, SP_DATE_SIZE, "%s", date ? date : "");
        *same = sqlite3_column_int(st, 2) != 0;
        rc = *by ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
    } else {
        rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the claim of completion");
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_closure_check(sp_db *db, int64_t action_id, const char *path, const char *verifier)
{
    char *by, on[SP_DATE_SIZE];
    bool same;
    int rc = read_claim(&by, on, &same, db, action_id, verifier);
    if (rc == SP_OK && same)
        rc = sp_fail(db, SP_ECONFLICT,
                     "action %s was claimed complete by %s on %s: signing it off needs a "
                     "second person (a manager or an auditor), not the one who claimed it",
                     path, by, on);
    free(by);
    return rc;
}

int sp_action_claim(char **by, char on[SP_DATE_SIZE], sp_db *db, int64_t action_id)
{
    bool same;
    sp_clear(db);
    int rc = read_claim(by, on, &same, db, action_id, NULL);
    if (rc == SP_OK && !*by)
        rc = sp_fail(db, SP_ENOTFOUND, "action %lld has no claim of completion",
                     (long long)action_id);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Embedded: the optional step after signing off                       */

int sp_closure_backfill(sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "closure/backfill_accounts");
    if (rc == SP_OK) {
        rc = sp_exec_stmt(db, st, "recording the accounts already there");
        sqlite3_finalize(st);
    }
    return rc;
}

int sp_closure_set_embedded(sp_db *db, const char *value)
{
    sp_clear(db);
    const char *v = value ? value : "";
    int on = strcmp(v, "on") == 0 || strcmp(v, "1") == 0   ? 1
             : strcmp(v, "off") == 0 || strcmp(v, "0") == 0 ? 0
                                                              : -1;
    if (on < 0)
        return sp_fail(db, SP_EINVALID, "closure.embedded must be on or off (1 or 0), not '%s'",
                       v);
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "rag/set");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":key", "closure.embedded");
    sp_bind_int(st, ":value", on);
    rc = sp_exec_stmt(db, st, "saving closure.embedded");
    sqlite3_finalize(st);
    return rc;
}

/* Whether the embedded step is turned on for this plan. */
static int embedded_on(bool *on, sp_db *db)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "closure/embedded_on");
    if (rc != SP_OK)
        return rc;
    int step = sqlite3_step(st);
    *on = step == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    rc = step == SQLITE_ROW || step == SQLITE_DONE ? SP_OK
                                                   : sp_fail_sql(db, "reading closure.embedded");
    sqlite3_finalize(st);
    return rc;
}

/* The record's date may not come before the action started nor before
 * the sign-off it follows: an action embedded before it was signed off
 * would change what reports as of those dates showed. */
static int check_embed_date(sp_db *db, sqlite3_stmt *st, const char *path, const char *on)
{
    const char *start = (const char *)sqlite3_column_text(st, 2);
    const char *signed_off = (const char *)sqlite3_column_text(st, 3);
    if (signed_off && strcmp(on, signed_off) < 0)
        return sp_fail(db, SP_EINVALID, "--on %s is before %s, when action %s was signed "
                       "off: it cannot be recorded embedded before it was signed off", on,
                       signed_off, path);
    if (start && strcmp(on, start) < 0)
        return sp_fail(db, SP_EINVALID, "--on %s is before action %s started (%s)", on, path,
                       start);
    return SP_OK;
}

/* The action must be signed off, and on dated no earlier than that (read
 * inside the write transaction). */
static int check_signed_off(sp_db *db, int64_t action_id, const char *on)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "closure/status");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    int step = sqlite3_step(st);
    const char *status = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    const char *path = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 1) : NULL;
    if (step == SQLITE_DONE)
        rc = sp_fail(db, SP_ENOTFOUND, "no action with id %lld", (long long)action_id);
    else if (step != SQLITE_ROW)
        rc = sp_fail_sql(db, "reading the action");
    else if (!status || strcmp(status, "signed_off") != 0)
        rc = sp_fail(db, SP_EINVALID, "action %s is %s: only a signed-off action can be "
                     "recorded embedded (someone other than the claimant signs it off first)",
                     path ? path : "?", status ? status : "?");
    else
        rc = check_embed_date(db, st, path ? path : "?", on);
    sqlite3_finalize(st);
    return rc;
}

static int insert_embedded(sp_db *db, int64_t action_id, const char *on, const char *author,
                           const char *evidence)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "closure/embed");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    sp_bind_text(st, ":on", on);
    sp_bind_text(st, ":author", author);
    sp_bind_text(st, ":evidence", evidence);
    rc = sp_exec_stmt(db, st, "recording the action embedded");
    sqlite3_finalize(st);
    return rc;
}

static bool blank(const char *s)
{
    while (s && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++;
    return !s || !*s;
}

int sp_action_embed(sp_db *db, int64_t action_id, const char *on, const char *author,
                    const char *evidence)
{
    char date[SP_DATE_SIZE];
    bool enabled = false;
    sp_clear(db);
    if (blank(evidence))
        return sp_fail(db, SP_EINVALID, "recording an action embedded needs --evidence: what "
                       "shows the change has lasted");
    if (blank(author))
        return sp_fail(db, SP_EINVALID, "recording an action embedded needs an author");
    int rc = sp_check_name(db, "the author (--by)", author);
    if (rc == SP_OK)
        rc = sp_update_date(date, db, on);
    if (rc == SP_OK)
        rc = embedded_on(&enabled, db);
    if (rc == SP_OK && !enabled)
        rc = sp_fail(db, SP_ECONFLICT, "the embedded step is off for this plan: turn it on "
                     "with 'safeplan config set closure.embedded on'");
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    rc = check_signed_off(db, action_id, date);
    if (rc == SP_OK)
        rc = insert_embedded(db, action_id, date, author, evidence);
    return sp_end_write(db, rc);
}

int sp_action_embedded(sp_cursor **out, sp_db *db, int64_t action_id)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "closure/embedded");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", action_id);
    return sp_cursor_from_stmt(out, db, st);
}

int sp_account_events(sp_cursor **out, sp_db *db)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "closure/events");
    return rc == SP_OK ? sp_cursor_from_stmt(out, db, st) : rc;
}

int sp_awaiting_verification(sp_cursor **out, sp_db *db, const char *as_of)
{
    sp_filter every = {.include_void = 1}; /* as it always was: voided actions too */
    return sp_awaiting_verification_where(out, db, as_of, &every);
}

/* The list is sorted by ids and dates alone (ids, the filters' or the
 * given actions'), and each row is then read by its id (awaiting), so that
 * memory does not hold the whole list's text. Owns ids. */
static int awaiting_sorted(sp_cursor **out, sp_db *db, const char *date, sqlite3_stmt *ids)
{
    sqlite3_stmt *st;
    sp_bind_text(ids, ":as_of", date);
    int rc = sp_prepare(&st, db, "closure/awaiting");
    if (rc != SP_OK) {
        sqlite3_finalize(ids);
        return rc;
    }
    sp_bind_text(st, ":as_of", date);
    return sp_cursor_grouped(out, db, st, ids, ":action_id");
}

static int awaiting_date(char date[SP_DATE_SIZE], sp_db *db, const char *as_of)
{
    if (!as_of) {
        sp_today(db, date);
        return SP_OK;
    }
    if (sp_date_parse(date, as_of) != SP_OK)
        return sp_fail(db, SP_EINVALID, "'%s' is not a valid date: expected YYYY-MM-DD or "
                       "DD/MM/YYYY", as_of);
    return SP_OK;
}

int sp_awaiting_verification_where(sp_cursor **out, sp_db *db, const char *as_of,
                                   const sp_filter *filter)
{
    sqlite3_stmt *ids;
    sp_filter none = {0};
    char date[SP_DATE_SIZE];
    *out = NULL;
    sp_clear(db);
    int rc = awaiting_date(date, db, as_of);
    if (rc != SP_OK)
        return rc;
    const sp_filter *f = filter ? filter : &none;
    rc = sp_prepare_filtered(&ids, db, "closure/awaiting_in_order", f, false);
    if (rc == SP_OK && (rc = sp_bind_filter(ids, db, date, f)) != SP_OK)
        sqlite3_finalize(ids);
    return rc == SP_OK ? awaiting_sorted(out, db, date, ids) : rc;
}

int sp_awaiting_among(sp_cursor **out, sp_db *db, const char *as_of, const char *ids_json)
{
    sqlite3_stmt *ids;
    char date[SP_DATE_SIZE];
    *out = NULL;
    sp_clear(db);
    int rc = awaiting_date(date, db, as_of);
    if (rc == SP_OK && (rc = sp_prepare(&ids, db, "closure/awaiting_among")) == SP_OK) {
        sp_bind_text(ids, ":ids", ids_json);
        rc = awaiting_sorted(out, db, date, ids);
    }
    return rc;
}
