/*
 * The committee pack as one self-contained HTML page: inline CSS, charts
 * drawn here as inline SVG, no scripts and nothing fetched, laid out to
 * print on A4. The markup is also well-formed XML (every element closed,
 * only XML's five entities), so any XML parser can check it.
 *
 * Every text that comes from the plan goes through esc(): names, themes
 * and notes are what officers typed, and must never become markup.
 * Coordinates are whole numbers printed with %d, so the output does not
 * depend on the locale's decimal separator.
 */
#include "pack.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "plan_at.h"

/* Chart geometry, in SVG user units (about CSS pixels). */
#define CHART_W 680
#define BAR_LABEL_H 14
#define BAR_H 14
#define BAR_GAP 6
#define BAR_CHUNK 6 /* themes per SVG: printed pages may break between them */
#define TREND_H 250
#define TREND_LEFT 44
#define TREND_RIGHT 16
#define TREND_TOP 12
#define TREND_BOTTOM 34

/* The same colours as the workbook (pack.c), in sp_pack_rags order. */
static const char *const rag_fill[SP_RAG_N] = {"#c00000", "#ffc000", "#00b050", "#0070c0",
                                               "#bfbfbf"};
static const char *const rag_ink[SP_RAG_N] = {"#fff", "#000", "#000", "#fff", "#000"};
static const char *const rag_titles[SP_RAG_N] = {"Red", "Amber", "Green", "Blue", "Grey"};

typedef struct page {
    sp_pack p;
    FILE *out;
} page;

/* Writes text with & < > " ' escaped, so it is safe in content and in
 * quoted attributes alike. */
static void esc_text(FILE *out, const char *s)
{
    /* Runs of bytes that need no escape are written at once: a byte at a
     * time, through fputc, was 1.2% of one authority's report. */
    while (s && *s) {
        size_t n = strcspn(s, "&<>\"'");
        if (n > 0)
            fwrite(s, 1, n, out);
        s += n;
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: return; /* the end of s */
        }
        s++;
    }
}

/* esc_text, then the closers of any direction control the text leaves
 * open (sp_bidi_closers: stored before the library refused them), so that
 * it cannot reorder the report after it. */
static void esc(FILE *out, const char *s)
{
    char closers[SP_BIDI_CLOSERS_SIZE];
    esc_text(out, s);
    if (sp_bidi_closers(s, closers))
        fputs(closers, out);
}

/* printf for markup and numbers the library made itself (never for plan
 * text, which goes through esc). */
