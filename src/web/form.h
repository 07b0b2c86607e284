/* GOV.UK Design System form pieces: fields, error summary, query values. */
#ifndef SP_WEB_FORM_H
#define SP_WEB_FORM_H

#include "pages.h"

/* The one field in error on a form (field is its id), or none. */
typedef struct form_error {
    const char *field;
    const char *message;
    /* A message from the library, copied: its own is cleared by the next
     * library call, and the page makes several before it shows the error;
     * room for the import's, which the web words longer (opts_reword). */
    char copy[1024];
} form_error;

/* What a page says of a field form_field could not read (nothing is saved). */
#define FIELD_UNREADABLE                                                               \
    "This text could not be read: it is too long, or it holds a character that "      \
    "cannot be stored (a NUL byte). Shorten it or type it again, then send the form."

/* A form error whose message is text of the page's own (not the library's). */
static inline form_error form_err(const char *field, const char *message)
{
    return (form_error){.field = field, .message = message};
}

/* A query-string value, NULL if absent or empty. */
const char *query_arg(web_ctx *x, const char *name);
/* The error summary at the top of a page, linking to the field. */
void error_summary(FILE *f, const char *field, const char *message);
/* Fields; e may be NULL. Values are escaped. width: a govuk-input--width-N
 * class or NULL. options: value, label pairs ending in NULL. */
void text_field(FILE *f, const form_error *e, const char *id, const char *label,
                const char *hint, const char *value, const char *width);
void textarea_field(FILE *f, const form_error *e, const char *id, const char *label,
                    const char *hint, const char *value);
void select_field(FILE *f, const form_error *e, const char *id, const char *label,
                  const char *const *options, const char *value);
/* select_field with a hint (may be NULL) under the label. */
void select_hinted(FILE *f, const form_error *e, const char *id, const char *label,
                   const char *hint, const char *const *options, const char *value);
/* A select of the authorities the account may see ("All" first if allow_all). */
void authority_select(FILE *f, web_ctx *x, const form_error *e, const char *value,
                      int allow_all);
/* The same select, told more: value (may be NULL) is selected; first (NULL:
 * none) labels an option of empty value before the authorities; hint may be
 * NULL; named labels each authority "Name (code)", not its code alone. */
typedef struct authority_options {
    const char *value, *first, *hint;
    int named;
} authority_options;
void authority_choice(FILE *f, web_ctx *x, const form_error *e, const authority_options *o);
/* Fills e from the handle's message, pointing at the field (of the NULL-ended
 * lists fields and values) whose value the message names; else the first. */
void form_error_from_db(form_error *e, web_ctx *x, const char *const *fields,
                        const char *const *values);
/* form_error_from_db for a filter or name the library found nothing for
 * (rc SP_ENOTFOUND): to an account that sees only some authorities it
 * says so without the library's "closest" names, which come from the
 * whole plan. */
void form_error_scoped(form_error *e, web_ctx *x, int rc, const char *const *fields,
                       const char *const *values);
/* The words a scoped account is told when a name matches nothing it sees
 * (the same whether or not the name exists elsewhere). */
#define NOT_IN_SCOPE                                                                   \
    "Nothing of that name was found in the authorities your account can see. "       \
    "Check the spelling, or clear this box."

#endif
