/*
 * xlsx_sheet.c — one worksheet's cells as rows (see xlsx.h).
 *
 * The sheet is read twice, streaming both times (memory holds one row,
 * never the sheet). A sheet lists its merged ranges after its cells, and
 * its width (the rightmost column holding a value) is known only at the
 * end, so the first pass finds those and counts the rows that hold values
 * (refusing a sheet of too many before any row is imported); the second
 * delivers the rows.
 */
#define SP_XLSX_PRIVATE 1
#include "xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "safeplan.h"

typedef struct merge {
    size_t r1, c1, r2, c2;
    char *value; /* the top-left cell's, once its row is read */
    size_t len;
    unsigned char mark; /* and its SP_CELL_* */
} merge;

typedef struct sheet_reader {
    xlsx_parse base;
    const char *name;
    bool deliver;            /* the second pass */
    sp_csv_row_fn on_row;
    void *ctx;
    /* found by the first pass */
    size_t width, rows_with_values;
    merge *merges;
    size_t nmerges;
    /* Hidden columns (<cols>, before the cells): hidden[c - 1] is 1 for
     * column c; NULL if none is. Rows hidden by a filter (the sheet has an
     * autoFilter) are delivered as shown: a filter is a view of the plan,
     * not an edit of it, and the clerk who saved it filtered to the red
     * actions still keeps them all. */
    unsigned char *hidden;
    bool filtered;
    /* where the parser is */
    size_t row, col;
    bool in_row, in_cell, in_v, in_is, in_t, in_rph;
    bool row_hidden;         /* the row is hidden in Excel */
    bool has_f, has_v;       /* the cell has a formula; a cached value */
    /* the cell being read */
    char type[12];
    unsigned char num_mark;  /* the number cell's SP_CELL_* (number_mark) */
    size_t style;
    xlsx_buf text;
    /* the row being read: its cells' values, in rowbuf (the first pass
     * only counts their bytes, in row_bytes) */
    xlsx_buf rowbuf;
    size_t row_bytes;
    size_t *cell_col, *cell_at, *cell_len;
    unsigned char *cell_mark; /* SP_CELL_* of each */
    unsigned char *marks;     /* the delivered row's, one per field */
    bool row_marked;
    size_t ncells, cells_cap;
    /* delivery */
    sp_csv_field *fields;
    size_t records, next_merge;
    size_t *active;
    size_t nactive;
} sheet_reader;