static void out(page *pg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out(page *pg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(pg->out, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Head and header                                                     */

static const char css[] =
    "@page { size: A4; margin: 14mm 12mm 16mm 12mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { font-family: Arial, Helvetica, 'Liberation Sans', sans-serif; font-size: 10.5pt;\n"
    "       color: #111; line-height: 1.35; max-width: 186mm; margin: 8mm auto; }\n"
    "h1 { font-size: 18pt; margin: 0 0 1mm; }\n"
    "h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }\n"
    "p { margin: 1mm 0; }\n"
    ".meta { color: #333; }\n"
    ".reviews { margin: 1mm 0 0; padding-left: 5mm; color: #333; font-size: 9.5pt; }\n"
    ".headline { display: flex; gap: 3mm; margin-top: 4mm; }\n"
    ".figure { flex: 1; border: 1px solid #999; border-radius: 2mm; padding: 2mm 3mm; }\n"
    ".figure .n { display: block; font-size: 24pt; font-weight: bold; line-height: 1.1; }\n"
    ".figure.alert .n { color: #c00000; }\n"
    "section, .keep { break-inside: avoid; page-break-inside: avoid; }\n"
    "section.long { break-inside: auto; page-break-inside: auto; }\n"
    "h2, h2 + p { break-after: avoid; page-break-after: avoid; }\n"
    "svg { display: block; width: 100%; height: auto; }\n"
    "svg text { font-family: Arial, Helvetica, 'Liberation Sans', sans-serif; }\n"
    "table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin-top: 2mm; }\n"
    "th, td { border: 1px solid #aaa; padding: 0.8mm 1.2mm; vertical-align: top;\n"
    "         text-align: left; }\n"
    "th { background: #e6e6e6; }\n"
    "td.n, th.n { text-align: right; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    ".rag { font-weight: bold; white-space: nowrap; }\n"
    ".rag-red { background: #c00000; color: #fff; }\n"
    ".rag-amber { background: #ffc000; color: #000; }\n"
    ".rag-green { background: #00b050; color: #000; }\n"
    ".rag-blue { background: #0070c0; color: #fff; }\n"
    ".rag-grey { background: #bfbfbf; color: #000; }\n"
    ".path { color: #555; font-size: 7.5pt; display: block; }\n"
    ".nowrap { white-space: nowrap; }\n"
    ".none { color: #555; font-style: italic; }\n"
    "#key p { font-size: 9pt; }\n"
    "table.narrow { width: auto; min-width: 60mm; }\n"
    "caption { text-align: left; font-weight: bold; padding: 1mm 0; white-space: nowrap; }\n"
    ".summary { margin: 2mm 0; }\n"
    "footer { margin-top: 6mm; color: #555; font-size: 8.5pt; }\n"
    "@media print { body { margin: 0; max-width: none; } }\n";

static void write_head(page *pg)
{
    char as_of[32];
    sp_date_words(as_of, pg->p.as_of);
    out(pg, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            "<meta name=\"generator\" content=\"safeplan %s\"/>\n<title>", SP_VERSION);
    esc(pg->out, pg->p.title);
    out(pg, " &#8211; position as of %s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
        as_of, css);
}

static int write_reviews(page *pg)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, pg->p.db, "pack/reviews");
    if (rc == SP_OK)
        rc = sp_bind_filter(st, pg->p.db, pg->p.as_of, pg->p.filter);
    if (rc == SP_OK) {
        out(pg, "<ul class=\"reviews\">\n");
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            char from[32];
            const char *judgement = (const char *)sqlite3_column_text(st, 6);
            sp_date_words(from, (const char *)sqlite3_column_text(st, 3));
            out(pg, "<li>");
            esc(pg->out, (const char *)sqlite3_column_text(st, 0));
            out(pg, ": ");
            esc(pg->out, (const char *)sqlite3_column_text(st, 1));
            out(pg, "%s%s", from[0] ? ", " : "", from);
            if (judgement) {
                out(pg, ". Judgement: ");
                esc(pg->out, judgement);
            }
            out(pg, "</li>\n");
        }
        rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(pg->p.db, "listing the reviews");
        out(pg, "</ul>\n");
    }
    sqlite3_finalize(st);
    return rc;
}

static int write_header(page *pg)
{
    char as_of[32], since[32], filters[400];
    sp_date_words(as_of, pg->p.as_of);
    sp_date_words(since, pg->p.since);
    out(pg, "<header>\n<h1>");
    esc(pg->out, pg->p.title);
    out(pg, "</h1>\n<p class=\"meta\">Position as of <strong>%s</strong>, as recorded by that "
            "date. Changes since %s.", as_of, since);
    sp_pack_filter_words(filters, sizeof filters, pg->p.filter);
    if (filters[0]) {
        out(pg, " Only actions with ");
        esc(pg->out, filters);
        out(pg, ".");
    }
    out(pg, "</p>\n");
    int rc = write_reviews(pg);
    out(pg, "</header>\n");
    return rc;
}

/* ------------------------------------------------------------------ */
/* Headline numbers                                                    */

static void figure(page *pg, const char *id, int n, bool alert, const char *label)
{
    out(pg, "<div class=\"figure%s\" id=\"%s\"><span class=\"n\">%d</span>%s</div>\n",
        alert && n > 0 ? " alert" : "", id, n, label);
}

static void write_headline(page *pg)
{
    char label[120], since[32];
    const sp_tally *t = &pg->p.total;
    sp_date_words(since, pg->p.since);
    out(pg, "<section class=\"headline\" aria-label=\"Headline numbers\">\n");
    figure(pg, "open", t->status[0] + t->status[1], false,
           "open actions (not started or in progress)");
    figure(pg, "overdue", pg->p.overdue, true, "overdue: open and past the due date");
    snprintf(label, sizeof label, "open and due within %d days", SP_PACK_DUE_DAYS);
    figure(pg, "due-soon", pg->p.due_soon, false, label);
    snprintf(label, sizeof label, "completed or signed off since %s", since);
    figure(pg, "completed", pg->p.completed, false, label);
    out(pg, "</section>\n");
    if (pg->p.unevidenced > 0) /* the committee's "so what?" (issue 11) */
        out(pg, "<p class=\"meta\" id=\"data-quality\">Data quality: %d action%s signed off "
                "without evidence of impact.</p>\n", pg->p.unevidenced,
            pg->p.unevidenced == 1 ? "" : "s");
}

/* ------------------------------------------------------------------ */
/* RAG by theme: a stacked bar per theme, and the numbers as a table   */

