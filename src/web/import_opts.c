/*
 * The web import's options for sheets that need them (the CLI's import
 * options, see README.md): a sheet of a workbook, the header's row, the
 * date the sheet speaks for, columns of merged cells, a RAG column kept,
 * a text encoding, names for columns. A clerk who never opens a terminal
 * gives them on the form; the library's messages, which name the CLI's
 * options, are put to them as the form's fields (opts_reword).
 */
#include <ctype.h>
#include <string.h>

#include "import_opts.h"

/* One option: its field on the form, and how the library's messages name
 * it. One table, so that the form, the summary and the messages agree. */
typedef struct option_field {
    const char *flag; /* the CLI's option, as the messages name it */
    const char *also; /* words of a message about it that do not name it, or NULL */
    const char *id, *label, *hint;
    size_t size;      /* the longest value read, with its NUL */
    bool bare;        /* messages give its value unquoted after the flag */
} option_field;

static const option_field FIELDS[OPT_COUNT] = {
    [OPT_SHEET] = {"--sheet", NULL, "sheet", "Sheet",
                   "For an Excel workbook, to read one sheet only: its name, as on its "
                   "tab. Empty: the plan\u2019s sheets are found, from the first with a "
                   "row of column names.", 256, false},
    [OPT_HEADER_ROW] = {"--header-row", NULL, "header_row", "Header row",
                        "When rows above the column names hold a title or notes: the number "
                        "of the row with the column names, as Excel numbers it. Empty: the "
                        "import finds it.", 32, true},
    [OPT_AS_AT] = {"--as-at", NULL, "as_at", "Date the sheet speaks for",
                   "The day the sheet was brought up to date, like 2024-03-31 or "
                   "31/03/2024: statuses and progress are recorded as of that day. Empty "
                   "means today.", 64, true},
    [OPT_FILL_DOWN] = {"--fill-down", NULL, "fill_down",
                       "Columns whose blank cells take the value above",
                       "For merged cells, where a finding or theme is written once for the "
                       "rows under it: the columns, by heading or as finding or theme, with "
                       "commas between, such as finding, theme", 512, true},
    [OPT_KEEP_RAG] = {"--keep-rag", NULL, "keep_rag", "Keep the RAG column as manual ratings",
                      "Otherwise the plan works out each action\u2019s RAG rating from its "
                      "dates, and the sheet\u2019s RAG column is not imported.", 8, false},
    [OPT_ENCODING] = {"--encoding", NULL, "encoding", "Text encoding",
                      "For a CSV file whose letters such as \u00e9 or signs such as \u00a3 look "
                      "wrong: how the file was saved. Excel\u2019s \u201cCSV\u201d is usually "
                      "Windows-1252, its \u201cCSV UTF-8\u201d is UTF-8.", 32, false},
    [OPT_MAP] = {"--map", "map item '", "map", "Column names",
                 "For headings the import does not know: one a line, the heading, \u201c=\u201d "
                 "and the field its column holds, such as Lead officer = owner",
                 OPTS_MAP_SIZE, false},
};

/* Values and labels of the encoding select; the values are the library's. */
static const char *const ENCODINGS[] = {"", "Work it out", "utf-8", "UTF-8", "windows-1252",
                                        "Windows-1252", "utf-16", "UTF-16", NULL};

static const char *encoding_label(const char *value)
{
    for (int i = 0; ENCODINGS[i]; i += 2)
        if (strcmp(ENCODINGS[i], value) == 0)
            return ENCODINGS[i + 1];
    return NULL;
}

void opts_clear(import_opts *o)
{
    char *p = o->text;
    for (int i = 0; i < OPT_COUNT; i++) {
        o->v[i] = p;
        *p = '\0';
        p += FIELDS[i].size;
    }
    o->as_at[0] = o->map[0] = o->map_shown[0] = '\0';
    o->header_row = 0;
}

static bool opts_set(const import_opts *o)
{
    for (int i = 0; i < OPT_COUNT; i++)
        if (*o->v[i])
            return true;
    return false;
}

static const char *refuse(form_error *e, int i, const char *message)
{
    *e = form_err(FIELDS[i].id, message);
    return e->field;
}

/* As refuse, for a message the caller then writes into e->copy. */
static const char *refuse_made(form_error *e, int i)
{
    *e = form_err(FIELDS[i].id, NULL);
    e->message = e->copy;
    return e->field;
}

