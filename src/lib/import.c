/*
 * The importer's driver: checks the options, opens one transaction,
 * streams the CSV through the reader (one record in memory at a time),
 * maps the header, parses and writes each row, and collects what happened
 * into the result. Any rejected row rolls the whole import back, but the
 * rows after it are still read, so that every bad row is reported at once.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "xlsx.h"
#include "rag.h"

#define MSG_SIZE 1400

#define HEADER_ROWS IMP_HEADER_ROWS

typedef struct importer {
    sp_db *db;
    const sp_import_options *opt;
    sp_import_result *res;
    const char *name;            /* the file's name in messages */
    char today[SP_DATE_SIZE];
    char as_at[SP_DATE_SIZE];    /* --as-at, ISO */
    char import_ref[48];         /* the review made for the import */
    char import_title[300];
    imp_user_map user;
    imp_defaults defaults;
    imp_row_opts row_opts;
    imp_map map;
    char *header[F_COUNT];       /* each field's column header, for messages */
    signed char *col_field;      /* each column's field, or -1 (bad_cell) */
    size_t ncol_field;
    size_t named_col[F_COUNT];   /* columns of the fields a text error word is */
    size_t nnamed;               /* refused in (suspect_row) */
    bool plan_empty;             /* no actions before the import: bulk load */
    bool have_header;
    bool header_failed;          /* the header cannot be used: no row was read */
    bool stopped;                /* on_row stopped the reader (not a CSV error) */
    size_t tried;                /* rows looked at for the header */
    size_t first_line;           /* the first of them, where a missing header */
    size_t first_column;         /* is reported: its line, column (or 0) */
    char *first_error;           /* and why it is no header */
    imp_writer *writer;
    imp_history *hist;           /* a history file (export --history), or NULL */
    imp_source src;              /* where the rows come from */
    imp_row row;                 /* reused for every row */
    size_t blank_cols[64];       /* columns with no header, until one shows data */
    size_t nblank;
    int fill_col[8];             /* --fill-down columns (0-based), -1 ends */
    char *fill_value[8];         /* their last non-empty values */
    sp_csv_field *filled;        /* a row's fields with the blanks filled */
    sp_csv_row filled_row;       /* ... and the row that points at them */
    sp_csv_field *padded;        /* a short row's fields, the missing ones empty */
    sp_csv_row padded_row;       /* ... and the row that points at them */
    bool prev_had_finding;       /* a row above named a finding */
    bool prev_due;               /* the action row above gave a due date */
    bool due_above_noted;        /* a due date perhaps merged, said once */
    bool no_status_noted;        /* no column gives a status, said once */
    bool no_due_noted;           /* no column gives a due date, said once */
    sp_csv_field *visible;       /* a workbook row with its hidden columns blank */
    unsigned char *visible_marks;
    size_t visible_cap;
    sp_csv_row visible_row;      /* ... and the row that points at them */
    size_t hidden_rows[10];      /* the first hidden rows passed over, */
    size_t nhidden_rows;         /* and how many there were */
    size_t seen;                 /* rows delivered so far */
    size_t header_line;          /* the row read as the header */
    sp_csv_row held;             /* the header, held until the row below it */
    sp_csv_field *held_fields;   /* says whether it is more of it */
    char *held_text;             /* (settle_header) */
    bool holding;
    bool guidance_checked;       /* the first row below the header was asked
                                  * whether it is guidance (imp_map_guidance_row) */
    bool described_checked;      /* ... and the first taken as a row, whether it
                                  * describes the columns (describes_columns) */
    size_t next_header;          /* a row below it, in the first HEADER_ROWS, that
                                  * names columns too (0: none) */
    bool misfit;                 /* a row had not the header's width */
    bool reading_noted[IMP_READ_COUNT]; /* each reading of a status, said once */
    bool owner_lines_noted;      /* an owner cell of several lines joined, said once */
    bool owner_lead_noted;       /* an owner cell's labelled lead taken, said once */
    bool owner_unnamed_noted;    /* an owner cell naming no one yet, said once */
    bool ref_tidied_noted;       /* a reference tidied, said once */
    bool log_noted;              /* a progress cell read as a log, said once */
    bool due_remark_noted;       /* a timescale read without its remark, said once */
    bool rag_pair_noted;         /* a rating between two kept as the worse, said once */
    bool rag_remark_noted;       /* a rating kept without the words after it, said once */
    bool percent_read_noted;     /* a share read past words, said once */
    bool no_update_noted;        /* a progress cell saying there was none, said once */
    struct lone_row {            /* rows of one text (lone_cell) not yet known */
        size_t line, column;     /* to be headings (an action follows) or a */
        char *text;              /* footer (none does): its start, for messages */
        char *whole;             /* ... and all of it */
        bool carried;            /* ... in a --fill-down column */
        int implied;             /* ... else the field (theme or finding) whose
                                  * column it is carried down in, as --fill-down
                                  * would, or -1 */
        bool finding;            /* a finding on a row of its own (finding_row) */
        bool key;                /* ... beside a RAG colour: a RAG key's row */
    } lone[8];
    size_t nlone;
    struct {                     /* rows of one text past the eight held: a */
        size_t n, first, last;   /* footer's if none follows, else refused */
        size_t column;           /* (how many, their first and last lines) */
    } over;
    char *row_finding;           /* findings_in_rows: the finding of the rows below */
    size_t row_finding_line;     /* ... its row */
    size_t row_finding_actions;  /* ... and how many actions took it */
    bool row_finding_noted;      /* a finding on a row of its own, said once */
    char *heading_theme;         /* the last section heading, where the sheet has
                                  * no Theme column: its actions' theme */
    unsigned implied_fill;       /* fill_col entries (bits) a heading added */
    size_t part;                 /* the workbook's sheets read before this one */
    bool passed_over_noted;
} importer;

/* ------------------------------------------------------------------ */
/* The result                                                          */

static int push(sp_db *db, char ***list, size_t *n, char *text)
{
    char **grown = text ? realloc(*list, (*n + 1) * sizeof **list) : NULL;
    if (!grown) {
        free(text);
        return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    *list = grown;
    grown[(*n)++] = text;
    return SP_OK;
}

/* A workbook's cell as Excel writes it: Sheet1!C7, 'Action plan'!C7. */
static void cell_ref(char *out, size_t size, const char *sheet, size_t row, size_t column)
{
    bool plain = true;
    for (const char *p = sheet; *p; p++)
        plain = plain && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                          (*p >= '0' && *p <= '9') || *p == '_' || *p == '.');
    size_t at = 0;
    if (!plain)
        out[at++] = '\'';
    for (const char *p = sheet; *p && at + 24 < size; p++) {
        if (*p == '\'')
            out[at++] = '\'';
        out[at++] = *p;
    }
    if (!plain)
        out[at++] = '\'';
    char cell[16];
    sp_xlsx_cell_name(cell, sizeof cell, row, column);
    if (column)
        snprintf(out + at, size - at, "!%s", cell);
    else if (row)
        snprintf(out + at, size - at, " row %zu", row);
    else
        out[at] = '\0';
}

/* "NAME:LINE:COLUMN: message" (no column when there is none; no line
 * either for the file as a whole); for a workbook "NAME:Sheet!C7: message". */
static char *locate(const importer *im, size_t line, size_t column, const char *msg)
{
    char text[MSG_SIZE];
    if (im->src.sheet_read) {
        char cell[300];
        cell_ref(cell, sizeof cell, im->src.sheet_read, line, column);
        snprintf(text, sizeof text, "%s:%s: %s", im->name, cell, msg);
    } else if (column > 0) {
        snprintf(text, sizeof text, "%s:%zu:%zu: %s", im->name, line, column, msg);
    } else if (line == 0) {
        snprintf(text, sizeof text, "%s: %s", im->name, msg);
    } else {
        snprintf(text, sizeof text, "%s:%zu: %s", im->name, line, msg);
    }
    return strdup(text);
}

/* Counts a rejected row and keeps its message (up to the limit). */
static int reject(importer *im, size_t line, size_t column, const char *msg)
{
    sp_import_result *res = im->res;
    if (res->rejected++ >= SP_IMPORT_MAX_ERRORS)
        return SP_OK;
    return push(im->db, &res->errors, &res->nerrors, locate(im, line, column, msg));
}

static int remark(importer *im, size_t line, size_t column, const char *msg)
{
    sp_import_result *res = im->res;
    if (res->nnotes >= SP_IMPORT_MAX_ERRORS)
        return SP_OK;
    return push(im->db, &res->notes, &res->nnotes, locate(im, line, column, msg));
}

static size_t field_column(const importer *im, imp_field f)
{
    size_t round = (size_t)f - (size_t)IMP_DATED_FIELD(0);
    if (f >= IMP_DATED_FIELD(0) && round < im->map.ndated)
        return (size_t)im->map.dated[round].col + 1;
    return f < F_COUNT && im->map.col[f] >= 0 ? (size_t)im->map.col[f] + 1 : 0;
}

static int add_unplaced(importer *im, size_t column, const char *header, size_t len,
                        bool progress)
{
    sp_import_result *res = im->res;
    sp_import_column *grown = realloc(res->unplaced, (res->nunplaced + 1) * sizeof *grown);
    char *copy = malloc(len + 1);
    if (grown)
        res->unplaced = grown;
    if (!grown || !copy) {
        free(copy);
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    }
    memcpy(copy, header, len);
    copy[len] = '\0';
    res->unplaced[res->nunplaced++] = (sp_import_column){column + 1, copy, progress, 0, NULL};
    return SP_OK;
}

/* A column with no field: listed now, or, with no header at all, only if
 * a row turns out to have data in it (spreadsheets save empty columns). */
static void on_unplaced(void *ctx, size_t column, const char *header, size_t len,
                        bool progress)
{
    importer *im = ctx;
    if (!sp_blank(header))
        add_unplaced(im, column, header, len, progress);
    else if (im->nblank < sizeof im->blank_cols / sizeof im->blank_cols[0])
        im->blank_cols[im->nblank++] = column;
}

static void check_blank_columns(importer *im, const sp_csv_row *row)
{
    for (size_t i = 0; i < im->nblank; i++) {
        size_t c = im->blank_cols[i];
        if (c < row->count && !sp_blank(row->fields[c].data)) {
            add_unplaced(im, c, "", 0, false);
            im->blank_cols[i--] = im->blank_cols[--im->nblank];
        }
    }
}

/* ------------------------------------------------------------------ */
/* Header                                                              */

/* The rows must have somewhere to go: a review column (with its
 * authority), or a review or authority from the options. */
static int check_placement(importer *im)
{
    const imp_map *m = &im->map;
    bool authority = m->col[F_AUTHORITY] >= 0 || im->defaults.authority_id;
    if (m->col[F_REVIEW] < 0 && !im->defaults.review_id && !authority)
        return sp_fail(im->db, SP_EINVALID, "the file does not say which review its rows "
                       "belong to (it has no review or authority column): expected a review "
                       "(--review AUTHORITY/REVIEW) or an authority (--authority CODE) to "
                       "import into");
    if (m->col[F_REVIEW] >= 0 && !authority)
        return sp_fail(im->db, SP_EINVALID, "the file names reviews but not their authority "
                       "(it has no authority column): expected an authority to import into "
                       "(--authority CODE)");
    return SP_OK;
}

/* The column a --fill-down name means: a field (finding, theme) or the
 * file's own header, in any case. */
static int fill_column(importer *im, const sp_csv_row *header, const char *name, size_t len)
{
    for (int f = 0; f < F_COUNT; f++)
        if (strlen(imp_field_name((imp_field)f)) == len &&
            strncmp(imp_field_name((imp_field)f), name, len) == 0 && im->map.col[f] >= 0)
            return im->map.col[f];
    for (size_t c = 0; c < header->count; c++)
        if (header->fields[c].len == len && strncasecmp(header->fields[c].data, name, len) == 0)
            return (int)c;
    return -1;
}

static int resolve_fill_down(importer *im, const sp_csv_row *header)
{
    const char *p = im->opt->fill_down;
    size_t n = 0;
    im->fill_col[0] = -1;
    if (!p)
        return SP_OK;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t lead = strspn(p, " ");
        size_t trail = 0;
        while (len > lead + trail && p[len - 1 - trail] == ' ')
            trail++;
        int c = fill_column(im, header, p + lead, len - lead - trail);
        if (c < 0 || n == 7)
            return sp_fail(im->db, SP_EINVALID, "--fill-down: %s '%.*s': expected a field "
                           "name (finding, theme, ...) or a header of the file",
                           c < 0 ? "the file has no column" : "too many columns, at",
                           (int)(len - lead - trail), p + lead);
        im->fill_col[n++] = c;
        im->fill_col[n] = -1;
        p += len + (p[len] == ',');
    }
    im->filled = calloc(header->count, sizeof *im->filled);
    return im->filled ? SP_OK : sp_fail(im->db, SP_ENOMEM, "out of memory");
}

