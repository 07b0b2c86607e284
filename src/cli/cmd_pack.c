/* safeplan pack | report: the committee pack as a workbook or a web page. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct pack_args {
    sp_filter filter;
    char as_of[SP_DATE_SIZE], since[SP_DATE_SIZE]; /* ISO; "" until given */
    const char *out;
    const char *key; /* closure (#14): signs the printed checkpoint */
} pack_args;

/* What both commands say about their dates (one source for both helps). */
#define PACK_DATES_HELP                                                              \
    "  --key FILE         sign the checkpoint it prints with this key (default:\n"    \
    "                     $SAFEPLAN_KEY; else the checkpoint is unsigned)\n"           \
    "  --as-of DATE       the day it is for: YYYY-MM-DD or DD/MM/YYYY\n"            \
    "                     (default: today, or $SAFEPLAN_TODAY if set). A past\n"     \
    "                     day shows the plan as it stood then, rebuilt from the\n"   \
    "                     progress history: status, due dates, owners and\n"         \
    "                     overrides as recorded by that day; actions begun later\n"  \
    "                     are left out\n"                                            \
    "  --since DATE       the last meeting: \"what moved\" and \"completed since\"\n" \
    "                     count from this day on (default: 90 days before the\n"     \
    "                     as-of date)\n"

static int date_opt(cli_ctx *ctx, char out[SP_DATE_SIZE], const char *name)
{
    if (sp_date_parse(out, optarg) != SP_OK)
        return cli_misuse(ctx, "--%s '%s' is not a valid date: expected YYYY-MM-DD or "
                          "DD/MM/YYYY", name, optarg);
    return EXIT_OK;
}

/* Parses the options both commands take. Returns -1 to go on, else the
 * exit status. */
static int parse_pack(cli_ctx *ctx, int argc, char **argv, pack_args *a)
{
    static const struct option opts[] = {
        {"out", required_argument, 0, 'o'}, {"as-of", required_argument, 0, 'a'},
        {"since", required_argument, 0, 's'}, {"key", required_argument, 0, 'k'},
        CLI_FILTER_OPTIONS,
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c, rc;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if ((rc = cli_filter_opt(ctx, &a->filter, c)) < 0) {
            switch (c) {
            case 'a': rc = date_opt(ctx, a->as_of, "as-of"); break;
            case 's': rc = date_opt(ctx, a->since, "since"); break;
            case 'o': a->out = optarg; rc = EXIT_OK; break;
            case 'k': a->key = optarg; rc = EXIT_OK; break;
            default: return cli_stop(c);
            }
        }
        if (rc != EXIT_OK)
            return rc;
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!a->out || !*a->out)
        return cli_misuse(ctx, "missing --out FILE");
    return -1;
}

/* Opens the database and settles the as-of date, so that the message can
 * name it. Returns -1 to go on, else the exit status. */
