/* safeplan export: the plan as spreadsheet-safe CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Output buffer: fewer, larger writes when a whole plan streams out. */
#define EXPORT_BUFFER ((size_t)1 << 20)

typedef struct export_opts {
    sp_filter filter;
    const char *as_of, *out;
    unsigned flags;
    cli_format format;
} export_opts;

static int parse_export(cli_ctx *ctx, int argc, char **argv, export_opts *o)
{
    static const struct option opts[] = {
        CLI_FILTER_OPTIONS,
        {"as-of", required_argument, 0, 'a'}, {"out", required_argument, 0, 'o'},
        {"no-bom", no_argument, 0, 'n'}, {"raw", no_argument, 0, 'r'},
        {"include-void", no_argument, 0, 'V'}, /* issue 12 */
        {"history", no_argument, 0, 'H'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c, rc;
    o->flags = SP_CSV_WITH_BOM;
    o->format = FORMAT_CSV;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if ((rc = cli_filter_opt(ctx, &o->filter, c)) >= 0) {
            if (rc != EXIT_OK)
                return rc;
            continue;
        }
        switch (c) {
        case 'a': o->as_of = optarg; break;
        case 'o': o->out = optarg; break;
        case 'n': o->flags &= ~(unsigned)SP_CSV_WITH_BOM; break;
        case 'r': o->flags |= SP_CSV_NO_GUARD; break;
        case 'V': o->filter.include_void = 1; break;
        case 'H': o->flags |= SP_EXPORT_HISTORY; break;
        case 'f':
            if (!cli_format_parse(ctx, optarg, &o->format))
                return EXIT_MISUSE;
            if (o->format == FORMAT_TABLE)
                return cli_misuse(ctx, "--format '%s': export writes csv or json", optarg);
            break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (o->out && !*o->out)
        return cli_misuse(ctx, "--out needs a file name");
    if ((o->flags & SP_EXPORT_HISTORY) && o->as_of)
        return cli_misuse(ctx, "--history writes every entry ever made: it takes no --as-of "
                          "(an export --as-of DATE is the plan as it stood then)");
    return -1;
}

/* Writes the export to f: CSV, or JSON in the reports' envelope (the
 * library writes the rows, the envelope says what they are). */
static int write_export(cli_ctx *ctx, FILE *f, const export_opts *o, int64_t *rows)
{
    if (o->format != FORMAT_JSON)
        return sp_export(rows, ctx->db, f, o->as_of, &o->filter, o->flags) == SP_OK
                   ? EXIT_OK : cli_fail(ctx);
    if (o->flags & SP_EXPORT_HISTORY) {
        fputs("{\n  \"report\": \"history\",\n  \"filters\": ", f);
        cli_filter_json(f, &o->filter);
        fputs(",\n  \"rows\": ", f);
        if (sp_export(rows, ctx->db, f, NULL, &o->filter, o->flags | SP_EXPORT_JSON) != SP_OK)
            return cli_fail(ctx);
        fputs("\n}\n", f);
        return EXIT_OK;
    }
    char day[SP_DATE_SIZE];
    if (!o->as_of)
        sp_today(ctx->db, day);
    else if (sp_date_parse(day, o->as_of) != SP_OK)
        return cli_misuse(ctx, "--as-of '%s' is not a valid date: expected YYYY-MM-DD or "
                          "DD/MM/YYYY", o->as_of);
    fputs("{\n  \"report\": \"export\",\n  \"as_of\": ", f);
    cli_json_string(f, day);
    fputs(",\n  \"filters\": ", f);
    cli_filter_json(f, &o->filter);
    fputs(",\n  \"rows\": ", f);
    if (sp_export(rows, ctx->db, f, day, &o->filter, o->flags | SP_EXPORT_JSON) != SP_OK)
        return cli_fail(ctx);
    fputs("\n}\n", f);
    return EXIT_OK;
}

/* Exports through a private temporary file renamed into place when done. */
static int export_to_file(cli_ctx *ctx, const export_opts *o, int64_t *rows)
{
    cli_outfile out;
    int rc = cli_outfile_open(&out, o->out);
    if (rc != EXIT_OK)
        return rc;
    setvbuf(out.f, NULL, _IOFBF, EXPORT_BUFFER);
    rc = write_export(ctx, out.f, o, rows);
    return cli_outfile_close(&out, rc);
}

static int run_export(cli_ctx *ctx, int argc, char **argv)
{
    export_opts o = {0};
    int64_t rows = 0;
    int rc = parse_export(ctx, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (o.out && strcmp(o.out, "-") != 0) {
        rc = export_to_file(ctx, &o, &rows);
        bool history = (o.flags & SP_EXPORT_HISTORY) != 0;
        if (rc == EXIT_OK)
            printf("exported %lld %s%s to %s\n", (long long)rows,
                   history ? "history entr" : "action",
                   rows == 1 ? (history ? "y" : "") : (history ? "ies" : "s"), o.out);
        return rc;
    }
    setvbuf(stdout, NULL, _IOFBF, EXPORT_BUFFER);
    return write_export(ctx, stdout, &o, &rows);
}

const cli_command cmd_export = {
    "export", run_export, "write the plan as CSV for spreadsheets (and for import)",
    "Usage: safeplan export [FILTERS] [--as-of DATE] [--out FILE] [--no-bom] [--raw]\n"
    "           [--include-void] [--format csv|json]\n"
    "       safeplan export --history [FILTERS] [--out FILE] [--no-bom] [--raw]\n"
    "           [--format csv|json]\n"
    "\n"
    "Writes the plan as CSV, one row per action, in reference order: its place,\n"
    "text, owner, dates, status, measure, RAG and its reason on the as-of date,\n"
    "the latest update, and the date of the latest progress (RAG's staleness\n"
    "and the stale list count from it, not from a reassignment, transfer,\n"
    "override or revised date). 'safeplan import' rebuilds the plan from it:\n"
    "imported into an empty database, it exports again byte for byte.\n"
    "\n"
    "  --as-of DATE   the plan as it stood on DATE (default: today), as every\n"
    "                 report shows it: the actions that existed then, with the\n"
    "                 owner, status, due date, override, latest update and RAG\n"
    "                 recorded by then\n"
    "  --out FILE     write FILE (created readable by you only, and put in place\n"
    "                 only once complete) instead of standard output\n"
    "  --no-bom       leave out the UTF-8 byte-order mark (Excel needs it to show\n"
    "                 £, curly quotes and accents; some programs do not)\n"
    "  --raw          turn OFF the formula guard, for programs that read the\n"
    "                 file. RISKY: a cell such as =HYPERLINK(...) or +cmd|...\n"
    "                 typed into the plan would run as a formula when the file is\n"
    "                 opened in a spreadsheet; never give a --raw file to people\n"
    "  --include-void voided actions too (see 'action void')\n"
    "  --history      the selected actions' whole history instead (below), which\n"
    "                 'safeplan import' rebuilds into a plan without them\n"
    "  --format json  the same rows and keys as JSON, in the reports' envelope\n"
    "                 {\"report\": \"export\", \"as_of\", \"filters\", \"rows\"}; every\n"
    "                 value a string or null, exact (no guard, no BOM)\n"
    "\n"
    "The file is RFC 4180 CSV (UTF-8, CRLF line ends); dates are YYYY-MM-DD.\n"
    "\n"
    "Formula guard (OWASP \"CSV injection\"): a text cell beginning with =, +,\n"
    "-, @, a tab, CR or LF is written with a leading ' so that spreadsheets\n"
    "show it as text and run nothing. A cell already beginning with ' gets one\n"
    "more, so that 'safeplan import' can remove exactly one and give back every\n"
    "text as it was.\n"
    "\n"
    "Columns: authority, authority_name, authority_kind, review, review_kind,\n"
    "review_title, review_started_on, review_ended_on, review_reported_on,\n"
    "review_judgement, finding_ref, finding_kind, theme, finding, action_ref,\n"
    "action, owner, start_on, original_due_on, due_on, status, measure, rag,\n"
    "rag_reason, rag_override, rag_override_reason, last_update_on,\n"
    "last_update_by, last_update_note, last_update_evidence, transferred_to,\n"
    "due_as_written, last_progress_on.\n"
    "\n"
    "History (--history): one row per entry, each action's in recorded order:\n"
    "the place columns (its place now), entry (created, update, edit, embedded),\n"
    "entry_on, recorded_at, author, created_as (where it was created), the\n"
    "action as created, each update's fields (owners by name; a new due date's\n"
    "words in due_as_written) and each correction's field, old_value and\n"
    "new_value. Voided actions are in it (their voiding is an entry);\n"
    "corrections of findings, reviews, authorities and owners are not.\n"
    "\n" CLI_FILTER_HELP,
};
