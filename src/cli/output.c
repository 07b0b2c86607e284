/* Printing cursors as aligned tables (people), CSV and JSON (machines). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

#define TABLE_WIDTH 100 /* when neither the terminal nor $COLUMNS says */
#define MIN_COL 6       /* never squeeze a column below this */
/* Rows held to choose the column widths. A longer table is printed as it
 * streams, with the widths its first rows chose, so memory stays flat
 * whatever the number of rows (the default overdue table of a million-action
 * plan held 78 MiB when every row was kept to size its columns). A later,
 * longer cell of prose is cut as usual; a longer identifier is printed
 * whole (never cut) and pushes the rest of its line right. */
#define TABLE_WINDOW 1000

typedef struct table {
    int ncols;
    int *map;      /* cursor column shown in each table column */
    size_t nrows, cap;
    char **cells;  /* nrows * ncols, row-major; header is row 0 */
    int *cw;       /* each cell's display width, as cells */
    int *width;    /* display width per column */
    bool *text;    /* free-text column: may be narrowed to fit */
    bool *wrap;    /* whole words (a judgement): narrowed by wrapping, never cut */
    int *word;     /* per wrap column: its longest word, the narrowest it goes */
    int64_t *sum;  /* per column: the total of an integer column's rows */
    int room;      /* the width the table fits (cli_table_width) */
    bool colour;   /* colour RAG words (cli_colour) */
    bool fixed;    /* widths chosen (TABLE_WINDOW rows seen): rows stream */
    bool header;   /* cells' row 0 is the header (not yet printed) */
} table;

/* Display width: columns as a terminal draws them (colwidth.c). */
static int text_width(const char *s)
{
    return cli_span_width(s, strlen(s));
}

/* The widest word (run without a space) of s. */
static int longest_word(const char *s)
{
    int best = 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        int w = cli_span_width(s, n);
        best = w > best ? w : best;
        s += n;
        s += strspn(s, " ");
    }
    return best;
}

/* The bytes of s that fit a line of `width` columns, broken after a word
 * (a single word wider than the line is taken whole: never cut); *next is
 * where the following line starts. */
static size_t wrap_line(const char *s, int width, const char **next)
{
    size_t end = 0, at = 0;
    while (s[at]) {
        size_t word = strcspn(s + at, " ");
        if (end > 0 && cli_span_width(s, at + word) > width)
            break;
        end = at + word;
        at = end + strspn(s + end, " ");
    }
    *next = s + end + strspn(s + end, " ");
    return end;
}

/* Room for cap rows of cells and their widths. */
static bool table_reserve(table *t, size_t cap)
{
    char **cells = realloc(t->cells, cap * (size_t)t->ncols * sizeof *cells);
    if (cells)
        t->cells = cells;
    int *cw = cells ? realloc(t->cw, cap * (size_t)t->ncols * sizeof *cw) : NULL;
    if (cw)
        t->cw = cw;
    if (!cells || !cw)
        return false;
    t->cap = cap;
    return true;
}

static bool table_add_row(table *t, sp_cursor *c, bool header)
{
    if (t->nrows == t->cap && !table_reserve(t, t->cap ? t->cap * 2 : 64))
        return false;
    for (int i = 0; i < t->ncols; i++) {
        int col = t->map[i];
        /* Prose wider than the whole table is narrowed to fit it (by
         * fit_width or, once widths are fixed, by print_cell), so no more
         * of it is copied or measured: a list's descriptions are hundreds
         * of characters shown in a few dozen. fit_width chooses the same
         * widths from the part as from the whole, since a column wider
         * than the table is always cut down to the table's width first. */
        int max = t->text[i] && !header ? t->room : 0;
        int w;
        char *cell =
            cli_visible_line(header ? sp_cursor_name(c, col) : sp_cursor_text(c, col), max, &w);
        if (!cell)
            return false;
        t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = cell;
        t->cw[t->nrows * (size_t)t->ncols + (size_t)i] = w;
        if (!header && t->sum)
            t->sum[i] += sp_cursor_int(c, col);
        if (!t->fixed && w > t->width[i])
            t->width[i] = w;
        if (!t->fixed && t->wrap[i] && (w = longest_word(cell)) > t->word[i])
            t->word[i] = w;
    }
    t->nrows++;
    return true;
}

