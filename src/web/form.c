/* GOV.UK Design System form pieces shared by the pages: fields with their
 * error messages, the error summary linking to the field, query values. */
#include <string.h>

#include "form.h"

const char *query_arg(web_ctx *x, const char *name)
{
    const char *v = MHD_lookup_connection_value(x->w->conn, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

void error_summary(FILE *f, const char *field, const char *message)
{
    fputs("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
          "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
          "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
          "govuk-error-summary__list\"><li><a href=\"#", f);
    html_text(f, field);
    fputs("\">", f);
    html_text(f, message);
    fputs("</a></li></ul></div></div></div>\n", f);
}

/* Opens a form group; writes the label, hint and (for the field in error)
 * its message. Returns 1 if this field is the one in error. */
static int group_open(FILE *f, const form_error *e, const char *id, const char *label,
                      const char *hint)
{
    int bad = e && e->field && strcmp(e->field, id) == 0;
    fprintf(f, "<div class=\"govuk-form-group%s\">", bad ? " govuk-form-group--error" : "");
    fprintf(f, "<label class=\"govuk-label\" for=\"%s\">", id);
    html_text(f, label);
    fputs("</label>", f);
    if (hint) {
        fprintf(f, "<div id=\"%s-hint\" class=\"govuk-hint\">", id);
        html_text(f, hint);
        fputs("</div>", f);
    }
    if (bad) {
        fprintf(f, "<p id=\"%s-error\" class=\"govuk-error-message\"><span "
                   "class=\"govuk-visually-hidden\">Error:</span> ", id);
        html_text(f, e->message);
        fputs("</p>", f);
    }
    return bad;
}

static void described_by(FILE *f, const char *id, const char *hint, int bad)
{
    if (!hint && !bad)
        return;
    fputs(" aria-describedby=\"", f);
    if (hint)
        fprintf(f, "%s-hint", id);
    if (bad)
        fprintf(f, "%s%s-error", hint ? " " : "", id);
    fputs("\"", f);
}

void text_field(FILE *f, const form_error *e, const char *id, const char *label,
                const char *hint, const char *value, const char *width)
{
    int bad = group_open(f, e, id, label, hint);
    fprintf(f, "<input class=\"govuk-input%s%s%s\" id=\"%s\" name=\"%s\" type=\"text\"",
            width ? " " : "", width ? width : "", bad ? " govuk-input--error" : "", id, id);
    described_by(f, id, hint, bad);
    fputs(" value=\"", f);
    html_text(f, value);
    fputs("\"></div>\n", f);
}

void textarea_field(FILE *f, const form_error *e, const char *id, const char *label,
                    const char *hint, const char *value)
{
    int bad = group_open(f, e, id, label, hint);
    fprintf(f, "<textarea class=\"govuk-textarea%s\" id=\"%s\" name=\"%s\" rows=\"3\"",
            bad ? " govuk-textarea--error" : "", id, id);
    described_by(f, id, hint, bad);
    fputs(">", f);
    html_text(f, value);
    fputs("</textarea></div>\n", f);
}

void select_field(FILE *f, const form_error *e, const char *id, const char *label,
                  const char *const *options, const char *value)
{
    select_hinted(f, e, id, label, NULL, options, value);
}

void select_hinted(FILE *f, const form_error *e, const char *id, const char *label,
                   const char *hint, const char *const *options, const char *value)
{
    int bad = group_open(f, e, id, label, hint);
    fprintf(f, "<select class=\"govuk-select%s\" id=\"%s\" name=\"%s\"",
            bad ? " govuk-select--error" : "", id, id);
    described_by(f, id, hint, bad);
    fputs(">", f);
    for (int i = 0; options[i]; i += 2) {
        fputs("<option value=\"", f);
        html_text(f, options[i]);
        fputs("\"", f);
        if (value && strcmp(value, options[i]) == 0)
            fputs(" selected", f);
        fputs(">", f);
        html_text(f, options[i + 1]);
        fputs("</option>", f);
    }
    fputs("</select></div>\n", f);
}

void authority_choice(FILE *f, web_ctx *x, const form_error *e, const authority_options *o)
{
    int bad = group_open(f, e, "authority", "Authority", o->hint);
    fprintf(f, "<select class=\"govuk-select%s\" id=\"authority\" name=\"authority\"",
            bad ? " govuk-select--error" : "");
    described_by(f, "authority", o->hint, bad);
    fputs(">", f);
    if (o->first) {
        fputs("<option value=\"\">", f);
        html_text(f, o->first);
        fputs("</option>", f);
    }
    sp_cursor *c = NULL;
    int scoped = !x->session.all_authorities;
    int rc = scoped ? sp_account_authorities(&c, x->w->db, x->session.account_id)
                    : sp_authority_codes(&c, x->w->db);
    int named = o->named && !scoped; /* an account's list holds codes alone */
    while (rc == SP_OK && sp_cursor_step(c) == SP_ROW) {
        const char *code = sp_cursor_text(c, 0);
        fputs("<option value=\"", f);
        html_text(f, code);
        fputs("\"", f);
        if (o->value && strcmp(o->value, code) == 0)
            fputs(" selected", f);
        fputs(">", f);
        if (named) {
            html_text(f, sp_cursor_text(c, 1));
            fputs(" (", f);
        }
        html_text(f, code);
        fputs(named ? ")</option>" : "</option>", f);
    }
    sp_cursor_free(c);
    fputs("</select></div>\n", f);
}

void authority_select(FILE *f, web_ctx *x, const form_error *e, const char *value,
                      int allow_all)
{
    authority_options o = {.value = value, .first = allow_all ? "All you can see" : NULL};
    authority_choice(f, x, e, &o);
}

void form_error_scoped(form_error *e, web_ctx *x, int rc, const char *const *fields,
                       const char *const *values)
{
    form_error_from_db(e, x, fields, values);
    if (rc == SP_ENOTFOUND && !x->session.all_authorities)
        e->message = NOT_IN_SCOPE;
}

void form_error_from_db(form_error *e, web_ctx *x, const char *const *fields,
                        const char *const *values)
{
    snprintf(e->copy, sizeof e->copy, "%s", sp_errmsg(x->w->db));
    e->message = e->copy;
    e->field = fields[0];
    /* The library names the value it refused: point at the field holding it. */
    for (int i = 0; fields[i]; i++)
        if (values[i] && *values[i] && strstr(e->message, values[i])) {
            e->field = fields[i];
            break;
        }
}