static void legend(page *pg, int y)
{
    for (int i = 0, x = 0; i < SP_RAG_N; i++, x += 96) {
        out(pg, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" "
                "stroke=\"#666\" stroke-width=\"0.5\"/>", x, y, rag_fill[i]);
        out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n", x + 16, y + 10,
            rag_titles[i]);
    }
}

static void bar_segment(page *pg, const sp_tally *t, int i, int x, int w, int y)
{
    out(pg, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">", x, y, w, BAR_H,
        rag_fill[i]);
    out(pg, "<title>");
    esc(pg->out, t->theme);
    out(pg, ": %d %s</title></rect>\n", t->rag[i], rag_titles[i]);
    if (w >= 9 * (t->rag[i] >= 10 ? 2 : 1) + 4) /* room for the number */
        out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
                "fill=\"%s\">%d</text>\n", x + w / 2, y + BAR_H - 4, rag_ink[i], t->rag[i]);
}

static void bar(page *pg, const sp_tally *t, int y, int scale_max, int width)
{
    out(pg, "<text x=\"0\" y=\"%d\" font-size=\"11\">", y + 11);
    esc(pg->out, t->theme);
    out(pg, "</text>\n");
    y += BAR_LABEL_H;
    int x = 0, done = 0;
    for (int i = 0; i < SP_RAG_N; i++) {
        if (!t->rag[i])
            continue;
        done += t->rag[i];
        int end = (int)((long)done * width / scale_max);
        bar_segment(pg, t, i, x, end - x, y);
        x = end;
    }
    /* The counts in words beside the bar: the colours are never alone. */
    out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#333\">%d", x + 4,
        y + BAR_H - 4, t->actions);
    for (int i = 0, first = 1; i < SP_RAG_N; i++)
        if (t->rag[i]) {
            out(pg, "%s%d %s", first ? ": " : ", ", t->rag[i], sp_pack_rags[i]);
            first = 0;
        }
    out(pg, "</text>\n");
}

/* Draws themes [from, to) as one SVG; the first carries the legend. The
 * chart is cut into several SVGs so that a long list of themes can break
 * across printed pages (an SVG cannot), all on the same scale. */
static void rag_chunk(page *pg, size_t from, size_t to, int scale_max)
{
    int row = BAR_LABEL_H + BAR_H + BAR_GAP, top = from == 0 ? 24 : 0;
    int height = top + (int)(to - from) * row;
    out(pg, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
            "aria-labelledby=\"rag-chart-%zu\">\n<title id=\"rag-chart-%zu\">Actions by "
            "theme, stacked by RAG rating%s</title>\n", CHART_W, height, CHART_W, height,
        from, from, from ? " (continued)" : "");
    if (from == 0)
        legend(pg, 0);
    for (size_t i = from; i < to; i++)
        bar(pg, &pg->p.themes[i], top + (int)(i - from) * row, scale_max, CHART_W - 190);
    out(pg, "</svg>\n");
}

static int rag_scale(const page *pg)
{
    int most = 1;
    for (size_t i = 0; i < pg->p.nthemes; i++)
        if (pg->p.themes[i].actions > most)
            most = pg->p.themes[i].actions;
    return most;
}

static void tally_row(page *pg, const sp_tally *t, const char *name)
{
    out(pg, "<tr><%s>", t->theme ? "td" : "th");
    esc(pg->out, name);
    out(pg, "</%s><td class=\"n\">%d</td>", t->theme ? "td" : "th", t->actions);
    for (int i = 0; i < SP_RAG_N; i++)
        if (t->rag[i])
            out(pg, "<td class=\"n rag rag-%s\">%d</td>", sp_pack_rags[i], t->rag[i]);
        else
            out(pg, "<td class=\"n\">0</td>");
    out(pg, "<td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
        t->status[0] + t->status[1], t->status[2] + t->status[3]);
}

