/*
 * csvio.c — strict CSV reading on libcsv, RFC 4180 writing, and the
 * formula-injection guard. See csvio.h for the rules.
 *
 * libcsv parses but keeps no positions, so the reader walks the bytes
 * beside it ("tracking"): it counts physical lines, notes where each
 * record and field starts, whether the field is quoted and still open,
 * checks UTF-8 and NUL bytes, and enforces the size limits before libcsv
 * buffers anything. To tie libcsv's callbacks to positions, the input is
 * handed to libcsv in segments that end at the only bytes which can fire
 * a callback (',', CR, LF), so a callback always belongs to the last byte
 * of the segment it fired in.
 *
 * That careful path reads every byte twice. A record that lies whole in
 * the bytes fed and holds nothing to refuse is read in one pass instead
 * ("Whole records in one pass" below); the careful path takes the rest,
 * and names what is wrong.
 */
#define _DEFAULT_SOURCE 1 /* fwrite_unlocked */
#include "csvio.h"
#include "swar.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define UTF8_HINT "expected UTF-8 text: save the spreadsheet as \"CSV UTF-8\""

static const unsigned char utf8_bom[3] = {0xEF, 0xBB, 0xBF};
#define BOM_DECIDED 3 /* bom_seen value once the leading BOM is handled */

struct sp_csv_reader {
    struct csv_parser parser;
    sp_csv_row_fn on_row;
    void *ctx;
    unsigned char delim;  /* ',' (or a tab: sp_csv_reader_set_delimiter) */
    sp_csv_error err;     /* code != SP_OK once the read failed or stopped */
    unsigned bom_seen;    /* leading BOM bytes held back so far */
    bool any_byte;        /* a byte (after any BOM) has been tracked */
    /* position */
    size_t line;          /* physical line of the next byte */
    bool after_cr;        /* an LF right after a CR ends no further line */
    size_t records;       /* records delivered */
    /* the record being read */
    bool row_begun;
    size_t row_line;
    size_t row_bytes;
    /* the field being read */
    bool field_pending;   /* the next byte starts a field */
    bool field_quoted;    /* it began with '"' */
    bool in_quotes;       /* inside its quotes (an odd number of '"' seen) */
    size_t field_line;
    size_t field_bytes;
    /* UTF-8 decoding state across bytes (and across feeds) */
    unsigned utf8_need;   /* continuation bytes still expected */
    unsigned char utf8_lo, utf8_hi, utf8_lead;
    /* the fields of the current record, copied out of libcsv's buffer */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *offsets;      /* where each field starts in buf */
    sp_csv_field *fields; /* filled in from offsets when the record ends */
    size_t nfields, offsets_cap, fields_cap;
};

/* ------------------------------------------------------------------ */
/* Errors                                                              */

__attribute__((format(printf, 5, 6)))
static int fail(sp_csv_reader *r, int code, size_t line, size_t column, const char *fmt, ...)
{
    sp_csv_error *e = &r->err;
    int n = 0;
    e->code = code;
    e->line = line;
    e->column = column;
    if (line > 0 && column > 0)
        n = snprintf(e->message, sizeof e->message, "line %zu, column %zu: ", line, column);
    else if (line > 0)
        n = snprintf(e->message, sizeof e->message, "line %zu: ", line);
    if (n < 0)
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message + n, sizeof e->message - (size_t)n, fmt, ap);
    va_end(ap);
    return code;
}

/* A failure in the field being read, at the current line. */
#define FAIL_HERE(r, ...) fail((r), SP_EINVALID, (r)->line, (r)->nfields + 1, __VA_ARGS__)

/* Names a byte for a message: 'x', "a space", or "byte 0xff". */
static void describe_byte(char *out, size_t size, unsigned char b)
{
    if (b == ' ')
        snprintf(out, size, "a space");
    else if (b == '\t')
        snprintf(out, size, "a tab");
    else if (b > 0x20 && b < 0x7f)
        snprintf(out, size, "'%c'", b);
    else
        snprintf(out, size, "byte 0x%02x", b);
}

/* libcsv refused byte b: say why in terms of the field it is in. */
static int fail_syntax(sp_csv_reader *r, unsigned char b, size_t line)
{
    size_t col = r->nfields + 1;
    if (csv_error(&r->parser) != CSV_EPARSE)
        return fail(r, SP_ENOMEM, line, col, "out of memory reading a field");
    if (!r->field_quoted)
        return fail(r, SP_EINVALID, line, col,
                    "'\"' inside an unquoted field (expected a field that contains '\"' "
                    "to be enclosed in quotes, with each '\"' doubled)");
    char what[16], delim[16];
    describe_byte(what, sizeof what, b);
    describe_byte(delim, sizeof delim, r->delim);
    return fail(r, SP_EINVALID, line, col,
                "%s after the closing quote (expected %s or the end of the line; "
                "a '\"' inside a quoted field is written \"\")", what, delim);
}

