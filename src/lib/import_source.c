/*
 * Where an import's rows come from. The importer sees only sp_csv_row
 * records; this module decides, from the file's content, what gives them:
 *
 *   - an Excel workbook (a zip: "PK\3\4"): the plan's sheet, and the
 *     sheets after it that go on with the plan, read by xlsx.c;
 *   - an OLE compound file (D0 CF 11 E0): an old .xls, or an .xlsx saved
 *     with a password, which Excel wraps in one: refused, saying so;
 *   - anything else is text for the CSV reader: UTF-8 as it is, or
 *     Windows-1252 or UTF-16 converted to UTF-8 with iconv, separated by
 *     commas, semicolons or tabs.
 *
 * The encoding: --encoding if given; else a UTF-16 byte-order mark (or the
 * NULs of UTF-16 text with none), else UTF-8 if the whole file is valid
 * UTF-8 (checked in a first read, then rewound; a pipe, which cannot be
 * rewound, by its first 64 KiB), else Windows-1252, which is what Excel's "CSV (Comma delimited)" writes on a
 * UK Windows machine, unless it also has UTF-8 text past ASCII (rows of
 * both encodings: refused, naming a row of each, see refuse_mixed). A byte
 * that is text in none of them is refused at its line and column. The separator: a tab if the file is named .tsv or .tab;
 * else a comma, unless a ';' or a tab splits more of the first records
 * into columns of one width (choose_delimiter).
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "swar.h"
#include "xlsx.h"

#define BLOCK ((size_t)64 << 10)
#define OUT_SIZE ((size_t)256 << 10)

typedef enum encoding { ENC_UTF8, ENC_1252, ENC_UTF16LE, ENC_UTF16BE } encoding;

static const char *const enc_label[] = {"UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE"};
static const char *const enc_iconv[] = {"UTF-8", "WINDOWS-1252", "UTF-16LE", "UTF-16BE"};

__attribute__((format(printf, 5, 6)))
static int fault(imp_source *s, int code, size_t line, size_t column, const char *fmt, ...)
{
    if (s->code != SP_OK)
        return s->code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->message, sizeof s->message, fmt, ap);
    va_end(ap);
    s->code = code;
    s->line = line;
    s->column = column;
    return code;
}

static bool ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    if (n < e)
        return false;
    for (size_t i = 0; i < e; i++) {
        char c = name[n - e + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != ext[i])
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Getting the bytes                                                   */

/* Reads up to n bytes (fewer only at the end of the input). */
static int read_more(imp_source *s, unsigned char *buf, size_t n, size_t *got)
{
    *got = fread(buf, 1, n, s->file);
    if (*got < n && ferror(s->file))
        return fault(s, SP_ERROR, 0, 0, "cannot read the file: %s", strerror(errno));
    return SP_OK;
}

/* A workbook past SP_XLSX_MAX_FILE, piped or in a file. */
static int too_large(imp_source *s)
{
    return fault(s, SP_EINVALID, 0, 0, "the workbook is larger than %zu MiB: expected a "
                 "workbook of a plan", SP_XLSX_MAX_FILE >> 20);
}

/* The whole of a workbook, which a zip reader needs at once: the bytes
 * already read (`have` of them in *buf, capacity BLOCK) and the rest. */
static int slurp(imp_source *s, unsigned char **buf, size_t *have)
{
    size_t cap = BLOCK;
    for (;;) {
        if (*have == cap) {
            if (cap >= SP_XLSX_MAX_FILE)
                return too_large(s);
            unsigned char *grown = realloc(*buf, cap * 2);
            if (!grown)
                return fault(s, SP_ENOMEM, 0, 0, "out of memory reading the workbook");
            *buf = grown;
            cap *= 2;
        }
        size_t got;
        int rc = read_more(s, *buf + *have, cap - *have, &got);
        if (rc != SP_OK)
            return rc;
        *have += got;
        if (got == 0)
            return SP_OK;
    }
}

/* A workbook in a regular file is read where libzip needs it, never held
 * whole (up to 64 MiB): *own is a stream of its own on the file, which
 * the reader closes; NULL for a pipe or a buffer, which are slurped, and
 * for a file whose first `have` bytes read were not its first (standard
 * input left part-way through a file). */
static int own_file(imp_source *s, size_t have, FILE **own)
{
    struct stat st;
    int fd = s->file ? fileno(s->file) : -1;
    *own = NULL;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        ftello(s->file) != (off_t)have)
        return SP_OK;
    if ((uint64_t)st.st_size > SP_XLSX_MAX_FILE)
        return too_large(s);
    int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0 || !(*own = fdopen(copy, "rb"))) {
        int e = errno;
        if (copy >= 0)
            close(copy);
        return fault(s, SP_ERROR, 0, 0, "cannot read the workbook: %s", strerror(e));
    }
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Workbooks                                                           */

