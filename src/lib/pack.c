/*
 * The committee pack as an Excel workbook, written with libxlsxwriter:
 * Summary, Actions, Overdue and Changes sheets over one snapshot of the
 * plan as it stood on the as-of date.
 *
 * Every text cell goes through worksheet_write_string, which stores text
 * and never a formula, so "=HYPERLINK(...)" typed into an action stays
 * words. Dates are real spreadsheet dates (serial numbers with a date
 * format), so clerks can sort and filter them.
 *
 * The workbook runs in libxlsxwriter's constant-memory mode (each row goes
 * to disk once the next starts), so a national plan does not have to fit
 * in memory; the cost is that each sheet is written top to bottom, which
 * is why the Summary, first in the book, is filled in last.
 */
#include "pack.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "dates.h"
#include "plan_at.h"
#include "xlsx_api.h" /* libxlsxwriter is loaded here, not linked */

#define CELL_MAX_CHARS 32767 /* Excel's limit on the text of one cell */
#define MAX_SHEET_COLS 64
#define PAPER_A4 9
#define FONT_PT 9.5 /* the sheets' text */
#define LINE_PT 12.0 /* the height of a line of it (Excel's; LibreOffice's is less) */
#define SUMMARY_WIDTH 46 /* the Summary's first column: themes and labels */

/* RAG fills, the colours committees expect; text colour chosen for
 * contrast (white on the dark red and blue). Same as the HTML report. */
static const lxw_color_t rag_fill[SP_RAG_N] = {0xC00000, 0xFFC000, 0x00B050, 0x0070C0,
                                               0xBFBFBF};
static const lxw_color_t rag_ink[SP_RAG_N] = {0xFFFFFF, 0x000000, 0x000000, 0xFFFFFF,
                                              0x000000};

typedef struct book {
    sp_pack p;
    lxw_workbook *wb;
    lxw_worksheet *summary, *actions, *overdue, *changes;
    lxw_worksheet *awaiting; /* closure (issue #14) */
    lxw_format *title, *heading, *header, *text, *wrap, *date, *num, *bold, *bold_num;
    lxw_format *rag[SP_RAG_N];
    lxw_error err; /* the first libxlsxwriter failure */
} book;

/* Remembers the first failure; later calls carry on harmlessly. */
static void check(book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = e;
}

/* Steps a sheet's cursor while the workbook can still be written: after
 * the first failure (a sheet past Excel's last row, say) the rest would be
 * thrown away, and on a large plan writing it took most of a minute before
 * the refusal. SP_DONE once stopped: close_book reports the failure. */
static int next_row(book *b, sp_cursor *c)
{
    return b->err == LXW_NO_ERROR ? sp_cursor_step(c) : SP_DONE;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

static lxw_format *top_format(book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_size(f, FONT_PT); /* ~9 pt printed at the sheets' ~90% */
    return f;
}

static void make_rag_formats(book *b)
{
    for (int i = 0; i < SP_RAG_N; i++) {
        b->rag[i] = top_format(b);
        format_set_pattern(b->rag[i], LXW_PATTERN_SOLID);
        format_set_bg_color(b->rag[i], rag_fill[i]);
        format_set_font_color(b->rag[i], rag_ink[i]);
        format_set_bold(b->rag[i]);
        format_set_text_wrap(b->rag[i]);
    }
}

static void make_formats(book *b)
{
    b->title = workbook_add_format(b->wb);
    format_set_bold(b->title);
    format_set_font_size(b->title, 16);
    b->heading = workbook_add_format(b->wb);
    format_set_bold(b->heading);
    format_set_font_size(b->heading, 12);
    b->header = top_format(b);
    format_set_bold(b->header);
    format_set_text_wrap(b->header);
    format_set_bottom(b->header, LXW_BORDER_THIN);
    format_set_pattern(b->header, LXW_PATTERN_SOLID);
    format_set_bg_color(b->header, 0xD9D9D9);
    b->text = top_format(b);
    b->wrap = top_format(b);
    format_set_text_wrap(b->wrap);
    b->date = top_format(b);
    format_set_num_format(b->date, "d mmm yyyy");
    b->num = top_format(b);
    b->bold = top_format(b);
    format_set_bold(b->bold);
    b->bold_num = top_format(b);
    format_set_bold(b->bold_num);
    format_set_top(b->bold_num, LXW_BORDER_THIN);
    make_rag_formats(b);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

/* Writes text, cut to Excel's limit at a character boundary (a note of
 * 40,000 characters would otherwise make the whole workbook fail). */
static void put_text(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     const char *text, lxw_format *fmt)
{
    static const char cut_mark[] = " [cut: see safeplan]";
    size_t chars = 0, i = 0;
    for (; text[i]; i++)
        if ((((unsigned char)text[i] & 0xc0) != 0x80) &&
            ++chars > CELL_MAX_CHARS - (sizeof cut_mark - 1))
            break;
    if (!text[i]) {
        check(b, worksheet_write_string(ws, row, col, text, fmt));
        return;
    }
    char *copy = malloc(i + sizeof cut_mark);
    if (!copy) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memcpy(copy, text, i);
    memcpy(copy + i, cut_mark, sizeof cut_mark);
    check(b, worksheet_write_string(ws, row, col, copy, fmt));
    free(copy);
}

/* An ISO date as a spreadsheet date; false if the text is not one. */
static bool to_datetime(lxw_datetime *dt, const char *iso)
{
    int32_t days;
    if (!sp_iso_days(iso, &days))
        return false;
    /* Checked ISO: fixed places, all digits. */
    memset(dt, 0, sizeof *dt);
    dt->year = ((iso[0] - '0') * 1000) + ((iso[1] - '0') * 100) + ((iso[2] - '0') * 10) +
               (iso[3] - '0');
    dt->month = (iso[5] - '0') * 10 + (iso[6] - '0');
    dt->day = (iso[8] - '0') * 10 + (iso[9] - '0');
    return true;
}

static bool to_number(double *out, const char *text)
{
    char *end;
    errno = 0;
    long long n = strtoll(text, &end, 10);
    if (!*text || *end || errno)
        return false;
    *out = (double)n;
    return true;
}

static lxw_format *rag_format(book *b, const char *rag)
{
    int i = sp_pack_rag_index(rag);
    return i >= 0 ? b->rag[i] : b->text;
}

/* Advance widths of the printable ASCII characters (space to '~') in
 * Calibri, the workbook's font, in 1/2048 em: the published metrics, which
 * Carlito (LibreOffice's metric-compatible stand-in) shares. Other
 * characters count as 1000. */
static const unsigned short calibri_width[95] = {
    463,  667,  821,  1020, 1038, 1464, 1397, 452,  621,  621,  1020, 1020, 511,  627,
    517,  791,  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548,  548,
    1020, 1020, 1020, 949,  1831, 1185, 1114, 1092, 1260, 1000, 941,  1292, 1276, 516,
    653,  1064, 861,  1751, 1322, 1356, 1058, 1378, 1112, 941,  998,  1314, 1162, 1822,
    1063, 998,  959,  628,  791,  628,  1020, 1020, 596,  981,  1076, 866,  1076, 1019,
    625,  964,  1076, 470,  490,  931,  470,  1636, 1076, 1080, 1076, 1076, 714,  801,
    686,  1076, 925,  1464, 887,  927,  809,  644,  943,  644,  1020};

/* The width of n bytes of UTF-8 text in 1/2048 em. */
static long text_units(const char *s, size_t n)
{
    long units = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 32 && ch < 127)
            units += calibri_width[ch - 32];
        else if ((ch & 0xc0) != 0x80) /* the first byte of a character */
            units += 1000;
    }
    return units;
}

