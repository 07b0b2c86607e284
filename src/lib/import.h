/*
 * Internal: the importer's modules.
 *
 *   import.c        the driver: options, one transaction, the CSV reader,
 *                   the result and its messages
 *   import_map.c    which column holds which field (headers, aliases, --map)
 *   import_row.c    one row's cells checked and parsed, with no database
 *   import_write.c  finding or creating the row's places and action, and
 *                   appending progress updates (prepared statements, caches)
 */
#ifndef SP_IMPORT_H
#define SP_IMPORT_H

#include "csvio.h"
#include "internal.h"

/* The fields a column can hold, in the export's column order (the export's
 * column names are the fields' names: see sql/export.sql), then those only
 * councils' sheets have. */
typedef enum imp_field {
    F_AUTHORITY, F_AUTHORITY_NAME, F_AUTHORITY_KIND,
    F_REVIEW, F_REVIEW_KIND, F_REVIEW_TITLE, F_REVIEW_STARTED, F_REVIEW_ENDED,
    F_REVIEW_REPORTED, F_REVIEW_JUDGEMENT,
    F_FINDING_REF, F_FINDING_KIND, F_THEME, F_FINDING,
    F_ACTION_REF, F_ACTION, F_OWNER, F_START, F_ORIGINAL_DUE, F_DUE, F_STATUS, F_MEASURE,
    F_RAG, F_RAG_REASON, F_RAG_OVERRIDE, F_RAG_OVERRIDE_REASON,
    F_UPDATE_ON, F_UPDATE_BY, F_NOTE, F_EVIDENCE, F_TRANSFERRED_TO,
    F_TIMESCALE, /* the due date as written (export column due_as_written) */
    F_PROGRESS_ON, /* the stale clock: the latest update that reported progress */
    F_COMPLETED_ON, /* the day the work was completed or closed (F_EXPORTED) */
    F_PERCENT,      /* the share of the work done ("% complete") */
    F_COUNT,
    F_IGNORE = F_COUNT /* a column named to be skipped (--map 'X=ignore') */
} imp_field;

/* The fields before this one are the export's columns; those from it on
 * are read only from councils' sheets. */
#define F_EXPORTED F_COMPLETED_ON

/* ---- import_map.c ---- */

/* The canonical name of a field ("due_on"), as the export writes it. */
const char *imp_field_name(imp_field f);

/* The header words the importer knows for a field, for messages
 * ("Due, Due date, Timescale, Target date, Deadline"). */
const char *imp_field_aliases(imp_field f);

/* Every field name, comma-separated (for messages). */
const char *imp_field_names(void);

/* No header name or alias is longer than this (tested): a longer cell is
 * not compared with them. */
#define IMP_ALIAS_MAX 40

/* The length of the longest name or alias a header is matched with. */
size_t imp_alias_longest(void);

/* A round's date as a header or a map gives it: a day in any form a date
 * cell takes, or a month and year ("June 2024", "Jun 24", "06/2024"),
 * read as its first day (*month is then set). */
bool imp_round_date(char out[SP_DATE_SIZE], bool *month, const char *text);

/* The RAG rating a cell names ("Amber", "G"; "Amber/Green": the worse of
 * two), or NULL. */
const char *imp_rag_word(const char *text);

/* The worse of two ratings a cell names ("Amber/Green", "R-A"), or NULL
 * if it does not name two. */
const char *imp_rag_pair(const char *text);

/* One column of progress notes for a reporting round: a header naming
 * progress and a date ("Progress update - June 2024"), or a map to
 * last_update_note@DATE. Each non-empty cell is an entry on that date. */
#define IMP_DATED_MAX 64
typedef struct imp_dated {
    int col;               /* 0-based */
    char on[SP_DATE_SIZE]; /* the round's date */
    bool month;            /* the date was a month: its first day */
} imp_dated;

/* A user's extra header names ("Header=field,..."), parsed once. */
typedef struct imp_user_map {
    char *buf;          /* the option copied, cut into the names below */
    const char **header;
    imp_field *field;
    imp_dated *dated;   /* each item's round ("field@DATE"), on "" if none */
    size_t n;
} imp_user_map;

/* Parses `text` (may be NULL). SP_EINVALID naming the bad item. */
int imp_user_map_parse(imp_user_map *m, sp_db *db, const char *text);
void imp_user_map_free(imp_user_map *m);

