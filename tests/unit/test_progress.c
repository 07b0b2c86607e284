/* Progress: progress.c, progress_bulk.c, progress_config.c — updates and the
 * status lifecycle, revised timescales, append-only history, RAG overrides,
 * bulk reassignment and transfer, and settings, on a real database file. */
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define TODAY "2017-07-01"
#define AUTHOR "Test Officer"
/* Closure takes two people: whoever signs off did not claim completion. */
#define VERIFIER "Head of Service"

static const char *const states[] = {"not_started", "in_progress", "complete",
                                     "signed_off", "transferred", "withdrawn"};
#define NSTATES 6

/* The lifecycle as the issue states it (independent of enums.c). */
static bool spec_allows(const char *from, const char *to)
{
    static const char *const allowed[][2] = {
        {"not_started", "in_progress"}, {"not_started", "transferred"},
        {"not_started", "withdrawn"},   {"in_progress", "complete"},
        {"in_progress", "transferred"}, {"in_progress", "withdrawn"},
        {"complete", "signed_off"},     {"complete", "in_progress"}};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (strcmp(allowed[i][0], from) == 0 && strcmp(allowed[i][1], to) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static void plan(void)
{
    fx_minimal_plan();
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
}

static void add_review(const char *ref)
{
    char review[32];
    snprintf(review, sizeof review, "tb/%s", ref);
    sp_review_new r = {.authority = "tb", .ref = ref, .kind = "ofsted_inspection",
                       .title = "Ofsted inspection"};
    ck_assert_msg(sp_review_add(NULL, fx_db, &r) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_finding_new f = {.review = review, .ref = "1", .kind = "recommendation",
                        .theme = "Vision, strategy and leadership", .text = "Lead"};
    ck_assert_msg(sp_finding_add(NULL, fx_db, &f) == SP_OK, "%s", sp_errmsg(fx_db));
}

static int64_t add_action_in(const char *finding, const char *owner, const char *start,
                             const char *due)
{
    int64_t id = 0;
    sp_action_new a = {.finding = finding, .title = "Streamline the paperwork",
                       .owner = owner, .start = start, .due = due};
    ck_assert_msg(sp_action_add(&id, NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    return id;
}

static int64_t add_action(const char *start, const char *due)
{
    return add_action_in("tb/r1/1", "Head of Service", start, due);
}

/* A stored field of the action (via the public API), copied into buf. */
static const char *field(int64_t id, const char *name, char *buf, size_t size)
{
    sp_cursor *c;
    ck_assert_int_eq(sp_action_get(&c, fx_db, id), SP_OK);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    bool found = false;
    buf[0] = '\0';
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        if (strcmp(sp_cursor_name(c, i), name) != 0)
            continue;
        const char *v = sp_cursor_text(c, i);
        snprintf(buf, size, "%s", v ? v : "(null)");
        found = true;
    }
    sp_cursor_free(c);
    ck_assert_msg(found, "no column %s", name);
    return buf;
}

#define FIELD(id, name) field((id), (name), (char[256]){0}, 256)

static long long updates_of(int64_t id)
{
    char q[128];
    snprintf(q, sizeof q, "SELECT count(*) FROM action_update WHERE action_id = %lld",
             (long long)id);
    return fx_raw_int(fx_path, q);
}

static int update(int64_t id, sp_update in)
{
    if (!in.author)
        in.author = AUTHOR;
    return sp_action_update(NULL, NULL, fx_db, id, &in);
}

static void ok_update(int64_t id, sp_update in)
{
    int rc = update(id, in);
    ck_assert_msg(rc == SP_OK, "update: %s", sp_errmsg(fx_db));
}

/* Everything any status change could need, so only the lifecycle decides. */
static sp_update full_update(const char *to)
{
    sp_update in = {.status = to, .note = "done what was planned",
                    .evidence = "case audits show plans are now shared with families",
                    .reason = "agreed at the improvement board"};
    if (strcmp(to, "transferred") == 0)
        in.transfer_to = "Children's Services service plan 2017/18";
    if (strcmp(to, "signed_off") == 0)
        in.author = VERIFIER;
    return in;
}

/* Drives a new action from not_started to `state` through allowed moves. */
static void drive_to(int64_t id, const char *state)
{
    static const char *const path_complete[] = {"in_progress", "complete", NULL};
    static const char *const path_signed[] = {"in_progress", "complete", "signed_off", NULL};
    static const char *const path_ip[] = {"in_progress", NULL};
    const char *const *path = NULL;
    if (strcmp(state, "in_progress") == 0)
        path = path_ip;
    else if (strcmp(state, "complete") == 0)
        path = path_complete;
    else if (strcmp(state, "signed_off") == 0)
        path = path_signed;
    else if (strcmp(state, "not_started") != 0) {
        ok_update(id, full_update(state));
        return;
    }
    for (; path && *path; path++)
        ok_update(id, full_update(*path));
    ck_assert_str_eq(FIELD(id, "status"), state);
}

/* ------------------------------------------------------------------ */
/* The status lifecycle                                                */

/* Every pair (from, to) of the six states: 36 cases. */
START_TEST(every_transition)
{
    const char *from = states[_i / NSTATES], *to = states[_i % NSTATES];
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, from);
    long long before = updates_of(id);
    int rc = update(id, full_update(to));
    char msg[512];
    snprintf(msg, sizeof msg, "%s", sp_errmsg(fx_db));
    if (spec_allows(from, to)) {
        ck_assert_msg(rc == SP_OK, "%s -> %s refused: %s", from, to, sp_errmsg(fx_db));
        ck_assert_str_eq(FIELD(id, "status"), to);
        ck_assert_int_eq(updates_of(id), before + 1);
        return;
    }
    ck_assert_msg(rc == SP_ECONFLICT, "%s -> %s gave %d", from, to, rc);
    ck_assert_str_eq(FIELD(id, "status"), from);
    ck_assert_int_eq(updates_of(id), before);
    ck_assert_msg(strstr(msg, "allowed next states"), "'%s'", msg);
    bool any = false;
    for (int k = 0; k < NSTATES; k++) {
        if (!spec_allows(from, states[k]))
            continue;
        any = true;
        ck_assert_msg(strstr(msg, states[k]), "'%s' does not list %s", msg, states[k]);
    }
    if (!any)
        ck_assert_msg(strstr(msg, "none"), "'%s' should say none", msg);
}
END_TEST

START_TEST(status_spellings)
{
    plan();
    const char *spellings[] = {"In progress", "in-progress", "IN_PROGRESS", "in progress"};
    for (size_t i = 0; i < 4; i++) {
        int64_t id = add_action("2017-04-01", "2017-12-31");
        ok_update(id, (sp_update){.status = spellings[i]});
        ck_assert_str_eq(FIELD(id, "status"), "in_progress");
    }
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(id, (sp_update){.status = "sorted"}), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "'sorted'"));
    ck_assert_int_eq(updates_of(id), 0);
}
END_TEST

START_TEST(completing_needs_a_note)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "in_progress");
    ck_assert_int_eq(update(id, (sp_update){.status = "complete"}), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "note"));
    ck_assert_str_eq(FIELD(id, "status"), "in_progress");
    ok_update(id, (sp_update){.status = "complete", .note = "all ICS fields reviewed"});
    ck_assert_str_eq(FIELD(id, "status"), "complete");
}
END_TEST