/* Appends text to out (of size `size`); false if it did not fit. */
static bool append(char *out, size_t size, size_t *at, const char *text, bool quote)
{
    for (const char *p = quote ? "'" : ""; *p; p++)
        if (*at + 1 < size)
            out[(*at)++] = *p;
    for (const char *p = text; *p; p++) {
        if (*at + 3 >= size)
            return false;
        if (quote && *p == '\'')
            out[(*at)++] = '\'';
        out[(*at)++] = *p;
    }
    if (quote)
        out[(*at)++] = '\'';
    out[*at] = '\0';
    return true;
}

/* "'Plan', 'Notes'": sheets from..to-1, or only the visible ones among
 * them (cut short with "..." if very long). */
static char *sheet_list(const sp_xlsx *x, size_t from, size_t to, bool visible)
{
    size_t size = 600, at = 0;
    char *out = malloc(size);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (size_t i = from; i < to; i++) {
        if (visible && sp_xlsx_sheet_hidden(x, i))
            continue;
        size_t mark = at;
        if (!(at == 0 || append(out, size - 8, &at, ", ", false)) ||
            !append(out, size - 8, &at, sp_xlsx_sheet_name(x, i), true)) {
            strcpy(out + mark, mark ? ", ..." : "...");
            break;
        }
    }
    return out;
}

/* The sheet whose rows are read: its name in messages ("Plan!C7"). */
static int name_sheet(imp_source *s, const sp_xlsx *x, size_t sheet)
{
    free(s->sheet_read);
    if (!(s->sheet_read = strdup(sp_xlsx_sheet_name(x, sheet))))
        return fault(s, SP_ENOMEM, 0, 0, "out of memory");
    return SP_OK;
}

static int choose_sheet(imp_source *s, const sp_xlsx *x, size_t *sheet)
{
    long i = s->sheet ? sp_xlsx_find_sheet(x, s->sheet) : (long)sp_xlsx_first_visible(x);
    if (!s->sheets && !(s->sheets = sheet_list(x, 0, sp_xlsx_sheet_count(x), false)))
        return fault(s, SP_ENOMEM, 0, 0, "out of memory");
    if (i < 0)
        return fault(s, SP_EINVALID, 0, 0, "the workbook has no sheet named '%s': its "
                     "sheets are %s (name one with --sheet)", s->sheet, s->sheets);
    *sheet = (size_t)i;
    s->nsheets = sp_xlsx_sheet_count(x);
    return name_sheet(s, x, *sheet);
}

/* ---- Finding the plan's sheet ---- */

/* Why a trial stops reading a sheet (not sp_error codes): its first rows
 * hold no header; a probe found one. */
#define PASSED_OVER 1
#define PROBED 2

/* A row held back, with copies of its cells, until its sheet shows a
 * header. */
typedef struct held_row {
    sp_csv_row row;
    void *block;
} held_row;

/* A sheet tried for the plan: its rows are held until one names the
 * columns, then given on, and the rest after them. A probe (no on_row)
 * only looks for the header. */
typedef struct trial {
    imp_source *s;
    sp_csv_row_fn on_row; /* NULL: a probe */
    void *ctx;
    const sp_xlsx *x;     /* a sheet after the plan's first (later): */
    size_t index;         /* the workbook and the sheet */
    bool later;
    held_row held[IMP_HEADER_ROWS];
    size_t nheld;
    bool found;
    bool read;            /* a later sheet's rows were given on */
    size_t listed;        /* ... after s->sheets_read's first `listed` bytes */
} trial;

static bool hold(held_row *h, const sp_csv_row *row)
{
    size_t n = row->count, bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += row->fields[i].len + 1;
    char *block = malloc(n * sizeof(sp_csv_field) + 2 * n + bytes);
    if (!block)
        return false;
    sp_csv_field *fields = (sp_csv_field *)(void *)block;
    unsigned char *marks = (unsigned char *)(fields + n), *hidden = marks + n;
    char *text = (char *)(hidden + n);
    for (size_t i = 0; i < n; i++) {
        memcpy(text, row->fields[i].data, row->fields[i].len);
        text[row->fields[i].len] = '\0';
        fields[i] = (sp_csv_field){text, row->fields[i].len};
        text += row->fields[i].len + 1;
    }
    if (row->marks)
        memcpy(marks, row->marks, n);
    if (row->hidden)
        memcpy(hidden, row->hidden, n);
    h->row = *row;
    h->row.fields = fields;
    h->row.marks = row->marks ? marks : NULL;
    h->row.hidden = row->hidden ? hidden : NULL;
    h->block = block;
    return true;
}

static void let_go(trial *t)
{
    for (size_t i = 0; i < t->nheld; i++)
        free(t->held[i].block);
    t->nheld = 0;
}