/* Where each field is: the column (0-based) or -1. */
typedef struct imp_map {
    int col[F_COUNT];
    size_t ncols;             /* every data row must have this many fields */
    const char *finding_kind; /* default kind, from the finding column's header */
    bool revised_pair;        /* a plain due date column was read as the original */
    bool ref_pair;            /* a plain Ref column was read as the finding's */
    bool findings_in_rows;    /* no column names the finding: each is a row of its
                               * own above its actions (import.c, finding_row_of) */
    imp_dated dated[IMP_DATED_MAX]; /* progress columns of rounds, by date, then column */
    size_t ndated;
} imp_map;

/* The field of a row's error in dated column i (imp_row error_field): past
 * the fields, so that the message names the column. */
#define IMP_DATED_FIELD(i) ((imp_field)(F_IGNORE + 1 + (int)(i)))

/* Reads the header row. Columns that hold no field are passed to
 * on_unplaced (column is 0-based); `progress` says the header names
 * progress and a round that has no exact date ("Progress Q2"). On failure
 * (SP_EINVALID) *column is the 0-based column at fault (or -1) and the
 * message is on db. */
typedef void (*imp_unplaced_fn)(void *ctx, size_t column, const char *header, size_t len,
                                bool progress);
int imp_map_header(imp_map *m, int *column, sp_db *db, const sp_csv_row *row,
                   const imp_user_map *user, imp_unplaced_fn on_unplaced, void *ctx);

/* The field a header names only as a second choice (read where no other
 * column names it: "SRO" for the owner), or -1. */
int imp_map_second_field(const sp_csv_field *h, const imp_user_map *user);

/* How many different fields the row's cells name, as imp_map_header would
 * read them (a column mapped to ignore names none); named[f] says whether
 * field f is one of them. */
size_t imp_map_names(bool named[F_COUNT], const sp_csv_row *row, const imp_user_map *user);

/* Whether the row under the header is more of it: names under cells the
 * header merges over several columns ("Responsibility" over "Lead" and
 * "Support"), short labels with no digit, and no action. */
bool imp_map_second_row(const sp_csv_row *head, const sp_csv_row *row, const imp_user_map *user);

/* Whether the row under the header is a template's guidance for each
 * column: at least two cells, every one a question ("By when?") or words in
 * brackets ("(what we will do)"), short and with no digit. */
bool imp_map_guidance_row(const sp_csv_row *row);

/* The names of the header's width columns, read from both rows (each is
 * malloc'd into names[i]; on failure, SP_ENOMEM with some set): a lower
 * name with the upper one where together they name a field ("Lead" under
 * "Responsibility": "Lead Responsibility", the owner), else alone
 * ("Start" under "Timescale"); the upper's own field to a column of its
 * merge that names none ("Description" under "Action"). */
int imp_map_join_rows(char **names, size_t width, const sp_csv_row *head, const sp_csv_row *row,
                      const imp_user_map *user);

/* ---- import_log.c ---- */

/* One entry of a progress cell kept as a log: its date and its text (in
 * the cell: len bytes, not terminated). */
typedef struct imp_log_entry {
    char on[SP_DATE_SIZE];
    const char *text;
    size_t len;
} imp_log_entry;

/* Whether a progress cell is a log of dated lines ("12/06/2025: met
 * partners"): its first line starts with a date, and none is after as_at. */
bool imp_log_is(const char *cell, const char *as_at);

/* The next entry of a log from *at (which starts as the cell), in the
 * cell's order: a dated line and the undated lines under it, trimmed (len
 * may be 0). False at the end. */
bool imp_log_next(imp_log_entry *entry, const char **at);

/* ---- import_revised.c ---- */

/* A due date revised in its own cell ("Dec 2025 (revised from Sept
 * 2025)"): the text now due, and the text it was revised from ("" if the
 * cell does not say). */
typedef struct imp_revision {
    char now[160], was[160];
} imp_revision;

/* Splits a cell that says its date was revised; false if it does not. */
bool imp_revision_split(imp_revision *out, const char *text);

/* ---- import_row.c ---- */

/* A status cell read in a way the import says once (import.c). */
typedef enum imp_reading {
    IMP_READ_PLAIN = 0,
    IMP_READ_SUPERSEDED,  /* "Superseded": withdrawn */
    IMP_READ_ON_HOLD,     /* "On hold", "Paused": in progress */
    IMP_READ_COLOUR,      /* "Blue - complete": the status after a RAG colour */
    IMP_READ_FIRST_WORDS, /* "Completed - evidence to follow": its first words */
    IMP_READ_BLUE,        /* no status, a blue RAG: complete */
    IMP_READ_PERCENT,     /* no status, a share done: 0 not started, 100 complete */
    IMP_READ_OPEN,        /* "Open", "Incomplete": in progress */
    IMP_READ_RAG_WORDS,   /* no status, a RAG cell in a status's words */
    IMP_READ_PARTLY,      /* "Complete (partially)", "Achieved in part": in progress */
    IMP_READ_COUNT
} imp_reading;

