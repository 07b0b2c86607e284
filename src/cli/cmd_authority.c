/* safeplan authority add | list */
#include "cli.h"

static int run_authority_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"name", required_argument, 0, 'n'}, {"kind", required_argument, 0, 'k'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_authority_new in = {0};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'n': in.name = optarg; break;
        case 'k': in.kind = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!in.name)
        return cli_misuse(ctx, "missing --name");
    in.code = argv[optind];
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_authority_add(NULL, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    printf("added authority %s\n", in.code);
    return EXIT_OK;
}

const cli_command cmd_authority_add = {
    "authority add", run_authority_add, "add an authority (council or partnership)",
    "Usage: safeplan authority add CODE --name NAME [--kind KIND]\n"
    "\n"
    "CODE is short and typed often: lower-case letters, digits, '.', '_' or\n"
    "'-', starting with a letter (e.g. torbay, windsor-maidenhead).\n"
    "\n"
    "  --name NAME   the authority's full name (required)\n"
    "  --kind KIND   council (default), partnership, lscb, trust or other\n",
};

static int run_authority_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    sp_cursor *cur;
    int rc = cli_parse_list(ctx, argc, argv, &format, NULL);
    if (rc >= 0)
        return rc;
    if (sp_authority_list(&cur, ctx->db) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_authority_list = {
    "authority list", run_authority_list, "list authorities",
    "Usage: safeplan authority list [--format table|csv|json]\n"
    "\n"
    "Columns: code, name, kind, review_count, action_count.\n",
};