/* Adds the sheet's name, quoted, to *list ("'Plan', 'Notes'"). */
static bool list_add(char **list, const char *name)
{
    size_t at = *list ? strlen(*list) : 0, size = at + 2 * strlen(name) + 8;
    char *grown = realloc(*list, size);
    if (!grown)
        return false;
    *list = grown;
    grown[at] = '\0';
    return (at == 0 || append(grown, size, &at, ", ", false)) &&
           append(grown, size, &at, name, true);
}

/* Adds a sheet read to the list of them, which stops at "..." past 600
 * bytes: a workbook of hundreds of sheets is named in a note of one line. */
static bool list_more(char **list, size_t at, const char *name)
{
    if (at < 600)
        return list_add(list, name);
    if (at >= 3 && strcmp(*list + at - 3, "...") == 0)
        return true;
    char *grown = realloc(*list, at + 6);
    if (grown)
        memcpy(grown + at, ", ...", 6);
    *list = grown ? grown : *list;
    return grown != NULL;
}

/* The plan goes on in a later sheet: the importer is told (it finishes the
 * sheet before, whose name its messages still use), then the sheet is
 * named; the plan's first keeps its name for the result. */
static int next_part(trial *t)
{
    imp_source *s = t->s;
    const char *name = sp_xlsx_sheet_name(t->x, t->index);
    int rc = s->next_sheet(t->ctx, name);
    if (rc != SP_OK)
        return rc;
    if (!s->first_read) {
        s->first_read = s->sheet_read;
        s->sheet_read = NULL;
    }
    s->nread++;
    t->listed = s->sheets_read ? strlen(s->sheets_read) : 0;
    if (!list_more(&s->sheets_read, t->listed, name))
        return fault(s, SP_ENOMEM, 0, 0, "out of memory");
    return name_sheet(s, t->x, t->index);
}

/* The header found: the rows held above it, then it. A later sheet is
 * read only if its header is a plan's (else it is named in a note). */
static int found(trial *t, const sp_csv_row *row)
{
    int rc = SP_OK;
    t->found = true;
    if (!t->on_row)
        return PROBED;
    if (t->later && !(t->read = t->s->continues_plan(t->ctx, row)))
        return PROBED;
    if (t->later)
        rc = next_part(t);
    for (size_t i = 0; rc == SP_OK && i < t->nheld; i++)
        rc = t->on_row(t->ctx, &t->held[i].row);
    let_go(t);
    return rc == SP_OK ? t->on_row(t->ctx, row) : rc;
}

static int trial_row(void *ctx, const sp_csv_row *row)
{
    trial *t = ctx;
    if (t->found)
        return t->on_row(t->ctx, row);
    if (t->s->names_columns(t->ctx, row))
        return found(t, row);
    if (t->nheld == IMP_HEADER_ROWS)
        return PASSED_OVER;
    if (!t->on_row) { /* a probe holds nothing */
        t->nheld++;
        return SP_OK;
    }
    return hold(&t->held[t->nheld++], row) ? SP_OK : SP_ENOMEM;
}

/* The visible sheets after the plan's first, from `from` on, whose first
 * rows also hold a header: read as more of the plan if the importer takes
 * that header for a plan's (s->continues_plan), else named in
 * s->other_plans, since the plan would otherwise be read in part without
 * a word. A sheet that cannot be read before its header is left to its
 * own import; one read past its header is the import's fault. */
static int read_others(imp_source *s, sp_xlsx *x, size_t from, sp_xlsx_error *err,
                       sp_csv_row_fn on_row, void *ctx)
{
    for (size_t i = from; i < sp_xlsx_sheet_count(x); i++) {
        trial t = {.s = s, .on_row = s->continues_plan ? on_row : NULL, .ctx = ctx, .x = x,
                   .index = i, .later = true};
        if (sp_xlsx_sheet_hidden(x, i))
            continue;
        int rc = sp_xlsx_read(x, i, err, trial_row, &t);
        let_go(&t);
        if (t.read && rc != SP_OK && rc != IMP_SHEET_LEFT)
            return rc;
        if (t.read && rc == IMP_SHEET_LEFT) { /* its header could not be used: not read */
            s->sheets_read[t.listed] = '\0';
            s->nread--;
        }
        if (t.found && !t.read && !list_add(&s->other_plans, sp_xlsx_sheet_name(x, i)))
            return fault(s, SP_ENOMEM, 0, 0, "out of memory");
    }
    err->message[0] = '\0';
    return SP_OK;
}

/* Reads the first visible sheet, from `*sheet` on, whose first rows hold
 * a header (*read: true), giving its rows to on_row; the sheets before it
 * are named in s->passed_over. *read is false if no sheet has one (nothing
 * given): the first is then read as it is, and its rows are refused. */