static int stop(sheet_reader *s, int code, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int stop(sheet_reader *s, int code, size_t column, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return xlsx_stop(&s->base, code, column ? s->row : 0, column, "%s", msg);
}

static int no_memory(sheet_reader *s)
{
    return xlsx_stop(&s->base, SP_ENOMEM, 0, 0, "out of memory");
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static int take_shared(sheet_reader *s, const char **value, size_t *len)
{
    const sp_xlsx *x = s->base.x;
    char *end;
    errno = 0;
    unsigned long long i = strtoull(s->text.p, &end, 10);
    if (errno || end == s->text.p || *end || s->text.p[0] == '-' || i >= x->nstrings)
        return stop(s, SP_EINVALID, s->col, "the cell refers to shared string '%.40s', which "
                    "the workbook does not have (it has %zu): the workbook is damaged",
                    s->text.p, x->nstrings);
    if (!s->deliver) { /* the first pass needs only whether there is text */
        *value = NULL;
        *len = xlsx_shared_length(x, (size_t)i);
        return SP_OK;
    }
    return xlsx_shared_string(&s->base, (size_t)i, value, len);
}

/* A number as a workbook stores it (an optional sign, digits with an
 * optional point, an optional exponent): strtod alone also reads "0x10"
 * as 16, " 12", "inf" and "nan", which no spreadsheet writes in a cell. */
static bool stored_number(const char *p)
{
    size_t digits = 0;
    p += *p == '-' || *p == '+';
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (digits && (*p == 'e' || *p == 'E')) {
        p++;
        p += *p == '-' || *p == '+';
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return digits && *p == '\0';
}

/* Whether a number cell shows a date, or a whole number that is a
 * date's day: in a reference column, Excel has turned "1.2" into a date
 * (import.c refuses it there); in a date column, a day in 1900 is a small
 * number typed into a date cell, or Excel's 29 February 1900. */
static unsigned char number_mark(sp_xlsx_kind kind, double v, unsigned decimals, bool date1904)
{
    if (kind == SP_XLSX_DATE || kind == SP_XLSX_DATETIME || kind == SP_XLSX_MONTH)
        return v < 0 || v >= 2958466.0 ? SP_CELL_PLAIN /* shown as a number */
               : !date1904 && v < 367 ? SP_CELL_DATE_1900 : SP_CELL_DATE;
    if (kind == SP_XLSX_NUMBER && !decimals && v >= (date1904 ? 36526 - 1462 : 36526) &&
        v <= (date1904 ? 73050 - 1462 : 73050) && v == (double)(long)v)
        return SP_CELL_SERIAL; /* 2000-01-01 to 2099-12-31 */
    return SP_CELL_PLAIN;
}

static int take_number(sheet_reader *s, char *num, size_t size)
{
    sp_xlsx *x = s->base.x;
    sp_xlsx_kind kind = s->style < x->nkinds ? (sp_xlsx_kind)x->kinds[s->style]
                                             : SP_XLSX_NUMBER;
    locale_t old = uselocale(x->c_numeric);
    char *end;
    double v = strtod(s->text.p, &end);
    bool ok = stored_number(s->text.p) && *end == '\0' && isfinite(v);
    unsigned decimals = s->style < x->nkinds ? x->decimals[s->style] : 0;
    if (ok && kind == SP_XLSX_NUMBER && decimals && fabs(v) < 1e15)
        snprintf(num, size, "%.*f", (int)decimals, v); /* 1.10 as shown, not 1.1 */
    else if (ok)
        sp_xlsx_format_number(num, size, v, kind, x->date1904);
    if (ok)
        s->num_mark = number_mark(kind, v, decimals, x->date1904);
    uselocale(old);
    if (!ok)
        return stop(s, SP_EINVALID, s->col, "a number cell holds '%.40s': the workbook is "
                    "damaged", s->text.p);
    return SP_OK;
}

/* A cell typed "d" holds an ISO 8601 date-time: shown as its date, as a
 * number cell formatted as a date is. */
static void take_iso(sheet_reader *s, char *out, size_t size)
{
    snprintf(out, size, "%.10s", s->text.p);
}

/* The cell's value as text (what the reader sees). */
static int cell_value(sheet_reader *s, const char **value, size_t *len, char *num, size_t size)
{
    const char *t = s->type;
    *value = s->text.p;
    *len = s->text.len;
    if (s->text.len == 0)
        return SP_OK;
    if (strcmp(t, "s") == 0)
        return take_shared(s, value, len);
    if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        xlsx_unescape(&s->text);
        *len = s->text.len;
        return SP_OK;
    }
    if (strcmp(t, "e") == 0)
        return SP_OK; /* an error value such as #N/A, as shown */
    if (strcmp(t, "b") == 0) {
        *value = strcmp(s->text.p, "0") == 0 ? "FALSE" : "TRUE";
    } else if (strcmp(t, "d") == 0) {
        take_iso(s, num, size);
        s->num_mark = SP_CELL_DATE;
        *value = num;
    } else {
        int rc = take_number(s, num, size);
        if (rc != SP_OK)
            return rc;
        *value = num;
    }
    *len = strlen(*value);
    return SP_OK;
}

/* The first pass counts the row's cells and bytes (against the limit),
 * without keeping them: only the second delivers rows. */
static int count_cell(sheet_reader *s, size_t len)
{
    s->ncells++;
    s->row_bytes += len + 1;
    if (s->row_bytes > SP_CSV_MAX_RECORD_BYTES)
        return stop(s, SP_EINVALID, s->col, "row %zu holds more than %zu MiB: expected a row "
                    "of a plan", s->row, SP_CSV_MAX_RECORD_BYTES >> 20);
    return SP_OK;
}

static int keep_cell(sheet_reader *s, const char *value, size_t len, unsigned char mark)
{
    if (!s->deliver)
        return count_cell(s, len);
    if (s->ncells == s->cells_cap) {
        size_t cap = s->cells_cap ? s->cells_cap * 2 : 32;
        size_t *c = realloc(s->cell_col, cap * sizeof *c);
        if (c)
            s->cell_col = c;
        size_t *a = c ? realloc(s->cell_at, cap * sizeof *a) : NULL;
        if (a)
            s->cell_at = a;
        size_t *l = a ? realloc(s->cell_len, cap * sizeof *l) : NULL;
        if (l)
            s->cell_len = l;
        unsigned char *k = l ? realloc(s->cell_mark, cap) : NULL;
        if (!k)
            return no_memory(s);
        s->cell_mark = k;
        s->cells_cap = cap;
    }
    s->cell_mark[s->ncells] = mark;
    s->cell_col[s->ncells] = s->col;
    s->cell_at[s->ncells] = s->rowbuf.len;
    s->cell_len[s->ncells++] = len;
    int rc = xlsx_buf_add(&s->rowbuf, value, len + 1, SP_CSV_MAX_RECORD_BYTES);
    if (rc == SP_EINVALID)
        return stop(s, rc, s->col, "row %zu holds more than %zu MiB: expected a row of a plan",
                    s->row, SP_CSV_MAX_RECORD_BYTES >> 20);
    return rc == SP_OK ? SP_OK : no_memory(s);
}

static void end_cell(sheet_reader *s)
{
    const char *value;
    size_t len;
    char num[64];
    s->in_cell = false;
    s->num_mark = SP_CELL_PLAIN;
    if (cell_value(s, &value, &len, num, sizeof num) != SP_OK)
        return;
    /* The importer refuses these where it reads the column (import.c):
     * an error's text or an uncalculated formula's emptiness is no value,
     * but a column nobody imports may hold them. */
    unsigned char mark = strcmp(s->type, "e") == 0 ? SP_CELL_ERROR
                         : s->has_f && !s->has_v ? SP_CELL_UNCALCULATED : s->num_mark;
    if (len == 0 && mark == SP_CELL_PLAIN)
        return;
    if (!s->deliver && s->col > s->width)
        s->width = s->col;
    keep_cell(s, value, len, mark);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

/* An XML boolean attribute: "1" or "true". */
static bool is_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static int compare_merges(const void *a, const void *b)
{
    const merge *x = a, *y = b;
    return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

/* Brings the merged ranges that span this row into the active list. */
static int track_merges(sheet_reader *s)
{
    size_t kept = 0;
    for (size_t i = 0; i < s->nactive; i++) {
        merge *m = &s->merges[s->active[i]];
        if (m->r2 >= s->row) {
            s->active[kept++] = s->active[i];
        } else { /* passed: its value is not needed again (rows come in order) */
            free(m->value);
            m->value = NULL;
        }
    }
    s->nactive = kept;
    while (s->next_merge < s->nmerges && s->merges[s->next_merge].r1 <= s->row) {
        if (s->merges[s->next_merge].r2 >= s->row)
            s->active[s->nactive++] = s->next_merge;
        s->next_merge++;
    }
    return SP_OK;
}

/* Every cell of a merged range shows the top-left cell's value. */
static int fill_merges(sheet_reader *s)
{
    for (size_t i = 0; i < s->nactive; i++) {
        merge *m = &s->merges[s->active[i]];
        if (m->r1 == s->row && m->c1 <= s->width && s->fields[m->c1 - 1].len > 0 &&
            !m->value) {
            m->len = s->fields[m->c1 - 1].len;
            if (!(m->value = malloc(m->len + 1)))
                return no_memory(s);
            memcpy(m->value, s->fields[m->c1 - 1].data, m->len + 1);
            m->mark = s->marks[m->c1 - 1];
        }
        for (size_t c = m->c1; m->value && c <= m->c2 && c <= s->width; c++) {
            s->fields[c - 1] = (sp_csv_field){m->value, m->len};
            s->marks[c - 1] = m->mark; /* an error merged down is an error in each row */
            s->row_marked |= m->mark != SP_CELL_PLAIN;
        }
    }
    return SP_OK;
}

static int deliver(sheet_reader *s)
{
    for (size_t c = 0; c < s->width; c++)
        s->fields[c] = (sp_csv_field){"", 0};
    if (s->row_marked)
        memset(s->marks, 0, s->width ? s->width : 1);
    s->row_marked = false;
    for (size_t i = 0; i < s->ncells && s->cell_col[i] <= s->width; i++) {
        s->fields[s->cell_col[i] - 1] = (sp_csv_field){s->rowbuf.p + s->cell_at[i],
                                                       s->cell_len[i]};
        s->marks[s->cell_col[i] - 1] = s->cell_mark[i];
        s->row_marked |= s->cell_mark[i] != SP_CELL_PLAIN;
    }
    int rc = track_merges(s);
    if (rc == SP_OK)
        rc = fill_merges(s);
    if (rc != SP_OK || s->ncells == 0)
        return rc; /* a row with no value of its own, like a blank CSV line */
    sp_csv_row row = {s->fields, s->width, s->row, ++s->records,
                      s->row_marked ? s->marks : NULL, s->hidden,
                      s->row_hidden && !s->filtered};
    rc = s->on_row(s->ctx, &row);
    if (rc != 0) {
        s->base.err->code = rc;
        s->base.err->row = s->row;
        XML_StopParser(s->base.parser, XML_FALSE);
    }
    return rc;
}

static void end_row(sheet_reader *s)
{
    s->in_row = false;
    if (s->deliver) {
        deliver(s);
        return;
    }
    if (s->ncells > 0 && ++s->rows_with_values > SP_XLSX_MAX_ROWS)
        stop(s, SP_EINVALID, 0, "sheet '%s' has more than %zu rows holding values (row %zu is "
             "one too many): a plan has far fewer; is it the right sheet?", s->name,
             SP_XLSX_MAX_ROWS, s->row);
}

static void start_row(sheet_reader *s, const char **attrs)
{
    const char *r = xlsx_attr(attrs, "r");
    size_t n = s->row + 1;
    if (r) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(r, &end, 10);
        n = errno || *end || end == r || v > SP_XLSX_LAST_ROW ? 0 : (size_t)v;
    }
    if (n == 0 || n > SP_XLSX_LAST_ROW || n <= s->row) {
        stop(s, SP_EINVALID, 0, "sheet '%s' has a row numbered '%.20s' after row %zu: "
             "expected rows in order, 1 to %zu (the workbook is damaged)", s->name,
             r ? r : "?", s->row, SP_XLSX_LAST_ROW);
        return;
    }
    s->row = n;
    s->col = 0;
    s->row_hidden = is_true(xlsx_attr(attrs, "hidden"));
    s->ncells = 0;
    s->rowbuf.len = 0;
    s->row_bytes = 0;
    s->in_row = true;
}

static void start_cell(sheet_reader *s, const char **attrs)
{
    const char *ref = xlsx_attr(attrs, "r"), *t = xlsx_attr(attrs, "t");
    const char *style = xlsx_attr(attrs, "s");
    size_t row = s->row, col = s->col + 1;
    if (!s->in_row || (ref && !xlsx_parse_ref(ref, &row, &col)) || row != s->row ||
        col <= s->col || col > SP_XLSX_MAX_COLS) {
        stop(s, SP_EINVALID, 0, "sheet '%s' has a cell '%.20s' out of place in row %zu: "
             "expected cells in order, columns A to XFD (the workbook is damaged)", s->name,
             ref ? ref : "?", s->row);
        return;
    }
    s->col = col;
    snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
    s->style = style ? (size_t)strtoul(style, NULL, 10) : 0;
    s->has_f = s->has_v = false;
    s->text.len = 0;
    if (xlsx_buf_add(&s->text, "", 0, SIZE_MAX) != SP_OK)
        no_memory(s);
    s->in_cell = true;
}

static void add_merge(sheet_reader *s, const char *ref)
{
    char first[16], *colon = ref ? strchr(ref, ':') : NULL;
    merge m = {0, 0, 0, 0, NULL, 0, 0};
    size_t n = colon ? (size_t)(colon - ref) : 0;
    if (n > 0 && n < sizeof first) {
        memcpy(first, ref, n);
        first[n] = '\0';
    }
    if (n == 0 || n >= sizeof first || !xlsx_parse_ref(first, &m.r1, &m.c1) ||
        !xlsx_parse_ref(colon + 1, &m.r2, &m.c2) || m.r2 < m.r1 || m.c2 < m.c1) {
        stop(s, SP_EINVALID, 0, "sheet '%s' has a merged range '%.30s': expected a range such "
             "as A2:A5 (the workbook is damaged)", s->name, ref ? ref : "?");
        return;
    }
    if (s->nmerges == SP_XLSX_MAX_MERGES) {
        stop(s, SP_EINVALID, 0, "sheet '%s' has more than %zu merged ranges: expected a plan",
             s->name, SP_XLSX_MAX_MERGES);
        return;
    }
    if ((s->nmerges & (s->nmerges - 1)) == 0) {
        merge *grown = realloc(s->merges, (s->nmerges ? s->nmerges * 2 : 1) * sizeof *grown);
        if (!grown) {
            no_memory(s);
            return;
        }
        s->merges = grown;
    }
    s->merges[s->nmerges++] = m;
}

/* A column range of <cols>: hidden="1" is what Excel's Hide writes. */
static void add_cols(sheet_reader *s, const char **attrs)
{
    size_t min = (size_t)strtoul(xlsx_attr(attrs, "min") ? xlsx_attr(attrs, "min") : "0",
                                 NULL, 10);
    size_t max = (size_t)strtoul(xlsx_attr(attrs, "max") ? xlsx_attr(attrs, "max") : "0",
                                 NULL, 10);
    if (!is_true(xlsx_attr(attrs, "hidden")) || min == 0 || max < min)
        return;
    if (!s->hidden && !(s->hidden = calloc(SP_XLSX_MAX_COLS, 1))) {
        no_memory(s);
        return;
    }
    for (size_t c = min; c <= max && c <= SP_XLSX_MAX_COLS; c++)
        s->hidden[c - 1] = 1;
}

/* ------------------------------------------------------------------ */
/* expat's handlers                                                    */

static void on_start(void *ud, const char *name, const char **attrs)
{
    sheet_reader *s = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "row") == 0)
        start_row(s, attrs);
    else if (strcmp(el, "mergeCell") == 0 && !s->deliver)
        add_merge(s, xlsx_attr(attrs, "ref"));
    else if (strcmp(el, "col") == 0 && !s->deliver && !s->in_row)
        add_cols(s, attrs);
    else if (strcmp(el, "autoFilter") == 0)
        s->filtered = true;
    else if (strcmp(el, "c") == 0)
        start_cell(s, attrs);
    else if (!s->in_cell)
        return;
    else if (strcmp(el, "v") == 0)
        s->in_v = s->has_v = true;
    else if (strcmp(el, "f") == 0)
        s->has_f = true;
    else if (strcmp(el, "is") == 0)
        s->in_is = true;
    else if (strcmp(el, "rPh") == 0)
        s->in_rph = true;
    else if (strcmp(el, "t") == 0)
        s->in_t = s->in_is && !s->in_rph;
}

static void on_end(void *ud, const char *name)
{
    sheet_reader *s = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "c") == 0 && s->in_cell)
        end_cell(s);
    else if (strcmp(el, "row") == 0 && s->in_row)
        end_row(s);
    else if (strcmp(el, "v") == 0)
        s->in_v = false;
    else if (strcmp(el, "is") == 0)
        s->in_is = false;
    else if (strcmp(el, "rPh") == 0)
        s->in_rph = false;
    else if (strcmp(el, "t") == 0)
        s->in_t = false;
}