/* The lines a text needs in a column `width` characters wide, wrapping at
 * spaces as spreadsheets do, measured with the font's widths at
 * FONT_PT (bold a little wider). Readers do not grow rows for wrapped text
 * by themselves (LibreOffice keeps the height it is given and hides the
 * rest), so the pack sets each row's height from this. */
static int lines_needed(const char *text, double width, bool bold)
{
    /* A width counts '0's of the 11 pt default font, 7 px each at 96 dpi;
     * the cell keeps a few points of padding. */
    double avail_pt = width * 5.25 - 3;
    long avail = (long)(avail_pt / FONT_PT * 2048 / (bold ? 1.06 : 1.0));
    long line = 0, space = calibri_width[0];
    int lines = 1;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            lines++, line = 0, p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t n = strcspn(p, " \n");
        long word = text_units(p, n);
        p += n;
        if (line > 0 && line + space + word > avail) /* the word starts a new line */
            lines++, line = 0;
        line += (line > 0 ? space : 0) + word;
        for (; line > avail && avail > 0; line -= avail) /* a word longer than a line */
            lines++;
    }
    return lines;
}

/* Sets a row tall enough for its wrapped cells (before any cell of the
 * row is written: constant-memory mode writes rows out in order). */
static void fit_row(book *b, lxw_worksheet *ws, lxw_row_t row, int lines)
{
    if (lines > 1)
        check(b, worksheet_set_row(ws, row, lines * LINE_PT > 409 ? 409 : lines * LINE_PT + 2,
                                   NULL));
}

/* ------------------------------------------------------------------ */
/* Table sheets, laid out for print                                    */

/* How a column's cells are written. */
typedef enum { K_TEXT, K_WRAP, K_DATE, K_NUM, K_RAG } cell_kind;

/* One printed column: its heading in words, width (Excel's character
 * units, of the default 11 pt font) and kind. The widths of a sheet add up
 * to about 160, which A4 landscape with narrow margins prints one page
 * wide at about 90%: the 9.5 pt text comes out at 8.5 pt. */
typedef struct column {
    const char *head;
    double width;
    cell_kind kind;
} column;

#define NCOLS_MAX 12

/* A row's cells as text (NULL = empty); `own` marks those to free. */
typedef struct row_cells {
    const char *text[NCOLS_MAX];
    char *own[NCOLS_MAX];
    const char *rag; /* the rating that fills the K_RAG cell */
} row_cells;

/* A newly allocated formatted string, or NULL if out of memory. */
__attribute__((format(printf, 1, 0))) static char *vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    return s;
}

__attribute__((format(printf, 1, 2))) static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

static void cells_free(row_cells *r)
{
    for (int k = 0; k < NCOLS_MAX; k++)
        free(r->own[k]);
    memset(r, 0, sizeof *r);
}

/* Sets cell k to a newly formatted text. */
__attribute__((format(printf, 3, 4))) static void cell_printf(row_cells *r, int k,
                                                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(r->own[k]);
    r->own[k] = vformat(fmt, ap);
    va_end(ap);
    r->text[k] = r->own[k];
}

/* Text for the header and footer: '&' starts a code there, so it is
 * doubled; cut well inside Excel's 255-character limit. */
static void hf_escape(char *out, size_t size, const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 3 < size && n < 80; p++) {
        if (*p == '&')
            out[n++] = '&';
        out[n++] = *p;
    }
    out[n] = '\0';
}

/* A4 landscape, narrow margins, one page wide, header row on every page,
 * and a header and footer naming the plan, the date and the page. */
static void print_setup(book *b, lxw_worksheet *ws, bool repeat_header)
{
    char title[200], as_of[32], header[400], footer[200];
    hf_escape(title, sizeof title, b->p.title);
    sp_date_words(as_of, b->p.as_of);
    snprintf(header, sizeof header, "&L&10%s&R&10Position as of %s", title, as_of);
    snprintf(footer, sizeof footer, "&L&10&A&C&10Page &P of &N&R&10Made by safeplan %s",
             SP_VERSION);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4);
    worksheet_set_margins(ws, 0.4, 0.4, 0.55, 0.55);
    worksheet_fit_to_pages(ws, 1, 0);
    check(b, worksheet_set_header(ws, header));
    check(b, worksheet_set_footer(ws, footer));
    if (repeat_header)
        check(b, worksheet_repeat_rows(ws, 0, 0));
}