static void write_rag_table(page *pg)
{
    out(pg, "<table id=\"by-theme\">\n<thead><tr><th>Theme</th><th class=\"n\">Actions</th>");
    for (int i = 0; i < SP_RAG_N; i++)
        out(pg, "<th class=\"n\">%s</th>", rag_titles[i]);
    out(pg, "<th class=\"n\">Open</th><th class=\"n\">Done</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < pg->p.nthemes; i++)
        tally_row(pg, &pg->p.themes[i], pg->p.themes[i].theme);
    out(pg, "</tbody>\n<tfoot>\n");
    tally_row(pg, &pg->p.total, "Total");
    out(pg, "</tfoot>\n</table>\n");
}

/* The chart in a sentence or two: the totals by rating, and the theme
 * with the most red actions. */
static void rag_summary(page *pg)
{
    const sp_tally *t = &pg->p.total, *worst = NULL;
    out(pg, "<p class=\"summary\">%d action%s in %zu theme%s:", t->actions,
        t->actions == 1 ? "" : "s", pg->p.nthemes, pg->p.nthemes == 1 ? "" : "s");
    for (int i = 0; i < SP_RAG_N; i++)
        out(pg, "%s %d %s", i ? (i == SP_RAG_N - 1 ? " and" : ",") : "", t->rag[i],
            sp_pack_rags[i]);
    out(pg, ".");
    if (t->overridden) /* counted as computed: the other rating beside it */
        out(pg, " Counts are of the computed rating; %d action%s shown otherwise by a "
                "manual override.", t->overridden, t->overridden == 1 ? " is" : "s are");
    for (size_t i = 0; i < pg->p.nthemes; i++)
        if (pg->p.themes[i].rag[0] && (!worst || pg->p.themes[i].rag[0] > worst->rag[0]))
            worst = &pg->p.themes[i];
    if (worst) {
        out(pg, " Most red: ");
        esc(pg->out, worst->theme);
        out(pg, " (%d of %d).", worst->rag[0], worst->actions);
    } else {
        out(pg, " No theme has a red action.");
    }
    out(pg, " The table below the chart gives every number.</p>\n");
}

/* The heading stays with the first part of the chart; the rest, and the
 * table, may go on to the next page. */
static void write_rag_section(page *pg)
{
    int most = rag_scale(pg);
    size_t n = pg->p.nthemes, first = n < BAR_CHUNK ? n : BAR_CHUNK;
    out(pg, "<section class=\"long\" id=\"rag-by-theme\">\n<div class=\"keep\">\n"
            "<h2>RAG rating by theme</h2>\n");
    if (n == 0)
        out(pg, "<p class=\"none\">No actions in the plan on this date.</p>\n");
    else {
        rag_summary(pg);
        rag_chunk(pg, 0, first, most);
    }
    out(pg, "</div>\n");
    for (size_t i = first; i < n; i += BAR_CHUNK)
        rag_chunk(pg, i, i + BAR_CHUNK < n ? i + BAR_CHUNK : n, most);
    if (n > 0)
        write_rag_table(pg);
    out(pg, "</section>\n");
}

/* ------------------------------------------------------------------ */
/* The trend: open and overdue actions at each month end               */

typedef struct point {
    char day[SP_DATE_SIZE];
    int32_t n; /* day number */
    int open, overdue;
} point;

typedef struct trend {
    point *pts;
    size_t n;
    int ymax, step;
    int32_t first, last;
} trend;

static int load_trend(trend *t, page *pg)
{
    sp_cursor *c;
    int rc = sp_plan_series(&c, pg->p.db, NULL, pg->p.as_of, pg->p.filter);
    if (rc != SP_OK)
        return rc;
    t->pts = calloc(SP_SERIES_MAX_MONTHS + 2, sizeof *t->pts);
    if (!t->pts)
        rc = sp_fail(pg->p.db, SP_ENOMEM, "out of memory");
    /* The series has at most one point per month of SP_SERIES_MAX_MONTHS,
     * plus the first month and the last day. */
    while (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW) {
        if (t->n == SP_SERIES_MAX_MONTHS + 2) {
            rc = sp_fail(pg->p.db, SP_ERROR, "internal error: the trend is too long");
            break;
        }
        point *p = &t->pts[t->n++];
        snprintf(p->day, sizeof p->day, "%s", sp_cursor_text(c, 0));
        sp_iso_days(p->day, &p->n);
        p->open = (int)sp_cursor_int(c, 2);
        p->overdue = (int)sp_cursor_int(c, 3);
        rc = SP_OK;
    }
    sp_cursor_free(c);
    return rc == SP_DONE ? SP_OK : rc;
}

/* The smallest round step (1, 2 or 5 times a power of ten) that reaches
 * `most` in at most five steps. */
static int nice_step(int most)
{
    for (int mag = 1;; mag *= 10) {
        if (mag * 5 >= most)
            return mag;
        if (mag * 10 >= most)
            return mag * 2;
        if (mag * 25 >= most || mag > INT_MAX / 100)
            return mag * 5;
    }
}

static void scale(trend *t)
{
    int most = 1;
    for (size_t i = 0; i < t->n; i++)
        if (t->pts[i].open > most)
            most = t->pts[i].open;
    t->step = nice_step(most);
    t->ymax = ((most + t->step - 1) / t->step) * t->step;
    t->first = t->pts[0].n;
    t->last = t->pts[t->n - 1].n;
}

static int tx(const trend *t, int32_t day)
{
    int w = CHART_W - TREND_LEFT - TREND_RIGHT;
    if (t->last == t->first)
        return TREND_LEFT + w / 2;
    return TREND_LEFT + (int)((int64_t)(day - t->first) * w / (t->last - t->first));
}

static int ty(const trend *t, int v)
{
    int h = TREND_H - TREND_TOP - TREND_BOTTOM;
    return TREND_TOP + h - (int)((int64_t)v * h / t->ymax);
}

static void trend_axes(page *pg, const trend *t)
{
    for (int v = 0; v <= t->ymax; v += t->step) {
        out(pg, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                "stroke-width=\"1\"/>", TREND_LEFT, ty(t, v), CHART_W - TREND_RIGHT, ty(t, v),
            v ? "#ddd" : "#666");
        out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%d</text>\n",
            TREND_LEFT - 4, ty(t, v) + 3, v);
    }
}

