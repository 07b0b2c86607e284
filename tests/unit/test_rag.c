/* RAG ratings: rag.c — the rules in C, and the SQL functions and settings
 * through a real database. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "internal.h" /* fx_db->sql, to call the SQL functions */
#include "rag.h"

/* An open action due on `due` (never revised), updated on as_of. */
static sp_rag_in open_action(const char *due, const char *as_of)
{
    sp_rag_in in = {.status = "in_progress", .due_on = due, .original_due_on = due,
                    .last_update_on = as_of, .as_of = as_of,
                    .amber_days = SP_RAG_AMBER_DAYS_DEFAULT,
                    .stale_days = SP_RAG_STALE_DAYS_DEFAULT};
    return in;
}

static void rated(const sp_rag_in *in, const char *want_rag, const char *want_reason)
{
    char buf[512];
    const char *rag = "unset";
    int n = sp_rag_reason(&rag, buf, sizeof buf, in);
    ck_assert_msg(n >= 0, "could not rate (want %s)", want_reason);
    ck_assert_str_eq(buf, want_reason);
    ck_assert_int_eq(n, (int)strlen(want_reason));
    ck_assert_ptr_nonnull(rag);
    ck_assert_str_eq(rag, want_rag);
    ck_assert_str_eq(sp_rag_rating(in), want_rag);
}

/* ------------------------------------------------------------------ */
/* Open-ended and recurring actions (issue 11)                         */

START_TEST(open_ended)
{
    sp_rag_in in = open_action(NULL, "2017-07-01");
    in.original_due_on = NULL;
    in.last_update_on = "2017-04-18";
    rated(&in, "amber", "amber: no due date, last progress 74 days ago");
    in.last_update_on = "2017-06-01";
    rated(&in, "green", "green: no due date, last progress 30 days ago");
    in.last_update_on = NULL;
    in.start_on = "2017-06-30";
    rated(&in, "green", "green: no due date, no progress since it started 1 day ago");
    in.start_on = NULL;
    rated(&in, "green", "green: no due date, no progress recorded");
    in.status = "complete";
    rated(&in, "blue", "blue: complete");
}
END_TEST

START_TEST(recurring)
{
    sp_rag_in in = open_action("2017-06-17", "2017-07-01");
    in.cadence = "1 month";
    in.last_update_on = "2017-05-10";
    in.original_due_on = "2017-02-17"; /* moved on by progress: not slippage */
    rated(&in, "red", "red: monthly report missed: due by 2017-06-17, none since 2017-05-10 "
                      "(14 days ago)");
    in.as_of = "2017-06-10";
    rated(&in, "amber", "amber: monthly report due in 7 days (2017-06-17)");
    in.as_of = "2017-05-11";
    rated(&in, "green", "green: monthly report due in 37 days (2017-06-17)");
    in.cadence = "6 weeks";
    rated(&in, "green", "green: report every 6 weeks due in 37 days (2017-06-17)");
    in.cadence = "3 months";
    in.as_of = "2017-06-17";
    rated(&in, "amber", "amber: quarterly report due today (2017-06-17)");
}
END_TEST

/* ------------------------------------------------------------------ */
/* The rules, directly                                                 */

START_TEST(due_soon_boundaries)
{
    sp_rag_in in = open_action("2017-07-01", "2017-07-01");
    rated(&in, "amber", "amber: due today (2017-07-01)");
    in = open_action("2017-07-02", "2017-07-01");
    rated(&in, "amber", "amber: due in 1 day (2017-07-02)");
    in = open_action("2017-07-29", "2017-07-01");
    rated(&in, "amber", "amber: due in 28 days (2017-07-29)");
    in = open_action("2017-07-30", "2017-07-01");
    rated(&in, "green", "green: due in 29 days (2017-07-30)");
    in = open_action("2017-10-01", "2017-07-01");
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
}
END_TEST

START_TEST(amber_days_setting)
{
    sp_rag_in in = open_action("2017-07-02", "2017-07-01");
    in.amber_days = 0;
    rated(&in, "green", "green: due in 1 day (2017-07-02)");
    in = open_action("2017-07-01", "2017-07-01");
    in.amber_days = 0;
    rated(&in, "amber", "amber: due today (2017-07-01)");
    in = open_action("2017-08-10", "2017-07-01");
    in.amber_days = 40;
    rated(&in, "amber", "amber: due in 40 days (2017-08-10)");
}
END_TEST

START_TEST(overdue)
{
    sp_rag_in in = open_action("2017-06-30", "2017-07-01");
    rated(&in, "red", "red: 1 day past due date 2017-06-30");
    in = open_action("2017-03-31", "2017-05-07");
    rated(&in, "red", "red: 37 days past due date 2017-03-31");
    in.original_due_on = "2017-02-28";
    rated(&in, "red", "red: 37 days past revised due date 2017-03-31");
    in.original_due_on = NULL; /* unknown original: not called revised */
    rated(&in, "red", "red: 37 days past due date 2017-03-31");
    in = open_action("2016-12-31", "2017-01-01"); /* across a year end */
    in.status = "not_started";
    rated(&in, "red", "red: 1 day past due date 2016-12-31");
}
END_TEST