/* ------------------------------------------------------------------ */
/* Collecting fields and delivering records (libcsv's callbacks)       */

/* realloc to hold `need` items of `unit` bytes, doubling; NULL (and p
 * untouched) if out of memory. */
static void *grow(void *p, size_t *cap, size_t need, size_t unit)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * unit);
    if (q != NULL)
        *cap = n;
    return q;
}

/* Keeps a copy of the field, NUL-terminated; false if out of memory. */
static bool store_field(sp_csv_reader *r, const void *data, size_t len)
{
    char *buf = grow(r->buf, &r->buf_cap, r->buf_len + len + 1, 1);
    if (buf == NULL)
        return false;
    r->buf = buf;
    size_t *offsets = grow(r->offsets, &r->offsets_cap, r->nfields + 1, sizeof *offsets);
    if (offsets == NULL)
        return false;
    r->offsets = offsets;
    sp_csv_field *fields = grow(r->fields, &r->fields_cap, r->nfields + 1, sizeof *fields);
    if (fields == NULL)
        return false;
    r->fields = fields;
    if (len > 0)
        memcpy(r->buf + r->buf_len, data, len);
    r->buf[r->buf_len + len] = '\0';
    r->offsets[r->nfields] = r->buf_len;
    r->fields[r->nfields].len = len;
    r->buf_len += len + 1;
    r->nfields++;
    return true;
}

static void on_field(void *data, size_t len, void *vr)
{
    sp_csv_reader *r = vr;
    r->field_pending = true;
    if (r->err.code != SP_OK)
        return;
    if (r->nfields == SP_CSV_MAX_FIELDS)
        fail(r, SP_EINVALID, r->field_line, r->nfields + 1,
             "more than %zu fields in one record (expected at most %zu)",
             SP_CSV_MAX_FIELDS, SP_CSV_MAX_FIELDS);
    else if (!store_field(r, data, len))
        fail(r, SP_ENOMEM, r->field_line, r->nfields + 1, "out of memory holding a record");
}

static void deliver(sp_csv_reader *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i].data = r->buf + r->offsets[i];
    sp_csv_row row = {r->fields, r->nfields, r->row_line, ++r->records, NULL, NULL, false};
    int rc = r->on_row(r->ctx, &row);
    if (rc != 0) {
        r->err.code = rc;
        r->err.line = r->row_line;
    }
}

static void on_record(int c, void *vr)
{
    sp_csv_reader *r = vr;
    (void)c;
    if (r->err.code == SP_OK)
        deliver(r);
    r->nfields = 0;
    r->buf_len = 0;
    r->row_bytes = 0;
    r->row_begun = false;
    r->field_pending = true;
}

/* ------------------------------------------------------------------ */
/* Tracking bytes beside libcsv                                        */

static bool is_separator(const sp_csv_reader *r, unsigned char b)
{
    return b == r->delim || b == '\r' || b == '\n';
}

/* Checks one byte against UTF-8 (RFC 3629: no overlong forms, surrogates
 * or code points past U+10FFFF). */
static int track_utf8(sp_csv_reader *r, unsigned char b)
{
    if (r->utf8_need > 0) {
        if (b < 0x80 || b > 0xBF)
            return FAIL_HERE(r, "invalid UTF-8 byte 0x%02x (a character cut short: it is not "
                             "followed by the bytes it needs; " UTF8_HINT ")", r->utf8_lead);
        if (b < r->utf8_lo || b > r->utf8_hi)
            return FAIL_HERE(r, "invalid UTF-8 byte 0x%02x (followed by 0x%02x, which makes "
                             "no valid character; " UTF8_HINT ")", r->utf8_lead, b);
        r->utf8_need--;
        r->utf8_lo = 0x80;
        r->utf8_hi = 0xBF;
        return SP_OK;
    }
    if (b < 0x80)
        return SP_OK;
    r->utf8_lead = b;
    r->utf8_lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    r->utf8_hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    r->utf8_need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
    if (r->utf8_need > 0)
        return SP_OK;
    if (!r->any_byte && (b == 0xFF || b == 0xFE))
        return FAIL_HERE(r, "invalid UTF-8 byte 0x%02x (this looks like a UTF-16 byte-order "
                         "mark; " UTF8_HINT ")", b);
    return FAIL_HERE(r, "invalid UTF-8 byte 0x%02x (" UTF8_HINT ")", b);
}