START_TEST(signing_off_needs_evidence)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "complete");
    ck_assert_int_eq(update(id, (sp_update){.status = "signed_off"}), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "evidence"));
    ck_assert_int_eq(update(id, (sp_update){.status = "signed_off", .evidence = "e",
                                            .no_evidence_reason = "r"}),
                     SP_EINVALID);
    ck_assert_str_eq(FIELD(id, "status"), "complete");
    ok_update(id, (sp_update){.status = "signed_off", .author = VERIFIER,
                              .no_evidence_reason = "impact measured at next audit"});
    ck_assert_str_eq(FIELD(id, "status"), "signed_off");
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
                                         "no_evidence_reason = 'impact measured at next audit'"
                                         " AND new_status = 'signed_off'"),
                     1);
}
END_TEST

/* The claimant cannot sign off (names compared trimmed, case aside); a
 * second person can, or returns the claim with a reason. */
START_TEST(closure_needs_a_second_person)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "complete");
    long long before = updates_of(id);
    ck_assert_int_eq(update(id, (sp_update){.status = "signed_off", .evidence = "e",
                                            .author = "  test OFFICER "}),
                     SP_ECONFLICT);
    ck_assert_str_eq(sp_errmsg(fx_db), "action tb/r1/1/1 was claimed complete by Test Officer "
                                       "on 2017-07-01: signing it off needs a second person "
                                       "(a manager or an auditor), not the one who claimed it");
    ck_assert_int_eq(updates_of(id), before);
    char *by = NULL, on[SP_DATE_SIZE];
    ck_assert_int_eq(sp_action_claim(&by, on, fx_db, id), SP_OK);
    ck_assert_str_eq(by, AUTHOR);
    ck_assert_str_eq(on, "2017-07-01");
    sp_free(by);
    /* Returned: a reason is needed; then claimed again and verified. */
    ck_assert_int_eq(update(id, (sp_update){.status = "in_progress", .author = VERIFIER}),
                     SP_EINVALID);
    ok_update(id, (sp_update){.status = "in_progress", .author = VERIFIER,
                              .reason = "no evidence that plans reach families"});
    ok_update(id, full_update("complete"));
    ok_update(id, full_update("signed_off"));
    ck_assert_str_eq(FIELD(id, "status"), "signed_off");
    int64_t fresh = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(sp_action_claim(&by, on, fx_db, fresh), SP_ENOTFOUND);
}
END_TEST

/* The claimant spelt with a tab, a newline, a no-break or zero-width
 * space, a doubled space or in other capitals is still the claimant: a
 * control character is refused as no name, the rest as the same person. */
START_TEST(claimant_spelt_otherwise_cannot_sign_off)
{
    static const struct {
        const char *by;
        int rc;
    } tries[] = {
        {"Test Officer\t", SP_EINVALID},           {"Test Officer\n", SP_EINVALID},
        {"Test\tOfficer", SP_EINVALID},            {"Test Officer\xc2\x85", SP_EINVALID},
        {"Test Officer\xc2\xa0", SP_ECONFLICT},    {"\xe2\x80\x8bTest Officer", SP_ECONFLICT},
        {"Test\xe2\x80\x8b Officer", SP_ECONFLICT}, {"Test  Officer", SP_ECONFLICT},
        {"TEST officer", SP_ECONFLICT},            {"\xef\xbb\xbfTest\xe3\x80\x80Officer", SP_ECONFLICT},
    };
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "complete");
    long long before = updates_of(id);
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        int rc = update(id, (sp_update){.status = "signed_off", .evidence = "e",
                                        .author = tries[i].by});
        ck_assert_msg(rc == tries[i].rc, "try %zu: %d (%s)", i, rc, sp_errmsg(fx_db));
    }
    ck_assert_int_eq(updates_of(id), before);
    ck_assert_str_eq(FIELD(id, "status"), "complete");
    ok_update(id, (sp_update){.status = "signed_off", .evidence = "e", .author = "Test Officer2"});
}
END_TEST

/* A claim stored before names were checked, with a tab and a no-break
 * space, is still caught when its author signs off under the plain name. */