/* Labels the x axis at quarter ends (or at each year's end when the plan
 * runs longer than three years), always including the first and last
 * points. A label is about 48 units wide: the end labels align inwards so
 * they stay inside the chart, and a label too close to another is left out. */
static void trend_months(page *pg, const trend *t)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    bool yearly = t->n > 36;
    int taken = -1000, end_x = tx(t, t->last);
    for (size_t i = 0; i < t->n; i++) {
        const char *d = t->pts[i].day;
        int m = (d[5] - '0') * 10 + (d[6] - '0'), x = tx(t, t->pts[i].n);
        bool first = i == 0, last = i + 1 == t->n;
        if (!first && !last && (!(yearly ? m == 12 : m % 3 == 0) || x - taken < 56 ||
                                end_x - x < 80))
            continue;
        if (last && i > 0 && x - taken < 56)
            continue;
        taken = first ? x + 24 : x;
        out(pg, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>", x,
            TREND_H - TREND_BOTTOM, x, TREND_H - TREND_BOTTOM + 4);
        out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"%s\">%s %.4s"
                "</text>\n", x, TREND_H - TREND_BOTTOM + 16,
            first ? "start" : last ? "end" : "middle", mon[m - 1], d);
    }
}

static void trend_line(page *pg, const trend *t, bool overdue, const char *colour)
{
    out(pg, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
    for (size_t i = 0; i < t->n; i++)
        out(pg, "%s%d,%d", i ? " " : "", tx(t, t->pts[i].n),
            ty(t, overdue ? t->pts[i].overdue : t->pts[i].open));
    out(pg, "\"/>\n");
    for (size_t i = 0; i < t->n; i++) {
        int v = overdue ? t->pts[i].overdue : t->pts[i].open;
        out(pg, "<circle cx=\"%d\" cy=\"%d\" r=\"2.5\" fill=\"%s\"><title>%s: %d %s</title>"
                "</circle>\n", tx(t, t->pts[i].n), ty(t, v), colour, t->pts[i].day, v,
            overdue ? "overdue" : "open");
    }
}

/* A dashed line at the last meeting (since), when it falls inside. */
static void trend_since(page *pg, const trend *t)
{
    int32_t day;
    if (!sp_iso_days(pg->p.since, &day) || day <= t->first || day >= t->last)
        return;
    int x = tx(t, day);
    out(pg, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" "
            "stroke-dasharray=\"4 3\"/>", x, TREND_TOP, x, TREND_H - TREND_BOTTOM);
    out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#555\">since</text>\n", x + 3,
        TREND_TOP + 9);
}

static void trend_chart(page *pg, const trend *t)
{
    out(pg, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
            "aria-labelledby=\"trend-title\">\n<title id=\"trend-title\">Open and overdue "
            "actions at each month end</title>\n", CHART_W, TREND_H + 16, CHART_W,
        TREND_H + 16);
    trend_axes(pg, t);
    trend_months(pg, t);
    trend_since(pg, t);
    trend_line(pg, t, false, "#1f4e79");
    trend_line(pg, t, true, "#c00000");
    /* Each line named at its end as well as in the legend. */
    const point *end = &t->pts[t->n - 1];
    out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
            "fill=\"#1f4e79\">open %d</text>\n", tx(t, end->n) - 4, ty(t, end->open) - 5,
        end->open);
    out(pg, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
            "fill=\"#c00000\">overdue %d</text>\n", tx(t, end->n) - 4,
        ty(t, end->overdue) + (end->overdue + 2 > end->open ? 14 : -5), end->overdue);
    int y = TREND_H + 8;
    out(pg, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"#1f4e79\"/>"
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">Open</text>", TREND_LEFT, y,
        TREND_LEFT + 18, y + 5);
    out(pg, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"#c00000\"/>"
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">Overdue</text>\n</svg>\n",
        TREND_LEFT + 80, y, TREND_LEFT + 98, y + 5);
}