/* Spaces typed around a number or a date are not part of it. */
static void trim(char *s)
{
    size_t lead = strspn(s, " \t"), n = strlen(s);
    while (n > lead && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    memmove(s, s + lead, n - lead);
    s[n - lead] = '\0';
}

/* A row from 1 to a sheet's last (1048576), digits only, as the CLI takes. */
static bool row_number(size_t *out, const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (!isdigit((unsigned char)*p) || n > 1048576)
            return false;
        n = n * 10 + (size_t)(*p - '0');
    }
    *out = n;
    return n >= 1 && n <= 1048576;
}

/* The date as the web's other date fields take it (sp_date_parse); not
 * after today, which the library refuses too, but naming its --as-at. */
static const char *as_at_check(web_ctx *x, import_opts *o, form_error *e)
{
    char today[SP_DATE_SIZE];
    if (sp_date_parse(o->as_at, o->v[OPT_AS_AT]) != SP_OK)
        return refuse(e, OPT_AS_AT, "Enter the date the sheet speaks for as a real date, like "
                                    "2024-03-31 or 31/03/2024");
    sp_today(x->w->db, today);
    if (strcmp(o->as_at, today) <= 0)
        return NULL;
    refuse_made(e, OPT_AS_AT);
    snprintf(e->copy, sizeof e->copy, "The date the sheet speaks for cannot be after today "
             "(%s): enter the day the sheet was brought up to date", today);
    return e->field;
}

/* Appends n bytes of s to out (size bytes, *len used), cut to fit. */
static void append(char *out, size_t size, size_t *len, const char *s, size_t n)
{
    if (*len + 1 >= size)
        return;
    if (n > size - *len - 1)
        n = size - *len - 1;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = '\0';
}

static void append_str(char *out, size_t size, size_t *len, const char *s)
{
    append(out, size, len, s, strlen(s));
}

/* A line's fault, for the Column names field: "Line 2 of ..." */
static const char *line_fault(form_error *e, size_t line, const char *what)
{
    refuse_made(e, OPT_MAP);
    snprintf(e->copy, sizeof e->copy, "Line %zu of Column names %s", line, what);
    return e->field;
}

/* One line "Heading = field" (n bytes at p, line number line) onto the
 * map. The library cuts its map at every comma, with no quoting, and each
 * item at its last "=": a line holding a comma cannot be given, and one
 * without "=" names no field. */
static const char *map_line(import_opts *o, const char *p, size_t n, size_t line,
                            form_error *e)
{
    char item[OPTS_MAP_SIZE];
    snprintf(item, sizeof item, "%.*s", (int)n, p);
    trim(item);
    char *eq = strrchr(item, '=');
    if (!*item)
        return NULL;
    if (memchr(item, ',', strlen(item)))
        return line_fault(e, line, "holds a comma, which the import cannot take in a heading "
                          "here: rename the column in the file without it, or leave the line out");
    if (!eq || eq == item)
        return line_fault(e, line, "needs a heading, \u201c=\u201d and a field, such as Lead "
                          "officer = owner");
    *eq = '\0';
    trim(item);
    trim(eq + 1);
    size_t len = strlen(o->map), shown = strlen(o->map_shown);
    append_str(o->map, sizeof o->map, &len, *o->map ? "," : "");
    append_str(o->map_shown, sizeof o->map_shown, &shown, *o->map_shown ? "; " : "");
    const char *parts[] = {item, "=", eq + 1}, *spaced[] = {item, " = ", eq + 1};
    for (int k = 0; k < 3; k++) {
        append_str(o->map, sizeof o->map, &len, parts[k]);
        append_str(o->map_shown, sizeof o->map_shown, &shown, spaced[k]);
    }
    return NULL;
}

/* The Column names field, a line at a time (a browser sends CR LF). */
static const char *map_check(import_opts *o, form_error *e)
{
    size_t line = 1;
    for (const char *p = o->v[OPT_MAP]; *p; line++) {
        size_t n = strcspn(p, "\n");
        if (map_line(o, p, n && p[n - 1] == '\r' ? n - 1 : n, line, e))
            return e->field;
        p += n + (p[n] == '\n');
    }
    return NULL;
}

static const char *opts_check(web_ctx *x, import_opts *o, form_error *e)
{
    trim(o->v[OPT_HEADER_ROW]);
    trim(o->v[OPT_AS_AT]);
    if (*o->v[OPT_HEADER_ROW] && !row_number(&o->header_row, o->v[OPT_HEADER_ROW]))
        return refuse(e, OPT_HEADER_ROW, "Enter the header row as a whole number from 1 to "
                                         "1048576, such as 3");
    if (*o->v[OPT_AS_AT] && as_at_check(x, o, e))
        return e->field;
    if (*o->v[OPT_KEEP_RAG] && strcmp(o->v[OPT_KEEP_RAG], "yes") != 0)
        return refuse(e, OPT_KEEP_RAG, "Tick the box to keep the RAG column, or leave it clear");
    if (!encoding_label(o->v[OPT_ENCODING]))
        return refuse(e, OPT_ENCODING, "Choose a text encoding from the list");
    return map_check(o, e);
}

