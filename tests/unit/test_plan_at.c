/* The plan at a date: plan_at.c and sql/plan_at.sql, against hand-worked
 * histories, and the promise that the "settled" shortcut and the month-end
 * series agree with a full replay of the history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plan_at.h" /* and internal.h: the cursor's statements */

/* ------------------------------------------------------------------ */
/* Building histories                                                  */

static int64_t add_action(const char *ref, const char *owner, const char *start,
                          const char *due)
{
    int64_t id = 0;
    sp_action_new in = {.finding = "tb/r1/1", .title = "Streamline the paperwork",
                        .owner = owner, .start = start, .due = due, .ref = ref};
    ck_assert_msg(sp_action_add(&id, NULL, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
    return id;
}

static void update(int64_t id, const sp_update *in)
{
    sp_update u = *in;
    if (!u.author)
        u.author = "Head of Service";
    int rc = sp_action_update(NULL, NULL, fx_db, id, &u);
    ck_assert_msg(rc == SP_OK, "update of %lld on %s: %s", (long long)id, u.on,
                  sp_errmsg(fx_db));
}

static void set_status(int64_t id, const char *on, const char *status)
{
    sp_update u = {.on = on, .status = status, .note = "progress reported",
                   .evidence = "audit shows the change"};
    update(id, &u);
}

/* The history every test below starts from. "Today" is 2018-01-01 so that
 * every update is in the past. */
static struct {
    int64_t done_late;   /* started 2017-01-01, due 2017-06-30, complete 2017-08-15 */
    int64_t revised;     /* due 2017-05-31, revised on 2017-06-10 to 2017-09-30 */
    int64_t late_start;  /* starts 2017-08-01 */
    int64_t reassigned;  /* Team C until 2017-05-01, then Team B */
    int64_t overridden;  /* amber override 2017-03-01, cleared 2017-05-01 */
    int64_t transferred; /* transferred on 2017-03-31 */
    int64_t backdated;   /* complete 2017-05-01, then a reopening recorded later
                            but dated 2017-04-01 */
} h;

static void history(void)
{
    fx_minimal_plan();
    ck_assert_int_eq(sp_set_today(fx_db, "2018-01-01"), SP_OK);
    h.done_late = add_action("1", "Team A", "2017-01-01", "2017-06-30");
    set_status(h.done_late, "2017-02-01", "in_progress");
    set_status(h.done_late, "2017-08-15", "complete");

    h.revised = add_action("2", "Team A", "2017-01-01", "2017-05-31");
    set_status(h.revised, "2017-03-01", "in_progress");
    sp_update slip = {.on = "2017-06-10", .due = "2017-09-30", .reason = "partner delay"};
    update(h.revised, &slip);

    h.late_start = add_action("3", "Team A", "2017-08-01", "2017-12-31");

    h.reassigned = add_action("4", "Team C", "2017-01-01", "2017-12-31");
    sp_reassign move = {.from = "Team C", .to = "Team B", .author = "Director",
                        .on = "2017-05-01", .finding = "tb/r1/1"};
    int moved = 0;
    ck_assert_msg(sp_action_reassign(&moved, fx_db, &move) == SP_OK, "%s", sp_errmsg(fx_db));

    h.overridden = add_action("5", "Team A", "2017-01-01", "2017-12-31");
    sp_update over = {.on = "2017-03-01", .rag = "amber", .reason = "partner data late"};
    update(h.overridden, &over);
    sp_update clear = {.on = "2017-05-01", .rag = "none", .reason = "data arrived"};
    update(h.overridden, &clear);

    h.transferred = add_action("6", "Team A", "2017-01-01", "2017-12-31");
    sp_update xfer = {.on = "2017-03-31", .status = "transferred",
                      .transfer_to = "Service plan 2017/18", .note = "year end"};
    update(h.transferred, &xfer);

    h.backdated = add_action("7", "Team A", "2017-01-01", "2017-12-31");
    set_status(h.backdated, "2017-02-01", "in_progress");
    set_status(h.backdated, "2017-05-01", "complete");
    /* The library now refuses a status change dated before the one it
     * follows, but plans recorded before that rule (and history files
     * replayed from them) hold such entries: written as they were then. */
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO action_update (action_id, on_date, author, note, "
             "old_status, new_status, reason) VALUES (%lld, '2017-04-01', 'Head of Service', "
             "'audit found gaps', 'complete', 'in_progress', 'not done after all')",
             (long long)h.backdated);
    ck_assert_int_eq(fx_raw_exec(fx_path, sql), 0);
}

/* ------------------------------------------------------------------ */
/* Reading a cursor into memory                                        */

#define MAX_ROWS 256
#define MAX_COLS 48

typedef struct table {
    int nrows, ncols;
    char *name[MAX_COLS];
    char *cell[MAX_ROWS][MAX_COLS]; /* NULL for SQL NULL */
} table;

/* A whole number written by the library (a count or a day count). */
static long num(const char *s)
{
    char *end;
    ck_assert_ptr_nonnull(s);
    long n = strtol(s, &end, 10);
    ck_assert_msg(*s && !*end, "'%s' is not a whole number", s);
    return n;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void load(table *t, sp_cursor *c)
{
    int rc;
    memset(t, 0, sizeof *t);
    t->ncols = sp_cursor_columns(c);
    ck_assert_int_le(t->ncols, MAX_COLS);
    for (int i = 0; i < t->ncols; i++)
        t->name[i] = strdup(sp_cursor_name(c, i));
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        ck_assert_int_lt(t->nrows, MAX_ROWS);
        for (int i = 0; i < t->ncols; i++)
            t->cell[t->nrows][i] = dup_or_null(sp_cursor_text(c, i));
        t->nrows++;
    }
    ck_assert_msg(rc == SP_DONE, "%s", sp_errmsg(fx_db));
    sp_cursor_free(c);
}

static void unload(table *t)
{
    for (int i = 0; i < t->ncols; i++) {
        free(t->name[i]);
        for (int r = 0; r < t->nrows; r++)
            free(t->cell[r][i]);
    }
}

static void plan_at(table *t, const char *as_of, const sp_filter *f, unsigned flags)
{
    sp_cursor *c;
    int rc = sp_plan_at_open(&c, fx_db, as_of, f, flags);
    ck_assert_msg(rc == SP_OK, "plan at %s: %s", as_of, sp_errmsg(fx_db));
    load(t, c);
}

static int row_of(const table *t, int64_t id);

/* Whether the plan on `day`, so filtered and ordered, lists action id;
 * *rows gets how many rows it has. */
static bool listed(const char *day, const sp_filter *f, unsigned flags, int64_t id, int *rows)
{
    table t;
    plan_at(&t, day, f, flags);
    bool found = row_of(&t, id) >= 0;
    *rows = t.nrows;
    unload(&t);
    return found;
}

static int col(const table *t, const char *name)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcmp(t->name[i], name) == 0)
            return i;
    ck_abort_msg("no column %s", name);
    return -1;
}