START_TEST(old_claim_with_odd_spaces_still_caught)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "complete");
    ck_assert_int_eq(fx_raw_exec(fx_path, "DROP TRIGGER action_update_no_update; "
                                          "UPDATE action_update SET author = char(9) || "
                                          "'test  officer' || char(160) "
                                          "WHERE new_status = 'complete'"),
                     0);
    ck_assert_int_eq(update(id, (sp_update){.status = "signed_off", .evidence = "e"}),
                     SP_ECONFLICT);
}
END_TEST

/* Names are one line: authors and owner names refuse control characters
 * and say which; notes may hold several lines. */
START_TEST(names_are_one_line)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(id, (sp_update){.note = "n", .author = "Ann\tLee"}), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "update author contains a tab: a name is one line of text");
    ck_assert_int_eq(update(id, (sp_update){.note = "n", .author = "Ann\x01"}), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "update author contains a control character (U+0001): "
                                       "a name is one line of text");
    sp_owner_new o = {.name = "Head of\nService"};
    ck_assert_int_eq(sp_owner_add(NULL, fx_db, &o), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "owner name contains a newline: a name is one line of text");
    ok_update(id, (sp_update){.note = "first line\nsecond line\ttabbed"});
}
END_TEST

/* Direction controls: none in a name (all invisible); in text, each line
 * closes what it opens, as UAX #9 nests them (a PDF never closes an
 * isolate; a PDI closes its isolate and what was opened inside it). */
START_TEST(direction_controls)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(id, (sp_update){.note = "n", .author = "Ann \u202aLee\u202c"}),
                     SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "update author contains an invisible left-to-right "
                                       "embedding (U+202A): a name needs none, so remove it");
    ck_assert_int_eq(update(id, (sp_update){.note = "n", .author = "Ann\u061cLee"}), SP_EINVALID);
    static const char *const open_notes[] = {
        "a\u202eb", "\u2067a\u202c", "\u202ba\u2067b\u202a c\u2069", "a\u202db\nc\u202c",
        "\u2068a\u2069\u2066", "a\u202eb\r\u202c"};
    for (size_t i = 0; i < sizeof open_notes / sizeof open_notes[0]; i++) {
        ck_assert_int_eq(update(id, (sp_update){.note = open_notes[i]}), SP_EINVALID);
        ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "that its line does not close"));
    }
    ok_update(id, (sp_update){.note = "\u202ba\u2067b\u202a c\u2069\u202c\n\u200fd\u2069"});
    ok_update(id, (sp_update){.note = "\u2067a\u202ab\u2069 \u202ec\u202c"});

    char out[SP_BIDI_CLOSERS_SIZE];
    ck_assert_int_eq(sp_bidi_closers("plain", out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(sp_bidi_closers(NULL, out), 0);
    ck_assert_int_eq(sp_bidi_closers("a\u202eb", out), 1);
    ck_assert_str_eq(out, "\u202c");
    ck_assert_int_eq(sp_bidi_closers("\u2067a\u202ab", out), 2);
    ck_assert_str_eq(out, "\u202c\u2069"); /* the innermost first */
    ck_assert_int_eq(sp_bidi_closers("\u2067a\u202c", out), 1);
    ck_assert_str_eq(out, "\u2069");
    ck_assert_int_eq(sp_bidi_closers("\u202ba\u2067b\u202a c\u2069", out), 1);
    ck_assert_str_eq(out, "\u202c");
    ck_assert_int_eq(sp_bidi_closers("\u202c\u2069x\u202ey\u202c", out), 0);
    /* A stored line end does not close anything on a page: the text's end does. */
    ck_assert_int_eq(sp_bidi_closers("a\u202eb\nc", out), 1);
    char deep[3 * 200 + 1] = "";
    for (int i = 0; i < 200; i++)
        strcat(deep, "\u202e");
    ck_assert_int_eq(sp_bidi_closers(deep, out), 125); /* UAX #9 ignores the rest */
    ck_assert_uint_eq(strlen(out), 3 * 125);
}
END_TEST

/* A status change is never dated before the one it follows, nor a
 * sign-off before its claim; a note may be logged late, and two changes
 * may share a day. */
START_TEST(status_changes_keep_their_order)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ok_update(id, (sp_update){.status = "in_progress", .on = "2017-05-02"});
    ck_assert_int_eq(update(id, (sp_update){.status = "complete", .note = "done",
                                            .on = "2017-05-01"}),
                     SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "--on 2017-05-01 is before 2017-05-02, when action "
                                       "tb/r1/1/1 went from not_started to in_progress: a "
                                       "status change cannot be dated before the one it follows");
    ok_update(id, (sp_update){.note = "met in April", .on = "2017-04-20"});
    ok_update(id, (sp_update){.status = "complete", .note = "done", .on = "2017-05-02"});
    ck_assert_int_eq(update(id, (sp_update){.status = "signed_off", .evidence = "e",
                                            .author = VERIFIER, .on = "2017-04-30"}),
                     SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "--on 2017-04-30 is before 2017-05-02, when action "
                                       "tb/r1/1/1 was claimed complete: a sign-off cannot be "
                                       "dated before the claim it signs off");
    ck_assert_str_eq(FIELD(id, "status"), "complete");
    ok_update(id, (sp_update){.status = "signed_off", .evidence = "e", .author = VERIFIER,
                              .on = "2017-05-03"});
}
END_TEST

