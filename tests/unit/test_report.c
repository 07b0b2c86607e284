/* Manager reports (report.c, sql/report.sql): overdue, due soon, stale and
 * summary on a small plan built here, their filters, the reconciliation of
 * the summary with the lists, and the query plans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "fixture.h"
#include "internal.h"
#include "plan_at.h"

/* ------------------------------------------------------------------ */
/* The plan                                                            */

/* Action ids, in the order plan() adds them. */
enum { A1 = 1, A2, A3, A4, A5, A6, A7, A8, A9, A10 };

static void add_finding(const char *review, const char *ref, const char *theme)
{
    sp_finding_new f = {.review = review, .ref = ref, .kind = "recommendation", .theme = theme,
                        .text = "A finding"};
    ck_assert_msg(sp_finding_add(NULL, fx_db, &f) == SP_OK, "%s", sp_errmsg(fx_db));
}

static void add_action(int64_t want_id, const char *finding, const char *owner, const char *start,
                       const char *due)
{
    int64_t id = 0;
    sp_action_new a = {.finding = finding, .title = "Do the thing", .owner = owner,
                       .due = due, .start = start};
    ck_assert_msg(sp_action_add(&id, NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(id, want_id);
}

static void update(int64_t id, const char *on, const char *status, const char *rag)
{
    sp_update u = {.author = "Test Officer", .on = on, .status = status, .rag = rag,
                   .note = "progress", .reason = rag ? "partner data late" : NULL};
    if (status && strcmp(status, "transferred") == 0) {
        u.transfer_to = "the service plan";
        u.reason = "year end";
    }
    ck_assert_msg(sp_action_update(NULL, NULL, fx_db, id, &u) == SP_OK, "%s",
                  sp_errmsg(fx_db));
}

/*
 * Two authorities; three themes, one of them spelt in two cases. Judged on
 * 2017-07-01 (amber within 28 days, stale after 60):
 *   A1  tb/r1/1  HoS   due 2017-03-31, not started          red, 92 days
 *   A2  tb/r1/1  LSCB  due 2017-06-30, in progress 06-01    red, 1 day
 *   A3  tb/r1/2  HoS   due 2016-12-01, override amber 06-20 red computed, shown amber
 *   A4  tb/r1/2  LSCB  due 2017-07-01                       amber, due today
 *   A5  lc/r1/1  HoS   due 2017-07-29                       amber, due in 28 days
 *   A6  lc/r1/1  HoS   due 2017-07-30, no update            amber, stale (181 days)
 *   A7  lc/r1/1  LSCB  due 2017-05-01, complete 04-20       blue
 *   A8  lc/r1/1  LSCB  due 2017-02-01, transferred 03-01    grey
 *   A9  tb/r1/1  LSCB  due 2017-12-31, in progress 06-15    green
 *   A10 tb/r1/1  LSCB  due 2017-12-31, no start, no update  green, never stale
 */
static void plan(void)
{
    fx_minimal_plan(); /* tb, tb/r1, tb/r1/1 "Capacity and managing resources" */
    add_finding("tb/r1", "2", "Working together");
    sp_authority_new a = {.code = "lc", .name = "Leicester City Council"};
    ck_assert_msg(sp_authority_add(NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_review_new r = {.authority = "lc", .ref = "r1", .kind = "ofsted_lscb_review",
                       .title = "Review of the LSCB"};
    ck_assert_msg(sp_review_add(NULL, fx_db, &r) == SP_OK, "%s", sp_errmsg(fx_db));
    add_finding("lc/r1", "1", "capacity and MANAGING resources");
    ck_assert_int_eq(sp_set_today(fx_db, "2017-07-01"), SP_OK);
    add_action(A1, "tb/r1/1", "Head of Service", "2017-01-01", "2017-03-31");
    add_action(A2, "tb/r1/1", "LSCB Business Manager", "2017-01-01", "2017-06-30");
    add_action(A3, "tb/r1/2", "Head of Service", "2016-06-01", "2016-12-01");
    add_action(A4, "tb/r1/2", "LSCB Business Manager", "2017-01-01", "2017-07-01");
    add_action(A5, "lc/r1/1", "Head of Service", "2017-01-01", "2017-07-29");
    add_action(A6, "lc/r1/1", "Head of Service", "2017-01-01", "2017-07-30");
    add_action(A7, "lc/r1/1", "LSCB Business Manager", "2017-01-01", "2017-05-01");
    add_action(A8, "lc/r1/1", "LSCB Business Manager", "2017-01-01", "2017-02-01");
    add_action(A9, "tb/r1/1", "LSCB Business Manager", "2017-01-01", "2017-12-31");
    add_action(A10, "tb/r1/1", "LSCB Business Manager", NULL, "2017-12-31");
    update(A2, "2017-06-01", "in_progress", NULL);
    update(A3, "2017-06-20", NULL, "amber");
    update(A5, "2017-06-25", NULL, NULL);
    update(A7, "2017-02-01", "in_progress", NULL);
    update(A7, "2017-04-20", "complete", NULL);
    update(A8, "2017-03-01", "transferred", NULL);
    update(A9, "2017-06-15", "in_progress", NULL);
    /* A past date shows the plan as it stood then, and an action exists
     * from its start, first update or recording (created_at, which is the
     * real clock): say the plan was recorded when the work began, so that
     * A10 (no start date) exists on the dates these tests judge. */
    ck_assert_int_eq(sqlite3_exec(fx_db->sql, "UPDATE action SET created_at = "
                                              "'2017-01-01T09:00:00Z'", NULL, NULL, NULL),
                     SQLITE_OK);
}

/* ------------------------------------------------------------------ */
/* Reading cursors                                                     */

static int column(sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return i;
    ck_abort_msg("no column %s", name);
    return -1;
}

/* The rows' values of one column, joined with ',' ("" for NULL); frees c. */
static char *values(sp_cursor *c, const char *name)
{
    static char buf[4096];
    int col = column(c, name), rc, n = 0;
    buf[0] = '\0';
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        const char *v = sp_cursor_text(c, col);
        if (n++)
            strncat(buf, ",", sizeof buf - strlen(buf) - 1);
        strncat(buf, v ? v : "", sizeof buf - strlen(buf) - 1);
    }
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
    return buf;
}

static sp_cursor *overdue(const char *as_of, const sp_filter *f)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_overdue(&c, fx_db, as_of, f) == SP_OK, "%s", sp_errmsg(fx_db));
    return c;
}

static sp_cursor *open_actions(const char *as_of, const sp_filter *f)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_open_actions(&c, fx_db, as_of, f) == SP_OK, "%s", sp_errmsg(fx_db));
    return c;
}

static sp_cursor *due(const char *as_of, const char *before, int days)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_due_soon(&c, fx_db, as_of, before, days, NULL) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    return c;
}

static sp_cursor *stale(const char *as_of, int days)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_stale(&c, fx_db, as_of, days, NULL) == SP_OK, "%s", sp_errmsg(fx_db));
    return c;
}

static sp_cursor *summary(const char *by, const sp_filter *f)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_summary(&c, fx_db, "2017-07-01", by, f) == SP_OK, "%s", sp_errmsg(fx_db));
    return c;
}

/* One summary row's counts, by column name. */
typedef struct counts {
    char group[128];
    int64_t v[14]; /* total, red ... withdrawn, in column order (NCOUNTS) */
} counts;

static int read_summary(counts *out, int max, sp_cursor *c)
{
    int n = 0, rc;
    ck_assert_int_eq(sp_cursor_columns(c), 15);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        ck_assert_int_lt(n, max);
        snprintf(out[n].group, sizeof out[n].group, "%s", sp_cursor_text(c, 0));
        for (int i = 1; i < 15; i++)
            out[n].v[i - 1] = sp_cursor_int(c, i);
        n++;
    }
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
    return n;
}

enum { TOTAL, RED, AMBER, GREEN, BLUE, GREY, UNRATED, OVERRIDDEN, NOT_STARTED, IN_PROGRESS,
       COMPLETE, SIGNED_OFF, TRANSFERRED, WITHDRAWN, NCOUNTS };

/* ------------------------------------------------------------------ */
/* overdue                                                             */

START_TEST(overdue_most_overdue_first)
{
    plan();
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "id"), "3,1,2");
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "days_overdue"), "212,92,1");
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "aging"), "180+,91-180,1-30");
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "path"),
                     "tb/r1/2/1,tb/r1/1/1,tb/r1/1/2");
    /* The override shows, with the computed rating kept in the reason. */
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "rag"), "amber,red,red");
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "rag_reason"),
                     "amber: override (partner data late); computed red: 212 days past due "
                     "date 2016-12-01,red: 92 days past due date 2017-03-31,red: 1 day past due "
                     "date 2017-06-30");
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "last_update_on"),
                     "2017-06-20,,2017-06-01");
}
END_TEST

START_TEST(overdue_columns_are_stable)
{
    static const char *const want[] = {
        "id", "path", "authority", "review", "finding_ref", "theme", "finding", "action",
        "owner", "start_on", "original_due_on", "due_on", "days_overdue", "aging", "rag",
        "rag_reason", "last_update_on", "status"};
    sp_cursor *c = overdue(NULL, NULL);
    ck_assert_int_eq(sp_cursor_columns(c), (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < sp_cursor_columns(c); i++)
        ck_assert_str_eq(sp_cursor_name(c, i), want[i]);
    ck_assert_int_eq(sp_cursor_type(c, column(c, "days_overdue")), SP_COL_INT);
    ck_assert_int_eq(sp_cursor_type(c, column(c, "due_on")), SP_COL_DATE);
    ck_assert_int_eq(fx_count(c), 0); /* an empty plan is no error */
}
END_TEST

START_TEST(overdue_due_today_is_not_overdue)
{
    plan();
    /* A4 is due 2017-07-01: not overdue that day, overdue the next. */
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "id"), "3,1,2");
    ck_assert_str_eq(values(overdue("2017-07-02", NULL), "id"), "3,1,2,4");
    /* Closed actions are never overdue, however late (A7, A8). */
    ck_assert_str_eq(values(overdue("2019-01-01", NULL), "id"), "3,1,2,4,5,6,9,10");
    /* UK dates work too; the default date is today. */
    ck_assert_str_eq(values(overdue("02/07/2017", NULL), "id"), "3,1,2,4");
    ck_assert_str_eq(values(overdue(NULL, NULL), "id"), "3,1,2");
}
END_TEST