static int read_plan_sheet(imp_source *s, sp_xlsx *x, size_t *sheet, sp_xlsx_error *err,
                           sp_csv_row_fn on_row, void *ctx, bool *read)
{
    *read = false;
    for (size_t i = *sheet; i < sp_xlsx_sheet_count(x); i++) {
        if (sp_xlsx_sheet_hidden(x, i))
            continue;
        trial t = {.s = s, .on_row = on_row, .ctx = ctx};
        int rc = name_sheet(s, x, i);
        if (rc == SP_OK)
            rc = sp_xlsx_read(x, i, err, trial_row, &t);
        let_go(&t);
        if (t.found) {
            *read = true;
            if (i > *sheet && !(s->passed_over = sheet_list(x, *sheet, i, true)))
                return fault(s, SP_ENOMEM, 0, 0, "out of memory");
            *sheet = i;
            s->nread = 1;
            if (!list_add(&s->sheets_read, sp_xlsx_sheet_name(x, i)))
                return fault(s, SP_ENOMEM, 0, 0, "out of memory");
            return rc == SP_OK ? read_others(s, x, i + 1, err, on_row, ctx) : rc;
        }
        if (rc != SP_OK && rc != PASSED_OVER)
            return rc;
    }
    return name_sheet(s, x, *sheet);
}

static int read_workbook(imp_source *s, sp_xlsx_source *from, sp_csv_row_fn on_row,
                         void *ctx)
{
    sp_xlsx_error err;
    sp_xlsx *x;
    size_t sheet = 0;
    s->format = "xlsx";
    s->read_as = NULL;
    if (s->encoding) /* said, never silently ignored: the caller may mean another file */
        return fault(s, SP_EINVALID, 0, 0, "--encoding names a text file's encoding, but "
                     "the file is an Excel workbook (its text is Unicode already): leave "
                     "--encoding out");
    from->spill_db = s->db;
    int rc = sp_xlsx_open_source(&x, &err, from);
    if (rc != SP_OK)
        return fault(s, rc, 0, 0, "%s", err.message);
    rc = choose_sheet(s, x, &sheet);
    s->date1904 = sp_xlsx_date1904(x);
    bool read = false;
    if (rc == SP_OK && !s->sheet && s->names_columns)
        rc = read_plan_sheet(s, x, &sheet, &err, on_row, ctx, &read);
    if (rc == SP_OK && !read)
        rc = sp_xlsx_read(x, sheet, &err, on_row, ctx);
    sp_xlsx_free(x);
    if (rc != SP_OK && s->code == SP_OK && err.message[0])
        fault(s, rc, err.column ? err.row : 0, err.column, "%s", err.message);
    return rc;
}

static int refuse_ole(imp_source *s)
{
    return fault(s, SP_EINVALID, 0, 0, "the file is a password-protected workbook or an "
                 "old .xls (Excel 97-2003) file, not an .xlsx: expected a workbook saved "
                 "as .xlsx without a password, or a CSV file");
}

/* ------------------------------------------------------------------ */
/* Text: choosing the encoding and the separator                       */

/* The length of the UTF-8 character (RFC 3629) at b, n > 0 bytes
 * left: 1 to 4; 0 if b does not begin one; more than n if b ends inside
 * it. */
static inline size_t utf8_char(const unsigned char *b, size_t n)
{
    unsigned char c = b[0];
    size_t need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
    if (need == 9)
        return 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k <= need; k++) {
        if (k >= n)
            return n + 1;
        unsigned char d = b[k];
        if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF))
            return 0;
    }
    return need + 1;
}

/* True if b holds only whole UTF-8 characters (RFC 3629), but for one
 * cut short at the end when more input follows. */
static bool valid_utf8(const unsigned char *b, size_t n, bool more)
{
    for (size_t i = 0; i < n;) {
        if (n - i >= SP_WORD && !sp_word_has_high(sp_word_at(b + i))) {
            i += SP_WORD; /* eight ASCII bytes */
            continue;
        }
        size_t len = utf8_char(b + i, n - i);
        if (len == 0)
            return false;
        if (len > n - i)
            return more;
        i += len;
    }
    return true;
}

/* Where a text that is not UTF-8 as a whole has a UTF-8 character past
 * ASCII (é as C3 A9), and where a byte UTF-8 has not: the lines of the
 * first of each (0: none), counted only up to them. */
typedef struct mix_scan {
    size_t line;                 /* the line the scan has counted to */
    size_t utf8_line, other_line;
} mix_scan;

static void count_lines(mix_scan *m, const unsigned char *b, size_t *from, size_t to)
{
    const unsigned char *p = b + *from, *end = b + to;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        m->line++;
        p++;
    }
    *from = to;
}

