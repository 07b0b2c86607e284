/* safeplan action add | list | show */
#include <string.h>

#include "cli.h"

/* "due 2012-07-31", "open-ended (no due date)" or "reports every 1 month,
 * first report due 2012-07-08 (grace included)". */
static void due_phrase(char *out, size_t size, const char *due, const char *written)
{
    sp_timescale ts;
    if (!due[0])
        snprintf(out, size, "open-ended (no due date)");
    else if (written && sp_timescale_parse(&ts, written, due) == SP_OK &&
             ts.kind == SP_DUE_RECURRING)
        snprintf(out, size, "reports every %s, first report due %s (grace included)",
                 ts.cadence, due);
    else
        snprintf(out, size, "due %s", due);
}

static int run_action_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"title", required_argument, 0, 't'}, {"owner", required_argument, 0, 'o'},
        {"due", required_argument, 0, 'd'}, {"start", required_argument, 0, 's'},
        {"ref", required_argument, 0, 'r'}, {"measure", required_argument, 0, 'm'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_action_new in = {0};
    char due[SP_DATE_SIZE];
    int64_t id = 0;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 't': in.title = optarg; break;
        case 'o': in.owner = optarg; break;
        case 'd': in.due = optarg; break;
        case 's': in.start = optarg; break;
        case 'r': in.ref = optarg; break;
        case 'm': in.measure = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!in.title || !in.owner)
        return cli_misuse(ctx, "missing %s", !in.title ? "--title" : "--owner");
    in.finding = argv[optind];
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_action_add(&id, due, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    char *path = NULL;
    sp_ref_path(&path, ctx->db, "action", id);
    char phrase[96];
    due_phrase(phrase, sizeof phrase, due, in.due);
    printf("added action %lld (%s), %s\n", (long long)id, path ? path : "?", phrase);
    sp_free(path);
    return EXIT_OK;
}

const cli_command cmd_action_add = {
    "action add", run_action_add, "add an action against a finding",
    "Usage: safeplan action add FINDING --title TEXT --owner OWNER [--due WHEN]\n"
    "                           [--start DATE] [--ref REF] [--measure TEXT]\n"
    "\n"
    "FINDING is AUTHORITY/REVIEW/FINDING (or an id). Prints the new action's id\n"
    "and path, and the due date as resolved.\n"
    "\n"
    "  --title TEXT     what will be done (required)\n"
    "  --owner OWNER    the accountable role; created if new (required)\n"
    "  --due WHEN       the timescale as the plan writes it, kept as written\n"
    "                   beside the date it resolves to: a date (2017-06-30,\n"
    "                   30/06/2017, 1/4/18, \"16th July 2012\", 01-Apr-2018) or\n"
    "                   a period counted from --start, else today: \"3 months\",\n"
    "                   6m, \"next 6 months\", \"March 2017\", \"end of March\",\n"
    "                   \"mid July 2012\", \"Autumn 2016\", \"17-18th July 2012\",\n"
    "                   \"Q2 2017/18\", \"end of financial year\"; no date yet\n"
    "                   (Ongoing, TBC, or leave --due out: open-ended); or a\n"
    "                   cadence (Monthly, Quarterly, \"Every 6 weeks\": the\n"
    "                   action reports that often). README lists every form\n"
    "  --start DATE     when work starts\n"
    "  --ref REF        the action's reference within the finding (default: the\n"
    "                   next number)\n"
    "  --measure TEXT   how we will know it worked\n",
};

static int run_action_list(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, CLI_FILTER_OPTIONS,
        {"include-void", no_argument, 0, 'V'}, /* issue 12 */
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    cli_format format = FORMAT_TABLE;
    sp_filter filter = {0};
    sp_cursor *cur;
    int c, rc;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if ((rc = cli_filter_opt(ctx, &filter, c)) == EXIT_OK)
            continue;
        if (rc != -1)
            return rc;
        if (c == 'V') {
            filter.include_void = 1;
            continue;
        }
        if (c != 'f')
            return cli_stop(c);
        if (!cli_format_parse(ctx, optarg, &format))
            return EXIT_MISUSE;
    }
    if (!cli_positional(ctx, argc, argv, 0, 1))
        return EXIT_MISUSE;
    cli_heap_prefer_huge_pages();
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    const char *scope = optind < argc ? argv[optind] : NULL;
    if (sp_action_list_where(&cur, ctx->db, scope, &filter) != SP_OK)
        return cli_fail(ctx);
    /* The table leaves the start and original due dates to CSV, JSON and
     * 'action show', so the action and its owner can be read at 80 columns. */
    static const char *const table[] = {"id", "path", "action", "owner", "due_on", "status", NULL};
    return cli_print_cols(ctx, cur, format, NULL, 0, table);
}