START_TEST(slipped)
{
    sp_rag_in in = open_action("2017-09-30", "2017-05-07");
    in.original_due_on = "2017-03-31";
    rated(&in, "amber",
          "amber: due date revised from 2017-03-31 to 2017-09-30 (183 days' slippage)");
    in.original_due_on = "2017-09-29";
    rated(&in, "amber",
          "amber: due date revised from 2017-09-29 to 2017-09-30 (1 day's slippage)");
    /* Brought forward is not slippage. */
    in.original_due_on = "2017-12-31";
    rated(&in, "green", "green: due in 146 days (2017-09-30)");
    /* Due soon outranks slippage; overdue outranks both. */
    in = open_action("2017-05-20", "2017-05-07");
    in.original_due_on = "2017-03-31";
    rated(&in, "amber", "amber: due in 13 days (2017-05-20)");
}
END_TEST

START_TEST(stale_boundaries)
{
    sp_rag_in in = open_action("2017-10-01", "2017-07-01");
    in.last_update_on = "2017-04-17";
    rated(&in, "amber", "amber: no progress for 75 days (last 2017-04-17)");
    in.last_update_on = "2017-05-02"; /* exactly 60 days */
    rated(&in, "amber", "amber: no progress for 60 days (last 2017-05-02)");
    in.last_update_on = "2017-05-03"; /* 59 days */
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
    in.last_update_on = "2017-09-01"; /* after the as-of date */
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
}
END_TEST

START_TEST(stale_from_start)
{
    sp_rag_in in = open_action("2017-10-01", "2017-07-01");
    in.last_update_on = NULL;
    in.start_on = "2017-04-17";
    rated(&in, "amber", "amber: no progress for 75 days (started 2017-04-17)");
    in.start_on = "2017-05-03";
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
    /* Neither known: the rule cannot apply. */
    in.start_on = NULL;
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
    /* An update wins over the start date. */
    in.start_on = "2017-01-01";
    in.last_update_on = "2017-06-01";
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
    /* stale_days 0 switches the rule off. */
    in.last_update_on = "2016-01-01";
    in.stale_days = 0;
    rated(&in, "green", "green: due in 92 days (2017-10-01)");
    in.stale_days = 1;
    rated(&in, "amber", "amber: no progress for 547 days (last 2016-01-01)");
}
END_TEST

START_TEST(precedence)
{
    /* Overdue, slipped and stale at once: red. */
    sp_rag_in in = open_action("2017-04-30", "2017-07-01");
    in.original_due_on = "2017-03-31";
    in.last_update_on = "2016-01-01";
    rated(&in, "red", "red: 62 days past revised due date 2017-04-30");
    /* Slipped and stale: the slippage is the reason given. */
    in = open_action("2017-12-31", "2017-07-01");
    in.original_due_on = "2017-09-30";
    in.last_update_on = "2016-01-01";
    rated(&in, "amber",
          "amber: due date revised from 2017-09-30 to 2017-12-31 (92 days' slippage)");
}
END_TEST

START_TEST(closed_states)
{
    /* Closed actions need no dates at all. */
    sp_rag_in in = {.status = "complete"};
    rated(&in, "blue", "blue: complete");
    in.status = "signed_off";
    rated(&in, "blue", "blue: signed off");
    in.status = "withdrawn";
    rated(&in, "grey", "grey: withdrawn");
    in.status = "transferred";
    rated(&in, "grey", "grey: transferred");
    in.transferred_to = "   ";
    rated(&in, "grey", "grey: transferred");
    in.transferred_to = "Children's Services plan 2018/19";
    rated(&in, "grey", "grey: transferred to Children's Services plan 2018/19");
    /* Overdue dates do not make closed work red. */
    in = open_action("2017-03-31", "2017-05-07");
    in.status = "complete";
    rated(&in, "blue", "blue: complete");
}
END_TEST

START_TEST(overrides)
{
    sp_rag_in in = open_action("2017-03-31", "2017-05-07");
    in.override = "amber";
    in.override_reason = "partner data late";
    rated(&in, "amber",
          "amber: override (partner data late); computed red: 37 days past due date 2017-03-31");
    ck_assert_str_eq(sp_rag_computed(&in), "red");

    char buf[256];
    const char *rag;
    int n = sp_rag_computed_reason(&rag, buf, sizeof buf, &in);
    ck_assert_int_eq(n, (int)strlen("red: 37 days past due date 2017-03-31"));
    ck_assert_str_eq(buf, "red: 37 days past due date 2017-03-31");
    ck_assert_str_eq(rag, "red");

    in.override_reason = NULL;
    rated(&in, "amber",
          "amber: override (no reason given); computed red: 37 days past due date 2017-03-31");
    in.override = "Green";
    in.override_reason = "agreed by board";
    rated(&in, "green",
          "green: override (agreed by board); computed red: 37 days past due date 2017-03-31");
    /* Not a rag word: ignored. */
    in.override = "none";
    rated(&in, "red", "red: 37 days past due date 2017-03-31");
    /* Overrides apply to closed work too. */
    in = (sp_rag_in){.status = "complete", .override = "red", .override_reason = "no impact"};
    rated(&in, "red", "red: override (no impact); computed blue: complete");
}
END_TEST