/* Scans a block (only bytes past ASCII are looked at, eight ASCII bytes
 * at a time otherwise); returns how many bytes it took: a character the
 * block cuts short waits for the next when more follows. */
static size_t scan_mix(mix_scan *m, const unsigned char *b, size_t n, bool more)
{
    size_t i = 0, counted = 0;
    while (i < n && !(m->utf8_line && m->other_line)) {
        if (n - i >= SP_WORD && !sp_word_has_high(sp_word_at(b + i))) {
            i += SP_WORD;
            continue;
        }
        size_t len = b[i] < 0x80 ? 1 : utf8_char(b + i, n - i);
        if (len > n - i && more)
            break;
        bool utf8 = len >= 2 && len <= n - i;
        size_t *first = utf8 ? &m->utf8_line : &m->other_line;
        if (len != 1 && !*first) {
            count_lines(m, b, &counted, i);
            *first = m->line;
        }
        i += utf8 ? len : 1;
    }
    count_lines(m, b, &counted, i);
    return i;
}

/* The rest of the file, scanned block by block and then rewound, as
 * all_utf8 reads it. */
static void scan_mix_rest(imp_source *s, mix_scan *m, const unsigned char *tail, size_t carry)
{
    long start = ftell(s->file);
    unsigned char *buf = start >= 0 ? malloc(BLOCK + 4) : NULL;
    if (!buf)
        return;
    memcpy(buf, tail, carry);
    for (;;) {
        size_t got = fread(buf + carry, 1, BLOCK, s->file), len = carry + got;
        bool end = got < BLOCK;
        size_t used = scan_mix(m, buf, len, !end);
        if (end || (m->utf8_line && m->other_line))
            break;
        carry = len - used;
        memmove(buf, buf + used, carry);
    }
    free(buf);
    clearerr(s->file);
    if (fseek(s->file, start, SEEK_SET) != 0)
        fault(s, SP_ERROR, 0, 0, "cannot read the file again: %s", strerror(errno));
}

/* A file that is not UTF-8 as a whole, but has rows of UTF-8 beside rows
 * that are not (rows pasted in from another file, or typed in two
 * programs): read as Windows-1252, the UTF-8 rows would be garbled (é as
 * Ã©), and read as UTF-8 the others would not read at all. Byte-order
 * marks at the start are not text, and do not count. */
static int refuse_mixed(imp_source *s, const unsigned char *b, size_t n, bool at_end)
{
    mix_scan m = {1, 0, 0};
    size_t bom = 0;
    while (n - bom >= 3 && memcmp(b + bom, "\xEF\xBB\xBF", 3) == 0)
        bom += 3;
    size_t used = bom + scan_mix(&m, b + bom, n - bom, !at_end);
    if (!at_end && !(m.utf8_line && m.other_line))
        scan_mix_rest(s, &m, b + used, n - used);
    if (s->code != SP_OK || !m.utf8_line || !m.other_line)
        return s->code;
    return fault(s, SP_EINVALID, 0, 0, "the file mixes two encodings: row %zu has text "
                 "written as UTF-8, but row %zu has bytes that are not UTF-8 (as Windows-1252, "
                 "Excel's \"CSV (Comma delimited)\", writes them), so some rows would be "
                 "garbled whichever way the file is read: open it in Excel or LibreOffice, "
                 "correct the garbled text, and save it again as \"CSV UTF-8\"",
                 m.utf8_line, m.other_line);
}

/* How many bytes at the end of b begin a character that b cuts short. */
static size_t cut_tail(const unsigned char *b, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        unsigned char c = b[n - k];
        if (c < 0x80)
            return 0;
        if (c >= 0xC0) {
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            return k < need ? k : 0;
        }
    }
    return 0;
}

/* True if the whole file is UTF-8: the first block, then (if the file can
 * seek back) the rest, read once more and rewound, so that a Windows-1252
 * byte far down a large file is not taken for a broken UTF-8 one. A stream
 * that cannot seek (a pipe) is judged by its first block. */
static bool all_utf8(imp_source *s, const unsigned char *first, size_t n, bool at_end)
{
    long start = at_end ? -1 : ftell(s->file);
    unsigned char *buf = start >= 0 ? malloc(BLOCK + 4) : NULL;
    if (!valid_utf8(first, n, !at_end) || !buf) {
        free(buf);
        return valid_utf8(first, n, !at_end);
    }
    size_t carry = cut_tail(first, n);
    memcpy(buf, first + n - carry, carry);
    bool ok = true;
    for (;;) {
        size_t got = fread(buf + carry, 1, BLOCK, s->file), len = carry + got;
        bool end = got < BLOCK;
        if (!(ok = valid_utf8(buf, len, !end)) || end)
            break;
        carry = cut_tail(buf, len);
        memmove(buf, buf + len - carry, carry);
    }
    free(buf);
    clearerr(s->file);
    if (fseek(s->file, start, SEEK_SET) != 0)
        fault(s, SP_ERROR, 0, 0, "cannot read the file again: %s", strerror(errno));
    return ok;
}