#define IMP_ROW_ERRORS 8
#define IMP_ROW_ERROR_SIZE 700

/* One row's values: cells are views into the reader's record (valid for
 * this row only); NULL means absent or empty. Dates are resolved to ISO,
 * enumerations to canonical words. */
typedef struct imp_row {
    size_t line;
    const char *cell[F_COUNT];
    bool has[F_COUNT];             /* the file has a column for the field */
    char code[48];                 /* the authority code, lower-cased */
    char ref_bufs[3][48];          /* review, finding, action refs, trimmed */
    const char *authority_kind, *review_kind, *finding_kind, *status, *rag_override;
    const char *review_from, *review_to, *review_reported; /* point into the bufs */
    const char *start, *original_due, *due, *update_on, *progress_on, *completed_on;
    char review_from_buf[SP_DATE_SIZE], review_to_buf[SP_DATE_SIZE];
    char review_reported_buf[SP_DATE_SIZE], start_buf[SP_DATE_SIZE];
    char original_due_buf[SP_DATE_SIZE], due_buf[SP_DATE_SIZE], update_on_buf[SP_DATE_SIZE];
    char progress_on_buf[SP_DATE_SIZE], completed_on_buf[SP_DATE_SIZE];
    bool carries_update;           /* the row reports a progress update */
    int percent;                   /* the share of the work done, 0-100; -1 if none */
    const char *percent_text;      /* ... as the update records it, or NULL */
    char percent_buf[12];          /* room for any int: the compiler cannot see 0-100 */
    bool percent_read;             /* ... read past words ("c. 50%", "75% (audit)",
                                    * "Complete"): noted once */
    const char *timescale;         /* the due date as written, or NULL */
    const char *due_text;          /* the part of it that is due now (a revision's) */
    const char *revised_from;      /* the date a revision in the cell was from, or NULL */
    char revised_from_buf[SP_DATE_SIZE];
    imp_revision revision;         /* the cell, split, if it is a revision */
    bool due_remark;               /* the due cell is a timescale and a remark: due_text
                                    * is the timescale (in revision.now) */
    bool two_dates;                /* ... a date and a remark with a date of its own */
    bool rag_pair;                 /* the RAG kept (--keep-rag) is the worse of two */
    bool rag_remark;               /* ... or the colour before words ("Green (on track)") */
    const char *no_update;         /* a progress cell that says there was none ("N/A",
                                    * "No update"), left out; as written, or NULL */
    imp_field no_update_field;     /* ... its field (F_NOTE or IMP_DATED_FIELD(i)) */
    bool done_in_status;           /* completed_on is the status cell's ("Completed
                                    * 12/10/2025"), not a column's */
    const char *cadence;           /* a recurring action's "1 month", or NULL */
    char cadence_buf[16];
    bool relative;                 /* the due depends on the base date ("3 months") */
    const char *ref_tidied;        /* a reference tidied to one a path holds, as written */
    imp_field ref_tidied_field;    /* ... its field, holding the tidied one */
    const char *owner_lines;       /* an owner cell of several lines, as written */
    const char *owner_lead;        /* an owner cell that labels its lead, as written */
    bool owner_unnamed;            /* the owner cell names no one yet ("TBC", "-") */
    char owner_buf[256];           /* ... joined: the owner */
    imp_reading status_reading;    /* how the status cell was read, if that needs saying */
    char status_rest[80];          /* IMP_READ_FIRST_WORDS: the words left out */
    const char *dated_note[IMP_DATED_MAX]; /* each dated column's cell (imp_map), or NULL */
    const char *log;               /* the progress cell, if a log of dated lines (then
                                    * cell[F_NOTE] is NULL: imp_log_is), or NULL */
    size_t nerrors;                /* every bad cell of the row (imp_row_parse) */
    imp_field error_field[IMP_ROW_ERRORS];
    char error[IMP_ROW_ERRORS][IMP_ROW_ERROR_SIZE];
} imp_row;

/* Options that change how rows are read. */
typedef struct imp_row_opts {
    const char *today;
    bool keep_rag;
    bool raw;                      /* cells are not formula-guarded */
    bool sheet_notes;              /* the progress column is a council's, not an export's
                                    * last_update_note: "N/A" or "-" in it is no update */
} imp_row_opts;