/* The fields that name a place, an action or a person, or hold a date or
 * a status: where a text file's cell that is only an Excel error word
 * (#REF!, as a CSV saved by Excel writes an error) is refused. A progress
 * note or a measure is free text, where the word may be what was meant. */
static bool names_or_dates(imp_field f)
{
    switch (f) {
    case F_AUTHORITY: case F_AUTHORITY_NAME: case F_REVIEW: case F_REVIEW_TITLE:
    case F_FINDING_REF: case F_FINDING: case F_THEME: case F_ACTION_REF: case F_ACTION:
    case F_OWNER: case F_START: case F_ORIGINAL_DUE: case F_DUE: case F_STATUS:
    case F_UPDATE_ON: case F_UPDATE_BY: case F_TRANSFERRED_TO: case F_TIMESCALE:
        return true;
    default:
        return false;
    }
}

/* The header of each field's column, as the file writes it: messages
 * name the column the clerk sees ("Ref"), not the field ("action_ref"). */
static int keep_headers(importer *im, const sp_csv_row *row)
{
    im->col_field = malloc(row->count);
    if (!im->col_field)
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    memset(im->col_field, -1, row->count);
    im->ncol_field = row->count;
    for (int f = 0; f < F_COUNT; f++) {
        int c = im->map.col[f];
        if (c >= 0 && (size_t)c < row->count)
            im->col_field[c] = (signed char)f;
        if (c >= 0 && (size_t)c < row->count && names_or_dates((imp_field)f))
            im->named_col[im->nnamed++] = (size_t)c;
        if (c < 0 || (size_t)c >= row->count || sp_blank(row->fields[c].data))
            continue;
        im->header[f] = strndup(row->fields[c].data, row->fields[c].len);
        if (!im->header[f])
            return sp_fail(im->db, SP_ENOMEM, "out of memory");
    }
    return SP_OK;
}

/* A history file's header: its rows are entries, rebuilt as recorded. */
static int take_history_header(importer *im, const sp_csv_row *row)
{
    size_t column = 0;
    int rc = imp_history_new(&im->hist, im->db, row, im->row_opts.raw, &column);
    if (rc == SP_EINVALID) {
        im->header_failed = true;
        reject(im, row->line, column, sp_errmsg(im->db));
    }
    im->have_header = true;
    return rc;
}

/* Which of two columns that the header alone names alike was read as
 * which: a plain and a revised due date, a plain Ref and an action's. */
static int note_pair(importer *im, const sp_csv_row *row, imp_field a, imp_field b,
                     const char *why)
{
    char msg[600];
    int ca = im->map.col[a], cb = im->map.col[b];
    snprintf(msg, sizeof msg, "column %d '%.200s' was read as %s and column %d '%.200s' as %s "
             "(%s)", ca + 1, row->fields[ca].data, imp_field_name(a), cb + 1,
             row->fields[cb].data, imp_field_name(b), why);
    return remark(im, row->line, 0, msg);
}

static int note_pairs(importer *im, const sp_csv_row *row)
{
    int rc = SP_OK;
    if (im->map.revised_pair)
        rc = note_pair(im, row, F_DUE, F_ORIGINAL_DUE, "a revised date is the one now due; "
                       "the first is kept as the original");
    if (rc == SP_OK && im->map.ref_pair)
        rc = note_pair(im, row, F_FINDING_REF, F_ACTION_REF, "a plain reference beside the "
                       "action's numbers the findings");
    return rc;
}

/* A sheet with no column that says where each action stands (a status, a
 * share done, a completion date) has its actions imported as not started
 * unless a row shows the work done; a plan that looks untouched should
 * not be a surprise, so the header says so, once. */
static int note_no_status(importer *im, const sp_csv_row *row)
{
    static const imp_field says[] = {F_STATUS, F_PERCENT, F_COMPLETED_ON};
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        if (im->map.col[says[i]] >= 0)
            return SP_OK;
    if (im->no_status_noted || im->hist)
        return SP_OK;
    im->no_status_noted = true;
    return remark(im, row->line, 0, "no column gives the actions' status (such as Status, "
                  "or % complete): each action is imported as not started, unless its row "
                  "shows where it stands (a blue RAG, a status's words in the RAG column, "
                  "'Complete' as its timescale); to import "
                  "where each stands, add a Status column (Not started, In progress, "
                  "Complete)");
}

/* A round dated after the day the sheet speaks for cannot have been
 * reported yet: a typo in the header, or the wrong --as-at. */
static int check_rounds(importer *im, int *column, const sp_csv_row *row)
{
    const char *as_at = im->defaults.as_at;
    for (size_t i = 0; i < im->map.ndated; i++) {
        const imp_dated *d = &im->map.dated[i];
        if (strcmp(d->on, as_at) <= 0)
            continue;
        *column = d->col;
        return sp_fail(im->db, SP_EINVALID, "column %d '%.200s' is progress dated %s, after "
                       "%s (%s): expected a reporting round on or before the date the sheet "
                       "speaks for (correct the header, or give the sheet's date with --as-at)",
                       d->col + 1, row->fields[d->col].data, d->on,
                       im->opt->as_at ? "the sheet's date" : "today", as_at);
    }
    return SP_OK;
}

/* Once: a round headed with a month is dated its first day. */
static int note_rounds(importer *im, const sp_csv_row *row)
{
    char msg[600];
    for (size_t i = 0; i < im->map.ndated; i++) {
        const imp_dated *d = &im->map.dated[i];
        if (!d->month)
            continue;
        snprintf(msg, sizeof msg, "column %d '%.200s' is progress dated %s: a month is read as "
                 "its first day (an update headed with a month was written during it, and the "
                 "first day never lies ahead), here and in every column headed so", d->col + 1,
                 row->fields[d->col].data, d->on);
        return remark(im, row->line, 0, msg);
    }
    return SP_OK;
}

/* The columns left out from first_unplaced on that name a field as a
 * second choice beside the column that names it first: the note says
 * which ("SRO" beside "Lead officer"). */
static void mark_second_choices(importer *im, const sp_csv_row *row, size_t first_unplaced)
{
    for (size_t i = first_unplaced; i < im->res->nunplaced; i++) {
        sp_import_column *u = &im->res->unplaced[i];
        int f = u->column <= row->count ? imp_map_second_field(&row->fields[u->column - 1],
                                                               &im->user)
                                        : -1;
        if (f >= 0 && im->map.col[f] >= 0) {
            u->beside = (size_t)im->map.col[f] + 1;
            u->field = imp_field_name((imp_field)f);
        }
    }
}

/* A sheet after the plan's first whose header cannot be used (two columns
 * for one field, a --fill-down column it lacks) is not read, as before the
 * plan went on over sheets, and a note says why: the plan's other sheets
 * are imported. IMP_SHEET_LEFT stops the reading of this sheet. */
static int leave_sheet(importer *im, size_t line, int column)
{
    char msg[900];
    snprintf(msg, sizeof msg, "sheet '%s' was not read, though its header names the action "
             "and its owner or due date: %s (to import it, fix its header and name it with "
             "--sheet)", im->src.sheet_read, sp_errmsg(im->db));
    sp_clear(im->db);
    int rc = remark(im, line, column >= 0 ? (size_t)column + 1 : 0, msg);
    return rc == SP_OK ? IMP_SHEET_LEFT : rc;
}

static int take_header(importer *im, const sp_csv_row *row)
{
    int column = -1;
    size_t first_unplaced = im->res->nunplaced;
    im->header_line = row->line;
    int rc = imp_map_header(&im->map, &column, im->db, row, &im->user, on_unplaced, im);
    if (rc == SP_OK)
        rc = check_placement(im);
    if (rc == SP_OK)
        rc = check_rounds(im, &column, row);
    if (rc == SP_OK)
        rc = note_pairs(im, row);
    if (rc == SP_OK)
        rc = note_rounds(im, row);
    if (rc == SP_OK)
        rc = note_no_status(im, row);
    if (rc == SP_OK)
        rc = keep_headers(im, row);
    im->row_opts.sheet_notes = im->header[F_NOTE] &&
                               strcmp(im->header[F_NOTE], imp_field_name(F_NOTE)) != 0;
    if (rc == SP_OK)
        rc = resolve_fill_down(im, row);
    if (rc == SP_EINVALID && im->part > 0)
        return leave_sheet(im, row->line, column);
    if (rc == SP_EINVALID) {
        im->header_failed = true;
        reject(im, row->line, column >= 0 ? (size_t)column + 1 : 0, sp_errmsg(im->db));
    }
    if (rc == SP_OK && im->map.col[F_RAG] >= 0 && !im->row_opts.keep_rag)
        im->res->rag_ignored = im->map.col[F_RAG] + 1;
    if (rc == SP_OK)
        mark_second_choices(im, row, first_unplaced);
    /* A bulk load writes each new action as its one update leaves it, with
     * the triggers dropped: a row's entries from dated columns need them.
     * It starts with the plan's first sheet, and a later sheet with dated
     * columns ends it (the plan is no longer empty: it does not start again). */
    if (rc == SP_OK && im->plan_empty && im->map.ndated == 0 && im->part == 0)
        rc = imp_writer_bulk(im->writer);
    else if (rc == SP_OK && im->map.ndated > 0 && im->part > 0)
        rc = imp_writer_finish(im->writer);
    im->res->dated_columns += rc == SP_OK ? im->map.ndated : 0;
    im->have_header = true;
    return rc;
}

/* The header is held until the first row below it is read: that row may
 * be more of it (names under merged cells: settle_header). */
static int hold_header(importer *im, const sp_csv_row *row)
{
    size_t total = 1;
    for (size_t i = 0; i < row->count; i++)
        total += row->fields[i].len + 1;
    im->held_fields = calloc(row->count, sizeof *im->held_fields);
    im->held_text = malloc(total);
    if (!im->held_fields || !im->held_text)
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    char *p = im->held_text;
    for (size_t i = 0; i < row->count; i++) {
        memcpy(p, row->fields[i].data, row->fields[i].len);
        p[row->fields[i].len] = '\0';
        im->held_fields[i] = (sp_csv_field){p, row->fields[i].len};
        p += row->fields[i].len + 1;
    }
    im->held = (sp_csv_row){.fields = im->held_fields, .count = row->count,
                            .line = row->line, .record = row->record};
    im->holding = true;
    im->have_header = true;
    im->header_line = row->line;
    return SP_OK;
}

/* The header of two rows: each column named from both (imp_map_join_rows). */
static int take_two_rows(importer *im, const sp_csv_row *row)
{
    char msg[200];
    size_t width = im->held.count > row->count ? im->held.count : row->count;
    char **names = calloc(width, sizeof *names);
    sp_csv_field *fields = calloc(width, sizeof *fields);
    int rc = names && fields ? imp_map_join_rows(names, width, &im->held, row, &im->user)
                             : SP_ENOMEM;
    if (rc == SP_OK) {
        for (size_t i = 0; i < width; i++)
            fields[i] = (sp_csv_field){names[i], strlen(names[i])};
        snprintf(msg, sizeof msg, "row %zu is read with row %zu as the header: it names the "
                 "columns under row %zu's merged cells", row->line, im->held.line,
                 im->held.line);
        rc = remark(im, row->line, 0, msg);
    } else {
        rc = sp_fail(im->db, SP_ENOMEM, "out of memory");
    }
    if (rc == SP_OK) {
        sp_csv_row joined = {.fields = fields, .count = width, .line = im->held.line,
                             .record = im->held.record};
        rc = take_header(im, &joined);
    }
    for (size_t i = 0; names && i < width; i++)
        free(names[i]);
    free(names);
    free(fields);
    return rc;
}

/* The header held (hold_header), once the first row below it is read (or
 * the file ends: row NULL). *more says the row was more of the header. */
static int settle_header(importer *im, const sp_csv_row *row, bool *more)
{
    im->holding = false;
    *more = row && imp_map_second_row(&im->held, row, &im->user);
    return *more ? take_two_rows(im, row) : take_header(im, &im->held);
}

/* A row looked at for the header and passed over has no columns to note. */
static void ignore_unplaced(void *ctx, size_t column, const char *header, size_t len,
                            bool progress)
{
    (void)ctx;
    (void)column;
    (void)header;
    (void)len;
    (void)progress;
}

