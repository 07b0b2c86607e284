/* An action's page: everything `action show` gives, its history and the
 * update form, for an action in the account's scope. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

static int find_col(const sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return i;
    return -1;
}

/* Whether the account is linked to the owner named `name`. Owner names
 * are unique, so the account's owner's name equals it exactly when they
 * are one owner; resolving the name instead would read a name of digits
 * ("2024") as an id. */
static int is_my_owner(web_ctx *x, const char *name)
{
    char *mine = NULL;
    if (!x->session.owner_id ||
        sp_ref_path(&mine, x->w->db, "owner", x->session.owner_id) != SP_OK)
        return 0;
    int same = strcmp(mine, name) == 0;
    free(mine);
    return same;
}

/* The action's authority code and whether the account owns it, or
 * SP_ENOTFOUND. */
static int action_facts(web_ctx *x, char code[64], int *mine)
{
    sp_cursor *c = NULL;
    int rc = sp_action_get(&c, x->w->db, x->id);
    if (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW) {
        const char *path = sp_cursor_text(c, find_col(c, "path"));
        snprintf(code, 64, "%.*s", (int)strcspn(path, "/"), path);
        *mine = is_my_owner(x, sp_cursor_text(c, find_col(c, "owner")));
        rc = SP_OK;
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

int ref_in_scope(web_ctx *x, const char *ref)
{
    char code[64];
    if (!ref)
        return 1;
    /* Codes are lower case, and paths are resolved in any case. */
    int n = snprintf(code, sizeof code, "%.*s", (int)strcspn(ref, "/"), ref);
    for (int i = 0; i < n && i < (int)sizeof code; i++)
        code[i] = (char)tolower((unsigned char)code[i]);
    return scope_allows(x, code);
}

/* Not found and out of scope look the same, so scope does not leak. */
static int action_visible(web_ctx *x, int *mine)
{
    char code[64];
    return action_facts(x, code, mine) == SP_OK && scope_allows(x, code);
}

static void definition_list(FILE *f, sp_cursor *c)
{
    fputs("<dl class=\"govuk-summary-list\">\n", f);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        fputs("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">",
              f);
        html_text(f, sp_cursor_name(c, i));
        fputs("</dt><dd class=\"govuk-summary-list__value\">", f);
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
    fputs("<h2 class=\"govuk-heading-m\">History</h2>\n", f);
    html_table_open(f, "History");
    fputs("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">", f);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        fputs("<th scope=\"col\" class=\"govuk-table__header\">", f);
        html_text(f, sp_cursor_name(c, i));
        fputs("</th>", f);
    }
    fputs("</tr></thead><tbody class=\"govuk-table__body\">\n", f);
    while (sp_cursor_step(c) == SP_ROW) {
        fputs("<tr class=\"govuk-table__row\">", f);
        for (int i = 0; i < sp_cursor_columns(c); i++) {
            fputs("<td class=\"govuk-table__cell\">", f);
            html_text(f, sp_cursor_text(c, i));
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    html_table_close(f);
    sp_cursor_free(c);
}

static int may_update(web_ctx *x, int mine)
{
    if (strcmp(x->session.role, "officer") == 0)
        return mine;
    return strcmp(x->session.role, "manager") == 0;
}

static int is_manager(web_ctx *x)
{
    return strcmp(x->session.role, "manager") == 0;
}

/* What was typed into the update form, kept when it is shown again. */
enum { U_NOTE, U_EVIDENCE, U_PERCENT, U_STATUS, U_NO_EVIDENCE, U_DUE, U_RAG, U_REASON, U_N };
static const char *const U_FIELDS[] = {"note", "evidence", "percent", "status",
                                       "no_evidence_reason", "due", "rag", "reason", NULL};
#define U_SIZE 16384

typedef struct update_values {
    char *v[U_N];
    const char *p[U_N + 1]; /* NULL where empty */
    int bad;                /* a field that could not be read, or -1 */
} update_values;

static void update_form(FILE *f, web_ctx *x, const form_error *e, const update_values *u)
{
    static const char *const officer_statuses[] = {"", "Keep as it is", "in_progress",
        "In progress", "complete", "Complete", NULL};
    static const char *const manager_statuses[] = {"", "Keep as it is", "in_progress",
        "In progress (also reopens a completed action)", "complete", "Complete",
        "signed_off", "Signed off (closure)", "withdrawn", "Withdrawn", NULL};
    static const char *const rags[] = {"", "Keep as it is", "red", "Red", "amber", "Amber",
        "green", "Green", "blue", "Blue", "grey", "Grey", "none", "Remove the override", NULL};
    const char *const *p = u ? u->p : (const char *const[U_N + 1]){0};
    fprintf(f, "<h2 class=\"govuk-heading-m\">Add an update</h2>\n<form method=\"post\" "
               "action=\"/actions/%lld\" novalidate>", (long long)x->id);
    page_csrf(x, f);
    fputs("\n", f);
    textarea_field(f, e, "note", "What was done", NULL, p[U_NOTE]);
    textarea_field(f, e, "evidence", "Evidence of impact",
                   "What changed for children and families", p[U_EVIDENCE]);
    text_field(f, e, "percent", "Per cent complete", "A whole number from 0 to 100",
               p[U_PERCENT], "govuk-input--width-3");
    select_field(f, e, "status", "Status", is_manager(x) ? manager_statuses : officer_statuses,
                 p[U_STATUS]);
    if (is_manager(x)) {
        textarea_field(f, e, "no_evidence_reason", "Signing off without evidence: why",
                       NULL, p[U_NO_EVIDENCE]);
        text_field(f, e, "due", "Revised due date", "A date, like 2027-03-31, or a timescale "
                   "such as 6 months. Needs a reason.", p[U_DUE], "govuk-input--width-10");
        select_field(f, e, "rag", "RAG override", rags, p[U_RAG]);
        textarea_field(f, e, "reason", "Reason",
                       "Why the due date, RAG or status changes (reopening, withdrawal)",
                       p[U_REASON]);
    }
    fputs("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
          "Save update</button>\n</form>\n", f);
}

static int action_page(web_ctx *x, unsigned status, const form_error *e,
                       const update_values *u)
{
    int mine = 0;
    if (!action_visible(x, &mine))
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
    if (e)
        error_summary(f, e->field, e->message);
    definition_list(f, c);
    sp_cursor_free(c);
    history_table(f, x);
    if (may_update(x, mine))
        update_form(f, x, e, u);
    return page_end(x, f, &buf, &len, status, NULL);
}

int page_action(web_ctx *x)
{
    return action_page(x, 200, NULL, NULL);
}

/* The field a refusal is about, from the words of the library's message. */
static const char *update_error_field(const char *msg)
{
    static const char *const words[][2] = {
        {"per cent", "percent"}, {"percent", "percent"}, {"without evidence", "no_evidence_reason"},
        {"reason", "reason"}, {"due", "due"}, {"evidence", "evidence"}, {"RAG", "rag"},
        {"rag", "rag"}, {"status", "status"}, {"lifecycle", "status"}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(msg, words[i][0]))
            return words[i][1];
    return "note";
}

static int read_update(web_ctx *x, update_values *u)
{
    memset(u, 0, sizeof *u);
    u->bad = -1;
    for (int i = 0; i < U_N; i++) {
        if (!(u->v[i] = malloc(U_SIZE)))
            return 0;
        if (form_field(x->w->body, U_FIELDS[i], u->v[i], U_SIZE) < 0 && u->bad < 0)
            u->bad = i;
        u->p[i] = u->v[i][0] ? u->v[i] : NULL;
    }
    return 1;
}

static void free_update(update_values *u)
{
    for (int i = 0; i < U_N; i++)
        free(u->v[i]);
}

/* Closure and the plan's dates and ratings are managers' (the issue's
 * roles): an officer sending them is refused outright. */
static int officer_overreach(web_ctx *x, const update_values *u)
{
    if (is_manager(x))
        return 0;
    const char *st = u->p[U_STATUS];
    return u->p[U_DUE] || u->p[U_RAG] || u->p[U_REASON] || u->p[U_NO_EVIDENCE] ||
           (st && strcmp(st, "in_progress") && strcmp(st, "complete"));
}

int page_action_update(web_ctx *x)
{
    int mine = 0;
    if (!action_visible(x, &mine))
        return respond_error(x, 404, "There is no action with this number that you can see. "
                                     "Go back to your list of actions.");
    if (!may_update(x, mine))
        return respond_error(x, 403, "Only the action's owner or a manager can update it.");
    update_values u;
    if (!read_update(x, &u)) {
        free_update(&u);
        return respond_error(x, 500, "The server is out of memory. Try again.");
    }
    if (u.bad >= 0) { /* nothing is saved: the text is not what was typed */
        form_error e = {.field = U_FIELDS[u.bad], .message = FIELD_UNREADABLE};
        if (!is_manager(x) && u.bad > U_STATUS)
            e.field = "note"; /* a field the officer's form has */
        int r = action_page(x, 400, &e, &u);
        free_update(&u);
        return r;
    }
    if (officer_overreach(x, &u)) {
        free_update(&u);
        return respond_error(x, 403, "Only a manager can sign off, withdraw, revise the due "
                                     "date or override the RAG rating.");
    }
    char due_out[SP_DATE_SIZE];
    sp_update in = {0};
    in.author = x->session.name; /* every change is attributed to the account */
    in.note = u.p[U_NOTE];
    in.evidence = u.p[U_EVIDENCE];
    in.percent = u.p[U_PERCENT];
    in.status = u.p[U_STATUS];
    in.no_evidence_reason = u.p[U_NO_EVIDENCE];
    in.due = u.p[U_DUE];
    in.rag = u.p[U_RAG];
    in.reason = u.p[U_REASON];
    int r, rc = sp_action_update(NULL, due_out, x->w->db, x->id, &in);
    if (rc == SP_EBUSY || rc == SP_ERROR) { /* not the form's fault: nothing was saved */
        free_update(&u);
        return respond_error(x, 503, rc == SP_EBUSY
                             ? "The plan is busy with another change. Nothing was saved: go "
                               "back, and send the form again in a minute."
                             : "The plan could not be written. Nothing was saved: go back and "
                               "try again, and tell the administrator if it happens again.");
    }
    if (rc == SP_OK) {
        char to[48];
        snprintf(to, sizeof to, "/actions/%lld", (long long)x->id);
        r = respond_redirect(x, to);
    } else {
        form_error e = {0};
        snprintf(e.copy, sizeof e.copy, "%s", sp_errmsg(x->w->db));
        e.message = e.copy;
        e.field = update_error_field(e.message);
        if (!is_manager(x) && strcmp(e.field, "note") && strcmp(e.field, "evidence") &&
            strcmp(e.field, "percent") && strcmp(e.field, "status"))
            e.field = "note"; /* a field the officer's form has */
        r = action_page(x, 400, &e, &u);
    }
    free_update(&u);
    return r;
}