START_TEST(cannot_rate)
{
    char buf[64] = "junk";
    const char *rag = "junk";
    sp_rag_in in = open_action("2017-03-31", "2017-05-07");
    in.status = "paused";
    ck_assert_ptr_null(sp_rag_computed(&in));
    ck_assert_int_eq(sp_rag_reason(&rag, buf, sizeof buf, &in), -1);
    ck_assert_ptr_null(rag);
    ck_assert_str_eq(buf, "");
    in.status = NULL;
    ck_assert_ptr_null(sp_rag_rating(&in));
    in = open_action("2017-02-30", "2017-05-07");
    ck_assert_ptr_null(sp_rag_computed(&in));
    in = open_action("2017-03-31", NULL);
    ck_assert_ptr_null(sp_rag_computed(&in));
    in = open_action("31/03/2017", "2017-05-07"); /* stored dates are ISO */
    in.override = "amber";
    ck_assert_ptr_null(sp_rag_rating(&in));
}
END_TEST

START_TEST(truncation)
{
    sp_rag_in in = open_action("2017-03-31", "2017-05-07");
    const char *want = "red: 37 days past due date 2017-03-31";
    char buf[8];
    int n = sp_rag_reason(NULL, buf, sizeof buf, &in);
    ck_assert_int_eq(n, (int)strlen(want));
    ck_assert_str_eq(buf, "red: 37");
    ck_assert_int_eq(sp_rag_reason(NULL, NULL, 0, &in), (int)strlen(want));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Through the database                                                */

/* Adds an action due 2017-03-31, started 2017-01-01; returns its id. */
static int64_t add_action(void)
{
    fx_minimal_plan();
    sp_action_new a = {.finding = "tb/r1/1", .title = "Recruit a principal social worker",
                       .owner = "Head of Service", .due = "2017-03-31",
                       .start = "2017-01-01"};
    int64_t id = 0;
    char due[SP_DATE_SIZE];
    ck_assert_msg(sp_action_add(&id, due, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_str_eq(due, "2017-03-31");
    return id;
}

static void db_rated(int64_t id, const char *as_of, const char *want_rag,
                     const char *want_reason)
{
    const char *rag = NULL;
    char *reason = NULL;
    int rc = sp_action_rag(&rag, &reason, fx_db, id, as_of);
    ck_assert_msg(rc == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_str_eq(reason, want_reason);
    ck_assert_str_eq(rag, want_rag);
    sp_free(reason);
}

/* Appends a progress update straight through SQLite, as the history
 * trigger applies it. */
static void raw_update(const char *values)
{
    char sql[1024];
    int n = snprintf(sql, sizeof sql,
                     "INSERT INTO action_update (action_id, on_date, author, new_status, "
                     "new_due_on, transferred_to, rag_override, reason) VALUES (%s)",
                     values);
    ck_assert_int_lt(n, (int)sizeof sql);
    ck_assert_int_eq(fx_raw_exec(fx_path, sql), 0);
}

START_TEST(db_schedule)
{
    int64_t id = add_action();
    db_rated(id, "2017-05-07", "red", "red: 37 days past due date 2017-03-31");
    db_rated(id, "07/05/2017", "red", "red: 37 days past due date 2017-03-31");
    db_rated(id, "2017-02-01", "green", "green: due in 58 days (2017-03-31)");
    db_rated(id, "2017-03-03", "amber", "amber: due in 28 days (2017-03-31)");
    db_rated(id, "2017-03-31", "amber", "amber: due today (2017-03-31)");
    /* 29 days ahead and exactly 60 days after the start: stale. */
    db_rated(id, "2017-03-02", "amber", "amber: no progress for 60 days (started 2017-01-01)");
    db_rated(id, "2017-03-01", "green", "green: due in 30 days (2017-03-31)");
}
END_TEST

START_TEST(db_today)
{
    int64_t id = add_action();
    ck_assert_int_eq(sp_set_today(fx_db, "2017-04-01"), SP_OK);
    db_rated(id, NULL, "red", "red: 1 day past due date 2017-03-31");
}
END_TEST

START_TEST(db_settings)
{
    int amber = -1, stale = -1;
    ck_assert_int_eq(sp_rag_settings(&amber, &stale, fx_db), SP_OK);
    ck_assert_int_eq(amber, 28);
    ck_assert_int_eq(stale, 60);

    int64_t id = add_action();
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.amber_days", "40"), SP_OK);
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.stale_days", " 0 "), SP_OK);
    ck_assert_int_eq(sp_rag_settings(&amber, &stale, fx_db), SP_OK);
    ck_assert_int_eq(amber, 40);
    ck_assert_int_eq(stale, 0);
    db_rated(id, "2017-02-19", "amber", "amber: due in 40 days (2017-03-31)");
    db_rated(id, "2017-02-18", "green", "green: due in 41 days (2017-03-31)");
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.amber_days", "3650"), SP_OK);
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.stale_days", "10"), SP_OK);
    db_rated(id, "2017-01-11", "amber", "amber: due in 79 days (2017-03-31)");
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.amber_days", "0"), SP_OK);
    db_rated(id, "2017-01-11", "amber", "amber: no progress for 10 days (started 2017-01-01)");
    db_rated(id, "2017-01-10", "green", "green: due in 80 days (2017-03-31)");
}
END_TEST

static void set_bad(const char *key, const char *value, const char *want_msg)
{
    int rc = sp_rag_set(fx_db, key, value);
    ck_assert_int_eq(rc, SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), want_msg);
}

START_TEST(db_settings_refused)
{
    set_bad("rag.red_days", "5",
            "unknown setting 'rag.red_days' (known: rag.amber_days, rag.grace_days, rag.stale_days)");
    set_bad(NULL, "5", "unknown setting '' (known: rag.amber_days, rag.grace_days, rag.stale_days)");
    set_bad("rag.amber_days", "abc",
            "rag.amber_days must be a whole number of days from 0 to 3650, not 'abc'");
    set_bad("rag.stale_days", "3651",
            "rag.stale_days must be a whole number of days from 0 to 3650, not '3651'");
    set_bad("rag.stale_days", "-1",
            "rag.stale_days must be a whole number of days from 0 to 3650, not '-1'");
    set_bad("rag.stale_days", "99999999999999999999",
            "rag.stale_days must be a whole number of days from 0 to 3650, "
            "not '99999999999999999999'");
    set_bad("rag.stale_days", "",
            "rag.stale_days must be a whole number of days from 0 to 3650, not ''");
    set_bad("rag.stale_days", "12x",
            "rag.stale_days must be a whole number of days from 0 to 3650, not '12x'");
    set_bad("rag.stale_days", "1 2",
            "rag.stale_days must be a whole number of days from 0 to 3650, not '1 2'");
    set_bad("rag.amber_days", NULL,
            "rag.amber_days must be a whole number of days from 0 to 3650, not ''");
    int amber, stale;
    ck_assert_int_eq(sp_rag_settings(&amber, &stale, fx_db), SP_OK);
    ck_assert_int_eq(amber, 28);
    ck_assert_int_eq(stale, 60);
}
END_TEST

START_TEST(db_history)
{
    int64_t id = add_action();
    char v[256];
    /* A progress update resets the staleness clock. */
    snprintf(v, sizeof v, "%lld, '2017-02-20', 'me', 'in_progress', NULL, NULL, NULL, NULL",
             (long long)id);
    raw_update(v);
    db_rated(id, "2017-03-02", "green", "green: due in 29 days (2017-03-31)");
    db_rated(id, "2017-04-21", "red", "red: 21 days past due date 2017-03-31");
    /* A revised due date: slippage, then "revised" when overdue. */
    snprintf(v, sizeof v, "%lld, '2017-02-21', 'me', NULL, '2017-09-30', NULL, NULL, NULL",
             (long long)id);
    raw_update(v);
    db_rated(id, "2017-04-21", "amber",
             "amber: due date revised from 2017-03-31 to 2017-09-30 (183 days' slippage)");
    db_rated(id, "2017-10-07", "red", "red: 7 days past revised due date 2017-09-30");
    /* An override shows the computed rating beside it. */
    snprintf(v, sizeof v,
             "%lld, '2017-10-07', 'me', NULL, NULL, NULL, 'amber', 'recovery plan agreed'",
             (long long)id);
    raw_update(v);
    db_rated(id, "2017-10-07", "amber",
             "amber: override (recovery plan agreed); computed red: 7 days past revised "
             "due date 2017-09-30");
    /* 'none' clears it. */
    snprintf(v, sizeof v, "%lld, '2017-10-08', 'me', NULL, NULL, NULL, 'none', NULL",
             (long long)id);
    raw_update(v);
    db_rated(id, "2017-10-08", "red", "red: 8 days past revised due date 2017-09-30");
    /* Transferred at year end, with where it went. */
    snprintf(v, sizeof v,
             "%lld, '2018-03-31', 'me', 'transferred', NULL, 'Service plan 2018/19', NULL, NULL",
             (long long)id);
    raw_update(v);
    db_rated(id, "2018-04-01", "grey", "grey: transferred to Service plan 2018/19");
}
END_TEST

START_TEST(db_long_override_reason)
{
    int64_t id = add_action();
    char reason[600], v[900], want[800];
    memset(reason, 'x', sizeof reason - 1);
    reason[sizeof reason - 1] = '\0';
    snprintf(v, sizeof v, "%lld, '2017-05-07', 'me', NULL, NULL, NULL, 'green', '%s'",
             (long long)id, reason);
    raw_update(v);
    snprintf(want, sizeof want,
             "green: override (%s); computed red: 37 days past due date 2017-03-31", reason);
    db_rated(id, "2017-05-07", "green", want);
}
END_TEST

START_TEST(db_refusals)
{
    int64_t id = add_action();
    const char *rag = "unset";
    char *reason = NULL;
    ck_assert_int_eq(sp_action_rag(&rag, &reason, fx_db, id + 100, "2017-05-07"), SP_ENOTFOUND);
    char want[64];
    snprintf(want, sizeof want, "no action with id %lld", (long long)(id + 100));
    ck_assert_str_eq(sp_errmsg(fx_db), want);
    ck_assert_ptr_null(rag);
    ck_assert_ptr_null(reason);
    ck_assert_int_eq(sp_action_rag(&rag, &reason, fx_db, id, "2017-02-30"), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "invalid as-of date '2017-02-30' (use YYYY-MM-DD)");
    ck_assert_int_eq(sp_action_rag(&rag, &reason, fx_db, id, "yesterday"), SP_EINVALID);
    ck_assert_ptr_null(reason);
}
END_TEST

/* ------------------------------------------------------------------ */
/* rag_tally(), the summaries' aggregate                               */

/* Every mix of the values a summary meets, hand-edited ones too (a status
 * the schema forbids, a BLOB where text belongs, an impossible date):
 * 9 statuses x 6 due dates x 3 x 3 x 2 x 2 x 6 overrides. */
static const char tally_values[] =
    "CREATE TEMP TABLE v AS "
    "WITH s(x) AS (VALUES (NULL), ('not_started'), ('in_progress'), ('complete'), "
    "                     ('signed_off'), ('transferred'), ('withdrawn'), ('bogus'), "
    "                     (CAST('in_progress' AS BLOB))), "
    "     d(x) AS (VALUES (NULL), ('2017-06-01'), ('2017-07-01'), ('2017-07-20'), "
    "                     ('2017-13-45'), (CAST('2017-06-01' AS BLOB))), "
    "     o(x) AS (VALUES (NULL), ('2017-06-01'), ('2017-08-01')), "
    "     p(x) AS (VALUES (NULL), ('2017-01-01'), ('2017-06-25')), "
    "     t(x) AS (VALUES (NULL), ('2017-01-01')), "
    "     c(x) AS (VALUES (NULL), ('monthly')), "
    "     r(x) AS (VALUES (NULL), ('red'), ('amber'), ('green'), ('blue'), "
    "                     (CAST('red' AS BLOB))) "
    "SELECT s.x AS status, d.x AS due_on, o.x AS original_due_on, p.x AS progress_on, "
    "       t.x AS start_on, c.x AS cadence, r.x AS rag_override "
    "FROM s, d, o, p, t, c, r";

/* The fifteen sums rag_tally() replaced in sql/report.sql (commit ba46aa4),
 * word for word, as a JSON array in tally_at()'s order. */
#define OPEN_NOT_RED \
    "x.status IN ('not_started', 'in_progress') AND coalesce(x.due_on >= :as_of, 1)"
#define COMPUTED "rag_computed(x.status, x.due_on, x.original_due_on, x.progress_on, " \
                 "x.start_on, x.cadence, :as_of, :amber_days, :stale_days)"
#define AMBER_UNRATED "sum(CASE WHEN " OPEN_NOT_RED " THEN CASE " COMPUTED \
                      " WHEN 'amber' THEN 1 WHEN 'green' THEN 0 ELSE 4294967296 END ELSE 0 END)"
static const char tally_sums[] =
    "json_array(count(*), "
    "sum(x.status IN ('not_started', 'in_progress') AND coalesce(x.due_on < :as_of, 0)), "
    AMBER_UNRATED " % 4294967296, "
    "sum(" OPEN_NOT_RED ") - " AMBER_UNRATED " % 4294967296 - " AMBER_UNRATED " / 4294967296, "
    "sum(x.status IN ('complete', 'signed_off')), "
    "sum(x.status IN ('transferred', 'withdrawn')), "
    AMBER_UNRATED " / 4294967296 + sum(x.status NOT IN ('not_started', 'in_progress', "
    "'complete', 'signed_off', 'transferred', 'withdrawn')), "
    "sum(CASE WHEN x.rag_override IS NOT NULL THEN x.rag_override <> " COMPUTED " ELSE 0 END), "
    "sum(x.status = 'not_started'), sum(x.status = 'in_progress'), "
    "sum(x.status = 'complete'), sum(x.status = 'signed_off'), "
    "sum(x.status = 'transferred'), sum(x.status = 'withdrawn'))";

/* tally_rows' counts, as the same JSON array. */
static const char tally_read[] =
    "json_array(g.total, g.red, g.amber, g.green, g.blue, g.grey, g.unrated, g.overridden, "
    "g.not_started, g.in_progress, g.complete, g.signed_off, g.transferred, g.withdrawn)";

#define TALLY_ARGS "x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, " \
                   "x.cadence, x.rag_override, :as_of, :amber_days, :stale_days"

/* Each group holds every status, so that a sum is never of NULLs alone. */
#define TALLY_KEY "quote(x.due_on) || quote(x.original_due_on) || quote(x.progress_on) || " \
                  "quote(x.start_on) || quote(x.cadence) || quote(x.rag_override)"

START_TEST(tally_equals_sums)
{
    sqlite3 *db = fx_db->sql;
    ck_assert_int_eq(sqlite3_exec(db, tally_values, NULL, NULL, NULL), SQLITE_OK);
    char sql[8192];
    int n = snprintf(sql, sizeof sql,
                     "WITH a AS (SELECT g.k, %s AS t FROM tally_rows(0, (SELECT "
                     "rag_tally_groups(" TALLY_KEY ", " TALLY_ARGS ") FROM v x)) AS g), "
                     "b AS (SELECT " TALLY_KEY " AS k, %s AS t FROM v x GROUP BY 1) "
                     "SELECT count(*), sum(a.t IS NOT b.t), min(CASE WHEN a.t IS NOT b.t "
                     "THEN a.t || ' <> ' || b.t END), sum(a.t ->> 0), "
                     "(SELECT count(*) FROM a) FROM a JOIN b USING (k)",
                     tally_read, tally_sums);
    ck_assert_int_lt(n, (int)sizeof sql);
    static const char *const days[] = {"2017-07-01", "2017-06-02", "2017-07-20", "2017-12-31"};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        sqlite3_stmt *st;
        ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s",
                      sqlite3_errmsg(db));
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":as_of"), days[i], -1,
                          SQLITE_STATIC);
        sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":amber_days"), 28);
        sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":stale_days"), i % 2 ? 0 : 60);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        ck_assert_int_eq(sqlite3_column_int(st, 0), 6 * 3 * 3 * 2 * 2 * 6);
        ck_assert_int_eq(sqlite3_column_int(st, 4), 6 * 3 * 3 * 2 * 2 * 6);
        ck_assert_msg(sqlite3_column_int(st, 1) == 0, "as of %s, %d groups differ, first %s",
                      days[i], sqlite3_column_int(st, 1), sqlite3_column_text(st, 2));
        ck_assert_int_eq(sqlite3_column_int(st, 3), 9 * 6 * 3 * 3 * 2 * 2 * 6);
        sqlite3_finalize(st);
    }
}
END_TEST