/* Why the first row is no header, kept for when no row below is one
 * either: then the fault is the first row's, as when only it was read. */
static int keep_first_failure(importer *im, const sp_csv_row *row)
{
    imp_map map;
    int column = -1;
    if (imp_map_header(&map, &column, im->db, row, &im->user, ignore_unplaced, NULL) == SP_OK)
        sp_fail(im->db, SP_EINVALID, "the row does not name the columns");
    im->first_line = row->line;
    im->first_column = column >= 0 ? (size_t)column + 1 : 0;
    im->first_error = strdup(sp_errmsg(im->db));
    sp_clear(im->db);
    return im->first_error ? SP_OK : sp_fail(im->db, SP_ENOMEM, "out of memory");
}

/* No row within reach names the columns: the first row is at fault. */
static int no_header(importer *im)
{
    if (im->tried > 1)
        sp_fail(im->db, SP_EINVALID, "%s; nor does any row below it in the first %d name "
                "the columns (a title or a key above the header is skipped)",
                im->first_error, HEADER_ROWS);
    else
        sp_fail(im->db, SP_EINVALID, "%s", im->first_error);
    im->header_failed = true;
    im->have_header = true;
    int rc = reject(im, im->first_line, im->first_column, sp_errmsg(im->db));
    return rc == SP_OK ? SP_EINVALID : rc;
}

/* The rows above the header (a title, a date, a RAG key), in a note. */
static int note_above(importer *im, size_t line)
{
    char msg[160];
    if (im->tried < 2) /* the header is the first row given */
        return SP_OK;
    if (line == 2)
        snprintf(msg, sizeof msg, "row 1 is above the header (row 2) and was not imported");
    else
        snprintf(msg, sizeof msg, "rows 1-%zu are above the header (row %zu) and were not "
                 "imported", line - 1, line);
    return remark(im, 0, 0, msg);
}

/* Text whose columns are not separated by commas: said, since a wrong
 * guess would show as columns not found. */
static int note_separator(importer *im)
{
    if (im->src.delim != ';')
        return SP_OK;
    return remark(im, 0, 0, "read as semicolon-separated: its first rows separate the "
                  "columns with ';' (as Excel saves CSV where a comma is the decimal mark)");
}

/* --header-row N: the rows above N are passed over, whatever they hold. */
static int at_header_row(importer *im, const sp_csv_row *row)
{
    if (row->line < im->opt->header_row)
        return SP_OK;
    int rc = note_above(im, row->line);
    if (rc != SP_OK)
        return rc;
    return im->tried == 1 && imp_history_header(row) ? take_history_header(im, row)
                                                     : hold_header(im, row);
}

/* The file ended above the row --header-row names. */
static int past_the_end(importer *im)
{
    sp_fail(im->db, SP_EINVALID, "--header-row %zu: the %s ends above row %zu: expected the "
            "row of the column names", im->opt->header_row,
            im->src.sheet_read ? "sheet" : "file", im->opt->header_row);
    im->header_failed = true;
    im->have_header = true;
    int rc = reject(im, 0, 0, sp_errmsg(im->db));
    return rc == SP_OK ? SP_EINVALID : rc;
}

/* Whether the row names the action and another field, as a header does. */
static bool names_fields(const importer *im, const sp_csv_row *row)
{
    bool named[F_COUNT];
    return imp_map_names(named, row, &im->user) >= 2 && (named[F_ACTION] || named[F_ACTION_REF]);
}

/* The header is the first row that names the action and another field:
 * the first row, or one below a title, a blank row or a RAG key. A
 * history file's header is its first row. */
static int seek_header(importer *im, const sp_csv_row *row)
{
    int rc = im->tried++ == 0 ? note_separator(im) : SP_OK;
    if (rc != SP_OK)
        return rc;
    if (im->opt->header_row)
        return at_header_row(im, row);
    if (im->tried == 1 && im->part == 0 && imp_history_header(row))
        return take_history_header(im, row);
    if (names_fields(im, row)) {
        rc = note_above(im, row->line);
        return rc == SP_OK ? hold_header(im, row) : rc;
    }
    rc = im->tried == 1 ? keep_first_failure(im, row) : SP_OK;
    if (rc == SP_OK && im->tried == HEADER_ROWS)
        rc = no_header(im);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

/* Every bad cell of one row (imp_row_parse lists them): one bad row. */
static int reject_all(importer *im, size_t line, const imp_row *r)
{
    sp_import_result *res = im->res;
    int rc = SP_OK;
    for (size_t i = 0; rc == SP_OK && i < r->nerrors && res->nerrors < SP_IMPORT_MAX_ERRORS; i++)
        rc = push(im->db, &res->errors, &res->nerrors,
                  locate(im, line, field_column(im, r->error_field[i]), r->error[i]));
    res->rejected++;
    return rc;
}

/* --fill-down: a blank cell in a named column takes the last value above
 * it (a finding written once over its actions, a merged cell). The row's
 * fields are copied so that the reader's record is not changed. */
static int fill_down(importer *im, const sp_csv_row **row)
{
    if (im->fill_col[0] < 0 || !im->filled)
        return SP_OK;
    memcpy(im->filled, (*row)->fields, (*row)->count * sizeof *im->filled);
    for (size_t i = 0; i < 8 && im->fill_col[i] >= 0; i++) {
        size_t c = (size_t)im->fill_col[i];
        if (!sp_blank(im->filled[c].data)) {
            char *kept = strdup(im->filled[c].data);
            if (!kept)
                return sp_fail(im->db, SP_ENOMEM, "out of memory");
            free(im->fill_value[i]);
            im->fill_value[i] = kept;
        } else if (im->fill_value[i]) {
            im->filled[c] = (sp_csv_field){im->fill_value[i], strlen(im->fill_value[i])};
        }
    }
    im->filled_row = **row;
    im->filled_row.fields = im->filled;
    *row = &im->filled_row;
    return SP_OK;
}

/* Without --fill-down, rows with no finding under one that has one are
 * almost always a finding written once for several actions: say so. */
static bool missing_finding(importer *im, const sp_csv_row *row)
{
    int fc = im->map.col[F_FINDING], rc = im->map.col[F_FINDING_REF];
    if (im->map.findings_in_rows && !im->row_finding) {
        sp_fail(im->db, SP_EINVALID, "no finding for this action: no column names the "
                "finding (a header such as Finding or Recommendation), and no row above it "
                "gives one on a row of its own (its reference and text alone, as '1 | Improve "
                "supervision' above '1.1 | Audit files'): add a Finding column, or the "
                "finding's row above its actions");
        return true;
    }
    if (fc < 0)
        return false;
    bool has = !sp_blank(row->fields[fc].data) || (rc >= 0 && !sp_blank(row->fields[rc].data));
    im->prev_had_finding |= has;
    if (has || !im->prev_had_finding)
        return false;
    sp_fail(im->db, SP_EINVALID, "no finding in this row, though a row above has one: if "
            "the finding is written once for the actions under it (merged cells), import "
            "with --fill-down %s to carry it down", imp_field_name(F_FINDING));
    return true;
}

/* A reference with no part below it ("1", "R2", "Rec 3."): a finding's,
 * in a plan that numbers the actions under it ("1.1", "1a", "1(i)"). */
static bool top_ref(const char *ref)
{
    size_t n = strlen(ref);
    while (n > 0 && strchr(" \t.", ref[n - 1]))
        n--;
    for (size_t i = 0; i < n; i++)
        if (strchr(".()/-", ref[i]))
            return false;
    return !(n >= 2 && isalpha((unsigned char)ref[n - 1]) && isdigit((unsigned char)ref[n - 2]));
}

/* In a sheet with no finding column (findings_in_rows), whether the row is
 * a finding's: text where the action goes, a top reference or none, and
 * no other cell but its theme (an action has its owner or date). */
static bool finding_row_of(const importer *im, const sp_csv_row *row)
{
    const imp_map *m = &im->map;
    int a = m->col[F_ACTION], ref = m->col[F_ACTION_REF], theme = m->col[F_THEME];
    if (!m->findings_in_rows || (size_t)a >= row->count || sp_blank(row->fields[a].data))
        return false;
    for (size_t c = 0; c < row->count; c++)
        if ((int)c != a && (int)c != ref && (int)c != theme && !sp_blank(row->fields[c].data))
            return false;
    return (size_t)ref >= row->count || top_ref(row->fields[ref].data);
}

/* How many of text's first max bytes a message may quote ("%.*s") and
 * stay UTF-8: the cut goes back to where a character begins. */
static int quoted(const char *text, size_t max)
{
    size_t len = strnlen(text, max);
    while (len > 0 && text[len] && ((unsigned char)text[len] & 0xc0) == 0x80)
        len--;
    return (int)len;
}

/* A finding's row that no action took: refused in the plan (an action's
 * row that lacks its owner and date looks the same), a note below it. */
static int settle_row_finding(importer *im, bool at_end)
{
    char msg[400];
    if (!im->row_finding || im->row_finding_actions)
        return SP_OK;
    size_t column = field_column(im, F_ACTION);
    if (at_end) {
        snprintf(msg, sizeof msg, "the row holds only '%.*s', below the last action: a "
                 "footer or a note, and was not imported", quoted(im->row_finding, 60),
                 im->row_finding);
        return remark(im, im->row_finding_line, column, msg);
    }
    snprintf(msg, sizeof msg, "the row gives the finding '%.*s' (a reference and text alone) "
             "but no action below it takes it: add its actions below it, or its owner and "
             "date if the row is an action", quoted(im->row_finding, 60), im->row_finding);
    return reject(im, im->row_finding_line, column, msg);
}

/* A finding's row (finding_row_of): the finding of the actions below it,
 * to the next. */
static int take_finding_row(importer *im, const sp_csv_row *row)
{
    char msg[300];
    int rc = settle_row_finding(im, false);
    char *text = strdup(row->fields[im->map.col[F_ACTION]].data);
    if (!text)
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    free(im->row_finding);
    im->row_finding = text;
    im->row_finding_line = row->line;
    im->row_finding_actions = 0;
    if (rc != SP_OK || im->row_finding_noted)
        return rc;
    im->row_finding_noted = true; /* once: every such row is read the same way */
    snprintf(msg, sizeof msg, "'%.*s' is a finding on a row of its own (the sheet has no "
             "finding column): the finding of the actions below it, to the next, not "
             "imported as an action, here and on every such row", quoted(text, 60), text);
    return remark(im, row->line, field_column(im, F_ACTION), msg);
}

/* Excel's error values, as a cell shows them and a CSV saved by Excel
 * writes them. */
static bool excel_error(const char *text)
{
    static const char *const words[] = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?",
                                        "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!",
                                        "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!"};
    if (text[0] != '#')
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp(text, words[i]) == 0)
            return true;
    return false;
}

static bool is_reference(imp_field f)
{
    return f == F_REVIEW || f == F_FINDING_REF || f == F_ACTION_REF;
}

static bool is_date(imp_field f)
{
    return f == F_REVIEW_STARTED || f == F_REVIEW_ENDED || f == F_REVIEW_REPORTED ||
           f == F_START || f == F_ORIGINAL_DUE || f == F_DUE || f == F_UPDATE_ON ||
           f == F_PROGRESS_ON;
}

/* A workbook's number where it cannot be meant (xlsx_sheet.c marks them):
 * a reference Excel turned into a date as it was typed ("1.2" is 1
 * February), shown as the date or, once the cell was formatted as a
 * number, as the date's day number; or a date in 1900, which no plan
 * has (a small number typed into a date cell, or Excel's 29 February
 * 1900 that never was). */
static const char *bad_number(char *msg, size_t size, const importer *im, unsigned char mark,
                              const char *text, imp_field f, const char *header)
{
    char date[64];
    if (is_reference(f) && (mark == SP_CELL_DATE || mark == SP_CELL_DATE_1900))
        snprintf(msg, size, "the cell (column '%.60s') shows the date %.30s, not a reference: "
                 "Excel read the reference as a date when it was typed (1.2 becomes 1 "
                 "February): format the column as Text and type the reference again",
                 header, text);
    else if (is_reference(f) && mark == SP_CELL_SERIAL) {
        sp_xlsx_format_number(date, sizeof date, strtod(text, NULL), SP_XLSX_DATE,
                              im->src.date1904);
        snprintf(msg, size, "the cell (column '%.60s') holds %.20s, the number Excel keeps "
                 "for the date %s, not a reference: Excel read the reference as a date when "
                 "it was typed, and the cell was then formatted as a number: format the "
                 "column as Text and type the reference again", header, text, date);
    } else if (is_date(f) && mark == SP_CELL_DATE_1900)
        snprintf(msg, size, "the cell (column '%.60s') shows the date %.30s, an impossible "
                 "date for a plan (no plan is dated 1900: a small number typed into a date "
                 "cell, or Excel's 29 February 1900, which never was): type the date again",
                 header, text);
    else
        return NULL;
    return msg;
}