static void table_header(book *b, lxw_worksheet *ws, const column *cols, int n)
{
    for (int k = 0; k < n; k++) {
        check(b, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, cols[k].width,
                                      cols[k].kind == K_WRAP ? b->wrap : NULL));
        put_text(b, ws, 0, (lxw_col_t)k, cols[k].head, b->header);
    }
    check(b, worksheet_set_row(ws, 0, 2 * LINE_PT + 2, NULL)); /* headings wrap */
    worksheet_freeze_panes(ws, 1, 0);
    print_setup(b, ws, true);
}

static void table_row(book *b, lxw_worksheet *ws, lxw_row_t row, const column *cols, int n,
                      const row_cells *r)
{
    int lines = 1;
    for (int k = 0; k < n; k++) {
        bool wraps = cols[k].kind == K_WRAP || cols[k].kind == K_RAG;
        int l = wraps && r->text[k] ? lines_needed(r->text[k], cols[k].width,
                                                   cols[k].kind == K_RAG)
                                    : 1;
        lines = l > lines ? l : lines;
    }
    fit_row(b, ws, row, lines);
    for (int k = 0; k < n; k++) {
        const char *t = r->text[k];
        lxw_datetime dt;
        double num;
        if (!t)
            continue;
        if (cols[k].kind == K_DATE && to_datetime(&dt, t))
            check(b, worksheet_write_datetime(ws, row, (lxw_col_t)k, &dt, b->date));
        else if (cols[k].kind == K_NUM && to_number(&num, t))
            check(b, worksheet_write_number(ws, row, (lxw_col_t)k, num, b->num));
        else if (cols[k].kind == K_RAG)
            put_text(b, ws, row, (lxw_col_t)k, t, rag_format(b, r->rag));
        else
            put_text(b, ws, row, (lxw_col_t)k, t, cols[k].kind == K_WRAP ? b->wrap : b->text);
    }
}

static const char *status_words(const char *status);

/* "Red: 12 days overdue (due 2017-06-19)" from plan_at's rag_reason,
 * which starts with the rating in lower case: the word is the point (RAG
 * is never carried by the fill alone). */
static void rag_cell(row_cells *r, int k, const char *reason, const char *rag)
{
    r->rag = rag;
    if (!reason)
        reason = rag ? rag : "";
    cell_printf(r, k, "%c%s", reason[0] >= 'a' && reason[0] <= 'z' ? reason[0] - 32 : reason[0],
                reason[0] ? reason + 1 : "");
}

/* Looks a plan_at column up once per sheet. */
typedef struct pa_cols {
    int id, authority_name, review_title, review_started, theme, finding_ref, finding,
        action_ref, action, owner, original_due, due, status, rag, rag_reason, last_on,
        last_by, last_note, last_evidence, days_overdue, path, last_update_on;
} pa_cols;

static void find_pa_cols(pa_cols *m, const sp_cursor *c)
{
    m->id = sp_cursor_column(c, "id");
    m->authority_name = sp_cursor_column(c, "authority_name");
    m->review_title = sp_cursor_column(c, "review_title");
    m->review_started = sp_cursor_column(c, "review_started_on");
    m->theme = sp_cursor_column(c, "theme");
    m->finding_ref = sp_cursor_column(c, "finding_ref");
    m->finding = sp_cursor_column(c, "finding");
    m->action_ref = sp_cursor_column(c, "action_ref");
    m->action = sp_cursor_column(c, "action");
    m->owner = sp_cursor_column(c, "owner");
    m->original_due = sp_cursor_column(c, "original_due_on");
    m->due = sp_cursor_column(c, "due_on");
    m->status = sp_cursor_column(c, "status");
    m->rag = sp_cursor_column(c, "rag");
    m->rag_reason = sp_cursor_column(c, "rag_reason");
    m->last_on = sp_cursor_column(c, "last_update_on");
    m->last_by = sp_cursor_column(c, "last_update_by");
    m->last_note = sp_cursor_column(c, "last_update_note");
    m->last_evidence = sp_cursor_column(c, "last_update_evidence");
    m->days_overdue = sp_cursor_column(c, "days_overdue");
    m->path = sp_cursor_column(c, "path");
}

/* "12 May 2017, Head of Service: Audit done" (or what there is of it),
 * then the evidence recorded with it if asked. */
static void progress_cell(row_cells *r, int k, sp_cursor *c, const pa_cols *m,
                          bool evidence)
{
    char on[32];
    const char *date = sp_cursor_text(c, m->last_on), *by = sp_cursor_text(c, m->last_by);
    const char *note = sp_cursor_text(c, m->last_note);
    const char *ev = evidence ? sp_cursor_text(c, m->last_evidence) : NULL;
    if (!date) {
        r->text[k] = "No update recorded";
        return;
    }
    sp_date_words(on, date);
    cell_printf(r, k, "%s%s%s: %s%s%s", on, by ? ", " : "", by ? by : "",
                note ? note : "(no note)", ev ? "\nEvidence: " : "", ev ? ev : "");
}

/* The Actions sheet's columns. */
static const column action_cols[] = {
    {"Ref", 6, K_TEXT},         {"Finding", 26, K_WRAP},  {"Action", 30, K_WRAP},
    {"Owner", 14, K_WRAP},      {"Original due date", 10.5, K_DATE},
    {"Due date", 10.5, K_DATE}, {"Status", 9, K_WRAP},    {"RAG", 14, K_RAG},
    {"Latest progress and evidence", 40, K_WRAP}};
#define N_ACTION_COLS ((int)(sizeof action_cols / sizeof action_cols[0]))