/* The sums' parameters, as the groups' literal arguments have them. */
static void bind_day(sqlite3_stmt *st)
{
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":as_of"), "2017-07-01", -1,
                      SQLITE_STATIC);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":amber_days"), 28);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":stale_days"), 60);
}

/* sql (freed) prepared, bound by bind_day and stepped to its first row. */
static sqlite3_stmt *first_row(sqlite3 *db, char *sql)
{
    sqlite3_stmt *st;
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s",
                  sqlite3_errmsg(db));
    sqlite3_free(sql);
    bind_day(st);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    return st;
}

/* One row of sql on db: its first column as text, or the error. */
static char *first_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return sqlite3_mprintf("error: %s", sqlite3_errmsg(db));
    int rc = sqlite3_step(st);
    char *out = rc == SQLITE_ROW    ? sqlite3_mprintf("%s", sqlite3_column_text(st, 0))
                : rc == SQLITE_DONE ? sqlite3_mprintf("no row")
                                    : sqlite3_mprintf("error: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return out;
}

static void first_is(sqlite3 *db, const char *sql, const char *want)
{
    char *got = first_of(db, sql);
    ck_assert_msg(strcmp(got, want) == 0, "%s\n  gave %s\n  want %s", sql, got, want);
    sqlite3_free(got);
}