/* What is wrong with cell c, or NULL: an Excel error value (a workbook's
 * error cell, or the same word alone in a CSV cell: Excel saves an error
 * as its text), or a formula saved without its value (it would read as
 * empty: an open-ended action, a missing owner). Checked only in columns
 * the import reads: a calculated column nobody imports may hold them. */
static const char *bad_cell(char *msg, size_t size, const importer *im, const sp_csv_row *row,
                            size_t c, imp_field f, const char *header)
{
    unsigned char mark = row->marks ? row->marks[c] : SP_CELL_PLAIN;
    const char *text = row->fields[c].data;
    if (mark == SP_CELL_UNCALCULATED)
        snprintf(msg, size, "the cell (column '%.60s') has a formula Excel has not "
                 "calculated (the file was saved without its value): open the file in Excel "
                 "or LibreOffice and save it again", header);
    else if (mark == SP_CELL_ERROR || (!row->marks && excel_error(text)))
        snprintf(msg, size, "the cell (column '%.60s') holds the Excel error %.20s%s: fix "
                 "the formula or type the value", header, text,
                 mark == SP_CELL_ERROR ? "" : ", as Excel saved it in the CSV");
    else
        return bad_number(msg, size, im, mark, text, f, header);
    return msg;
}

/* Whether a cell of the row may be one bad_cell refuses: a workbook's
 * marked row, or a cell starting '#' in a column of names_or_dates. Run
 * for every row, so only those columns are looked at, in a loop with no
 * call (bad_cell for each cell was 0.3% of an import's instructions). */
static bool suspect_row(const importer *im, const sp_csv_row *row)
{
    if (row->marks)
        return true;
    for (size_t i = 0; i < im->nnamed; i++) /* the row has the header's width */
        if (row->fields[im->named_col[i]].data[0] == '#')
            return true;
    return false;
}

/* The field column c is read as, and its header for bad_cell: a dated
 * round's column is progress notes (its header is not kept, so its date
 * names it); -1 if the import does not read the column. */
static int read_as(const importer *im, size_t c, const char **header, char *buf, size_t size)
{
    int f = im->col_field[c];
    if (f >= 0) {
        *header = im->header[f] ? im->header[f] : imp_field_name((imp_field)f);
        return f;
    }
    for (size_t i = 0; i < im->map.ndated; i++)
        if ((size_t)im->map.dated[i].col == c) {
            snprintf(buf, size, "progress dated %s", im->map.dated[i].on);
            *header = buf;
            return F_NOTE;
        }
    return -1;
}

/* Refuses the row if a cell it imports holds no value (bad_cell); every
 * such cell is listed. True if it did. */
static bool refuse_bad_cells(importer *im, const sp_csv_row *row)
{
    bool any = false;
    char msg[400];
    size_t n = row->count < im->ncol_field ? row->count : im->ncol_field;
    if (!suspect_row(im, row))
        return false;
    for (size_t c = 0; c < n; c++) {
        if (row->marks ? !row->marks[c] : row->fields[c].data[0] != '#')
            continue;
        const char *header;
        char round[40];
        int f = read_as(im, c, &header, round, sizeof round);
        if (f < 0 || (!row->marks && !names_or_dates((imp_field)f)) ||
            !bad_cell(msg, sizeof msg, im, row, c, (imp_field)f, header))
            continue;
        if (!any)
            im->res->rejected++;
        any = true;
        if (im->res->nerrors < SP_IMPORT_MAX_ERRORS)
            (void)push(im->db, &im->res->errors, &im->res->nerrors,
                 locate(im, row->line, c + 1, msg));
    }
    return any;
}

/* A section heading ("Theme 2: Partnerships") or a footer ("Total",
 * "Notes:"): a row of one text, in one cell or merged across the row
 * (every cell holding it), in a sheet of three columns or more. Returns
 * its first column, or -1. A row with only the action's text is an
 * action short of its other cells, and is read as one. Looks at cells
 * only until two differ, so an action's row costs two comparisons. */
static int lone_cell(const importer *im, const sp_csv_row *row)
{
    const sp_csv_field *f = row->fields;
    int at = -1;
    size_t n = 0;
    if (im->map.ncols < 3)
        return -1;
    for (size_t c = 0; c < row->count; c++) {
        if (sp_blank(f[c].data))
            continue;
        if (at >= 0 && (f[c].len != f[at].len || memcmp(f[c].data, f[at].data, f[c].len)))
            return -1;
        at = at < 0 ? (int)c : at;
        n++;
    }
    if (at >= 0 && n == 1 && (size_t)at < im->ncol_field && im->col_field[at] == F_ACTION)
        return -1;
    return at;
}

/* A finding written on a row of its own above its actions, with its
 * reference or theme beside it ("1 | Improve supervision | | |"), as
 * many councils lay out a plan: the finding's column, or -1. A row with
 * an action is not one (its action cell is looked at first, so an
 * action's row costs one test). */
static int finding_row(const importer *im, const sp_csv_row *row)
{
    int finding = im->map.col[F_FINDING], action = im->map.col[F_ACTION];
    if (finding < 0 || action < 0 || !sp_blank(row->fields[action].data) ||
        sp_blank(row->fields[finding].data))
        return -1;
    for (size_t c = 0; c < row->count; c++) {
        int f = c < im->ncol_field ? im->col_field[c] : -1;
        if ((int)c != finding && !sp_blank(row->fields[c].data) && f != F_ACTION_REF &&
            f != F_FINDING_REF && f != F_THEME)
            return -1;
    }
    return finding;
}

/* Where a row of one text has it in a column carried down (alone, or
 * merged across the row): the fill_col entry, or -1. */
static int carried_down(const importer *im, const sp_csv_row *row)
{
    for (int i = 0; i < 8 && im->fill_col[i] >= 0; i++)
        if ((size_t)im->fill_col[i] < row->count && !sp_blank(row->fields[im->fill_col[i]].data))
            return i;
    return -1;
}

/* A column carried down as --fill-down would (a heading written in the
 * theme or finding column): false if --fill-down already names seven. A
 * column already carried stays as it is. */
static bool carry_column(importer *im, size_t c)
{
    size_t n = 0;
    while (n < 8 && im->fill_col[n] >= 0)
        if (im->fill_col[n++] == (int)c)
            return true;
    if (n >= 7)
        return false;
    if (!im->filled && !(im->filled = calloc(im->map.ncols, sizeof *im->filled)))
        return false;
    im->fill_col[n] = (int)c;
    im->fill_col[n + 1] = -1;
    im->implied_fill |= 1u << n;
    return true;
}

/* A finding's row gives the rows below it its reference and theme, where
 * it has them, as it gives its text (the columns carried down). */
static void carry_beside(importer *im, const sp_csv_row *row)
{
    static const imp_field beside[] = {F_FINDING_REF, F_THEME};
    for (size_t i = 0; i < 2; i++) {
        int c = im->map.col[beside[i]];
        if (c >= 0 && !sp_blank(row->fields[c].data))
            carry_column(im, (size_t)c);
    }
}

/* The field of a held row's column, or -1. */
static int lone_field(const importer *im, const struct lone_row *l)
{
    return l->column - 1 < im->ncol_field ? im->col_field[l->column - 1] : -1;
}

/* Whether a finding's row has a RAG colour beside its text ("Blue |
 * Complete", a RAG key's row under the plan). */
static bool beside_rag(const importer *im, const sp_csv_row *row, size_t finding)
{
    for (size_t c = 0; c < row->count && c < im->map.ncols; c++)
        if (c != finding && !sp_blank(row->fields[c].data) && imp_rag_word(row->fields[c].data))
            return true;
    return false;
}

/* A row of one text is held until the next row says what it was: a
 * heading when an action follows, a footer when none does. In a
 * --fill-down column, or the theme or finding column, its text is
 * carried down at once. */
static int hold_lone_row(importer *im, const sp_csv_row *row, size_t c, bool finding)
{
    struct lone_row *l = &im->lone[im->nlone];
    if (im->nlone == sizeof im->lone / sizeof im->lone[0]) {
        /* A footer may run on (notes, a key); headings as many are refused
         * when an action comes (settle_over). */
        im->over.first = im->over.n++ ? im->over.first : row->line;
        im->over.last = row->line;
        im->over.column = im->over.column ? im->over.column : c + 1;
        return SP_OK;
    }
    /* Sixty bytes are enough to name the row, cut where a character begins
       so that the message stays UTF-8. */
    const char *text = row->fields[c].data;
    size_t len = (size_t)quoted(text, 60);
    int carried = carried_down(im, row);
    *l = (struct lone_row){row->line, c + 1, strndup(text, len), strdup(text), carried >= 0,
                           -1, finding, finding && beside_rag(im, row, c)};
    if (!l->text || !l->whole) {
        free(l->text);
        free(l->whole);
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    }
    im->nlone++;
    /* A heading in the Theme column (alone, or merged across the row) is
     * its actions' theme; one in the finding column alone, their finding. */
    int theme = im->map.col[F_THEME];
    if (finding)
        carry_beside(im, row);
    if (!l->carried && finding)
        l->implied = F_FINDING;
    else if (!l->carried && theme >= 0 && !sp_blank(row->fields[theme].data))
        l->implied = F_THEME;
    else if (!l->carried && lone_field(im, l) == F_FINDING)
        l->implied = F_FINDING;
    if (l->implied >= 0)
        l->carried = carry_column(im, (size_t)im->map.col[l->implied]);
    else if (l->carried && (im->implied_fill >> carried & 1u)) /* as a heading above was */
        l->implied = im->col_field[im->fill_col[carried]];
    if (!l->carried)
        l->implied = -1;
    return l->carried ? fill_down(im, &row) : SP_OK;
}

/* Whether a held row's text sits where a plan's section headings do: in
 * the first column, a column of references, or one the header does not
 * name (a heading merged across the row is in each). */
static bool heading_place(const importer *im, const struct lone_row *l)
{
    int f = lone_field(im, l);
    return l->column == 1 || f < 0 || f == F_ACTION_REF || f == F_FINDING_REF;
}

/* A section heading where headings go (heading_place): the theme of the
 * actions below it, to the next heading, where the sheet has no Theme
 * column or their cell in it is empty. */
static int take_heading_theme(importer *im, struct lone_row *l)
{
    char msg[300];
    char *theme = strdup(l->whole);
    if (!theme)
        return sp_fail(im->db, SP_ENOMEM, "out of memory");
    free(im->heading_theme);
    im->heading_theme = theme;
    snprintf(msg, sizeof msg, "'%s' is a section heading: the theme of the actions below it%s, "
             "not imported as an action", l->text, im->map.col[F_THEME] < 0
                 ? " (the sheet has no Theme column)" : " whose Theme cell is empty");
    return remark(im, l->line, l->column, msg);
}

/* What a held row turned out to be, said: a heading carried down, a
 * footer passed over; else why it is refused. *refused says which. */
static void lone_message(char *msg, size_t size, const struct lone_row *l, bool heading,
                         bool footer, bool *refused)
{
    *refused = false;
    if (l->finding && !heading && (footer || l->key)) {
        snprintf(msg, size, "the row holds '%s' and no action, below the last action and %s: "
                 "a key or a note, and was not imported", l->text,
                 l->key ? "beside a RAG colour" : "under a footer");
    } else if (l->finding && !heading) {
        *refused = true;
        snprintf(msg, size, "the row gives the finding '%s' but no action, and none below "
                 "it takes it (before the next finding, or the end): add its actions below "
                 "it, or the action's text if this row is one", l->text);
    } else if (l->finding)
        snprintf(msg, size, "'%s' is a finding on a row of its own: carried down to the "
                 "actions below it as their finding (as --fill-down finding would), not "
                 "imported as an action", l->text);
    else if (!heading)
        snprintf(msg, size, "the row holds only '%s', below the last action: a footer or a "
                 "note, and was not imported", l->text);
    else if (l->implied >= 0)
        snprintf(msg, size, "'%s' is a section heading in the %s column: carried down to "
                 "the rows below it as their %s (as --fill-down %s would), not imported as "
                 "an action", l->text, imp_field_name((imp_field)l->implied),
                 imp_field_name((imp_field)l->implied), imp_field_name((imp_field)l->implied));
    else if (l->carried)
        snprintf(msg, size, "'%s' is a section heading: carried down to the rows below it "
                 "(--fill-down), not imported as an action", l->text);
    else {
        *refused = true;
        snprintf(msg, size, "the row holds only '%s': a section heading, not an action, in a "
                 "column of its own: delete the row, or move the heading into a Theme column",
                 l->text);
    }
}