/* The width tables fit: the terminal's window when standard output is
 * one, else $COLUMNS (as a shell sets it, or as a script asks for), else
 * 100 columns, which suits a page or a pasted e-mail. */
int cli_table_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    char *end;
    long n = env && *env ? strtol(env, &end, 10) : 0;
    if (n >= 20 && n <= 10000 && !*end)
        return (int)n;
    return TABLE_WIDTH;
}

/* Narrows the widest column that may narrow, one step at a time, until
 * the table fits: prose (cut with an ellipsis) down to MIN_COL, whole words
 * (wrapped onto more lines) down to their longest word. */
static void fit_width(table *t)
{
    int width = t->room;
    for (;;) {
        int total = 2 * (t->ncols - 1), widest = -1;
        for (int i = 0; i < t->ncols; i++) {
            total += t->width[i];
            int least = t->wrap[i] && t->word[i] > MIN_COL ? t->word[i] : MIN_COL;
            if ((t->text[i] || t->wrap[i]) && t->width[i] > least &&
                (widest < 0 || t->width[i] > t->width[widest]))
                widest = i;
        }
        if (total <= width || widest < 0)
            return;
        t->width[widest]--;
    }
}

/* A table's lines are gathered here and written a bufferful at a time: a
 * cell was three to five stdio calls (text, padding, colour, separator),
 * at about 140 instructions each, a sixth of a long list's. */
typedef struct lines {
    FILE *f;
    size_t len;
    char buf[8192];
} lines;

static void lines_flush(lines *o)
{
    if (o->len)
        fwrite(o->buf, 1, o->len, o->f);
    o->len = 0;
}