/* Counts a byte of field content against the limits. */
static int track_size(sp_csv_reader *r)
{
    if (++r->field_bytes > SP_CSV_MAX_FIELD_BYTES)
        return fail(r, SP_EINVALID, r->field_line, r->nfields + 1,
                    "field longer than %zu MiB (expected at most %zu bytes)",
                    SP_CSV_MAX_FIELD_BYTES >> 20, SP_CSV_MAX_FIELD_BYTES);
    if (++r->row_bytes > SP_CSV_MAX_RECORD_BYTES)
        return fail(r, SP_EINVALID, r->row_line, 0,
                    "record longer than %zu MiB (expected at most %zu bytes)",
                    SP_CSV_MAX_RECORD_BYTES >> 20, SP_CSV_MAX_RECORD_BYTES);
    return SP_OK;
}

/* Notes a field starting at byte b (unless b only ends a line). */
static int track_field_start(sp_csv_reader *r, unsigned char b)
{
    r->field_line = r->line;
    if (b == '\r' || b == '\n')
        return SP_OK; /* a blank line, or the end of an empty last field */
    r->field_pending = false;
    r->field_quoted = r->in_quotes = b == '"';
    r->field_bytes = 0;
    return b == '"' || b == r->delim ? SP_OK : track_size(r);
}

/* Follows the field: its quotes open and close, and its content bytes
 * count towards the limits (quotes and separators are not content). */
static int track_field(sp_csv_reader *r, unsigned char b)
{
    if (!r->row_begun && b != '\r' && b != '\n') {
        r->row_begun = true;
        r->row_line = r->line;
    }
    if (r->field_pending)
        return track_field_start(r, b);
    if (b == '"' && r->field_quoted) {
        r->in_quotes = !r->in_quotes; /* re-opening means a doubled '"' */
        return r->in_quotes ? track_size(r) : SP_OK;
    }
    if (is_separator(r, b) && !r->in_quotes)
        return SP_OK;
    return track_size(r);
}

static int track_byte(sp_csv_reader *r, unsigned char b)
{
    int rc;
    if (b == 0)
        return FAIL_HERE(r, "NUL byte (0x00) in the data (expected text; "
                         "is the file UTF-16 or not CSV at all?)");
    if ((rc = track_utf8(r, b)) != SP_OK || (rc = track_field(r, b)) != SP_OK)
        return rc;
    r->any_byte = true;
    if (b == '\n' && !r->after_cr)
        r->line++;
    else if (b == '\r')
        r->line++;
    r->after_cr = b == '\r';
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Feeding libcsv                                                      */

/* libcsv grows its field buffer by a fixed block within one csv_parse
 * call (quadratic copying for a big field). Handing it pieces of at most
 * PARSE_PIECE bytes, with the block raised to the current size before
 * each, makes the growth geometric; the field limit still bounds it.
 * Returns how many bytes libcsv accepted. */
#define PARSE_PIECE ((size_t)64 << 10)
static size_t parse(sp_csv_reader *r, const unsigned char *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        size_t have = csv_get_buffer_size(&r->parser);
        size_t piece = n - done < PARSE_PIECE ? n - done : PARSE_PIECE;
        csv_set_blk_size(&r->parser, have > PARSE_PIECE ? have : PARSE_PIECE);
        size_t ok = csv_parse(&r->parser, s + done, piece, on_field, on_record, r);
        done += ok;
        if (ok < piece)
            break;
    }
    return done;
}

/* Printable ASCII other than the quote: inside a field such a byte only
 * counts towards the size limits (separators never reach here). */
static bool plain_byte(const sp_csv_reader *r, unsigned char b)
{
    (void)r;
    return b >= 0x20 && b < 0x7f && b != '"';
}

static bool plain_word(const sp_csv_reader *r, uint64_t w)
{
    (void)r;
    return !sp_word_has_high(w) && !sp_word_has_below(w, 0x20) && !sp_word_has(w, '"') &&
           !sp_word_has(w, 0x7f);
}

static bool not_separator(const sp_csv_reader *r, unsigned char b)
{
    return !is_separator(r, b);
}

static bool no_separator_word(const sp_csv_reader *r, uint64_t w)
{
    return !sp_word_has(w, r->delim) && !sp_word_has(w, '\n') && !sp_word_has(w, '\r');
}

/* How many leading bytes of s (at most n) are `ok`: eight at a time where
 * `word_ok` says a whole word is, byte by byte in the word where it is not.
 * Inlined with constant predicates, it compiles to one scan per use. */