/* The row of action `id`, or -1 when it is absent. */
static int row_of(const table *t, int64_t id)
{
    char want[32];
    snprintf(want, sizeof want, "%lld", (long long)id);
    for (int r = 0; r < t->nrows; r++)
        if (strcmp(t->cell[r][col(t, "id")], want) == 0)
            return r;
    return -1;
}

/* The cell of action `id` in column `name`; the action must be present. */
static const char *cell(const table *t, int64_t id, const char *name)
{
    int r = row_of(t, id);
    ck_assert_msg(r >= 0, "action %lld is missing", (long long)id);
    return t->cell[r][col(t, name)];
}

#define ck_cell(t, id, name, want)                                                   \
    do {                                                                             \
        const char *got_ = cell(t, id, name);                                        \
        ck_assert_msg(got_ && strcmp(got_, want) == 0, "action %lld %s: want '%s', got '%s'", \
                      (long long)(id), name, want, got_ ? got_ : "NULL");           \
    } while (0)

#define ck_cell_null(t, id, name)                                                    \
    ck_assert_msg(cell(t, id, name) == NULL, "action %lld %s: want NULL, got '%s'", \
                  (long long)(id), name, cell(t, id, name))

/* ------------------------------------------------------------------ */
/* Hand-worked examples                                                */

START_TEST(completed_after_the_day_is_open_then)
{
    table t;
    history();
    plan_at(&t, "2017-07-01", NULL, 0);
    ck_cell(&t, h.done_late, "status", "in_progress");
    ck_cell(&t, h.done_late, "rag", "red");
    ck_cell(&t, h.done_late, "rag_reason", "red: 1 day past due date 2017-06-30");
    ck_cell(&t, h.done_late, "days_overdue", "1");
    ck_cell(&t, h.done_late, "aging", "1-30");
    ck_cell(&t, h.done_late, "last_update_on", "2017-02-01");
    unload(&t);

    plan_at(&t, "2017-09-01", NULL, 0);
    ck_cell(&t, h.done_late, "status", "complete");
    ck_cell(&t, h.done_late, "rag", "blue");
    ck_cell_null(&t, h.done_late, "days_overdue");
    ck_cell_null(&t, h.done_late, "aging");
    unload(&t);

    /* Before its first update it had not started. */
    plan_at(&t, "2017-01-15", NULL, 0);
    ck_cell(&t, h.done_late, "status", "not_started");
    ck_cell_null(&t, h.done_late, "last_update_on");
    unload(&t);
}
END_TEST

START_TEST(due_date_revised_later_shows_the_original)
{
    table t;
    history();
    plan_at(&t, "2017-06-01", NULL, 0);
    ck_cell(&t, h.revised, "due_on", "2017-05-31");
    ck_cell(&t, h.revised, "original_due_on", "2017-05-31");
    ck_cell(&t, h.revised, "rag_reason", "red: 1 day past due date 2017-05-31");
    unload(&t);

    plan_at(&t, "2017-07-01", NULL, 0);
    ck_cell(&t, h.revised, "due_on", "2017-09-30");
    ck_cell(&t, h.revised, "rag", "amber");
    ck_cell(&t, h.revised, "rag_reason",
            "amber: due date revised from 2017-05-31 to 2017-09-30 (122 days' slippage)");
    unload(&t);
}
END_TEST

START_TEST(action_started_after_the_day_is_absent)
{
    table t;
    history();
    plan_at(&t, "2017-07-31", NULL, 0);
    ck_assert_int_eq(row_of(&t, h.late_start), -1);
    ck_assert_int_eq(t.nrows, 6);
    unload(&t);
    plan_at(&t, "2017-08-01", NULL, 0);
    ck_cell(&t, h.late_start, "status", "not_started");
    ck_assert_int_eq(t.nrows, 7);
    unload(&t);
    /* Before any action began the plan is empty. */
    plan_at(&t, "2016-12-31", NULL, 0);
    ck_assert_int_eq(t.nrows, 0);
    unload(&t);
}
END_TEST

