/* safeplan overdue | due | stale | summary: the manager reports. */
#include <string.h>

#include "cli.h"

/* ------------------------------------------------------------------ */
/* What every report shares                                            */

/* Options every report takes, then the filters and --help. */
#define REPORT_OPTIONS                                                               \
    {"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},     \
        CLI_FILTER_OPTIONS, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}

#define REPORT_HELP                                                                  \
    "  --as-of DATE       the day to judge on: YYYY-MM-DD or DD/MM/YYYY (default:\n" \
    "                     today, or $SAFEPLAN_TODAY if set). A past day shows the\n"  \
    "                     plan as it stood then, as recorded by that day: updates\n" \
    "                     dated later and actions begun later are left out (as in\n" \
    "                     'safeplan pack')\n"                                        \
    "  --format FORMAT    table (default: for people; long text cut to fit 100\n"   \
    "                     columns; RAG in colour on a terminal unless NO_COLOR is\n" \
    "                     set), csv or json (for machines: every column, nothing\n"  \
    "                     cut, ISO dates, UTF-8)\n"

/* What the reports have in common about the plan and its dates. */
#define REPORT_NOTE                                                                  \
    "Reports judge the plan as it stood on the as-of date (status, due date and\n"  \
    "latest update as recorded by then). RAG, as everywhere: red = open and past\n" \
    "its due date; amber = open and due within rag.amber_days (28), or due date\n"  \
    "revised later (slipped), or no progress for rag.stale_days (60; stale); green\n" \
    "= open otherwise; blue = done (complete or signed off); grey = closed\n"       \
    "(transferred or withdrawn). A manual override shows in rag and rag_reason.\n"  \
    "A table ends with a one-line key to these colours.\n"                          \
    "JSON is one document: {\"report\", \"as_of\", ..., \"filters\": {every\n"      \
    "filter, null if unset}, \"rows\": [one object per row, keys as the CSV\n"      \
    "header]}. No rows is not an error: the table header (or \"rows\": []), exit 0.\n"

typedef struct report_args {
    sp_filter filter;
    char as_of[SP_DATE_SIZE]; /* ISO; "" until given or set to today */
    cli_format format;
} report_args;

/* Handles an option every report takes. Returns -1 if c is not one,
 * else EXIT_OK or EXIT_MISUSE (after the message). */
static int common_opt(cli_ctx *ctx, report_args *a, int c)
{
    int rc = cli_filter_opt(ctx, &a->filter, c);
    if (rc >= 0)
        return rc;
    if (c == 'f')
        return cli_format_parse(ctx, optarg, &a->format) ? EXIT_OK : EXIT_MISUSE;
    if (c != 'a')
        return -1;
    if (sp_date_parse(a->as_of, optarg) != SP_OK)
        return cli_misuse(ctx, "--as-of '%s' is not a valid date: expected YYYY-MM-DD or "
                          "DD/MM/YYYY", optarg);
    return EXIT_OK;
}

/* After the options: no arguments; open the database; today if no date.
 * Returns -1 to go on, else the exit status. */
static int report_ready(cli_ctx *ctx, int argc, char **argv, report_args *a)
{
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    cli_heap_prefer_huge_pages();
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (!a->as_of[0])
        sp_today(ctx->db, a->as_of);
    return -1;
}

/* The one-line key under every report table (94 columns), in colour when
 * the table is. Each report's --help spells the rules out (REPORT_NOTE). */
static void rag_key(FILE *out, int64_t unused)
{
    (void)unused;
    static const char *const words[][2] = {
        {"red", "overdue"},  {"amber", "due soon, slipped or stale"}, {"green", "on track"},
        {"blue", "done"},    {"grey", "closed"},
    };
    bool colour = cli_colour();
    int width = cli_table_width(), col = 4;
    fputs("Key:", out);
    /* One line on a wide terminal; a narrow one breaks between entries. */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        int w = (int)(strlen(words[i][0]) + strlen(words[i][1])) + 2 + (i ? 2 : 0);
        bool more = i + 1 < sizeof words / sizeof words[0];
        if (col + w + (more ? 2 : 0) > width) {
            fputs(i ? " ·\n   " : "\n   ", out);
            col = 3;
            w -= i ? 2 : 0;
        } else if (i) {
            fputs(" ·", out);
        }
        fprintf(out, " %s%s%s %s", colour ? cli_rag_colour(words[i][0]) : "", words[i][0],
                colour ? CLI_COLOUR_END : "", words[i][1]);
        col += w;
    }
    fputc('\n', out);
}