static inline size_t span(const sp_csv_reader *r, const unsigned char *s, size_t n,
                          bool (*word_ok)(const sp_csv_reader *, uint64_t),
                          bool (*ok)(const sp_csv_reader *, unsigned char))
{
    size_t k = 0;
    while (k < n) {
        if (n - k >= SP_WORD && word_ok(r, sp_word_at(s + k))) {
            k += SP_WORD;
            continue;
        }
        size_t stop = n - k >= SP_WORD ? k + SP_WORD : n;
        while (k < stop && ok(r, s[k]))
            k++;
        if (k < stop)
            break;
    }
    return k;
}

/* Skips a run of plain bytes in the middle of a field, counting them in one
 * step; most of a plan is such text, and byte-by-byte tracking was a sixth
 * of an import's time. Returns the run's length (0: track byte by byte,
 * which also gives the exact position of any limit exceeded). */
static size_t plain_run(sp_csv_reader *r, const unsigned char *s, size_t n)
{
    if (r->field_pending || !r->row_begun || r->utf8_need > 0)
        return 0;
    /* Stop short of the limits: the byte that breaks one is tracked alone. */
    size_t room_field = SP_CSV_MAX_FIELD_BYTES - r->field_bytes;
    size_t room_row = SP_CSV_MAX_RECORD_BYTES - r->row_bytes;
    size_t cap = n < room_field ? n : room_field;
    cap = cap < room_row ? cap : room_row;
    size_t k = span(r, s, cap, plain_word, plain_byte);
    if (k == 0)
        return 0;
    r->field_bytes += k;
    r->row_bytes += k;
    r->any_byte = true;
    r->after_cr = false;
    return k;
}

/* Feeds n bytes in which only the last may be a separator. */
static int feed_segment(sp_csv_reader *r, const unsigned char *s, size_t n)
{
    size_t line = r->line; /* a segment's line breaks come last */
    size_t ok = 0;
    int rc = SP_OK;
    while (ok < n) {
        size_t run = plain_run(r, s + ok, n - ok);
        if (run > 0) {
            ok += run;
            continue;
        }
        if ((rc = track_byte(r, s[ok])) != SP_OK)
            break;
        ok++;
    }
    /* Bytes before a tracking fault go to libcsv first: if libcsv
     * refuses one of them, that is the earlier fault. */
    size_t done = parse(r, s, ok);
    if (done < ok)
        return fail_syntax(r, s[done], line);
    return rc != SP_OK ? rc : r->err.code;
}

/* ------------------------------------------------------------------ */
/* Whole records in one pass                                           */

/* Most records of a real plan lie whole in one chunk and hold nothing to
 * refuse. Such a record is read here in one pass, its fields copied out
 * as they are found, without the tracking and libcsv's second walk over
 * the same bytes (together a fifth of an import's instructions). Anything
 * else -- a record cut by the chunk's end, a NUL, bad UTF-8, a stray
 * quote, a limit reached -- is left, from the record's first byte, to the
 * careful path above, which names what is wrong. Both give the same
 * fields, lines and errors: test_csv `one_pass_equals_careful_path`. */

typedef struct scan {
    const unsigned char *s;
    size_t n;    /* bytes that may belong to the record */
    size_t pos;  /* the next byte */
    size_t line; /* the physical line of the next byte */
} scan;

/* Eight bytes of an unquoted field that need no look: printable ASCII,
 * no quote, no separator (a tab is below 0x20). */
static bool unquoted_word(const sp_csv_reader *r, uint64_t w)
{
    return !sp_word_has_high(w) && !sp_word_has_below(w, 0x20) && !sp_word_has(w, '"') &&
           !sp_word_has(w, r->delim);
}

/* Eight bytes of a quoted field that need no look: ASCII, no quote, no
 * line break (they are counted), no NUL. */
static bool quoted_word(uint64_t w)
{
    return !sp_word_has_high(w) && !sp_word_has(w, '"') && !sp_word_has(w, '\r') &&
           !sp_word_has(w, '\n') && !sp_word_has(w, 0);
}

/* Steps over one byte of content that is not plain ASCII: a whole, valid
 * UTF-8 sequence or a control character; false at a NUL or bad UTF-8. */
static bool content_byte(scan *c)
{
    unsigned char b = c->s[c->pos];
    size_t k = b >= 0x80 ? sp_utf8_seq(c->s + c->pos, c->n - c->pos) : b != 0;
    c->pos += k;
    return k > 0;
}

/* An unquoted field, up to the separator after it (not taken). */
static bool unquoted_field(sp_csv_reader *r, scan *c)
{
    size_t start = c->pos;
    for (;;) {
        while (c->n - c->pos >= SP_WORD && unquoted_word(r, sp_word_at(c->s + c->pos)))
            c->pos += SP_WORD;
        if (c->pos == c->n)
            return false;
        unsigned char b = c->s[c->pos];
        if (is_separator(r, b))
            return store_field(r, c->s + start, c->pos - start);
        if (b == '"' || !content_byte(c))
            return false;
    }
}

