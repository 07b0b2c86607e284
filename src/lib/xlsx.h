/*
 * xlsx.h — reading one sheet of an Excel workbook (.xlsx, Office Open XML
 * SpreadsheetML) as rows of text, the same sp_csv_row records the CSV
 * reader delivers (internal).
 *
 * The zip container is libzip's and the XML is expat's; this module is
 * only what is particular to XLSX: which part holds which sheet, shared and
 * inline strings (rich-text runs joined), number formats (a number shown as
 * a date is a date, in the 1900 or 1904 system), numbers printed as Excel
 * shows them in General format (15 significant digits, so 0.1+0.2 is 0.3
 * and 3 is 3), and merged cells.
 *
 * A row is delivered when it has a value of its own, as `width` fields
 * (column A first, gaps filled with empty fields), where width is the
 * rightmost column holding a value anywhere in the sheet; `line` is the
 * row's number in the sheet. A merged range shows its top-left value in
 * every cell it spans (as the reader sees it), in rows that are delivered.
 * Hidden columns and rows are delivered too, flagged (sp_csv_row's hidden
 * and hidden_row), except rows hidden by the sheet's filter: leaving them
 * out is the importer's decision, and its notes name them.
 *
 * Limits (a hostile file is refused before it can exhaust time or memory):
 */
#ifndef SP_XLSX_H
#define SP_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csvio.h"

#define SP_XLSX_MAX_FILE ((size_t)64 << 20)      /* the workbook file itself */
#define SP_XLSX_MAX_PART ((uint64_t)256 << 20)   /* one part, unpacked */
#define SP_XLSX_MAX_TOTAL ((uint64_t)512 << 20)  /* every part read, unpacked */
/* Unpacked:packed ratio beyond which a part (over 1 MiB unpacked) is taken
 * for a zip bomb: Apache POI's default (0.01), well above the 5-20 that real
 * sheets' XML reaches. */
#define SP_XLSX_MAX_RATIO 100
#define SP_XLSX_RATIO_FLOOR ((uint64_t)1 << 20)
#define SP_XLSX_MAX_ROWS ((size_t)100000)        /* rows holding a value */
#define SP_XLSX_MAX_COLS ((size_t)16384)         /* Excel's last column, XFD */
#define SP_XLSX_LAST_ROW ((size_t)1048576)       /* Excel's last row */
#define SP_XLSX_MAX_MERGES ((size_t)100000)
/* Shared strings: at most Excel's rows' worth of different texts (each
 * costs 4 bytes of index), and only this much of their text in memory;
 * the rest is sealed in a spill beside the plan (spill.c), so that a
 * workbook of long, different texts is read in the same memory as any. */
#define SP_XLSX_MAX_STRINGS ((size_t)1 << 20)
#define SP_XLSX_STRINGS_IN_MEMORY ((size_t)4 << 20)

typedef struct sp_xlsx_error {
    /* SP_OK; SP_EINVALID (not a workbook, a bad part or cell, a limit);
     * SP_ENOMEM; or the non-zero value on_row returned. */
    int code;
    size_t row, column; /* 1-based cell of the fault, 0 if none (or row only) */
    char message[512];  /* without the cell: the caller places it */
} sp_xlsx_error;

typedef struct sp_xlsx sp_xlsx;

/* True if the bytes begin as a zip file does ("PK\3\4", or "PK\5\6" for an
 * empty one). */
bool sp_xlsx_is_zip(const void *data, size_t len);

/* True if they begin as an OLE compound file does (D0 CF 11 E0 A1 B1 1A E1):
 * an old .xls, or an .xlsx saved with a password (Excel encrypts it into
 * such a container). */
bool sp_xlsx_is_ole(const void *data, size_t len);

struct sp_db;

/* Where a workbook is read from, and where its shared strings go past the
 * memory budget. */
typedef struct sp_xlsx_source {
    FILE *file;             /* a regular file, read where the zip's parts are (taken:
                             * closed by sp_xlsx_free, or on failure); else NULL and */
    const void *data;       /* the workbook in memory (borrowed: it must outlive *out) */
    size_t len;
    struct sp_db *spill_db; /* the plan beside which a spill is made; NULL: no spill */
    size_t in_memory;       /* shared strings' bytes kept in memory; 0: the default,
                             * SP_XLSX_STRINGS_IN_MEMORY (tests set a small one) */
} sp_xlsx_source;

/* Opens the workbook and reads its list of sheets, date system, styles
 * and shared strings. *out is NULL on failure. */
int sp_xlsx_open_source(sp_xlsx **out, sp_xlsx_error *err, const sp_xlsx_source *src);

/* The same for a workbook in memory, with no spill. */
int sp_xlsx_open(sp_xlsx **out, sp_xlsx_error *err, const void *data, size_t len);

/* The worksheets, in the workbook's order (chart sheets are not listed). */
size_t sp_xlsx_sheet_count(const sp_xlsx *x);
const char *sp_xlsx_sheet_name(const sp_xlsx *x, size_t i);

/* The first sheet that is not hidden (the first if all are). */
size_t sp_xlsx_first_visible(const sp_xlsx *x);

/* Whether sheet i is hidden (or very hidden) in Excel. */
bool sp_xlsx_sheet_hidden(const sp_xlsx *x, size_t i);

/* The sheet called `name` (exactly, else ignoring ASCII case), or -1. */
long sp_xlsx_find_sheet(const sp_xlsx *x, const char *name);

/* True if the workbook counts dates from 1904 (old Mac Excel). */
bool sp_xlsx_date1904(const sp_xlsx *x);

/* Reads sheet i, calling on_row for each row that holds a value. The row
 * and its bytes are valid only during the call. Returns SP_OK or the code
 * also put in err. */