static void summary_key(FILE *out, int64_t unrated)
{
    rag_key(out, 0);
    cli_wrap(out, "RAG counts are computed (red = the overdue list); overridden = shown "
                  "otherwise by hand.");
    if (unrated > 0) /* a column only a tampered file needs: said, not shown */
    {
        char line[300];
        snprintf(line, sizeof line, "%lld action%s cannot be rated (a status or date the "
                 "schema forbids): 'safeplan check' names %s; CSV and JSON count them as "
                 "unrated.", (long long)unrated, unrated == 1 ? "" : "s",
                 unrated == 1 ? "it" : "them");
        cli_wrap(out, line);
    }
}

/* ------------------------------------------------------------------ */
/* overdue                                                             */

/* The tables keep to what fits in 100 columns next to a whole path (paths
 * are never cut); CSV and JSON carry every column. */
static const char *const overdue_cols[] = {"days_overdue", "path", "owner", "rag", "action",
                                           NULL};

int cli_print_overdue(cli_ctx *ctx, sp_cursor *c, cli_format format, const char *as_of,
                      const sp_filter *filter)
{
    cli_report r = {.name = "overdue", .as_of = as_of, .filter = filter,
                    .table_cols = overdue_cols, .footer = rag_key};
    return cli_print_report(ctx, c, format, &r);
}

static int run_overdue(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {REPORT_OPTIONS};
    report_args a = {0};
    sp_cursor *cur;
    int c, rc;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        if ((rc = common_opt(ctx, &a, c)) != EXIT_OK)
            return rc < 0 ? cli_stop(c) : rc;
    if ((rc = report_ready(ctx, argc, argv, &a)) >= 0)
        return rc;
    if (sp_overdue(&cur, ctx->db, a.as_of, &a.filter) != SP_OK)
        return cli_fail(ctx);
    return cli_print_overdue(ctx, cur, a.format, a.as_of, &a.filter);
}

const cli_command cmd_overdue = {
    "overdue", run_overdue, "open actions past their due date, most overdue first",
    "Usage: safeplan overdue [--as-of DATE] [FILTERS] [--format table|csv|json]\n"
    "\n"
    "Lists the open actions (not started or in progress) whose current due date\n"
    "is before the as-of date, most overdue first (then by id).\n"
    "\n"
    REPORT_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "Columns (CSV header and JSON keys, in this order): id, path, authority,\n"
    "review, finding_ref, theme, finding, action, owner, start_on,\n"
    "original_due_on, due_on, days_overdue, aging (1-30, 31-90, 91-180, 180+\n"
    "days), rag, rag_reason, last_update_on, status. The table shows\n"
    "days_overdue, path, owner, rag and action.\n"
    "\n"
    REPORT_NOTE,
};

/* ------------------------------------------------------------------ */
/* due                                                                 */

static const char *const due_cols[] = {"due_on", "path", "owner", "rag", "action", NULL};

static int run_due(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"within", required_argument, 0, 'w'},
                                         {"before", required_argument, 0, 'b'},
                                         REPORT_OPTIONS};
    report_args a = {0};
    char before[SP_DATE_SIZE] = "", days_text[12] = "";
    int c, rc, days = -1, amber = 0, stale = 0;
    sp_cursor *cur;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'w' && !cli_parse_days(optarg, &days))
            return cli_misuse(ctx, "--within '%s' is not a number of days from 0 to 3650 "
                              "(e.g. 28, 28d, 4w or 1m)", optarg);
        if (c == 'b' && sp_date_parse(before, optarg) != SP_OK)
            return cli_misuse(ctx, "--before '%s' is not a valid date: expected YYYY-MM-DD "
                              "or DD/MM/YYYY", optarg);
        if (c != 'w' && c != 'b' && (rc = common_opt(ctx, &a, c)) != EXIT_OK)
            return rc < 0 ? cli_stop(c) : rc;
    }
    if (days >= 0 && before[0])
        return cli_misuse(ctx, "give --within or --before, not both");
    if ((rc = report_ready(ctx, argc, argv, &a)) >= 0)
        return rc;
    if (days < 0 && !before[0] && sp_rag_settings(&amber, &stale, ctx->db) != SP_OK)
        return cli_fail(ctx);
    if (sp_due_soon(&cur, ctx->db, a.as_of, before[0] ? before : NULL, days, &a.filter) != SP_OK)
        return cli_fail(ctx);
    snprintf(days_text, sizeof days_text, "%d", days < 0 ? amber : days);
    const cli_meta params[] = {{"within_days", before[0] ? NULL : days_text},
                               {"before", before[0] ? before : NULL}};
    cli_report r = {.name = "due", .as_of = a.as_of, .params = params, .nparams = 2,
                    .filter = &a.filter, .table_cols = due_cols, .footer = rag_key};
    return cli_print_report(ctx, cur, a.format, &r);
}

