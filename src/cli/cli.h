/*
 * The safeplan command-line tool. It uses only the public API (safeplan.h):
 * it parses arguments, calls the library, and maps results to output and
 * exit statuses (0 success, 1 runtime error, 2 misuse).
 */
#ifndef SP_CLI_H
#define SP_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "safeplan.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_MISUSE = 2 };

typedef struct cli_ctx cli_ctx;

typedef struct cli_command {
    const char *name;     /* "action add" */
    int (*run)(cli_ctx *ctx, int argc, char **argv);
    const char *summary;  /* one line for `safeplan --help` */
    const char *usage;    /* full help: synopsis line first, then options */
} cli_command;

struct cli_ctx {
    const char *db_path;        /* --db, $SAFEPLAN_DB, else ./safeplan.db */
    const cli_command *cmd;     /* the command being run */
    sp_db *db;                  /* opened by cli_open */
    bool db_given;              /* --db was given before the command */
    int seen[64], nseen;        /* options with a value met so far (cli_opt) */
    char *cmdline;              /* issue 12: the command line, for the change set */
};

/* issue 12: the person writing: $SAFEPLAN_USER, else the login name. */
const char *cli_user(void);
/* issue 12: an object's corrections under "Corrections:", if it has any. */
int cli_print_corrections(cli_ctx *ctx, const char *kind, const char *ref);

/* heap.c: ask for huge pages for the heap's first megabytes, before a
 * command that reads rows across a large plan (why: there). */
void cli_heap_prefer_huge_pages(void);

/* The command table (main.c): one place lists every command. */
extern const cli_command *const cli_commands[];

/* Opens ctx->db_path (creating it if `create`); prints the error and
 * returns false on failure. */
bool cli_open(cli_ctx *ctx, bool create);

/* Gives a database that cli_open created its name, once the command has
 * succeeded (a no-op for one that existed). Returns SP_OK, or prints the
 * error and returns the code (SP_EEXISTS: someone else created the path
 * while the command ran; it was not touched). */
int cli_publish(cli_ctx *ctx);

/* Closes ctx->db (an unpublished new database leaves nothing behind). */
void cli_close(cli_ctx *ctx);

/* Option parsing around getopt_long: returns the option's value, -1 when
 * options end, or CLI_STOP_HELP / CLI_STOP_MISUSE after printing help or
 * the misuse message. --help is handled here for every command. */
#define CLI_STOP_HELP 1000
#define CLI_STOP_MISUSE 1001
/* An option that may be given more than once (each value adds one: user
 * add --authority A --authority B): its getopt value, in the options
 * table and in the switch. Any other option given twice is misuse. */
#define CLI_REPEAT(c) ((c) | 0x400)
int cli_opt(cli_ctx *ctx, int argc, char **argv, const struct option *opts);

/* Why a --db value cannot be used (empty, ":memory:"), or NULL if it can. */
const char *cli_db_path_problem(const char *path);

/* Turns a CLI_STOP_* value (or an unexpected option) into an exit status. */
int cli_stop(int c);

/* Checks the number of positional arguments left after the options. */
bool cli_positional(cli_ctx *ctx, int argc, char **argv, int min, int max);

/* Prints "safeplan CMD: MESSAGE" and the usage line to stderr; returns 2. */
/* Days written N, Nd, Nw or Nm (0-3650 days); false if not one of those. */
bool cli_parse_days(const char *text, int *days);