/* Where the Actions sheet has got to: the review and theme being listed. */
typedef struct group_pos {
    lxw_row_t row;
    char *review; /* authority name + review title, as printed */
    char *theme;
    char *finding; /* the last row's finding (ref, in this review): printed once */
} group_pos;

/* Writes a heading row (bold, in column A, overflowing to the right) when
 * the review or theme changes. Returns false if out of memory. */
static bool group_heading(book *b, group_pos *g, sp_cursor *c, const pa_cols *m)
{
    char started[32], *review;
    const char *theme = sp_cursor_text(c, m->theme);
    const char *when = sp_cursor_text(c, m->review_started);
    sp_date_words(started, when);
    review = format("%s: %s%s%s%s", sp_cursor_text(c, m->authority_name),
                    sp_cursor_text(c, m->review_title), when ? " (" : "", when ? started : "",
                    when ? ")" : "");
    if (!review)
        return false;
    bool new_review = !g->review || strcmp(g->review, review) != 0;
    if (new_review) {
        g->row += g->review ? 2 : 1; /* a blank row between reviews */
        check(b, worksheet_set_row(b->actions, g->row, 20, NULL));
        put_text(b, b->actions, g->row, 0, review, b->heading);
        free(g->review);
        g->review = review;
        free(g->finding);
        g->finding = NULL;
    } else {
        free(review);
    }
    if (new_review || !g->theme || strcmp(g->theme, theme ? theme : "") != 0) {
        free(g->theme);
        g->theme = format("%s", theme ? theme : "");
        char *words = g->theme ? format("Theme: %s", g->theme) : NULL;
        if (!words)
            return false;
        put_text(b, b->actions, ++g->row, 0, words, b->bold);
        free(g->finding);
        g->finding = NULL;
        free(words);
    }
    return true;
}

/* A finding's text is printed with its first action; its other actions,
 * listed right after, refer to it (a long finding would otherwise fill a
 * page per action). */
static void action_cells(row_cells *r, sp_cursor *c, const pa_cols *m, group_pos *g)
{
    const char *ref = sp_cursor_text(c, m->finding_ref);
    cell_printf(r, 0, "%s/%s", ref, sp_cursor_text(c, m->action_ref));
    if (g->finding && ref && strcmp(g->finding, ref) == 0) {
        cell_printf(r, 1, "(finding %s, as above)", ref);
    } else {
        r->text[1] = sp_cursor_text(c, m->finding);
        free(g->finding);
        g->finding = ref ? format("%s", ref) : NULL;
    }
    r->text[2] = sp_cursor_text(c, m->action);
    r->text[3] = sp_cursor_text(c, m->owner);
    r->text[4] = sp_cursor_text(c, m->original_due);
    r->text[5] = sp_cursor_text(c, m->due);
    r->text[6] = status_words(sp_cursor_text(c, m->status));
    rag_cell(r, 7, sp_cursor_text(c, m->rag_reason), sp_cursor_text(c, m->rag));
    progress_cell(r, 8, c, m, true);
}

static int write_actions(book *b)
{
    sp_cursor *c;
    pa_cols m;
    group_pos g = {0};
    int rc = sp_plan_at_open(&c, b->p.db, b->p.as_of, b->p.filter, SP_PLAN_BY_REVIEW);
    if (rc != SP_OK)
        return rc;
    find_pa_cols(&m, c);
    table_header(b, b->actions, action_cols, N_ACTION_COLS);
    while ((rc = next_row(b, c)) == SP_ROW) {
        row_cells r = {0};
        if ((rc = sp_pack_tally(&b->p, c)) != SP_OK)
            break;
        if (!group_heading(b, &g, c, &m)) {
            rc = sp_fail(b->p.db, SP_ENOMEM, "out of memory");
            break;
        }
        action_cells(&r, c, &m, &g);
        table_row(b, b->actions, ++g.row, action_cols, N_ACTION_COLS, &r);
        cells_free(&r);
    }
    sp_cursor_free(c);
    free(g.review);
    free(g.theme);
    free(g.finding);
    if (rc != SP_DONE)
        return rc;
    return b->err == LXW_NO_ERROR ? sp_pack_tally_end(&b->p) : SP_OK;
}

static const column overdue_cols[] = {
    {"Days overdue", 8.5, K_NUM},  {"Action", 20, K_WRAP},    {"What", 34, K_WRAP},
    {"Owner", 15, K_WRAP},         {"Original due date", 10.5, K_DATE},
    {"Due date", 10.5, K_DATE},    {"Status", 9, K_WRAP},     {"RAG", 15, K_RAG},
    {"Latest progress", 36, K_WRAP}};
#define N_OVERDUE_COLS ((int)(sizeof overdue_cols / sizeof overdue_cols[0]))

static int write_overdue(book *b)
{
    sp_cursor *c;
    pa_cols m;
    lxw_row_t row = 0;
    int rc = sp_plan_at_open(&c, b->p.db, b->p.as_of, b->p.filter, SP_PLAN_OVERDUE);
    if (rc != SP_OK)
        return rc;
    find_pa_cols(&m, c);
    table_header(b, b->overdue, overdue_cols, N_OVERDUE_COLS);
    while ((rc = next_row(b, c)) == SP_ROW) {
        row_cells r = {0};
        r.text[0] = sp_cursor_text(c, m.days_overdue);
        r.text[1] = sp_cursor_text(c, m.path);
        r.text[2] = sp_cursor_text(c, m.action);
        r.text[3] = sp_cursor_text(c, m.owner);
        r.text[4] = sp_cursor_text(c, m.original_due);
        r.text[5] = sp_cursor_text(c, m.due);
        r.text[6] = status_words(sp_cursor_text(c, m.status));
        rag_cell(&r, 7, sp_cursor_text(c, m.rag_reason), sp_cursor_text(c, m.rag));
        progress_cell(&r, 8, c, &m, false);
        table_row(b, b->overdue, ++row, overdue_cols, N_OVERDUE_COLS, &r);
        cells_free(&r);
    }
    sp_cursor_free(c);
    return rc == SP_DONE ? SP_OK : rc;
}