const cli_command cmd_due = {
    "due", run_due, "open actions falling due soon, soonest first",
    "Usage: safeplan due [--within DAYS | --before DATE] [--as-of DATE] [FILTERS]\n"
    "                    [--format table|csv|json]\n"
    "\n"
    "Lists the open actions due on or after the as-of date and within the\n"
    "window, soonest first (then by id). Overdue actions are not here: see\n"
    "'safeplan overdue'.\n"
    "\n"
    "  --within DAYS      due no more than DAYS days after the as-of date: 28,\n"
    "                     28d, 4w or 1m; 0 = due that day (default: the setting\n"
    "                     rag.amber_days, 28 unless changed, so the list is what\n"
    "                     the \"due soon\" amber rule looks at)\n"
    "  --before DATE      due before DATE (not on it)\n"
    REPORT_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "Columns (CSV header and JSON keys, in this order): id, path, authority,\n"
    "review, finding_ref, theme, finding, action, owner, start_on,\n"
    "original_due_on, due_on, days_to_due, rag, rag_reason, last_update_on,\n"
    "status. The table shows due_on, path, owner, rag and action.\n"
    "JSON adds \"within_days\" and \"before\" (one of them null).\n"
    "\n"
    REPORT_NOTE,
};

/* ------------------------------------------------------------------ */
/* stale                                                               */

static const char *const stale_cols[] = {"days_without_update", "path", "owner", "rag",
                                         "action", NULL};

static int run_stale(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"days", required_argument, 0, 'd'}, REPORT_OPTIONS};
    report_args a = {0};
    char days_text[12] = "";
    int c, rc, days = -1, amber = 0, stale = 0;
    sp_cursor *cur;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'd' && (!cli_parse_days(optarg, &days) || days == 0))
            return cli_misuse(ctx, "--days '%s' is not a number of days from 1 to 3650 "
                              "(e.g. 90, 90d, 13w or 3m)",
                              optarg);
        if (c != 'd' && (rc = common_opt(ctx, &a, c)) != EXIT_OK)
            return rc < 0 ? cli_stop(c) : rc;
    }
    if ((rc = report_ready(ctx, argc, argv, &a)) >= 0)
        return rc;
    if (days < 0 && sp_rag_settings(&amber, &stale, ctx->db) != SP_OK)
        return cli_fail(ctx);
    if (sp_stale(&cur, ctx->db, a.as_of, days, &a.filter) != SP_OK)
        return cli_fail(ctx);
    /* The library's own default when the staleness rule is off (0). */
    snprintf(days_text, sizeof days_text, "%d", days > 0 ? days : stale > 0 ? stale : 60);
    const cli_meta params[] = {{"days", days_text}};
    cli_report r = {.name = "stale", .as_of = a.as_of, .params = params, .nparams = 1,
                    .filter = &a.filter, .table_cols = stale_cols, .footer = rag_key};
    return cli_print_report(ctx, cur, a.format, &r);
}

const cli_command cmd_stale = {
    "stale", run_stale, "open actions with no progress for a while, stalest first",
    "Usage: safeplan stale [--days DAYS] [--as-of DATE] [FILTERS]\n"
    "                      [--format table|csv|json]\n"
    "\n"
    "Lists the open actions with no progress for DAYS days or more on the\n"
    "as-of date, stalest first (then by id). Stale measures progress, not\n"
    "administration: the clock is the date of the latest update that reported\n"
    "progress (a note, evidence, a percentage or a status change), else the\n"
    "action's start date. A reassignment, a transfer elsewhere, a RAG override\n"
    "or a revised due date does not reset it. An action with no date to count\n"
    "from is not listed. A past as-of date counts the updates recorded by then.\n"
    "\n"
    "  --days DAYS        1-3650, as 60, 60d, 9w or 2m (default: the setting\n"
    "                     rag.stale_days, 60 unless changed; 60 if it is 0)\n"
    REPORT_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "Columns (CSV header and JSON keys, in this order): id, path, authority,\n"
    "review, finding_ref, theme, finding, action, owner, start_on,\n"
    "original_due_on, due_on, last_update_on (any update; empty if never\n"
    "updated), counted_from_on (the progress clock: the date counted from),\n"
    "days_without_update (days without progress), rag,\n"
    "rag_reason, status. The table shows days_without_update, path, owner, rag\n"
    "and action. JSON adds \"days\".\n"
    "\n"
    REPORT_NOTE,
};

/* ------------------------------------------------------------------ */
/* summary                                                             */