/* Adds len bytes to the last field stored (a quoted field's next piece). */
static bool append_field(sp_csv_reader *r, const void *data, size_t len)
{
    char *buf = grow(r->buf, &r->buf_cap, r->buf_len + len, 1);
    if (buf == NULL)
        return false;
    r->buf = buf;
    memcpy(r->buf + r->buf_len - 1, data, len); /* over the NUL */
    r->buf_len += len;
    r->buf[r->buf_len - 1] = '\0';
    r->fields[r->nfields - 1].len += len;
    return true;
}

/* A quoted field, up to the byte after its closing quote. Its pieces
 * between doubled quotes are stored one after another. Line breaks inside
 * count as the careful path counts them: CR, or LF not after a CR. */
static bool quoted_field(sp_csv_reader *r, scan *c)
{
    size_t start = ++c->pos; /* after the opening quote */
    bool stored = false;
    for (;;) {
        while (c->n - c->pos >= SP_WORD && quoted_word(sp_word_at(c->s + c->pos)))
            c->pos += SP_WORD;
        if (c->n - c->pos < 2) /* a quote needs the byte after it seen */
            return false;
        unsigned char b = c->s[c->pos];
        if (b == '"') {
            const unsigned char *piece = c->s + start;
            size_t len = c->pos - start;
            if (!(stored ? append_field(r, piece, len) : store_field(r, piece, len)))
                return false;
            stored = true;
            if (c->s[++c->pos] != '"')
                return true; /* closed */
            start = c->pos++; /* a doubled quote: keep one */
        } else if (b == '\r' || b == '\n') {
            c->line += b == '\r' || c->s[c->pos - 1] != '\r';
            c->pos++;
        } else if (!content_byte(c)) {
            return false;
        }
    }
}

/* Reads the record at s if it lies whole in the n bytes and holds nothing
 * to refuse, and delivers it; *took is its length with its line break, or
 * 0 to leave it to the careful path. */
static int one_pass_record(sp_csv_reader *r, const unsigned char *s, size_t n, size_t *took)
{
    /* No record longer than a limit can pass, so none is reached. */
    size_t most = SP_CSV_MAX_FIELD_BYTES < SP_CSV_MAX_RECORD_BYTES ? SP_CSV_MAX_FIELD_BYTES
                                                                   : SP_CSV_MAX_RECORD_BYTES;
    scan c = {s, n < most ? n : most, 0, r->line};
    *took = 0;
    if (c.n == 0 || s[0] == '\r' || s[0] == '\n') /* blank lines go the careful way */
        return SP_OK;
    for (;;) {
        bool ok = r->nfields < SP_CSV_MAX_FIELDS &&
                  (c.pos < c.n && s[c.pos] == '"' ? quoted_field(r, &c) : unquoted_field(r, &c));
        if (!ok || c.pos == c.n)
            break;
        unsigned char b = s[c.pos++];
        if (b == r->delim)
            continue;
        if (b != '\r' && b != '\n')
            break; /* text after a closing quote */
        r->row_line = r->line;
        r->line = c.line + 1;
        r->after_cr = b == '\r';
        r->any_byte = true;
        *took = c.pos;
        on_record(0, r);
        return r->err.code;
    }
    r->nfields = 0; /* nothing kept: the careful path starts again */
    r->buf_len = 0;
    return SP_OK;
}

/* At the start of a record, with nothing held back by libcsv or the
 * UTF-8 check. */
static bool at_record_start(const sp_csv_reader *r)
{
    return !r->row_begun && r->field_pending && r->utf8_need == 0 && r->nfields == 0;
}

static int feed_bytes(sp_csv_reader *r, const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (at_record_start(r)) {
            size_t took;
            int rc = one_pass_record(r, s + i, len - i, &took);
            if (rc != SP_OK)
                return rc;
            i += took;
            if (took > 0)
                continue;
        }
        size_t before = span(r, s + i, len - i, no_separator_word, not_separator);
        size_t n = before + (before < len - i ? 1 : 0);
        int rc = feed_segment(r, s + i, n);
        if (rc != SP_OK)
            return rc;
        i += n;
    }
    return SP_OK;
}

/* Drops a leading UTF-8 BOM, which may arrive split across feeds: its
 * bytes are held back until the BOM is complete or proves not to be one
 * (then they are fed as data). *used says how many bytes of s it took. */