static const column change_cols[] = {
    {"Date", 10.5, K_DATE},         {"Action", 20, K_WRAP}, {"What", 32, K_WRAP},
    {"What changed", 30, K_WRAP}, {"Recorded by, note and evidence", 66, K_WRAP}};
#define N_CHANGE_COLS ((int)(sizeof change_cols / sizeof change_cols[0]))

/* Appends "; label: old → new" (or "label: new") to a buffer. */
static void change_part(char *buf, size_t size, const char *label, const char *old,
                        const char *new_)
{
    size_t n = strlen(buf);
    if (!new_ || n + 4 >= size)
        return;
    snprintf(buf + n, size - n, "%s%s: %s%s%s", n ? "; " : "", label, old ? old : "",
             old ? " → " : "", new_);
}

/* "Status: In progress → Complete; Due date: 2017-03-31 → 2017-09-30 (reason)". */
static void change_cell(row_cells *r, int k, sp_cursor *c)
{
    char buf[2048] = "", d0[32], d1[32], pct[16];
    const char *t[13];
    for (int i = 0; i < 13; i++)
        t[i] = sp_cursor_text(c, i + 6); /* old_status .. reason: see sql/pack.sql */
    change_part(buf, sizeof buf, "Status", t[0] ? status_words(t[0]) : NULL,
                t[1] ? status_words(t[1]) : NULL);
    sp_date_words(d0, t[2]);
    sp_date_words(d1, t[3]);
    change_part(buf, sizeof buf, "Due date", t[2] ? d0 : NULL, t[3] ? d1 : NULL);
    change_part(buf, sizeof buf, "Owner", t[4], t[5]);
    change_part(buf, sizeof buf, "Transferred to", NULL, t[6]);
    change_part(buf, sizeof buf, "RAG set by hand", NULL, t[7]);
    if (t[8])
        snprintf(pct, sizeof pct, "%s%%", t[8]);
    change_part(buf, sizeof buf, "Done", NULL, t[8] ? pct : NULL);
    change_part(buf, sizeof buf, "Reason", NULL, t[12]);
    cell_printf(r, k, "%s", buf[0] ? buf : "Progress note");
}

/* A query of the Changes sheet, with the pack's date, filters and since.
 * The part (the fixed facts) and the candidates of an owner or --no-due go
 * in as fragments (by_candidate); the rows kept are those of the pack's
 * actions (sp_pack_has), owner, status and due date as they stood on the
 * day. */
static int prepare_changes(sqlite3_stmt **st, book *b, const char *query)
{
    sp_filter part = sp_filter_candidates(b->p.filter);
    int rc = sp_prepare_filtered(st, b->p.db, query, &part, false);
    if (rc == SP_OK && (rc = sp_bind_filter(*st, b->p.db, b->p.as_of, b->p.filter)) != SP_OK)
        sqlite3_finalize(*st);
    if (rc == SP_OK)
        sp_bind_text(*st, ":since", b->p.since);
    return rc;
}

/* "Head of Service: Note. Evidence: ..." (or "No evidence: reason"). */
static void note_cell(row_cells *r, int k, sp_cursor *c)
{
    const char *by = sp_cursor_text(c, 5), *note = sp_cursor_text(c, 15);
    const char *evidence = sp_cursor_text(c, 16), *none = sp_cursor_text(c, 17);
    cell_printf(r, k, "%s: %s%s%s", by ? by : "", note ? note : "(no note)",
                evidence ? " Evidence: " : none ? " No evidence: " : "",
                evidence ? evidence : none ? none : "");
}

static int write_changes(book *b)
{
    sqlite3_stmt *ids, *st;
    sp_cursor *c;
    lxw_row_t row = 0;
    int rc = prepare_changes(&ids, b, "pack/changes_in_order");
    if (rc != SP_OK)
        return rc;
    if ((rc = prepare_changes(&st, b, "pack/changes")) != SP_OK) {
        sqlite3_finalize(ids);
        return rc;
    }
    /* the ids sorted, then each update read by its id */
    if ((rc = sp_cursor_grouped(&c, b->p.db, st, ids, ":update_id")) != SP_OK)
        return rc;
    table_header(b, b->changes, change_cols, N_CHANGE_COLS);
    while ((rc = next_row(b, c)) == SP_ROW) {
        row_cells r = {0};
        if (!sp_pack_has(&b->p, sp_cursor_int(c, 0)))
            continue;
        r.text[0] = sp_cursor_text(c, 1);
        r.text[1] = sp_cursor_text(c, 2);
        r.text[2] = sp_cursor_text(c, 4);
        change_cell(&r, 3, c);
        note_cell(&r, 4, c);
        table_row(b, b->changes, ++row, change_cols, N_CHANGE_COLS, &r);
        cells_free(&r);
    }
    sp_cursor_free(c);
    return rc == SP_DONE ? SP_OK : rc;
}

/* --- closure (issue #14): awaiting verification, and the checkpoint -- */

static const column awaiting_cols[] = {
    {"Days awaiting verification", 11, K_NUM}, {"Action", 20, K_WRAP}, {"What", 40, K_WRAP},
    {"Owner", 18, K_WRAP}, {"Claimed complete by", 22, K_WRAP}, {"Claimed on", 10.5, K_DATE}};
#define N_AWAITING_COLS ((int)(sizeof awaiting_cols / sizeof awaiting_cols[0]))

/* Claimed complete, not yet signed off by a second person: a complete
 * action is never overdue, so this sheet shows the slippage. */