START_TEST(an_update_proves_the_action_existed)
{
    table t;
    history();
    /* An action with no start date (entered "today") whose first update is
     * dated in the past existed on that date. */
    int64_t id = add_action("8", "Team A", NULL, "2018-06-30");
    set_status(id, "2017-03-01", "in_progress");
    plan_at(&t, "2017-02-28", NULL, 0);
    ck_assert_int_eq(row_of(&t, id), -1);
    unload(&t);
    plan_at(&t, "2017-03-01", NULL, 0);
    ck_cell(&t, id, "status", "in_progress");
    unload(&t);
}
END_TEST

START_TEST(owner_as_it_stood)
{
    table t;
    history();
    plan_at(&t, "2017-04-01", NULL, 0);
    ck_cell(&t, h.reassigned, "owner", "Team C");
    unload(&t);
    plan_at(&t, "2017-06-01", NULL, 0);
    ck_cell(&t, h.reassigned, "owner", "Team B");
    unload(&t);
    /* The owner filter is judged on the day as well, in the committee's
     * order and in none (an owner's actions found through their index, and
     * those changed after the day: the digest). */
    sp_filter team_c = {.owner = "Team C"}, team_b = {.owner = "Team B"};
    static const unsigned flags[] = {0, SP_PLAN_ANY_ORDER};
    for (int i = 0; i < 2; i++) {
        int rows;
        ck_assert(listed("2017-04-01", &team_c, flags[i], h.reassigned, &rows));
        ck_assert_int_eq(rows, 1);
        ck_assert(!listed("2017-06-01", &team_c, flags[i], h.reassigned, &rows));
        ck_assert(!listed("2017-04-01", &team_b, flags[i], h.reassigned, &rows));
        ck_assert(listed("2017-06-01", &team_b, flags[i], h.reassigned, &rows));
    }
}
END_TEST

/* The ids the report's overdue list (sql/report.sql, `safeplan overdue`)
 * gives for day and f, as "1,7". */
static void overdue_ids(char *out, size_t size, const char *day, const sp_filter *f)
{
    sp_cursor *c;
    ck_assert_msg(sp_overdue(&c, fx_db, day, f) == SP_OK, "%s", sp_errmsg(fx_db));
    out[0] = '\0';
    while (sp_cursor_step(c) == SP_ROW) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s", used ? "," : "", sp_cursor_text(c, 0));
    }
    sp_cursor_free(c);
}

/* An owner's overdue list on a past day has the actions that were theirs
 * then, and were overdue then, though another owner has them now: in
 * plan_at and in the report's list, which replays only the owner's
 * candidates (by_replayed_owner). */