const char *opts_read(web_ctx *x, field_reader *read, import_opts *o, form_error *e)
{
    opts_clear(o);
    for (int i = 0; i < OPT_COUNT; i++) {
        read(x, FIELDS[i].id, o->v[i], FIELDS[i].size);
        if (strcmp(o->v[i], "\x01") == 0) { /* never shown back */
            *o->v[i] = '\0';
            return refuse(e, i, FIELD_UNREADABLE);
        }
    }
    return opts_check(x, o, e);
}

static const char *or_null(const char *s)
{
    return *s ? s : NULL;
}

void opts_apply(const import_opts *o, sp_import_options *io)
{
    io->sheet = or_null(o->v[OPT_SHEET]);
    io->header_row = o->header_row;
    io->as_at = or_null(o->as_at);
    io->fill_down = or_null(o->v[OPT_FILL_DOWN]);
    io->encoding = or_null(o->v[OPT_ENCODING]);
    io->map = or_null(o->map);
    if (*o->v[OPT_KEEP_RAG])
        io->flags |= SP_IMPORT_KEEP_RAG;
}

/* The GOV.UK checkbox of Keep the RAG column. */
static void keep_rag_box(FILE *f, const form_error *e, const import_opts *o)
{
    const option_field *d = &FIELDS[OPT_KEEP_RAG];
    bool bad = e && e->field && strcmp(e->field, d->id) == 0;
    fprintf(f, "<div class=\"govuk-form-group%s\">", bad ? " govuk-form-group--error" : "");
    if (bad) {
        fprintf(f, "<p id=\"%s-error\" class=\"govuk-error-message\"><span class=\"govuk-"
                   "visually-hidden\">Error:</span> ", d->id);
        html_text(f, e->message);
        fputs("</p>", f);
    }
    fprintf(f, "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-"
               "checkboxes\"><div class=\"govuk-checkboxes__item\"><input class=\"govuk-"
               "checkboxes__input\" id=\"%s\" name=\"%s\" type=\"checkbox\" value=\"yes\"%s "
               "aria-describedby=\"%s-hint%s%s%s\"><label class=\"govuk-label govuk-"
               "checkboxes__label\" for=\"%s\">", d->id, d->id,
            *o->v[OPT_KEEP_RAG] ? " checked" : "", d->id, bad ? " " : "", bad ? d->id : "",
            bad ? "-error" : "", d->id);
    html_text(f, d->label);
    fprintf(f, "</label><div id=\"%s-hint\" class=\"govuk-hint govuk-checkboxes__hint\">",
            d->id);
    html_text(f, d->hint);
    fputs("</div></div></div></div>\n", f);
}

static bool opts_field(const char *id)
{
    for (int i = 0; id && i < OPT_COUNT; i++)
        if (strcmp(FIELDS[i].id, id) == 0)
            return true;
    return false;
}

static void opts_text(FILE *f, const form_error *e, const import_opts *o, int i,
                      const char *width)
{
    text_field(f, e, FIELDS[i].id, FIELDS[i].label, FIELDS[i].hint, o->v[i], width);
}

void opts_fields(FILE *f, const form_error *e, const import_opts *o)
{
    bool open = opts_set(o) || (e && opts_field(e->field));
    fprintf(f, "<details class=\"govuk-details\"%s><summary class=\"govuk-details__summary\">"
               "<span class=\"govuk-details__summary-text\">Options for sheets that need them"
               "</span></summary><div class=\"govuk-details__text\">\n", open ? " open" : "");
    opts_text(f, e, o, OPT_SHEET, "govuk-input--width-20");
    opts_text(f, e, o, OPT_HEADER_ROW, "govuk-input--width-4");
    opts_text(f, e, o, OPT_AS_AT, "govuk-input--width-10");
    opts_text(f, e, o, OPT_FILL_DOWN, "govuk-input--width-20");
    keep_rag_box(f, e, o);
    select_hinted(f, e, FIELDS[OPT_ENCODING].id, FIELDS[OPT_ENCODING].label,
                  FIELDS[OPT_ENCODING].hint, ENCODINGS, o->v[OPT_ENCODING]);
    textarea_field(f, e, FIELDS[OPT_MAP].id, FIELDS[OPT_MAP].label, FIELDS[OPT_MAP].hint,
                   o->v[OPT_MAP]);
    fputs("</div></details>\n", f);
}

/* A value as a hidden field's: its line breaks as &#10;, so that each
 * hidden field stays on one line of the page and comes back whole. */
