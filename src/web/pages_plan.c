/* The plan's pages: My actions, Overdue, an action with its history and
 * update form. Every list is run once per authority the account may see,
 * so nothing outside its scope is ever read into a page. */
#include <stdlib.h>
#include <string.h>

#include "pages.h"

typedef int (*report_fn)(sp_cursor **out, sp_db *db, const sp_filter *f);

static int find_col(const sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return i;
    return -1;
}

static const char *const COLS[] = {"path", "action", "owner", "due_on", "status", "rag"};
static const char *const HEADS[] = {"Action", "What", "Owner", "Due", "Status", "RAG"};
#define NCOLS 6

/* Writes the cursor's rows as table rows; returns the count, -1 on error. */
static long rows(FILE *f, sp_cursor *c)
{
    int at[NCOLS], id = find_col(c, "id");
    long n = 0;
    for (int i = 0; i < NCOLS; i++)
        at[i] = find_col(c, COLS[i]);
    int rc;
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        fputs("<tr>", f);
        for (int i = 0; i < NCOLS; i++) {
            fputs("<td>", f);
            if (i == 0 && id >= 0)
                fprintf(f, "<a href=\"/actions/%lld\">", (long long)sp_cursor_int(c, id));
            html_text(f, at[i] >= 0 ? sp_cursor_text(c, at[i]) : "");
            fputs(i == 0 && id >= 0 ? "</a></td>" : "</td>", f);
        }
        fputs("</tr>\n", f);
        n++;
    }
    return rc == SP_DONE ? n : -1;
}

static int run_one(FILE *f, web_ctx *x, report_fn fn, sp_filter *flt, long *total)
{
    sp_cursor *c = NULL;
    if (fn(&c, x->w->db, flt) != SP_OK)
        return 0;
    long n = rows(f, c);
    sp_cursor_free(c);
    if (n < 0)
        return 0;
    *total += n;
    return 1;
}

/* Runs fn for each authority in scope, writing one table. */
static int scoped_table(FILE *f, web_ctx *x, report_fn fn, sp_filter *flt, long *total)
{
    /* A wide table scrolls in its own box, reachable by keyboard (WCAG 1.4.10, 2.1.1). */
    fputs("<div class=\"app-table-wrapper\" tabindex=\"0\" role=\"region\" "
          "aria-label=\"Actions\"><table class=\"table\"><thead><tr>", f);
    for (int i = 0; i < NCOLS; i++)
        fprintf(f, "<th scope=\"col\">%s</th>", HEADS[i]);
    fputs("</tr></thead><tbody>\n", f);
    *total = 0;
    int ok = 1;
    if (x->session.all_authorities) {
        ok = run_one(f, x, fn, flt, total);
    } else {
        sp_cursor *codes = NULL;
        ok = sp_account_authorities(&codes, x->w->db, x->session.account_id) == SP_OK;
        int rc;
        while (ok && (rc = sp_cursor_step(codes)) == SP_ROW) {
            char code[64];
            snprintf(code, sizeof code, "%s", sp_cursor_text(codes, 0));
            flt->authority = code;
            ok = run_one(f, x, fn, flt, total);
        }
        sp_cursor_free(codes);
    }
    fputs("</tbody></table></div>\n", f);
    return ok;
}

static int plan_now(sp_cursor **out, sp_db *db, const sp_filter *f)
{
    return sp_plan_at(out, db, NULL, f);
}

static int overdue_now(sp_cursor **out, sp_db *db, const sp_filter *f)
{
    return sp_overdue(out, db, NULL, f);
}

static int list_page(web_ctx *x, const char *title, report_fn fn, sp_filter *flt,
                     const char *empty)
{
    char *buf = NULL;
    size_t len = 0;
    long total = 0;
    FILE *f = page_begin(x, title, &buf, &len);
    if (!f)
        return 0;
    int ok = scoped_table(f, x, fn, flt, &total);
    if (!ok)
        fputs("<p>The list could not be read. Try again; if it keeps failing, tell "
              "the administrator.</p>\n", f);
    else if (total == 0)
        fprintf(f, "<p>%s</p>\n", empty);
    else
        fprintf(f, "<p>%ld action%s.</p>\n", total, total == 1 ? "" : "s");
    return page_end(x, f, &buf, &len, ok ? 200 : 500, NULL);
}