static int named_encoding(imp_source *s, encoding *e, const unsigned char *b, size_t n)
{
    const char *name = s->encoding;
    if (!strcasecmp(name, "utf-8") || !strcasecmp(name, "utf8"))
        *e = ENC_UTF8;
    else if (!strcasecmp(name, "windows-1252") || !strcasecmp(name, "cp1252"))
        *e = ENC_1252;
    else if (!strcasecmp(name, "utf-16le"))
        *e = ENC_UTF16LE;
    else if (!strcasecmp(name, "utf-16be"))
        *e = ENC_UTF16BE;
    else if (!strcasecmp(name, "utf-16") || !strcasecmp(name, "utf16"))
        *e = n >= 2 && b[0] == 0xFE && b[1] == 0xFF ? ENC_UTF16BE : ENC_UTF16LE;
    else
        return fault(s, SP_EINVALID, 0, 0, "encoding '%s' is not known: expected utf-8, "
                     "windows-1252 or utf-16", name);
    return SP_OK;
}

static encoding detect_encoding(imp_source *s, const unsigned char *b, size_t n, bool at_end)
{
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return ENC_UTF16LE;
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return ENC_UTF16BE;
    /* No mark, but text whose first two characters are ASCII. */
    if (n >= 4 && b[0] && !b[1] && b[2] && !b[3])
        return ENC_UTF16LE;
    if (n >= 4 && !b[0] && b[1] && !b[2] && b[3])
        return ENC_UTF16BE;
    return all_utf8(s, b, n, at_end) ? ENC_UTF8 : ENC_1252;
}

/* The byte-order marks the input begins with: its encoding's, once or
 * more (a tool that adds its own to text that had one doubles it, and a
 * second, kept, would hide the first column's header). */
static size_t mark_length(encoding e, const unsigned char *b, size_t n)
{
    static const unsigned char marks[][3] = {
        [ENC_UTF8] = {0xEF, 0xBB, 0xBF}, [ENC_UTF16LE] = {0xFF, 0xFE},
        [ENC_UTF16BE] = {0xFE, 0xFF}};
    size_t len = e == ENC_UTF8 ? 3 : e == ENC_1252 ? 0 : 2, at = 0;
    while (len > 0 && n - at >= len && memcmp(b + at, marks[e], len) == 0)
        at += len;
    return at;
}

#define SNIFF_RECORDS 30 /* records looked at: a title block, the header, some rows */

/* The width most of the leading records (quotes respected) have when split
 * at delim, counting only widths of two or more: how many records have it.
 * The separator a file really uses gives the header and its rows one
 * width; one that only occurs in the text (a ';' in an action) gives
 * rows of varying width, and one that never occurs gives none. */
static size_t steady_records(const char *text, size_t n, unsigned char delim)
{
    size_t width[SNIFF_RECORDS], nrec = 0, fields = 1, len = 0, best = 0;
    bool quoted = false;
    for (size_t i = 0; i <= n && nrec < SNIFF_RECORDS; i++) {
        unsigned char c = i < n ? (unsigned char)text[i] : '\n';
        if (!quoted && (c == '\n' || c == '\r')) {
            if (len > 0) /* not a blank line, nor the LF of a CRLF */
                width[nrec++] = fields;
            fields = 1;
            len = 0;
            continue;
        }
        quoted = quoted != (c == '"');
        fields += !quoted && c == delim;
        len++;
    }
    for (size_t i = 0; i < nrec; i++) {
        size_t same = 0;
        for (size_t k = 0; k < nrec && width[i] > 1; k++)
            same += width[k] == width[i];
        best = same > best ? same : best;
    }
    return best;
}

/* A tab if the file is named .tsv or .tab; else whichever of ',', ';' and
 * a tab splits more of the leading records into one width, a comma when
 * none does better: Excel saves "CSV" with ';' where the decimal mark is a
 * comma, and "Unicode Text" with tabs; an export (commas, its text
 * quoted) is always read with commas. */
static unsigned char choose_delimiter(const imp_source *s, const char *text, size_t n)
{
    static const unsigned char candidates[] = {',', ';', '\t'};
    if (ends_with(s->name, ".tsv") || ends_with(s->name, ".tab"))
        return '\t';
    unsigned char best = ',';
    size_t most = steady_records(text, n, ',');
    for (size_t i = 1; i < sizeof candidates; i++) {
        size_t records = steady_records(text, n, candidates[i]);
        if (records > most) {
            most = records;
            best = candidates[i];
        }
    }
    return best;
}