void opts_hidden(FILE *f, const import_opts *o)
{
    char line[OPTS_MAP_SIZE];
    for (int i = 0; i < OPT_COUNT; i++) {
        fprintf(f, "<input type=\"hidden\" name=\"%s\" value=\"", FIELDS[i].id);
        for (const char *p = o->v[i]; *p;) {
            size_t n = strcspn(p, "\r\n");
            snprintf(line, sizeof line, "%.*s", (int)n, p);
            html_text(f, line);
            p += n + strspn(p + n, "\r");
            if (*p == '\n') {
                fputs("&#10;", f);
                p++;
            }
        }
        fputs("\">", f);
    }
}

void opts_summary(FILE *f, const import_opts *o)
{
    if (!opts_set(o))
        return;
    const char *shown[OPT_COUNT] = {
        [OPT_SHEET] = o->v[OPT_SHEET], [OPT_HEADER_ROW] = o->v[OPT_HEADER_ROW],
        [OPT_AS_AT] = o->as_at, [OPT_FILL_DOWN] = o->v[OPT_FILL_DOWN],
        [OPT_KEEP_RAG] = *o->v[OPT_KEEP_RAG] ? "Yes" : "",
        [OPT_ENCODING] = encoding_label(o->v[OPT_ENCODING]), [OPT_MAP] = o->map_shown};
    fputs("<h2 class=\"govuk-heading-m\">Options</h2>\n<dl class=\"govuk-summary-list\">\n", f);
    for (int i = 0; i < OPT_COUNT; i++)
        if (*o->v[i] && shown[i])
            summary_row(f, FIELDS[i].label, shown[i]);
    fputs("</dl>\n", f);
}

const char *opts_label(int opt)
{
    return FIELDS[opt].label;
}

void opts_named(FILE *f, int opt)
{
    fputs("the \u201c", f);
    html_text(f, FIELDS[opt].label);
    fputs("\u201d field under Options", f);
}

/* The option whose flag is next in msg from p (its index in *which), or
 * NULL. A flag ends where its name does: --map is not --mapping. */
static const char *next_flag(const char *p, int *which)
{
    const char *best = NULL;
    for (int i = 0; i < OPT_COUNT; i++) {
        size_t n = strlen(FIELDS[i].flag);
        for (const char *at = strstr(p, FIELDS[i].flag); at; at = strstr(at + n, FIELDS[i].flag))
            if (!isalnum((unsigned char)at[n]) && at[n] != '-') {
                if (!best || at < best) {
                    best = at;
                    *which = i;
                }
                break;
            }
    }
    return best;
}

/* The length of the value given after a flag (at p, past the flag and its
 * space): a quoted one up to its closing quote, or a bare word. */
static size_t flag_value(const char *p, bool bare)
{
    if (*p == '\'') {
        for (const char *q = p + 1; *q; q++)
            if (*q == '\'' && (!q[1] || strchr(" ),:;", q[1])))
                return (size_t)(q + 1 - p);
        return 0;
    }
    return bare && isalnum((unsigned char)*p) ? strcspn(p, " ),:;") : 0;
}

/* Writes one flag (at p, the option i's) as its field, with its value if
 * the message gives one; returns where the message goes on after them. */
static const char *reword_flag(char *out, size_t size, size_t *len, const char *p, int i)
{
    const option_field *d = &FIELDS[i];
    const char *after = p + strlen(d->flag);
    size_t n = *after == ' ' ? flag_value(after + 1, d->bare) : 0;
    if (n) {
        bool quoted = after[1] == '\'';
        append_str(out, size, len, "\u201c");
        append(out, size, len, after + 1 + quoted, n - 2 * quoted);
        append_str(out, size, len, "\u201d in ");
        after += 1 + n;
    }
    append_str(out, size, len, "the \u201c");
    append_str(out, size, len, d->label);
    append_str(out, size, len, "\u201d field under Options");
    return after;
}

const char *opts_reword(char *out, size_t size, const char *msg)
{
    const char *field = NULL;
    size_t len = 0;
    int i = 0;
    out[0] = '\0';
    for (const char *p = msg, *at; *p; p = reword_flag(out, size, &len, at, i)) {
        if (!(at = next_flag(p, &i))) {
            append(out, size, &len, p, strlen(p));
            break;
        }
        append(out, size, &len, p, (size_t)(at - p));
        field = field ? field : FIELDS[i].id;
    }
    for (i = 0; !field && i < OPT_COUNT; i++)
        if (FIELDS[i].also && strstr(msg, FIELDS[i].also))
            field = FIELDS[i].id;
    return field;
}