static int pack_ready(cli_ctx *ctx, pack_args *a, sp_pack_opts *o)
{
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    bool given = a->as_of[0];
    if (!given)
        sp_today(ctx->db, a->as_of);
    if (a->since[0] && strcmp(a->since, a->as_of) > 0)
        return cli_misuse(ctx, "--since %s is after %s %s: give the date of the last "
                          "meeting", a->since, given ? "--as-of" : "the as-of date", a->as_of);
    const char *user = getenv("SAFEPLAN_USER");
    o->as_of = a->as_of;
    o->since = a->since[0] ? a->since : NULL;
    o->filter = &a->filter;
    o->author = user && *user ? user : NULL;
    const char *key = getenv("SAFEPLAN_KEY"); /* as 'safeplan checkpoint' */
    o->key_path = a->key ? a->key : key && *key ? key : NULL;
    return -1;
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* ------------------------------------------------------------------ */
/* pack                                                                */

/* libxlsxwriter writes to a file name: it gets the unnamed file's name,
 * which is linked into place when the workbook is whole. */
static int pack_to_file(cli_ctx *ctx, const char *path, sp_pack_opts *o)
{
    cli_outfile out;
    int rc = cli_outfile_open(&out, path);
    if (rc != EXIT_OK)
        return rc;
    char *dir = cli_dir_of(path);
    o->workdir = out.kind == CLI_OUT_UNNAMED ? dir : NULL;
    if (!dir)
        rc = cli_error("out of memory");
    else if (sp_pack_xlsx(ctx->db, cli_outfile_name(&out), o) != SP_OK)
        rc = cli_fail(ctx);
    free(dir);
    return cli_outfile_close(&out, rc);
}

/* A zip is written with seeks, so a stream gets it from an unnamed file
 * beside the database once it is whole. */
static int pack_to_stream(cli_ctx *ctx, const char *path, sp_pack_opts *o)
{
    char name[32], buf[65536];
    int fd = cli_tmpfile(ctx->db_path);
    if (fd < 0)
        return cli_error("cannot write %s: no private temporary file beside %s: %s", path,
                         ctx->db_path, strerror(errno));
    snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
    char *dir = cli_dir_of(ctx->db_path);
    o->workdir = dir;
    int rc = dir && sp_pack_xlsx(ctx->db, name, o) == SP_OK ? EXIT_OK : cli_fail(ctx);
    free(dir);
    cli_outfile out;
    if (rc == EXIT_OK && (rc = cli_outfile_open(&out, path)) == EXIT_OK) {
        ssize_t n;
        lseek(fd, 0, SEEK_SET);
        while ((n = read(fd, buf, sizeof buf)) > 0)
            if (fwrite(buf, 1, (size_t)n, out.f) != (size_t)n)
                break;
        rc = cli_outfile_close(&out, n == 0 ? EXIT_OK : cli_error("cannot write %s", path));
    }
    close(fd);
    return rc;
}

static int run_pack(cli_ctx *ctx, int argc, char **argv)
{
    pack_args a = {0};
    sp_pack_opts o = {0};
    int rc = parse_pack(ctx, argc, argv, &a);
    if (rc >= 0)
        return rc;
    /* Excel refuses a workbook whose name does not say what it is (a
     * stream, such as - or a pipe, has no name to check). */
    struct stat sb;
    bool stream = strcmp(a.out, "-") == 0 || (stat(a.out, &sb) == 0 && !S_ISREG(sb.st_mode));
    if (!stream && !ends_with_ci(a.out, ".xlsx"))
        return cli_misuse(ctx, "--out '%s' should end in .xlsx (Excel checks the name)",
                          a.out);
    if ((rc = pack_ready(ctx, &a, &o)) >= 0)
        return rc;
    rc = stream ? pack_to_stream(ctx, a.out, &o) : pack_to_file(ctx, a.out, &o);
    if (rc == EXIT_OK && strcmp(a.out, "-") != 0)
        printf("wrote the committee pack as of %s to %s\n", a.as_of, a.out);
    return rc;
}

const cli_command cmd_pack = {
    "pack", run_pack, "write the committee pack as an Excel workbook",
    "Usage: safeplan pack --out FILE.xlsx [--as-of DATE] [--since DATE] [FILTERS]\n"
    "\n"
    "Writes the committee pack as an Excel workbook with five sheets:\n"
    "  Summary   the authorities and reviews, headline numbers, the actions of\n"
    "            each theme counted by RAG rating (in the RAG colours) and by\n"
    "            status, the RAG key with the settings in force, and at its\n"
    "            foot the checkpoint of the history it was made from\n"
    "  Actions   grouped by review, then theme: one row per action with its\n"
    "            finding, owner, original and current due date, status, RAG\n"
    "            and its reason in words, and the latest progress and evidence;\n"
    "            header frozen, RAG cells in colour, dates as real dates\n"
    "  Overdue   open actions past their due date, most overdue first\n"
    "  Changes   every progress update dated from --since to --as-of: what\n"
    "            changed, who recorded it, the note and evidence\n"
    "  Awaiting verification\n"
    "            actions claimed complete, not yet signed off by a second\n"
    "            person, longest waiting first\n"
    "Every sheet prints on A4 landscape, one page wide, headings in words,\n"
    "the header row repeated, and the plan, date and page N of M in the page\n"
    "header and footer. For the spreadsheet columns, use 'safeplan export'.\n"
    "A sheet that would pass Excel's last row (1,048,576) is refused, as soon\n"
    "as it does, naming the sheet and the filters that make the pack fit.\n"
    "\n"
    "  --out FILE         the workbook (the name must end in .xlsx); created\n"
    "                     readable by you only, and put in place only once\n"
    "                     complete, so a failure leaves no half-written file\n"
    PACK_DATES_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "RAG counts are of the rating as shown (a manual override counts), so they\n"
    "match the Actions sheet; overdue counts actions past the due date in force.\n"
    "Text from the plan is written as text, never as a formula. The workbook's\n"
    "author property is $SAFEPLAN_USER when set.\n",
};

/* ------------------------------------------------------------------ */
/* report                                                              */

/* Writes the page through a private temporary file renamed into place. */
static int report_to_file(cli_ctx *ctx, const char *path, const sp_pack_opts *o)
{
    cli_outfile out;
    int rc = cli_outfile_open(&out, path);
    if (rc != EXIT_OK)
        return rc;
    rc = sp_report_html(ctx->db, out.f, o) == SP_OK ? EXIT_OK : cli_fail(ctx);
    return cli_outfile_close(&out, rc);
}

static int run_report(cli_ctx *ctx, int argc, char **argv)
{
    pack_args a = {0};
    sp_pack_opts o = {0};
    int rc = parse_pack(ctx, argc, argv, &a);
    if (rc >= 0)
        return rc;
    if ((rc = pack_ready(ctx, &a, &o)) >= 0)
        return rc;
    if ((rc = report_to_file(ctx, a.out, &o)) == EXIT_OK && strcmp(a.out, "-") != 0)
        printf("wrote the committee report as of %s to %s\n", a.as_of, a.out);
    return rc;
}

const cli_command cmd_report = {
    "report", run_report, "write the committee report as one HTML page (A4)",
    "Usage: safeplan report --out FILE.html [--as-of DATE] [--since DATE] [FILTERS]\n"
    "\n"
    "Writes the committee report as one self-contained HTML page (inline CSS\n"
    "and SVG; no scripts, nothing fetched from the network) that prints on A4:\n"
    "  - headline numbers: open, overdue, due within 28 days, and completed or\n"
    "    signed off since --since\n"
    "  - RAG ratings by theme, as a stacked bar chart and a table\n"
    "  - open and overdue actions at each month end of the plan's life (from\n"
    "    the first action in scope: a council's, or one that was an owner's),\n"
    "    as the plan stood on each date (rebuilt from the progress history)\n"
    "  - the overdue actions, most overdue first, with the reason for each\n"
    "    rating, and the RAG key with the settings in force\n"
    "  - the actions claimed complete and awaiting verification by a second\n"
    "    person, and the checkpoint of the history it was made from\n"
    "Every text from the plan is escaped, so nothing typed into it can become\n"
    "markup or script.\n"
    "\n"
    "  --out FILE         the page to write; created readable by you only, and\n"
    "                     put in place only once complete\n"
    PACK_DATES_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "RAG counts are of the rating as shown (a manual override counts); overdue\n"
    "counts actions past the due date in force. 'safeplan pack' writes the same\n"
    "pack as a workbook.\n",
};