START_TEST(transfer_needs_destination)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(id, (sp_update){.status = "transferred"}), SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.status = "in_progress", .transfer_to = "x"}),
                     SP_EINVALID);
    ck_assert_int_eq(updates_of(id), 0);
    ok_update(id, (sp_update){.status = "Transferred", .transfer_to = "Service plan 2017/18"});
    ck_assert_str_eq(FIELD(id, "transferred_to"), "Service plan 2017/18");
    const char *rag;
    char *reason;
    ck_assert_int_eq(sp_action_rag(&rag, &reason, fx_db, id, NULL), SP_OK);
    ck_assert_str_eq(rag, "grey");
    ck_assert_str_eq(reason, "grey: transferred to Service plan 2017/18");
    sp_free(reason);
}
END_TEST

START_TEST(withdrawing_and_reopening_need_a_reason)
{
    plan();
    int64_t a = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(a, (sp_update){.status = "withdrawn"}), SP_EINVALID);
    ck_assert_str_eq(FIELD(a, "status"), "not_started");
    ok_update(a, (sp_update){.status = "withdrawn", .reason = "superseded by the new plan"});
    int64_t b = add_action("2017-04-01", "2017-12-31");
    drive_to(b, "complete");
    ck_assert_int_eq(update(b, (sp_update){.status = "in_progress"}), SP_EINVALID);
    ck_assert_str_eq(FIELD(b, "status"), "complete");
    ok_update(b, (sp_update){.status = "in_progress", .reason = "audit found gaps"});
    ck_assert_str_eq(FIELD(b, "status"), "in_progress");
}
END_TEST

START_TEST(no_evidence_reason_only_when_signing_off)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    drive_to(id, "in_progress");
    ck_assert_int_eq(update(id, (sp_update){.status = "complete", .note = "n",
                                            .no_evidence_reason = "r"}),
                     SP_EINVALID);
    ck_assert_str_eq(FIELD(id, "status"), "in_progress");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Timescales                                                          */

static const struct {
    const char *text, *want;
} due_forms[] = {
    {"2017-09-30", "2017-09-30"},     {"30/09/2017", "2017-09-30"},
    {"30-09-2017", "2017-09-30"},     {"3 months", "2017-10-01"},
    {"within 3 months", "2017-10-01"}, {"6m", "2018-01-01"},
    {"12 weeks", "2017-09-23"},       {"10 days", "2017-07-11"},
    {"1 year", "2018-07-01"},         {"March 2018", "2018-03-31"},
    {"end of March 2018", "2018-03-31"}, {"by July 2017", "2017-07-31"},
    {"mid July 2017", "2017-07-15"},  {"mid-July 2017", "2017-07-15"},
    {"Q2 2017/18", "2017-09-30"},     {"Q4 2017/18", "2018-03-31"},
    {"end of 2017/18", "2018-03-31"}, {"end of the 2017/18 financial year", "2018-03-31"},
};

/* Each form reaches the action; a timescale counts from the revision's
 * date (today, 2017-07-01), not from the start date (2017-04-01). */
/* A timescale in a back-dated revision counts from the revision's date
 * (issue 12): "3 months" on 2017-06-30 is 2017-09-30, whatever the start. */
START_TEST(timescale_counts_from_revision_date)
{
    plan();
    int64_t id = add_action("2017-01-01", "2017-06-30");
    char due[SP_DATE_SIZE];
    sp_update in = {.author = AUTHOR, .due = "3 months", .reason = "delay", .on = "2017-06-30"};
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_OK);
    ck_assert_str_eq(due, "2017-09-30");
}
END_TEST

/* A revised date already past on the update's date needs .past. */
START_TEST(past_revision_needs_past)
{
    plan();
    int64_t id = add_action("2017-01-01", "2017-06-30");
    char due[SP_DATE_SIZE];
    sp_update in = {.author = AUTHOR, .due = "2017-05-31", .reason = "late record"};
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "--past"));
    ck_assert_str_eq(FIELD(id, "due_on"), "2017-06-30");
    in.on = "2017-05-01"; /* not past on the day it was decided */
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_OK);
    in.on = NULL;
    in.due = "2017-06-15";
    in.past = 1;
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_OK);
    ck_assert_str_eq(FIELD(id, "due_on"), "2017-06-15");
}
END_TEST

START_TEST(due_form_reaches_action)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    char due[SP_DATE_SIZE];
    sp_update in = {.author = AUTHOR, .due = due_forms[_i].text, .reason = "partner delay"};
    int rc = sp_action_update(NULL, due, fx_db, id, &in);
    ck_assert_msg(rc == SP_OK, "'%s': %s", due_forms[_i].text, sp_errmsg(fx_db));
    ck_assert_str_eq(due, due_forms[_i].want);
    ck_assert_str_eq(FIELD(id, "due_on"), due_forms[_i].want);
    ck_assert_str_eq(FIELD(id, "original_due_on"), "2017-06-30");
}
END_TEST

static const char *const bad_due_forms[] = {"Q5 2017/18", "31/02/2017", "end of Smarch",
                                            "13 months ago", "2017-13-01", "soon", ""};

START_TEST(bad_due_form_refused)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    char due[SP_DATE_SIZE] = "unset";
    sp_update in = {.author = AUTHOR, .due = bad_due_forms[_i], .reason = "r",
                    .status = "in_progress", .note = "started"};
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_EINVALID);
    char quoted[64];
    snprintf(quoted, sizeof quoted, "'%s'", bad_due_forms[_i]);
    ck_assert_msg(strstr(sp_errmsg(fx_db), quoted), "'%s' does not name %s",
                  sp_errmsg(fx_db), quoted);
    ck_assert_str_eq(due, "");
    ck_assert_str_eq(FIELD(id, "due_on"), "2017-06-30");
    ck_assert_str_eq(FIELD(id, "status"), "not_started"); /* the status part too */
    ck_assert_int_eq(updates_of(id), 0);
}
END_TEST