int page_home(web_ctx *x)
{
    char owner[32];
    sp_filter flt = {0};
    if (!x->session.owner_id)
        return list_page(x, "My actions", plan_now, &flt,
                         "Your account is not the owner of any actions.") ;
    snprintf(owner, sizeof owner, "%lld", (long long)x->session.owner_id);
    flt.owner = owner;
    return list_page(x, "My actions", plan_now, &flt, "You own no actions.");
}

int page_overdue(web_ctx *x)
{
    sp_filter flt = {0};
    return list_page(x, "Overdue actions", overdue_now, &flt, "No action is overdue.");
}

/* The action's authority code and owner id, or SP_ENOTFOUND. */
static int action_facts(web_ctx *x, char code[64], int64_t *owner)
{
    sp_cursor *c = NULL;
    int rc = sp_action_get(&c, x->w->db, x->id);
    if (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW) {
        const char *path = sp_cursor_text(c, find_col(c, "path"));
        snprintf(code, 64, "%.*s", (int)strcspn(path, "/"), path);
        rc = sp_resolve(owner, x->w->db, "owner", sp_cursor_text(c, find_col(c, "owner")));
    } else if (rc == SP_DONE) {
        rc = SP_ENOTFOUND;
    }
    sp_cursor_free(c);
    return rc;
}

int scope_allows(web_ctx *x, const char *code)
{
    if (x->session.all_authorities)
        return 1;
    sp_cursor *codes = NULL;
    int found = 0, rc;
    if (sp_account_authorities(&codes, x->w->db, x->session.account_id) != SP_OK)
        return 0;
    while (!found && (rc = sp_cursor_step(codes)) == SP_ROW)
        found = strcmp(sp_cursor_text(codes, 0), code) == 0;
    sp_cursor_free(codes);
    return found;
}

/* Not found and out of scope look the same, so scope does not leak. */
static int action_visible(web_ctx *x, int64_t *owner)
{
    char code[64];
    return action_facts(x, code, owner) == SP_OK && scope_allows(x, code);
}

static void definition_list(FILE *f, sp_cursor *c)
{
    fputs("<dl class=\"summary\">\n", f);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        fputs("<div><dt>", f);
        html_text(f, sp_cursor_name(c, i));
        fputs("</dt><dd>", f);
        html_text(f, sp_cursor_text(c, i));
        fputs("</dd></div>\n", f);
    }
    fputs("</dl>\n", f);
}

