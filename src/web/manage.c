/* Managers' tasks across many actions: reassign an owner's open actions,
 * transfer actions to another body. Each needs a reason, is attributed to
 * the signed-in account, and stays inside the authorities it may see. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form.h"

#define FIELD 1024

typedef struct task_form {
    const char *path, *title, *intro, *button;
    const char *const *fields; /* ids, NULL-ended; "authority" is the select */
    const char *const *labels;
} task_form;

static const char *const REASSIGN_FIELDS[] = {"from", "to", "authority", "review",
                                              "reason", NULL};
static const char *const REASSIGN_LABELS[] = {"Current owner", "New owner", "",
                                              "Only this review (optional, AUTHORITY/REVIEW)",
                                              "Why"};
static const char *const TRANSFER_FIELDS[] = {"to", "authority", "review", "finding", "owner",
                                              "reason", NULL};
static const char *const TRANSFER_LABELS[] = {"Transferred to (the body now responsible)", "",
                                              "Only this review (optional, AUTHORITY/REVIEW)",
                                              ("Only this finding (optional, "
                                               "AUTHORITY/REVIEW/FINDING)"),
                                              "Only this owner's actions (optional)", "Why"};

static const task_form REASSIGN = {"/reassign", "Reassign actions",
    "Moves the open actions of one owner to another owner.", "Reassign",
    REASSIGN_FIELDS, REASSIGN_LABELS};
static const task_form TRANSFER = {"/transfer", "Transfer actions",
    "Marks open actions as transferred to another body: they leave this plan's open work.",
    "Transfer", TRANSFER_FIELDS, TRANSFER_LABELS};

typedef struct values {
    char v[8][FIELD];
    const char *p[8]; /* NULL where empty */
    const char *bad;  /* a field that could not be read, or NULL */
} values;

static void read_values(web_ctx *x, const task_form *t, values *vs)
{
    vs->bad = NULL;
    for (int i = 0; t->fields[i]; i++) {
        if (form_field(x->w->body, t->fields[i], vs->v[i], FIELD) < 0 && !vs->bad)
            vs->bad = t->fields[i];
        vs->p[i] = vs->v[i][0] ? vs->v[i] : NULL;
    }
}

static const char *value_of(const task_form *t, const values *vs, const char *id)
{
    for (int i = 0; t->fields[i]; i++)
        if (strcmp(t->fields[i], id) == 0)
            return vs->p[i];
    return NULL;
}

static int task_page(web_ctx *x, const task_form *t, unsigned status, const form_error *e,
                     const values *vs)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, t->title, &buf, &len);
    if (!f)
        return 0;
    if (e && e->field)
        error_summary(f, e->field, e->message);
    const char *moved = query_arg(x, "moved");
    /* Only the count task_done sends: any other text would be shown in a
     * banner that looks like the service's own word. */
    if (moved && (strlen(moved) > 9 || moved[strspn(moved, "0123456789")] != '\0'))
        moved = NULL;
    if (moved && !e) {
        fputs("<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
              "role=\"alert\" aria-labelledby=\"done-title\" data-module=\"govuk-notification-"
              "banner\"><div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-"
              "notification-banner__title\" id=\"done-title\">Done</h2></div><div class=\""
              "govuk-notification-banner__content\"><p class=\"govuk-notification-banner__"
              "heading\">Actions moved: ", f);
        html_text(f, moved);
        fputs("</p></div></div>\n", f);
    }
    fprintf(f, "<p class=\"govuk-body\">%s</p>\n<form method=\"post\" action=\"%s\" "
               "novalidate>", t->intro, t->path);
    page_csrf(x, f);
    fputs("\n", f);
    for (int i = 0; t->fields[i]; i++) {
        const char *v = vs ? vs->p[i] : NULL;
        if (strcmp(t->fields[i], "authority") == 0)
            authority_select(f, x, e, v, x->session.all_authorities);
        else if (strcmp(t->fields[i], "reason") == 0)
            textarea_field(f, e, "reason", t->labels[i], "Kept on every action's history",
                           v);
        else
            text_field(f, e, t->fields[i], t->labels[i], NULL, v, NULL);
    }
    fprintf(f, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
               "%s</button>\n</form>\n", t->button);
    return page_end(x, f, &buf, &len, status, NULL);
}

int page_reassign_form(web_ctx *x) { return task_page(x, &REASSIGN, 200, NULL, NULL); }
int page_transfer_form(web_ctx *x) { return task_page(x, &TRANSFER, 200, NULL, NULL); }

/* The checks both tasks share; 0 with e filled if one fails. */
static int check_common(web_ctx *x, const task_form *t, const values *vs, form_error *e)
{
    static const char *const refs[] = {"review", "finding", NULL};
    const char *authority = value_of(t, vs, "authority");
    if (vs->bad) {
        *e = form_err(vs->bad, FIELD_UNREADABLE);
        return 0;
    }
    for (int i = 0; t->fields[i]; i++)
        if (!vs->p[i] && (strcmp(t->fields[i], "to") == 0 || strcmp(t->fields[i], "from") == 0
                          || strcmp(t->fields[i], "reason") == 0)) {
            *e = form_err(t->fields[i], strcmp(t->fields[i], "reason") == 0
                                  ? "Enter why the actions are moving"
                                  : strcmp(t->fields[i], "from") == 0
                                        ? "Enter the current owner"
                                        : "Enter where the actions are going");
            return 0;
        }
    if (authority ? !scope_allows(x, authority) : !x->session.all_authorities) {
        *e = form_err("authority", "Choose an authority your account can see");
        return 0;
    }
    for (int i = 0; refs[i]; i++)
        if (!ref_in_scope(x, value_of(t, vs, refs[i]))) {
            *e = form_err(refs[i], "Enter a reference in an authority your account "
                                       "can see");
            return 0;
        }
    return 1;
}