static int write_awaiting(book *b)
{
    sp_cursor *c;
    lxw_row_t row = 0;
    int rc = sp_pack_awaiting(&c, &b->p);
    if (rc != SP_OK)
        return rc;
    table_header(b, b->awaiting, awaiting_cols, N_AWAITING_COLS);
    while ((rc = next_row(b, c)) == SP_ROW) {
        if (!sp_pack_has(&b->p, sp_cursor_int(c, 0)))
            continue;
        row_cells r = {0};
        r.text[0] = sp_cursor_text(c, 6);
        r.text[1] = sp_cursor_text(c, 1);
        r.text[2] = sp_cursor_text(c, 2);
        r.text[3] = sp_cursor_text(c, 3);
        r.text[4] = sp_cursor_text(c, 4);
        r.text[5] = sp_cursor_text(c, 5);
        table_row(b, b->awaiting, ++row, awaiting_cols, N_AWAITING_COLS, &r);
        cells_free(&r);
    }
    sp_cursor_free(c);
    return rc == SP_DONE ? SP_OK : rc;
}

/* The checkpoint the pack was made from, at the foot of the Summary
 * sheet, one line per row in column A from `row`: copy those lines into a
 * file for `safeplan verify --checkpoint FILE`. (A sheet of its own would
 * add a printed page.) */
static int write_checkpoint(book *b, lxw_worksheet *ws, lxw_row_t row)
{
    char *text = NULL;
    int rc = sp_checkpoint(&text, b->p.db, b->p.key_path);
    if (rc != SP_OK)
        return rc;
    put_text(b, ws, row++, 0, "Checkpoint", b->heading);
    for (char *line = text, *end; *line; line = end + 1) {
        end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line) - 1;
        else
            *end = '\0';
        put_text(b, ws, row++, 0, line, b->text);
    }
    sp_free(text);
    put_text(b, ws, row, 0,
             b->p.key_path ? "The history this pack was made from, signed. Copy the lines "
                             "above into a file; 'safeplan verify --checkpoint FILE' then "
                             "proves the history extends it."
                           : "Unsigned: no key was given (pack --key FILE, or SAFEPLAN_KEY), "
                             "so this records the history's size and head but cannot prove it.",
             b->wrap);
    return SP_OK;
}
/* --- end closure ---------------------------------------------------- */

/* ------------------------------------------------------------------ */
/* The Summary sheet                                                   */

/* Where the Summary sheet is being written. */
typedef struct sheet_pos {
    book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
} sheet_pos;

static void line(sheet_pos *r, const char *text, lxw_format *fmt)
{
    put_text(r->b, r->ws, r->row++, 0, text, fmt);
}

static void labelled_number(sheet_pos *r, const char *label, int n)
{
    put_text(r->b, r->ws, r->row, 0, label, r->b->text);
    check(r->b, worksheet_write_number(r->ws, r->row++, 1, n, r->b->num));
}

static void summary_heading(sheet_pos *r)
{
    char as_of[32], since[32], text[600], filters[400];
    sp_pack *p = &r->b->p;
    sp_date_words(as_of, p->as_of);
    sp_date_words(since, p->since);
    line(r, p->title, r->b->title);
    snprintf(text, sizeof text, "Position as of %s, as recorded by that date. "
             "Changes since %s.", as_of, since);
    line(r, text, r->b->text);
    sp_pack_filter_words(filters, sizeof filters, p->filter);
    if (filters[0]) {
        snprintf(text, sizeof text, "Only actions with %s.", filters);
        line(r, text, r->b->text);
    }
    r->row++;
}

/* "Torbay Council: LGA peer review (21 May 2012 to 25 May 2012; reported
 * 26 June 2012). Judgement: Inadequate" from a pack/reviews row. */
static void review_line(sheet_pos *r, sqlite3_stmt *st)
{
    char from[32], to[32], rep[32], when[120], text[1200];
    const char *t[7];
    for (int i = 0; i < 7; i++)
        t[i] = (const char *)sqlite3_column_text(st, i);
    sp_date_words(from, t[3]);
    sp_date_words(to, t[4]);
    sp_date_words(rep, t[5]);
    when[0] = '\0';
    if (t[3] && t[4] && strcmp(t[3], t[4]) != 0)
        snprintf(when, sizeof when, " (%s to %s", from, to);
    else if (t[3])
        snprintf(when, sizeof when, " (%s", from);
    snprintf(text, sizeof text, "%s: %s%s%s%s%s%s%s", t[0], t[1], when,
             t[5] ? (t[3] ? "; reported " : " (reported ") : "", t[5] ? rep : "",
             t[3] || t[5] ? ")" : "", t[6] ? ". Judgement: " : "", t[6] ? t[6] : "");
    line(r, text, r->b->text);
}

static int summary_reviews(sheet_pos *r)
{
    sqlite3_stmt *st;
    sp_pack *p = &r->b->p;
    int rc = sp_prepare(&st, p->db, "pack/reviews");
    if (rc == SP_OK)
        rc = sp_bind_filter(st, p->db, p->as_of, p->filter);
    if (rc == SP_OK) {
        line(r, p->review_count == 1 ? "Review" : "Reviews", r->b->heading);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            review_line(r, st);
        rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(p->db, "listing the reviews");
        r->row++;
    }
    sqlite3_finalize(st);
    return rc;
}

static void summary_headline(sheet_pos *r)
{
    char text[128], since[32];
    sp_pack *p = &r->b->p;
    const sp_tally *t = &p->total;
    line(r, "Headline", r->b->heading);
    labelled_number(r, "Actions in the plan", t->actions);
    labelled_number(r, "Open (not started or in progress)", t->status[0] + t->status[1]);
    labelled_number(r, "Overdue (open and past the due date)", p->overdue);
    snprintf(text, sizeof text, "Open and due within %d days", SP_PACK_DUE_DAYS);
    labelled_number(r, text, p->due_soon);
    sp_date_words(since, p->since);
    snprintf(text, sizeof text, "Completed or signed off since %s", since);
    labelled_number(r, text, p->completed);
    if (p->unevidenced > 0)
        labelled_number(r, "Data quality: signed off without evidence of impact",
                        p->unevidenced);
    r->row++;
}