const cli_command cmd_action_list = {
    "action list", run_action_list, "list actions",
    "Usage: safeplan action list [SCOPE] [FILTERS] [--include-void]\n"
    "           [--format table|csv|json]\n"
    "\n"
    "SCOPE limits the list to an AUTHORITY, AUTHORITY/REVIEW or\n"
    "AUTHORITY/REVIEW/FINDING. The filters are those of the reports; --rag is\n"
    "the rating shown today.\n"
    CLI_FILTER_HELP
    "  --include-void     voided actions too (see 'action void')\n"
    "Columns (CSV header and JSON keys): id, path, action, owner, start_on,\n"
    "original_due_on, due_on, status. The table shows id, path, action, owner,\n"
    "due_on and status.\n",
};

/* 1 when as_of is a day before today on which the action existed: its
 * fields are then those of that day, rebuilt from the history as every
 * report rebuilds them. 0 for today (the record as it is), or for a day
 * before the action was added (said on stderr); -1 on error. */
static int as_of_past(cli_ctx *ctx, int64_t id, const char *as_of)
{
    char day[SP_DATE_SIZE], today[SP_DATE_SIZE];
    sp_cursor *at;
    if (!as_of || sp_date_parse(day, as_of) != SP_OK)
        return 0; /* a bad date is named by the rating below */
    sp_today(ctx->db, today);
    if (strcmp(day, today) >= 0)
        return 0;
    if (sp_action_at(&at, ctx->db, id, day) != SP_OK)
        return cli_fail(ctx), -1;
    int rc = sp_cursor_step(at);
    sp_cursor_free(at);
    if (rc == SP_ROW)
        return 1;
    if (rc != SP_DONE)
        return cli_fail(ctx), -1;
    fprintf(stderr, "safeplan: note: action %lld was not yet in the plan on %s; showing "
            "it as recorded now\n", (long long)id, day);
    return 0;
}

/* JSON: the stored fields (as they stood on the as-of date) with the RAG
 * of that date and its reason, as every report's rows carry them. */
static int show_json(cli_ctx *ctx, sp_cursor *cur, int64_t id, const char *as_of)
{
    const char *rag = NULL;
    char *reason = NULL, day[SP_DATE_SIZE];
    if (sp_action_rag(&rag, &reason, ctx->db, id, as_of) != SP_OK) {
        sp_cursor_free(cur);
        return cli_fail(ctx);
    }
    if (as_of)
        sp_date_parse(day, as_of);
    else
        sp_today(ctx->db, day);
    const cli_meta meta[] = {{"as_of", day}};
    const cli_meta extra[] = {{"rag", rag}, {"rag_reason", reason}};
    cli_print_opts o = {.meta = meta, .nmeta = 1, .extra = extra, .nextra = 2};
    int rc = cli_print_with(ctx, cur, FORMAT_JSON, &o);
    sp_free(reason);
    return rc;
}

static int run_action_show(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    cli_format format = FORMAT_TABLE;
    const char *as_of = NULL;
    sp_cursor *cur;
    int64_t id;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'a')
            as_of = optarg;
        else if (c != 'f')
            return cli_stop(c);
        else if (!cli_format_parse(ctx, optarg, &format))
            return EXIT_MISUSE;
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    cli_heap_prefer_huge_pages();
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_resolve(&id, ctx->db, "action", argv[optind]) != SP_OK)
        return cli_fail(ctx);
    int rc = as_of_past(ctx, id, as_of);
    if (rc < 0)
        return EXIT_RUNTIME;
    if ((rc ? sp_action_at(&cur, ctx->db, id, as_of) : sp_action_get(&cur, ctx->db, id)) != SP_OK)
        return cli_fail(ctx);
    if (format == FORMAT_JSON)
        return show_json(ctx, cur, id, as_of);
    if (format != FORMAT_TABLE)
        return cli_print(ctx, cur, format, NULL, 0);
    rc = cli_print_record(ctx, cur);
    rc = rc == EXIT_OK ? cli_print_progress(ctx, id, as_of) : rc;
    return rc == EXIT_OK ? cli_print_corrections(ctx, "action", argv[optind]) : rc; /* #12 */
}

const cli_command cmd_action_show = {
    "action show", run_action_show, "show an action and its history",
    "Usage: safeplan action show ACTION [--as-of DATE] [--format table|csv|json]\n"
    "\n"
    "ACTION is an id or AUTHORITY/REVIEW/FINDING/ACTION. Prints every stored\n"
    "field, then the RAG rating as of DATE (default today) with its reason,\n"
    "the due date with the original and any slippage, and the whole history:\n"
    "when, who, each change as old -> new, the note and the evidence.\n"
    "\n"
    "  --as-of DATE     show the action as it stood on DATE, as every report\n"
    "                   does: owner, status, due date, override and latest\n"
    "                   update as recorded by then, and the RAG of that day\n"
    "  --format FORMAT  csv or json print the stored fields as one row, for\n"
    "                   machines (json adds rag and rag_reason, and as_of);\n"
    "                   'action history' gives the history as rows\n",
};