static int skip_bom(sp_csv_reader *r, const unsigned char *s, size_t len, size_t *used)
{
    *used = 0;
    while (r->bom_seen < BOM_DECIDED && *used < len) {
        if (s[*used] != utf8_bom[r->bom_seen]) {
            unsigned held = r->bom_seen;
            r->bom_seen = BOM_DECIDED; /* not a BOM: the held bytes are data */
            return feed_bytes(r, utf8_bom, held);
        }
        r->bom_seen++;
        (*used)++;
    }
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Reader API                                                          */

static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

int sp_csv_reader_new(sp_csv_reader **out, sp_csv_row_fn on_row, void *ctx)
{
    sp_csv_reader *r = calloc(1, sizeof *r);
    *out = NULL;
    if (r == NULL)
        return SP_ENOMEM;
    /* CSV_APPEND_NULL is not needed: fields are copied into our own
     * NUL-terminated buffer. */
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(r);
        return SP_ENOMEM;
    }
    /* RFC 4180: spaces are part of a field. libcsv would trim them from
     * unquoted fields and silently change the text. */
    csv_set_space_func(&r->parser, never_space);
    r->on_row = on_row;
    r->ctx = ctx;
    r->delim = ',';
    r->line = 1;
    r->field_pending = true;
    *out = r;
    return SP_OK;
}

int sp_csv_reader_feed(sp_csv_reader *r, const void *data, size_t len)
{
    const unsigned char *s = data;
    size_t used;
    if (r->err.code != SP_OK)
        return r->err.code;
    int rc = skip_bom(r, s, len, &used);
    if (rc != SP_OK)
        return rc;
    return feed_bytes(r, s + used, len - used);
}

int sp_csv_reader_finish(sp_csv_reader *r)
{
    int rc = SP_OK;
    if (r->err.code != SP_OK)
        return r->err.code;
    if (r->bom_seen < BOM_DECIDED && r->bom_seen > 0)
        rc = feed_bytes(r, utf8_bom, r->bom_seen); /* a BOM cut short is data */
    r->bom_seen = BOM_DECIDED;
    if (rc != SP_OK)
        return rc;
    if (r->utf8_need > 0)
        return FAIL_HERE(r, "invalid UTF-8 byte 0x%02x (the input ends inside this "
                         "character; " UTF8_HINT ")", r->utf8_lead);
    /* Not left to CSV_STRICT_FINI: after a strict-mode error libcsv's
     * csv_fini flushes the partial row and returns 0, so the reader keeps
     * its own account of whether the last field's quotes are still open,
     * and checks it before csv_fini can deliver anything. */
    if (!r->field_pending && r->in_quotes)
        return fail(r, SP_EINVALID, r->field_line, r->nfields + 1,
                    "unterminated quoted field (a '\"' opened here is never closed)");
    if (csv_fini(&r->parser, on_field, on_record, r) != 0)
        return fail(r, SP_EINVALID, r->line, r->nfields + 1,
                    "the input ends inside a quoted field (expected a closing '\"')");
    return r->err.code;
}

void sp_csv_reader_set_delimiter(sp_csv_reader *r, unsigned char delim)
{
    r->delim = delim;
    csv_set_delim(&r->parser, delim);
}

void sp_csv_reader_position(const sp_csv_reader *r, size_t *line, size_t *column)
{
    *line = r->line;
    *column = r->nfields + 1;
}

const sp_csv_error *sp_csv_reader_error(const sp_csv_reader *r)
{
    return &r->err;
}

void sp_csv_reader_free(sp_csv_reader *r)
{
    if (r == NULL)
        return;
    csv_free(&r->parser);
    free(r->buf);
    free(r->offsets);
    free(r->fields);
    free(r);
}

/* Copies the reader's outcome to the caller's error (if any). */
static int finish_read(sp_csv_error *err, sp_csv_reader *r, int rc)
{
    if (err != NULL) {
        if (r != NULL) {
            *err = r->err;
        } else {
            memset(err, 0, sizeof *err);
            err->code = rc;
            snprintf(err->message, sizeof err->message, "out of memory");
        }
    }
    sp_csv_reader_free(r);
    return rc;
}

int sp_csv_read_buffer(sp_csv_error *err, const void *data, size_t len,
                       sp_csv_row_fn on_row, void *ctx)
{
    sp_csv_reader *r;
    int rc = sp_csv_reader_new(&r, on_row, ctx);
    if (rc == SP_OK)
        rc = sp_csv_reader_feed(r, data, len);
    if (rc == SP_OK)
        rc = sp_csv_reader_finish(r);
    return finish_read(err, r, rc);
}

