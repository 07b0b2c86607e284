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

/* ------------------------------------------------------------------ */
/* Formats                                                             */

static lxw_format *top_format(book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
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

/* One cell by its column type: dates and numbers as such, else text. */
static void put_cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     const char *text, sp_coltype type, lxw_format *text_fmt)
{
    lxw_datetime dt;
    double n;
    if (!text)
        return;
    if (type == SP_COL_DATE && to_datetime(&dt, text))
        check(b, worksheet_write_datetime(ws, row, col, &dt, b->date));
    else if (type == SP_COL_INT && to_number(&n, text))
        check(b, worksheet_write_number(ws, row, col, n, b->num));
    else
        put_text(b, ws, row, col, text, text_fmt);
}

static lxw_format *rag_format(book *b, const char *rag)
{
    int i = sp_pack_rag_index(rag);
    return i >= 0 ? b->rag[i] : b->text;
}

/* ------------------------------------------------------------------ */
/* Table sheets                                                        */

typedef struct columns {
    int map[MAX_SHEET_COLS];      /* cursor column of each sheet column */
    double width[MAX_SHEET_COLS]; /* in Excel's character units */
    bool wrap[MAX_SHEET_COLS];
    int n;
} columns;

static bool listed(const char *const *names, const char *name)
{
    for (; names && *names; names++)
        if (strcmp(*names, name) == 0)
            return true;
    return false;
}

/* The sheet's columns: those named in `want`, in that order, or else every
 * cursor column not named in `skip`. */
static void choose(columns *cols, const sp_cursor *c, const char *const *want,
                   const char *const *skip)
{
    cols->n = 0;
    for (size_t k = 0; want && want[k] && cols->n < MAX_SHEET_COLS; k++) {
        int i = sp_cursor_column(c, want[k]);
        if (i >= 0)
            cols->map[cols->n++] = i;
    }
    for (int i = 0; !want && i < sp_cursor_columns(c) && cols->n < MAX_SHEET_COLS; i++)
        if (!listed(skip, sp_cursor_name(c, i)))
            cols->map[cols->n++] = i;
}

/* Long free text wraps in a wide column; names and labels get a medium one. */
static const char *const wide_cols[] = {
    "finding", "action", "measure", "rag_reason", "rag_override_reason", "last_update_note",
    "last_update_evidence", "review_title", "note", "evidence", "no_evidence_reason",
    "reason", NULL};
static const char *const medium_cols[] = {
    "theme", "owner", "authority_name", "transferred_to", "path", "last_update_by",
    "author", "old_owner", "new_owner", "review_judgement", "review", NULL};

static void set_widths(book *b, lxw_worksheet *ws, const sp_cursor *c, columns *cols)
{
    for (int k = 0; k < cols->n; k++) {
        const char *name = sp_cursor_name(c, cols->map[k]);
        bool text = sp_cursor_type(c, cols->map[k]) == SP_COL_TEXT;
        cols->wrap[k] = listed(wide_cols, name) || listed(medium_cols, name);
        cols->width[k] = listed(wide_cols, name) ? 48 : cols->wrap[k] ? 26 : text ? 14 : 12;
        /* Wide enough for the header, which has no spaces to wrap at. */
        if (!cols->wrap[k] && cols->width[k] < (double)strlen(name) + 1)
            cols->width[k] = (double)strlen(name) + 1;
        check(b, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, cols->width[k],
                                      cols->wrap[k] ? b->wrap : NULL));
    }
}

/* The lines a text needs in a column `width` characters wide, wrapping
 * at spaces as spreadsheets do. A rough measure (an average letter is a
 * little narrower than the '0' a width counts), but readers do not grow
 * rows for wrapped text by themselves: LibreOffice keeps the default
 * height and hides the rest. */
static int lines_needed(const char *text, double width)
{
    size_t per_line = width > 2 ? (size_t)(width * 1.2) : 1, line = 0;
    int lines = 1;
    for (const char *p = text; *p;) {
        if (*p == '\n' || *p == ' ') {
            lines += *p == '\n';
            line = *p == '\n' ? 0 : line;
            p++;
            continue;
        }
        size_t word = 0; /* characters up to the next space or line break */
        for (; *p && *p != ' ' && *p != '\n'; p++)
            word += ((unsigned char)*p & 0xc0) != 0x80;
        if (line > 0 && line + 1 + word > per_line) /* the word starts a new line */
            lines++, line = 0;
        line += (line > 0) + word;
        for (; line > per_line; line -= per_line) /* a word longer than a line */
            lines++;
    }
    return lines;
}

/* Sets a row tall enough for its wrapped cells (before any cell of the
 * row is written: constant-memory mode writes rows out in order). */
static void fit_row(book *b, lxw_worksheet *ws, lxw_row_t row, int lines)
{
    if (lines > 1)
        check(b, worksheet_set_row(ws, row, lines * 15.0 > 409 ? 409 : lines * 15.0, NULL));
}

static void write_header(book *b, lxw_worksheet *ws, const sp_cursor *c, columns *cols)
{
    set_widths(b, ws, c, cols);
    for (int k = 0; k < cols->n; k++)
        put_text(b, ws, 0, (lxw_col_t)k, sp_cursor_name(c, cols->map[k]), b->header);
    worksheet_freeze_panes(ws, 1, 0);
    check(b, worksheet_repeat_rows(ws, 0, 0));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4);
    /* A narrow table prints one page wide; a wide one (the export's 31
     * columns) would shrink to nothing, so it runs across pages instead. */
    if (cols->n <= 12)
        worksheet_fit_to_pages(ws, 1, 0);
}

