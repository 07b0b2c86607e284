/*
 * The list pages: My actions, Overdue, Due soon, Stale and the Plan, with
 * the CLI's filters and an as-of date, a page of PAGE_SIZE rows at a time.
 *
 * Scoping: a list is run once per authority the account may see, so no
 * row outside its scope is ever read. Paging is by key, not by count: a
 * "next" link carries the run (authority) index and the id of the last row
 * shown ("after=K.ID"); the next page resumes straight after that row in
 * the same ordered stream, so a row added or removed elsewhere in the list
 * between two pages neither repeats nor hides a row. The "previous" link
 * is found the same way: reading up to the key, the pager remembers the
 * last PAGE_SIZE + 1 keys it passed, the oldest of which the previous page
 * resumed after (or, with fewer, the previous page is the first).
 *
 * Cost: a page resumes reading at the key's own run, not at the first, and
 * reads an earlier run only when the previous page begins there; so a deep
 * page of a list run per authority reads one authority's rows, not all
 * the rows before it. The plan (ordered by authority first) is run per
 * authority even for an account that sees every one: the same order, with
 * each run sorting one authority's actions instead of the whole plan's.
 */
#include <stdlib.h>
#include <string.h>

#include "form.h"

#define PAGE_SIZE 50
#define MAX_RUNS 256

enum list_kind { LIST_OVERDUE, LIST_DUE_SOON, LIST_STALE, LIST_PLAN, LIST_MINE };

typedef struct list_spec {
    enum list_kind kind;
    const char *title, *path, *empty;
    const char *extra_col, *extra_head; /* the list's own column */
    int has_days;
} list_spec;

static const list_spec SPECS[] = {
    {LIST_OVERDUE, "Overdue actions", "/overdue", "No action is overdue.", "days_overdue",
     "Days overdue", 0},
    {LIST_DUE_SOON, "Due soon", "/due-soon", "No action falls due in this time.",
     "days_to_due", "Days to due date", 1},
    {LIST_STALE, "Stale actions", "/stale", "No open action has gone without an update "
     "this long.", "days_without_update", "Days without an update", 1},
    {LIST_PLAN, "The plan", "/plan", "The plan has no actions that match.", NULL, NULL, 0},
    {LIST_MINE, "My actions", "/", "You have no open actions.", NULL, NULL, 0},
};

static const char *const FILTERS[] = {"authority", "review", "owner", "theme", "status",
                                      "rag", NULL};

typedef struct list_query {
    const char *as_of, *days_text;
    int days;
    sp_filter flt;
    int after_run;
    int64_t after_id;
    char owner_id[24]; /* My actions: the signed-in account's owner */
} list_query;

/* A row's place in the stream: the run (authority) and the action id. */
typedef struct list_key {
    int run;
    int64_t id;
} list_key;

/* The pager's state across the runs of one page. */
typedef struct pager {
    int run;
    int skipping;
    list_key passed[PAGE_SIZE + 1]; /* the last keys skipped, a ring */
    long npassed;
    long shown;
    int full, more;
    int last_run;
    int64_t last_id;
    int first_run;      /* where this reading started */
    int earlier;        /* 1: the previous page begins before first_run */
    char group[3][256]; /* the plan's current authority, review, finding */
} pager;

static int col(const sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return i;
    return -1;
}

static const char *cell(sp_cursor *c, const char *name)
{
    int i = col(c, name);
    return i >= 0 ? sp_cursor_text(c, i) : "";
}

static int run_report(sp_cursor **out, web_ctx *x, const list_spec *s, list_query *q)
{
    switch (s->kind) {
    case LIST_OVERDUE: return sp_overdue(out, x->w->db, q->as_of, &q->flt);
    case LIST_DUE_SOON: return sp_due_soon(out, x->w->db, q->as_of, NULL, q->days, &q->flt);
    case LIST_STALE: return sp_stale(out, x->w->db, q->as_of, q->days, &q->flt);
    /* Today's open actions of the account's owner, due soonest first: the
     * owner filter's index leads (sql/report.sql "open"). */
    case LIST_MINE: return sp_open_actions(out, x->w->db, NULL, &q->flt);
    /* The plan in reference order (authority, review, finding, action),
     * as it stands: sp_plan_at sorts by theme. */
    default: return sp_action_list_where(out, x->w->db, NULL, &q->flt);
    }
}