START_TEST(owner_overdue_as_it_stood)
{
    fx_minimal_plan();
    int64_t id = add_action("1", "Team D", "2017-01-01", "2017-03-31");
    sp_reassign move = {.from = "Team D", .to = "Team E", .author = "Director",
                        .on = "2017-06-01", .finding = "tb/r1/1"};
    int moved = 0;
    ck_assert_msg(sp_action_reassign(&moved, fx_db, &move) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(sp_set_today(fx_db, "2017-07-01"), SP_OK);
    sp_filter team_d = {.owner = "Team D"}, team_e = {.owner = "Team E"};
    static const unsigned flags[] = {SP_PLAN_OVERDUE, 0, SP_PLAN_ANY_ORDER};
    for (int i = 0; i < 3; i++) {
        int rows;
        ck_assert(listed("2017-04-15", &team_d, flags[i], id, &rows));
        ck_assert(!listed("2017-04-15", &team_e, flags[i], id, &rows));
        ck_assert_int_eq(rows, 0);
        ck_assert(listed("2017-07-01", &team_e, flags[i], id, &rows));
        ck_assert(!listed("2017-07-01", &team_d, flags[i], id, &rows));
        ck_assert_int_eq(rows, 0);
    }
    char ids[64], want[32];
    snprintf(want, sizeof want, "%lld", (long long)id);
    overdue_ids(ids, sizeof ids, "2017-04-15", &team_d);
    ck_assert_str_eq(ids, want);
    overdue_ids(ids, sizeof ids, "2017-04-15", &team_e);
    ck_assert_str_eq(ids, "");
    overdue_ids(ids, sizeof ids, "2017-07-01", &team_e);
    ck_assert_str_eq(ids, want);
    overdue_ids(ids, sizeof ids, "2017-07-01", &team_d);
    ck_assert_str_eq(ids, "");
}
END_TEST

START_TEST(override_and_transfer_as_they_stood)
{
    table t;
    history();
    plan_at(&t, "2017-04-01", NULL, 0);
    ck_cell(&t, h.overridden, "rag", "amber");
    ck_cell(&t, h.overridden, "rag_override", "amber");
    ck_cell(&t, h.overridden, "rag_override_reason", "partner data late");
    ck_cell(&t, h.transferred, "status", "transferred");
    ck_cell(&t, h.transferred, "rag_reason", "grey: transferred to Service plan 2017/18");
    unload(&t);

    plan_at(&t, "2017-03-30", NULL, 0);
    ck_cell(&t, h.transferred, "status", "not_started");
    ck_cell_null(&t, h.transferred, "transferred_to");
    unload(&t);

    plan_at(&t, "2017-06-01", NULL, 0);
    ck_cell_null(&t, h.overridden, "rag_override");
    ck_cell_null(&t, h.overridden, "rag_override_reason");
    /* The override cleared, the computed rating shows: setting or clearing
     * an override is not progress, so nothing has been reported since the
     * start (#12: one stale clock for RAG and the stale list). */
    ck_cell(&t, h.overridden, "rag", "amber");
    ck_cell(&t, h.overridden, "rag_reason", "amber: no progress for 151 days (started 2017-01-01)");
    unload(&t);
}
END_TEST

START_TEST(backdated_update_applies_in_recorded_order)
{
    table t;
    history();
    /* Today the action is in progress: the reopening was recorded last. */
    plan_at(&t, NULL, NULL, 0);
    ck_cell(&t, h.backdated, "status", "in_progress");
    unload(&t);
    /* On 15 April the reopening (dated 1 April) is already in force. */
    plan_at(&t, "2017-04-15", NULL, 0);
    ck_cell(&t, h.backdated, "status", "in_progress");
    unload(&t);
    /* The last update shown is the latest by date. */
    plan_at(&t, "2017-06-01", NULL, 0);
    ck_cell(&t, h.backdated, "last_update_on", "2017-05-01");
    unload(&t);
}
END_TEST

START_TEST(overdue_only_most_overdue_first)
{
    table t;
    history();
    plan_at(&t, "2017-07-01", NULL, SP_PLAN_OVERDUE);
    ck_assert_int_eq(t.nrows, 1);
    ck_cell(&t, h.done_late, "days_overdue", "1");
    unload(&t);
    plan_at(&t, "2018-01-01", NULL, SP_PLAN_OVERDUE);
    /* Open past due on 2018-01-01: revised (2017-09-30), backdated,
     * reassigned, overridden (2017-12-31) and late_start (2017-12-31). */
    ck_assert_int_eq(t.nrows, 5);
    ck_assert_str_eq(t.cell[0][col(&t, "due_on")], "2017-09-30");
    for (int r = 1; r < t.nrows; r++)
        ck_assert_int_le(num(t.cell[r][col(&t, "days_overdue")]),
                         num(t.cell[r - 1][col(&t, "days_overdue")]));
    unload(&t);
}
END_TEST

START_TEST(today_is_the_current_state)
{
    table t;
    history();
    plan_at(&t, NULL, NULL, 0);
    ck_assert_int_eq(t.nrows, 7);
    /* Every action's status and due date equal the stored ones. */
    for (int r = 0; r < t.nrows; r++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM action WHERE id = %s AND status = '%s' AND due_on = '%s'",
                 t.cell[r][col(&t, "id")], t.cell[r][col(&t, "status")],
                 t.cell[r][col(&t, "due_on")]);
        ck_assert_int_eq(fx_raw_int(fx_path, sql), 1);
    }
    unload(&t);
}
END_TEST

/* One action as it stood (action show, its RAG) reads that action, not
 * the plan: no step of a full scan, on a past day and today. */
START_TEST(one_action_reads_one_action)
{
    history();
    const char *days[] = {"2017-01-15", NULL};
    for (int d = 0; d < 2; d++) {
        sqlite3_stmt *st = NULL;
        ck_assert_int_eq(sp_plan_at_action(&st, fx_db, 2, days[d]), SP_OK);
        int rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            ck_assert_int_eq(sqlite3_column_int64(st, 0), 2);
            rows++;
        }
        ck_assert_int_eq(rows, 1);
        ck_assert_int_eq(sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0);
        sqlite3_finalize(st);
    }
}
END_TEST

START_TEST(bad_dates_are_named)
{
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_plan_at(&c, fx_db, "2017-02-30", NULL), SP_EINVALID);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "2017-02-30"));
    ck_assert_int_eq(sp_plan_series(&c, fx_db, "2017-05-01", "2017-04-01", NULL), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "2017-05-01"));
    ck_assert_int_eq(sp_plan_series(&c, fx_db, "1950-01-01", "2017-04-01", NULL), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "months"));
    ck_assert_int_eq(sp_plan_series(&c, fx_db, "someday", NULL, NULL), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "someday"));
}
END_TEST

/* ------------------------------------------------------------------ */
/* The shortcut and the series agree with a full replay                */

static const char *const probe_days[] = {
    "2016-12-31", "2017-01-01", "2017-02-01", "2017-03-01", "2017-03-31", "2017-04-01",
    "2017-04-15", "2017-05-01", "2017-05-31", "2017-06-10", "2017-07-01", "2017-08-15",
    "2017-09-30", "2017-12-31", "2018-01-01", NULL};

static void same_tables(const table *a, const table *b, const char *day)
{
    ck_assert_int_eq(a->nrows, b->nrows);
    ck_assert_int_eq(a->ncols, b->ncols);
    for (int r = 0; r < a->nrows; r++)
        for (int i = 0; i < a->ncols; i++) {
            const char *x = a->cell[r][i], *y = b->cell[r][i];
            ck_assert_msg((!x && !y) || (x && y && strcmp(x, y) == 0),
                          "%s row %d %s: '%s' against '%s'", day, r, a->name[i],
                          x ? x : "NULL", y ? y : "NULL");
        }
}

START_TEST(shortcut_agrees_with_replay)
{
    history();
    for (int i = 0; probe_days[i]; i++) {
        table fast, slow;
        plan_at(&fast, probe_days[i], NULL, 0);
        plan_at(&slow, probe_days[i], NULL, SP_PLAN_REPLAY);
        same_tables(&fast, &slow, probe_days[i]);
        unload(&fast);
        unload(&slow);
    }
}
END_TEST