static const char *const status_titles[SP_STATUS_N] = {
    "Not started", "In progress", "Complete", "Signed off", "Transferred", "Withdrawn"};
static const char *const rag_titles[SP_RAG_N] = {"Red", "Amber", "Green", "Blue", "Grey"};

/* "In progress" for in_progress (the word itself if it is not a status). */
static const char *status_words(const char *status)
{
    int i = sp_pack_status_index(status);
    return i >= 0 ? status_titles[i] : status;
}

static void tally_header(sheet_pos *r)
{
    book *b = r->b;
    check(b, worksheet_set_row(r->ws, r->row, 2 * LINE_PT + 2, NULL)); /* headings wrap */
    put_text(b, r->ws, r->row, 0, "Theme", b->header);
    put_text(b, r->ws, r->row, 1, "Actions", b->header);
    for (int i = 0; i < SP_RAG_N; i++)
        put_text(b, r->ws, r->row, (lxw_col_t)(2 + i), rag_titles[i], b->rag[i]);
    for (int i = 0; i < SP_STATUS_N; i++)
        put_text(b, r->ws, r->row, (lxw_col_t)(2 + SP_RAG_N + i), status_titles[i], b->header);
    r->row++;
}

/* One theme's (or the total's) counts; RAG counts filled in their colour
 * when there is something to count. */
static void tally_line(sheet_pos *r, const sp_tally *t, bool total)
{
    book *b = r->b;
    lxw_format *num = total ? b->bold_num : b->num;
    if (!total)
        fit_row(b, r->ws, r->row, lines_needed(t->theme, SUMMARY_WIDTH, false));
    put_text(b, r->ws, r->row, 0, total ? "Total" : t->theme, total ? b->bold : b->wrap);
    check(b, worksheet_write_number(r->ws, r->row, 1, t->actions, num));
    for (int i = 0; i < SP_RAG_N; i++)
        check(b, worksheet_write_number(r->ws, r->row, (lxw_col_t)(2 + i), t->rag[i],
                                        t->rag[i] ? b->rag[i] : num));
    for (int i = 0; i < SP_STATUS_N; i++)
        check(b, worksheet_write_number(r->ws, r->row, (lxw_col_t)(2 + SP_RAG_N + i),
                                        t->status[i], num));
    r->row++;
}

static void summary_key(sheet_pos *r)
{
    char rule[300], text[200];
    book *b = r->b;
    line(r, "RAG key (ratings are worked out for the as-of date)", b->heading);
    for (int i = 0; i < SP_RAG_N; i++) {
        sp_pack_rag_rule(rule, sizeof rule, &b->p, i);
        put_text(b, r->ws, r->row, 0, rag_titles[i], b->rag[i]);
        put_text(b, r->ws, r->row++, 1, rule, b->text);
    }
    line(r, "A manual override replaces the rating shown on its action; its reason says so "
            "and keeps the computed rating beside it. The counts above are of the computed "
            "rating, as in 'safeplan summary' (red = the Overdue sheet).", b->text);
    if (b->p.total.overridden) {
        snprintf(text, sizeof text, "Shown otherwise by a manual override: %d action%s.",
                 b->p.total.overridden, b->p.total.overridden == 1 ? "" : "s");
        line(r, text, b->text);
    }
    snprintf(text, sizeof text, "Settings in force: rag.amber_days = %d, rag.stale_days = %d.",
             b->p.amber_days, b->p.stale_days);
    line(r, text, b->text);
    r->row++;
    snprintf(text, sizeof text, "Made by safeplan %s on %s.", SP_VERSION, b->p.today);
    line(r, text, b->text);
}