static void table_head(FILE *f, const list_spec *s, const char *caption)
{
    html_table_open(f, caption ? caption : s->title);
    if (caption) {
        fputs("<caption class=\"govuk-table__caption govuk-table__caption--s\">", f);
        html_text(f, caption);
        fputs("</caption>", f);
    }
    fputs("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">", f);
    /* My actions are all the reader's own: no owner column. */
    const char *heads[] = {"Action", "What will be done",
                           s->kind == LIST_MINE ? NULL : "Owner", "Due", s->extra_head,
                           "Status", s->kind == LIST_PLAN ? NULL : "RAG"};
    for (int i = 0; i < 7; i++)
        if (heads[i])
            fprintf(f, "<th scope=\"col\" class=\"govuk-table__header\">%s</th>", heads[i]);
    fputs("</tr></thead><tbody class=\"govuk-table__body\">\n", f);
}

static void td(FILE *f, const char *text)
{
    fputs("<td class=\"govuk-table__cell\">", f);
    html_text(f, text);
    fputs("</td>", f);
}

/* The plan's headings: authority, review and finding (prefixes of the
 * path), as each changes. */
static void plan_groups(FILE *f, const list_spec *s, sp_cursor *c, pager *p, int *open)
{
    const char *path = cell(c, "path");
    char now[3][256];
    size_t cut = 0;
    for (int i = 0; i < 3; i++) {
        cut += strcspn(path + cut, "/");
        snprintf(now[i], sizeof now[i], "%.*s", (int)cut, path);
        if (path[cut])
            cut++;
    }
    int changed = -1;
    for (int i = 0; i < 3 && changed < 0; i++)
        if (strcmp(p->group[i], now[i]) != 0)
            changed = i;
    if (changed < 0)
        return;
    if (*open)
        html_table_close(f);
    static const char *const words[] = {"Authority", "Review", "Finding"};
    for (int i = changed; i < 3; i++) {
        snprintf(p->group[i], sizeof p->group[i], "%s", now[i]);
        if (i < 2) {
            fprintf(f, "<h%d class=\"govuk-heading-%s\">%s ", i + 2, i == 0 ? "l" : "m",
                    words[i]);
            html_text(f, now[i]);
            fprintf(f, "</h%d>\n", i + 2);
        }
    }
    char caption[300];
    snprintf(caption, sizeof caption, "Finding %s", now[2]);
    table_head(f, s, caption);
    *open = 1;
}

static void row(FILE *f, const list_spec *s, sp_cursor *c, int64_t id)
{
    fprintf(f, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
               "<a class=\"govuk-link\" href=\"/actions/%lld\">", (long long)id);
    html_text(f, cell(c, "path"));
    fputs("</a></td>", f);
    td(f, col(c, "action") >= 0 ? cell(c, "action") : cell(c, "title"));
    if (s->kind != LIST_MINE)
        td(f, cell(c, "owner"));
    td(f, cell(c, "due_on"));
    if (s->extra_col)
        td(f, cell(c, s->extra_col));
    td(f, cell(c, "status"));
    if (s->kind == LIST_PLAN) {
        fputs("</tr>\n", f);
        return;
    }
    fputs("<td class=\"govuk-table__cell\"><strong class=\"govuk-tag\">", f);
    html_text(f, cell(c, "rag"));
    fputs("</strong> ", f);
    html_text(f, cell(c, "rag_reason"));
    fputs("</td></tr>\n", f);
}

/* Steps one run's rows through the pager; 0 on a read error. */
static int page_rows(FILE *f, const list_spec *s, sp_cursor *c, pager *p, int *open)
{
    int id_col = col(c, "id"), rc;
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        int64_t id = sp_cursor_int(c, id_col);
        if (p->full) {
            p->more = 1;
            return 1;
        }
        if (p->skipping) {
            p->passed[p->npassed++ % (PAGE_SIZE + 1)] = (list_key){p->run, id};
            p->skipping = id != p->last_id;
            if (!p->skipping && p->npassed <= PAGE_SIZE && p->first_run > 0) {
                p->earlier = 1; /* nothing shown yet: read again from a run before */
                return 1;
            }
            continue;
        }
        if (s->kind == LIST_PLAN)
            plan_groups(f, s, c, p, open);
        else if (!*open) {
            table_head(f, s, NULL);
            *open = 1;
        }
        row(f, s, c, id);
        p->last_run = p->run;
        p->last_id = id;
        p->full = ++p->shown == PAGE_SIZE;
    }
    return rc == SP_DONE;
}