/* Counts what plan_at returns on `day`: actions, open, overdue, done. */
static void count_plan(int out[4], const char *day, const sp_filter *f)
{
    table t;
    plan_at(&t, day, f, 0);
    memset(out, 0, 4 * sizeof *out);
    for (int r = 0; r < t.nrows; r++) {
        const char *status = t.cell[r][col(&t, "status")];
        bool open = strcmp(status, "not_started") == 0 || strcmp(status, "in_progress") == 0;
        out[0]++;
        out[1] += open;
        out[2] += t.cell[r][col(&t, "days_overdue")] != NULL;
        out[3] += strcmp(status, "complete") == 0 || strcmp(status, "signed_off") == 0;
    }
    unload(&t);
}

static void series_matches_plan_at(const sp_filter *f, unsigned flags)
{
    sp_cursor *c;
    int rc = sp_plan_series_open(&c, fx_db, NULL, "2017-12-15", f, flags);
    ck_assert_msg(rc == SP_OK, "%s", sp_errmsg(fx_db));
    table s;
    load(&s, c);
    /* Month ends from January (the first start) to November, then the 15th;
     * the open-ended from February (the first of them to start). */
    bool from_february = f && f->no_due;
    ck_assert_int_eq(s.nrows, from_february ? 11 : 12);
    ck_assert_str_eq(s.cell[0][0], from_february ? "2017-02-28" : "2017-01-31");
    ck_assert_str_eq(s.cell[s.nrows - 2][0], "2017-11-30");
    ck_assert_str_eq(s.cell[s.nrows - 1][0], "2017-12-15");
    for (int r = 0; r < s.nrows; r++) {
        int want[4];
        count_plan(want, s.cell[r][0], f);
        for (int k = 0; k < 4; k++)
            ck_assert_msg(num(s.cell[r][k + 1]) == want[k], "%s %s: series %s, plan_at %d",
                          s.cell[r][0], s.name[k + 1], s.cell[r][k + 1], want[k]);
    }
    unload(&s);
}

/* A second council, whose one action (Team B's) was overdue from May and
 * moved to Team A in June: for the trend's filters to keep or leave out. */