/* ------------------------------------------------------------------ */
/* Text: converting and feeding the CSV reader                         */

typedef struct text_reader {
    imp_source *s;
    sp_csv_reader *csv;
    encoding enc;
    iconv_t cd;
    bool delim_chosen;
    char *out;
} text_reader;

/* The reader's own complaint, without its "line L, column C: " prefix. */
static int csv_fault(text_reader *t)
{
    const sp_csv_error *e = sp_csv_reader_error(t->csv);
    const char *msg = e->message;
    char prefix[64];
    if (e->code != SP_EINVALID)
        return fault(t->s, e->code, 0, 0, "%s", msg);
    if (e->column > 0)
        snprintf(prefix, sizeof prefix, "line %zu, column %zu: ", e->line, e->column);
    else
        snprintf(prefix, sizeof prefix, "line %zu: ", e->line);
    if (strncmp(msg, prefix, strlen(prefix)) == 0)
        msg += strlen(prefix);
    return fault(t->s, e->code, e->line, e->column, "%s", msg);
}

static int feed_csv(text_reader *t, const char *text, size_t n)
{
    if (!t->delim_chosen) {
        unsigned char delim = choose_delimiter(t->s, text, n);
        sp_csv_reader_set_delimiter(t->csv, delim);
        t->s->delim = delim;
        t->s->tabs = delim == '\t';
        t->delim_chosen = true;
    }
    int rc = n > 0 ? sp_csv_reader_feed(t->csv, text, n) : SP_OK;
    if (rc != SP_OK && sp_csv_reader_error(t->csv)->message[0])
        return csv_fault(t);
    return rc;
}

/* A byte iconv refused, at the position the reader has reached. */
static int bad_byte(text_reader *t, const unsigned char *at, size_t left)
{
    size_t line, column;
    sp_csv_reader_position(t->csv, &line, &column);
    if (t->enc == ENC_1252)
        return fault(t->s, SP_EINVALID, line, column, "byte 0x%02x is not text in "
                     "Windows-1252, nor is the file UTF-8 or UTF-16: expected text (save the "
                     "spreadsheet as \"CSV UTF-8\")", at[0]);
    if (left < 2)
        return fault(t->s, SP_EINVALID, line, column, "the file ends inside a %s character "
                     "(an odd number of bytes): expected whole characters",
                     enc_label[t->enc]);
    unsigned unit = t->enc == ENC_UTF16LE ? (unsigned)(at[0] | at[1] << 8)
                                          : (unsigned)(at[0] << 8 | at[1]);
    return fault(t->s, SP_EINVALID, line, column, "invalid %s: 0x%04x is half of a character "
                 "whose other half is missing: expected text (save the spreadsheet again)",
                 enc_label[t->enc], unit);
}

/* Converts and feeds n bytes; *used says how many were taken (a
 * character cut short at the end of a block waits for the next). */
static int convert(text_reader *t, const unsigned char *b, size_t n, size_t *used, bool end)
{
    char *in = (char *)(uintptr_t)b;
    size_t left = n;
    while (left > 0) {
        char *out = t->out;
        size_t room = OUT_SIZE;
        size_t r = iconv(t->cd, &in, &left, &out, &room);
        int err = r == (size_t)-1 ? errno : 0;
        int rc = feed_csv(t, t->out, OUT_SIZE - room);
        if (rc != SP_OK)
            return rc;
        if (err == EILSEQ || (err == EINVAL && end))
            return bad_byte(t, (const unsigned char *)in, left);
        if (err == EINVAL)
            break;
        if (err && err != E2BIG)
            return fault(t->s, SP_ERROR, 0, 0, "cannot convert the text: %s", strerror(err));
    }
    *used = n - left;
    return SP_OK;
}

static int feed_block(text_reader *t, const unsigned char *b, size_t n, size_t *used,
                      bool end)
{
    if (t->enc != ENC_UTF8) {
        int rc = convert(t, b, n, used, end);
        if (rc == SP_OK && end && *used < n)
            return bad_byte(t, b + *used, n - *used);
        return rc;
    }
    *used = n;
    return feed_csv(t, (const char *)b, n);
}

static int finish_text(text_reader *t)
{
    if (!t->delim_chosen) {
        int rc = feed_csv(t, "", 0);
        if (rc != SP_OK)
            return rc;
    }
    int rc = sp_csv_reader_finish(t->csv);
    if (rc != SP_OK && sp_csv_reader_error(t->csv)->message[0])
        return csv_fault(t);
    return rc;
}

/* Feeds the first block and then the rest of the file, carrying a
 * character cut short at the end of one block over to the next. */