/* Resolves the row's timescale again against `base` (an existing action's
 * start or first-import date), into r->due. SP_OK or SP_EINVALID. */
int imp_row_rebase(imp_row *r, const char *base);

/* The month (1-12) a word of len bytes names: its full name, its first
 * three letters or "Sept" (any case); else 0. */
int imp_month_word(const char *w, size_t len);

/* "March 2018", "Sept 2023", "Jun 24", "06/2024": the month's first day
 * into buf; false if the text is not a month and year. */
bool imp_month_first_day(char buf[SP_DATE_SIZE], const char *text);

/* True if every cell of the record is empty (a blank spreadsheet row). */
bool imp_row_blank(const sp_csv_row *row);

/* Fills r from the record. On SP_EINVALID every bad cell is listed in
 * r->error (r->nerrors of them, each with its field); the message of the
 * first is also on db and in *field. */
int imp_row_parse(imp_row *r, imp_field *field, sp_db *db, const imp_map *m,
                  const sp_csv_row *row, const imp_row_opts *o);

/* ---- import_source.c ---- */

/* Where the rows come from: a text file separated by commas, semicolons
 * or tabs (UTF-8, Windows-1252 or UTF-16), or a sheet of an Excel
 * workbook, told apart by content. Every source delivers the same
 * sp_csv_row records; for a workbook, a row's line is its row number in
 * the sheet and its fields are the columns from A. */
/* How far down the header may be. Councils' sheets put a title, a date, a
 * blank row and a RAG key of a few rows above it (rarely more than ten);
 * a row further down that names the columns is more likely data than a
 * header, and a file with none in its first twenty is not a plan. */
#define IMP_HEADER_ROWS 20

typedef struct imp_source {
    /* in: a file, or data/len when file is NULL */
    FILE *file;
    const void *data;
    size_t len;
    const char *name;         /* the file's name (its extension counts too) */
    const char *sheet;        /* the sheet to read (NULL: the first) */
    const char *encoding;     /* the text's encoding (NULL: detect it) */
    sp_db *db;                /* the plan: a workbook's spill is made beside it */
    /* A workbook with no sheet named: the plan's sheet is the first
     * visible one with a row among its first IMP_HEADER_ROWS that this
     * takes for a header, called with on_row's ctx (NULL: the first). */
    bool (*names_columns)(void *ctx, const sp_csv_row *row);
    /* The visible sheets after it whose header this also takes for a plan's
     * are read as more of the plan (a plan kept a sheet to a theme, and its
     * completed actions), the others that name columns noted in
     * other_plans; NULL: all noted. next_sheet is called, with on_row's
     * ctx, before the first row of each sheet read after the first, while
     * sheet_read still names the sheet before; a non-zero return stops. */
    bool (*continues_plan)(void *ctx, const sp_csv_row *row);
    int (*next_sheet)(void *ctx, const char *name);
    /* on_row's return for a sheet after the first whose header cannot be
     * used: the rest of that sheet is not read, and the next is. */
#define IMP_SHEET_LEFT 3
    /* out: what was read */
    const char *format;       /* "csv", "tsv" or "xlsx" */
    const char *read_as;      /* text: "UTF-8", "Windows-1252", "UTF-16LE"... */
    bool encoding_detected;   /* (not named by the caller) */
    bool date1904;            /* xlsx: the 1904 date system */
    bool tabs;                /* text: tab-separated */
    unsigned char delim;      /* text: ',', ';' or a tab */
    char *sheet_read;         /* xlsx: the sheet's name (being read, or read last) */
    char *first_read;         /* xlsx: the plan's first sheet, when more were read */
    char *sheets_read;        /* xlsx: every sheet read, quoted, ", "-separated */
    size_t nread;
    char *passed_over;        /* xlsx: the sheets before it that hold no header */
    char *other_plans;        /* xlsx: the sheets after it that hold one too */
    char *sheets;             /* xlsx: every sheet, quoted, ", "-separated */
    size_t nsheets;
    /* a fault in the input (code SP_OK if none): at line and column (both
     * 1-based; for a workbook, the cell's row and column) when line > 0 */
    int code;
    size_t line, column;
    char message[640];
} imp_source;

/* Reads the input, calling on_row for each record. Returns SP_OK, the
 * non-zero value on_row returned, or the fault's code. */
int imp_source_read(imp_source *s, sp_csv_row_fn on_row, void *ctx);
void imp_source_free(imp_source *s);