static void write_row(book *b, lxw_worksheet *ws, lxw_row_t row, sp_cursor *c,
                      const columns *cols)
{
    int lines = 1;
    for (int k = 0; k < cols->n; k++) {
        const char *text = sp_cursor_text(c, cols->map[k]);
        int n = cols->wrap[k] && text ? lines_needed(text, cols->width[k]) : 1;
        lines = n > lines ? n : lines;
    }
    fit_row(b, ws, row, lines);
    for (int k = 0; k < cols->n; k++) {
        int i = cols->map[k];
        const char *name = sp_cursor_name(c, i), *text = sp_cursor_text(c, i);
        bool is_rag = strcmp(name, "rag") == 0 || strcmp(name, "rag_override") == 0;
        lxw_format *fmt = is_rag ? rag_format(b, text) : cols->wrap[k] ? b->wrap : b->text;
        put_cell(b, ws, row, (lxw_col_t)k, text, sp_cursor_type(c, i), fmt);
    }
}

/* What a sheet does with each row before writing it: false skips it. */
typedef int (*row_hook)(book *b, sp_cursor *c, bool *keep);

/* Writes the cursor as a table (header, frozen, filtered); frees it. */
static int write_table(book *b, lxw_worksheet *ws, sp_cursor *c, const char *const *want,
                       const char *const *skip, row_hook hook)
{
    columns cols;
    lxw_row_t row = 0;
    int rc;
    choose(&cols, c, want, skip);
    write_header(b, ws, c, &cols);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        bool keep = true;
        if (hook && (rc = hook(b, c, &keep)) != SP_OK)
            break;
        if (keep)
            write_row(b, ws, ++row, c, &cols);
    }
    sp_cursor_free(c);
    if (cols.n > 0)
        check(b, worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(cols.n - 1)));
    return rc == SP_DONE ? SP_OK : rc;
}

/* The export's columns: plan_at adds these around them. */
static const char *const not_exported[] = {"id", "path", "days_overdue", "aging", NULL};

static int tally_row(book *b, sp_cursor *c, bool *keep)
{
    *keep = true;
    return sp_pack_tally(&b->p, c);
}

static int write_actions(book *b)
{
    sp_cursor *c;
    int rc = sp_plan_at(&c, b->p.db, b->p.as_of, b->p.filter);
    if (rc == SP_OK)
        rc = write_table(b, b->actions, c, NULL, not_exported, tally_row);
    return rc == SP_OK ? sp_pack_tally_end(&b->p) : rc;
}

static int write_overdue(book *b)
{
    static const char *const cols[] = {
        "days_overdue", "aging", "path", "theme", "action", "owner", "original_due_on",
        "due_on", "status", "last_update_on", "rag", "rag_reason", NULL};
    sp_cursor *c;
    int rc = sp_plan_at_open(&c, b->p.db, b->p.as_of, b->p.filter, SP_PLAN_OVERDUE);
    return rc == SP_OK ? write_table(b, b->overdue, c, cols, NULL, NULL) : rc;
}

static int in_pack(book *b, sp_cursor *c, bool *keep)
{
    *keep = sp_pack_has(&b->p, sp_cursor_int(c, 0));
    return SP_OK;
}

static int write_changes(book *b)
{
    static const char *const skip[] = {"action_id", NULL};
    sqlite3_stmt *st;
    sp_cursor *c;
    int rc = sp_prepare(&st, b->p.db, "pack/changes");
    if (rc == SP_OK && (rc = sp_bind_filter(st, b->p.db, b->p.as_of, b->p.filter)) != SP_OK)
        sqlite3_finalize(st);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":since", b->p.since);
    rc = sp_cursor_from_stmt(&c, b->p.db, st);
    return rc == SP_OK ? write_table(b, b->changes, c, NULL, skip, in_pack) : rc;
}

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

static void tally_header(sheet_pos *r)
{
    book *b = r->b;
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
        fit_row(b, r->ws, r->row, lines_needed(t->theme, SUMMARY_WIDTH));
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
    line(r, "A manual override replaces the rating; its reason says so and keeps the "
            "computed rating beside it.", b->text);
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
    check(b, worksheet_set_column(b->summary, 1, 1 + SP_RAG_N + SP_STATUS_N, 11, NULL));
    worksheet_set_landscape(b->summary);
    worksheet_set_paper(b->summary, PAPER_A4);
    worksheet_fit_to_pages(b->summary, 1, 0);
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
    return SP_OK;
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
    if (!b->summary || !b->actions || !b->overdue || !b->changes)
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
    if (rc == SP_OK)
        rc = write_overdue(b);
    if (rc == SP_OK)
        rc = write_changes(b);
    if (rc == SP_OK)
        rc = write_summary(b);
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

static int close_book(book *b, const char *tmp, const char *path, int rc)
{
    lxw_error e = workbook_close(b->wb); /* frees the workbook in every case */
    if (rc == SP_OK && (b->err != LXW_NO_ERROR || e != LXW_NO_ERROR))
        rc = sp_fail(b->p.db, SP_ERROR, "cannot write %s: %s", path,
                     lxw_strerror(b->err != LXW_NO_ERROR ? b->err : e));
    bool staged_by_caller = strcmp(tmp, path) == 0;
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
     * (tmp.XXXXXX) and unlinks a moment later, mode 0600; keep them beside
     * the output the user chose rather than in a shared /tmp, since they
     * hold the plan. A kill in that moment can leave one: docs/reliability.md. */
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