/* rag_tally_groups(k, ...) read through tally_rows gives, for each value of
 * k, what the sums give under GROUP BY k: for integer keys (more groups
 * than its table first holds), text keys with quotes, backslashes and
 * control characters, a NULL key, and keys in runs; and the same from two
 * tables (a summary's settled and replayed parts) added up. */
START_TEST(tally_groups_equal_group_by)
{
    sqlite3 *db = fx_db->sql;
    ck_assert_int_eq(sqlite3_exec(db, tally_values, NULL, NULL, NULL), SQLITE_OK);
    static const char *const keys[] = {
        "x.rowid % 200",
        "CASE WHEN x.rowid % 7 = 0 THEN NULL ELSE x.rowid % 5 END",
        "quote(x.due_on) || char(9, 10) || '\\' || (x.rowid % 3)",
        "CASE WHEN typeof(x.status) = 'text' THEN x.status END",
        "CASE x.rowid % 3 WHEN 0 THEN '' WHEN 1 THEN NULL ELSE 'a' END",
        /* runs of one key, as a finding's actions share its theme, and a
           key met again after a run of another */
        "x.rowid / 4",
        "CASE WHEN x.rowid % 10 < 5 THEN 'Leadership' WHEN x.rowid % 10 < 7 THEN NULL "
        "ELSE 'leadership' END",
    };
    const char *args = "x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, "
                       "x.cadence, x.rag_override, '2017-07-01', 28, 60";
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        for (int parts = 1; parts <= 2; parts++) {
            /* two parts: the rows split by rowid, each counted apart */
            char *from = parts == 1
                             ? sqlite3_mprintf("(SELECT rag_tally_groups(%s, %s) FROM v x)",
                                               keys[i], args)
                             : sqlite3_mprintf("(SELECT rag_tally_groups(%s, %s) FROM v x "
                                               "WHERE x.rowid %% 3 = 0), (SELECT "
                                               "rag_tally_groups(%s, %s) FROM v x WHERE "
                                               "x.rowid %% 3 > 0)",
                                               keys[i], args, keys[i], args);
            char *sql = sqlite3_mprintf(
                "WITH ra AS (SELECT g.k, g.ord, %s AS t FROM tally_rows(0, %s) AS g), "
                /* a sum over NULLs alone is NULL, a count 0 */
                "rb AS (SELECT %s AS k, replace(%s, 'null', '0') AS t FROM v x GROUP BY 1), "
                "ob AS (SELECT k, row_number() OVER (ORDER BY k COLLATE NOCASE, k) AS ord "
                "       FROM rb) "
                "SELECT (SELECT count(*) FROM ra), (SELECT count(*) FROM rb), "
                "       (SELECT count(*) FROM ra JOIN rb ON ra.k IS rb.k AND ra.t = rb.t), "
                "       (SELECT count(*) FROM ra WHERE typeof(k) <> (SELECT typeof(k) FROM rb "
                "                                                    WHERE rb.k IS ra.k)), "
                "       (SELECT count(*) FROM ra JOIN ob ON ra.k IS ob.k AND ra.ord = ob.ord)",
                tally_read, from, keys[i], tally_sums);
            sqlite3_free(from);
            sqlite3_stmt *st = first_row(db, sql);
            int ra = sqlite3_column_int(st, 0), rb = sqlite3_column_int(st, 1);
            ck_assert_msg(rb > 2, "key %s: %d groups by GROUP BY", keys[i], rb);
            ck_assert_msg(ra == rb && sqlite3_column_int(st, 2) == rb,
                          "key %s, %d parts: %d groups, GROUP BY %d, %d equal", keys[i], parts,
                          ra, rb, sqlite3_column_int(st, 2));
            ck_assert_int_eq(sqlite3_column_int(st, 3), 0);
            ck_assert_msg(sqlite3_column_int(st, 4) == rb, "key %s: %d of %d in order", keys[i],
                          sqlite3_column_int(st, 4), rb);
            sqlite3_finalize(st);
        }
    }
    /* no rows: no groups */
    first_is(db, "SELECT rag_tally_groups(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0) "
                 "IS NULL FROM v WHERE 0", "1");
    first_is(db, "SELECT count(*) FROM tally_rows(0, (SELECT rag_tally_groups(1, NULL, NULL, "
                 "NULL, NULL, NULL, NULL, NULL, NULL, 0, 0) FROM v WHERE 0))", "0");
}
END_TEST