/* ---- import_bulk.c ---- */

typedef struct imp_bulk imp_bulk;

/* Drops the secondary indexes of action and action_update, remembering
 * how to build them. *out is NULL on failure. */
int imp_bulk_begin(imp_bulk **out, sp_db *db);

/* Builds them again. Accepts NULL (nothing to do). */
int imp_bulk_end(imp_bulk *b, sp_db *db);
void imp_bulk_free(imp_bulk *b);

/* ---- import_write.c ---- */

typedef struct imp_writer imp_writer;

/* Counts and notes the writer reports back. */
typedef struct imp_tally {
    sp_import_counts created;
    int64_t updated, unchanged, irregular;
    int64_t open_ended, recurring, unevidenced;
    int64_t dated;             /* progress entries added from dated columns */
    int64_t log_rows, logged;  /* rows with a log of dated lines; entries from them */
} imp_tally;

/* Where rows go when the file does not say (from the options). */
typedef struct imp_defaults {
    int64_t authority_id;      /* 0: none */
    int64_t review_id;         /* 0: none */
    const char *import_ref;    /* the review created for the import */
    const char *import_title;
    const char *author;        /* for updates the file does not attribute */
    const char *today;
    const char *as_at;         /* the date the sheet speaks for (default today) */
    const char *file;          /* the file's name, for revision reasons */
    int grace_days;            /* rag.grace_days, for recurring actions */
    const char *const *header; /* each field's column header as the file has it
                                * (NULL: no column), for messages; may be NULL */
    const imp_map *map;        /* the header's places (its dated columns), once read */
} imp_defaults;

/* Prepares every statement once. *out is NULL on failure. */
int imp_writer_new(imp_writer **out, sp_db *db, const imp_defaults *d);
void imp_writer_free(imp_writer *w);

/* Loads into a plan that has no actions yet: new actions are inserted
 * without a lookup first, and the secondary indexes are built at the end
 * (import_bulk.c). A row without an action reference, or an action met
 * twice, ends bulk mode early (the lookups need the indexes). */
int imp_writer_bulk(imp_writer *w);

/* The rows written from now on are a workbook's next sheet, `name` (the
 * first sheet is named too): a row's line is then its row in that sheet,
 * and a message that names an earlier row names its sheet if another. */
int imp_writer_sheet(imp_writer *w, const char *name);

/* Ends bulk mode (building the indexes); call before committing. */
int imp_writer_finish(imp_writer *w);

#define IMP_NOTE_SIZE 256

/* Writes one parsed row. SP_EINVALID (message on db, *field the field at
 * fault or F_COUNT) rejects the row; other codes are fatal. `note`
 * receives a remark ("" if none): a status moved outside the lifecycle. */
int imp_write_row(imp_writer *w, imp_field *field, char note[IMP_NOTE_SIZE], imp_row *r);

/* The counts so far. */
const imp_tally *imp_writer_tally(const imp_writer *w);

/* ---- import_history.c ---- */

/* A history file (safeplan export --history): its rows are entries. */
typedef struct imp_history imp_history;

/* True if the header row is a history file's (it names entry and
 * recorded_at). */
bool imp_history_header(const sp_csv_row *row);

/* Checks the header (every column of the export, in order) and gets ready.
 * SP_EINVALID with *column (1-based) at fault and the message on db. *out
 * is to be freed with imp_history_free whatever the result. */
int imp_history_new(imp_history **out, sp_db *db, const sp_csv_row *header, bool raw,
                    size_t *column);

/* First pass, per row: checks it, makes the places it names, keeps it.
 * SP_EINVALID with *column (1-based) and the message on db. */
int imp_history_row(imp_history *h, size_t *column, const sp_csv_row *row);

/* Second pass: every kept row written, in the order recorded. On
 * SP_EINVALID *line and *column are the row's and the message is on db. */
int imp_history_replay(imp_history *h, size_t *line, size_t *column);

/* What was made: places, owners and actions, and the entries rebuilt. */
void imp_history_tally(const imp_history *h, sp_import_counts *created, int64_t *entries);

/* The sign-offs the file records by the person who claimed the work
 * complete (kept as recorded), and the first of them, in words (NULL if
 * none, or out of memory). */
int64_t imp_history_one_person(const imp_history *h, const char **first);

void imp_history_free(imp_history *h);

/* For tests: how many rows' keys are sorted in memory before a run of
 * them goes to the spill (default 262,144), so that a small file can be
 * merged from many runs. */
void imp_history_set_run_keys(size_t n);

#endif