START_TEST(relative_due_without_start_counts_from_today)
{
    plan();
    int64_t id = add_action(NULL, "2017-06-30");
    char due[SP_DATE_SIZE];
    sp_update in = {.author = AUTHOR, .due = "3 months", .reason = "r"};
    ck_assert_int_eq(sp_action_update(NULL, due, fx_db, id, &in), SP_OK);
    ck_assert_str_eq(due, "2017-10-01");
}
END_TEST

START_TEST(due_revision_keeps_original)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    ck_assert_int_eq(update(id, (sp_update){.due = "Q2 2017/18"}), SP_EINVALID); /* no reason */
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "reason"));
    ok_update(id, (sp_update){.due = "Q2 2017/18", .reason = "recruitment delayed"});
    ok_update(id, (sp_update){.due = "end of 2017/18", .reason = "again"});
    ck_assert_str_eq(FIELD(id, "original_due_on"), "2017-06-30");
    ck_assert_str_eq(FIELD(id, "due_on"), "2018-03-31");
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
                                         "old_due_on = '2017-06-30' AND new_due_on = "
                                         "'2017-09-30' AND reason = 'recruitment delayed'"),
                     1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
                                         "old_due_on = '2017-09-30' AND new_due_on = "
                                         "'2018-03-31'"),
                     1);
    /* The same date again, or a date before the start, is refused. */
    ck_assert_int_eq(update(id, (sp_update){.due = "31/03/2018", .reason = "r"}), SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.due = "2017-03-01", .reason = "r"}), SP_EINVALID);
    ck_assert_int_eq(updates_of(id), 2);
    /* Even raw SQL cannot rewrite the original. */
    ck_assert_int_ne(fx_raw_exec(fx_path, "UPDATE action SET original_due_on = '2018-03-31'"),
                     SQLITE_OK);
    ck_assert_str_eq(FIELD(id, "original_due_on"), "2017-06-30");
}
END_TEST

START_TEST(due_revision_only_while_open)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    drive_to(id, "complete");
    ck_assert_int_eq(update(id, (sp_update){.due = "Q2 2017/18", .reason = "r"}), SP_ECONFLICT);
    /* Reopening and revising together is one open result: allowed. */
    ok_update(id, (sp_update){.status = "in_progress", .due = "Q2 2017/18", .reason = "gaps"});
    ck_assert_str_eq(FIELD(id, "due_on"), "2017-09-30");
}
END_TEST

/* ------------------------------------------------------------------ */
/* The entry itself                                                    */

START_TEST(empty_update_refused)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ck_assert_int_eq(update(id, (sp_update){0}), SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.reason = "only a reason", .on = "2017-06-01"}),
                     SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.note = "  \n"}), SP_EINVALID);
    ck_assert_int_eq(updates_of(id), 0);
    ck_assert_str_eq(FIELD(id, "last_update_on"), "(null)");
}
END_TEST

START_TEST(author_required)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    sp_update in = {.note = "n"};
    ck_assert_int_eq(sp_action_update(NULL, NULL, fx_db, id, &in), SP_EINVALID);
    in.author = " ";
    ck_assert_int_eq(sp_action_update(NULL, NULL, fx_db, id, &in), SP_EINVALID);
    ck_assert_int_eq(updates_of(id), 0);
}
END_TEST

START_TEST(unknown_action)
{
    plan();
    sp_update in = {.author = AUTHOR, .note = "n"};
    ck_assert_int_eq(sp_action_update(NULL, NULL, fx_db, 999, &in), SP_ENOTFOUND);
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_action_history(&c, fx_db, 999), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "999"));
    ck_assert_ptr_null(c);
}
END_TEST

START_TEST(update_dates)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    int64_t uid = 0;
    sp_update in = {.author = AUTHOR, .note = "n"};
    ck_assert_int_eq(sp_action_update(&uid, NULL, fx_db, id, &in), SP_OK);
    ck_assert_int_gt(uid, 0);
    ck_assert_str_eq(FIELD(id, "last_update_on"), TODAY);
    in.on = "15/06/2017";
    ck_assert_int_eq(sp_action_update(NULL, NULL, fx_db, id, &in), SP_OK);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update "
                                         "WHERE on_date = '2017-06-15'"), 1);
    ck_assert_str_eq(FIELD(id, "last_update_on"), TODAY); /* the latest date stays */
    const char *bad[] = {"2017-07-02", "2017-03-31", "2017-02-30", "yesterday"};
    for (size_t i = 0; i < 4; i++) {
        in.on = bad[i];
        ck_assert_msg(sp_action_update(NULL, NULL, fx_db, id, &in) == SP_EINVALID, "%s", bad[i]);
    }
    ck_assert_int_eq(updates_of(id), 2);
}
END_TEST

START_TEST(percent_complete)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    const char *good[] = {"0", "50", "100%"}, *bad[] = {"101", "-1", "5.5", "abc", "50 %", ""};
    for (size_t i = 0; i < 3; i++)
        ok_update(id, (sp_update){.percent = good[i]});
    for (size_t i = 0; i < 6; i++)
        ck_assert_msg(update(id, (sp_update){.percent = bad[i]}) == SP_EINVALID, "%s", bad[i]);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT sum(percent) FROM action_update"), 150);
    ck_assert_int_eq(updates_of(id), 3);
}
END_TEST

