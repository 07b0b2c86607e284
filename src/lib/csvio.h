/*
 * csvio.h — the library's CSV layer (internal; the CLI reaches it through
 * public wrappers in safeplan.h).
 *
 * Reading is strict RFC 4180 on top of libcsv: fields separated by ',',
 * records by CRLF, LF or a lone CR; a field holding ',', '"', CR or LF is
 * enclosed in '"' with each '"' doubled. Spaces are data (never trimmed).
 * One leading UTF-8 byte-order mark is skipped. Blank lines between
 * records are skipped (but counted for line numbers). Every field must be
 * UTF-8 without NUL bytes. Anything else is refused with an sp_csv_error
 * that names the line, the field and what was found versus expected.
 *
 * Writing is RFC 4180 to a FILE*, with an optional byte-order mark, CRLF
 * (or LF) line ends and an optional guard against formula injection.
 */
#ifndef SP_CSVIO_H
#define SP_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "safeplan.h"

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* Limits, so that a hostile or broken file is refused before it can
 * exhaust memory: the reader's memory is bounded by one record, never
 * by the size of the file. */
#define SP_CSV_MAX_FIELD_BYTES ((size_t)16 << 20)  /* 16 MiB in one field */
#define SP_CSV_MAX_RECORD_BYTES ((size_t)64 << 20) /* 64 MiB in one record */
#define SP_CSV_MAX_FIELDS ((size_t)10000)          /* fields in one record */

/* The size of the stream chunks sp_csv_read_file reads. */
#define SP_CSV_CHUNK_SIZE ((size_t)64 << 10)

typedef struct sp_csv_field {
    const char *data; /* the field's bytes, NUL-terminated (never NULL) */
    size_t len;       /* bytes, without the NUL; an empty field is 0 */
} sp_csv_field;

typedef struct sp_csv_row {
    const sp_csv_field *fields; /* count fields, in order */
    size_t count;               /* at least 1 */
    size_t line;   /* 1-based physical line where the record starts */
    size_t record; /* 1-based record number (a header row is record 1) */
    /* A workbook's cells that hold no value to import, one byte per field
     * (SP_CELL_*), or NULL when every cell is plain (always, for text). */
    const unsigned char *marks;
    /* A workbook's hidden columns, one byte per field (1: hidden in Excel),
     * or NULL when none is (always, for text); and whether the row itself
     * is hidden. The reader delivers them as they are: what to make of
     * what the clerk cannot see is the importer's to say (import.c). */
    const unsigned char *hidden;
    bool hidden_row;
} sp_csv_row;

enum {
    SP_CELL_PLAIN = 0,
    SP_CELL_ERROR = 1,   /* an Excel error value (#REF!, #N/A...): its text is the field */
    SP_CELL_UNCALCULATED = 2, /* a formula saved without its value: the field is empty */
    /* Numbers the field shows as what they are not meant to be, for the
     * columns where that is a fault (import.c): */
    SP_CELL_DATE = 3,      /* shown as a date: the field is that date (YYYY-MM-DD) */
    SP_CELL_DATE_1900 = 4, /* shown as a date in 1900 (the 1900 system's days 0-366:
                            * a small number in a date cell, or Excel's 29/02/1900) */
    SP_CELL_SERIAL = 5     /* shown as a whole number that is the day of a date from
                            * 2000 to 2099 (a date cell formatted as a number) */
};

/* Called once per record. The row and its bytes are owned by the reader
 * and valid only during the call: copy what you keep. Return 0 to go on;
 * any other value stops the read, which then returns that value. */
typedef int (*sp_csv_row_fn)(void *ctx, const sp_csv_row *row);

#define SP_CSV_ERRMSG_SIZE 256

