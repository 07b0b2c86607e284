/*
 * xlsx.c — the workbook: the zip container (libzip), reading a part under
 * the zip-bomb limits, the list of sheets and where each is kept, the date
 * system, the cell styles' number formats and the shared strings. The
 * sheets themselves are read by xlsx_sheet.c. See xlsx.h.
 */
#define SP_XLSX_PRIVATE 1
#include "xlsx.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h" /* the spill */

#define READ_BLOCK ((size_t)64 << 10)

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static int vfail(sp_xlsx_error *e, int code, size_t row, size_t column, const char *fmt,
                 va_list ap) __attribute__((format(printf, 5, 0)));
static int vfail(sp_xlsx_error *e, int code, size_t row, size_t column, const char *fmt,
                 va_list ap)
{
    if (e->code != SP_OK)
        return e->code; /* the first failure is the one to report */
    e->code = code;
    e->row = row;
    e->column = column;
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    return code;
}

int xlsx_fail(sp_xlsx_error *e, int code, size_t row, size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(e, code, row, column, fmt, ap);
    va_end(ap);
    return e->code;
}

int xlsx_stop(xlsx_parse *ps, int code, size_t row, size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(ps->err, code, row, column, fmt, ap);
    va_end(ap);
    XML_StopParser(ps->parser, XML_FALSE);
    return ps->err->code;
}

int xlsx_buf_add(xlsx_buf *b, const char *s, size_t n, size_t limit)
{
    if (b->len + n > limit)
        return SP_EINVALID;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return SP_ENOMEM;
        b->p = p;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return SP_OK;
}

/* expat reports "URI\x01local" for a namespaced name (see open_parser). */
const char *xlsx_local(const char *name)
{
    const char *sep = strrchr(name, '\x01');
    return sep ? sep + 1 : name;
}