START_TEST(overdue_aging_boundaries)
{
    plan();
    sp_filter f = {.finding = "tb/r1/1", .owner = "Head of Service"}; /* A1, due 2017-03-31 */
    static const char *const cases[][3] = {
        {"2017-04-01", "1", "1-30"},    {"2017-04-30", "30", "1-30"},
        {"2017-05-01", "31", "31-90"},  {"2017-06-29", "90", "31-90"},
        {"2017-06-30", "91", "91-180"}, {"2017-09-27", "180", "91-180"},
        {"2017-09-28", "181", "180+"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_str_eq(values(overdue(cases[i][0], &f), "days_overdue"), cases[i][1]);
        ck_assert_str_eq(values(overdue(cases[i][0], &f), "aging"), cases[i][2]);
    }
    ck_assert_str_eq(values(overdue("2017-03-31", &f), "id"), "");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Filters: the same in every report                                   */

START_TEST(filters_narrow_every_list)
{
    plan();
    static const struct {
        sp_filter f;
        const char *ids;
    } cases[] = {
        {{.authority = "tb"}, "3,1,2"},
        {{.authority = "LC"}, ""},
        {{.review = "tb/r1"}, "3,1,2"},
        {{.finding = "tb/r1/1"}, "1,2"},
        {{.finding = "3"}, ""}, /* by id: lc/r1/1 */
        {{.owner = "head of service"}, "3,1"},
        {{.owner = "2"}, "2"}, /* by id: LSCB Business Manager */
        {{.theme = "WORKING TOGETHER"}, "3"},
        {{.theme = "together"}, "3"}, /* a word of the theme */
        {{.status = "In progress"}, "2"},
        {{.status = "not-started"}, "3,1"},
        {{.rag = "red"}, "1,2"},
        {{.rag = "Amber"}, "3"}, /* as shown: the override counts */
        {{.authority = "tb", .owner = "LSCB Business Manager", .rag = "red"}, "2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(strcmp(values(overdue("2017-07-01", &cases[i].f), "id"), cases[i].ids) == 0,
                      "case %zu: want %s", i, cases[i].ids);
}
END_TEST

START_TEST(filters_apply_to_due_and_stale)
{
    plan();
    sp_filter tb = {.authority = "tb"}, lc = {.authority = "lc"}, green = {.rag = "green"};
    sp_cursor *c;
    ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", NULL, 60, &tb), SP_OK);
    ck_assert_str_eq(values(c, "id"), "4");
    ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", NULL, 60, &lc), SP_OK);
    ck_assert_str_eq(values(c, "id"), "5,6");
    ck_assert_int_eq(sp_stale(&c, fx_db, "2017-07-01", 60, &lc), SP_OK);
    ck_assert_str_eq(values(c, "id"), "6"); /* A5 was updated on 2017-06-25 */
    ck_assert_int_eq(sp_stale(&c, fx_db, "2017-07-01", 10, &green), SP_OK);
    ck_assert_str_eq(values(c, "id"), "9");
}
END_TEST

/* The ids of `all` (comma-separated, in order) that are in `set`. */
static char *keep(const char *all, const char *set)
{
    static char buf[256];
    char item[16], padded[64];
    snprintf(padded, sizeof padded, ",%s,", set);
    buf[0] = '\0';
    for (const char *p = all; *p;) {
        size_t n = strcspn(p, ",");
        snprintf(item, sizeof item, ",%.*s,", (int)n, p);
        if (strstr(padded, item))
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%.*s", buf[0] ? "," : "",
                     (int)n, p);
        p += n + (p[n] == ',');
    }
    return buf;
}

/* Every filter narrows every list to exactly the actions it names: the
 * filtered list is the unfiltered one less the others, in the same order.
 * The sets are worked out by hand from plan(). */
START_TEST(every_filter_on_every_list)
{
    plan();
    static const struct {
        sp_filter f;
        const char *set;
    } cases[] = {
        {{.authority = "tb"}, "1,2,3,4,9,10"},
        {{.authority = "lc"}, "5,6,7,8"},
        {{.review = "lc/r1"}, "5,6,7,8"},
        {{.finding = "tb/r1/1"}, "1,2,9,10"},
        {{.finding = "3"}, "5,6,7,8"},
        {{.owner = "head of service"}, "1,3,5,6"},
        {{.owner = "2"}, "2,4,7,8,9,10"},
        {{.theme = "WORKING TOGETHER"}, "3,4"},
        {{.theme = "capacity and managing resources"}, "1,2,5,6,7,8,9,10"},
        {{.status = "in_progress"}, "2,9"},
        {{.status = "not_started"}, "1,3,4,5,6,10"},
        {{.rag = "red"}, "1,2"},
        {{.rag = "amber"}, "3,4,5,6"},
        {{.rag = "green"}, "9,10"},
        {{.authority = "tb", .owner = "Head of Service", .theme = "Working together"}, "3"},
    };
    char all[3][256];
    sp_cursor *c;
    snprintf(all[0], sizeof all[0], "%s", values(overdue("2017-07-01", NULL), "id"));
    snprintf(all[1], sizeof all[1], "%s", values(due("2017-07-01", NULL, 3650), "id"));
    snprintf(all[2], sizeof all[2], "%s", values(stale("2017-07-01", 1), "id"));
    ck_assert_str_eq(all[0], "3,1,2");
    ck_assert_str_eq(all[1], "4,5,6,9,10");
    ck_assert_str_eq(all[2], "1,4,6,2,9,3,5");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const sp_filter *f = &cases[i].f;
        char want[256];
        snprintf(want, sizeof want, "%s", keep(all[0], cases[i].set));
        ck_assert_msg(strcmp(values(overdue("2017-07-01", f), "id"), want) == 0,
                      "overdue, case %zu", i);
        ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", NULL, 3650, f), SP_OK);
        snprintf(want, sizeof want, "%s", keep(all[1], cases[i].set));
        ck_assert_msg(strcmp(values(c, "id"), want) == 0, "due, case %zu", i);
        ck_assert_int_eq(sp_stale(&c, fx_db, "2017-07-01", 1, f), SP_OK);
        snprintf(want, sizeof want, "%s", keep(all[2], cases[i].set));
        ck_assert_msg(strcmp(values(c, "id"), want) == 0, "stale, case %zu", i);
        /* The summary counts the same actions, under either query. */
        for (int by = 0; by < 2; by++) {
            counts rows[16];
            int64_t total = 0, members = 1;
            int n = read_summary(rows, 16, summary(by ? "owner" : "theme", f));
            for (int k = 0; k < n; k++)
                total += rows[k].v[TOTAL];
            for (const char *p = cases[i].set; *p; p++)
                members += *p == ',';
            ck_assert_msg(total == members, "summary, case %zu: %lld", i, (long long)total);
        }
    }
}
END_TEST

START_TEST(filters_refuse_bad_values)
{
    plan();
    sp_cursor *c = (sp_cursor *)&c; /* must be reset to NULL on failure */
    sp_filter f = {.owner = "Nobody"};
    ck_assert_int_eq(sp_overdue(&c, fx_db, NULL, &f), SP_ENOTFOUND);
    ck_assert_ptr_null(c);
    /* Naming nothing is an error that names the closest names. */
    ck_assert_str_eq(sp_errmsg(fx_db),
                     "no owner 'Nobody'; closest: 'Head of Service', 'LSCB Business Manager'");
    f = (sp_filter){.owner = "Head of Servise"};
    ck_assert_int_eq(sp_overdue(&c, fx_db, NULL, &f), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "closest: 'Head of Service', "));
    f = (sp_filter){.authority = "tbb"};
    ck_assert_int_eq(sp_stale(&c, fx_db, NULL, -1, &f), SP_ENOTFOUND);
    ck_assert_str_eq(sp_errmsg(fx_db), "no authority 'tbb'; closest: 'tb', 'lc'");
    f = (sp_filter){.finding = "tb/r1/7"};
    ck_assert_int_eq(sp_overdue(&c, fx_db, NULL, &f), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "no finding 'tb/r1/7'; closest: 'tb/r1/"));
    f = (sp_filter){.finding = "tb/r2/1"};
    ck_assert_int_eq(sp_overdue(&c, fx_db, NULL, &f), SP_ENOTFOUND);
    ck_assert_str_eq(sp_errmsg(fx_db), "no finding 'tb/r2/1': no review 'tb/r2'; "
                                       "closest: 'tb/r1', 'lc/r1'");
    /* A theme is named by whole words: a part of a word names none. */
    f = (sp_filter){.theme = "Work"};
    ck_assert_int_eq(sp_summary(&c, fx_db, NULL, NULL, &f), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "no theme matches 'Work'; closest: 'W"));
    f = (sp_filter){.theme = "capacity manage"};
    ck_assert_int_eq(sp_due_soon(&c, fx_db, NULL, NULL, -1, &f), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "closest: 'C"));
    f = (sp_filter){.review = "tb"};
    ck_assert_int_eq(sp_summary(&c, fx_db, NULL, NULL, &f), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "AUTHORITY/REVIEW"));
    f = (sp_filter){.status = "sorted"};
    ck_assert_int_eq(sp_stale(&c, fx_db, NULL, -1, &f), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "status 'sorted' is not known"));
    f = (sp_filter){.rag = "purple"};
    ck_assert_int_eq(sp_due_soon(&c, fx_db, NULL, NULL, -1, &f), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "RAG rating 'purple'"));
    ck_assert_int_eq(sp_overdue(&c, fx_db, "2017-02-30", NULL), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "as-of date '2017-02-30' is not a valid date: expected "
                                       "YYYY-MM-DD or DD/MM/YYYY");
}
END_TEST

/* ------------------------------------------------------------------ */
/* due soon and stale                                                  */

START_TEST(due_soon_window)
{
    plan();
    /* Default: rag.amber_days (28): due today and due in 28 days, not 29. */
    ck_assert_str_eq(values(due("2017-07-01", NULL, -1), "id"), "4,5");
    ck_assert_str_eq(values(due("2017-07-01", NULL, -1), "days_to_due"), "0,28");
    ck_assert_str_eq(values(due("2017-07-01", NULL, 29), "id"), "4,5,6");
    ck_assert_str_eq(values(due("2017-07-01", NULL, 0), "id"), "4");
    /* --before is exclusive. */
    ck_assert_str_eq(values(due("2017-07-01", "2017-07-29", -1), "id"), "4");
    ck_assert_str_eq(values(due("2017-07-01", "30/07/2017", -1), "id"), "4,5");
    /* Far ahead: still open actions only, soonest first, ties by id. */
    ck_assert_str_eq(values(due("2017-07-01", NULL, 365), "id"), "4,5,6,9,10");
    /* The setting moves the default. */
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.amber_days", "29"), SP_OK);
    ck_assert_str_eq(values(due("2017-07-01", NULL, -1), "id"), "4,5,6");
}
END_TEST

START_TEST(due_soon_refuses_bad_windows)
{
    plan();
    sp_cursor *c;
    ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", "2017-07-01", -1, NULL), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db),
                     "due-before date 2017-07-01 is not after the as-of date 2017-07-01");
    ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", "July", -1, NULL), SP_EINVALID);
    ck_assert_int_eq(sp_due_soon(&c, fx_db, "2017-07-01", NULL, 3651, NULL), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "expected 0 to 3650 days"));
    ck_assert_ptr_null(c);
}
END_TEST

START_TEST(stale_counts_from_update_else_start)
{
    plan();
    /* 60 days before 2017-07-01 is 2017-05-02. A1, A4 and A6 started on
     * 2017-01-01 and were never updated; A10 has no date at all and is left
     * out; A2, A3, A5 and A9 were updated lately. */
    ck_assert_str_eq(values(stale("2017-07-01", -1), "id"), "1,4,6");
    ck_assert_str_eq(values(stale("2017-07-01", -1), "days_without_update"), "181,181,181");
    ck_assert_str_eq(values(stale("2017-07-01", -1), "counted_from_on"),
                     "2017-01-01,2017-01-01,2017-01-01");
    /* Stalest first: a shorter window brings in the recently updated. */
    ck_assert_str_eq(values(stale("2017-07-01", 11), "id"), "1,4,6,2,9,3");
    ck_assert_str_eq(values(stale("2017-07-01", 11), "days_without_update"),
                     "181,181,181,30,16,11");
    ck_assert_str_eq(values(stale("2017-07-01", 11), "last_update_on"),
                     ",,,2017-06-01,2017-06-15,2017-06-20");
    /* Exactly `days` counts as stale (as the RAG rule); one less does not. */
    ck_assert_str_eq(values(stale("2017-07-01", 12), "id"), "1,4,6,2,9");
    ck_assert_str_eq(values(stale("2017-07-01", 182), "id"), "");
}
END_TEST

START_TEST(stale_follows_the_setting)
{
    plan();
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.stale_days", "16"), SP_OK);
    ck_assert_str_eq(values(stale("2017-07-01", -1), "id"), "1,4,6,2,9");
    /* 0 switches the RAG rule off; the report then uses 60. */
    ck_assert_int_eq(sp_rag_set(fx_db, "rag.stale_days", "0"), SP_OK);
    ck_assert_str_eq(values(stale("2017-07-01", -1), "id"), "1,4,6");
}
END_TEST

/* ------------------------------------------------------------------ */
/* summary and its reconciliation with the lists                       */