/* Whether the action's row after a finding's row takes that finding: its
 * finding cell is empty. A sheet that writes the finding again on the
 * action's row writes it on each, and a row of it with no action is an
 * action short of its text. */
static bool takes_finding(const importer *im, const sp_csv_row *next)
{
    return sp_blank(next->fields[im->map.col[F_FINDING]].data);
}

/* The rows of one text past the eight held: more of a footer at the end,
 * said once; before an action, more headings than a plan has, refused. */
static int settle_over(importer *im, bool heading)
{
    char msg[200];
    int rc;
    if (heading) {
        rc = reject(im, im->over.first, im->over.column, "the row holds only one text, after "
                    "eight such rows: a heading or a note, not an action: delete the row");
    } else {
        snprintf(msg, sizeof msg, "rows %zu to %zu hold only one text each, below the last "
                 "action: more of the footer, and were not imported", im->over.first,
                 im->over.last);
        im->res->rows -= im->over.n;
        rc = remark(im, im->over.first, 0, msg);
    }
    im->over.n = 0;
    im->over.column = 0;
    return rc;
}

/* The held rows, now known: headings (an action follows: next, NULL at
 * the end) or a footer. */
static int settle_lone_rows(importer *im, const sp_csv_row *next)
{
    bool heading = next != NULL;
    char msg[400];
    int rc = SP_OK;
    size_t last_finding = im->nlone;
    bool footer = false; /* a row of one text with no action below: what follows is more */
    for (size_t i = 0; i < im->nlone; i++)
        last_finding = im->lone[i].finding ? i : last_finding;
    for (size_t i = 0; i < im->nlone; i++) {
        struct lone_row *l = &im->lone[i];
        bool refused = false;
        /* a finding's row with another below it before any action has none,
         * and so has one above an action that gives its own */
        bool actions = heading && (!l->finding || (i == last_finding && takes_finding(im, next)));
        if (rc == SP_OK && actions && !l->carried && heading_place(im, l)) {
            rc = take_heading_theme(im, l);
        } else if (rc == SP_OK) {
            lone_message(msg, sizeof msg, l, actions, footer, &refused);
            rc = refused ? reject(im, l->line, l->column, msg)
                         : remark(im, l->line, l->column, msg);
        }
        footer = footer || (!heading && !l->finding);
        im->res->rows -= !refused; /* not an action's row: not counted as one */
        free(l->text);
        free(l->whole);
    }
    im->nlone = 0;
    return rc == SP_OK && im->over.n ? settle_over(im, heading) : rc;
}

static int take_history_row(importer *im, const sp_csv_row *row)
{
    size_t column = 0;
    int rc = imp_history_row(im->hist, &column, row);
    return rc == SP_EINVALID ? reject(im, row->line, column, sp_errmsg(im->db)) : rc;
}
/* Says once that a reference was tidied to one a path can hold. */
static int note_tidied_ref(importer *im, size_t line, const imp_row *r)
{
    char msg[400];
    im->ref_tidied_noted = true; /* once: every such reference is tidied the same way */
    snprintf(msg, sizeof msg, "reference '%s' is stored as '%s' (a reference is letters, "
             "digits, '.', '_' or '-': a label before it, '#', brackets and spaces are left "
             "out), here and on every such row", r->ref_tidied, r->cell[r->ref_tidied_field]);
    return remark(im, line, field_column(im, r->ref_tidied_field), msg);
}

/* Says once how a status cell was read, when that needs saying. */
static int note_reading(importer *im, size_t line, const imp_row *r)
{
    char msg[400], status[16];
    const char *text = r->cell[F_STATUS];
    imp_field at = F_STATUS; /* the cell read: the status's, or the RAG's or share's */
    snprintf(status, sizeof status, "%s", r->status ? r->status : "");
    for (char *p = status; *p; p++)
        *p = *p == '_' ? ' ' : *p; /* "in progress", as a person writes it */
    switch (r->status_reading) {
    case IMP_READ_SUPERSEDED:
        snprintf(msg, sizeof msg, "'%s' is recorded as withdrawn (safeplan has no status for "
                 "an action replaced by another or merged into it: it is withdrawn), here and "
                 "on every such row", text);
        break;
    case IMP_READ_ON_HOLD:
        snprintf(msg, sizeof msg, "'%s' is recorded as in progress (safeplan has no status "
                 "for paused work: its dates make it amber or red), here and on every such "
                 "row", text);
        break;
    case IMP_READ_OPEN:
        snprintf(msg, sizeof msg, "'%s' is recorded as in progress (the sheet says the work "
                 "is not done, not whether it began: an open action of a plan under way most "
                 "often has; its dates rate it either way), here and on every such row", text);
        break;
    case IMP_READ_COLOUR:
        snprintf(msg, sizeof msg, "status '%s' is read as %s, after its RAG colour, which is "
                 "not imported (safeplan rates each action from its dates), here and on "
                 "every such row", text, status);
        break;
    case IMP_READ_BLUE:
        snprintf(msg, sizeof msg, "RAG '%s' is read as complete: the row gives no status, and "
                 "blue marks work done%s, here and on every such row", r->cell[F_RAG],
                 im->row_opts.keep_rag ? "" : " (the colours are not imported otherwise: "
                                              "safeplan rates each action from its dates)");
        at = F_RAG;
        break;
    case IMP_READ_RAG_WORDS:
        snprintf(msg, sizeof msg, "RAG '%s' is a status's words, read as %s: the row gives "
                 "no status%s, here and on every such row", r->cell[F_RAG], status,
                 im->row_opts.keep_rag ? "" : " (a RAG colour is not imported: safeplan rates "
                                              "each action from its dates)");
        at = F_RAG;
        break;
    case IMP_READ_PERCENT:
        snprintf(msg, sizeof msg, "'%s' done is read as %s: the row gives no status (none "
                 "done is not started, all of it complete, any other share in progress), "
                 "here and on every such row", r->cell[F_PERCENT], status);
        at = F_PERCENT;
        break;
    case IMP_READ_PARTLY:
        snprintf(msg, sizeof msg, "status '%s' is read as in progress: its words say only "
                 "part of the work is done ('%s'), here and on every row so written", text,
                 r->status_rest);
        break;
    case IMP_READ_FIRST_WORDS:
        snprintf(msg, sizeof msg, "status '%s' is read as %s from its first words; the rest "
                 "('%s') is not imported, here and on every row so written", text, status,
                 r->status_rest);
        break;
    default:
        return SP_OK;
    }
    im->reading_noted[r->status_reading] = true; /* once: the reading is the same each time */
    return remark(im, line, field_column(im, at), msg);
}


/* Says once that an owner cell of several lines is one owner named by
 * them all. */
static int note_owner_lines(importer *im, size_t line, const imp_row *r)
{
    char msg[600];
    im->owner_lines_noted = true; /* once: every such cell is read the same way */
    snprintf(msg, sizeof msg, "an owner cell of several lines is one owner named by them "
             "all ('%s'), here and on every such row: an action has one accountable "
             "owner (name the lead alone to make them the owner)", r->owner_buf);
    return remark(im, line, field_column(im, F_OWNER), msg);
}

/* Says once that an owner cell's labelled lead is the owner, the cell
 * shown on one line. */
static int note_owner_lead(importer *im, size_t line, const imp_row *r)
{
    char msg[700], cell[300];
    size_t o = 0;
    for (const char *p = r->owner_lead; *p && o + 4 < sizeof cell; p++)
        if (*p == '\n') /* its lines, as the note's one line can show them */
            memcpy(cell + o, " / ", 3), o += 3;
        else if (*p != '\r')
            cell[o++] = *p;
    cell[o] = '\0';
    im->owner_lead_noted = true; /* once: every such cell is read the same way */
    snprintf(msg, sizeof msg, "owner cell '%s' names its lead: '%.200s' is the owner (an "
             "action has one accountable owner; the others are not recorded), here and on "
             "every such row", cell, r->owner_buf);
    return remark(im, line, field_column(im, F_OWNER), msg);
}

/* Says once that a timescale was read without the remark after it. */
static int note_due_remark(importer *im, size_t line, const imp_row *r)
{
    char msg[600];
    im->due_remark_noted = true; /* once: every such cell is read the same way */
    snprintf(msg, sizeof msg, "timescale '%.200s' is read as '%.160s'; the words after it "
             "are a remark, kept with the timescale as written, here and on every such "
             "row", r->cell[F_DUE], r->due_text);
    return remark(im, line, field_column(im, F_DUE), msg);
}

/* Says the message (printf's format) at the row's cell of field f, and
 * marks it said: once an import, as every such cell is read the same way. */
__attribute__((format(printf, 5, 6))) static int note_once(importer *im, size_t line,
                                                           bool *noted, imp_field f,
                                                           const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    *noted = true;
    return remark(im, line, field_column(im, f), msg);
}

/* A sheet with no column of due dates makes every new action open-ended,
 * never overdue: most often its date column has a header of the council's
 * own. Said once, at the first row that creates an action (a sheet that
 * only updates actions it already made keeps their dates). */
static int note_no_due(importer *im, size_t line, int64_t created_before)
{
    if (im->map.col[F_DUE] >= 0 || im->map.col[F_ORIGINAL_DUE] >= 0 || im->no_due_noted ||
        im->hist || imp_writer_tally(im->writer)->created.actions == created_before)
        return SP_OK;
    im->no_due_noted = true;
    return remark(im, line, 0, "no column gives the actions' due dates (such as Target date, "
                  "Timescale or Deadline): each new action is imported open-ended, with no due "
                  "date, and is never overdue; to read a column of dates under a header of the "
                  "council's own, --map 'HEADER=due_on'");
}

/* The readings of a row's owner, timescale and progress cells that need
 * saying, each said once an import. */
static int note_cells(importer *im, size_t line, const imp_row *r)
{
    int rc = SP_OK;
    if (r->owner_lines && !im->owner_lines_noted)
        rc = note_owner_lines(im, line, r);
    if (rc == SP_OK && r->owner_lead && !im->owner_lead_noted)
        rc = note_owner_lead(im, line, r);
    if (rc == SP_OK && r->owner_unnamed && !im->owner_unnamed_noted)
        rc = note_once(im, line, &im->owner_unnamed_noted, F_OWNER,
                       "owner '%.*s' names no one yet: imported as an owner of that name, "
                       "which 'safeplan owner list' shows with its actions; once the owner is "
                       "known, 'safeplan action reassign --from OLD --to NEW --reason TEXT' "
                       "moves them, here and on every such row", quoted(r->cell[F_OWNER], 40),
                       r->cell[F_OWNER]);
    if (rc == SP_OK && r->due_remark && !im->due_remark_noted)
        rc = note_due_remark(im, line, r);
    if (rc == SP_OK && r->rag_pair && !im->rag_pair_noted)
        rc = note_once(im, line, &im->rag_pair_noted, F_RAG,
                       "RAG '%.40s' is kept as %s, the worse of its two ratings (safeplan's RAG "
                       "is one colour), here and on every such row", r->cell[F_RAG],
                       r->rag_override);
    if (rc == SP_OK && r->rag_remark && !im->rag_remark_noted)
        rc = note_once(im, line, &im->rag_remark_noted, F_RAG,
                       "RAG '%.*s' is kept as %s: the words after the colour are not imported "
                       "(keep them in the progress column), here and on every such row",
                       quoted(r->cell[F_RAG], 60), r->cell[F_RAG], r->rag_override);
    if (rc == SP_OK && r->no_update && !im->no_update_noted)
        rc = note_once(im, line, &im->no_update_noted, r->no_update_field,
                       "progress '%.40s' says there was no update: not recorded as one (it "
                       "would date progress never made), here and in every such cell",
                       r->no_update);
    if (rc == SP_OK && r->percent_read && !im->percent_read_noted)
        rc = note_once(im, line, &im->percent_read_noted, F_PERCENT,
                       "'%.*s' is read as a share of %d%%: the other words are not imported "
                       "(keep them in the progress column), here and on every such row",
                       quoted(r->cell[F_PERCENT], 120), r->cell[F_PERCENT], r->percent);
    if (rc == SP_OK && r->log && !im->log_noted) {
        im->log_noted = true; /* once: every such cell is read the same way */
        rc = remark(im, line, field_column(im, F_NOTE), "the progress cell is a log of "
                    "dated lines: each dated line, with the lines under it, is an entry on its "
                    "date, here and in every such cell");
    }
    return rc;
}