/* by_name: themes that differ only by case or spacing are one group, named
 * by the spelling that sorts first, as GROUP BY name_key(k) with min(k). */
START_TEST(tally_groups_by_name)
{
    sqlite3 *db = fx_db->sql;
    ck_assert_int_eq(sqlite3_exec(db, tally_values, NULL, NULL, NULL), SQLITE_OK);
    const char *key = "CASE x.rowid % 9 WHEN 0 THEN 'Leadership' WHEN 1 THEN 'leadership ' "
                      "WHEN 2 THEN ' LEADERSHIP' WHEN 3 THEN 'Early  help' "
                      "WHEN 4 THEN 'early help' WHEN 5 THEN NULL WHEN 6 THEN x.rowid % 2 "
                      "WHEN 7 THEN 'Zebra' ELSE 'apple' END";
    const char *args = "x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, "
                       "x.cadence, x.rag_override, '2017-07-01', 28, 60";
    char *sql = sqlite3_mprintf(
        "WITH ra AS (SELECT g.k, g.ord, %s AS t FROM tally_rows(1, "
        "  (SELECT rag_tally_groups(%s, %s) FROM v x WHERE x.rowid %% 2 = 0), "
        "  (SELECT rag_tally_groups(%s, %s) FROM v x WHERE x.rowid %% 2 = 1)) AS g), "
        "rb AS (SELECT min(k) AS k, json_array(sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), "
        "       sum(c5), sum(c6), sum(c7), sum(c8), sum(c9), sum(c10), sum(c11), sum(c12), "
        "       sum(c13)) AS t FROM (SELECT k, t ->> 0 AS c0, t ->> 1 AS c1, t ->> 2 AS c2, "
        "       t ->> 3 AS c3, t ->> 4 AS c4, t ->> 5 AS c5, t ->> 6 AS c6, t ->> 7 AS c7, "
        "       t ->> 8 AS c8, t ->> 9 AS c9, t ->> 10 AS c10, t ->> 11 AS c11, "
        "       t ->> 12 AS c12, t ->> 13 AS c13 FROM (SELECT %s AS k, %s AS t FROM v x "
        "       GROUP BY 1)) GROUP BY CASE WHEN typeof(k) = 'text' THEN name_key(k) ELSE k END), "
        "ob AS (SELECT k, row_number() OVER (ORDER BY k COLLATE NOCASE, k) AS ord FROM rb) "
        "SELECT (SELECT group_concat(quote(k), '|') FROM (SELECT k FROM ra ORDER BY ord)), "
        "       (SELECT count(*) FROM rb), "
        "       (SELECT count(*) FROM ra JOIN rb ON ra.k IS rb.k AND ra.t = rb.t), "
        "       (SELECT count(*) FROM ra JOIN ob ON ra.k IS ob.k AND ra.ord = ob.ord)",
        tally_read, key, args, key, args, key, tally_sums);
    sqlite3_stmt *st = first_row(db, sql);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0),
                     "NULL|0|1|' LEADERSHIP'|'apple'|'Early  help'|'Zebra'");
    ck_assert_int_eq(sqlite3_column_int(st, 1), 7);
    ck_assert_int_eq(sqlite3_column_int(st, 2), 7);
    ck_assert_int_eq(sqlite3_column_int(st, 3), 7);
    sqlite3_finalize(st);
}
END_TEST