START_TEST(summary_columns_and_types)
{
    static const char *const want[] = {
        "group", "total", "red", "amber", "green", "blue", "grey", "unrated", "overridden",
        "not_started", "in_progress", "complete", "signed_off", "transferred", "withdrawn"};
    plan();
    sp_cursor *c = summary(NULL, NULL);
    for (int i = 0; i < 15; i++) {
        ck_assert_str_eq(sp_cursor_name(c, i), want[i]);
        ck_assert_int_eq(sp_cursor_type(c, i), i == 0 ? SP_COL_TEXT : SP_COL_INT);
    }
    sp_cursor_free(c);
    ck_assert_int_eq(sp_summary(&c, fx_db, NULL, "colour", NULL), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), "summary grouping 'colour' is not known: expected one "
                                       "of theme, owner, review, authority, status");
}
END_TEST

START_TEST(summary_counts_by_theme)
{
    plan();
    counts rows[8];
    int n = read_summary(rows, 8, summary("theme", NULL));
    /* The two spellings of one theme are one group, as the filter sees them. */
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(strcasecmp(rows[0].group, "Capacity and managing resources"), 0);
    ck_assert_str_eq(rows[1].group, "Working together");
    /* A1 A2 red; A5 A6 amber; A9 A10 green; A7 blue; A8 grey. Not started:
     * A1 A5 A6 A10; in progress: A2 A9. */
    int64_t cap[14] = {8, 2, 2, 2, 1, 1, 0, 0, 4, 2, 1, 0, 1, 0};
    /* A3 red computed (shown amber by override); A4 amber. */
    int64_t wt[14] = {2, 1, 1, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0};
    for (int i = 0; i < 14; i++) {
        ck_assert_msg(rows[0].v[i] == cap[i], "capacity column %d: %lld", i,
                      (long long)rows[0].v[i]);
        ck_assert_msg(rows[1].v[i] == wt[i], "working together column %d: %lld", i,
                      (long long)rows[1].v[i]);
    }
}
END_TEST

START_TEST(summary_group_order_and_names)
{
    plan();
    ck_assert_str_eq(values(summary("owner", NULL), "group"),
                     "Head of Service,LSCB Business Manager");
    ck_assert_str_eq(values(summary("review", NULL), "group"), "lc/r1,tb/r1");
    ck_assert_str_eq(values(summary("authority", NULL), "group"), "lc,tb");
    ck_assert_str_eq(values(summary("status", NULL), "group"),
                     "not_started,in_progress,complete,transferred");
    ck_assert_str_eq(values(summary("status", NULL), "total"), "6,2,1,1");
    sp_filter none = {.authority = "tb", .status = "withdrawn"};
    ck_assert_int_eq(fx_count(summary("theme", &none)), 0);
}
END_TEST

/* The number of rows sp_overdue lists for f narrowed to one group. */
static int overdue_in_group(const char *by, const char *group, sp_filter f)
{
    if (strcmp(by, "theme") == 0)
        f.theme = group;
    else if (strcmp(by, "owner") == 0)
        f.owner = group;
    else if (strcmp(by, "review") == 0)
        f.review = group;
    else if (strcmp(by, "authority") == 0)
        f.authority = group;
    else
        f.status = group;
    return fx_count(overdue("2017-07-01", &f));
}

/* Every group's red is its overdue list's length; the reds add up to the
 * whole list; each row's RAG and status columns add up to its total. */
static void reconciles(const sp_filter *f)
{
    static const char *const groups[] = {"theme", "owner", "review", "authority", "status"};
    int listed = fx_count(overdue("2017-07-01", f));
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        counts rows[16];
        int n = read_summary(rows, 16, summary(groups[g], f));
        int64_t red = 0;
        for (int i = 0; i < n; i++) {
            int64_t rag = 0, status = 0;
            for (int k = RED; k <= UNRATED; k++)
                rag += rows[i].v[k];
            for (int k = NOT_STARTED; k <= WITHDRAWN; k++)
                status += rows[i].v[k];
            ck_assert_int_eq(rag, rows[i].v[TOTAL]);
            ck_assert_int_eq(status, rows[i].v[TOTAL]);
            ck_assert_msg(rows[i].v[RED] == overdue_in_group(groups[g], rows[i].group, *f),
                          "by %s, group %s", groups[g], rows[i].group);
            red += rows[i].v[RED];
        }
        ck_assert_msg(red == listed, "by %s: red %lld, overdue %d", groups[g], (long long)red,
                      listed);
    }
}

/* An integer from SQL run directly on the test's connection, where the
 * RAG functions are registered; ?1 is the date, ?2 a RAG word. */
static int64_t rated(const char *sql, const char *date, const char *word)
{
    sqlite3_stmt *st;
    ck_assert_msg(sqlite3_prepare_v2(fx_db->sql, sql, -1, &st, NULL) == SQLITE_OK, "%s",
                  sqlite3_errmsg(fx_db->sql));
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, word, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

#define COMPUTED "rag_computed(status, due_on, original_due_on, last_update_on, start_on, cadence, " \
                 "?1, 28, 60)"

/* The summary shortens some ratings to SQL (red, blue, grey, green as the
 * rest): each column must still equal rag_computed() action by action.
 * The current records are the plan's state from its last update
 * (2017-06-25) on; earlier days are checked against sp_plan_at below. */
START_TEST(summary_agrees_with_each_rating)
{
    static const char *const dates[] = {"2017-06-25", "2017-06-30", "2017-07-01",
                                        "2017-07-29", "2017-07-30", "2018-06-30"};
    static const char *const words[] = {"red", "amber", "green", "blue", "grey"};
    plan();
    for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++) {
        for (int by = 0; by < 2; by++) {
            sp_cursor *c = NULL;
            counts rows[16], sum = {{0}, {0}};
            ck_assert_int_eq(sp_summary(&c, fx_db, dates[d], by ? "status" : "theme", NULL),
                             SP_OK);
            int n = read_summary(rows, 16, c);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < NCOUNTS; k++)
                    sum.v[k] += rows[i].v[k];
            for (int w = 0; w < 5; w++)
                ck_assert_msg(sum.v[RED + w] == rated("SELECT count(*) FROM action WHERE "
                                                      COMPUTED " = ?2", dates[d], words[w]),
                              "%s on %s: %lld", words[w], dates[d], (long long)sum.v[RED + w]);
            ck_assert_int_eq(sum.v[OVERRIDDEN],
                             rated("SELECT count(*) FROM action WHERE rag_override <> " COMPUTED,
                                   dates[d], NULL));
            ck_assert_int_eq(sum.v[TOTAL], 10);
        }
    }
}
END_TEST

