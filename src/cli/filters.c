/* The filter options every report takes (--authority ... --rag): parsed in
 * one place so that each command narrows its rows the same way. */
#include <string.h>

#include "cli.h"

/* Option value -> its name, where it is stored, and the enum it must be. */
typedef struct filter_field {
    int opt;
    const char *name;
    const char *kind; /* an sp_enum_word kind, or NULL for free text */
} filter_field;

static const filter_field fields[] = {
    {CLI_OPT_AUTHORITY, "authority", NULL}, {CLI_OPT_REVIEW, "review", NULL},
    {CLI_OPT_FINDING, "finding", NULL},     {CLI_OPT_OWNER, "owner", NULL},
    {CLI_OPT_THEME, "theme", NULL},         {CLI_OPT_STATUS, "status", "status"},
    {CLI_OPT_RAG, "rag", "rag"},
};

#define NFIELDS (sizeof fields / sizeof fields[0])

/* The slot in f for fields[i]; the order matches the table above. */
static const char **slot(sp_filter *f, size_t i)
{
    const char **slots[NFIELDS] = {&f->authority, &f->review, &f->finding, &f->owner,
                                   &f->theme,     &f->status, &f->rag};
    return slots[i];
}

static const char *value(const sp_filter *f, size_t i)
{
    const char *const values[NFIELDS] = {f->authority, f->review, f->finding, f->owner,
                                         f->theme,     f->status, f->rag};
    return values[i];
}

int cli_filter_opt(cli_ctx *ctx, sp_filter *f, int c)
{
    if (c == CLI_OPT_NO_DUE) {
        f->no_due = 1;
        return EXIT_OK;
    }
    size_t i = 0;
    while (i < NFIELDS && fields[i].opt != c)
        i++;
    if (i == NFIELDS)
        return -1;
    const char **dst = slot(f, i), *word = optarg;
    if (*dst)
        return cli_misuse(ctx, "--%s given twice: each filter takes one value", fields[i].name);
    if (!*optarg || strspn(optarg, " \t") == strlen(optarg))
        return cli_misuse(ctx, "--%s needs a value", fields[i].name);
    /* Words are checked here, so a typo is misuse (exit 2), and stored in
     * canonical form, as the JSON "filters" then shows them. */
    if (fields[i].kind && !(word = sp_enum_word(fields[i].kind, optarg)))
        return cli_misuse(ctx, "--%s '%s' is not known: expected one of %s", fields[i].name,
                          optarg, sp_enum_values(fields[i].kind));
    *dst = word;
    return EXIT_OK;
}

void cli_filter_json(FILE *out, const sp_filter *f)
{
    fputc('{', out);
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *v = f ? value(f, i) : NULL;
        fputs(i ? ", " : "", out);
        cli_json_string(out, fields[i].name);
        fputs(": ", out);
        if (v)
            cli_json_string(out, v);
        else
            fputs("null", out);
    }
    if (f && f->no_due) /* only when given, so earlier JSON stays as it was */
        fputs(", \"no_due\": true", out);
    fputc('}', out);
}