/* The authorities to run: the one asked for, or every one in scope; for
 * an account that sees all, one run with no authority filter, or, for the
 * plan (by_authority), one per authority while there are at most
 * MAX_RUNS. */
static int scope_runs(web_ctx *x, const char *asked, int by_authority, char runs[][64],
                      int *n)
{
    *n = 0;
    sp_cursor *c = NULL;
    int rc = SP_OK;
    if (!asked && !x->session.all_authorities)
        rc = sp_account_authorities(&c, x->w->db, x->session.account_id);
    else if (!asked && by_authority)
        rc = sp_authority_codes(&c, x->w->db);
    if (rc != SP_OK)
        return 0;
    while (c && *n <= MAX_RUNS && sp_cursor_step(c) == SP_ROW)
        snprintf(runs[(*n)++], 64, "%s", sp_cursor_text(c, 0));
    sp_cursor_free(c);
    if (*n > MAX_RUNS && x->session.all_authorities)
        *n = 0; /* too many to page by: one run of them all */
    if (*n > MAX_RUNS)
        *n = MAX_RUNS;
    if (*n == 0 && (asked || x->session.all_authorities)) {
        snprintf(runs[0], 64, "%s", asked ? asked : "");
        *n = 1;
    }
    return 1;
}

static int parse_after(const char *text, list_query *q)
{
    char *end;
    q->after_run = 0;
    q->after_id = 0;
    if (!text)
        return 1;
    long k = strtol(text, &end, 10);
    if (*end != '.' || k < 0 || k >= MAX_RUNS)
        return 0;
    long long id = strtoll(end + 1, &end, 10);
    if (*end || id <= 0)
        return 0;
    q->after_run = (int)k;
    q->after_id = id;
    return 1;
}

/* Reads and checks the query; on a bad value fills e and returns 0. */
static int read_query(web_ctx *x, const list_spec *s, list_query *q, form_error *e)
{
    char iso[SP_DATE_SIZE];
    memset(q, 0, sizeof *q);
    if (s->kind == LIST_MINE) {
        snprintf(q->owner_id, sizeof q->owner_id, "%lld", (long long)x->session.owner_id);
        q->flt.owner = q->owner_id;
        if (parse_after(query_arg(x, "after"), q))
            return 1;
        *e = form_err("after", "The page address is not right: start from the first page");
        return 0;
    }
    q->as_of = query_arg(x, "as_of");
    q->days_text = query_arg(x, "days");
    q->days = -1;
    q->flt.authority = query_arg(x, "authority");
    q->flt.review = query_arg(x, "review");
    q->flt.owner = query_arg(x, "owner");
    q->flt.theme = query_arg(x, "theme");
    q->flt.status = query_arg(x, "status");
    q->flt.rag = query_arg(x, "rag");
    if (q->as_of && sp_date_parse(iso, q->as_of) != SP_OK) {
        *e = form_err("as_of", "Enter the as-of date as a real date, like 2026-03-31 "
                                   "or 31/03/2026");
        return 0;
    }
    if (s->has_days && q->days_text) {
        char *end;
        long d = strtol(q->days_text, &end, 10);
        if (*end || d < 0 || d > 3650) {
            *e = form_err("days", "Enter the number of days as a whole number from "
                                      "0 to 3650");
            return 0;
        }
        q->days = (int)d;
    }
    if (q->flt.authority && !scope_allows(x, q->flt.authority)) {
        *e = form_err("authority", "Choose an authority your account can see");
        return 0;
    }
    /* A review elsewhere is answered as one that does not exist: an empty
     * list for it would tell a scoped account that it exists. */
    if (!ref_in_scope(x, q->flt.review)) {
        *e = form_err("review", NOT_IN_SCOPE);
        return 0;
    }
    if (!parse_after(query_arg(x, "after"), q)) {
        *e = form_err("after", "The page address is not right: start from the first page");
        return 0;
    }
    return 1;
}