static void history_table(FILE *f, web_ctx *x)
{
    sp_cursor *c = NULL;
    if (sp_action_history(&c, x->w->db, x->id) != SP_OK)
        return;
    fputs("<h2>History</h2>\n<div class=\"app-table-wrapper\" tabindex=\"0\" role=\"region\" "
          "aria-label=\"History\"><table class=\"table\"><thead><tr>", f);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        fputs("<th scope=\"col\">", f);
        html_text(f, sp_cursor_name(c, i));
        fputs("</th>", f);
    }
    fputs("</tr></thead><tbody>\n", f);
    while (sp_cursor_step(c) == SP_ROW) {
        fputs("<tr>", f);
        for (int i = 0; i < sp_cursor_columns(c); i++) {
            fputs("<td>", f);
            html_text(f, sp_cursor_text(c, i));
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table></div>\n", f);
    sp_cursor_free(c);
}

static int may_update(web_ctx *x, int64_t owner)
{
    if (strcmp(x->session.role, "officer") == 0)
        return x->session.owner_id != 0 && owner == x->session.owner_id;
    return strcmp(x->session.role, "manager") == 0 || strcmp(x->session.role, "admin") == 0;
}

static void update_form(FILE *f, web_ctx *x)
{
    fprintf(f, "<h2>Add an update</h2>\n<form method=\"post\" action=\"/actions/%lld\">",
            (long long)x->id);
    page_csrf(x, f);
    fputs("\n<div class=\"field\"><label for=\"note\">What was done</label>"
          "<textarea id=\"note\" name=\"note\" rows=\"4\"></textarea></div>\n"
          "<div class=\"field\"><label for=\"evidence\">Evidence of impact</label>"
          "<textarea id=\"evidence\" name=\"evidence\" rows=\"3\"></textarea></div>\n"
          "<div class=\"field\"><label for=\"percent\">Per cent complete</label>"
          "<input id=\"percent\" name=\"percent\" type=\"text\" inputmode=\"numeric\" "
          "class=\"narrow\"></div>\n"
          "<div class=\"field\"><label for=\"status\">Status</label><select id=\"status\" "
          "name=\"status\"><option value=\"\">Keep as it is</option>"
          "<option value=\"in_progress\">In progress</option>"
          "<option value=\"complete\">Complete</option></select></div>\n"
          "<button type=\"submit\" class=\"button\">Save update</button>\n</form>\n", f);
}

static int action_page(web_ctx *x, unsigned status, const char *error)
{
    int64_t owner = 0;
    if (!action_visible(x, &owner))
        return respond_error(x, 404, "There is no action with this number that you can see. "
                                     "Go back to your list of actions.");
    sp_cursor *c = NULL;
    if (sp_action_get(&c, x->w->db, x->id) != SP_OK || sp_cursor_step(c) != SP_ROW) {
        sp_cursor_free(c);
        return respond_error(x, 500, "The action could not be read. Try again.");
    }
    char title[64], *buf = NULL;
    size_t len = 0;
    snprintf(title, sizeof title, "Action %lld", (long long)x->id);
    FILE *f = page_begin(x, title, &buf, &len);
    if (!f) {
        sp_cursor_free(c);
        return 0;
    }
    if (error) {
        fputs("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>", f);
        html_text(f, error);
        fputs("</p></div>\n", f);
    }
    definition_list(f, c);
    sp_cursor_free(c);
    history_table(f, x);
    if (may_update(x, owner))
        update_form(f, x);
    return page_end(x, f, &buf, &len, status, NULL);
}

int page_action(web_ctx *x)
{
    return action_page(x, 200, NULL);
}

static const char *field_or_null(const char *body, const char *name, char *buf, size_t size)
{
    return form_field(body, name, buf, size) && buf[0] ? buf : NULL;
}

int page_action_update(web_ctx *x)
{
    int64_t owner = 0;
    if (!action_visible(x, &owner))
        return respond_error(x, 404, "There is no action with this number that you can see. "
                                     "Go back to your list of actions.");
    if (!may_update(x, owner))
        return respond_error(x, 403, "Only the action's owner or a manager can update it.");
    char percent[16], status[32], due_out[SP_DATE_SIZE];
    char *n = malloc(16384), *e = malloc(16384);
    if (!n || !e) {
        free(n);
        free(e);
        return respond_error(x, 500, "The server is out of memory. Try again.");
    }
    sp_update u = {0};
    u.author = x->session.name; /* every change is attributed to the account */
    u.note = field_or_null(x->w->body, "note", n, 16384);
    u.evidence = field_or_null(x->w->body, "evidence", e, 16384);
    u.percent = field_or_null(x->w->body, "percent", percent, sizeof percent);
    u.status = field_or_null(x->w->body, "status", status, sizeof status);
    int rc = sp_action_update(NULL, due_out, x->w->db, x->id, &u);
    int r;
    if (rc == SP_OK) {
        char to[48];
        snprintf(to, sizeof to, "/actions/%lld", (long long)x->id);
        r = respond_redirect(x, to);
    } else {
        r = action_page(x, 400, sp_errmsg(x->w->db));
    }
    free(n);
    free(e);
    return r;
}