typedef struct sp_csv_error {
    /* SP_OK; SP_EINVALID for malformed input; SP_ERROR for a read
     * failure; SP_ENOMEM; or the non-zero value on_row returned (then
     * message is "" and line is that record's line). */
    int code;
    size_t line;   /* 1-based physical line of the fault; 0 if none */
    size_t column; /* 1-based field number within the record; 0 if none */
    /* The full text, e.g. "line 7, column 3: unterminated quoted field
     * (a '"' opened here is never closed)". */
    char message[SP_CSV_ERRMSG_SIZE];
} sp_csv_error;

/*
 * Reads CSV from `in` in SP_CSV_CHUNK_SIZE chunks, calling on_row for each
 * record. Returns SP_OK at the end of the input, else the code also put in
 * *err (which may be NULL). Does not close `in`.
 */
int sp_csv_read_file(sp_csv_error *err, FILE *in, sp_csv_row_fn on_row, void *ctx);

/* The same over a buffer of `len` bytes (need not be NUL-terminated). */
int sp_csv_read_buffer(sp_csv_error *err, const void *data, size_t len,
                       sp_csv_row_fn on_row, void *ctx);

/*
 * The same, pushed in pieces split anywhere (for callers that receive the
 * input in blocks, and for fuzzing split points). After any failure the
 * reader keeps returning the first failure's code; sp_csv_reader_error
 * describes it.
 */
typedef struct sp_csv_reader sp_csv_reader;

/* *out is NULL on failure (SP_ENOMEM). Free with sp_csv_reader_free. */
int sp_csv_reader_new(sp_csv_reader **out, sp_csv_row_fn on_row, void *ctx);
int sp_csv_reader_feed(sp_csv_reader *r, const void *data, size_t len);
/* Ends the input: delivers a last record that has no line break, or
 * reports what the end of input cut short. */
int sp_csv_reader_finish(sp_csv_reader *r);
/* Separates fields by `delim` instead of ',' (a tab for tab-separated
 * text, as Excel saves "Unicode Text"; a ';' for the "CSV" it saves where
 * the decimal mark is a comma); call before the first feed. */
void sp_csv_reader_set_delimiter(sp_csv_reader *r, unsigned char delim);
/* Where the next byte fed will be: its line and 1-based field number. */
void sp_csv_reader_position(const sp_csv_reader *r, size_t *line, size_t *column);
/* The reader's state of error (code SP_OK if none). Owned by r. */
const sp_csv_error *sp_csv_reader_error(const sp_csv_reader *r);
/* Accepts NULL. */
void sp_csv_reader_free(sp_csv_reader *r);

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* Writer flags. */
#define SP_CSV_BOM 0x1   /* start with a UTF-8 byte-order mark (for Excel) */
#define SP_CSV_LF 0x2    /* end lines with LF alone (default CRLF, RFC 4180) */
#define SP_CSV_GUARD 0x4 /* formula-injection guard on text cells (below) */
/* What `safeplan export` uses: Excel opens it as UTF-8 and runs nothing. */
#define SP_CSV_EXCEL (SP_CSV_BOM | SP_CSV_GUARD)

/* Bytes the writer gathers before handing them to stdio: a cell costs two
 * or three small writes (separator, quotes, text), and a call into stdio
 * for each was a tenth of a listed row's instructions (bench/RESULTS.md). */
#define SP_CSV_WRITER_BUF 16384

typedef struct sp_csv_writer {
    FILE *out;      /* borrowed; not closed */
    unsigned flags;
    size_t fields;  /* fields written in the current row */
    bool row_blank; /* every field of the current row so far is empty */
    int error;      /* errno of the first failed write (EIO if unknown); 0 */
    size_t held;    /* bytes in buf not yet given to `out` */
    char buf[SP_CSV_WRITER_BUF];
} sp_csv_writer;

/* Starts a writer on `out` (opened in binary mode on systems where that
 * matters) and writes the byte-order mark if asked. Returns SP_OK or
 * SP_ERROR (w->error says why). The writer holds up to SP_CSV_WRITER_BUF
 * bytes before it writes them to `out`: only sp_csv_writer_finish
 * writes the rest, so nothing else may write to `out` in between. */