static void filter_form(FILE *f, web_ctx *x, const list_spec *s, const list_query *q,
                        const form_error *e)
{
    static const char *const statuses[] = {"", "Any", "not_started", "Not started",
        "in_progress", "In progress", "complete", "Complete", "signed_off", "Signed off",
        "transferred", "Transferred", "withdrawn", "Withdrawn", NULL};
    static const char *const rags[] = {"", "Any", "red", "Red", "amber", "Amber", "green",
        "Green", "blue", "Blue", "grey", "Grey", NULL};
    fprintf(f, "<form method=\"get\" action=\"%s\" novalidate>\n<details class=\"govuk-details\""
               "%s><summary class=\"govuk-details__summary\"><span class=\"govuk-details__"
               "summary-text\">Filter the list</span></summary><div class=\"govuk-details__text\">\n",
            s->path, e && e->field ? " open" : "");
    if (s->kind != LIST_PLAN)
        text_field(f, e, "as_of", "As of", "The day to rate the plan for, for example "
                   "2026-03-31. Empty means today.", q->as_of, "govuk-input--width-10");
    if (s->has_days)
        text_field(f, e, "days", "Within days", "Empty means the plan's setting.",
                   q->days_text, "govuk-input--width-4");
    authority_select(f, x, e, q->flt.authority, 1);
    text_field(f, e, "review", "Review", "AUTHORITY/REVIEW", q->flt.review, NULL);
    text_field(f, e, "owner", "Owner", NULL, q->flt.owner, NULL);
    text_field(f, e, "theme", "Theme", "Whole words of a theme, any case", q->flt.theme, NULL);
    select_field(f, e, "status", "Status", statuses, q->flt.status);
    select_field(f, e, "rag", "RAG", rags, q->flt.rag);
    fputs("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
          "data-module=\"govuk-button\">Apply filters</button>\n</div></details></form>\n", f);
}

/* Writes the query string of the list's filters (escaped for an href). */
static void filter_query(FILE *f, const list_query *q)
{
    const char *names[] = {"as_of", "days", "authority", "review", "owner", "theme",
                           "status", "rag"};
    const char *values[] = {q->as_of, q->days_text, q->flt.authority, q->flt.review,
                            q->flt.owner, q->flt.theme, q->flt.status, q->flt.rag};
    for (int i = 0; i < 8; i++) {
        if (!values[i])
            continue;
        fprintf(f, "&amp;%s=", names[i]);
        for (const unsigned char *p = (const unsigned char *)values[i]; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
                fputc(*p, f);
            else
                fprintf(f, "%%%02X", *p);
        }
    }
}

/* The previous page's key: the row PAGE_SIZE + 1 back from this page's
 * key, or none (run -1) when the previous page is the first. */
static list_key previous_key(const pager *p)
{
    if (p->npassed <= PAGE_SIZE)
        return (list_key){-1, 0};
    return p->passed[(p->npassed - PAGE_SIZE - 1) % (PAGE_SIZE + 1)];
}

static void pagination(FILE *f, const list_spec *s, const list_query *q, const pager *p)
{
    if (!p->more && !q->after_id)
        return;
    fputs("<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Pages of "
          "this list\">\n", f);
    if (q->after_id) {
        list_key prev = previous_key(p);
        fprintf(f, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link "
                   "govuk-pagination__link\" href=\"%s?", s->path);
        if (prev.run >= 0)
            fprintf(f, "after=%d.%lld", prev.run, (long long)prev.id);
        filter_query(f, q);
        fprintf(f, "\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">%s"
                   "</span></a></div>\n", prev.run >= 0 ? "Previous page" : "First page");
    }
    if (p->more) {
        fprintf(f, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link "
                   "govuk-pagination__link\" href=\"%s?after=%d.%lld", s->path, p->last_run,
                (long long)p->last_id);
        filter_query(f, q);
        fputs("\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Next page"
              "</span></a></div>\n", f);
    }
    fputs("</nav>\n", f);
}

/* Reads runs from p->first_run on through the pager, until the page is
 * full or it must start from an earlier run (p->earlier). */
static int read_runs(FILE *f, web_ctx *x, const list_spec *s, list_query *q, form_error *e,
                     char runs[][64], int n, pager *p, int *open)
{
    for (int k = p->first_run; k < n && !p->more && !p->earlier; k++) {
        sp_cursor *c = NULL;
        p->run = k;
        q->flt.authority = runs[k][0] ? runs[k] : NULL;
        int rc = run_report(&c, x, s, q);
        if (rc != SP_OK) {
            form_error_scoped(e, x, rc, FILTERS, (const char *const[]){q->flt.authority,
                q->flt.review, q->flt.owner, q->flt.theme, q->flt.status, q->flt.rag, NULL});
            return 0;
        }
        int ok = page_rows(f, s, c, p, open);
        sp_cursor_free(c);
        if (!ok)
            return 0;
    }
    return 1;
}