START_TEST(summary_reconciles_with_overdue)
{
    plan();
    static const sp_filter filters[] = {
        {0},
        {.authority = "tb"},
        {.authority = "lc"},
        {.owner = "Head of Service"},
        {.theme = "capacity and managing resources"},
        {.status = "in_progress"},
        {.rag = "red"},
        {.rag = "amber"}, /* the overridden A3: computed red, shown amber */
        {.review = "tb/r1", .owner = "LSCB Business Manager"},
    };
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        reconciles(&filters[i]);
    /* The override is reported, not hidden: computed red, counted overridden. */
    counts rows[2];
    sp_filter amber = {.rag = "amber"};
    ck_assert_int_eq(read_summary(rows, 2, summary("authority", &amber)), 2);
    ck_assert_str_eq(rows[1].group, "tb");
    ck_assert_int_eq(rows[1].v[RED], 1);
    ck_assert_int_eq(rows[1].v[OVERRIDDEN], 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* A past date: the plan as it stood then                              */

/* Rows in a cursor, which stays open (for its statement's counters). */
static int count_rows(sp_cursor *c)
{
    int n = 0, rc;
    while ((rc = sp_cursor_step(c)) == SP_ROW)
        n++;
    ck_assert_int_eq(rc, SP_DONE);
    return n;
}

/* Updates dated after 2017-07-01, recorded later (today 2018-01-01). */
static void later_history(void)
{
    ck_assert_int_eq(sp_set_today(fx_db, "2018-01-01"), SP_OK);
    update(A1, "2017-08-01", "in_progress", NULL);
    update(A1, "2017-09-01", "complete", NULL);
    sp_update u = {.author = "Test Officer", .on = "2017-08-10", .due = "2017-10-31",
                   .reason = "recruitment delayed"};
    ck_assert_msg(sp_action_update(NULL, NULL, fx_db, A5, &u) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    /* A11 starts after 2017-07-01: it did not exist on that day. */
    add_action(11, "lc/r1/1", "Head of Service", "2017-08-01", "2017-08-15");
}

START_TEST(completed_later_was_overdue_then)
{
    plan();
    later_history();
    /* A1 was completed on 2017-09-01; on 2017-07-01 it was open and 92
     * days late, with no update yet. */
    ck_assert_str_eq(values(overdue("2017-07-01", NULL), "id"), "3,1,2");
    sp_filter a1 = {.finding = "tb/r1/1", .owner = "Head of Service"};
    ck_assert_str_eq(values(overdue("2017-07-01", &a1), "status"), "not_started");
    ck_assert_str_eq(values(overdue("2017-07-01", &a1), "last_update_on"), "");
    ck_assert_str_eq(values(overdue("2017-07-01", &a1), "days_overdue"), "92");
    ck_assert_str_eq(values(overdue("2017-08-15", &a1), "status"), "in_progress");
    ck_assert_str_eq(values(overdue("2017-09-01", &a1), "id"), "");
    /* The summary counts it red then, and blue (complete) now. */
    counts rows[4];
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_summary(&c, fx_db, "2017-07-01", "status", &a1), SP_OK);
    ck_assert_int_eq(read_summary(rows, 4, c), 1);
    ck_assert_str_eq(rows[0].group, "not_started");
    ck_assert_int_eq(rows[0].v[RED], 1);
    ck_assert_int_eq(sp_summary(&c, fx_db, "2017-09-01", "status", &a1), SP_OK);
    ck_assert_int_eq(read_summary(rows, 4, c), 1);
    ck_assert_str_eq(rows[0].group, "complete");
    ck_assert_int_eq(rows[0].v[BLUE], 1);
}
END_TEST

START_TEST(due_date_revised_later_shows_the_original)
{
    plan();
    later_history();
    /* A5 was due 2017-07-29 until 2017-08-10, when it moved to 2017-10-31. */
    ck_assert_str_eq(values(due("2017-07-01", NULL, -1), "id"), "4,5");
    ck_assert_str_eq(values(due("2017-07-01", NULL, -1), "due_on"), "2017-07-01,2017-07-29");
    sp_filter hos = {.review = "lc/r1", .owner = "Head of Service"};
    ck_assert_str_eq(values(overdue("2017-08-01", &hos), "id"), "5,6");
    ck_assert_str_eq(values(overdue("2017-08-01", &hos), "due_on"), "2017-07-29,2017-07-30");
    ck_assert_str_eq(values(overdue("2017-08-01", &hos), "original_due_on"),
                     "2017-07-29,2017-07-30");
    ck_assert_str_eq(values(overdue("2017-08-01", &hos), "days_overdue"), "3,2");
    /* From the revision on, the revised date counts (A6 and A11 are late). */
    ck_assert_str_eq(values(overdue("2017-08-20", &hos), "id"), "6,11");
    ck_assert_str_eq(values(due("2017-08-20", NULL, 90), "id"), "5");
    ck_assert_str_eq(values(due("2017-08-20", NULL, 90), "due_on"), "2017-10-31");
    ck_assert_str_eq(values(overdue("2017-11-01", &hos), "id"), "6,11,5");
}
END_TEST

/* Whether the statement behind a report's cursor rebuilds actions changed
 * after its date (sql/report.sql, the parts marked "replayed"). */
static bool has_replayed_part(const sp_cursor *c)
{
    return strstr(sqlite3_sql(c->stmt), "replayed_action") != NULL;
}

/* A report leaves out its replayed parts when no action has an update
 * dated after its date, and keeps them otherwise. The check and the report
 * read one snapshot, which the cursor lets go when freed: an update dated
 * later, written by another connection between the two, does not take its
 * action out of the report. */
START_TEST(settled_reports_read_one_snapshot)
{
    plan();
    sp_cursor *c = overdue("2017-07-01", NULL), *d = NULL;
    ck_assert(!has_replayed_part(c));
    ck_assert_int_eq(sqlite3_get_autocommit(fx_db->sql), 0);
    /* A second report inside the first one's snapshot, which ends before
     * it reads a row, keeps every part. */
    sp_filter a1 = {.finding = "tb/r1/1", .owner = "Head of Service"};
    d = overdue("2017-07-01", &a1);
    ck_assert(has_replayed_part(d));
    sp_db *other = NULL;
    ck_assert_int_eq(sp_open(&other, fx_path, 0), SP_OK);
    ck_assert_int_eq(sp_set_today(other, "2017-09-01"), SP_OK);
    sp_update u = {.author = "Test Officer", .on = "2017-08-01", .status = "in_progress",
                   .note = "started late"};
    ck_assert_msg(sp_action_update(NULL, NULL, other, A1, &u) == SP_OK, "%s",
                  sp_errmsg(other));
    sp_close(other);
    ck_assert_str_eq(values(c, "id"), "3,1,2");
    ck_assert_int_eq(sqlite3_get_autocommit(fx_db->sql), 1);
    ck_assert_str_eq(values(d, "status"), "not_started");
    /* Now A1 has an update dated after the day: the replayed parts stay,
     * and give it as it stood. */
    c = overdue("2017-07-01", &a1);
    ck_assert(has_replayed_part(c));
    ck_assert_str_eq(values(c, "status"), "not_started");
    ck_assert_int_eq(sqlite3_get_autocommit(fx_db->sql), 1);
    /* Inside a caller's transaction, a report begins no transaction of
     * its own, ends none, and keeps every part. */
    char want[512];
    snprintf(want, sizeof want, "%s", values(overdue("2017-09-01", NULL), "id"));
    ck_assert_int_eq(sp_begin(fx_db), SP_OK);
    c = overdue("2017-09-01", NULL);
    ck_assert(has_replayed_part(c));
    ck_assert_str_eq(values(c, "id"), want);
    ck_assert_int_eq(sqlite3_get_autocommit(fx_db->sql), 0);
    ck_assert_int_eq(sp_commit(fx_db), SP_OK);
    ck_assert_int_eq(sqlite3_get_autocommit(fx_db->sql), 1);
}
END_TEST

START_TEST(started_later_is_absent)
{
    plan();
    later_history();
    /* A11 starts 2017-08-01, due 2017-08-15: not there on 2017-07-01. */
    ck_assert_str_eq(values(due("2017-07-01", NULL, 365), "id"), "4,5,6,9,10");
    ck_assert_str_eq(values(due("2017-08-01", NULL, 20), "id"), "11");
    counts rows[4];
    ck_assert_int_eq(read_summary(rows, 4, summary("authority", NULL)), 2);
    ck_assert_int_eq(rows[0].v[TOTAL] + rows[1].v[TOTAL], 10);
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_summary(&c, fx_db, "2017-08-01", "authority", NULL), SP_OK);
    ck_assert_int_eq(read_summary(rows, 4, c), 2);
    ck_assert_int_eq(rows[0].v[TOTAL] + rows[1].v[TOTAL], 11);
    /* Stale is judged on the updates made by the day: A5's update of
     * 2017-06-25 had not happened on 2017-06-24, so it counted from its
     * start then. */
    ck_assert_str_eq(values(stale("2017-06-24", -1), "id"), "1,4,5,6");
    ck_assert_str_eq(values(stale("2017-06-25", -1), "id"), "1,4,6");
}
END_TEST

/* An action as both a report and sp_plan_at show it. */
typedef struct shown {
    int64_t id;
    char key[SP_DATE_SIZE]; /* the list's order: due date, or last activity */
    char open, has_key;
    char due[SP_DATE_SIZE], activity[SP_DATE_SIZE];
    char text[1024];
} shown;

static bool has_column(sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return true;
    return false;
}

static const char *cell(sp_cursor *c, const char *name)
{
    const char *v = sp_cursor_text(c, column(c, name));
    return v ? v : "";
}

static void read_shown(shown *s, sp_cursor *c)
{
    static const char *const fields[] = {"path", "owner", "start_on", "original_due_on",
                                         "due_on", "status", "last_update_on", "rag",
                                         "rag_reason"};
    s->id = sp_cursor_int(c, column(c, "id"));
    snprintf(s->due, sizeof s->due, "%s", cell(c, "due_on"));
    /* The stale clock: progress, not administration (migration 0011). */
    const char *last = cell(c, has_column(c, "last_progress_on")  ? "last_progress_on"
                               : has_column(c, "counted_from_on") ? "counted_from_on"
                                                                  : "last_update_on");
    snprintf(s->activity, sizeof s->activity, "%s", last[0] ? last : cell(c, "start_on"));
    s->open = strcmp(cell(c, "status"), "not_started") == 0 ||
              strcmp(cell(c, "status"), "in_progress") == 0;
    s->text[0] = '\0';
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        size_t used = strlen(s->text);
        snprintf(s->text + used, sizeof s->text - used, "%s|", cell(c, fields[i]));
    }
}

static int by_key(const void *a, const void *b)
{
    const shown *x = a, *y = b;
    int k = strcmp(x->key, y->key);
    return k ? k : (x->id > y->id) - (x->id < y->id);
}

/* Every row's text, one per line, in the order given; frees c if a report. */
static char *listing(const shown *rows, int n)
{
    size_t size = (size_t)n * sizeof rows->text + 1, used = 0;
    char *out = malloc(size);
    ck_assert_ptr_nonnull(out);
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, size - used, "%lld|%s\n", (long long)rows[i].id,
                                 rows[i].text);
    return out;
}

static char *report_listing(sp_cursor *c)
{
    shown *rows = calloc(4096, sizeof *rows);
    int n = 0, rc;
    ck_assert_ptr_nonnull(rows);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        ck_assert_int_lt(n, 4096);
        read_shown(&rows[n++], c);
    }
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
    char *out = listing(rows, n);
    free(rows);
    return out;
}

/* sp_plan_at's rows for the day, those `keep` picks, sorted by their key. */
typedef int keep_fn(shown *s, const char *as_of, const char *end);

static int keep_overdue(shown *s, const char *as_of, const char *end)
{
    (void)end;
    snprintf(s->key, sizeof s->key, "%s", s->due);
    return s->open && strcmp(s->due, as_of) < 0;
}

static int keep_due(shown *s, const char *as_of, const char *end)
{
    snprintf(s->key, sizeof s->key, "%s", s->due);
    return s->open && strcmp(s->due, as_of) >= 0 && strcmp(s->due, end) < 0;
}

/* sp_open_actions: every open action, those with no due date last. */
static int keep_open(shown *s, const char *as_of, const char *end)
{
    (void)as_of;
    (void)end;
    snprintf(s->key, sizeof s->key, "%s", s->due[0] ? s->due : "9999-99-99");
    return s->open;
}

static int keep_stale(shown *s, const char *as_of, const char *cutoff)
{
    (void)as_of;
    snprintf(s->key, sizeof s->key, "%s", s->activity);
    return s->open && s->activity[0] && strcmp(s->activity, cutoff) <= 0;
}

static char *plan_listing(const char *as_of, const sp_filter *f, unsigned flags, keep_fn *picks,
                          const char *end)
{
    sp_cursor *c = NULL;
    ck_assert_msg(sp_plan_at_open(&c, fx_db, as_of, f, flags) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    shown *rows = calloc(4096, sizeof *rows);
    int n = 0, rc;
    ck_assert_ptr_nonnull(rows);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        ck_assert_int_lt(n, 4096);
        read_shown(&rows[n], c);
        n += picks(&rows[n], as_of, end);
    }
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
    qsort(rows, (size_t)n, sizeof *rows, by_key);
    char *out = listing(rows, n);
    free(rows);
    return out;
}

static void same_listing(char *report, char *plan_at, const char *what, const char *as_of)
{
    ck_assert_msg(strcmp(report, plan_at) == 0, "%s on %s:\nreport:\n%.1500s\nplan_at:\n%.1500s",
                  what, as_of, report, plan_at);
    free(report);
    free(plan_at);
}

/* The summary column (RED ... GREY) of the rating a text starts with. */
static int word_column(const char *word)
{
    static const char *const words[] = {"red", "amber", "green", "blue", "grey"};
    for (int w = 0; w < 5; w++)
        if (strncmp(word, words[w], strlen(words[w])) == 0)
            return RED + w;
    ck_abort_msg("no rating in '%s'", word);
    return -1;
}

/* The computed rating of a plan_at row: the override aside. */
static int computed_word(sp_cursor *c)
{
    const char *computed = strstr(cell(c, "rag_reason"), "computed ");
    if (cell(c, "rag_override")[0] && computed)
        return word_column(computed + strlen("computed "));
    return word_column(cell(c, "rag"));
}

/* The summary's column totals as counted over sp_plan_at's rows. */
static void plan_counts(int64_t v[NCOUNTS], const char *as_of, const sp_filter *f)
{
    static const char *const statuses[] = {"not_started", "in_progress", "complete",
                                           "signed_off", "transferred", "withdrawn"};
    sp_cursor *c = NULL;
    int rc;
    memset(v, 0, NCOUNTS * sizeof *v);
    ck_assert_int_eq(sp_plan_at(&c, fx_db, as_of, f), SP_OK);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        int word = computed_word(c);
        v[TOTAL]++;
        v[word]++;
        const char *override = cell(c, "rag_override");
        v[OVERRIDDEN] += override[0] && word_column(override) != word;
        for (int k = 0; k < 6; k++)
            v[NOT_STARTED + k] += strcmp(cell(c, "status"), statuses[k]) == 0;
    }
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
}

/* Each report, on each day and filter, lists exactly the actions sp_plan_at
 * shows as qualifying, with the same state, in the report's own order; the
 * summary's columns add up to the counts over sp_plan_at's rows. */
static void reports_match_plan_at(const char *const *dates, size_t ndates)
{
    static const sp_filter filters[] = {
        {0}, {.status = "in_progress"}, {.rag = "red"}, {.rag = "amber"}, {.no_due = 1}};
    static const char *const groups[] = {"theme", "owner", "status"};
    for (size_t d = 0; d < ndates; d++) {
        const char *day = dates[d];
        char end[SP_DATE_SIZE], cutoff[SP_DATE_SIZE];
        ck_assert_int_eq(sp_date_add_days(end, day, 3651), SP_OK);
        ck_assert_int_eq(sp_date_add_days(cutoff, day, -30), SP_OK);
        for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
            const sp_filter *f = &filters[i];
            sp_cursor *c = NULL;
            same_listing(report_listing(overdue(day, f)),
                         plan_listing(day, f, SP_PLAN_OVERDUE, keep_overdue, NULL), "overdue",
                         day);
            ck_assert_int_eq(sp_due_soon(&c, fx_db, day, NULL, 3650, f), SP_OK);
            same_listing(report_listing(c), plan_listing(day, f, 0, keep_due, end), "due", day);
            ck_assert_int_eq(sp_open_actions(&c, fx_db, day, f), SP_OK);
            same_listing(report_listing(c), plan_listing(day, f, 0, keep_open, NULL), "open",
                         day);
            ck_assert_int_eq(sp_stale(&c, fx_db, day, 30, f), SP_OK);
            same_listing(report_listing(c), plan_listing(day, f, 0, keep_stale, cutoff),
                         "stale", day);
            int64_t want[NCOUNTS];
            plan_counts(want, day, f);
            for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
                counts rows[64], sum = {{0}, {0}};
                ck_assert_int_eq(sp_summary(&c, fx_db, day, groups[g], f), SP_OK);
                int n = read_summary(rows, 64, c);
                for (int r = 0; r < n; r++)
                    for (int k = 0; k < NCOUNTS; k++)
                        sum.v[k] += rows[r].v[k];
                for (int k = 0; k < NCOUNTS; k++)
                    ck_assert_msg(sum.v[k] == want[k], "summary by %s on %s, filter %zu, "
                                  "column %d: %lld, plan_at %lld", groups[g], day, i, k,
                                  (long long)sum.v[k], (long long)want[k]);
            }
        }
    }
}