START_TEST(history_in_order_with_changes)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    ok_update(id, (sp_update){.status = "in progress", .note = "kick-off held", .on = "2017-04-03"});
    ok_update(id, (sp_update){.due = "Q2 2017/18", .reason = "IT supplier", .percent = "40"});
    static const char *const columns[] = {
        "id", "on_date", "recorded_at", "author", "old_status", "new_status", "old_due_on",
        "new_due_on", "old_owner", "new_owner", "transferred_to", "old_rag_override",
        "new_rag_override", "percent", "note", "evidence", "no_evidence_reason", "reason",
        "new_due_as_written"};
    sp_cursor *c;
    ck_assert_int_eq(sp_action_history(&c, fx_db, id), SP_OK);
    ck_assert_int_eq(sp_cursor_columns(c), 19);
    for (int i = 0; i < 19; i++)
        ck_assert_str_eq(sp_cursor_name(c, i), columns[i]);
    ck_assert_int_eq(sp_cursor_type(c, 1), SP_COL_DATE);
    ck_assert_int_eq(sp_cursor_type(c, 13), SP_COL_INT);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 1), "2017-04-03");
    ck_assert_str_eq(sp_cursor_text(c, 3), AUTHOR);
    ck_assert_str_eq(sp_cursor_text(c, 4), "not_started");
    ck_assert_str_eq(sp_cursor_text(c, 5), "in_progress");
    ck_assert_ptr_null(sp_cursor_text(c, 7));
    ck_assert_str_eq(sp_cursor_text(c, 14), "kick-off held");
    ck_assert_ptr_null(sp_cursor_text(c, 18)); /* no revision, no words */
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_ptr_null(sp_cursor_text(c, 5));
    ck_assert_str_eq(sp_cursor_text(c, 6), "2017-06-30");
    ck_assert_str_eq(sp_cursor_text(c, 7), "2017-09-30");
    ck_assert_int_eq(sp_cursor_int(c, 13), 40);
    ck_assert_str_eq(sp_cursor_text(c, 17), "IT supplier");
    ck_assert_str_eq(sp_cursor_text(c, 18), "Q2 2017/18"); /* the revision as written */
    ck_assert_int_eq(sp_cursor_step(c), SP_DONE);
    sp_cursor_free(c);
}
END_TEST

/* The database itself refuses to rewrite history, whatever the client. */
START_TEST(history_is_append_only)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-12-31");
    ok_update(id, (sp_update){.note = "the original words"});
    ck_assert_int_eq(fx_raw_exec(fx_path, "UPDATE action_update SET note = 'rewritten'"),
                     SQLITE_CONSTRAINT);
    ck_assert_int_eq(fx_raw_exec(fx_path, "UPDATE action_update SET author = 'someone else' "
                                          "WHERE id = 1"),
                     SQLITE_CONSTRAINT);
    ck_assert_int_eq(fx_raw_exec(fx_path, "DELETE FROM action_update"), SQLITE_CONSTRAINT);
    ck_assert_int_eq(fx_raw_exec(fx_path, "DELETE FROM action_update WHERE id = 1"),
                     SQLITE_CONSTRAINT);
    ck_assert_int_eq(updates_of(id), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update "
                                         "WHERE note = 'the original words' AND author = '"
                                         AUTHOR "'"), 1);
}
END_TEST

/* A failure after the entry is written (here, injected by a trigger that
 * runs after ours) undoes the whole update. */
START_TEST(failed_update_changes_nothing)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-06-30");
    ck_assert_int_eq(fx_raw_exec(fx_path, "CREATE TRIGGER inject AFTER INSERT ON action_update "
                                          "WHEN NEW.note = 'boom' BEGIN "
                                          "SELECT RAISE(ABORT, 'injected failure'); END"),
                     SQLITE_OK);
    ck_assert_int_ne(update(id, (sp_update){.status = "in_progress", .note = "boom",
                                            .due = "Q2 2017/18", .reason = "r"}),
                     SP_OK);
    ck_assert_str_eq(FIELD(id, "status"), "not_started");
    ck_assert_str_eq(FIELD(id, "due_on"), "2017-06-30");
    ck_assert_str_eq(FIELD(id, "last_update_on"), "(null)");
    ck_assert_int_eq(updates_of(id), 0);
    ok_update(id, (sp_update){.status = "in_progress", .note = "fine"});
}
END_TEST

/* ------------------------------------------------------------------ */
/* RAG override                                                        */

static void rag_of(int64_t id, const char *want, const char *want_in_reason)
{
    const char *rag;
    char *reason;
    ck_assert_int_eq(sp_action_rag(&rag, &reason, fx_db, id, NULL), SP_OK);
    ck_assert_str_eq(rag, want);
    ck_assert_msg(strstr(reason, want_in_reason), "'%s' lacks '%s'", reason, want_in_reason);
    sp_free(reason);
}

START_TEST(rag_override)
{
    plan();
    int64_t id = add_action("2017-04-01", "2017-05-25"); /* 37 days overdue */
    rag_of(id, "red", "red: 37 days past due date 2017-05-25");
    ck_assert_int_eq(update(id, (sp_update){.rag = "amber"}), SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.rag = "purple", .reason = "r"}), SP_EINVALID);
    ck_assert_int_eq(update(id, (sp_update){.rag = "none", .reason = "r"}), SP_EINVALID);
    ck_assert_int_eq(updates_of(id), 0);
    ok_update(id, (sp_update){.rag = "Amber", .reason = "partner data late"});
    rag_of(id, "amber", "amber: override (partner data late); computed red: 37 days");
    ok_update(id, (sp_update){.rag = "NONE", .reason = "data arrived"});
    rag_of(id, "red", "red: 37 days past due date");
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
                                         "rag_override = 'none' AND reason = 'data arrived'"),
                     1);
    sp_cursor *c;
    ck_assert_int_eq(sp_action_history(&c, fx_db, id), SP_OK);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 11), "none");
    ck_assert_str_eq(sp_cursor_text(c, 12), "amber");
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 11), "amber");
    ck_assert_str_eq(sp_cursor_text(c, 12), "none");
    sp_cursor_free(c);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Bulk                                                                */