static void put_bytes(lines *o, const char *s, size_t n)
{
    if (n > sizeof o->buf - o->len) {
        lines_flush(o);
        if (n > sizeof o->buf) {
            fwrite(s, 1, n, o->f);
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void put_str(lines *o, const char *s)
{
    put_bytes(o, s, strlen(s));
}

/* n spaces (fprintf's "%*s" for each cell was a tenth of a long table). */
static void pad(lines *o, int n)
{
    static const char spaces[] = "                                ";
    for (; n > 0; n -= (int)sizeof spaces - 1)
        put_bytes(o, spaces, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

/* Prints cell, w columns wide, in `width` columns, cut with an ellipsis
 * if it is longer. A colour (an escape sequence, or "") wraps the text but
 * not the padding. */
static void print_cell(lines *out, const char *cell, int w, int width, bool right, bool last,
                       const char *colour)
{
    const char *end = *colour ? CLI_COLOUR_END : "";
    if (w > width) {
        /* Whole characters with their marks: a wide one that would
         * straddle the ellipsis's column is left out, and a space keeps
         * the next column in line. */
        int kept;
        size_t n = cli_span_fit(cell, width - 1, &kept);
        put_str(out, colour);
        put_bytes(out, cell, n);
        put_str(out, "…");
        put_str(out, end);
        if (!last)
            pad(out, width - 1 - kept);
        return;
    }
    if (right)
        pad(out, width - w);
    put_str(out, colour);
    put_str(out, cell);
    put_str(out, end);
    if (!right && !last)
        pad(out, width - w);
}

/* RAG words in a column named "rag", and column headers that are RAG words
 * (the summary's counts), are coloured; nothing else is. */
static const char *cell_colour(const table *t, sp_cursor *c, size_t r, int i)
{
    const char *cell = t->cells[r * (size_t)t->ncols + (size_t)i];
    if (!t->colour)
        return "";
    if ((r == 0 && t->header) || strcmp(sp_cursor_name(c, t->map[i]), "rag") == 0)
        return cli_rag_colour(cell);
    return "";
}

/* Prints row r, a wrapped cell over as many lines as it takes (the other
 * columns blank on the lines after the first). */
static void print_row(lines *out, table *t, sp_cursor *c, size_t r)
{
    int last_wrap = -1;
    for (int i = 0; i < t->ncols; i++)
        last_wrap = t->wrap[i] ? i : last_wrap;
    /* Where each wrapped cell goes on; without it (no wrapped column, or
     * no memory) every cell is printed on one line. */
    const char **rest = last_wrap >= 0 ? calloc((size_t)t->ncols, sizeof *rest) : NULL;
    bool more = true;
    for (int line = 0; more; line++) {
        more = false;
        /* Lines after the first end at the last wrapped column: the rest
         * would be blanks. */
        int end = line == 0 ? t->ncols - 1 : last_wrap;
        for (int i = 0; i <= end; i++) {
            const char *cell = t->cells[r * (size_t)t->ncols + (size_t)i];
            int w = t->cw[r * (size_t)t->ncols + (size_t)i];
            bool last = i == end, head = r == 0 && t->header;
            if (t->wrap[i] && !head && rest) {
                const char *from = line == 0 ? cell : rest[i] ? rest[i] : "";
                size_t n = wrap_line(from, t->width[i], &rest[i]);
                char *part = strndup(from, n);
                print_cell(out, part ? part : "", part ? text_width(part) : 0, t->width[i],
                           false, last, "");
                free(part);
                more |= *rest[i] != '\0';
            } else {
                bool right = !head && sp_cursor_type(c, t->map[i]) == SP_COL_INT;
                print_cell(out, line == 0 ? cell : "", line == 0 ? w : 0, t->width[i], right,
                           last, line == 0 ? cell_colour(t, c, r, i) : "");
            }
            put_bytes(out, last ? "\n" : "  ", last ? 1 : 2);
        }
    }
    free(rest);
}

/* Prints the rows held (fixing the widths first, if not yet fixed) and
 * lets them go. */
static void print_table(FILE *out, table *t, sp_cursor *c)
{
    if (!t->fixed)
        fit_width(t);
    t->fixed = true;
    lines buf; /* not {0}: clearing the buffer would cost as much as a row */
    buf.f = out;
    buf.len = 0;
    for (size_t r = 0; r < t->nrows; r++)
        print_row(&buf, t, c, r);
    lines_flush(&buf);
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    t->nrows = 0;
    t->header = false;
}

/* Adds the "total" line: the sums of the integer columns, "total" in the
 * first column, other text columns empty. */
static bool table_add_totals(table *t, sp_cursor *c)
{
    if (t->nrows == t->cap && !table_reserve(t, t->nrows + 1))
        return false;
    char **row = t->cells + t->nrows * (size_t)t->ncols;
    int *cw = t->cw + t->nrows++ * (size_t)t->ncols;
    for (int i = 0; i < t->ncols; i++)
        row[i] = NULL; /* so that table_free can free a half-made row */
    for (int i = 0; i < t->ncols; i++) {
        char num[24];
        snprintf(num, sizeof num, "%" PRId64, t->sum[i]);
        bool is_int = sp_cursor_type(c, t->map[i]) == SP_COL_INT;
        if (!(row[i] = strdup(is_int ? num : i == 0 ? "total" : "")))
            return false;
        cw[i] = text_width(row[i]);
        if (!t->fixed && cw[i] > t->width[i])
            t->width[i] = cw[i];
    }
    return true;
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->cw);
    free(t->width);
    free(t->map);
    free(t->text);
    free(t->wrap);
    free(t->word);
    free(t->sum);
}

/* Only prose may be cut. People copy identifiers, paths, codes and dates
 * from tables and type them back; a kind, a status, a judgement or a
 * rating cut short no longer says what it is. */
static bool is_prose(const char *name)
{
    static const char *const whole[] = {"path",   "code",      "ref",   "finding_ref", "kind",
                                        "status", "judgement", "rag",   "aging",       "email",
                                        "author", "key",       "change", "undoes",     NULL};
    size_t n = strlen(name);
    for (size_t i = 0; whole[i]; i++) {
        size_t m = strlen(whole[i]);
        /* "status", and "new_status" or "review_kind" alike */
        if (strcmp(name, whole[i]) == 0 ||
            (n > m + 1 && name[n - m - 1] == '_' && strcmp(name + n - m, whole[i]) == 0))
            return false;
    }
    bool dated = n > 3 && (strcmp(name + n - 3, "_on") == 0 || strcmp(name + n - 3, "_at") == 0);
    return !dated;
}

/* Chooses the cursor columns named in cols (all if cols is NULL). */
static bool table_columns(table *t, sp_cursor *c, const char *const *cols)
{
    int n = sp_cursor_columns(c);
    t->map = calloc((size_t)n, sizeof *t->map);
    t->width = calloc((size_t)n, sizeof *t->width);
    t->text = calloc((size_t)n, sizeof *t->text);
    t->wrap = calloc((size_t)n, sizeof *t->wrap);
    t->word = calloc((size_t)n, sizeof *t->word);
    if (!t->map || !t->width || !t->text || !t->wrap || !t->word)
        return false;
    t->room = cli_table_width();
    for (int i = 0; i < n; i++) {
        bool wanted = !cols;
        for (size_t k = 0; cols && cols[k] && !wanted; k++)
            wanted = strcmp(cols[k], sp_cursor_name(c, i)) == 0;
        if (wanted)
            t->map[t->ncols++] = i;
    }
    /* Follow the order of cols, not of the query. */
    for (size_t k = 0, pos = 0; cols && cols[k]; k++)
        for (int i = 0; i < t->ncols; i++)
            if (strcmp(cols[k], sp_cursor_name(c, t->map[i])) == 0) {
                int tmp = t->map[pos];
                t->map[pos++] = t->map[i];
                t->map[i] = tmp;
            }
    for (int i = 0; i < t->ncols; i++) {
        const char *name = sp_cursor_name(c, t->map[i]);
        size_t len = strlen(name);
        t->text[i] = sp_cursor_type(c, t->map[i]) == SP_COL_TEXT && is_prose(name);
        /* A judgement is words said of a council: whole, but it may wrap. */
        t->wrap[i] = len >= 9 && strcmp(name + len - 9, "judgement") == 0;
    }
    return true;
}

/* A table of the cursor's rows; a report (may be NULL) adds colour, a
 * total line and a footer. */
static int print_as_table(cli_ctx *ctx, sp_cursor *c, const char *const *cols,
                          const cli_report *report)
{
    table t = {.colour = report && cli_colour(), .header = true};
    bool ok = table_columns(&t, c, cols) && table_add_row(&t, c, true);
    if (ok && report && report->totals)
        ok = (t.sum = calloc((size_t)t.ncols + 1, sizeof *t.sum)) != NULL;
    int rc = SP_ROW, aside = -1;
    int64_t aside_total = 0;
    for (int i = 0; report && report->aside && i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), report->aside) == 0)
            aside = i;
    while (ok && (rc = sp_cursor_step(c)) == SP_ROW) {
        if (aside >= 0)
            aside_total += sp_cursor_int(c, aside);
        ok = table_add_row(&t, c, false);
        /* Past the window, rows print as they come (widths fixed). */
        if (ok && (t.fixed || t.nrows > TABLE_WINDOW))
            print_table(stdout, &t, c);
    }
    if (ok && rc == SP_DONE && t.sum)
        ok = table_add_totals(&t, c);
    if (ok && rc == SP_DONE)
        print_table(stdout, &t, c);
    if (ok && rc == SP_DONE && report && report->footer)
        report->footer(stdout, aside_total);
    table_free(&t);
    if (!ok)
        return cli_error("out of memory");
    return rc == SP_DONE ? EXIT_OK : cli_fail(ctx);
}

void cli_json_string(FILE *out, const char *s)
{
    sp_json_string(out, s, s ? strlen(s) : 0);
}

/* An integer column prints as a JSON number only if it is one. */
static bool is_integer(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* A row as a JSON object; extra fields (a command's own, such as the RAG
 * that action show computes) follow the cursor's. */
static void json_row(FILE *out, sp_cursor *c, const char *indent, const cli_meta *extra,
                     size_t nextra)
{
    fprintf(out, "%s{", indent);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        const char *v = sp_cursor_text(c, i);
        fputs(i ? ", " : "", out);
        cli_json_string(out, sp_cursor_name(c, i));
        fputs(": ", out);
        if (!v)
            fputs("null", out);
        else if (sp_cursor_type(c, i) == SP_COL_INT && is_integer(v))
            fputs(v, out);
        else
            cli_json_string(out, v);
    }
    for (size_t i = 0; i < nextra; i++) {
        fputs(", ", out);
        cli_json_string(out, extra[i].key);
        fputs(": ", out);
        if (extra[i].value)
            cli_json_string(out, extra[i].value);
        else
            fputs("null", out);
    }
    fputc('}', out);
}

static void json_param(FILE *out, const cli_meta *m);

/* Every command's JSON is one envelope, as the reports': {"report": the
 * command, its parameters, "rows": [...]}, so a script reads any of them
 * the same way. */
static int print_as_json(cli_ctx *ctx, sp_cursor *c, const cli_print_opts *o)
{
    fputs("{\n  \"report\": ", stdout);
    cli_json_string(stdout, ctx->cmd ? ctx->cmd->name : "");
    fputs(",\n", stdout);
    for (size_t i = 0; i < o->nmeta; i++)
        json_param(stdout, &o->meta[i]);
    fputs("  \"rows\": [", stdout);
    int rc, n = 0;
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        fputs(n++ ? ",\n" : "\n", stdout);
        json_row(stdout, c, "    ", o->extra, o->nextra);
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", stdout);
    return rc == SP_DONE ? EXIT_OK : cli_fail(ctx);
}

int cli_print(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_meta *meta,
              size_t nmeta)
{
    cli_print_opts o = {.meta = meta, .nmeta = nmeta};
    return cli_print_with(ctx, c, format, &o);
}

int cli_print_cols(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_meta *meta,
                   size_t nmeta, const char *const *table_cols)
{
    cli_print_opts o = {.meta = meta, .nmeta = nmeta, .table_cols = table_cols};
    return cli_print_with(ctx, c, format, &o);
}

int cli_print_with(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_print_opts *o)
{
    int rc;
    if (format == FORMAT_TABLE)
        rc = print_as_table(ctx, c, o->table_cols, NULL);
    else if (format == FORMAT_JSON)
        rc = print_as_json(ctx, c, o);
    else
        rc = sp_csv_write_cursor(stdout, c, 0) == SP_OK ? EXIT_OK : cli_fail(ctx);
    sp_cursor_free(c);
    if (fflush(stdout) != 0)
        return cli_error("cannot write output");
    return rc;
}

int cli_print_record(cli_ctx *ctx, sp_cursor *c)
{
    int rc = sp_cursor_step(c);
    if (rc == SP_ROW) {
        int w = 0;
        for (int i = 0; i < sp_cursor_columns(c); i++)
            if (text_width(sp_cursor_name(c, i)) > w)
                w = text_width(sp_cursor_name(c, i));
        char indent[64];
        snprintf(indent, sizeof indent, "%*s", w + 2 < 63 ? w + 2 : 63, "");
        for (int i = 0; i < sp_cursor_columns(c); i++) {
            /* A value's own line breaks are indented under it, so text
             * cannot pass itself off as another field. */
            printf("%-*s  ", w, sp_cursor_name(c, i));
            cli_put_visible(stdout, sp_cursor_text(c, i), indent);
            fputc('\n', stdout);
        }
    }
    sp_cursor_free(c);
    if (rc == SP_ROW)
        return EXIT_OK;
    return rc == SP_DONE ? cli_error("not found") : cli_fail(ctx);
}

/* ---- Reports: colour, and the JSON document around the rows ---- */

void cli_wrap(FILE *out, const char *text)
{
    int width = cli_table_width(), col = 0;
    const char *p = text;
    while (*p) {
        size_t word = strcspn(p, " ");
        int w = cli_span_width(p, word);
        if (col > 0 && col + 1 + w > width) {
            fputc('\n', out);
            col = 0;
        } else if (col > 0) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, word, out);
        col += w;
        p += word;
        p += strspn(p, " ");
    }
    fputc('\n', out);
}

bool cli_colour(void)
{
    const char *no_colour = getenv("NO_COLOR"), *term = getenv("TERM");
    if (no_colour && *no_colour)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDOUT_FILENO) == 1;
}