/* Feeds `in` to the reader chunk by chunk, then finishes. */
static int pump(sp_csv_reader *r, FILE *in, unsigned char *chunk)
{
    for (;;) {
        errno = 0;
        size_t n = fread(chunk, 1, SP_CSV_CHUNK_SIZE, in);
        int read_errno = errno;
        int rc = sp_csv_reader_feed(r, chunk, n);
        if (rc != SP_OK)
            return rc;
        if (n == SP_CSV_CHUNK_SIZE)
            continue;
        if (ferror(in))
            return fail(r, SP_ERROR, r->line, 0, "reading the input failed: %s",
                        strerror(read_errno ? read_errno : EIO));
        return sp_csv_reader_finish(r);
    }
}

int sp_csv_read_file(sp_csv_error *err, FILE *in, sp_csv_row_fn on_row, void *ctx)
{
    sp_csv_reader *r = NULL;
    unsigned char *chunk = malloc(SP_CSV_CHUNK_SIZE);
    int rc = chunk ? sp_csv_reader_new(&r, on_row, ctx) : SP_ENOMEM;
    if (rc == SP_OK)
        rc = pump(r, in, chunk);
    free(chunk);
    return finish_read(err, r, rc);
}

/* ------------------------------------------------------------------ */
/* The guard                                                           */

/* The length of the blank or invisible character at s (len bytes left),
 * or 0 if there is none: see the trigger set in csvio.h. */
static size_t invisible_at(const unsigned char *s, size_t len)
{
    if (len >= 1 && s[0] == ' ')
        return 1;
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) /* U+00A0 */
        return 2;
    if (len < 3)
        return 0;
    unsigned cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    bool blank = (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
                 cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
                 cp == 0xFEFF;
    return blank ? 3 : 0;
}

/* True if s starts with a formula leader, ASCII or full-width. */
static bool leader_at(const unsigned char *s, size_t len)
{
    if (len == 0)
        return false;
    switch (s[0]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': case '\n':
        return true;
    }
    /* U+FF0B ＋, U+FF0D －, U+FF1D ＝ (EF BC xx) and U+FF20 ＠ (EF BC A0). */
    return len >= 3 && s[0] == 0xEF && s[1] == 0xBC &&
           (s[2] == 0x8B || s[2] == 0x8D || s[2] == 0x9D || s[2] == 0xA0);
}

bool sp_csv_guard_needed(const char *data, size_t len)
{
    if (data == NULL || len == 0)
        return false;
    const unsigned char *s = (const unsigned char *)data;
    if (s[0] == '\'')
        return true;
    size_t i = 0, n;
    while ((n = invisible_at(s + i, len - i)) > 0)
        i += n;
    return leader_at(s + i, len - i);
}