static int task_done(web_ctx *x, const task_form *t, int moved)
{
    char to[64];
    snprintf(to, sizeof to, "%s?moved=%d", t->path, moved);
    return respond_redirect(x, to);
}

int page_reassign(web_ctx *x)
{
    values vs;
    form_error e = {0};
    read_values(x, &REASSIGN, &vs);
    if (!check_common(x, &REASSIGN, &vs, &e))
        return task_page(x, &REASSIGN, 400, &e, &vs);
    sp_reassign in = {0};
    in.from = vs.p[0];
    in.to = vs.p[1];
    in.authority = vs.p[2];
    in.review = vs.p[3];
    in.reason = vs.p[4];
    in.author = x->session.name; /* attributed to the account, never to free text */
    int moved = 0, rc = sp_action_reassign(&moved, x->w->db, &in);
    if (rc != SP_OK) {
        form_error_scoped(&e, x, rc, REASSIGN_FIELDS, vs.p);
        return task_page(x, &REASSIGN, 400, &e, &vs);
    }
    return task_done(x, &REASSIGN, moved);
}

int page_transfer(web_ctx *x)
{
    values vs;
    form_error e = {0};
    read_values(x, &TRANSFER, &vs);
    if (!check_common(x, &TRANSFER, &vs, &e))
        return task_page(x, &TRANSFER, 400, &e, &vs);
    sp_transfer in = {0};
    in.to = vs.p[0];
    in.authority = vs.p[1];
    in.review = vs.p[2];
    in.finding = vs.p[3];
    in.owner = vs.p[4];
    in.reason = vs.p[5];
    in.author = x->session.name;
    int moved = 0, rc = sp_action_transfer(&moved, x->w->db, &in);
    if (rc != SP_OK) {
        form_error_scoped(&e, x, rc, TRANSFER_FIELDS, vs.p);
        return task_page(x, &TRANSFER, 400, &e, &vs);
    }
    return task_done(x, &TRANSFER, moved);
}

/* The time-out warning's dialog, opened by session.js (WCAG 2.2.1) two
 * minutes before the session would end: when, and "Stay signed in"; then,
 * if nothing was done, that the session has ended. Without script it is
 * never shown. */
static void session_dialog(web_ctx *x, FILE *f)
{
    fputs("<dialog id=\"session-dialog\" class=\"app-session-dialog\" "
          "aria-labelledby=\"session-dialog-title\" aria-describedby=\"session-dialog-text\">"
          "<div data-state=\"warn\"><h2 class=\"govuk-heading-m\" id=\"session-dialog-title\">"
          "You will be signed out soon</h2><p class=\"govuk-body\" id=\"session-dialog-text\">"
          "For your security, you will be signed out at <span id=\"session-dialog-time\">"
          "</span> if you do nothing. Anything you have typed and not saved would be lost."
          "</p><form method=\"post\" action=\"/session/extend\" class=\"app-session-extend\">",
          f);
    page_csrf(x, f);
    fputs("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
          "Stay signed in</button></form></div><div data-state=\"ended\" hidden>"
          "<h2 class=\"govuk-heading-m\" id=\"session-ended-title\" tabindex=\"-1\">You have been signed "
          "out</h2><p class=\"govuk-body\" id=\"session-ended-text\">The service was not used "
          "for a while, so you were signed out. Copy anything you typed and have not saved, "
          "then <a class=\"govuk-link\" href=\"/sign-in\">sign in "
          "again</a>.</p></div></dialog>", f);
}

/* WCAG 2.2.1: say before it happens when the session will time out, and
 * give a simple way to keep it that loses nothing: "Stay signed in" posts
 * to /session/extend, whose 204 leaves the page as it is (any page opened
 * restarts the idle clock too). With script, session.js also warns two
 * minutes before the end (session_dialog). */
void page_session_notice(web_ctx *x, FILE *f)
{
    time_t ends = (time_t)(x->w->now + x->w->idle_s);
    struct tm tm;
    char at[16];
    gmtime_r(&ends, &tm);
    strftime(at, sizeof at, "%H:%M", &tm);
    fprintf(f, "<div id=\"session-notice\" data-idle-seconds=\"%lld\"><p class=\"govuk-body-s "
               "app-session-notice\">For your security you will be signed out after %lld "
               "minutes without using the service (at %s UTC if you do nothing). Opening any "
               "page keeps you signed in, and so does this button, without leaving the page:"
               "</p><form method=\"post\" action=\"/session/extend\" class=\"app-session-extend\">",
            (long long)x->w->idle_s, (long long)(x->w->idle_s / 60), at);
    page_csrf(x, f);
    fputs("<button type=\"submit\" class=\"app-session-extend__button\">Stay signed in"
          "</button></form></div>", f);
    session_dialog(x, f);
}