const char *xlsx_attr(const char **attrs, const char *local)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(xlsx_local(attrs[i]), local) == 0)
            return attrs[i + 1];
    return NULL;
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The code point of "_xHHHH_" at s, or -1. */
static long escape_at(const char *s)
{
    if (s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hex(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Excel writes characters XML cannot hold (a CR, a tab in some versions)
 * as _xHHHH_, and a literal "_x" as _x005F_x. Each escape is 7 bytes and
 * its character at most 3, so this works in place. A NUL or half of a
 * surrogate pair stays as written. */
void xlsx_unescape(xlsx_buf *b)
{
    if (!b->p || !strstr(b->p, "_x"))
        return;
    size_t o = 0;
    for (size_t i = 0; i < b->len;) {
        long c = b->len - i >= 7 ? escape_at(b->p + i) : -1;
        if (c <= 0 || (c >= 0xD800 && c <= 0xDFFF)) {
            b->p[o++] = b->p[i++];
            continue;
        }
        if (c < 0x80) {
            b->p[o++] = (char)c;
        } else if (c < 0x800) {
            b->p[o++] = (char)(0xC0 | (c >> 6));
            b->p[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            b->p[o++] = (char)(0xE0 | (c >> 12));
            b->p[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            b->p[o++] = (char)(0x80 | (c & 0x3F));
        }
        i += 7;
    }
    b->len = o;
    b->p[o] = '\0';
}

bool xlsx_parse_ref(const char *ref, size_t *row, size_t *column)
{
    size_t c = 0, r = 0, i = 0;
    for (; (ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'); i++) {
        if (i == 3)
            return false;
        c = c * 26 + (size_t)((ref[i] | 0x20) - 'a' + 1);
    }
    if (i == 0 || c > SP_XLSX_MAX_COLS)
        return false;
    size_t digits = 0;
    for (; ref[i] >= '0' && ref[i] <= '9'; i++, digits++) {
        r = r * 10 + (size_t)(ref[i] - '0');
        if (r > SP_XLSX_LAST_ROW)
            return false;
    }
    if (ref[i] != '\0' || (row && (digits == 0 || r == 0)) || (!row && digits > 0))
        return false;
    if (row)
        *row = r;
    *column = c;
    return true;
}

void sp_xlsx_cell_name(char *out, size_t size, size_t row, size_t column)
{
    char letters[8];
    size_t n = 0;
    for (size_t c = column; c > 0 && n < sizeof letters; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char name[8];
    for (size_t i = 0; i < n; i++)
        name[i] = letters[n - 1 - i];
    name[n] = '\0';
    if (row > 0)
        snprintf(out, size, "%s%zu", name, row);
    else
        snprintf(out, size, "%s", name);
}

bool sp_xlsx_is_zip(const void *data, size_t len)
{
    const unsigned char *b = data;
    return len >= 4 && b[0] == 'P' && b[1] == 'K' &&
           ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
}

bool sp_xlsx_is_ole(const void *data, size_t len)
{
    static const unsigned char sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return len >= 8 && memcmp(data, sig, 8) == 0;
}

/* ------------------------------------------------------------------ */
/* Reading a part                                                      */

static int refuse_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
                          const XML_Char *pub, int internal)
{
    (void)name, (void)sys, (void)pub, (void)internal;
    xlsx_parse *ps = ud;
    return xlsx_stop(ps, SP_EINVALID, 0, 0, "%s declares a DTD, which no workbook part "
                     "has: expected an Excel workbook", ps->part);
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
                       const XML_Char *pub, int internal)
{
    refuse_doctype(ud, name, sys, pub, internal);
}

/* The part's size may be declared falsely: the limits are checked on the
 * bytes really unpacked, as they come. */
static int check_bomb(xlsx_parse *ps, uint64_t unpacked, uint64_t packed)
{
    if (unpacked > SP_XLSX_MAX_PART || ps->x->unpacked > SP_XLSX_MAX_TOTAL)
        return xlsx_fail(ps->err, SP_EINVALID, 0, 0, "%s unpacks to more than %llu MiB: "
                         "expected a workbook of a plan (this looks like a zip bomb)",
                         ps->part, (unsigned long long)(SP_XLSX_MAX_PART >> 20));
    if (unpacked > SP_XLSX_RATIO_FLOOR && unpacked / SP_XLSX_MAX_RATIO > packed)
        return xlsx_fail(ps->err, SP_EINVALID, 0, 0, "%s unpacks to more than %d times its "
                         "packed size: expected a workbook of a plan (this looks like a zip "
                         "bomb)", ps->part, SP_XLSX_MAX_RATIO);
    return SP_OK;
}

static int zip_fault(xlsx_parse *ps, zip_error_t *ze)
{
    int z = zip_error_code_zip(ze);
    if (z == ZIP_ER_MEMORY)
        return xlsx_fail(ps->err, SP_ENOMEM, 0, 0, "out of memory unpacking %s", ps->part);
    if (z == ZIP_ER_NOPASSWD || z == ZIP_ER_WRONGPASSWD || z == ZIP_ER_ENCRNOTSUPP)
        return xlsx_fail(ps->err, SP_EINVALID, 0, 0, "%s is encrypted (the workbook is "
                         "password-protected): expected a workbook saved without a password",
                         ps->part);
    return xlsx_fail(ps->err, SP_EINVALID, 0, 0, "%s cannot be unpacked (%s): the workbook "
                     "is damaged", ps->part, zip_error_strerror(ze));
}

static int xml_fault(xlsx_parse *ps)
{
    if (ps->err->code != SP_OK)
        return ps->err->code; /* a handler stopped it */
    enum XML_Error e = XML_GetErrorCode(ps->parser);
    if (e == XML_ERROR_NO_MEMORY)
        return xlsx_fail(ps->err, SP_ENOMEM, 0, 0, "out of memory reading %s", ps->part);
    return xlsx_fail(ps->err, SP_EINVALID, 0, 0, "%s is not well-formed XML (line %lu: %s): "
                     "the workbook is damaged", ps->part,
                     (unsigned long)XML_GetCurrentLineNumber(ps->parser), XML_ErrorString(e));
}

static int feed_part(xlsx_parse *ps, zip_file_t *f, uint64_t packed, char *block)
{
    uint64_t total = 0;
    for (;;) {
        zip_int64_t n = zip_fread(f, block, READ_BLOCK);
        if (n < 0)
            return zip_fault(ps, zip_file_get_error(f));
        total += (uint64_t)n;
        ps->x->unpacked += (uint64_t)n;
        int rc = check_bomb(ps, total, packed);
        if (rc != SP_OK)
            return rc;
        if (XML_Parse(ps->parser, block, (int)n, n == 0) != XML_STATUS_OK)
            return xml_fault(ps);
        if (n == 0)
            return ps->err->code;
    }
}

static int read_part(xlsx_parse *ps)
{
    zip_t *zip = ps->x->zip;
    zip_stat_t st;
    zip_int64_t index = zip_name_locate(zip, ps->part, ZIP_FL_NOCASE);
    if (index < 0)
        return SP_ENOTFOUND;
    if (zip_stat_index(zip, (zip_uint64_t)index, 0, &st) != 0)
        return zip_fault(ps, zip_get_error(zip));
    uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    int rc = (st.valid & ZIP_STAT_SIZE) ? check_bomb(ps, st.size, packed) : SP_OK;
    if (rc != SP_OK)
        return rc;
    zip_file_t *f = zip_fopen_index(zip, (zip_uint64_t)index, 0);
    if (!f)
        return zip_fault(ps, zip_get_error(zip));
    char *block = malloc(READ_BLOCK);
    rc = block ? feed_part(ps, f, packed, block)
               : xlsx_fail(ps->err, SP_ENOMEM, 0, 0, "out of memory");
    free(block);
    zip_fclose(f);
    return rc;
}

int xlsx_parse_part(xlsx_parse *ps, const char *part, XML_StartElementHandler start,
                    XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    /* Namespaces are resolved, so "x:row" and "row" are both the row. */
    ps->parser = XML_ParserCreateNS(NULL, '\x01');
    ps->part = part;
    if (!ps->parser)
        return xlsx_fail(ps->err, SP_ENOMEM, 0, 0, "out of memory");
    XML_SetUserData(ps->parser, ps);
    XML_SetElementHandler(ps->parser, start, end);
    XML_SetCharacterDataHandler(ps->parser, text);
    XML_SetStartDoctypeDeclHandler(ps->parser, on_doctype);
    int rc = read_part(ps);
    XML_ParserFree(ps->parser);
    ps->parser = NULL;
    return rc;
}

/* ------------------------------------------------------------------ */
/* Number formats                                                      */

static bool builtin_date(unsigned id)
{
    return (id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
           (id >= 50 && id <= 58);
}

sp_xlsx_kind sp_xlsx_format_kind(unsigned id, const char *code)
{
    if (!code)
        return id == 17 ? SP_XLSX_MONTH /* mmm-yy */
             : builtin_date(id) ? SP_XLSX_DATE
             : id == 22 ? SP_XLSX_DATETIME
             : (id >= 18 && id <= 21) || (id >= 45 && id <= 47) ? SP_XLSX_TIME
             : id == 9 || id == 10 ? SP_XLSX_PERCENT : SP_XLSX_NUMBER;
    bool date = false, time = false, month = false, percent = false, day = false;
    /* Only the first section (positive numbers) matters; quoted text,
     * escaped characters, fills and paddings are not format letters. */
    for (const char *p = code; *p && *p != ';'; p++) {
        char c = (char)(*p | 0x20);
        if (*p == '"') {
            if (!(p = strchr(p + 1, '"')))
                break;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (!*++p)
                break;
        } else if (*p == '[') {
            char first = (char)(p[1] | 0x20); /* [h]:mm elapsed time; [Red], [$-809] not */
            time = time || first == 'h' || first == 'm' || first == 's';
            if (!(p = strchr(p, ']')))
                break;
        } else if (c == 'd' || c == 'y') {
            date = true;
            day = day || c == 'd';
        } else if (c == 'h' || c == 's') {
            time = true;
        } else if (c == 'm') {
            month = true; /* minutes beside h or s, else the month */
        } else if (*p == '%') {
            percent = true;
        }
    }
    date = date || (month && !time);
    if (date && !time && !day && month)
        return SP_XLSX_MONTH;
    return date && time ? SP_XLSX_DATETIME : date ? SP_XLSX_DATE : time ? SP_XLSX_TIME
         : percent ? SP_XLSX_PERCENT : SP_XLSX_NUMBER;
}

unsigned sp_xlsx_format_decimals(unsigned id, const char *code)
{
    if (!code)
        return id == 2 ? 2 : 0; /* 0.00 */
    const char *p = code;
    while (*p == '0' || *p == '#')
        p++;
    if (p == code || *p != '.')
        return 0;
    size_t n = strspn(p + 1, "0");
    return n > 0 && n <= 15 && p[1 + n] == '\0' ? (unsigned)n : 0;
}

/* The civil date of a day count from 1970-01-01 (proleptic Gregorian). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* Writes the date of a day serial; false if Excel shows no date for it. */
static bool serial_date(char *out, size_t size, long days, bool date1904)
{
    long y;
    unsigned m, d;
    if (days < 0 || days > (date1904 ? 2957003L : 2958465L))
        return false;
    if (!date1904 && days == 60) { /* Lotus 1-2-3's leap day, kept by Excel */
        snprintf(out, size, "1900-02-29");
        return true;
    }
    if (!date1904 && days == 0) {
        snprintf(out, size, "1900-01-00");
        return true;
    }
    /* Day 0 is 1904-01-01, or (before the phantom day) 1899-12-31. */
    long from_epoch = date1904 ? days - 24107 : days < 60 ? days - 25568 : days - 25569;
    civil(from_epoch, &y, &m, &d);
    snprintf(out, size, "%04ld-%02u-%02u", y, m, d);
    return true;
}

static void write_number(char *out, size_t size, double value, const char *suffix)
{
    if (value == 0)
        value = 0; /* no "-0" */
    snprintf(out, size, "%.15g%s", value, suffix);
}

/* "March 2018" for 2018-03-DD. */
static void write_month(char *out, size_t size, const char *iso)
{
    static const char *const names[] = {"January", "February", "March", "April", "May",
                                        "June", "July", "August", "September", "October",
                                        "November", "December"};
    int m = (iso[5] - '0') * 10 + (iso[6] - '0');
    snprintf(out, size, "%s %.4s", m >= 1 && m <= 12 ? names[m - 1] : "?", iso);
}

void sp_xlsx_format_number(char *out, size_t size, double value, sp_xlsx_kind kind,
                           bool date1904)
{
    if (!isfinite(value)) {
        snprintf(out, size, "#NUM!");
        return;
    }
    if (kind == SP_XLSX_PERCENT) {
        write_number(out, size, value * 100, "%");
        return;
    }
    if (kind == SP_XLSX_NUMBER || value < 0 || value >= 2958466.0) {
        write_number(out, size, value, "");
        return;
    }
    long days = (long)value; /* value >= 0 here: truncation is floor */
    long secs = (long)((value - (double)days) * 86400.0 + 0.5);
    if (secs >= 86400) {
        days++;
        secs -= 86400;
    }
    char date[24] = "";
    if (kind == SP_XLSX_TIME)
        snprintf(out, size, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
    else if (serial_date(date, sizeof date, days, date1904) && kind == SP_XLSX_MONTH)
        write_month(out, size, date);
    else if (date[0])
        snprintf(out, size, "%s", date); /* a plan's dates have no time of day */
    else
        write_number(out, size, value, "");
}

/* ------------------------------------------------------------------ */
/* The workbook, its relationships, styles and shared strings          */

typedef struct workbook_parse {
    xlsx_parse base;
    char **rel_id;          /* each sheet's r:id, parallel to the sheet names */
    bool in_cellxfs;
    char **fmt_code;        /* custom number formats: id, code */
    unsigned *fmt_id;
    size_t nfmts;
    bool in_si, in_t, in_rph;
    xlsx_buf text;
} workbook_parse;

static char **grow_list(char **list, size_t n)
{
    return (n & (n - 1)) == 0 ? realloc(list, (n ? n * 2 : 1) * sizeof *list) : list;
}

static void wb_start(void *ud, const char *name, const char **attrs)
{
    workbook_parse *wp = ud;
    sp_xlsx *x = wp->base.x;
    const char *el = xlsx_local(name);
    if (strcmp(el, "workbookPr") == 0) {
        const char *v = xlsx_attr(attrs, "date1904");
        x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (strcmp(el, "sheet") == 0) {
        const char *sheet = xlsx_attr(attrs, "name"), *id = xlsx_attr(attrs, "id");
        if (!sheet || !id) {
            xlsx_stop(&wp->base, SP_EINVALID, 0, 0, "xl/workbook.xml lists a sheet without "
                      "a name or id: the workbook is damaged");
            return;
        }
        char **names = grow_list(x->sheet_name, x->nsheets);
        if (names)
            x->sheet_name = names;
        char **ids = names ? grow_list(wp->rel_id, x->nsheets) : NULL;
        if (ids)
            wp->rel_id = ids;
        bool *hidden = ids ? realloc(x->sheet_hidden, (x->nsheets + 1) * sizeof *hidden) : NULL;
        if (hidden)
            x->sheet_hidden = hidden;
        char *n = hidden ? strdup(sheet) : NULL, *i = n ? strdup(id) : NULL;
        if (!i) {
            free(n);
            xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
            return;
        }
        const char *state = xlsx_attr(attrs, "state");
        x->sheet_hidden[x->nsheets] = state && strcmp(state, "visible") != 0;
        x->sheet_name[x->nsheets] = n;
        wp->rel_id[x->nsheets++] = i;
    }
}

static void no_end(void *ud, const char *name)
{
    (void)ud, (void)name;
}

static void no_text(void *ud, const char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

/* A relationship's target, relative to xl/ unless it begins with '/'. */
static char *part_path(const char *target)
{
    size_t n = strlen(target);
    char *p = malloc(n + 4);
    if (!p)
        return NULL;
    if (target[0] == '/')
        memcpy(p, target + 1, n);
    else
        snprintf(p, n + 4, "xl/%s", target);
    return p;
}

static void rels_start(void *ud, const char *name, const char **attrs)
{
    workbook_parse *wp = ud;
    sp_xlsx *x = wp->base.x;
    const char *id = xlsx_attr(attrs, "Id"), *target = xlsx_attr(attrs, "Target");
    if (strcmp(xlsx_local(name), "Relationship") != 0 || !id || !target)
        return;
    for (size_t i = 0; i < x->nsheets; i++) {
        if (strcmp(wp->rel_id[i], id) != 0 || x->sheet_part[i])
            continue;
        const char *type = xlsx_attr(attrs, "Type");
        /* A chart sheet is listed with the worksheets but holds no cells. */
        if (type && strstr(type, "/chartsheet"))
            continue;
        if (!(x->sheet_part[i] = part_path(target)))
            xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
    }
}

static void styles_start(void *ud, const char *name, const char **attrs)
{
    workbook_parse *wp = ud;
    sp_xlsx *x = wp->base.x;
    const char *el = xlsx_local(name);
    const char *id = xlsx_attr(attrs, "numFmtId");
    if (strcmp(el, "cellXfs") == 0) {
        wp->in_cellxfs = true;
    } else if (strcmp(el, "numFmt") == 0 && id && xlsx_attr(attrs, "formatCode")) {
        char **codes = grow_list(wp->fmt_code, wp->nfmts);
        unsigned *ids = codes ? realloc(wp->fmt_id, (wp->nfmts + 1) * sizeof *ids) : NULL;
        if (codes)
            wp->fmt_code = codes;
        if (ids)
            wp->fmt_id = ids;
        char *code = ids ? strdup(xlsx_attr(attrs, "formatCode")) : NULL;
        if (!code) {
            xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
            return;
        }
        wp->fmt_id[wp->nfmts] = (unsigned)strtoul(id, NULL, 10);
        wp->fmt_code[wp->nfmts++] = code;
    } else if (strcmp(el, "xf") == 0 && wp->in_cellxfs) {
        unsigned fid = id ? (unsigned)strtoul(id, NULL, 10) : 0;
        const char *code = NULL;
        for (size_t i = 0; i < wp->nfmts; i++)
            if (wp->fmt_id[i] == fid)
                code = wp->fmt_code[i];
        unsigned char *kinds = realloc(x->kinds, x->nkinds + 1);
        if (kinds)
            x->kinds = kinds;
        unsigned char *decimals = kinds ? realloc(x->decimals, x->nkinds + 1) : NULL;
        if (!decimals) {
            xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
            return;
        }
        x->decimals = decimals;
        x->decimals[x->nkinds] = (unsigned char)sp_xlsx_format_decimals(fid, code);
        x->kinds[x->nkinds++] = (unsigned char)sp_xlsx_format_kind(fid, code);
    }
}

static void styles_end(void *ud, const char *name)
{
    workbook_parse *wp = ud;
    if (strcmp(xlsx_local(name), "cellXfs") == 0)
        wp->in_cellxfs = false;
}

/* Shared strings: each <si> is plain (<t>) or rich text (runs <r><t>),
 * joined; phonetic guides (<rPh>) are not part of the text. */
static void sst_start(void *ud, const char *name, const char **attrs)
{
    workbook_parse *wp = ud;
    const char *el = xlsx_local(name);
    (void)attrs;
    if (strcmp(el, "si") == 0) {
        wp->in_si = true;
        wp->text.len = 0;
        xlsx_buf_add(&wp->text, "", 0, SIZE_MAX);
    } else if (strcmp(el, "rPh") == 0) {
        wp->in_rph = true;
    } else if (strcmp(el, "t") == 0) {
        wp->in_t = wp->in_si && !wp->in_rph;
    }
}

/* Seals the string into the spill, made on the first one. */
static int spill_string(workbook_parse *wp, const char *text, size_t len, uint64_t *at)
{
    sp_xlsx *x = wp->base.x;
    size_t sealed;
    int rc = x->spill ? SP_OK : sp_spill_open(&x->spill, x->spill_db);
    if (rc == SP_OK)
        rc = sp_spill_put(x->spill, text, len, at, &sealed);
    if (rc == SP_OK && (x->spill_end = *at + sealed) > UINT32_MAX)
        rc = SP_EINVALID; /* cannot be: the part's limit keeps it far below */
    if (rc != SP_OK)
        xlsx_stop(&wp->base, rc, 0, 0, "cannot keep the workbook's shared strings: %s",
                  rc == SP_EINVALID ? "too many" : sp_errmsg(x->spill_db));
    return rc;
}

/* Keeps the string just read: in memory while the budget lasts (and no
 * string has been sealed: those in memory are the first ones), else
 * sealed in the spill. */
static int keep_string(workbook_parse *wp)
{
    sp_xlsx *x = wp->base.x;
    if (!wp->text.p && xlsx_buf_add(&wp->text, "", 0, SIZE_MAX) != SP_OK)
        return xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
    xlsx_unescape(&wp->text);
    if (x->nstrings == SP_XLSX_MAX_STRINGS)
        return xlsx_stop(&wp->base, SP_EINVALID, 0, 0, "the workbook has more than %zu "
                         "different texts (shared strings): expected a workbook of a plan",
                         SP_XLSX_MAX_STRINGS);
    if (x->nstrings == x->strings_cap) {
        size_t cap = x->strings_cap ? x->strings_cap * 2 : 64;
        uint32_t *at = realloc(x->string_at, cap * sizeof *at);
        if (!at)
            return xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
        x->string_at = at;
        x->strings_cap = cap;
    }
    size_t need = wp->text.len + 1;
    if (x->in_memory == x->nstrings && (!x->spill_db || x->strings.len + need <= x->budget)) {
        x->string_at[x->nstrings++] = (uint32_t)x->strings.len;
        x->in_memory++;
        if (xlsx_buf_add(&x->strings, wp->text.p, need, SIZE_MAX) != SP_OK)
            return xlsx_stop(&wp->base, SP_ENOMEM, 0, 0, "out of memory");
        return SP_OK;
    }
    uint64_t at;
    int rc = spill_string(wp, wp->text.p, need, &at); /* NUL-terminated, as in memory */
    if (rc == SP_OK)
        x->string_at[x->nstrings++] = (uint32_t)at;
    return rc;
}

/* The size of spilled string i's record. */
static size_t sealed_size(const sp_xlsx *x, size_t i)
{
    uint64_t end = i + 1 < x->nstrings ? x->string_at[i + 1] : x->spill_end;
    return (size_t)(end - x->string_at[i]);
}

size_t xlsx_shared_length(const sp_xlsx *x, size_t i)
{
    return i < x->in_memory ? strlen(x->strings.p + x->string_at[i])
                            : sp_spill_len(sealed_size(x, i)) - 1;
}

int xlsx_shared_string(xlsx_parse *ps, size_t i, const char **value, size_t *len)
{
    sp_xlsx *x = ps->x;
    if (i < x->in_memory) {
        *value = x->strings.p + x->string_at[i];
        *len = strlen(*value);
        return SP_OK;
    }
    const unsigned char *data;
    int rc = sp_spill_get(x->spill, x->string_at[i], sealed_size(x, i), &data, len);
    if (rc != SP_OK)
        return xlsx_stop(ps, rc, 0, 0, "cannot read the workbook's shared strings: %s",
                         sp_errmsg(x->spill_db));
    *value = (const char *)data;
    *len -= 1; /* the NUL sealed with it */
    return SP_OK;
}

static void sst_end(void *ud, const char *name)
{
    workbook_parse *wp = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "t") == 0) {
        wp->in_t = false;
    } else if (strcmp(el, "rPh") == 0) {
        wp->in_rph = false;
    } else if (strcmp(el, "si") == 0) {
        wp->in_si = false;
        keep_string(wp); /* a failure has stopped the parser */
    }
}

static void sst_text(void *ud, const char *s, int len)
{
    workbook_parse *wp = ud;
    if (wp->in_t && xlsx_buf_add(&wp->text, s, (size_t)len, SP_CSV_MAX_FIELD_BYTES) != SP_OK)
        xlsx_stop(&wp->base, SP_EINVALID, 0, 0, "a shared string is longer than %zu MiB: "
                  "expected the text of a cell", SP_CSV_MAX_FIELD_BYTES >> 20);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

/* A file is read where its parts are, never held whole: the workbook's
 * bytes cost no memory. libzip closes it with the source. */
static int open_zip(sp_xlsx *x, sp_xlsx_error *err, const sp_xlsx_source *from)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = from->file ? zip_source_filep_create(from->file, 0, -1, &ze)
                                   : zip_source_buffer_create(from->data, from->len, 0, &ze);
    if (!src && from->file)
        fclose(from->file);
    if (src && (x->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL)
        zip_source_free(src);
    int z = zip_error_code_zip(&ze);
    int rc = x->zip ? SP_OK
           : z == ZIP_ER_MEMORY ? xlsx_fail(err, SP_ENOMEM, 0, 0, "out of memory")
           : z == ZIP_ER_NOZIP ? xlsx_fail(err, SP_EINVALID, 0, 0, "not a zip file, so not "
                                           "an Excel workbook (.xlsx)")
           : xlsx_fail(err, SP_EINVALID, 0, 0, "the zip file is damaged (%s): expected an "
                       "Excel workbook (.xlsx)", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return rc;
}

/* A zip that is no workbook: say what it is, if it is a common one. */
static int not_a_workbook(sp_xlsx *x, sp_xlsx_error *err)
{
    const char *what = zip_name_locate(x->zip, "content.xml", 0) >= 0
                           ? "an OpenDocument file (.ods): save it from LibreOffice as .xlsx"
                     : zip_name_locate(x->zip, "word/document.xml", 0) >= 0
                           ? "a Word document: expected a spreadsheet"
                           : "expected an Excel workbook (.xlsx)";
    return xlsx_fail(err, SP_EINVALID, 0, 0, "a zip file with no xl/workbook.xml: %s", what);
}

static int parse_in(workbook_parse *wp, const char *part, XML_StartElementHandler start,
                    XML_EndElementHandler end, XML_CharacterDataHandler text, bool required)
{
    int rc = xlsx_parse_part(&wp->base, part, start, end, text);
    if (rc == SP_ENOTFOUND)
        return required ? xlsx_fail(wp->base.err, SP_EINVALID, 0, 0, "the workbook has no "
                                    "%s: it is damaged", part)
                        : SP_OK;
    return rc;
}

static int read_workbook(sp_xlsx *x, workbook_parse *wp)
{
    if (zip_name_locate(x->zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0)
        return not_a_workbook(x, wp->base.err);
    int rc = parse_in(wp, "xl/workbook.xml", wb_start, no_end, no_text, true);
    if (rc == SP_OK && x->nsheets == 0)
        rc = xlsx_fail(wp->base.err, SP_EINVALID, 0, 0, "the workbook has no sheets");
    if (rc == SP_OK && !(x->sheet_part = calloc(x->nsheets, sizeof *x->sheet_part)))
        rc = xlsx_fail(wp->base.err, SP_ENOMEM, 0, 0, "out of memory");
    if (rc == SP_OK)
        rc = parse_in(wp, "xl/_rels/workbook.xml.rels", rels_start, no_end, no_text, true);
    if (rc == SP_OK)
        rc = parse_in(wp, "xl/styles.xml", styles_start, styles_end, no_text, false);
    if (rc == SP_OK)
        rc = parse_in(wp, "xl/sharedStrings.xml", sst_start, sst_end, sst_text, false);
    return rc;
}

/* Drops chart sheets (no part): they hold no cells to import. */
static void keep_worksheets(sp_xlsx *x)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nsheets; i++) {
        if (x->sheet_part[i]) {
            x->sheet_name[n] = x->sheet_name[i];
            x->sheet_hidden[n] = x->sheet_hidden[i];
            x->sheet_part[n++] = x->sheet_part[i];
        } else {
            free(x->sheet_name[i]);
        }
    }
    x->nsheets = n;
}

static void free_workbook_parse(workbook_parse *wp, size_t nsheets)
{
    for (size_t i = 0; wp->rel_id && i < nsheets; i++)
        free(wp->rel_id[i]);
    free(wp->rel_id);
    for (size_t i = 0; i < wp->nfmts; i++)
        free(wp->fmt_code[i]);
    free(wp->fmt_code);
    free(wp->fmt_id);
    free(wp->text.p);
}

int sp_xlsx_open(sp_xlsx **out, sp_xlsx_error *err, const void *data, size_t len)
{
    sp_xlsx_source src = {NULL, data, len, NULL, 0};
    return sp_xlsx_open_source(out, err, &src);
}

int sp_xlsx_open_source(sp_xlsx **out, sp_xlsx_error *err, const sp_xlsx_source *src)
{
    memset(err, 0, sizeof *err);
    *out = NULL;
    sp_xlsx *x = calloc(1, sizeof *x);
    if (!x) {
        if (src->file)
            fclose(src->file);
        return xlsx_fail(err, SP_ENOMEM, 0, 0, "out of memory");
    }
    x->spill_db = src->spill_db;
    x->budget = src->in_memory ? src->in_memory : SP_XLSX_STRINGS_IN_MEMORY;
    x->c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    const char *unloaded = x->c_numeric ? sp_xread_load() : NULL;
    int rc = !x->c_numeric ? xlsx_fail(err, SP_ENOMEM, 0, 0, "out of memory")
           : unloaded ? xlsx_fail(err, SP_ERROR, 0, 0, "reading a workbook needs libzip and "
                                  "expat (Debian packages libzip4, libexpat1): %s", unloaded)
                      : SP_OK;
    if (rc == SP_OK)
        rc = open_zip(x, err, src); /* takes the file */
    else if (src->file)
        fclose(src->file);
    workbook_parse wp = {{NULL, x, err, NULL}, NULL, false, NULL, NULL, 0, false, false,
                         false, {NULL, 0, 0}};
    if (rc == SP_OK)
        rc = read_workbook(x, &wp);
    free_workbook_parse(&wp, x->nsheets);
    if (rc == SP_OK) {
        keep_worksheets(x);
        if (x->nsheets == 0)
            rc = xlsx_fail(err, SP_EINVALID, 0, 0, "the workbook has no worksheets (only "
                           "charts)");
    }
    if (rc != SP_OK) {
        sp_xlsx_free(x);
        return rc;
    }
    *out = x;
    return SP_OK;
}

size_t sp_xlsx_sheet_count(const sp_xlsx *x)
{
    return x->nsheets;
}

const char *sp_xlsx_sheet_name(const sp_xlsx *x, size_t i)
{
    return i < x->nsheets ? x->sheet_name[i] : NULL;
}

size_t sp_xlsx_first_visible(const sp_xlsx *x)
{
    for (size_t i = 0; i < x->nsheets; i++)
        if (!x->sheet_hidden[i])
            return i;
    return 0;
}

bool sp_xlsx_sheet_hidden(const sp_xlsx *x, size_t i)
{
    return i < x->nsheets && x->sheet_hidden[i];
}

bool sp_xlsx_date1904(const sp_xlsx *x)
{
    return x->date1904;
}

static bool same_ignoring_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (ca != cb)
            return false;
    }
    return *a == *b;
}

long sp_xlsx_find_sheet(const sp_xlsx *x, const char *name)
{
    for (size_t i = 0; i < x->nsheets; i++)
        if (strcmp(x->sheet_name[i], name) == 0)
            return (long)i;
    for (size_t i = 0; i < x->nsheets; i++)
        if (same_ignoring_case(x->sheet_name[i], name))
            return (long)i;
    return -1;
}

void sp_xlsx_free(sp_xlsx *x)
{
    if (!x)
        return;
    if (x->zip)
        zip_discard(x->zip);
    for (size_t i = 0; i < x->nsheets; i++) {
        free(x->sheet_name[i]);
        if (x->sheet_part)
            free(x->sheet_part[i]);
    }
    free(x->sheet_name);
    free(x->sheet_part);
    free(x->sheet_hidden);
    free(x->kinds);
    free(x->decimals);
    free(x->strings.p);
    free(x->string_at);
    sp_spill_close(x->spill);
    if (x->c_numeric)
        freelocale(x->c_numeric);
    free(x);
}