/* tally_rows takes only rag_tally_groups()'s tokens, each once, and needs
 * the settled part. */
START_TEST(tally_rows_arguments)
{
    sqlite3 *db = fx_db->sql;
    first_is(db, "SELECT count(*) FROM tally_rows(0, 12345)",
             "error: tally_rows: an argument is not rag_tally_groups()'s");
    first_is(db, "SELECT count(*) FROM tally_rows(0, 'x')",
             "error: tally_rows: an argument is not rag_tally_groups()'s");
    first_is(db, "SELECT count(*) FROM tally_rows(0, NULL)", "0");
    char *got = first_of(db, "SELECT count(*) FROM tally_rows");
    ck_assert_msg(strncmp(got, "error: ", 7) == 0, "%s", got);
    sqlite3_free(got);
    /* a token left unread (a statement that stopped between the aggregate
       and tally_rows) is freed by the next tally_rows, and cannot be read */
    char *token = first_of(db, "SELECT rag_tally_groups(1, 'complete', NULL, NULL, NULL, "
                               "NULL, NULL, NULL, '2017-07-01', 28, 60)");
    first_is(db, "SELECT count(*) FROM tally_rows(0, NULL)", "0");
    char *again = sqlite3_mprintf("SELECT count(*) FROM tally_rows(0, %s)", token);
    first_is(db, again, "error: tally_rows: an argument is not rag_tally_groups()'s");
    sqlite3_free(again);
    sqlite3_free(token);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("rag");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, due_soon_boundaries);
    tcase_add_test(tc, open_ended);
    tcase_add_test(tc, recurring);
    tcase_add_test(tc, amber_days_setting);
    tcase_add_test(tc, overdue);
    tcase_add_test(tc, slipped);
    tcase_add_test(tc, stale_boundaries);
    tcase_add_test(tc, stale_from_start);
    tcase_add_test(tc, precedence);
    tcase_add_test(tc, closed_states);
    tcase_add_test(tc, overrides);
    tcase_add_test(tc, cannot_rate);
    tcase_add_test(tc, truncation);
    suite_add_tcase(s, tc);
    tc = fx_tcase("database");
    tcase_add_test(tc, db_schedule);
    tcase_add_test(tc, db_today);
    tcase_add_test(tc, db_settings);
    tcase_add_test(tc, db_settings_refused);
    tcase_add_test(tc, db_history);
    tcase_add_test(tc, db_long_override_reason);
    tcase_add_test(tc, db_refusals);
    tcase_add_test(tc, tally_equals_sums);
    tcase_add_test(tc, tally_groups_equal_group_by);
    tcase_add_test(tc, tally_groups_by_name);
    tcase_add_test(tc, tally_rows_arguments);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