static int write_summary(book *b)
{
    sheet_pos r = {b, b->summary, 0};
    check(b, worksheet_set_column(b->summary, 0, 0, SUMMARY_WIDTH, NULL));
    check(b, worksheet_set_column(b->summary, 1, 1 + SP_RAG_N + SP_STATUS_N, 9, NULL));
    print_setup(b, b->summary, false);
    summary_heading(&r);
    int rc = summary_reviews(&r);
    if (rc != SP_OK)
        return rc;
    summary_headline(&r);
    line(&r, "Actions by theme: RAG rating and status", b->heading);
    tally_header(&r);
    for (size_t i = 0; i < b->p.nthemes; i++)
        tally_line(&r, &b->p.themes[i], false);
    tally_line(&r, &b->p.total, true);
    r.row++;
    summary_key(&r);
    return write_checkpoint(b, b->summary, r.row + 1); /* closure (issue #14) */
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

static void set_properties(book *b)
{
    char title[sizeof b->p.title], subject[200], author[200], comments[100];
    int32_t days = 0;
    snprintf(title, sizeof title, "%s", b->p.title);
    snprintf(subject, sizeof subject, "Committee pack: position as of %s; changes since %s",
             b->p.as_of, b->p.since);
    snprintf(author, sizeof author, "%s", b->p.author ? b->p.author : "");
    snprintf(comments, sizeof comments, "Made by safeplan %s", SP_VERSION);
    sp_iso_days(b->p.today, &days);
    lxw_doc_properties props = {
        .title = title, .subject = subject, .author = b->p.author ? author : NULL,
        .comments = comments, .keywords = "safeguarding, improvement plan, RAG",
        .created = (time_t)days * 86400}; /* the day it was made, so tests can pin it */
    check(b, workbook_set_properties(b->wb, &props));
}

static int add_sheets(book *b)
{
    b->summary = workbook_add_worksheet(b->wb, "Summary");
    b->actions = workbook_add_worksheet(b->wb, "Actions");
    b->overdue = workbook_add_worksheet(b->wb, "Overdue");
    b->changes = workbook_add_worksheet(b->wb, "Changes");
    b->awaiting = workbook_add_worksheet(b->wb, "Awaiting verification");
    if (!b->summary || !b->actions || !b->overdue || !b->changes || !b->awaiting)
        return sp_fail(b->p.db, SP_ENOMEM, "out of memory");
    worksheet_set_tab_color(b->overdue, rag_fill[0]);
    return SP_OK;
}

static int fill_book(book *b)
{
    int rc = add_sheets(b);
    if (rc == SP_OK) {
        make_formats(b);
        rc = write_actions(b);
    }
    /* The Summary, the first tab, is written next: all it counts is known
     * once the Actions sheet is, and its themes' tallies (10 MiB for a
     * plan where each of 154,424 findings has its theme) are then freed
     * before the Overdue sheet's sort. After a failure nothing more is
     * written (next_row). */
    if (rc == SP_OK && b->err == LXW_NO_ERROR)
        rc = write_summary(b);
    sp_pack_drop_themes(&b->p);
    if (rc == SP_OK && b->err == LXW_NO_ERROR)
        rc = write_overdue(b);
    if (rc == SP_OK && b->err == LXW_NO_ERROR)
        rc = write_changes(b);
    if (rc == SP_OK && b->err == LXW_NO_ERROR)
        rc = write_awaiting(b);
    if (rc == SP_OK)
        set_properties(b);
    return rc;
}

/* libxlsxwriter writes the zip at workbook_close; it goes to a private
 * temporary file beside `path` that is renamed over it only when whole. */
static int make_temp(char **tmp, sp_db *db, const char *path)
{
    size_t n = strlen(path);
    *tmp = malloc(n + 8);
    if (!*tmp)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    /* mkstemp's template: the name, a dot and six X's it replaces. */
    memcpy(*tmp, path, n);
    (*tmp)[n] = '.';
    memset(*tmp + n + 1, 'X', 6);
    (*tmp)[n + 7] = '\0';
    int fd = mkstemp(*tmp);
    if (fd < 0) {
        int e = errno;
        free(*tmp);
        *tmp = NULL;
        return sp_fail(db, SP_ERROR, "cannot write %s: %s", path, strerror(e));
    }
    close(fd);
    return SP_OK;
}

/* The sheet that reached Excel's last row, if one did. */
static const char *full_sheet(const book *b)
{
    lxw_worksheet *const sheets[] = {b->summary, b->actions, b->overdue, b->changes,
                                     b->awaiting};
    for (size_t i = 0; i < sizeof sheets / sizeof sheets[0]; i++)
        if (sheets[i] && sheets[i]->dim_rowmax >= LXW_ROW_MAX - 1)
            return sheets[i]->name;
    return NULL;
}

/* A plan too big for one sheet says which, and what makes the pack fit
 * (libxlsxwriter says only "Worksheet row or column index out of range"). */
static int too_many_rows(const book *b)
{
    const char *sheet = full_sheet(b);
    return sp_fail(b->p.db, SP_ERROR,
                   "the pack's %s sheet would have more rows than Excel's limit of "
                   "1,048,576: narrow the pack with --authority, --review, --owner or "
                   "--theme%s",
                   sheet ? sheet : "largest",
                   sheet && strcmp(sheet, "Changes") == 0 ? ", or a later --since" : "");
}

static int close_book(book *b, const char *tmp, const char *path, int rc)
{
    bool staged_by_caller = strcmp(tmp, path) == 0;
    if (rc == SP_OK && b->err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        rc = too_many_rows(b);
    lxw_error e = workbook_close(b->wb); /* frees the workbook in every case */
    /* A caller that staged the file knows its name: this one is private. */
    if (rc == SP_OK && (b->err != LXW_NO_ERROR || e != LXW_NO_ERROR))
        rc = sp_fail(b->p.db, SP_ERROR, "cannot write %s: %s",
                     staged_by_caller ? "the workbook" : path,
                     lxw_strerror(b->err != LXW_NO_ERROR ? b->err : e));
    if (rc == SP_OK && !staged_by_caller && rename(tmp, path) != 0)
        rc = sp_fail(b->p.db, SP_ERROR, "cannot write %s: %s", path, strerror(errno));
    if (rc != SP_OK && !staged_by_caller)
        unlink(tmp);
    return rc;
}

int sp_pack_xlsx(sp_db *db, const char *path, const sp_pack_opts *opts)
{
    book b = {0};
    char *tmp = NULL, *dir = NULL;
    const char *base;
    if (!path || !*path)
        return sp_fail(db, SP_EINVALID, "no file name given for the workbook");
    int rc = sp_xlsx_load(db);
    if (rc != SP_OK)
        return rc;
    rc = sp_pack_start(&b.p, db, opts);
    bool in_place = opts && opts->workdir;
    if (rc == SP_OK && in_place && !(tmp = strdup(path)))
        rc = sp_fail(db, SP_ENOMEM, "out of memory");
    else if (rc == SP_OK && !in_place)
        rc = make_temp(&tmp, db, path);
    if (rc != SP_OK) {
        sp_pack_finish(&b.p);
        return rc;
    }
    /* libxlsxwriter stages each part in a temporary file that it names
     * ("tmp." and random letters) and unlinks a moment later, mode 0600;
     * keep them beside the output the user chose rather than in a shared
     * /tmp, since they hold the plan. A kill in that moment can leave one:
     * docs/reliability.md. */
    dir = in_place ? strdup(opts->workdir) : sp_split_path(path, &base);
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = dir};
    b.wb = dir ? workbook_new_opt(tmp, &wo) : NULL;
    if (!b.wb) {
        if (!in_place)
            unlink(tmp);
        rc = sp_fail(db, SP_ENOMEM, "cannot start the workbook: out of memory");
    } else {
        rc = close_book(&b, tmp, path, fill_book(&b));
    }
    sp_pack_finish(&b.p);
    free(tmp);
    free(dir);
    return rc;
}
