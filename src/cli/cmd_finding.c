/* safeplan finding add | list */
#include "cli.h"

static int run_finding_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"kind", required_argument, 0, 'k'}, {"theme", required_argument, 0, 't'},
        {"text", required_argument, 0, 'x'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_finding_new in = {0};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'k': in.kind = optarg; break;
        case 't': in.theme = optarg; break;
        case 'x': in.text = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 2, 2))
        return EXIT_MISUSE;
    if (!in.kind || !in.theme || !in.text)
        return cli_misuse(ctx, "missing %s", !in.kind ? "--kind" : !in.theme ? "--theme" : "--text");
    in.review = argv[optind];
    in.ref = argv[optind + 1];
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_finding_add(NULL, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    printf("added finding %s/%s\n", in.review, in.ref);
    return EXIT_OK;
}

const cli_command cmd_finding_add = {
    "finding add", run_finding_add, "add a finding of a review",
    "Usage: safeplan finding add REVIEW REF --kind KIND --theme THEME --text TEXT\n"
    "\n"
    "REVIEW is AUTHORITY/REVIEW (or an id); REF names the finding within it\n"
    "(e.g. 3.2 or R3), so the finding is AUTHORITY/REVIEW/REF.\n"
    "\n"
    "  --kind KIND    strength, area_for_consideration, recommendation,\n"
    "                 priority_action, area_for_improvement,\n"
    "                 improvement_notice_requirement\n"
    "  --theme THEME  the heading it sits under (e.g. \"Vision, strategy and leadership\")\n"
    "  --text TEXT    what the review said\n",
};

static int run_finding_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    const char *review;
    sp_cursor *cur;
    unsigned flags;
    int rc = cli_parse_list_void(ctx, argc, argv, &format, &review, &flags);
    if (rc >= 0)
        return rc;
    if (sp_finding_list(&cur, ctx->db, review, flags) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_finding_list = {
    "finding list", run_finding_list, "list findings",
    "Usage: safeplan finding list [REVIEW] [--include-void] [--format table|csv|json]\n"
    "\n"
    "  --include-void   voided findings too (see 'finding void')\n"
    "\n"
    "Columns: path, kind, theme, text, action_count.\n",
};
