/* safeplan review add | list */
#include "cli.h"

static int run_review_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"kind", required_argument, 0, 'k'}, {"title", required_argument, 0, 't'},
        {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 'o'},
        {"reported", required_argument, 0, 'r'}, {"judgement", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_review_new in = {0};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'k': in.kind = optarg; break;
        case 't': in.title = optarg; break;
        case 'f': in.from = optarg; break;
        case 'o': in.to = optarg; break;
        case 'r': in.reported = optarg; break;
        case 'j': in.judgement = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 2, 2))
        return EXIT_MISUSE;
    if (!in.kind || !in.title)
        return cli_misuse(ctx, "missing %s", in.kind ? "--title" : "--kind");
    in.authority = argv[optind];
    in.ref = argv[optind + 1];
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_review_add(NULL, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    printf("added review %s/%s\n", in.authority, in.ref);
    return EXIT_OK;
}

const cli_command cmd_review_add = {
    "review add", run_review_add, "add a review (inspection, peer review, ...)",
    "Usage: safeplan review add AUTHORITY REF --kind KIND --title TITLE [--from DATE]\n"
    "                           [--to DATE] [--reported DATE] [--judgement TEXT]\n"
    "\n"
    "REF names the review within the authority (e.g. 2012-peer); the review is\n"
    "then AUTHORITY/REF. Dates are YYYY-MM-DD or DD/MM/YYYY.\n"
    "\n"
    "  --kind KIND       lga_peer_review, ofsted_inspection, ofsted_lscb_review,\n"
    "                    monitoring_visit, improvement_notice, self_assessment, other\n"
    "  --title TITLE     what the review was (required)\n"
    "  --from, --to      when it took place\n"
    "  --reported DATE   when its report was published\n"
    "  --judgement TEXT  e.g. \"Requires Improvement\"\n",
};

static int run_review_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    const char *authority;
    sp_cursor *cur;
    unsigned flags;
    int rc = cli_parse_list_void(ctx, argc, argv, &format, &authority, &flags);
    if (rc >= 0)
        return rc;
    if (sp_review_list(&cur, ctx->db, authority, flags) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_review_list = {
    "review list", run_review_list, "list reviews",
    "Usage: safeplan review list [AUTHORITY] [--include-void] [--format table|csv|json]\n"
    "\n"
    "  --include-void   voided reviews too (see 'review void')\n"
    "\n"
    "Columns: path, kind, title, started_on, ended_on, reported_on, judgement,\n"
    "finding_count.\n",
};