static int pump(text_reader *t, unsigned char *buf, size_t have, bool at_end)
{
    for (;;) {
        size_t used = 0;
        int rc = feed_block(t, buf, have, &used, at_end);
        if (rc != SP_OK || at_end)
            return rc;
        size_t carry = have - used, got;
        memmove(buf, buf + used, carry);
        if ((rc = read_more(t->s, buf + carry, BLOCK - carry, &got)) != SP_OK)
            return rc;
        have = carry + got;
        at_end = got < BLOCK - carry;
    }
}

static int read_text(imp_source *s, unsigned char *buf, size_t have, bool at_end,
                     sp_csv_row_fn on_row, void *ctx)
{
    text_reader t = {s, NULL, ENC_UTF8, (iconv_t)-1, false, NULL};
    int rc = s->encoding ? named_encoding(s, &t.enc, buf, have) : SP_OK;
    if (rc != SP_OK)
        return rc;
    if (!s->encoding)
        t.enc = detect_encoding(s, buf, have, at_end);
    if (!s->encoding && t.enc == ENC_1252)
        refuse_mixed(s, buf, have, at_end);
    if (s->code != SP_OK)
        return s->code;
    s->format = "csv";
    s->read_as = enc_label[t.enc];
    s->encoding_detected = s->encoding == NULL;
    if (s->sheet)
        return fault(s, SP_EINVALID, 0, 0, "--sheet '%.100s' names a workbook's sheet, but "
                     "the file is text (CSV), which has none: leave --sheet out, or import "
                     "the workbook", s->sheet);
    size_t skip = mark_length(t.enc, buf, have);
    if (t.enc != ENC_UTF8 &&
        ((t.cd = iconv_open("UTF-8", enc_iconv[t.enc])) == (iconv_t)-1 ||
         !(t.out = malloc(OUT_SIZE))))
        rc = fault(s, SP_ENOMEM, 0, 0, "cannot convert from %s", enc_label[t.enc]);
    if (rc == SP_OK && sp_csv_reader_new(&t.csv, on_row, ctx) != SP_OK)
        rc = fault(s, SP_ENOMEM, 0, 0, "out of memory");
    if (rc == SP_OK) {
        memmove(buf, buf + skip, have - skip);
        rc = pump(&t, buf, have - skip, at_end);
    }
    if (rc == SP_OK)
        rc = finish_text(&t);
    if (s->tabs)
        s->format = "tsv";
    if (t.cd != (iconv_t)-1)
        iconv_close(t.cd);
    free(t.out);
    sp_csv_reader_free(t.csv);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

static int dispatch(imp_source *s, unsigned char **buf, size_t have, bool at_end,
                    sp_csv_row_fn on_row, void *ctx)
{
    if (sp_xlsx_is_ole(*buf, have))
        return refuse_ole(s);
    if (sp_xlsx_is_zip(*buf, have)) {
        sp_xlsx_source from = {NULL, NULL, 0, NULL, 0};
        int rc = at_end ? SP_OK : own_file(s, have, &from.file);
        if (rc == SP_OK && !at_end && !from.file)
            rc = slurp(s, buf, &have);
        from.data = *buf;
        from.len = have;
        return rc == SP_OK ? read_workbook(s, &from, on_row, ctx) : rc;
    }
    if (ends_with(s->name, ".xlsx") || ends_with(s->name, ".xlsm"))
        return fault(s, SP_EINVALID, 0, 0, "the file is not an Excel workbook: an .xlsx is a "
                     "zip file, and this is not one (expected a workbook saved by Excel, or "
                     "a CSV file named .csv)");
    return read_text(s, *buf, have, at_end, on_row, ctx);
}

int imp_source_read(imp_source *s, sp_csv_row_fn on_row, void *ctx)
{
    static char nothing[1];
    FILE *opened = NULL;
    s->code = SP_OK;
    if (!s->file) { /* a buffer is read as a file */
        void *data = s->len ? (void *)(uintptr_t)s->data : nothing;
        if (!(opened = s->file = fmemopen(data, s->len, "r")))
            return fault(s, SP_ENOMEM, 0, 0, "out of memory");
    }
    unsigned char *buf = malloc(BLOCK);
    size_t have = 0;
    int rc = buf ? read_more(s, buf, BLOCK, &have)
                 : fault(s, SP_ENOMEM, 0, 0, "out of memory");
    if (rc == SP_OK)
        rc = dispatch(s, &buf, have, have < BLOCK, on_row, ctx);
    free(buf);
    if (opened) {
        fclose(opened);
        s->file = NULL;
    }
    return rc;
}

void imp_source_free(imp_source *s)
{
    free(s->sheet_read);
    free(s->sheets);
    free(s->passed_over);
    free(s->other_plans);
    free(s->first_read);
    free(s->sheets_read);
    s->sheet_read = s->sheets = s->passed_over = s->other_plans = NULL;
    s->first_read = s->sheets_read = NULL;
}