static long long count_where(const char *sql)
{
    return fx_raw_int(fx_path, sql);
}

START_TEST(reassign_moves_open_actions)
{
    plan();
    add_review("r2");
    int64_t a = add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    int64_t b = add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    int64_t done = add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    int64_t other = add_action_in("tb/r2/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    int64_t theirs = add_action_in("tb/r1/1", "LSCB Business Manager", "2017-04-01", "2017-12-31");
    drive_to(b, "in_progress");
    drive_to(done, "complete");
    sp_reassign in = {.from = "head of safeguarding", .to = "Principal Social Worker",
                      .review = "tb/r1", .author = AUTHOR, .reason = "restructure"};
    int moved = -1;
    ck_assert_msg(sp_action_reassign(&moved, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(moved, 2);
    ck_assert_str_eq(FIELD(a, "owner"), "Principal Social Worker");
    ck_assert_str_eq(FIELD(b, "owner"), "Principal Social Worker");
    ck_assert_str_eq(FIELD(done, "owner"), "Head of Safeguarding");
    ck_assert_str_eq(FIELD(other, "owner"), "Head of Safeguarding");
    ck_assert_str_eq(FIELD(theirs, "owner"), "LSCB Business Manager");
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update WHERE note = "
                                 "'reassigned from Head of Safeguarding to Principal Social "
                                 "Worker' AND reason = 'restructure' AND on_date = '" TODAY
                                 "' AND old_owner_id IS NOT new_owner_id"),
                     2);
    /* Without the review scope, the rest of the owner's open work moves. */
    in.review = NULL;
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_OK);
    ck_assert_int_eq(moved, 1);
    ck_assert_str_eq(FIELD(other, "owner"), "Principal Social Worker");
    /* Nothing left to move is not an error. */
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_OK);
    ck_assert_int_eq(moved, 0);
}
END_TEST

START_TEST(reassign_refusals)
{
    plan();
    add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    int moved = -1;
    sp_reassign in = {.from = "Nobody", .to = "Someone", .author = AUTHOR};
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_ENOTFOUND);
    in.from = "Head of Safeguarding";
    in.to = "HEAD OF SAFEGUARDING";
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_EINVALID);
    in.to = "Someone";
    in.author = NULL;
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_EINVALID);
    in.author = AUTHOR;
    in.review = "tb/nope";
    ck_assert_int_eq(sp_action_reassign(&moved, fx_db, &in), SP_ENOTFOUND);
    ck_assert_int_eq(moved, 0);
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update"), 0);
    ck_assert_int_eq(count_where("SELECT count(*) FROM owner WHERE name = 'Someone'"), 0);
}
END_TEST

/* A failure on the second action undoes the first, and the new owner. */
START_TEST(reassign_is_all_or_nothing)
{
    plan();
    int64_t a = add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    add_action_in("tb/r1/1", "Head of Safeguarding", "2017-04-01", "2017-12-31");
    ck_assert_int_eq(fx_raw_exec(fx_path, "CREATE TRIGGER inject AFTER INSERT ON action_update "
                                          "WHEN (SELECT count(*) FROM action_update) >= 2 BEGIN "
                                          "SELECT RAISE(ABORT, 'injected failure'); END"),
                     SQLITE_OK);
    int moved = -1;
    sp_reassign in = {.from = "Head of Safeguarding", .to = "New Head", .author = AUTHOR};
    ck_assert_int_ne(sp_action_reassign(&moved, fx_db, &in), SP_OK);
    ck_assert_int_eq(moved, 0);
    ck_assert_str_eq(FIELD(a, "owner"), "Head of Safeguarding");
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update"), 0);
    ck_assert_int_eq(count_where("SELECT count(*) FROM owner WHERE name = 'New Head'"), 0);
}
END_TEST

START_TEST(transfer_moves_open_actions)
{
    plan();
    add_review("r2");
    int64_t a = add_action_in("tb/r1/1", "Head of Service", "2017-04-01", "2017-12-31");
    int64_t b = add_action_in("tb/r1/1", "LSCB Business Manager", "2017-08-01", "2017-12-31");
    int64_t done = add_action_in("tb/r1/1", "Head of Service", "2017-04-01", "2017-12-31");
    int64_t other = add_action_in("tb/r2/1", "Head of Service", "2017-04-01", "2017-12-31");
    drive_to(a, "in_progress");
    drive_to(done, "complete");
    const char *dest = "Children's Services service plan 2017/18";
    sp_transfer in = {.to = dest, .review = "tb/r1", .author = AUTHOR,
                      .reason = "year-end closure"};
    int moved = -1;
    ck_assert_msg(sp_action_transfer(&moved, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(moved, 2);
    ck_assert_str_eq(FIELD(a, "status"), "transferred");
    ck_assert_str_eq(FIELD(b, "status"), "transferred"); /* not started yet: still moves */
    ck_assert_str_eq(FIELD(a, "transferred_to"), dest);
    ck_assert_str_eq(FIELD(done, "status"), "complete");
    ck_assert_str_eq(FIELD(other, "status"), "not_started");
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update WHERE note = "
                                 "'transferred to Children''s Services service plan 2017/18' "
                                 "AND new_status = 'transferred' AND reason = "
                                 "'year-end closure'"),
                     2);
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update WHERE new_status = "
                                 "'transferred' AND old_status = 'in_progress'"),
                     1);
    rag_of(a, "grey", "grey: transferred to Children's Services");
    /* An owner filter within an authority. */
    in.review = NULL;
    in.authority = "tb";
    in.owner = "LSCB Business Manager";
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_OK);
    ck_assert_int_eq(moved, 0);
    in.owner = NULL;
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_OK);
    ck_assert_int_eq(moved, 1);
    ck_assert_str_eq(FIELD(other, "status"), "transferred");
}
END_TEST