static void on_text(void *ud, const char *text, int len)
{
    sheet_reader *s = ud;
    if (!s->in_cell || !(s->in_v || (s->in_is && s->in_t)))
        return;
    int rc = xlsx_buf_add(&s->text, text, (size_t)len, SP_CSV_MAX_FIELD_BYTES);
    if (rc == SP_EINVALID)
        stop(s, rc, s->col, "the cell holds more than %zu MiB: expected the text of a cell",
             SP_CSV_MAX_FIELD_BYTES >> 20);
    else if (rc != SP_OK)
        no_memory(s);
}

/* ------------------------------------------------------------------ */
/* The two passes                                                      */

static int pass(sheet_reader *s, const char *part)
{
    s->row = s->col = 0;
    s->in_row = s->in_cell = s->in_v = s->in_is = s->in_t = s->in_rph = false;
    int rc = xlsx_parse_part(&s->base, part, on_start, on_end, on_text);
    if (rc == SP_ENOTFOUND)
        rc = xlsx_fail(s->base.err, SP_EINVALID, 0, 0, "the workbook has no %s for sheet "
                       "'%s': it is damaged", part, s->name);
    return rc;
}

static int prepare_delivery(sheet_reader *s)
{
    if (s->nmerges > 0)
        qsort(s->merges, s->nmerges, sizeof *s->merges, compare_merges);
    s->fields = calloc(s->width ? s->width : 1, sizeof *s->fields);
    s->active = calloc(s->nmerges ? s->nmerges : 1, sizeof *s->active);
    s->marks = calloc(s->width ? s->width : 1, 1);
    if (!s->fields || !s->active || !s->marks)
        return xlsx_fail(s->base.err, SP_ENOMEM, 0, 0, "out of memory");
    if (s->hidden && !memchr(s->hidden, 1, s->width)) { /* only past the values */
        free(s->hidden);
        s->hidden = NULL;
    }
    s->deliver = true;
    return SP_OK;
}

static void free_reader(sheet_reader *s)
{
    for (size_t i = 0; i < s->nmerges; i++)
        free(s->merges[i].value);
    free(s->merges);
    free(s->text.p);
    free(s->rowbuf.p);
    free(s->cell_col);
    free(s->cell_at);
    free(s->cell_len);
    free(s->cell_mark);
    free(s->marks);
    free(s->fields);
    free(s->active);
    free(s->hidden);
}

int sp_xlsx_read(sp_xlsx *x, size_t i, sp_xlsx_error *err, sp_csv_row_fn on_row, void *ctx)
{
    memset(err, 0, sizeof *err);
    if (i >= x->nsheets)
        return xlsx_fail(err, SP_EINVALID, 0, 0, "the workbook has no sheet %zu", i + 1);
    sheet_reader s;
    memset(&s, 0, sizeof s);
    s.base = (xlsx_parse){NULL, x, err, NULL};
    s.name = x->sheet_name[i];
    s.on_row = on_row;
    s.ctx = ctx;
    int rc = pass(&s, x->sheet_part[i]);
    if (rc == SP_OK)
        rc = prepare_delivery(&s);
    if (rc == SP_OK)
        rc = pass(&s, x->sheet_part[i]);
    free_reader(&s);
    return rc;
}