int sp_csv_writer_init(sp_csv_writer *w, FILE *out, unsigned flags);

/*
 * Writes one cell of the current row. NULL is written as an empty field
 * (CSV cannot tell NULL from ""). `type` says whether the cell is free
 * text (SP_COL_TEXT: guarded under SP_CSV_GUARD) or a value the library
 * formatted itself (a number or date: written as is, so that -5 stays a
 * number for machine readers; see sp_csv_guard_applies).
 * Returns SP_OK, or SP_ERROR after a failed write (and on every later
 * call: the first failure sticks).
 */
int sp_csv_write_cell(sp_csv_writer *w, const char *text, sp_coltype type);

/* The same for `len` bytes that need not be NUL-terminated. */
int sp_csv_write_field(sp_csv_writer *w, const char *data, size_t len, sp_coltype type);

/* Ends the current row with CRLF (LF under SP_CSV_LF). A row of one empty
 * field is written as "" so that readers do not skip it as a blank line;
 * a row of no fields writes nothing. */
int sp_csv_end_row(sp_csv_writer *w);

/* Writes n cells and ends the row; types may be NULL (all text). */
int sp_csv_write_row(sp_csv_writer *w, const char *const *cells, size_t n,
                     const sp_coltype *types);

/* Writes what the writer holds, flushes `out` and reports any write
 * failure so far (disk full, EPIPE, including ones stdio only reports at
 * flush). Returns SP_OK or SP_ERROR. Call it on every path, a failed
 * query's too, so that the rows written before the failure reach `out`. */
int sp_csv_writer_finish(sp_csv_writer *w);

/* ------------------------------------------------------------------ */
/* The formula-injection guard (OWASP "CSV injection")                 */

/*
 * A string is in the trigger set T when it begins with '\'', or when,
 * after any run of blanks a reader may skip or not show (ASCII space,
 * no-break space, the Unicode spaces U+2000-U+200A, zero-width space,
 * joiners and marks U+200B-U+200F, U+2028/9, U+202F, U+205F, word joiner
 * U+2060, ideographic space U+3000, byte-order mark U+FEFF), it has a
 * formula leader: '=', '+', '-', '@', TAB, CR, LF, or their full-width
 * forms U+FF1D, U+FF0B, U+FF0D, U+FF20 (spreadsheets fold those to ASCII
 * and trim leading spaces before deciding what is a formula).
 *
 * guard(s):   if s is in T, write "'" + s; else s.
 * unguard(t): if t begins with "'" and the rest of t is in T, drop that
 *             first "'"; else t.
 *
 * '\'' is in T only so that the guard is exactly reversible:
 * unguard(guard(s)) == s for every string s. Proof: if s is in T, guard
 * gives "'" + s, whose rest (s) is in T, so unguard drops just the added
 * "'". Otherwise guard leaves s alone, and s does not begin with "'"
 * (every such string is in T), so unguard leaves it alone too. A cell
 * typed by hand as "'abc" (not an output of guard) is therefore kept as
 * it is.
 */

/* True if the text cell `data` (len bytes) would be written with a
 * leading "'" by the guard. */
bool sp_csv_guard_needed(const char *data, size_t len);

/*
 * True if the guard applies to a cell of this type and content under
 * SP_CSV_GUARD. Text cells: whenever sp_csv_guard_needed. Number and
 * date cells are exempt only when they really read as a number
 * ([+-]digits[.digits][e[+-]digits]) — ISO dates begin with a digit and
 * are never guarded — because column types are guessed from column names
 * and a mis-typed column must not open a hole.
 */
bool sp_csv_guard_applies(const char *data, size_t len, sp_coltype type);

/* The inverse of the guard, for importing text cells: the cell without
 * the "'" guard added (a view into the same bytes, so a NUL-terminated
 * cell stays NUL-terminated). */
sp_csv_field sp_csv_unguard(sp_csv_field cell);

#endif