/* Runs the list over the authorities in scope, through the pager. */
static int list_body(FILE *f, web_ctx *x, const list_spec *s, list_query *q, form_error *e)
{
    static __thread char runs[MAX_RUNS + 1][64];
    int n = 0, open = 0;
    const char *asked = q->flt.authority;
    if (!scope_runs(x, q->flt.authority, s->kind == LIST_PLAN, runs, &n))
        return 0;
    /* Resume at the key's run. The rows before the key there give the
     * previous page's key (read, not shown); when there are too few, the
     * reading starts a run earlier, and from the first if the key is not
     * where the link said (the list changed since). */
    int first = q->after_id && q->after_run < n ? q->after_run : 0;
    pager p;
    for (;;) {
        p = (pager){.last_id = q->after_id, .skipping = q->after_id != 0, .first_run = first};
        int ok = read_runs(f, x, s, q, e, runs, n, &p, &open);
        q->flt.authority = asked; /* the links carry what was asked, not the run */
        if (!ok)
            return 0;
        if (p.earlier)
            first--;
        else if (p.skipping && first > 0)
            first = 0;
        else
            break;
    }
    if (open)
        html_table_close(f);
    if (p.shown == 0)
        fprintf(f, "<p class=\"govuk-body\">%s</p>\n", s->empty);
    else
        fprintf(f, "<p class=\"govuk-body\">%ld action%s on this page.</p>\n", p.shown,
                p.shown == 1 ? "" : "s");
    pagination(f, s, q, &p);
    return 1;
}

static int list_page(web_ctx *x, const list_spec *s)
{
    list_query q;
    form_error e = {0};
    char *buf = NULL, *body = NULL;
    size_t len = 0, blen = 0;
    int ok = read_query(x, s, &q, &e);
    /* The rows go to their own buffer so that a filter the library refuses
     * can still put the error summary first. */
    FILE *rows = open_memstream(&body, &blen);
    if (!rows)
        return 0;
    if (ok)
        ok = list_body(rows, x, s, &q, &e);
    fclose(rows);
    FILE *f = page_begin(x, s->title, &buf, &len);
    if (!f) {
        free(body);
        return 0;
    }
    if (!ok && e.field)
        error_summary(f, e.field, e.message);
    if (s->kind == LIST_MINE)
        fputs("<p class=\"govuk-body\">Your open actions, due soonest first. Open one to "
              "log progress or mark it complete.</p>\n", f);
    else
        filter_form(f, x, s, &q, e.field ? &e : NULL);
    if (ok)
        fwrite(body, 1, blen, f);
    else if (!e.field)
        fputs("<p class=\"govuk-body\">The list could not be read. Try again; if it keeps "
              "failing, tell the administrator.</p>\n", f);
    free(body);
    return page_end(x, f, &buf, &len, ok ? 200 : e.field ? 400 : 500, NULL);
}

int page_overdue(web_ctx *x) { return list_page(x, &SPECS[0]); }
int page_due_soon(web_ctx *x) { return list_page(x, &SPECS[1]); }
int page_stale(web_ctx *x) { return list_page(x, &SPECS[2]); }
int page_plan(web_ctx *x) { return list_page(x, &SPECS[3]); }

/* An account not linked to an owner has no actions of its own: it is told
 * where the plan's lists are, rather than shown every action in scope. */
int page_home(web_ctx *x)
{
    int admin = strcmp(x->session.role, "admin") == 0;
    if (x->session.owner_id && !admin)
        return list_page(x, &SPECS[4]);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, "My actions", &buf, &len);
    if (!f)
        return 0;
    if (admin) {
        fputs("<p class=\"govuk-body\">This is an administrator's account: it manages "
              "accounts, which is done on the server with <code>safeplan user</code>, and "
              "opens none of the plan's pages. To read the plan, sign in with an account "
              "that has a role in it.</p>\n", f);
        return page_end(x, f, &buf, &len, 200, NULL);
    }
    fputs("<p class=\"govuk-body\">Your account is not linked to an owner of actions, so "
          "no actions are yours to update. The plan's lists are <a class=\"govuk-link\" "
          "href=\"/overdue\">Overdue</a>, <a class=\"govuk-link\" href=\"/due-soon\">Due "
          "soon</a>, <a class=\"govuk-link\" href=\"/stale\">Stale</a> and <a "
          "class=\"govuk-link\" href=\"/plan\">the plan</a>.</p>\n", f);
    return page_end(x, f, &buf, &len, 200, NULL);
}