const char *cli_rag_colour(const char *word)
{
    /* Plain ANSI colours: they follow the terminal's own palette. */
    static const struct {
        const char *word, *sgr;
    } colours[] = {{"red", "\033[31m"},  {"amber", "\033[33m"}, {"green", "\033[32m"},
                   {"blue", "\033[34m"}, {"grey", "\033[90m"}};
    for (size_t i = 0; word && i < sizeof colours / sizeof colours[0]; i++)
        if (strcmp(word, colours[i].word) == 0)
            return colours[i].sgr;
    return "";
}

static void json_param(FILE *out, const cli_meta *m)
{
    fputs("  ", out);
    cli_json_string(out, m->key);
    fputs(": ", out);
    if (!m->value)
        fputs("null", out);
    else if (is_integer(m->value))
        fputs(m->value, out);
    else
        cli_json_string(out, m->value);
    fputs(",\n", out);
}

static void json_head(FILE *out, const cli_report *r)
{
    fputs("{\n  \"report\": ", out);
    cli_json_string(out, r->name);
    fputs(",\n  \"as_of\": ", out);
    cli_json_string(out, r->as_of);
    fputs(",\n", out);
    for (size_t i = 0; i < r->nparams; i++)
        json_param(out, &r->params[i]);
    fputs("  \"filters\": ", out);
    cli_filter_json(out, r->filter);
    fputs(",\n  \"rows\": [", out);
}

