/* safeplan init */
#include "cli.h"

static int run_init(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 0, 0) || !cli_open(ctx, true))
        return optind < argc ? EXIT_MISUSE : EXIT_RUNTIME;
    int rc = cli_publish(ctx);
    if (rc == SP_EEXISTS) {
        /* Another init made the file first: use (or upgrade) theirs. */
        fprintf(stderr, "safeplan: note: %s was created by another command meanwhile; "
                "using it\n", ctx->db_path);
        cli_close(ctx);
        if (!cli_open(ctx, false))
            return EXIT_RUNTIME;
    } else if (rc != SP_OK) {
        return EXIT_RUNTIME;
    }
    printf("%s: safeplan database, schema version %d\n", ctx->db_path, sp_db_version(ctx->db));
    return EXIT_OK;
}

const cli_command cmd_init = {
    "init", run_init, "create the database (or upgrade an older one)",
    "Usage: safeplan [--db PATH] init\n"
    "\n"
    "Creates the database file (mode 0600: readable by you only) with the\n"
    "current schema, or upgrades an older safeplan database in place, one\n"
    "numbered step at a time. A new file appears only when it is whole; if\n"
    "another command creates it meanwhile, that one is used. A file that is\n"
    "not a safeplan database, or one written by a newer safeplan, is refused\n"
    "and left untouched.\n",
};