static void second_council(void)
{
    fx_council(&(fx_place){"lc", "Leicester City Council", "r2", "2016-05-01", "Leadership",
                           "Audit the front door"});
    int64_t id = 0;
    sp_action_new in = {.finding = "lc/r2/1", .title = "Audit", .owner = "Team B",
                        .start = "2017-01-01", .due = "2017-04-30", .ref = "1"};
    ck_assert_msg(sp_action_add(&id, NULL, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_reassign move = {.from = "Team B", .to = "Team A", .author = "Director",
                        .on = "2017-06-01", .authority = "lc"};
    int moved = 0;
    ck_assert_msg(sp_action_reassign(&moved, fx_db, &move) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(moved, 1);
}

/* Two open-ended actions ("Ongoing"): one stays so; the other is given a
 * due date on 15 June, already past (30 April). Until 15 June it had no
 * due date, so it was not overdue in May: the first due date does not
 * reach back (plan_at's rule, which the trend must keep). */
static void open_ended(void)
{
    add_action("9", "Team A", "2017-02-01", "Ongoing");
    int64_t dated = add_action("10", "Team A", "2017-02-01", "Ongoing");
    sp_update due = {.on = "2017-06-15", .due = "2017-04-30", .reason = "agreed at board",
                     .past = 1};
    update(dated, &due);
}

START_TEST(series_counts_what_plan_at_returns)
{
    history();
    second_council();
    open_ended();
    series_matches_plan_at(NULL, 0);
    series_matches_plan_at(NULL, SP_PLAN_REPLAY);
    /* --no-due: the actions open-ended on each day, and no others. */
    sp_filter no_due = {.no_due = 1};
    series_matches_plan_at(&no_due, 0);
    series_matches_plan_at(&no_due, SP_PLAN_REPLAY);
    sp_filter tb_no_due = {.authority = "tb", .no_due = 1};
    series_matches_plan_at(&tb_no_due, 0);
    sp_filter team_b = {.owner = "Team B"};
    series_matches_plan_at(&team_b, 0);
    sp_filter red = {.rag = "red"};
    series_matches_plan_at(&red, 0);
    sp_filter open = {.status = "in_progress"};
    series_matches_plan_at(&open, 0);
    /* Narrowed: read a finding at a time (timeline_findings) */
    static const sp_filter narrowed[] = {
        {.authority = "lc"}, {.authority = "tb"}, {.review = "lc/r2"}, {.finding = "tb/r1/1"},
        {.theme = "leadership"}, {.authority = "lc", .owner = "Team A"},
        {.authority = "tb", .owner = "Team B"}, {.theme = "leadership", .rag = "red"}};
    for (size_t i = 0; i < sizeof narrowed / sizeof narrowed[0]; i++) {
        series_matches_plan_at(&narrowed[i], 0);
        series_matches_plan_at(&narrowed[i], SP_PLAN_REPLAY);
    }
}
END_TEST

START_TEST(series_hand_worked)
{
    history();
    sp_cursor *c;
    ck_assert_int_eq(sp_plan_series(&c, fx_db, "2017-06-01", "2017-07-31", NULL), SP_OK);
    table s;
    load(&s, c);
    ck_assert_int_eq(s.nrows, 2);
    /* 30 June: six actions (late_start not yet); open: done_late, revised,
     * reassigned, overridden, backdated (transferred is closed); overdue:
     * revised's due date was already 2017-09-30 by then, done_late is due
     * that day, so none. 31 July: done_late is 31 days overdue. */
    ck_assert_str_eq(s.cell[0][0], "2017-06-30");
    ck_assert_str_eq(s.cell[0][1], "6");
    ck_assert_str_eq(s.cell[0][2], "5");
    ck_assert_str_eq(s.cell[0][3], "0");
    ck_assert_str_eq(s.cell[1][0], "2017-07-31");
    ck_assert_str_eq(s.cell[1][3], "1");
    unload(&s);
    /* An empty plan: one point, all zero (a theme with no actions yet). */
    sp_finding_new empty = {.review = "tb/r1", .ref = "9", .kind = "recommendation",
                            .theme = "Unused theme", .text = "No actions yet"};
    ck_assert_msg(sp_finding_add(NULL, fx_db, &empty) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_filter none = {.theme = "unused theme"};
    ck_assert_int_eq(sp_plan_series(&c, fx_db, NULL, "2017-07-31", &none), SP_OK);
    load(&s, c);
    ck_assert_int_eq(s.nrows, 1);
    ck_assert_str_eq(s.cell[0][1], "0");
    unload(&s);
}
END_TEST

/* --no-due lists the actions open-ended on the day, and only those, in
 * every way the plan is read (committee order, no order, overdue): the
 * same rows as the whole plan on that day with no due date, whether the
 * action is open-ended now ("9") or was until an update gave it its first
 * due date ("10", until 15 June), found through their candidates
 * (plan_at/no_due_candidates). */
START_TEST(no_due_is_the_open_ended_on_the_day)
{
    history();
    open_ended();
    static const char *const days[] = {"2017-01-31", "2017-03-31", "2017-06-14", "2017-06-15",
                                       "2017-12-31"};
    static const unsigned ways[] = {0, SP_PLAN_ANY_ORDER, SP_PLAN_BY_REVIEW};
    sp_filter no_due = {.no_due = 1};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
        for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++) {
            table all, some;
            plan_at(&all, days[d], NULL, ways[w]);
            plan_at(&some, days[d], &no_due, ways[w]);
            int want = 0;
            for (int r = 0; r < all.nrows; r++) {
                if (all.cell[r][col(&all, "due_on")] != NULL)
                    continue;
                ck_assert_msg(row_of(&some, num(all.cell[r][0])) >= 0, "%s: action %s missing",
                              days[d], all.cell[r][0]);
                want++;
            }
            ck_assert_msg(some.nrows == want, "%s, way %u: %d rows, want %d", days[d], ways[w],
                          some.nrows, want);
            /* "10" was open-ended until 15 June; "9" from February on */
            ck_assert_int_eq(want, d == 0 ? 0 : d < 3 ? 2 : 1);
            unload(&all);
            unload(&some);
        }
}
END_TEST

/* An owner's trend begins when the first action that may have been the
 * owner's began (plan_at/first_day, by_candidate), as a council's begins
 * with the council's first action: the months before, which it used to
 * show from the whole plan's first day, could only count nothing. */
START_TEST(an_owners_trend_begins_with_the_owners_first_action)
{
    history();
    add_action("8", "Team D", "2017-05-10", "2017-06-30");
    sp_filter team_d = {.owner = "Team D"};
    sp_cursor *c;
    table own, whole;
    ck_assert_msg(sp_plan_series(&c, fx_db, NULL, "2017-07-31", &team_d) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    load(&own, c);
    /* From the whole plan's first day (1 January), the same owner. */
    ck_assert_msg(sp_plan_series(&c, fx_db, "2017-01-01", "2017-07-31", &team_d) == SP_OK,
                  "%s", sp_errmsg(fx_db));
    load(&whole, c);
    ck_assert_int_eq(own.nrows, 3);
    ck_assert_str_eq(own.cell[0][0], "2017-05-31");
    ck_assert_str_eq(own.cell[0][1], "1");
    ck_assert_str_eq(own.cell[2][3], "1"); /* overdue on 31 July */
    ck_assert_int_eq(whole.nrows, 7);
    int skipped = whole.nrows - own.nrows;
    for (int r = 0; r < whole.nrows; r++)
        for (int k = 0; k < 5; k++)
            if (r < skipped)
                ck_assert_msg(k == 0 || num(whole.cell[r][k]) == 0, "%s: %s before the start",
                              whole.cell[r][0], whole.cell[r][k]);
            else
                ck_assert_str_eq(whole.cell[r][k], own.cell[r - skipped][k]);
    unload(&own);
    unload(&whole);
    /* An owner who was moved onto an action: from that action's start
     * (Team B's came from Team C on 1 May; it began on 1 January). */
    sp_filter team_b = {.owner = "Team B"};
    ck_assert_msg(sp_plan_series(&c, fx_db, NULL, "2017-07-31", &team_b) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    load(&own, c);
    ck_assert_str_eq(own.cell[0][0], "2017-01-31");
    ck_assert_str_eq(own.cell[0][1], "0");
    unload(&own);
}
END_TEST

/* The example plan: real shapes of history (five councils, 2012-2018). */
START_TEST(example_plan_agrees)
{
    int added = 0;
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_gt(added, 50);
    ck_assert_int_eq(sp_set_today(fx_db, "2018-06-30"), SP_OK);
    sp_cursor *c;
    ck_assert_msg(sp_plan_series(&c, fx_db, NULL, NULL, NULL) == SP_OK, "%s", sp_errmsg(fx_db));
    table s;
    load(&s, c);
    ck_assert_int_gt(s.nrows, 24);
    for (int r = 0; r < s.nrows; r++) {
        int want[4];
        table fast, slow;
        count_plan(want, s.cell[r][0], NULL);
        for (int k = 0; k < 4; k++)
            ck_assert_msg(num(s.cell[r][k + 1]) == want[k], "%s %s: series %s, plan_at %d",
                          s.cell[r][0], s.name[k + 1], s.cell[r][k + 1], want[k]);
        plan_at(&fast, s.cell[r][0], NULL, 0);
        plan_at(&slow, s.cell[r][0], NULL, SP_PLAN_REPLAY);
        same_tables(&fast, &slow, s.cell[r][0]);
        unload(&fast);
        unload(&slow);
    }
    unload(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* A whole plan is read one finding at a time                          */

/* The rows of the one statement plan_at/actions, sorting every action
 * (what sp_plan_at_open ran before it read a finding at a time). */
static void one_statement(table *t, const char *as_of, const sp_filter *f, unsigned flags)
{
    sqlite3_stmt *st;
    sp_cursor *c;
    ck_assert_msg(sp_plan_at_prepare(&st, fx_db, "plan_at/actions", as_of, f, flags) == SP_OK,
                  "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(sp_cursor_from_stmt(&c, fx_db, st), SP_OK);
    load(t, c);
}

/* The example plan, with two actions whose references sort against the
 * order they were added in, and a theme written in two cases (the
 * committee order compares themes without case). */
static char mixed_authority[64];

static void mixed_order_plan(void)
{
    int added = 0;
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(sp_set_today(fx_db, "2018-06-30"), SP_OK);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(fx_db->sql,
                                        "SELECT ref_path(a.code, r.ref, f.ref), f.theme, a.code "
                                        "FROM finding f JOIN review r ON r.id = f.review_id "
                                        "JOIN authority a ON a.id = r.authority_id "
                                        "ORDER BY f.id DESC LIMIT 1", -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char path[256], theme[128];
    snprintf(path, sizeof path, "%s", (const char *)sqlite3_column_text(st, 0));
    snprintf(theme, sizeof theme, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(mixed_authority, sizeof mixed_authority, "%s",
             (const char *)sqlite3_column_text(st, 2));
    sqlite3_finalize(st);
    const char *refs[] = {"z9", "a1"};
    for (int i = 0; i < 2; i++) {
        sp_action_new in = {.finding = path, .title = "Audit the case files", .owner = "Team A",
                            .start = "2018-01-01", .due = "2018-03-31", .ref = refs[i]};
        ck_assert_msg(sp_action_add(NULL, NULL, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
    }
    for (char *p = theme; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    /* The theme in lower case for a finding (with actions) of the first
     * authority by code and one of the last, on either side of the last
     * finding's: in the committee order the three interleave, by
     * authority; an order that told the two spellings apart would put two
     * of them together. (The finding of lowest id, changed before, has no
     * action: no row showed the change.) */
    char *sql = sqlite3_mprintf(
        "UPDATE finding SET theme = %Q WHERE id IN (SELECT min(f.id) FROM finding f "
        "JOIN review r ON r.id = f.review_id JOIN authority a ON a.id = r.authority_id "
        "WHERE a.code IN ((SELECT min(code) FROM authority), (SELECT max(code) FROM authority)) "
        "AND EXISTS (SELECT 1 FROM action x WHERE x.finding_id = f.id) GROUP BY a.id)", theme);
    ck_assert_int_eq(sqlite3_exec(fx_db->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
}

/* Sorts t's rows by id, for readers that take them in any order. */
static int by_id_col;
static int cmp_row_id(const void *a, const void *b)
{
    char *const *x = a, *const *y = b;
    long d = num(x[by_id_col]) - num(y[by_id_col]);
    return d < 0 ? -1 : d > 0;
}

static void sort_by_id(table *t)
{
    by_id_col = col(t, "id");
    qsort(t->cell, (size_t)t->nrows, sizeof t->cell[0], cmp_row_id);
}

START_TEST(finding_at_a_time_keeps_the_order)
{
    mixed_order_plan();
    static const unsigned orders[] = {0, SP_PLAN_BY_REVIEW, SP_PLAN_BY_REF, SP_PLAN_OVERDUE,
                                      SP_PLAN_OVERDUE | SP_PLAN_BY_REF, SP_PLAN_ANY_ORDER};
    sp_filter filters[5] = {{0}};
    filters[1].owner = "Team A";
    filters[2].status = "complete";
    filters[3].include_void = 1;
    filters[4].authority = mixed_authority;
    const char *days[] = {"2018-06-30", "2017-09-30", NULL};
    int overdue = 0;
    for (int d = 0; days[d]; d++)
        for (int o = 0; o < 6; o++)
            for (int k = 0; k < 5; k++) {
                table grouped, whole;
                plan_at(&grouped, days[d], &filters[k], orders[o]);
                one_statement(&whole, days[d], &filters[k], orders[o]);
                if (d == 0 && k != 2 && !(orders[o] & SP_PLAN_OVERDUE))
                    ck_assert_int_gt(whole.nrows, 0); /* the test compares rows */
                overdue += (orders[o] & SP_PLAN_OVERDUE) ? whole.nrows : 0;
                if (orders[o] & SP_PLAN_ANY_ORDER) { /* the same rows, in any order */
                    sort_by_id(&grouped);
                    sort_by_id(&whole);
                }
                same_tables(&grouped, &whole, days[d]);
                unload(&grouped);
                unload(&whole);
            }
    ck_assert_int_gt(overdue, 10);
}
END_TEST

/* Every order of the plan is read in groups: a finding at a time, the
 * overdue list an action at a time, and in no order an authority at a time
 * (test_report checks their plans). */
/* SP_PLAN_COUNTS (a report's counts, the pack's done actions) reads only
 * the columns a count reads: they are those of the full rows, for the same
 * actions, whatever the filter and day (plan_at/state_counted). And the
 * rows in no order are the committee order's, whichever way they are read
 * (an authority at a time, or the candidates of an owner, --no-due, a
 * review or a finding). */
START_TEST(counts_read_what_the_rows_say)
{
    history();
    second_council();
    open_ended();
    static const char *const cols[] = {"id",   "theme",        "status",      "due_on",
                                       "rag",  "days_overdue", "rag_computed"};
    static const char *const days[] = {"2017-01-31", "2017-05-31", "2017-07-01", "2018-01-01"};
    static const sp_filter filters[] = {{0},
                                        {.owner = "Team B"},
                                        {.no_due = 1},
                                        {.authority = "tb"},
                                        {.review = "lc/r2"},
                                        {.finding = "tb/r1/1", .status = "in_progress"},
                                        {.status = "in_progress"},
                                        {.rag = "red"}};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
        for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
            table rows, counts, ordered;
            plan_at(&rows, days[d], &filters[i], SP_PLAN_ANY_ORDER);
            plan_at(&counts, days[d], &filters[i], SP_PLAN_COUNTS);
            plan_at(&ordered, days[d], &filters[i], 0);
            ck_assert_int_eq(rows.nrows, ordered.nrows);
            for (int r = 0; r < ordered.nrows; r++)
                ck_assert_int_ge(row_of(&rows, num(ordered.cell[r][0])), 0);
            unload(&ordered);
            ck_assert_msg(rows.nrows == counts.nrows, "%s, filter %zu: %d rows, %d counted",
                          days[d], i, rows.nrows, counts.nrows);
            for (int r = 0; r < counts.nrows; r++) {
                int full = row_of(&rows, num(counts.cell[r][col(&counts, "id")]));
                ck_assert_int_ge(full, 0);
                for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
                    const char *a = rows.cell[full][col(&rows, cols[k])];
                    const char *b = counts.cell[r][col(&counts, cols[k])];
                    ck_assert_msg((!a && !b) || (a && b && strcmp(a, b) == 0),
                                  "%s, filter %zu, %s: %s, counted %s", days[d], i, cols[k],
                                  a ? a : "NULL", b ? b : "NULL");
                }
            }
            unload(&rows);
            unload(&counts);
        }
}
END_TEST

START_TEST(whole_plan_cursors_read_in_groups)
{
    mixed_order_plan();
    sp_cursor *c;
    ck_assert_int_eq(sp_plan_at_open(&c, fx_db, NULL, NULL, 0), SP_OK);
    ck_assert_ptr_nonnull(c->groups);
    sp_cursor_free(c);
    ck_assert_int_eq(sp_plan_at_open(&c, fx_db, NULL, NULL, SP_PLAN_OVERDUE), SP_OK);
    ck_assert_ptr_nonnull(c->groups);
    sp_cursor_free(c);
    ck_assert_int_eq(sp_plan_at_open(&c, fx_db, NULL, NULL, SP_PLAN_ANY_ORDER), SP_OK);
    ck_assert_ptr_nonnull(c->groups);
    sp_cursor_free(c);
}
END_TEST

static Suite *plan_at_suite(void)
{
    Suite *s = suite_create("plan_at");
    TCase *tc = fx_tcase("examples");
    tcase_add_test(tc, completed_after_the_day_is_open_then);
    tcase_add_test(tc, due_date_revised_later_shows_the_original);
    tcase_add_test(tc, action_started_after_the_day_is_absent);
    tcase_add_test(tc, an_update_proves_the_action_existed);
    tcase_add_test(tc, owner_as_it_stood);
    tcase_add_test(tc, owner_overdue_as_it_stood);
    tcase_add_test(tc, override_and_transfer_as_they_stood);
    tcase_add_test(tc, backdated_update_applies_in_recorded_order);
    tcase_add_test(tc, overdue_only_most_overdue_first);
    tcase_add_test(tc, today_is_the_current_state);
    tcase_add_test(tc, bad_dates_are_named);
    tcase_add_test(tc, one_action_reads_one_action);
    suite_add_tcase(s, tc);
    tc = fx_tcase("agreement");
    tcase_add_test(tc, shortcut_agrees_with_replay);
    tcase_add_test(tc, series_counts_what_plan_at_returns);
    tcase_add_test(tc, series_hand_worked);
    tcase_add_test(tc, no_due_is_the_open_ended_on_the_day);
    tcase_add_test(tc, an_owners_trend_begins_with_the_owners_first_action);
    tcase_add_test(tc, example_plan_agrees);
    tcase_add_test(tc, finding_at_a_time_keeps_the_order);
    tcase_add_test(tc, whole_plan_cursors_read_in_groups);
    tcase_add_test(tc, counts_read_what_the_rows_say);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(plan_at_suite)