static bool has_digit(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9')
            return true;
    return false;
}

/* A field whose cell a description of the columns fills with words where a
 * date or a status belongs. */
static bool dated_or_status(imp_field f)
{
    return is_date(f) || f == F_COMPLETED_ON || f == F_STATUS;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether a date cell's words speak of a date, as a description of its
 * column does ("Date to be completed by", "When will it be done"), where
 * an action's own words do not ("In place", "Whenever", "Updated"). */
static bool speaks_of_date(const importer *im, const sp_csv_row *row, imp_field f)
{
    int c = f < F_COUNT ? im->map.col[f] : -1;
    if (c < 0 || (size_t)c >= row->count)
        return false;
    const char *text = row->fields[c].data;
    size_t len = row->fields[c].len;
    for (size_t i = 0; i + 4 <= len; i++)
        if ((strncasecmp(text + i, "date", 4) == 0 || strncasecmp(text + i, "when", 4) == 0) &&
            (i == 0 || !is_letter(text[i - 1])) && (i + 4 == len || !is_letter(text[i + 4])))
            return true;
    return false;
}

/* How sure the importer is that the first row under the header, refused,
 * describes each column ("What we will do", "Lead officer", "Date to be
 * completed by"), as some councils' templates do under their headings,
 * rather than being an action. */
typedef enum description { NOT_DESCRIPTION, MAY_DESCRIBE, DESCRIBES } description;

/* A row that may describe the columns: three or more cells, not a digit in
 * any (no reference, no date), refused only at dates and statuses that are
 * words, a date among them. It does if two of its cells name columns as a
 * header does ("Lead officer", "Timescale"), or one does and a date cell
 * speaks of a date. An action's row can have no digit and its date in
 * words ("Date TBC"): that one is refused, with a note saying what to do
 * if it is a description. */
static description describes_columns(const importer *im, const sp_csv_row *row)
{
    size_t cells = 0;
    bool date = false, speaks = false;
    for (size_t i = 0; i < row->count; i++) {
        const sp_csv_field *c = &row->fields[i];
        if (sp_blank(c->data))
            continue;
        if (has_digit(c->data, c->len))
            return NOT_DESCRIPTION;
        cells++;
    }
    for (size_t i = 0; cells >= 3 && i < im->row.nerrors; i++) {
        imp_field f = im->row.error_field[i];
        if (!dated_or_status(f))
            return NOT_DESCRIPTION;
        date = date || f != F_STATUS;
        speaks = speaks || (f != F_STATUS && speaks_of_date(im, row, f));
    }
    if (cells < 3 || !date)
        return NOT_DESCRIPTION;
    bool named[F_COUNT];
    size_t names = imp_map_names(named, row, &im->user);
    return names >= 2 || (names == 1 && speaks) ? DESCRIBES : MAY_DESCRIBE;
}

/* The description row is passed over, in a note, and its words are not
 * carried down (--fill-down) to the rows below, nor count as a finding
 * above them (missing_finding). */
static int skip_description(importer *im, const sp_csv_row *row)
{
    char msg[300];
    im->res->rows--;
    im->prev_had_finding = false;
    for (size_t i = 0; i < 8; i++) {
        free(im->fill_value[i]);
        im->fill_value[i] = NULL;
    }
    snprintf(msg, sizeof msg, "row %zu describes the columns under the header (it names "
             "columns, and has words and no digit where dates belong) and was not imported",
             row->line);
    return remark(im, row->line, 0, msg);
}

/* A row that may describe the columns is refused at its cells, with this
 * note beside them. */
static int note_may_describe(importer *im, const sp_csv_row *row)
{
    char msg[300];
    snprintf(msg, sizeof msg, "row %zu has words and no digit where dates belong: if it "
             "describes the columns rather than being an action, delete it; if it is an "
             "action, give its dates as dates", row->line);
    return remark(im, row->line, 0, msg);
}

/* A text row with fewer fields than the header, the missing ones empty
 * (the rules for a row read every column the header names); NULL if
 * memory ran out. */
static const sp_csv_row *pad_row(importer *im, const sp_csv_row *row)
{
    if (!im->padded && !(im->padded = calloc(im->map.ncols, sizeof *im->padded)))
        return NULL;
    memcpy(im->padded, row->fields, row->count * sizeof *im->padded);
    for (size_t c = row->count; c < im->map.ncols; c++)
        im->padded[c] = (sp_csv_field){"", 0};
    im->padded_row = *row;
    im->padded_row.fields = im->padded;
    im->padded_row.count = im->map.ncols;
    return &im->padded_row;
}

/* A due date written once over several actions (merged cells: a CSV
 * saved by Excel has the date on the first row only, and a finding's cell
 * blank below it) leaves the actions below it open-ended, which is also
 * what an action with no date yet is: so the import goes on, and says
 * once how to carry the date down if that was meant. */
static int note_due_above(importer *im, const sp_csv_row *raw, const sp_csv_row *row)
{
    int dc = im->map.col[F_DUE], fc = im->map.col[F_FINDING], oc = im->map.col[F_ORIGINAL_DUE];
    bool above = im->prev_due;
    im->prev_due = dc >= 0 && !sp_blank(row->fields[dc].data);
    if (oc >= 0 && !sp_blank(row->fields[oc].data)) /* due then, if not revised */
        return SP_OK;
    if (im->prev_due || !above || fc < 0 || !sp_blank(raw->fields[fc].data) ||
        im->due_above_noted)
        return SP_OK;
    char msg[400];
    im->due_above_noted = true;
    snprintf(msg, sizeof msg, "no due date in this row, though the row above has one, and no "
             "finding of its own: the action is open-ended; if the date is written once for "
             "the actions under it (merged cells), import with --fill-down %s to carry it "
             "down (said once)", imp_field_name(F_DUE));
    return remark(im, row->line, (size_t)dc + 1, msg);
}

static int take_row(importer *im, const sp_csv_row *row)
{
    imp_field field = F_COUNT;
    char note[IMP_NOTE_SIZE];
    bool first = !im->described_checked;
    im->described_checked = true;
    im->res->rows++;
    if (im->hist)
        return take_history_row(im, row);
    check_blank_columns(im, row);
    if (finding_row_of(im, row))
        return take_finding_row(im, row);
    /* A note typed under the plan in a text editor has fewer fields than
     * the header: a row of one text is one wherever its commas end. */
    int lone = lone_cell(im, row);
    if (row->count < im->map.ncols && lone >= 0 && !row->marks && !row->hidden) {
        const sp_csv_row *full = pad_row(im, row);
        return full ? hold_lone_row(im, full, (size_t)lone, false)
                    : sp_fail(im->db, SP_ENOMEM, "out of memory");
    }
    if (row->count != im->map.ncols) {
        char msg[160];
        snprintf(msg, sizeof msg, "found %zu fields, expected %zu (as many as the header has)",
                 row->count, im->map.ncols);
        im->misfit = true;
        size_t at = (row->count < im->map.ncols ? row->count : im->map.ncols) + 1;
        return reject(im, row->line, at, msg);
    }
    int finding = lone < 0 ? finding_row(im, row) : -1;
    if (lone >= 0 || finding >= 0)
        return hold_lone_row(im, row, (size_t)(lone >= 0 ? lone : finding), finding >= 0);
    int rc = im->nlone ? settle_lone_rows(im, row) : SP_OK;
    const sp_csv_row *raw = row; /* as the file has it, before --fill-down */
    if (rc == SP_OK)
        rc = fill_down(im, &row);
    if (rc != SP_OK)
        return rc;
    if (refuse_bad_cells(im, row))
        return SP_OK;
    if (missing_finding(im, row))
        return reject(im, row->line, field_column(im, F_FINDING), sp_errmsg(im->db));
    rc = imp_row_parse(&im->row, &field, im->db, &im->map, row, &im->row_opts);
    description d = rc == SP_EINVALID && first ? describes_columns(im, row) : NOT_DESCRIPTION;
    if (d == DESCRIBES) {
        sp_clear(im->db);
        return skip_description(im, row);
    }
    if (d == MAY_DESCRIBE && (rc = note_may_describe(im, row)) == SP_OK)
        rc = SP_EINVALID; /* the row's errors follow */
    if (rc == SP_EINVALID && im->row.nerrors > 1)
        return reject_all(im, row->line, &im->row);
    if (rc == SP_OK && im->heading_theme && !im->row.cell[F_THEME])
        im->row.cell[F_THEME] = im->heading_theme;
    if (rc == SP_OK && im->map.findings_in_rows) {
        im->row.cell[F_FINDING] = im->row_finding;
        im->row_finding_actions++;
    }
    int64_t created = imp_writer_tally(im->writer)->created.actions;
    if (rc == SP_OK)
        rc = imp_write_row(im->writer, &field, note, &im->row);
    if (rc == SP_OK)
        rc = note_no_due(im, row->line, created);
    if (rc == SP_EINVALID)
        return reject(im, row->line, field_column(im, field), sp_errmsg(im->db));
    if (rc == SP_OK && note[0])
        rc = remark(im, row->line, field_column(im, field), note);
    if (rc == SP_OK && im->row.status_reading && !im->reading_noted[im->row.status_reading])
        rc = note_reading(im, row->line, &im->row);
    if (rc == SP_OK && im->row.ref_tidied && !im->ref_tidied_noted)
        rc = note_tidied_ref(im, row->line, &im->row);
    if (rc == SP_OK)
        rc = note_cells(im, row->line, &im->row);
    if (rc == SP_OK)
        rc = note_due_above(im, raw, row);
    return rc;
}

/* ------------------------------------------------------------------ */
/* What the workbook hides                                             */

/* A workbook's hidden columns are not imported: the clerk reads the
 * visible sheet, and a column is most often hidden because it is
 * superseded (the target date beside its revision), which would
 * otherwise have won over the visible one without a word. The row goes on
 * with them blank (copied: the reader's record is not changed), so a
 * hidden column is never mapped, nor clashes with a visible one of the
 * same header; the headers are named in notes (note_hidden_columns). */
static int show_visible(importer *im, const sp_csv_row **row)
{
    const sp_csv_row *r = *row;
    if (r->count > im->visible_cap) {
        sp_csv_field *f = realloc(im->visible, r->count * sizeof *f);
        if (f)
            im->visible = f;
        unsigned char *m = f ? realloc(im->visible_marks, r->count) : NULL;
        if (!m)
            return sp_fail(im->db, SP_ENOMEM, "out of memory");
        im->visible_marks = m;
        im->visible_cap = r->count;
    }
    for (size_t c = 0; c < r->count; c++) {
        im->visible[c] = r->hidden[c] ? (sp_csv_field){"", 0} : r->fields[c];
        if (r->marks) /* an error in a column not read is no error */
            im->visible_marks[c] = r->hidden[c] ? SP_CELL_PLAIN : r->marks[c];
    }
    im->visible_row = *r;
    im->visible_row.fields = im->visible;
    im->visible_row.marks = r->marks ? im->visible_marks : NULL;
    im->visible_row.hidden = NULL;
    *row = &im->visible_row;
    return SP_OK;
}

/* Each hidden column the header names, in a note: what was left out is
 * said, and the clerk who meant it to count unhides it. */
static int note_hidden_columns(importer *im, const sp_csv_row *header)
{
    int rc = SP_OK;
    for (size_t c = 0; rc == SP_OK && c < header->count; c++) {
        char letters[16], msg[MSG_SIZE - 300];
        if (!header->hidden[c] || sp_blank(header->fields[c].data))
            continue;
        sp_xlsx_cell_name(letters, sizeof letters, 0, c + 1);
        snprintf(msg, sizeof msg, "column %s \"%.*s\" is hidden and was not imported",
                 letters, (int)(header->fields[c].len < 200 ? header->fields[c].len : 200),
                 header->fields[c].data);
        rc = remark(im, 0, 0, msg);
    }
    return rc;
}

/* A hidden row below the header is passed over (one above it is looked
 * at for the header like any other: a clerk who hides the header row to
 * tidy a printout still means it): in a plan it is most often an action
 * deleted or superseded, kept out of sight rather than removed, and the
 * clerk reads the visible sheet. The rows are named in a note at the end
 * (note_hidden_rows). Rows hidden by a filter are not hidden rows
 * (xlsx_sheet.c): they are imported. */
static void skip_hidden_row(importer *im, const sp_csv_row *row)
{
    if (imp_row_blank(row))
        return;
    size_t max = sizeof im->hidden_rows / sizeof im->hidden_rows[0];
    if (im->nhidden_rows < max)
        im->hidden_rows[im->nhidden_rows] = row->line;
    im->nhidden_rows++;
}

static int note_hidden_rows(importer *im)
{
    size_t max = sizeof im->hidden_rows / sizeof im->hidden_rows[0], at;
    size_t shown = im->nhidden_rows < max ? im->nhidden_rows : max;
    char msg[300];
    if (im->nhidden_rows == 0)
        return SP_OK;
    at = (size_t)snprintf(msg, sizeof msg, "row%s", im->nhidden_rows == 1 ? "" : "s");
    for (size_t i = 0; i < shown; i++)
        at += (size_t)snprintf(msg + at, sizeof msg - at, "%s %zu", i ? "," : "",
                               im->hidden_rows[i]);
    if (im->nhidden_rows > shown)
        at += (size_t)snprintf(msg + at, sizeof msg - at, " and %zu more",
                               im->nhidden_rows - shown);
    snprintf(msg + at, sizeof msg - at, " %s hidden and %s not imported",
             im->nhidden_rows == 1 ? "is" : "are", im->nhidden_rows == 1 ? "was" : "were");
    return remark(im, 0, 0, msg);
}

/* A row below the header, among the first HEADER_ROWS, that names the
 * columns as a header does: kept for the hint (header_hint) should the
 * row read as the header turn out not to be it (a summary box above the
 * real header: "Theme | Actions | RAG"). Only the first rows are looked
 * at, so the import's cost per row is unchanged. */
static void spot_header(importer *im, const sp_csv_row *row)
{
    if (im->next_header || im->seen > HEADER_ROWS || im->opt->header_row || im->hist ||
        !im->header_line || row->line == im->header_line)
        return;
    if (names_fields(im, row))
        im->next_header = row->line;
}

/* Whether the first row below the header (and a second row of it) is a
 * template's guidance ("What will we do?", "(who)"), asked once. A history
 * file's rows never are. */
static bool guidance(importer *im, const sp_csv_row *row)
{
    if (im->guidance_checked || im->hist)
        return false;
    im->guidance_checked = true;
    return imp_map_guidance_row(row);
}

static int note_guidance(importer *im, const sp_csv_row *row)
{
    char msg[200];
    snprintf(msg, sizeof msg, "row %zu is a template's guidance under the header (every cell "
             "a question or in brackets) and was not imported", row->line);
    return remark(im, row->line, 0, msg);
}

/* After a header that cannot be used, the rows are read on only to find
 * one that could be (spot_header), then the reader is stopped. */
static int after_failed_header(importer *im, const sp_csv_row *row)
{
    if (!im->header_line || im->opt->header_row || im->hist)
        return SP_EINVALID; /* no row was taken for the header, or the user named it */
    spot_header(im, row);
    return im->next_header || im->seen >= HEADER_ROWS ? SP_EINVALID : SP_OK;
}

static int on_row(void *ctx, const sp_csv_row *row)
{
    importer *im = ctx;
    im->seen++;
    if (im->have_header && im->header_failed) {
        im->stopped = after_failed_header(im, row) != SP_OK;
        return im->stopped ? SP_EINVALID : 0;
    }
    const sp_csv_row *as_read = row;
    int rc = SP_OK;
    if (row->hidden_row && im->have_header) {
        skip_hidden_row(im, row);
        return 0;
    }
    if (row->hidden)
        rc = show_visible(im, &row);
    if (rc != SP_OK) {
    } else if (!im->have_header) {
        /* Only CSV has the export's formula guard; a workbook's text is as typed. */
        im->row_opts.raw = im->row_opts.raw || strcmp(im->src.format, "xlsx") == 0;
        rc = seek_header(im, row);
        if (rc == SP_EINVALID && im->header_failed && after_failed_header(im, row) == SP_OK)
            rc = SP_OK; /* read on for a row that could be the header */
        if (rc == SP_OK && im->have_header && !im->header_failed && as_read->hidden)
            rc = note_hidden_columns(im, as_read);
        if (rc == SP_OK && im->have_header && !im->header_failed && as_read->hidden_row)
            rc = remark(im, as_read->line, 0, "the header row is hidden: read as the header "
                        "all the same (only rows below it are passed over when hidden)");
    }
    else if (imp_row_blank(row))
        return 0;
    else {
        bool more = false;
        if (im->holding)
            rc = settle_header(im, row, &more);
        if (rc == SP_EINVALID && im->header_failed && after_failed_header(im, row) == SP_OK)
            rc = SP_OK; /* read on for a row that could be the header */
        else if (rc == SP_OK && !more && !im->header_failed && guidance(im, row))
            more = true, rc = note_guidance(im, row);
        else if (rc == SP_OK && !more && im->seen <= HEADER_ROWS)
            spot_header(im, row);
        if (rc == SP_OK && !more && !im->header_failed)
            rc = take_row(im, row);
    }
    im->stopped = rc != SP_OK;
    return rc;
}

/* ------------------------------------------------------------------ */
/* Options                                                             */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* Where rows go that the file does not place. */
static int resolve_defaults(importer *im)
{
    const sp_import_options *o = im->opt;
    imp_defaults *d = &im->defaults;
    sqlite3_stmt *st;
    if (!o->review)
        return o->authority ? sp_resolve(&d->authority_id, im->db, "authority", o->authority)
                            : SP_OK;
    int rc = sp_resolve(&d->review_id, im->db, "review", o->review);
    if (rc == SP_OK)
        rc = sp_prepare(&st, im->db, "import/review_authority");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":id", d->review_id); /* its authority, for rows naming a review */
    rc = sp_step_id(&d->authority_id, im->db, st);
    sqlite3_finalize(st);
    return rc;
}