START_TEST(reports_equal_plan_at)
{
    static const char *const dates[] = {"2016-06-01", "2017-01-01", "2017-04-20",
                                        "2017-06-24", "2017-07-01", "2017-08-01",
                                        "2017-08-20", "2017-09-01", "2018-01-01"};
    plan();
    later_history();
    /* Open-ended: A12 still; A13 until 1 August, when it was given its
     * first due date (--no-due finds both through their indexes). */
    add_action(12, "lc/r1/1", "LSCB Business Manager", "2017-01-01", "Ongoing");
    add_action(13, "tb/r1/1", "Head of Service", "2017-02-01", "Ongoing");
    sp_update due = {.author = "Test Officer", .on = "2017-08-01", .due = "2017-09-30",
                     .reason = "agreed at board"};
    ck_assert_msg(sp_action_update(NULL, NULL, fx_db, 13, &due) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    reports_match_plan_at(dates, sizeof dates / sizeof dates[0]);
}
END_TEST

/* The web's "My actions": an owner's open actions, due soonest first, one
 * with no due date ("Ongoing") last; closed ones (A7 complete, A8
 * transferred) left out; as sp_plan_at shows them on each day. */
START_TEST(open_actions_due_soonest_first)
{
    plan();
    later_history();
    add_action(12, "lc/r1/1", "LSCB Business Manager", "2017-01-01", "Ongoing");
    sp_filter lscb = {.owner = "LSCB Business Manager"};
    ck_assert_str_eq(values(open_actions("2017-07-01", &lscb), "id"), "2,4,9,10,12");
    ck_assert_str_eq(values(open_actions("2017-07-01", &lscb), "days_to_due"), "-1,0,183,183,");
    ck_assert_str_eq(values(open_actions("2017-01-15", &lscb), "id"), "8,7,2,4,9,10,12");
    static const char *const dates[] = {"2017-01-15", "2017-07-01", "2017-08-20", "2018-01-01"};
    static const sp_filter filters[] = {{0}, {.owner = "Head of Service"},
                                        {.owner = "LSCB Business Manager", .authority = "lc"}};
    for (size_t d = 0; d < 4; d++)
        for (size_t i = 0; i < 3; i++) {
            sp_cursor *c = NULL;
            ck_assert_int_eq(sp_open_actions(&c, fx_db, dates[d], &filters[i]), SP_OK);
            same_listing(report_listing(c), plan_listing(dates[d], &filters[i], 0, keep_open, NULL),
                         "open", dates[d]);
        }
}
END_TEST

START_TEST(reports_equal_plan_at_on_the_example)
{
    static const char *const dates[] = {"2012-06-01", "2012-12-31", "2014-06-30",
                                        "2015-12-31", "2016-12-31", "2017-07-01",
                                        "2018-06-30", "2019-01-01"};
    int added = 0;
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_gt(added, 0);
    reports_match_plan_at(dates, sizeof dates / sizeof dates[0]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Query plans                                                         */

/* EXPLAIN QUERY PLAN of a named query in sql/report.sql, as the library
 * compiles it (fragments included). */
static char *query_text(const char *name, const sp_filter *f)
{
    char full[64];
    snprintf(full, sizeof full, "report/%s", name);
    char *sql = sp_query_sql_filtered(full, f);
    ck_assert_ptr_nonnull(sql);
    size_t n = strlen(sql) + 32;
    char *explain = malloc(n);
    ck_assert_ptr_nonnull(explain);
    snprintf(explain, n, "EXPLAIN QUERY PLAN %s", sql);
    free(sql);
    return explain;
}

/* The query plan of a report query with the filters set in f (may be
 * NULL), one detail per line. */
static char *plan_filtered(const char *name, const sp_filter *f)
{
    static char buf[65536];
    sqlite3_stmt *st;
    char *sql = query_text(name, f);
    ck_assert_int_eq(sqlite3_prepare_v2(fx_db->sql, sql, -1, &st, NULL), SQLITE_OK);
    free(sql);
    buf[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t used = strlen(buf);
        ck_assert_int_lt(used + 256, sizeof buf);
        snprintf(buf + used, sizeof buf - used, "%s\n", (const char *)sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    return buf;
}

static char *plan_of(const char *name)
{
    return plan_filtered(name, NULL);
}

static void lacks(const char *plan, const char *what)
{
    ck_assert_msg(!strstr(plan, what), "plan has '%s':\n%.3000s", what, plan);
}

static void has(const char *plan, const char *what)
{
    ck_assert_msg(strstr(plan, what), "plan lacks '%s':\n%.3000s", what, plan);
}

/* The lines of a plan after the line `from` up to the line `to` (NULL:
 * to the end): one arm of a compound query. */
static const char *arm(const char *plan, const char *from, const char *to)
{
    static char buf[65536];
    char marker[32];
    snprintf(marker, sizeof marker, "\n%s\n", from);
    const char *start = strstr(plan, marker);
    ck_assert_msg(start, "plan has no %s:\n%.3000s", from, plan);
    start += strlen(marker);
    snprintf(marker, sizeof marker, "\n%s\n", to ? to : "");
    const char *end = to ? strstr(start, marker) : NULL;
    ck_assert_msg(!to || end, "plan has no %s after %s:\n%.3000s", to, from, plan);
    snprintf(buf, sizeof buf, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
    return buf;
}

/* Part k of a summary's plan: the k-th (from 0) of tally_rows' arguments,
 * each a scalar subquery: 0 counts the settled actions, 1 the replayed. */
static const char *part(const char *plan, int k)
{
    static char buf[65536];
    const char *start = plan;
    for (int i = 0; i <= k; i++) {
        start = strstr(start, "\nSCALAR SUBQUERY ");
        ck_assert_msg(start, "plan has no part %d:\n%.3000s", k, plan);
        start = strchr(start + 1, '\n');
        ck_assert_ptr_nonnull(start);
    }
    const char *end = strstr(start, "\nSCALAR SUBQUERY ");
    snprintf(buf, sizeof buf, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
    return buf;
}

/* A summary's own loop, before its parts: the groups tally_rows gives,
 * never sorted by SQLite when sort is false (the table's own order). */
static void summary_reads_groups(const char *plan, bool sort)
{
    const char *first = strstr(plan, "\nSCALAR SUBQUERY ");
    ck_assert_ptr_nonnull(first);
    char head[1024];
    snprintf(head, sizeof head, "%.*s", (int)(first - plan), plan);
    has(head, "SCAN g VIRTUAL TABLE INDEX 7:");
    if (sort)
        has(plan, "USE TEMP B-TREE FOR ORDER BY");
    else
        lacks(head, "TEMP B-TREE");
    lacks(plan, "FOR GROUP BY");
}

/* A list's plan: the settled arm is the partial-index range it always was,
 * in order (no sort, so today's report streams); the replayed arm is found
 * through action_last_update, never by a scan of a table. */
static void list_plan(const char *name, const char *settled_index)
{
    const char *p = plan_of(name);
    has(p, "MERGE (UNION ALL)\n");
    lacks(p, "AUTOMATIC");
    lacks(p, "SCAN u");
    const char *left = arm(p, "LEFT", "RIGHT");
    has(left, settled_index);
    lacks(left, "SCAN");
    lacks(left, "TEMP B-TREE");
    const char *right = arm(p, "RIGHT", NULL);
    has(right, "SEARCH a USING INDEX action_last_update (last_update_on>?)\n");
    lacks(right, "SCAN a");
    lacks(right, "SCAN f");
    lacks(right, "SCAN o");
}

START_TEST(lists_use_the_open_action_indexes)
{
    list_plan("overdue", "SEARCH x USING INDEX action_open_due (due_on<?)\n");
    list_plan("due", "SEARCH x USING INDEX action_open_due (due_on>? AND due_on<?)\n");
    list_plan("stale", "SEARCH x USING INDEX action_open_activity (<expr><?)\n");
}
END_TEST

/* The plan above is fixed at prepare time; run for today, the replayed arm
 * is empty, so no table is scanned at all: the report is the index range. */
START_TEST(lists_for_today_scan_nothing)
{
    plan();
    sp_filter mine = {.owner = "Head of Service"};
    sp_cursor *c[4] = {overdue(NULL, NULL), due(NULL, NULL, 3650), stale(NULL, 1),
                       open_actions(NULL, &mine)};
    for (int i = 0; i < 4; i++) {
        ck_assert_int_gt(count_rows(c[i]), 0);
        ck_assert_int_eq(sqlite3_stmt_status(c[i]->stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0);
        sp_cursor_free(c[i]);
    }
    /* A past date replays the actions changed since: still no table scan
     * (the replayed rows are found by index), but they are read. */
    sp_cursor *past = overdue("2017-05-01", NULL);
    ck_assert_int_gt(count_rows(past), 0);
    ck_assert_int_gt(sqlite3_stmt_status(past->stmt, SQLITE_STMTSTATUS_VM_STEP, 0), 0);
    sp_cursor_free(past);
}
END_TEST

START_TEST(summary_by_theme_needs_no_sort)
{
    /* The settled actions: each finding, then its actions through the
     * (finding_id, ref) index, counted into their theme's group by
     * rag_tally_groups(): a million actions are never sorted, whatever
     * order the findings come in. The replayed actions are counted so too,
     * and tally_rows adds the two and gives the themes in order: nothing
     * is sorted by SQLite. */
    const char *p = plan_of("summary_theme");
    lacks(p, "AUTOMATIC");
    lacks(p, "SCAN u"); /* the history is read by index, action by action */
    summary_reads_groups(p, false);
    const char *settled = part(p, 0);
    has(settled, "SCAN f\n");
    has(settled, "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)");
    has(settled, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)");
    lacks(settled, "TEMP B-TREE");
    lacks(settled, "SCAN x");
    has(part(p, 1), "SEARCH a USING INDEX action_last_update (last_update_on>?)");
    lacks(part(p, 1), "SCAN a");
}
END_TEST

START_TEST(summary_reads_actions_once)
{
    /* Other groupings: one pass over the action table for the settled
     * actions (a summary counts every action, closed ones too, so no index
     * narrows it); the rest by primary key, names once per group. */
    const char *p = plan_of("summary");
    const char *settled = part(p, 0);
    has(settled, "SCAN x\n");
    /* The actions are counted into groups as they are read
     * (rag_tally_groups), never sorted: a GROUP BY over them held every
     * action counted in memory. Only the groups are sorted, by name. */
    lacks(settled, "TEMP B-TREE");
    summary_reads_groups(p, true);
    has(settled, "SEARCH f USING INTEGER PRIMARY KEY (rowid=?)");
    has(settled, "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)");
    has(p, "SEARCH owner USING INTEGER PRIMARY KEY (rowid=?)");
    has(part(p, 1), "SEARCH a USING INDEX action_last_update (last_update_on>?)");
    lacks(part(p, 1), "SCAN a");
    lacks(p, "SCAN f");
    lacks(p, "SCAN r");
    lacks(p, "SCAN owner");
    lacks(p, "SCAN authority");
    lacks(p, "SCAN u");
    lacks(p, "AUTOMATIC");
}
END_TEST

/* The filter with the fields of `bits` set (bit i: field i of authority,
 * review, finding, owner, theme, status, rag). The plan depends only on
 * which are set, so any value does. */
static sp_filter filter_of(unsigned bits)
{
    sp_filter f = {0};
    const char **fields[] = {&f.authority, &f.review, &f.finding, &f.owner,
                             &f.theme,     &f.status, &f.rag};
    for (unsigned i = 0; i < 7; i++)
        if (bits & (1u << i))
            *fields[i] = "x";
    return f;
}

/* The index that leads a list's settled arm when the filter at that bit
 * (authority, review, finding, owner, theme) is the narrowest one set. An
 * owner's open actions, and only those, are in action_open_owner
 * (migration 15). */
static const char *const list_index[] = {
    "SEARCH ra USING COVERING INDEX sqlite_autoindex_review_1 (authority_id=?)\n",
    "SEARCH fr USING COVERING INDEX sqlite_autoindex_finding_1 (review_id=?)\n",
    "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n",
    "SEARCH x USING INDEX action_open_owner (owner_id=?)\n",
    "SEARCH ft USING COVERING INDEX finding_theme (theme=?)\n",
};

/* Under a filter of findings (an authority, a review, a finding, a theme),
 * each finding's open actions, and only those, are read from the open
 * actions' index by finding (migration 0012), the due range from it too. */
static const char *const by_finding_index = "SEARCH x USING INDEX action_open_finding (finding_id=?";

/* Each filter alone, and every combination of them, in each list: the
 * settled arm starts from the filter's index (never a scan). So does the
 * replayed arm (by_replayed): a past day's list of one owner or council
 * replayed every action updated since that day. Status and RAG alone have
 * no index of their own: the list keeps its range index, in order, and
 * the replay starts from action_last_update. */
/* The replayed actions are found from the narrowest filter's index: the
 * finding's, the owner's candidates (owner_candidates), the review's,
 * the authority's or the theme's findings; from those updated since the
 * day only when status or RAG alone are set. */
static void replay_plan(const char *p, unsigned bits)
{
    static const char *const lead[] = {
        "SEARCH a USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n",
        "SEARCH a USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n",
        "SEARCH a USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n",
        "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)\n",
        "SEARCH a USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n",
    };
    lacks(p, "SCAN a");
    if ((bits & 31) == 0) {
        has(p, "SEARCH a USING INDEX action_last_update (last_update_on>?)\n");
        return;
    }
    lacks(p, "action_last_update");
    for (unsigned i = 0; i < 5; i++)
        if (bits & (1u << i))
            ck_assert_msg(strstr(p, lead[i]) || (bits & ~(1u << i) & 31),
                          "filters 0x%x: the replay lacks %s\n%s", bits, lead[i], p);
    if (bits & 8) /* the owner's candidates, each through its index */
        has(p, "SEARCH u USING INDEX action_update_new_owner (new_owner_id=?)\n");
}

static void filtered_list_plans(const char *name, const char *range_index)
{
    for (unsigned bits = 1; bits < 128; bits++) {
        sp_filter f = filter_of(bits);
        const char *p = plan_filtered(name, &f);
        lacks(p, "SCAN u");
        char left[65536];
        snprintf(left, sizeof left, "%s", arm(p, "LEFT", "RIGHT"));
        lacks(left, "AUTOMATIC");
        lacks(left, "SCAN f");
        lacks(left, "SCAN r");
        lacks(left, "SCAN o");
        /* The replayed arm may start from the filter's index and look the
         * replayed state up by id: SQLite then indexes the materialized
         * set once (AUTOMATIC ... (id=?)); for today's reports it is empty. */
        const char *right = arm(p, "RIGHT", NULL);
        replay_plan(right, bits);
        lacks(right, "SCAN f");
        lacks(right, "AUTOMATIC COVERING INDEX");
        lacks(right, "AUTOMATIC INDEX");
        if ((bits & 31) == 0) { /* status and/or RAG only */
            has(left, range_index);
            lacks(left, "TEMP B-TREE");
            /* the open list has no range: it walks its index whole */
            if (strncmp(range_index, "SCAN", 4) != 0)
                lacks(left, "SCAN x");
            continue;
        }
        lacks(left, "SCAN x");
        /* A finding is the narrowest (its open actions, by due date); then
         * an owner, a review, an authority, a theme: the first of these set
         * leads. */
        static const unsigned order[] = {2, 3, 1, 0, 4};
        unsigned lead = 0;
        while (!(bits & (1u << order[lead])))
            lead++;
        const char *want = order[lead] == 2 ? by_finding_index : list_index[order[lead]];
        /* a finding and an owner: either may lead (both are a few rows) */
        if ((bits & 12) == 12 && strstr(left, list_index[3]))
            continue;
        ck_assert_msg(strstr(left, want), "%s, filters 0x%x: lacks %s\n%s", name, bits, want,
                      left);
        if (order[lead] != 3)
            ck_assert_msg(strstr(left, by_finding_index), "%s, filters 0x%x: lacks %s\n%s", name,
                          bits, by_finding_index, left);
    }
}

START_TEST(filtered_lists_use_the_filters_indexes)
{
    filtered_list_plans("overdue", "SEARCH x USING INDEX action_open_due (due_on<?)\n");
    filtered_list_plans("due", "SEARCH x USING INDEX action_open_due (due_on>? AND due_on<?)\n");
    filtered_list_plans("stale", "SEARCH x USING INDEX action_open_activity (<expr><?)\n");
    /* "My actions": the owner's index leads, and their few rows are sorted */
    filtered_list_plans("open", "SCAN x USING INDEX action_open_due\n");
}
END_TEST

/* The ids an awaiting-verification cursor lists, as "1,7" (ids in order). */
static void awaiting_ids(char *out, size_t size, const sp_filter *f)
{
    sp_cursor *c;
    int rc = f ? sp_awaiting_verification_where(&c, fx_db, "2017-07-01", f)
               : sp_awaiting_verification(&c, fx_db, "2017-07-01");
    ck_assert_msg(rc == SP_OK, "%s", sp_errmsg(fx_db));
    out[0] = '\0';
    while (sp_cursor_step(c) == SP_ROW) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s", used ? "," : "", sp_cursor_text(c, 0));
    }
    sp_cursor_free(c);
}

/* Awaiting verification, narrowed: a council's pack and report ask for
 * their part only (the whole plan's list, sorted, was 83 MiB at a million
 * actions); each filter keeps the rows the whole list has for it. */
START_TEST(awaiting_verification_by_filter)
{
    plan();
    update(A1, "2017-05-01", "in_progress", NULL);
    update(A1, "2017-05-10", "complete", NULL); /* tb; A7 (lc) was completed in plan() */
    char ids[256], want[64];
    awaiting_ids(ids, sizeof ids, NULL);
    snprintf(want, sizeof want, "%d,%d", A7, A1); /* the longest waiting first */
    ck_assert_str_eq(ids, want);
    snprintf(want, sizeof want, "%d", A1);
    sp_filter tb = {.authority = "tb"}, review = {.review = "tb/r1"},
              head = {.owner = "Head of Service"};
    awaiting_ids(ids, sizeof ids, &tb);
    ck_assert_str_eq(ids, want);
    awaiting_ids(ids, sizeof ids, &review);
    ck_assert_str_eq(ids, want);
    awaiting_ids(ids, sizeof ids, &head);
    ck_assert_str_eq(ids, want);
    sp_filter lc = {.authority = "lc"};
    snprintf(want, sizeof want, "%d", A7);
    awaiting_ids(ids, sizeof ids, &lc);
    ck_assert_str_eq(ids, want);
    sp_filter none = {.authority = "lc", .owner = "Head of Service"};
    awaiting_ids(ids, sizeof ids, &none);
    ck_assert_str_eq(ids, "");
}
END_TEST

/* Explains a statement of the library's SQL, filled in as sp_prepare_filtered
 * would, into p. */
static void explain_filtered(char *p, size_t size, const char *name, const sp_filter *f)
{
    char *sql = sp_query_sql_filtered(name, f);
    ck_assert_ptr_nonnull(sql);
    char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    free(sql);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(fx_db->sql, explain, -1, &st, NULL), SQLITE_OK);
    sqlite3_free(explain);
    p[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t used = strlen(p);
        snprintf(p + used, size - used, "%s\n", (const char *)sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
}

/* `action list` (sql/action.sql, the web's "My actions"): with a filter
 * that narrows it to a place or an owner, alone or combined, no table is
 * scanned and the narrowest filter's index leads, as in the reports. A
 * theme, status or RAG alone do not: the library lists the whole plan with
 * list_plan (whole_plan_lists_sort_one_authority_at_a_time, below). */
START_TEST(action_list_uses_the_filters_indexes)
{
    static const unsigned order[] = {3, 2, 1, 0};
    for (unsigned bits = 1; bits < 128; bits++) {
        sp_filter f = filter_of(bits);
        char p[8192];
        explain_filtered(p, sizeof p, "action/list", &f);
        lacks(p, "AUTOMATIC");
        if ((bits & 15) == 0) /* nothing narrows it: the library walks the plan */
            continue;
        lacks(p, "SCAN x");
        lacks(p, "SCAN f");
        lacks(p, "SCAN r");
        lacks(p, "SCAN a\n");
        lacks(p, "SCAN o");
        unsigned lead = 0;
        while (!(bits & (1u << order[lead])))
            lead++;
        /* every action, closed too: an owner's are in action_owner */
        const char *want = order[lead] == 3 ? "SEARCH x USING INDEX action_owner (owner_id=?)\n"
                                            : list_index[order[lead]];
        ck_assert_msg(strstr(p, want), "action/list, filters 0x%x: lacks %s\n%s", bits, want, p);
    }
}
END_TEST

static int count_of(const char *text, const char *what)
{
    int n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

/* The whole plan's lists of actions (no filter narrows them to a place or
 * an owner: a theme, status, RAG or none) and of findings: the authorities
 * are walked in code order and only one authority's rows are sorted at a
 * time; no automatic index (an index of every action, built in memory) and
 * no sort of the whole plan. At a million actions they held 279 MiB and
 * 48 MiB before, and one theme's list 40 MiB. A theme is a condition on
 * the finding, before its actions are read. */
START_TEST(whole_plan_lists_sort_one_authority_at_a_time)
{
    char p[8192];
    /* Bit 128: --no-due, whose authorities, reviews and findings come from
     * action_no_due before the walk reaches them (it looked into every
     * finding: 0.25 s at a million actions with none open-ended). */
    for (unsigned bits = 0; bits < 256; bits += 16) {
        sp_filter f = filter_of(bits & 127);
        f.no_due = (bits & 128) != 0;
        explain_filtered(p, sizeof p, "action/list_plan", &f);
        if (f.no_due) {
            ck_assert_int_eq(count_of(p, "SCAN nd USING INDEX action_no_due\n"), 3);
            ck_assert_msg(strstr(p, "LIST SUBQUERY") < strstr(p, "SEARCH r "),
                          "list_plan --no-due: the reviews are not narrowed\n%s", p);
        }
        has(p, "SCAN a USING COVERING INDEX sqlite_autoindex_authority_1\n");
        has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
        has(p, "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY\n");
        lacks(p, "AUTOMATIC");
        lacks(p, "SCAN x");
        lacks(p, "SCAN f");
        const char *theme = strstr(p, "json_each"), *actions = strstr(p, "SEARCH x");
        ck_assert_msg(!(bits & 16) || (theme && theme < actions),
                      "list_plan, filters 0x%x: the theme is not judged before the actions\n%s",
                      bits, p);
    }
    sp_filter none = {0};
    explain_filtered(p, sizeof p, "finding/list", &none);
    has(p, "SCAN a USING COVERING INDEX sqlite_autoindex_authority_1\n");
    has(p, "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY\n");
    lacks(p, "AUTOMATIC");
    lacks(p, "SCAN f");
    /* One review's findings (finding list REVIEW), from its index alone. */
    explain_filtered(p, sizeof p, "finding/list_of_review", &none);
    has(p, "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)\n");
    has(p, "SEARCH f USING INDEX sqlite_autoindex_finding_1 (review_id=?)\n");
    lacks(p, "SCAN");
}
END_TEST

/* The plan on a day (plan_at.c) is read a finding at a time, each finding's
 * actions through the index on finding_id, or in no order an authority at
 * a time; the overdue list sorts the ids alone, then reads each action by
 * its id. */
START_TEST(plan_at_reads_in_groups_through_indexes)
{
    char p[16384];
    sp_filter none = {0};
    explain_filtered(p, sizeof p, "plan_at/finding_actions", &none);
    has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
    lacks(p, "SCAN x");
    lacks(p, "AUTOMATIC");
    explain_filtered(p, sizeof p, "plan_at/findings_in_order", &none);
    lacks(p, " x ");
    /* With an owner, the owner's candidate actions' findings, each by id
     * (by_place_owner). */
    sp_filter owner = filter_of(8);
    explain_filtered(p, sizeof p, "plan_at/findings_in_order", &owner);
    lacks(p, " x ");
    has(p, "SEARCH oa USING INTEGER PRIMARY KEY (rowid=?)\n");
    lacks(p, "SCAN oa");
    lacks(p, "SCAN f\n");
    lacks(p, "SCAN f USING");
    /* An owner's overdue list, trend's first day and Changes sheet start
     * from the owner's candidates (by_candidate), each action by its id:
     * as a runtime OR, the owner walked the plan's actions or the updates
     * of the dates (1.1 s, 0.3 s and 2.6 s of an owner's report and pack
     * at a million actions). */
    static const char *const of_owner[] = {"plan_at/overdue_in_order", "plan_at/first_day",
                                           "pack/changes_in_order"};
    for (size_t q = 0; q < sizeof of_owner / sizeof of_owner[0]; q++) {
        explain_filtered(p, sizeof p, of_owner[q], &owner);
        has(p, "SEARCH c USING COVERING INDEX action_owner (owner_id=?)\n");
        has(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid=?)\n");
        lacks(p, "SCAN x");
        lacks(p, "SCAN u");
        lacks(p, "rowid>? AND rowid<?");
    }
    explain_filtered(p, sizeof p, "plan_at/authority_actions", &none);
    has(p, "USING COVERING INDEX sqlite_autoindex_review_1 (authority_id=?)\n");
    has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
    lacks(p, "SCAN x");
    /* no sort of its rows: one sort fewer than a finding's statement (the
     * sorts left are of an action's own updates, in its subqueries) */
    int sorts = count_of(p, "USE TEMP B-TREE FOR ORDER BY\n");
    explain_filtered(p, sizeof p, "plan_at/finding_actions", &none);
    ck_assert_int_eq(sorts, count_of(p, "USE TEMP B-TREE FOR ORDER BY\n") - 1);
    /* A review's or a finding's actions in no order: through its index
     * (by_candidate), not its authority's every action. */
    static const unsigned narrow[] = {2, 4};
    for (size_t i = 0; i < 2; i++) {
        sp_filter f = filter_of(narrow[i]);
        explain_filtered(p, sizeof p, "plan_at/candidate_counts", &f);
        has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
        lacks(p, "SCAN x");
        lacks(p, "SCAN f");
        lacks(p, "SCAN r");
    }
    /* A count's rows (SP_PLAN_COUNTS): the same walk, with no review,
     * authority or owner joined and no latest update looked up. */
    explain_filtered(p, sizeof p, "plan_at/authority_counts", &none);
    has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
    lacks(p, "SEARCH lu");
    lacks(p, "SEARCH o ");
    lacks(p, "SEARCH a ");
    lacks(p, "SCAN x");
    explain_filtered(p, sizeof p, "plan_at/actions", &none);
    has(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)\n");
    lacks(p, "SCAN x");
    /* One owner's actions in no order (the digest): the owner's now, and
     * those changed after the day, each through its index. */
    explain_filtered(p, sizeof p, "plan_at/candidate_actions", &owner);
    has(p, "SEARCH c USING COVERING INDEX action_owner (owner_id=?)\n");
    has(p, "SEARCH u USING INDEX action_update_new_owner (new_owner_id=?)\n");
    has(p, "SEARCH u USING INDEX action_update_old_owner (old_owner_id=?)\n");
    has(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid=?)\n");
    lacks(p, "SCAN u");
    lacks(p, "SCAN x");
    lacks(p, "SCAN c");
    lacks(p, "AUTOMATIC");
    /* --no-due: the actions that may have been open-ended on some day, from
     * the partial indexes that hold only them (migrations 14 and 16), in
     * every query of a report or pack that may start from the actions or
     * their findings: as a state of the day, it read the whole plan (6 s
     * for five open-ended actions among a million). */
    sp_filter no_due = {.no_due = 1};
    static const char *const of_no_due[] = {
        "plan_at/candidate_actions", "plan_at/overdue_in_order", "plan_at/first_day",
        "plan_at/findings_in_order", "plan_at/timeline_findings", "pack/changes_in_order"};
    for (size_t q = 0; q < sizeof of_no_due / sizeof of_no_due[0]; q++) {
        explain_filtered(p, sizeof p, of_no_due[q], &no_due);
        has(p, " INDEX action_no_due\n");
        has(p, " INDEX action_no_original_due\n");
        has(p, " INDEX action_update_first_due\n");
        lacks(p, "SCAN x");
        lacks(p, "SCAN u\n");
        lacks(p, "SCAN c\n");
        lacks(p, "SCAN f\n");
        lacks(p, "SCAN f USING");
        lacks(p, "rowid>? AND rowid<?");
    }
}
END_TEST

/* A pack narrowed on the day to a few actions (one owner's, say) reads
 * their claims and sign-offs by id: one owner's report at a million
 * actions spent nine tenths of its time on the whole plan's. A council's
 * reads them through its filters (three quarters of its 2.7 s). */
START_TEST(narrowed_reports_find_their_actions_by_index)
{
    static const char *const names[] = {"closure/awaiting_among", "pack/unevidenced_among"};
    char p[8192];
    sp_filter none = {0};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        explain_filtered(p, sizeof p, names[i], &none);
        has(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid=?)\n");
        has(p, "SCAN json_each VIRTUAL TABLE");
        lacks(p, "SCAN x");
        lacks(p, "SCAN u");
        lacks(p, "AUTOMATIC");
    }
    /* A council's, a review's, a finding's or a theme's pack counts its
     * sign-offs, and its report finds the plan's first day and its overdue
     * actions, through the filter's index (bits 0-2 and 4 of filter_of),
     * not by walking the plan's actions (rowid ranges). */
    static const unsigned parts[] = {1, 2, 4, 16};
    static const char *const by_part[] = {"pack/unevidenced", "plan_at/first_day",
                                          "plan_at/overdue_in_order"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        for (size_t q = 0; q < sizeof by_part / sizeof by_part[0]; q++) {
            sp_filter f = filter_of(parts[i]);
            explain_filtered(p, sizeof p, by_part[q], &f);
            has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
            lacks(p, "SCAN x");
            lacks(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)");
            lacks(p, "SCAN u");
        }
    /* Their findings too, numbered and sorted for the committee order and
     * the trend: through the filter's index (by_place), not by a walk of
     * every finding (a council's report at a million actions walked its
     * 154,000 findings twice). Their Changes sheet starts from the actions
     * in scope, then each action's updates in the dates; each row is read
     * by its id alone. */
    static const char *const findings_of_part[] = {
        "plan_at/findings_in_order", "plan_at/overdue_in_order", "plan_at/timeline_findings"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        sp_filter f = filter_of(parts[i]);
        for (size_t q = 0; q < sizeof findings_of_part / sizeof findings_of_part[0]; q++) {
            explain_filtered(p, sizeof p, findings_of_part[q], &f);
            lacks(p, "SCAN f\n"); /* not fo, the numbered findings */
            lacks(p, "SCAN f USING");
        }
        explain_filtered(p, sizeof p, "pack/changes_in_order", &f);
        has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
        has(p, "SEARCH u USING INDEX action_update_action (action_id=? AND on_date>? AND "
               "on_date<?)\n");
        lacks(p, "SCAN u");
        lacks(p, "SCAN x");
        lacks(p, "SCAN f");
    }
    explain_filtered(p, sizeof p, "pack/changes", &none);
    has(p, "SEARCH u USING INTEGER PRIMARY KEY (rowid=?)\n");
    lacks(p, "SCAN");
    lacks(p, "LIST SUBQUERY");
    /* A narrowed trend: its findings without a walk of the actions, then
     * each finding's actions and updates through their indexes. */
    explain_filtered(p, sizeof p, "plan_at/timeline_findings", &none);
    lacks(p, "SCAN x");
    lacks(p, "SCAN u");
    explain_filtered(p, sizeof p, "plan_at/timeline_of_finding", &none);
    has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
    has(p, "SEARCH u USING INDEX action_update_action (action_id=?) LEFT-JOIN\n");
    lacks(p, "SCAN");
}
END_TEST

/* export --history (src/lib/export_history.c) holds no more than a bitmap:
 * the actions come in the export's order from the indexes, with nothing
 * sorted, and the entries to number are found without a sort or a scan of
 * the plan. */
START_TEST(history_export_sorts_nothing)
{
    char p[8192];
    sp_filter none = {0};
    explain_filtered(p, sizeof p, "export/history_actions", &none);
    has(p, "SCAN a USING COVERING INDEX sqlite_autoindex_authority_1\n");
    has(p, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
    lacks(p, "TEMP B-TREE");
    lacks(p, "AUTOMATIC");
    explain_filtered(p, sizeof p, "export/history_seqs", &none);
    has(p, "SEARCH l USING COVERING INDEX ledger_entry (entry_table=?)\n");
    has(p, "SEARCH x USING INTEGER PRIMARY KEY (rowid=?)\n");
    lacks(p, "TEMP B-TREE");
    lacks(p, "AUTOMATIC");
    /* Narrowed (a council's history): each kind of entry from the actions,
     * through its index, with nothing held or sorted. */
    char big[16384];
    explain_filtered(big, sizeof big, "export/history_seqs_of_actions", &none);
    static const char *const kinds[] = {
        "SEARCH u USING COVERING INDEX action_update_action (action_id=?)\n",
        "SEARCH j USING COVERING INDEX journal_object (object_kind=? AND object_id=?)\n",
        "SEARCH m USING COVERING INDEX action_embedded_action (action_id=?)\n"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        has(big, kinds[i]);
    ck_assert_int_eq(count_of(big, "SEARCH l USING COVERING INDEX ledger_entry (entry_table=? "
                                   "AND entry_id=?)\n"), 4);
    lacks(big, "SCAN l");
    lacks(big, "SCAN x");
    lacks(big, "MATERIALIZE");
    lacks(big, "TEMP B-TREE");
    lacks(big, "AUTOMATIC");
}
END_TEST

/* The export and its history walk the plan in reference order, so every
 * filter, alone or combined, must narrow that walk where it is decided
 * (by_ref in sql/filter.sql), never by a sort or an automatic index: a
 * council is one authority's step (its rowid), an owner reads only the
 * findings where the owner has an action (action_owner), and no action is
 * read outside the findings walked. Bit 128 adds --no-due: the authorities
 * and reviews of the open-ended actions, from their index. */
START_TEST(export_filters_narrow_the_walk)
{
    static const char *const queries[] = {"export/rows", "export/history_actions",
                                          "export/history_seqs_of_actions"};
    char p[16384];
    for (unsigned bits = 1; bits < 256; bits++) {
        sp_filter f = filter_of(bits & 127);
        f.no_due = (bits & 128) != 0;
        for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
            explain_filtered(p, sizeof p, queries[q], &f);
            lacks(p, "TEMP B-TREE");
            lacks(p, "AUTOMATIC");
            lacks(p, "SCAN x");
            lacks(p, "SCAN f");
            if (bits & 1)
                has(p, "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)\n");
            else
                lacks(p, "SEARCH a USING INTEGER PRIMARY KEY");
            if (bits & 8)
                has(p, "SEARCH xo USING INDEX action_owner (owner_id=?)\n");
            if (bits & 128) /* the places of the open-ended actions */
                has(p, "SCAN nd USING INDEX action_no_due\n");
        }
    }
}
END_TEST

/* The text of the first row's first column of `sql` on the test's plan. */
static void first_text(char *out, size_t size, const char *sql)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(fx_db->sql, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Checks each row's count (column `col` of the cursor) against `oracle`,
 * the same count read from the table's rows (NOT INDEXED), with the row's
 * key (column `key`) bound as ?1. */
static void counts_match(sp_cursor *c, int key, int col, const char *oracle)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(fx_db->sql, oracle, -1, &st, NULL), SQLITE_OK);
    int rows = 0;
    while (sp_cursor_step(c) == SP_ROW) {
        sqlite3_bind_text(st, 1, sp_cursor_text(c, key), -1, SQLITE_TRANSIENT);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        ck_assert_msg(sqlite3_column_int64(st, 0) == sp_cursor_int(c, col),
                      "%s: %lld from the rows, %lld listed", sp_cursor_text(c, key),
                      (long long)sqlite3_column_int64(st, 0), (long long)sp_cursor_int(c, col));
        sqlite3_reset(st);
        rows++;
    }
    ck_assert_int_gt(rows, 0);
    sqlite3_finalize(st);
    sp_cursor_free(c);
}

/* `owner list`, `authority list` and `finding list` count from indexes
 * alone (migration 15): at a million actions they read every action's row
 * (1.4 s, 4.6 s cold, for the owners). Their counts must still be those of
 * the rows, with an open action voided and a voided one among the closed. */
START_TEST(list_counts_come_from_indexes)
{
    int added = 0;
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    static const char *const pick[] = {
        "SELECT ref_path(a.code, r.ref, f.ref, x.ref) FROM action x JOIN finding f ON "
        "f.id = x.finding_id JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = "
        "r.authority_id WHERE x.status = 'in_progress' AND x.voided = 0 ORDER BY x.id",
        "SELECT ref_path(a.code, r.ref, f.ref, x.ref) FROM action x JOIN finding f ON "
        "f.id = x.finding_id JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = "
        "r.authority_id WHERE x.status NOT IN ('not_started', 'in_progress') ORDER BY x.id"};
    for (size_t i = 0; i < 2; i++) {
        char ref[256];
        first_text(ref, sizeof ref, pick[i]);
        ck_assert_msg(sp_void(fx_db, "action", ref, "entered twice", "tester") == SP_OK, "%s",
                      sp_errmsg(fx_db));
    }
    sp_cursor *c;
    ck_assert_int_eq(sp_owner_list(&c, fx_db), SP_OK);
    counts_match(c, 1, 4,
                 "SELECT count(*) FROM action x NOT INDEXED JOIN owner o ON o.id = x.owner_id "
                 "WHERE o.name = ?1 AND x.status IN ('not_started', 'in_progress') "
                 "AND x.voided = 0");
    ck_assert_int_eq(sp_authority_list(&c, fx_db), SP_OK);
    counts_match(c, 0, 4,
                 "SELECT count(*) FROM action x NOT INDEXED JOIN finding f ON f.id = "
                 "x.finding_id JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = "
                 "r.authority_id WHERE a.code = ?1 AND x.voided = 0");
    ck_assert_int_eq(sp_finding_list(&c, fx_db, NULL, 0), SP_OK);
    counts_match(c, 0, 4,
                 "SELECT count(*) FROM action x NOT INDEXED JOIN finding f ON f.id = "
                 "x.finding_id JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = "
                 "r.authority_id WHERE ref_path(a.code, r.ref, f.ref) = ?1 AND x.voided = 0");
    char p[8192];
    sp_filter none = {0};
    explain_filtered(p, sizeof p, "owner/list", &none);
    has(p, "SEARCH x USING INDEX action_open_owner (owner_id=?)\n");
    lacks(p, "SCAN x");
    static const char *const places[] = {"authority/list", "finding/list"};
    for (size_t i = 0; i < 2; i++) {
        explain_filtered(p, sizeof p, places[i], &none);
        has(p, "SEARCH x USING COVERING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
        has(p, "SEARCH x USING INDEX action_voided (finding_id=?)\n");
        lacks(p, "SCAN x");
    }
}
END_TEST

/* The settled parts of the two summaries' plans under f (by theme, and
 * by owner, review, authority or status), neither with an automatic index. */
static void summary_plans(char *theme, char *other, size_t size, const sp_filter *f)
{
    snprintf(theme, size, "%s",
             part(plan_filtered("summary_theme", f), 0));
    snprintf(other, size, "%s",
             part(plan_filtered("summary", f), 0));
    lacks(theme, "AUTOMATIC");
    lacks(other, "AUTOMATIC");
}

/* The summaries with any narrowing filter (alone or combined, with status
 * and RAG or not) read only what the filter names, through its index:
 * summary_theme narrows its walk of the findings, summary its pass over
 * the actions. */
START_TEST(filtered_summaries_use_the_filters_indexes)
{
    for (unsigned bits = 1; bits < 128; bits++) {
        sp_filter f = filter_of(bits);
        char theme[65536], other[65536];
        summary_plans(theme, other, sizeof theme, &f);
        if ((bits & 31) == 0) { /* status, RAG: every action is read */
            has(theme, "SCAN f\n");
            has(other, "SCAN x\n");
            continue;
        }
        lacks(theme, "SCAN f");
        lacks(theme, "SCAN x");
        lacks(other, "SCAN x");
        lacks(other, "SCAN f");
        if (bits & 8) { /* an owner */
            has(other, "SEARCH x USING INDEX action_owner (owner_id=?)\n");
            has(theme, "SEARCH xo USING INDEX action_owner (owner_id=?)\n");
        } else {
            has(other, "SEARCH x USING INDEX sqlite_autoindex_action_1 (finding_id=?)\n");
        }
        if (bits == 16) /* a theme alone */
            has(theme, "SEARCH f USING INDEX finding_theme (theme=?)\n");
        if (bits == 2) /* a review alone */
            has(theme, "SEARCH f USING INDEX sqlite_autoindex_finding_1 (review_id=?)\n");
    }
}
END_TEST

/* --no-due (migration 14): the open-ended actions are found by index in
 * every list and summary, alone or with status or RAG: the open lists
 * through action_open_due (due_on IS NULL), the summaries through
 * action_no_due; a past day's replay starts, as for status and RAG, from
 * the actions updated since the day. With a council, its index leads.
 * Written as an OR on a bound value, as it was, it was judged action by
 * action over the whole plan (a summary took 0.65 s at a million actions
 * for the one open-ended action). */
START_TEST(no_due_is_found_by_index)
{
    static const char *const lists[] = {"overdue", "due", "stale", "open"};
    for (unsigned bits = 0; bits < 128; bits += 32) { /* none, status, RAG, both */
        sp_filter f = filter_of(bits);
        f.no_due = 1;
        for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
            const char *p = plan_filtered(lists[i], &f);
            /* On a past day, the replay starts from the actions that may
             * have been open-ended (by_replayed_no_due), not from every
             * action updated since the day (1.4 s at a million actions). */
            const char *right = arm(p, "RIGHT", NULL);
            has(right, " INDEX action_no_due\n");
            has(right, " INDEX action_update_first_due\n");
            lacks(right, "action_last_update");
            lacks(right, "SCAN a");
            lacks(right, "SCAN u\n");
            const char *left = arm(p, "LEFT", "RIGHT");
            has(left, "SEARCH x USING INDEX action_open_due (due_on=?)\n");
            lacks(left, "SCAN");
        }
        char theme[65536], other[65536];
        summary_plans(theme, other, sizeof theme, &f);
        has(theme, "SEARCH x USING INDEX action_no_due (finding_id=?)\n");
        /* The summary by theme reads only the findings with an open-ended
         * action, found from the index (it probed every finding: 0.11 s at
         * a million actions), with no sort of what it counts. */
        has(theme, "SEARCH f USING INTEGER PRIMARY KEY (rowid=?)\n");
        has(theme, "SCAN nd USING INDEX action_no_due\n");
        lacks(theme, "SCAN f");
        lacks(theme, "TEMP B-TREE");
        has(other, "SCAN x USING INDEX action_no_due\n");
        lacks(other, "SCAN x\n");
    }
    sp_filter council = filter_of(1);
    council.no_due = 1;
    const char *left = arm(plan_filtered("stale", &council), "LEFT", "RIGHT");
    has(left, list_index[0]);
    has(left, by_finding_index);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = fx_tcase("overdue");
    tcase_add_test(tc, overdue_most_overdue_first);
    tcase_add_test(tc, overdue_columns_are_stable);
    tcase_add_test(tc, overdue_due_today_is_not_overdue);
    tcase_add_test(tc, overdue_aging_boundaries);
    suite_add_tcase(s, tc);
    tc = fx_tcase("filters");
    tcase_add_test(tc, filters_narrow_every_list);
    tcase_add_test(tc, filters_apply_to_due_and_stale);
    tcase_add_test(tc, every_filter_on_every_list);
    tcase_add_test(tc, filters_refuse_bad_values);
    suite_add_tcase(s, tc);
    tc = fx_tcase("due and stale");
    tcase_add_test(tc, due_soon_window);
    tcase_add_test(tc, due_soon_refuses_bad_windows);
    tcase_add_test(tc, stale_counts_from_update_else_start);
    tcase_add_test(tc, stale_follows_the_setting);
    suite_add_tcase(s, tc);
    tc = fx_tcase("summary");
    tcase_add_test(tc, summary_columns_and_types);
    tcase_add_test(tc, summary_counts_by_theme);
    tcase_add_test(tc, summary_group_order_and_names);
    tcase_add_test(tc, summary_agrees_with_each_rating);
    tcase_add_test(tc, summary_reconciles_with_overdue);
    suite_add_tcase(s, tc);
    tc = fx_tcase("as it stood");
    tcase_add_test(tc, completed_later_was_overdue_then);
    tcase_add_test(tc, due_date_revised_later_shows_the_original);
    tcase_add_test(tc, started_later_is_absent);
    tcase_add_test(tc, settled_reports_read_one_snapshot);
    tcase_add_test(tc, reports_equal_plan_at);
    tcase_add_test(tc, open_actions_due_soonest_first);
    tcase_add_test(tc, reports_equal_plan_at_on_the_example);
    suite_add_tcase(s, tc);
    tc = fx_tcase("query plans");
    tcase_add_test(tc, lists_use_the_open_action_indexes);
    tcase_add_test(tc, lists_for_today_scan_nothing);
    tcase_add_test(tc, summary_by_theme_needs_no_sort);
    tcase_add_test(tc, summary_reads_actions_once);
    tcase_add_test(tc, filtered_lists_use_the_filters_indexes);
    tcase_add_test(tc, filtered_summaries_use_the_filters_indexes);
    tcase_add_test(tc, no_due_is_found_by_index);
    tcase_add_test(tc, action_list_uses_the_filters_indexes);
    tcase_add_test(tc, whole_plan_lists_sort_one_authority_at_a_time);
    tcase_add_test(tc, history_export_sorts_nothing);
    tcase_add_test(tc, export_filters_narrow_the_walk);
    tcase_add_test(tc, list_counts_come_from_indexes);
    tcase_add_test(tc, plan_at_reads_in_groups_through_indexes);
    tcase_add_test(tc, awaiting_verification_by_filter);
    tcase_add_test(tc, narrowed_reports_find_their_actions_by_index);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(report_suite)
