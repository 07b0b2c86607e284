/* safeplan owner add | list */
#include <stdlib.h>

#include "cli.h"

static int run_owner_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"team", required_argument, 0, 't'}, {"email", required_argument, 0, 'e'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_owner_new in = {0};
    int64_t id = 0;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 't': in.team = optarg; break;
        case 'e': in.email = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    in.name = argv[optind];
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_owner_add(&id, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    char *name = NULL; /* as stored: spacing tidied */
    if (sp_ref_path(&name, ctx->db, "owner", id) != SP_OK)
        return cli_fail(ctx);
    printf("added owner %lld: %s\n", (long long)id, name);
    free(name);
    return EXIT_OK;
}

const cli_command cmd_owner_add = {
    "owner add", run_owner_add, "add an owner (a role or team, rarely a person)",
    "Usage: safeplan owner add NAME [--team TEAM] [--email EMAIL]\n"
    "\n"
    "NAME is the accountable role (e.g. \"Head of Service for Safeguarding and\n"
    "Quality Assurance\"). Owners named in 'action add' are created as needed.\n"
    "A name is stored as it reads (spaces trimmed, each run one space); one\n"
    "that differs from an owner's only by case or spacing is refused.\n",
};

static int run_owner_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    sp_cursor *cur;
    int rc = cli_parse_list(ctx, argc, argv, &format, NULL);
    if (rc >= 0)
        return rc;
    if (sp_owner_list(&cur, ctx->db) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_owner_list = {
    "owner list", run_owner_list, "list owners and their open actions",
    "Usage: safeplan owner list [--format table|csv|json]\n"
    "\n"
    "Columns: id, name, team, email, open_count.\n",
};