int sp_xlsx_read(sp_xlsx *x, size_t i, sp_xlsx_error *err, sp_csv_row_fn on_row, void *ctx);

/* Accepts NULL. */
void sp_xlsx_free(sp_xlsx *x);

/* "C7" for row 7, column 3 (out holds at least 16 bytes); just the column's
 * letters if row is 0. */
void sp_xlsx_cell_name(char *out, size_t size, size_t row, size_t column);

/* What a number cell shows, for the kinds of number format below. */
typedef enum sp_xlsx_kind {
    SP_XLSX_NUMBER, SP_XLSX_DATE, SP_XLSX_DATETIME, SP_XLSX_TIME, SP_XLSX_PERCENT,
    SP_XLSX_MONTH /* a date shown without its day (mmm-yy, mmmm yyyy, mm/yyyy) */
} sp_xlsx_kind;

/* The kind of a number format: a built-in id (0-163), or a format code
 * (when `code` is not NULL). */
sp_xlsx_kind sp_xlsx_format_kind(unsigned id, const char *code);

/* The decimal places a number format always shows: 2 for "0.00" (built-in
 * 2), 0 for General and any other format (thousands separators, text,
 * several sections: shown as General). A Ref typed as the number 1.10 is
 * stored as 1.1; its format is what still says "1.10". */
unsigned sp_xlsx_format_decimals(unsigned id, const char *code);

/* Writes the value as the cell shows it: a month (a date format with no
 * day) as "March 2018", which the timescale reader takes for the month's
 * last day, as it does the same words typed as text (the 1st would make a
 * due date a month early); a date as YYYY-MM-DD (a date-time
 * too: the time of day is dropped, since a plan's dates have none and a
 * date field would refuse it), a time as HH:MM:SS, a percentage as 50%,
 * any other number with at most 15 significant digits (as Excel's General
 * format: integers without a decimal point, 0.1+0.2 as 0.3). A serial that
 * is no date Excel can show (negative, past 9999) is written as a number.
 * Excel's 1900 system counts a 29 February 1900 that never was (serial 60,
 * Lotus 1-2-3's bug): it is written as 1900-02-29, which no date field
 * accepts; serials after it are counted from 1899-12-30, before it from
 * 1899-12-31, so that both sides are right. */
void sp_xlsx_format_number(char *out, size_t size, double value, sp_xlsx_kind kind,
                           bool date1904);


/* ------------------------------------------------------------------ */
/* Shared by xlsx.c and xlsx_sheet.c only                              */
#ifdef SP_XLSX_PRIVATE
#include <locale.h>

#include "xlsx_read_api.h" /* libzip and expat, loaded on first use */

typedef struct xlsx_buf {
    char *p;
    size_t len, cap;
} xlsx_buf;

/* Appends n bytes, keeping p NUL-terminated; SP_ENOMEM if it cannot, or
 * SP_EINVALID if the buffer would pass `limit`. */
int xlsx_buf_add(xlsx_buf *b, const char *s, size_t n, size_t limit);

struct sp_xlsx {
    zip_t *zip;
    bool date1904;
    size_t nsheets;
    char **sheet_name;
    char **sheet_part;      /* the sheet's XML part in the zip */
    bool *sheet_hidden;     /* hidden or very hidden in Excel */
    unsigned char *kinds;   /* sp_xlsx_kind of each cell style (cellXfs) */
    unsigned char *decimals; /* and its fixed decimal places (sp_xlsx_format_decimals) */
    size_t nkinds;
    /* The shared strings: the first `in_memory` of them in strings.p, each
     * NUL-terminated, string_at[i] where each starts; the others sealed in
     * the spill, one record each, string_at[i] where its record starts
     * (records are consecutive: one ends where the next starts, the last
     * at spill_end). */
    xlsx_buf strings;
    uint32_t *string_at;
    size_t nstrings, strings_cap, in_memory, budget;
    struct sp_spill *spill;
    struct sp_db *spill_db;
    uint64_t spill_end;
    uint64_t unpacked;      /* bytes unpacked so far, against SP_XLSX_MAX_TOTAL */
    locale_t c_numeric;     /* numbers are read and written in the C locale */
};

/* What every part's handlers share: expat's user data begins with it. */
typedef struct xlsx_parse {
    XML_Parser parser;
    sp_xlsx *x;
    sp_xlsx_error *err;
    const char *part;
} xlsx_parse;

/* Records a failure and stops the parser; returns code. */
int xlsx_stop(xlsx_parse *ps, int code, size_t row, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int xlsx_fail(sp_xlsx_error *e, int code, size_t row, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Parses one part with these handlers (ps must be the start of the user
 * data). A missing part: SP_ENOTFOUND with nothing in err. */
int xlsx_parse_part(xlsx_parse *ps, const char *part, XML_StartElementHandler start,
                    XML_EndElementHandler end, XML_CharacterDataHandler text);

/* An element's or attribute's name without its namespace. */
const char *xlsx_local(const char *name);
/* The value of attribute `local` (any namespace), or NULL. */
const char *xlsx_attr(const char **attrs, const char *local);

/* Replaces OOXML's _xHHHH_ escapes in b by the characters they stand for. */
void xlsx_unescape(xlsx_buf *b);

/* Shared string i (i < nstrings): *value is valid until the next call. */
int xlsx_shared_string(xlsx_parse *ps, size_t i, const char **value, size_t *len);
/* Its length alone, without reading it from the spill. */
size_t xlsx_shared_length(const sp_xlsx *x, size_t i);

/* Parses "C7" (row may be absent when row is NULL); false if malformed. */
bool xlsx_parse_ref(const char *ref, size_t *row, size_t *column);
#endif

#endif