/* --as-at: the date the sheet speaks for; not after today. */
static int take_as_at(importer *im)
{
    const char *text = im->opt->as_at;
    if (!text)
        return SP_OK;
    if (sp_date_parse(im->as_at, text) != SP_OK)
        return sp_fail(im->db, SP_EINVALID, "--as-at '%s' is not a date: expected the date "
                       "the sheet speaks for (YYYY-MM-DD or DD/MM/YYYY)", text);
    if (strcmp(im->as_at, im->today) > 0)
        return sp_fail(im->db, SP_EINVALID, "--as-at %s is after today (%s): a sheet cannot "
                       "speak for a day to come", im->as_at, im->today);
    im->defaults.as_at = im->as_at;
    return SP_OK;
}

/* A new import review's reference that no review holds: a voided one
 * (the import was undone) keeps "import-DATE", so the import imported
 * again that day goes into "import-DATE-2". */
static int free_import_ref(importer *im)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, im->db, "import/review_ref_taken");
    int64_t taken = 1;
    for (int n = 2; rc == SP_OK && n < 1000; n++) {
        sp_bind_int(st, ":authority_id", im->defaults.authority_id);
        sp_bind_text(st, ":ref", im->import_ref);
        rc = sp_step_id(&taken, im->db, st);
        if (rc != SP_OK || !taken)
            break;
        snprintf(im->import_ref, sizeof im->import_ref, "import-%s-%d", im->today, n);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Rows placed by --authority alone go to the review the first such import
 * made for that authority ("import-YYYY-MM-DD"), so that the same sheet
 * imported every month lands in one review. */
static int reuse_import_review(importer *im)
{
    sqlite3_stmt *st;
    if (!im->defaults.authority_id || im->defaults.review_id)
        return SP_OK;
    int rc = sp_prepare(&st, im->db, "import/first_import_review");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":authority_id", im->defaults.authority_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(im->import_ref, sizeof im->import_ref, "%s",
                 (const char *)sqlite3_column_text(st, 0));
    bool found = rc == SQLITE_ROW && sqlite3_column_text(st, 0);
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SP_OK : sp_fail_sql(im->db, "finding the review");
    sqlite3_finalize(st);
    return rc == SP_OK && !found ? free_import_ref(im) : rc;
}

static int setup(importer *im, sp_db *db, const sp_import_options *opt)
{
    im->db = db;
    im->opt = opt;
    im->name = opt->name ? opt->name : "input";
    sp_today(db, im->today);
    snprintf(im->import_ref, sizeof im->import_ref, "import-%s", im->today);
    snprintf(im->import_title, sizeof im->import_title, "Plan imported from %.200s on %s",
             base_name(im->name), im->today);
    im->defaults = (imp_defaults){0, 0, im->import_ref, im->import_title,
                                  opt->author && !sp_blank(opt->author) ? opt->author : "import",
                                  im->today, im->today, im->name, 0,
                                  (const char *const *)im->header, &im->map};
    im->row_opts = (imp_row_opts){im->today, (opt->flags & SP_IMPORT_KEEP_RAG) != 0,
                                  (opt->flags & SP_IMPORT_RAW) != 0, false};
    int rc = take_as_at(im);
    if (rc == SP_OK && opt->as_at) /* timescales in the sheet count from its date */
        im->row_opts.today = im->as_at;
    if (rc == SP_OK)
        rc = sp_grace_days(&im->defaults.grace_days, db);
    if (rc == SP_OK)
        rc = imp_user_map_parse(&im->user, db, opt->map);
    if (rc == SP_OK)
        rc = resolve_defaults(im);
    return rc == SP_OK ? reuse_import_review(im) : rc;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* The input's own fault (not one of ours): at a place, it is a bad row,
 * listed as FILE:LINE:COLUMN (or FILE:Sheet!C7); elsewhere (not a
 * workbook, a limit), or a read failure, it stops the import. */
static int source_fault(importer *im)
{
    const imp_source *s = &im->src;
    if (s->code != SP_EINVALID || s->line == 0)
        return sp_fail(im->db, s->code, "%s: %s", im->name, s->message);
    int rc = reject(im, s->line, s->column, s->message);
    return rc == SP_OK ? s->code : rc;
}

static int plan_empty(bool *empty, sp_db *db)
{
    sqlite3_stmt *st;
    int64_t any = 1;
    int rc = sp_prepare(&st, db, "import/any_action");
    if (rc == SP_OK) {
        rc = sp_step_id(&any, db, st);
        sqlite3_finalize(st);
    }
    *empty = any == 0;
    return rc;
}

/* A history file's second pass, once every row has been read and found good. */
/* A note of the sign-offs the file records by the claimant themselves. */
static int note_one_person(importer *im)
{
    const char *first;
    int64_t n = imp_history_one_person(im->hist, &first);
    if (n == 0)
        return SP_OK;
    char msg[600];
    snprintf(msg, sizeof msg, "%lld sign-off%s %s made by the person who claimed the work "
             "complete, which the two-person rule refuses now: imported as recorded (a plan "
             "recorded before the rule, or a file edited by hand); the first, %s",
             (long long)n, n == 1 ? "" : "s", n == 1 ? "was" : "were", first ? first : "");
    return remark(im, 0, 0, msg);
}

static int replay_history(importer *im)
{
    size_t line = 0, column = 0;
    int rc = imp_history_replay(im->hist, &line, &column);
    if (rc == SP_OK)
        rc = note_one_person(im);
    if (rc != SP_EINVALID)
        return rc;
    rc = reject(im, line, column, sp_errmsg(im->db));
    return rc == SP_OK ? SP_EINVALID : rc;
}

/* Whether a workbook's row could be the plan's header (as seek_header
 * would take it): the sheets before the first with one are passed over. */
static bool names_columns(void *ctx, const sp_csv_row *row)
{
    const importer *im = ctx;
    return (row->record == 1 && imp_history_header(row)) || names_fields(im, row);
}

/* The sheets passed over for the plan's, in a note (once, naming the
 * plan's first sheet). */
static int note_passed_over(importer *im)
{
    char msg[900];
    if (!im->src.passed_over || im->passed_over_noted)
        return SP_OK;
    im->passed_over_noted = true;
    bool one = !strstr(im->src.passed_over, "', '");
    snprintf(msg, sizeof msg, "sheet%s %s passed over: no row in %s first %d names the "
             "columns (to read %s, name it with --sheet)", one ? "" : "s", im->src.passed_over,
             one ? "its" : "their", HEADER_ROWS, one ? "it" : "one");
    return remark(im, 0, 0, msg);
}

/* The sheets after the plan's that name the columns too but were not
 * read as more of it (continues_plan), in a note. */
static int note_other_plans(importer *im)
{
    char msg[900];
    bool one = !strstr(im->src.other_plans, "', '");
    snprintf(msg, sizeof msg, "sheet%s %s also %s a row that names columns, but not the "
             "owner or the due date that a plan's rows have, and %s not imported (if %s "
             "part of the plan, import %s with --sheet)",
             one ? "" : "s", im->src.other_plans, one ? "has" : "have", one ? "was" : "were",
             one ? "it is" : "one is", one ? "it" : "each");
    return remark(im, 0, 0, msg);
}

/* Whether a sheet after the plan's goes on with it: its header names the
 * action and who owns it or when it is due, as a plan's does, where a
 * summary by theme or a RAG key names neither. A history file is read
 * from its one sheet. */
static bool continues_plan(void *ctx, const sp_csv_row *row)
{
    const importer *im = ctx;
    bool named[F_COUNT];
    if (im->hist || imp_map_names(named, row, &im->user) < 3)
        return false;
    return (named[F_ACTION] || named[F_ACTION_REF]) && (named[F_OWNER] || named[F_DUE]);
}

/* The end of a sheet: a header with no row under it is taken, rows of
 * one text with no action below them are a footer, hidden rows named. */
static int end_sheet(importer *im)
{
    bool more = false;
    int rc = im->holding ? settle_header(im, NULL, &more) : SP_OK;
    if (rc == IMP_SHEET_LEFT) /* a header with no row under it, left */
        rc = SP_OK;
    if (rc == SP_OK && im->nlone)
        rc = settle_lone_rows(im, NULL); /* no action below them: a footer */
    if (rc == SP_OK)
        rc = settle_row_finding(im, true);
    return rc == SP_OK ? note_hidden_rows(im) : rc;
}

/* What the importer knew of a sheet's header and rows, forgotten before
 * the next sheet's. */
static void forget_sheet(importer *im)
{
    for (int f = 0; f < F_COUNT; f++) {
        free(im->header[f]);
        im->header[f] = NULL;
    }
    free(im->col_field);
    free(im->first_error);
    free(im->filled);
    free(im->padded);
    im->padded = NULL;
    free(im->heading_theme);
    im->heading_theme = NULL;
    free(im->row_finding);
    im->row_finding = NULL;
    im->row_finding_actions = 0;
    im->implied_fill = 0;
    free(im->held_fields);
    free(im->held_text);
    im->col_field = NULL, im->first_error = NULL, im->filled = NULL;
    im->held_fields = NULL, im->held_text = NULL;
    for (size_t i = 0; i < 8; i++) {
        free(im->fill_value[i]);
        im->fill_value[i] = NULL;
    }
    im->ncol_field = im->nnamed = im->nblank = im->nhidden_rows = 0;
    im->tried = im->first_line = im->first_column = im->seen = im->header_line = 0;
    im->next_header = 0;
    im->have_header = im->header_failed = im->prev_had_finding = im->holding = false;
    im->guidance_checked = im->described_checked = im->misfit = false;
}

/* A sheet after the plan's, read as more of it (import_source.c): the
 * sheet before is finished while messages still name it, and the next
 * sheet's header is sought afresh. */
static int next_sheet(void *ctx, const char *name)
{
    importer *im = ctx;
    int rc = note_passed_over(im);
    if (rc == SP_OK)
        rc = end_sheet(im);
    if (rc == SP_OK && im->part == 0)
        rc = imp_writer_sheet(im->writer, im->src.sheet_read);
    if (rc == SP_OK)
        rc = imp_writer_sheet(im->writer, name);
    forget_sheet(im);
    im->part++;
    im->stopped = rc != SP_OK;
    return rc;
}

/* Reads everything; returns a fatal code, or SP_OK (rows may be rejected). */
static int read_all(importer *im)
{
    int rc = plan_empty(&im->plan_empty, im->db);
    if (rc == SP_OK)
        rc = imp_writer_new(&im->writer, im->db, &im->defaults);
    if (rc != SP_OK)
        return rc;
    if (!im->opt->header_row) { /* else the header is on that row of the first sheet */
        im->src.names_columns = names_columns;
        im->src.continues_plan = continues_plan;
        im->src.next_sheet = next_sheet;
    }
    rc = imp_source_read(&im->src, on_row, im);
    if (rc != SP_OK && !im->stopped)
        rc = source_fault(im);
    if (rc == SP_OK)
        rc = note_passed_over(im);
    if (rc == SP_OK && im->src.other_plans)
        rc = note_other_plans(im);
    if (rc == SP_OK)
        rc = end_sheet(im); /* the file's, or the last sheet's */
    if ((rc == SP_OK || (rc == SP_EINVALID && im->src.line > 0)) && !im->have_header &&
        im->tried > 0)
        /* the file ended (or broke) before the header */
        rc = im->opt->header_row ? past_the_end(im) : no_header(im);
    if (rc == SP_OK && !im->have_header) {
        sp_fail(im->db, SP_EINVALID, "the %s is empty: expected a header row, then a row "
                "for each action", im->src.sheet_read ? "sheet" : "file");
        im->header_failed = true;
        rc = reject(im, im->src.sheet_read ? 0 : 1, 0, sp_errmsg(im->db));
        return rc == SP_OK ? SP_EINVALID : rc;
    }
    if (rc == SP_OK && im->hist && im->res->rejected == 0)
        rc = replay_history(im);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The import                                                          */

static void tally(sp_import_result *res, const imp_writer *w)
{
    if (!w)
        return;
    const imp_tally *t = imp_writer_tally(w);
    res->created = t->created;
    res->updated = t->updated;
    res->unchanged = t->unchanged;
    res->irregular = t->irregular;
    res->open_ended = t->open_ended;
    res->recurring = t->recurring;
    res->unevidenced = t->unevidenced;
    res->dated_entries = t->dated;
    res->log_rows = t->log_rows;
    res->log_entries = t->logged;
}

/* When the import fails and the row read as the header may be the wrong
 * one (it cannot be used, names no owner or due date, or rows do not fit
 * it) and a row below it names columns too: the way to read that one. */
static void header_hint(char *out, size_t size, const importer *im)
{
    out[0] = '\0';
    if (!im->next_header || !(im->header_failed || im->misfit || im->map.col[F_OWNER] < 0 ||
                              im->map.col[F_DUE] < 0))
        return;
    if (im->part == 0)
        snprintf(out, size, " (row %zu was read as the header, but row %zu names columns too: "
                 "if that is the header, import with --header-row %zu)", im->header_line,
                 im->next_header, im->next_header);
    else /* --header-row reads the first sheet, or the one named */
        snprintf(out, size, " (row %zu of sheet '%s' was read as its header, but row %zu "
                 "names columns too: if that is the header, import the sheet alone with "
                 "--sheet and --header-row %zu)", im->header_line, im->src.sheet_read,
                 im->next_header, im->next_header);
}

/* Commits, or rolls back a dry run or a file with rejected rows. */
static int finish(importer *im, int rc)
{
    char hint[400];
    sp_import_result *res = im->res;
    bool dry = (im->opt->flags & SP_IMPORT_DRY_RUN) != 0;
    if (rc == SP_EINVALID && res->rejected > 0)
        rc = SP_OK; /* summed up below */
    if (rc == SP_OK && res->rejected == 0 && !dry)
        rc = imp_writer_finish(im->writer);
    if (rc != SP_OK || res->rejected > 0 || dry) {
        sp_rollback(im->db);
    } else {
        rc = sp_commit(im->db);
        res->committed = rc == SP_OK;
    }
    const char *outcome = dry ? "the import would fail and change nothing"
                              : "nothing was imported";
    header_hint(hint, sizeof hint, im);
    if (rc == SP_OK && im->header_failed)
        rc = sp_fail(im->db, SP_EINVALID, "%s: the header cannot be used; %s%s", im->name,
                     outcome, hint);
    else if (rc == SP_OK && res->rejected > 0)
        rc = sp_fail(im->db, SP_EINVALID, "%s: %lld bad row%s; %s%s", im->name,
                     (long long)res->rejected, res->rejected == 1 ? "" : "s", outcome, hint);
    return rc;
}

/* Gives the import a larger page cache (sql/import.sql says why); *old
 * receives the size to restore. */
static int enlarge_cache(int *old, sp_db *db)
{
    sqlite3_stmt *st;
    int64_t size = 0;
    int rc = sp_prepare(&st, db, "import/cache_size");
    if (rc == SP_OK) {
        rc = sp_step_id(&size, db, st);
        sqlite3_finalize(st);
    }
    *old = (int)size;
    if (rc == SP_OK && (rc = sp_prepare(&st, db, "import/cache_for_import")) == SP_OK) {
        rc = sp_exec_stmt(db, st, "setting the cache size");
        sqlite3_finalize(st);
    }
    return rc;
}

/* A pragma takes no bound values: the size is a number read from SQLite. */
static void restore_cache(sp_db *db, int old)
{
    char *sql = sqlite3_mprintf("PRAGMA cache_size = %d", old);
    if (sql)
        sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
}

/* What was read, for the caller's notes. */
static void describe_source(sp_import_result *res, imp_source *src)
{
    res->format = src->format;
    res->encoding = src->read_as;
    res->encoding_detected = src->encoding_detected;
    res->sheet = src->first_read ? src->first_read : src->sheet_read;
    res->sheets = src->sheets;
    res->nsheets = src->nsheets;
    res->sheets_read = src->sheets_read;
    res->nread = src->nread;
    if (src->first_read) /* the result owns the rest now */
        src->first_read = NULL;
    else
        src->sheet_read = NULL;
    src->sheets = src->sheets_read = NULL;
}

static int run(sp_import_result **out, sp_db *db, const imp_source *src,
               const sp_import_options *opt)
{
    static const sp_import_options none = {0};
    importer *im = calloc(1, sizeof *im);
    sp_import_result *res = calloc(1, sizeof *res);
    *out = res;
    sp_clear(db);
    if (!im || !res) {
        free(im);
        sp_import_result_free(res);
        *out = NULL;
        return sp_fail(db, SP_ENOMEM, "out of memory");
    }
    im->res = res;
    im->src = *src;
    if (opt) {
        im->src.name = opt->name ? opt->name : "input";
        im->src.sheet = opt->sheet;
        im->src.encoding = opt->encoding;
    } else {
        im->src.name = "input";
    }
    int old_cache = 0;
    sqlite3 *file_db = NULL;
    int rc = opt && (opt->flags & SP_IMPORT_DRY_RUN) ? sp_private_copy(db, &file_db) : SP_OK;
    if (rc == SP_OK)
        rc = setup(im, db, opt ? opt : &none);
    if (rc == SP_OK && (rc = enlarge_cache(&old_cache, db)) == SP_OK) {
        if ((rc = sp_begin(db)) == SP_OK)
            rc = finish(im, read_all(im));
        restore_cache(db, old_cache);
    }
    tally(res, im->writer);
    if (im->hist) {
        imp_history_tally(im->hist, &res->created, &res->history_entries);
        res->history = 1;
    }
    imp_writer_free(im->writer); /* its statements belong to the copy */
    im->writer = NULL;
    imp_history_free(im->hist);
    im->hist = NULL;
    sp_private_copy_end(db, file_db);
    describe_source(res, &im->src);
    imp_source_free(&im->src);
    imp_user_map_free(&im->user);
    for (size_t i = 0; i < 8; i++)
        free(im->fill_value[i]);
    for (int f = 0; f < F_COUNT; f++)
        free(im->header[f]);
    free(im->col_field);
    free(im->first_error);
    for (size_t i = 0; i < im->nlone; i++) {
        free(im->lone[i].text);
        free(im->lone[i].whole);
    }
    free(im->heading_theme);
    free(im->row_finding);
    free(im->filled);
    free(im->padded);
    free(im->visible);
    free(im->held_fields);
    free(im->held_text);
    free(im->visible_marks);
    free(im);
    return rc;
}

int sp_import(sp_import_result **out, sp_db *db, FILE *in, const sp_import_options *opt)
{
    imp_source src = {0};
    src.file = in;
    src.db = db;
    return run(out, db, &src, opt);
}

int sp_import_buffer(sp_import_result **out, sp_db *db, const void *data, size_t len,
                     const sp_import_options *opt)
{
    imp_source src = {0};
    src.data = data;
    src.len = len;
    src.db = db;
    return run(out, db, &src, opt);
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void sp_import_result_free(sp_import_result *r)
{
    if (!r)
        return;
    free_list(r->errors, r->nerrors);
    free_list(r->notes, r->nnotes);
    for (size_t i = 0; i < r->nunplaced; i++)
        free(r->unplaced[i].header);
    free(r->unplaced);
    free(r->sheet);
    free(r->sheets);
    free(r->sheets_read);
    free(r);
}