static const char *const summary_cols[] = {
    "group", "total", "red", "amber", "green", "blue", "grey", "overridden",
    "not_started", "in_progress", NULL};
/* Under 100 columns the status counts give way, so that the group's name
 * (the reason to read the table) keeps its room; the key says so. */
static const char *const summary_cols_narrow[] = {
    "group", "total", "red", "amber", "green", "blue", "grey", "overridden", NULL};
#define SUMMARY_FULL_WIDTH 100

static void summary_key_narrow(FILE *out, int64_t unrated)
{
    summary_key(out, unrated);
    cli_wrap(out, "not_started and in_progress: on a terminal of 100 columns or more, or "
                  "with --format csv or json.");
}

/* The grouping named by --by (a static word), or NULL if unknown. */
static const char *summary_group(const char *text)
{
    static const char *const groups[] = {"theme", "owner", "review", "authority", "status"};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (strcmp(text, groups[i]) == 0)
            return groups[i];
    return NULL;
}

static int run_summary(cli_ctx *ctx, int argc, char **argv)
{
    /* --group-by is the name; --by, its first spelling, still works (in
     * 'action update' --by is the author, so the grouping has its own). */
    static const struct option opts[] = {{"group-by", required_argument, 0, 'g'},
                                         {"by", required_argument, 0, 'G'}, REPORT_OPTIONS};
    report_args a = {0};
    const char *by = "theme";
    int c, rc;
    sp_cursor *cur;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        bool group = c == 'g' || c == 'G';
        if (group && !(by = summary_group(optarg)))
            return cli_misuse(ctx, "%s '%s' is not known: expected one of %s",
                              c == 'g' ? "--group-by" : "--by", optarg, sp_summary_groups());
        if (c == 'G')
            fputs("safeplan summary: note: --by is now spelt --group-by (in 'action update' "
                  "--by is the author); --by still works\n", stderr);
        if (!group && (rc = common_opt(ctx, &a, c)) != EXIT_OK)
            return rc < 0 ? cli_stop(c) : rc;
    }
    if ((rc = report_ready(ctx, argc, argv, &a)) >= 0)
        return rc;
    if (sp_summary(&cur, ctx->db, a.as_of, by, &a.filter) != SP_OK)
        return cli_fail(ctx);
    const cli_meta params[] = {{"by", by}};
    bool narrow = cli_table_width() < SUMMARY_FULL_WIDTH;
    cli_report r = {.name = "summary", .as_of = a.as_of, .params = params, .nparams = 1,
                    .filter = &a.filter, .table_cols = narrow ? summary_cols_narrow : summary_cols,
                    .totals = true, .footer = narrow ? summary_key_narrow : summary_key,
                    .aside = "unrated"};
    return cli_print_report(ctx, cur, a.format, &r);
}

const cli_command cmd_summary = {
    "summary", run_summary, "counts per RAG and status for each theme, owner ...",
    "Usage: safeplan summary [--group-by GROUP] [--as-of DATE] [FILTERS]\n"
    "                        [--format table|csv|json]\n"
    "\n"
    "Counts the actions of each group by RAG rating and by status, with totals.\n"
    "\n"
    "  --group-by GROUP   theme (default), owner, review, authority or status;\n"
    "                     --by GROUP, its older spelling, still works (elsewhere\n"
    "                     --by names the person reporting)\n"
    REPORT_HELP
    "\n"
    CLI_FILTER_HELP
    "\n"
    "How the counts reconcile with the lists: red, amber, green, blue and grey\n"
    "count COMPUTED ratings (the rules applied to each action as it stood on\n"
    "the as-of date, manual overrides aside), so a group's red is exactly the\n"
    "number of rows 'safeplan overdue' lists for the same date and filters plus\n"
    "--GROUP NAME (each group's name is given in the form that filter takes),\n"
    "and the total red is the length of the whole overdue list. overridden\n"
    "counts the actions whose manual override shows a different colour; the\n"
    "lists show them in rag and rag_reason. With --rag, the filter (as every\n"
    "filter) uses the rating as shown.\n"
    "\n"
    "Columns (CSV header and JSON keys, in this order): group, total, red,\n"
    "amber, green, blue, grey, overridden, not_started, in_progress, complete,\n"
    "signed_off, transferred, withdrawn. Each row's RAG columns and its status\n"
    "columns both add up to total. The table shows group to in_progress (the\n"
    "closed statuses are blue: complete + signed_off, and grey: transferred +\n"
    "withdrawn) and a total line.\n"
    "CSV has one row per group and no total line (sum the columns); JSON adds\n"
    "\"by\" and \"totals\" (each count column summed).\n"
    "\n"
    REPORT_NOTE,
};