static size_t skip_digits(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* [+-]digits[.digits][(e|E)[+-]digits], the whole cell. */
static bool reads_as_number(const char *s, size_t len)
{
    size_t i = (len > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    size_t j = skip_digits(s, i, len);
    if (j == i)
        return false;
    if (j < len && s[j] == '.') {
        i = j + 1;
        if ((j = skip_digits(s, i, len)) == i)
            return false;
    }
    if (j < len && (s[j] == 'e' || s[j] == 'E')) {
        i = j + 1 + (j + 1 < len && (s[j + 1] == '+' || s[j + 1] == '-'));
        if ((j = skip_digits(s, i, len)) == i)
            return false;
    }
    return j == len;
}

bool sp_csv_guard_applies(const char *data, size_t len, sp_coltype type)
{
    if (!sp_csv_guard_needed(data, len))
        return false;
    return type == SP_COL_TEXT || !reads_as_number(data, len);
}

sp_csv_field sp_csv_unguard(sp_csv_field cell)
{
    if (cell.len >= 2 && cell.data[0] == '\'' && sp_csv_guard_needed(cell.data + 1, cell.len - 1)) {
        cell.data++;
        cell.len--;
    }
    return cell;
}

/* ------------------------------------------------------------------ */
/* Writer                                                              */

/* The writer owns `out` while it writes (no other thread writes to it),
 * so it skips stdio's locking. */
static int emit(sp_csv_writer *w, const void *data, size_t len)
{
    errno = 0;
    if (len > 0 && fwrite_unlocked(data, 1, len, w->out) != len) {
        w->error = errno ? errno : EIO;
        return SP_ERROR;
    }
    return SP_OK;
}

/* Gives `out` what the writer holds. */
static int drain(sp_csv_writer *w)
{
    size_t n = w->held;
    w->held = 0;
    return emit(w, w->buf, n);
}

static int put(sp_csv_writer *w, const void *data, size_t len)
{
    if (w->error != 0)
        return SP_ERROR;
    if (len > sizeof w->buf - w->held) {
        if (drain(w) != SP_OK)
            return SP_ERROR;
        if (len > sizeof w->buf) /* more than the buffer holds: straight out */
            return emit(w, data, len);
    }
    memcpy(w->buf + w->held, data, len);
    w->held += len;
    return SP_OK;
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static bool quote_byte(unsigned char c)
{
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

/* RFC 4180's reasons to quote, plus edge spaces (which many readers,
 * libcsv's default among them, would trim) and a leading U+FEFF (which a
 * reader would take for a byte-order mark). `first` is the first byte
 * actually written, the guard's '\'' if there is one. */
static bool needs_quotes(const char *s, size_t len, unsigned char first)
{
    if (is_blank(first) || is_blank((unsigned char)s[len - 1]))
        return true;
    if (first == utf8_bom[0] && len >= 3 && memcmp(s, utf8_bom, 3) == 0)
        return true;
    /* Eight bytes at a time: a word with no byte below 0x0E (which CR and
     * LF are), no ',' and no '"' has nothing to quote; any other word is
     * looked at byte by byte (long texts are most of a report's bytes). */
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + SP_WORD <= len; i += SP_WORD) {
        uint64_t x = sp_word_at(u + i);
        if (sp_word_has_below(x, 0x0E) || sp_word_has(x, ',') || sp_word_has(x, '"'))
            for (size_t k = i; k < i + SP_WORD; k++)
                if (quote_byte(u[k]))
                    return true;
    }
    for (; i < len; i++)
        if (quote_byte(u[i]))
            return true;
    return false;
}

/* Writes s inside quotes, doubling each '"'. */
static int put_quoted(sp_csv_writer *w, const char *s, size_t len, bool guarded)
{
    int rc = put(w, guarded ? "\"'" : "\"", guarded ? 2 : 1);
    while (rc == SP_OK && len > 0) {
        const char *q = memchr(s, '"', len);
        size_t n = q ? (size_t)(q - s) + 1 : len;
        rc = put(w, s, n);
        if (rc == SP_OK && q)
            rc = put(w, "\"", 1);
        s += n;
        len -= n;
    }
    return rc == SP_OK ? put(w, "\"", 1) : rc;
}

int sp_csv_writer_init(sp_csv_writer *w, FILE *out, unsigned flags)
{
    w->out = out;
    w->flags = flags;
    w->fields = 0;
    w->row_blank = true;
    w->error = 0;
    w->held = 0;
    return (flags & SP_CSV_BOM) ? put(w, utf8_bom, sizeof utf8_bom) : SP_OK;
}

int sp_csv_write_field(sp_csv_writer *w, const char *data, size_t len, sp_coltype type)
{
    if (data == NULL)
        len = 0;
    if (w->fields++ > 0 && put(w, ",", 1) != SP_OK)
        return SP_ERROR;
    if (len == 0)
        return w->error ? SP_ERROR : SP_OK;
    w->row_blank = false;
    bool guarded = (w->flags & SP_CSV_GUARD) && sp_csv_guard_applies(data, len, type);
    if (needs_quotes(data, len, guarded ? '\'' : (unsigned char)data[0]))
        return put_quoted(w, data, len, guarded);
    if (guarded && put(w, "'", 1) != SP_OK)
        return SP_ERROR;
    return put(w, data, len);
}

int sp_csv_write_cell(sp_csv_writer *w, const char *text, sp_coltype type)
{
    return sp_csv_write_field(w, text, text ? strlen(text) : 0, type);
}

int sp_csv_end_row(sp_csv_writer *w)
{
    int rc = SP_OK;
    if (w->fields == 0)
        return w->error ? SP_ERROR : SP_OK;
    if (w->fields == 1 && w->row_blank)
        rc = put(w, "\"\"", 2);
    if (rc == SP_OK)
        rc = (w->flags & SP_CSV_LF) ? put(w, "\n", 1) : put(w, "\r\n", 2);
    w->fields = 0;
    w->row_blank = true;
    return rc;
}

int sp_csv_write_row(sp_csv_writer *w, const char *const *cells, size_t n,
                     const sp_coltype *types)
{
    for (size_t i = 0; i < n; i++)
        if (sp_csv_write_cell(w, cells[i], types ? types[i] : SP_COL_TEXT) != SP_OK)
            return SP_ERROR;
    return sp_csv_end_row(w);
}

int sp_csv_writer_finish(sp_csv_writer *w)
{
    if (w->error != 0 || drain(w) != SP_OK)
        return SP_ERROR;
    errno = 0;
    if (fflush(w->out) != 0 || ferror(w->out)) {
        w->error = errno ? errno : EIO;
        return SP_ERROR;
    }
    return SP_OK;
}