/* "totals": the sum of each integer column over the rows. */
static void json_totals(FILE *out, sp_cursor *c, const int64_t *sum)
{
    int n = 0;
    fputs(",\n  \"totals\": {", out);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        if (sp_cursor_type(c, i) != SP_COL_INT)
            continue;
        fputs(n++ ? ", " : "", out);
        cli_json_string(out, sp_cursor_name(c, i));
        fprintf(out, ": %" PRId64, sum[i]);
    }
    fputc('}', out);
}

static int print_report_json(cli_ctx *ctx, sp_cursor *c, const cli_report *r)
{
    int64_t *sum = calloc((size_t)sp_cursor_columns(c) + 1, sizeof *sum);
    if (!sum)
        return cli_error("out of memory");
    json_head(stdout, r);
    int rc, n = 0;
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        fputs(n++ ? ",\n" : "\n", stdout);
        json_row(stdout, c, "    ", NULL, 0);
        for (int i = 0; r->totals && i < sp_cursor_columns(c); i++)
            sum[i] += sp_cursor_int(c, i);
    }
    fputs(n ? "\n  ]" : "]", stdout);
    if (r->totals)
        json_totals(stdout, c, sum);
    fputs("\n}\n", stdout);
    free(sum);
    return rc == SP_DONE ? EXIT_OK : cli_fail(ctx);
}

int cli_print_report(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_report *r)
{
    int rc;
    if (format == FORMAT_TABLE)
        rc = print_as_table(ctx, c, r->table_cols, r);
    else if (format == FORMAT_JSON)
        rc = print_report_json(ctx, c, r);
    else
        rc = sp_csv_write_cursor(stdout, c, 0) == SP_OK ? EXIT_OK : cli_fail(ctx);
    sp_cursor_free(c);
    if (fflush(stdout) != 0)
        return cli_error("cannot write output");
    return rc;
}