int cli_misuse(cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "safeplan: MESSAGE" (the library's message) to stderr; returns 1. */
int cli_fail(cli_ctx *ctx);

/* Prints "safeplan: MESSAGE" to stderr; returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Output formats for lists and reports. */
typedef enum cli_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON } cli_format;

/* Parses --format's argument; false (after a misuse message) if unknown. */
bool cli_format_parse(cli_ctx *ctx, const char *text, cli_format *out);

/* A name/value pair shown above a JSON report's rows. */
typedef struct cli_meta {
    const char *key;
    const char *value; /* NULL prints null */
} cli_meta;

/* Prints every row of the cursor in `format`, then frees it. JSON is an
 * object {"report": the command, meta..., "rows": [...]}, as every report's.
 * Returns an exit status (printing the error on failure). */
int cli_print(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_meta *meta,
              size_t nmeta);

/* As cli_print, but a table shows only the columns named in table_cols
 * (NULL-terminated, in that order); CSV and JSON always carry every column. */
int cli_print_cols(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_meta *meta,
                   size_t nmeta, const char *const *table_cols);

/* Prints the cursor's single row as "name: value" lines; frees it. */
/* cli_print with everything: envelope fields (meta), fields added to each
 * JSON row (extra), and the table's columns (NULL: all). */
typedef struct cli_print_opts {
    const cli_meta *meta;
    size_t nmeta;
    const cli_meta *extra;
    size_t nextra;
    const char *const *table_cols;
} cli_print_opts;
int cli_print_with(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_print_opts *o);

int cli_print_record(cli_ctx *ctx, sp_cursor *c);

/* Writes s as a JSON string (with quotes). */
void cli_json_string(FILE *out, const char *s);

/* Human output shows control, bidirectional and invalid bytes as escapes
 * (\r, \x1b, \u202e); CSV and JSON keep text exact (visible.c). */
#define CLI_VISIBLE_MAX 16
/* The display form of the character at s into out; returns bytes used. */
size_t cli_visible_char(const char *s, char out[CLI_VISIBLE_MAX]);
/* Writes s; a line break is written as one followed by indent, or shown
 * as \n when indent is NULL. */
void cli_put_visible(FILE *out, const char *s, const char *indent);
/* A one-line copy for a table cell (line breaks and tabs as spaces);
 * free it. NULL when out of memory. With max > 0, only its first max+1
 * display columns or a little more: enough for a cell that will be shown
 * in at most max columns, which is cut all the same. *width (if not NULL)
 * is the copy's display width. */
char *cli_visible_line(const char *s, int max, int *width);
/* The length (1-4) of the valid UTF-8 sequence at s, its code point in
 * *cp; 0 if s starts no character. */
size_t cli_utf8_decode(const char *s, unsigned *cp);

/* Display columns, as a terminal draws them (colwidth.c): 2 for East
 * Asian wide and full-width characters and emoji, 0 for combining marks,
 * zero-width characters and variation selectors, else 1. */
int cli_char_width(unsigned cp);
/* The display width of the first n bytes of s (up to its end). */
int cli_span_width(const char *s, size_t n);
/* The bytes of s that fit in cols columns, whole characters each with the
 * marks drawn on it; their width in *width (if not NULL). */
size_t cli_span_fit(const char *s, int cols, int *width);

/* The general help; with_commands adds the list of commands. */
void cli_print_main_help(FILE *out, bool with_commands);

/* Writes the manual page (troff), generated from the usage texts. */
int cli_man(FILE *out);

/* Prints an action's RAG as of `as_of` (NULL = today) with its reason,
 * its due dates and slippage, and its history (cmd_update.c). */
int cli_print_progress(cli_ctx *ctx, int64_t action_id, const char *as_of);

/* Prints the help text of the command named by words, or all commands. */
int cli_help(int argc, char **argv);

/* Options of a plain list command: --format and, if scope is not NULL, one
 * optional positional argument. Opens the database. Returns -1 to go on,
 * or the exit status to return now. */
int cli_parse_list(cli_ctx *ctx, int argc, char **argv, cli_format *format, const char **scope);
/* cli_parse_list with --include-void too (*flags gets SP_LIST_INCLUDE_VOID). */
int cli_parse_list_void(cli_ctx *ctx, int argc, char **argv, cli_format *format,
                        const char **scope, unsigned *flags);

/* ---- Reports: shared filter options (filters.c) and report output ---- */

/* getopt_long values of the filter options (above every character). */
enum {
    CLI_OPT_AUTHORITY = 0x100, CLI_OPT_REVIEW, CLI_OPT_FINDING, CLI_OPT_OWNER,
    CLI_OPT_THEME, CLI_OPT_STATUS, CLI_OPT_RAG,
    CLI_OPT_NO_DUE /* issue 11 */
};

/* The filter options' entries, for a command's getopt_long table. */
#define CLI_FILTER_OPTIONS                                                           \
    {"authority", required_argument, 0, CLI_OPT_AUTHORITY},                          \
    {"review", required_argument, 0, CLI_OPT_REVIEW},                                \
    {"finding", required_argument, 0, CLI_OPT_FINDING},                              \
    {"owner", required_argument, 0, CLI_OPT_OWNER},                                  \
    {"theme", required_argument, 0, CLI_OPT_THEME},                                  \
    {"status", required_argument, 0, CLI_OPT_STATUS},                                \
    {"rag", required_argument, 0, CLI_OPT_RAG},                                      \
    {"no-due", no_argument, 0, CLI_OPT_NO_DUE}

/* Their help, for a command's usage text (one source for every command). */
#define CLI_FILTER_HELP                                                              \
    "Filters (any combination; each narrows the rows):\n"                            \
    "  --authority CODE   one authority, by code or id\n"                            \
    "  --review REF       one review: AUTHORITY/REVIEW or id\n"                      \
    "  --finding REF      one finding: AUTHORITY/REVIEW/FINDING or id\n"             \
    "  --owner OWNER      one owner, by name (any case) or id\n"                     \
    "  --theme WORDS      findings under every theme with these whole words, any\n"  \
    "                     case (\"leadership\": \"Vision, strategy and leadership\")\n"\
    "  --status STATUS    not_started, in_progress, complete, signed_off,\n"         \
    "                     transferred or withdrawn\n"                                \
    "  --rag RAG          red, amber, green, blue or grey as shown on the date\n"    \
    "                     (a manual override counts)\n"                              \
    "  --no-due           only open-ended actions (no due date yet), to chase\n"     \
    "                     a date\n"                                                 \
    "A filter naming nothing that exists is an error naming the closest names.\n"

/* If c is a filter option, stores its value (optarg) in f and returns
 * EXIT_OK, or EXIT_MISUSE after a message (empty, repeated, or an unknown
 * status or RAG word); returns -1 if c is not a filter option. */
int cli_filter_opt(cli_ctx *ctx, sp_filter *f, int c);

/* Writes f as a JSON object with every filter's key, null where unset. */
void cli_filter_json(FILE *out, const sp_filter *f);

/* True if tables may use colour: stdout is a terminal, NO_COLOR is unset or
 * empty (https://no-color.org) and TERM is not "dumb". */
bool cli_colour(void);
/* The width tables fit: the terminal's, else $COLUMNS, else 100. */
int cli_table_width(void);
/* Prints prose (no colour codes) wrapped at the table width, then a newline. */
void cli_wrap(FILE *out, const char *text);

/* The escape sequence that starts a RAG word's colour ("red" ...), or ""
 * for another word; CLI_COLOUR_END ends it. Callers check cli_colour. */
const char *cli_rag_colour(const char *word);
#define CLI_COLOUR_END "\033[0m"

/* What a report prints around its rows (cli_print_report). */
typedef struct cli_report {
    const char *name;              /* JSON "report" */
    const char *as_of;             /* JSON "as_of" (ISO) */
    const cli_meta *params;        /* JSON keys after as_of; a value that is a
                                      whole number prints as a JSON number */
    size_t nparams;
    const sp_filter *filter;       /* JSON "filters" (cli_filter_json) */
    const char *const *table_cols; /* the table's columns, as cli_print_cols */
    bool totals;                   /* sum the integer columns: a "total" line
                                      under the table and JSON "totals";
                                      CSV keeps one row per group */
    /* printed under the table (the RAG key), given the total of the
       aside column (0 when there is none) */
    void (*footer)(FILE *out, int64_t aside);
    const char *aside;             /* an integer column summed for the footer
                                      but not shown in the table */
} cli_report;

/* Prints a report: a table (with colour, totals and footer), CSV (every
 * column), or one JSON document {"report", "as_of", params..., "filters",
 * "rows": [...], "totals"}. Frees the cursor; returns an exit status. */
int cli_print_report(cli_ctx *ctx, sp_cursor *c, cli_format format, const cli_report *r);

/* The overdue report as `safeplan overdue` prints it (cmd_report.c), for
 * the demo too. Frees the cursor; returns an exit status. */
int cli_print_overdue(cli_ctx *ctx, sp_cursor *c, cli_format format, const char *as_of,
                      const sp_filter *filter);

/* A file named with --out (outfile.c): "-" is standard output; an existing
 * FIFO or character device is written as a stream; anything else is written
 * to a private (0600) unnamed temporary file beside it and linked into
 * place only when complete, so a failure or a kill never leaves a
 * half-written file, nor a stray copy of the plan. */
typedef enum cli_outkind {
    CLI_OUT_STDOUT, CLI_OUT_STREAM, CLI_OUT_UNNAMED, CLI_OUT_NAMED
} cli_outkind;
typedef struct cli_outfile {
    const char *path;     /* the name asked for */
    cli_outkind kind;
    FILE *f;              /* write here */
    int fd;               /* CLI_OUT_UNNAMED: the O_TMPFILE descriptor */
    char proc_name[32];   /* ... and its /proc/self/fd name */
    char *tmp;            /* CLI_OUT_NAMED: the temporary file's name */
} cli_outfile;

/* Opens the output; EXIT_OK, or prints the error and returns 1. */
int cli_outfile_open(cli_outfile *o, const char *path);

/* A name a library can open to write the output itself (the pack):
 * the /proc name of the unnamed file, the temporary name, or the path. */
const char *cli_outfile_name(const cli_outfile *o);

/* Closes it, and puts it in place if rc is EXIT_OK (else discards it).
 * Returns the final exit status. */
int cli_outfile_close(cli_outfile *o, int rc);

/* The directory part of path ("." if none), newly allocated (NULL: out of
 * memory). */
char *cli_dir_of(const char *path);

/* An unnamed private file (O_TMPFILE, 0600) in the directory of `near`, or
 * -1 with errno set where the filesystem has none. */
int cli_tmpfile(const char *near);

#endif