START_TEST(transfer_refusals)
{
    plan();
    add_action("2017-04-01", "2017-12-31");
    int moved = -1;
    sp_transfer in = {.to = "Service plan", .author = AUTHOR};
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_EINVALID); /* no scope */
    in.review = "tb/r1";
    in.to = " ";
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_EINVALID);
    in.to = "Service plan";
    in.on = "2017-07-02";
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_EINVALID); /* future */
    in.on = NULL;
    in.owner = "Nobody";
    ck_assert_int_eq(sp_action_transfer(&moved, fx_db, &in), SP_ENOTFOUND);
    ck_assert_int_eq(moved, 0);
    ck_assert_int_eq(count_where("SELECT count(*) FROM action_update"), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Settings                                                            */

START_TEST(config_settings)
{
    plan();
    int v = -1;
    ck_assert_int_eq(sp_config_get(&v, fx_db, "rag.amber_days"), SP_OK);
    ck_assert_int_eq(v, 28);
    ck_assert_int_eq(sp_config_get(&v, fx_db, "rag.stale_days"), SP_OK);
    ck_assert_int_eq(v, 60);
    ck_assert_int_eq(sp_config_get(&v, fx_db, "rag.nope"), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "rag.amber_days, rag.grace_days, rag.stale_days"));
    int64_t id = add_action("2017-07-01", "2017-07-20"); /* due in 19 days */
    rag_of(id, "amber", "amber: due in 19 days");
    ck_assert_int_eq(sp_config_set(fx_db, "rag.amber_days", "14"), SP_OK);
    ck_assert_int_eq(sp_config_get(&v, fx_db, "rag.amber_days"), SP_OK);
    ck_assert_int_eq(v, 14);
    rag_of(id, "green", "green: due in 19 days");
    ck_assert_int_eq(sp_config_set(fx_db, "rag.amber_days", "fourteen"), SP_EINVALID);
    ck_assert_int_eq(sp_config_set(fx_db, "rag.amber_days", "3651"), SP_EINVALID);
    ck_assert_int_eq(sp_config_set(fx_db, "colour", "1"), SP_EINVALID);
    ck_assert_int_eq(sp_config_get(&v, fx_db, "rag.amber_days"), SP_OK);
    ck_assert_int_eq(v, 14);
    sp_cursor *c;
    ck_assert_int_eq(sp_config_list(&c, fx_db), SP_OK);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "rag.amber_days");
    ck_assert_int_eq(sp_cursor_int(c, 1), 14);
    ck_assert_int_eq(sp_cursor_int(c, 2), 28);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "rag.grace_days");
    ck_assert_int_eq(sp_cursor_int(c, 2), 7);
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "rag.stale_days");
    /* closure (#14): the embedded step's switch, listed after the RAG windows */
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "closure.embedded");
    ck_assert_int_eq(sp_cursor_int(c, 1), 0);
    ck_assert_int_eq(sp_cursor_step(c), SP_DONE);
    sp_cursor_free(c);
}
END_TEST

static Suite *progress_suite(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = fx_tcase("lifecycle");
    tcase_add_loop_test(tc, every_transition, 0, NSTATES * NSTATES);
    tcase_add_test(tc, status_spellings);
    tcase_add_test(tc, completing_needs_a_note);
    tcase_add_test(tc, signing_off_needs_evidence);
    tcase_add_test(tc, closure_needs_a_second_person);
    tcase_add_test(tc, claimant_spelt_otherwise_cannot_sign_off);
    tcase_add_test(tc, old_claim_with_odd_spaces_still_caught);
    tcase_add_test(tc, names_are_one_line);
    tcase_add_test(tc, direction_controls);
    tcase_add_test(tc, status_changes_keep_their_order);
    tcase_add_test(tc, transfer_needs_destination);
    tcase_add_test(tc, withdrawing_and_reopening_need_a_reason);
    tcase_add_test(tc, no_evidence_reason_only_when_signing_off);
    suite_add_tcase(s, tc);
    tc = fx_tcase("timescales");
    tcase_add_loop_test(tc, due_form_reaches_action, 0,
                        (int)(sizeof due_forms / sizeof due_forms[0]));
    tcase_add_loop_test(tc, bad_due_form_refused, 0,
                        (int)(sizeof bad_due_forms / sizeof bad_due_forms[0]));
    tcase_add_test(tc, relative_due_without_start_counts_from_today);
    tcase_add_test(tc, due_revision_keeps_original);
    tcase_add_test(tc, timescale_counts_from_revision_date);
    tcase_add_test(tc, past_revision_needs_past);
    tcase_add_test(tc, due_revision_only_while_open);
    suite_add_tcase(s, tc);
    tc = fx_tcase("entries");
    tcase_add_test(tc, empty_update_refused);
    tcase_add_test(tc, author_required);
    tcase_add_test(tc, unknown_action);
    tcase_add_test(tc, update_dates);
    tcase_add_test(tc, percent_complete);
    tcase_add_test(tc, history_in_order_with_changes);
    tcase_add_test(tc, history_is_append_only);
    tcase_add_test(tc, failed_update_changes_nothing);
    tcase_add_test(tc, rag_override);
    suite_add_tcase(s, tc);
    tc = fx_tcase("bulk");
    tcase_add_test(tc, reassign_moves_open_actions);
    tcase_add_test(tc, reassign_refusals);
    tcase_add_test(tc, reassign_is_all_or_nothing);
    tcase_add_test(tc, transfer_moves_open_actions);
    tcase_add_test(tc, transfer_refusals);
    suite_add_tcase(s, tc);
    tc = fx_tcase("settings");
    tcase_add_test(tc, config_settings);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(progress_suite)