/* The chart in words: where it ends, a year before, and the peak. */
static void trend_summary(page *pg, const trend *t)
{
    char day[32], then[32], peak_day[32];
    const point *end = &t->pts[t->n - 1], *year = t->n > 12 ? &t->pts[t->n - 13] : NULL;
    const point *peak = &t->pts[0];
    for (size_t i = 1; i < t->n; i++)
        if (t->pts[i].overdue > peak->overdue)
            peak = &t->pts[i];
    sp_date_words(day, end->day);
    out(pg, "<p class=\"summary\">On %s: %d open, %d overdue.", day, end->open, end->overdue);
    if (year) {
        sp_date_words(then, year->day);
        out(pg, " A year before (%s): %d open, %d overdue.", then, year->open, year->overdue);
    }
    sp_date_words(peak_day, peak->day);
    if (peak->overdue)
        out(pg, " Most overdue at a month end: %d, on %s.", peak->overdue, peak_day);
    else
        out(pg, " No action was overdue at any month end.");
    out(pg, " Every point is in the table after the chart.</p>\n");
}

/* The chart's numbers, one row per point. */
static void trend_table(page *pg, const trend *t)
{
    out(pg, "<table id=\"trend-table\" class=\"narrow\">\n<caption>Open and overdue actions "
            "at each month end</caption>\n<thead><tr><th scope=\"col\">Date</th>"
            "<th scope=\"col\" class=\"n\">Open</th><th scope=\"col\" class=\"n\">Overdue"
            "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < t->n; i++)
        out(pg, "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
            t->pts[i].day, t->pts[i].open, t->pts[i].overdue);
    out(pg, "</tbody>\n</table>\n");
}

static int write_trend(page *pg)
{
    trend t = {0};
    int rc = load_trend(&t, pg);
    if (rc == SP_OK) {
        out(pg, "<section class=\"long\" id=\"trend\">\n<h2>Open and overdue actions, "
                "month by month</h2>\n"
                "<p class=\"meta\">Counted at the end of each month of the plan&#8217;s life "
                "from its recorded history, as the plan stood on each date.</p>\n");
        if (t.n > 0) {
            scale(&t);
            trend_summary(pg, &t);
            trend_chart(pg, &t);
            trend_table(pg, &t);
        }
        out(pg, "</section>\n");
    }
    free(t.pts);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The overdue table                                                   */

typedef struct overdue_cols {
    int days, aging, path, action, owner, original, due, last, rag, reason;
} overdue_cols;

static bool find_overdue_cols(overdue_cols *k, const sp_cursor *c)
{
    const char *names[] = {"days_overdue", "aging", "path", "action", "owner",
                           "original_due_on", "due_on", "last_update_on", "rag",
                           "rag_reason"};
    int *slots[] = {&k->days, &k->aging, &k->path, &k->action, &k->owner,
                    &k->original, &k->due, &k->last, &k->rag, &k->reason};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if ((*slots[i] = sp_cursor_column(c, names[i])) < 0)
            return false;
    return true;
}

static void cell(page *pg, const char *cls, const char *text)
{
    out(pg, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    esc(pg->out, text);
    out(pg, "</td>");
}

/* "30 Sep 2013": short enough for a narrow column; "-" for none. */
static void date_cell(page *pg, const char *iso)
{
    char words[32];
    sp_date_words(words, iso);
    const char *month = strchr(words, ' ');
    const char *year = month ? strchr(month + 1, ' ') : NULL;
    if (!iso || !year)
        out(pg, "<td class=\"nowrap\">&#8211;</td>");
    else
        out(pg, "<td class=\"nowrap\">%.*s%.3s%s</td>", (int)(month - words + 1), words,
            month + 1, year);
}

static void overdue_row(page *pg, sp_cursor *c, const overdue_cols *k)
{
    const char *rag = sp_cursor_text(c, k->rag);
    const char *original = sp_cursor_text(c, k->original), *due = sp_cursor_text(c, k->due);
    char cls[40];
    out(pg, "<tr>");
    cell(pg, "n", sp_cursor_text(c, k->days));
    cell(pg, "nowrap", sp_cursor_text(c, k->aging));
    out(pg, "<td><span class=\"path\">");
    esc(pg->out, sp_cursor_text(c, k->path));
    out(pg, "</span>");
    esc(pg->out, sp_cursor_text(c, k->action));
    out(pg, "</td>");
    cell(pg, NULL, sp_cursor_text(c, k->owner));
    date_cell(pg, due);
    if (original && due && strcmp(original, due) != 0)
        date_cell(pg, original);
    else
        out(pg, "<td>&#8211;</td>");
    date_cell(pg, sp_cursor_text(c, k->last));
    snprintf(cls, sizeof cls, "rag rag-%s", sp_pack_rag_index(rag) >= 0 ? rag : "none");
    cell(pg, cls, rag);
    cell(pg, NULL, sp_cursor_text(c, k->reason));
    out(pg, "</tr>\n");
}

static int overdue_rows(page *pg, sp_cursor *c)
{
    overdue_cols k;
    int rc;
    if (!find_overdue_cols(&k, c))
        return sp_fail(pg->p.db, SP_ERROR, "internal error: plan_at lacks a column");
    out(pg, "<table id=\"overdue-actions\">\n<colgroup><col style=\"width: 5%%\"/>"
            "<col style=\"width: 6%%\"/><col style=\"width: 29%%\"/>"
            "<col style=\"width: 13%%\"/><col style=\"width: 9%%\"/>"
            "<col style=\"width: 9%%\"/><col style=\"width: 9%%\"/>"
            "<col style=\"width: 5%%\"/><col style=\"width: 15%%\"/></colgroup>\n"
            "<thead><tr><th class=\"n\">Days</th>"
            "<th>Aging</th><th>Action</th><th>Owner</th><th>Due</th><th>Originally due</th>"
            "<th>Last update</th><th>RAG</th><th>Why</th></tr></thead>\n<tbody>\n");
    while ((rc = sp_cursor_step(c)) == SP_ROW)
        overdue_row(pg, c, &k);
    out(pg, "</tbody>\n</table>\n");
    return rc == SP_DONE ? SP_OK : rc;
}

static int write_overdue(page *pg)
{
    sp_cursor *c;
    int rc = sp_plan_at_open(&c, pg->p.db, pg->p.as_of, pg->p.filter, SP_PLAN_OVERDUE);
    if (rc != SP_OK)
        return rc;
    out(pg, "<section class=\"long\" id=\"overdue\">\n<h2>Overdue actions (%d)</h2>\n",
        pg->p.overdue);
    if (pg->p.overdue == 0)
        out(pg, "<p class=\"none\">No action was overdue on this date.</p>\n");
    else
        out(pg, "<p class=\"meta\">Open actions past the due date in force, most overdue "
                "first.</p>\n");
    rc = pg->p.overdue ? overdue_rows(pg, c) : SP_OK;
    sp_cursor_free(c);
    out(pg, "</section>\n");
    return rc;
}

/* ------------------------------------------------------------------ */
/* The key, and the page                                               */

static void write_key(page *pg)
{
    char rule[300];
    out(pg, "<section id=\"key\">\n<h2>Key</h2>\n<table id=\"rag-key\">\n<tbody>\n");
    for (int i = 0; i < SP_RAG_N; i++) {
        sp_pack_rag_rule(rule, sizeof rule, &pg->p, i);
        out(pg, "<tr><td class=\"rag rag-%s\">%s</td><td>", sp_pack_rags[i], rag_titles[i]);
        esc(pg->out, rule);
        out(pg, "</td></tr>\n");
    }
    out(pg, "</tbody>\n</table>\n<p>Ratings are worked out for the as-of date from the "
            "status and due dates recorded by then; the first rule that matches wins. A "
            "manual override replaces the rating; its reason says so and keeps the computed "
            "rating beside it. Settings in force: rag.amber_days = %d, rag.stale_days = %d."
            "</p>\n</section>\n", pg->p.amber_days, pg->p.stale_days);
}

static int tally_all(page *pg)
{
    sp_cursor *c;
    /* counted: the order does not matter, nor any column but a count's */
    int rc = sp_plan_at_open(&c, pg->p.db, pg->p.as_of, pg->p.filter, SP_PLAN_COUNTS);
    while (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW)
        rc = sp_pack_tally(&pg->p, c);
    sp_cursor_free(c);
    if (rc == SP_DONE || rc == SP_OK)
        rc = sp_pack_tally_end(&pg->p);
    return rc;
}

/* --- closure (issue #14): awaiting verification, and the checkpoint -- */

/* Claimed complete, not yet verified by a second person: the slippage
 * committees miss, since a complete action is never overdue. */
static int awaiting_rows(page *pg, sp_cursor *c, int *n)
{
    int rc;
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        if (!sp_pack_has(&pg->p, sp_cursor_int(c, 0)))
            continue;
        if ((*n)++ == 0)
            out(pg, "<table id=\"awaiting-actions\">\n<thead><tr><th class=\"n\">Days "
                    "awaiting</th><th>Action</th><th>Owner</th><th>Claimed by</th>"
                    "<th>Claimed on</th></tr></thead>\n<tbody>\n");
        out(pg, "<tr>");
        cell(pg, "n", sp_cursor_text(c, 6));
        out(pg, "<td><span class=\"path\">");
        esc(pg->out, sp_cursor_text(c, 1));
        out(pg, "</span>");
        esc(pg->out, sp_cursor_text(c, 2));
        out(pg, "</td>");
        cell(pg, NULL, sp_cursor_text(c, 3));
        cell(pg, NULL, sp_cursor_text(c, 4));
        date_cell(pg, sp_cursor_text(c, 5));
        out(pg, "</tr>\n");
    }
    if (*n)
        out(pg, "</tbody>\n</table>\n");
    return rc == SP_DONE ? SP_OK : rc;
}

static int write_awaiting(page *pg)
{
    sp_cursor *c;
    int n = 0, rc = sp_pack_awaiting(&c, &pg->p);
    if (rc != SP_OK)
        return rc;
    out(pg, "<section id=\"awaiting\">\n<h2>Awaiting verification</h2>\n<p class=\"meta\">"
            "Claimed complete by an officer, not yet signed off by a second person (a "
            "manager or an auditor); days since the claim.</p>\n");
    rc = awaiting_rows(pg, c, &n);
    sp_cursor_free(c);
    if (n == 0)
        out(pg, "<p class=\"none\">No claim of completion was awaiting verification on "
                "this date.</p>\n");
    out(pg, "</section>\n");
    return rc;
}

/* The checkpoint the report was made from, verbatim in a <pre> (its
 * fields are hex, digits and dates: escaping leaves them as they are), so
 * `safeplan verify --checkpoint REPORT.html` can later prove the history
 * extends it. */
static int write_checkpoint(page *pg)
{
    char *text = NULL;
    int rc = sp_checkpoint(&text, pg->p.db, pg->p.key_path);
    if (rc != SP_OK)
        return rc;
    out(pg, "<section id=\"checkpoint\">\n<h2>Checkpoint</h2>\n<p class=\"meta\">");
    if (pg->p.key_path)
        out(pg, "The history this report was made from, signed. To prove later that the "
                "history has not been rewritten since: <code>safeplan verify --checkpoint "
                "THIS-FILE.html</code>.");
    else
        out(pg, "Unsigned: no key was given (report --key FILE, or SAFEPLAN_KEY), so this "
                "records the history's size and head but cannot prove it.");
    out(pg, "</p>\n<pre id=\"checkpoint-text\">");
    esc(pg->out, text);
    out(pg, "</pre>\n</section>\n");
    sp_free(text);
    return SP_OK;
}
/* --- end closure ---------------------------------------------------- */

static int write_page(page *pg)
{
    write_head(pg);
    int rc = write_header(pg);
    if (rc != SP_OK)
        return rc;
    write_headline(pg);
    write_rag_section(pg);
    sp_pack_drop_themes(&pg->p); /* not read again; the overdue list's sort is next */
    if ((rc = write_trend(pg)) != SP_OK || (rc = write_overdue(pg)) != SP_OK ||
        (rc = write_awaiting(pg)) != SP_OK)
        return rc;
    write_key(pg);
    if ((rc = write_checkpoint(pg)) != SP_OK)
        return rc;
    out(pg, "<footer>Made by safeplan %s on %s.</footer>\n</body>\n</html>\n", SP_VERSION,
        pg->p.today);
    return SP_OK;
}

int sp_report_html(sp_db *db, FILE *outf, const sp_pack_opts *opts)
{
    page pg = {.out = outf};
    int rc = sp_pack_start(&pg.p, db, opts);
    if (rc != SP_OK)
        return rc;
    rc = tally_all(&pg);
    if (rc == SP_OK)
        rc = write_page(&pg);
    if (rc == SP_OK && (fflush(outf) != 0 || ferror(outf)))
        rc = sp_fail(db, SP_ERROR, "cannot write the report: the output failed (disk full?)");
    sp_pack_finish(&pg.p);
    return rc;
}
