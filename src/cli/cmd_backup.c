/* safeplan backup FILE */
#include "cli.h"

static int run_backup(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_backup(ctx->db, argv[optind]) != SP_OK)
        return cli_fail(ctx);
    printf("%s: backup of %s, checked (integrity ok)\n", argv[optind], ctx->db_path);
    return EXIT_OK;
}

const cli_command cmd_backup = {
    "backup", run_backup, "write a checked copy of the database",
    "Usage: safeplan [--db PATH] backup FILE\n"
    "\n"
    "Writes a consistent copy of the database to FILE while others may go on\n"
    "using it (SQLite's online backup API). The copy is created readable by\n"
    "you only (mode 0600), checked with SQLite's integrity check before it is\n"
    "given its name, and FILE appears only if the check passed. An existing\n"
    "FILE is refused and left untouched: name a new file (e.g. with the date).\n"
    "\n"
    "To restore, use the copy: 'safeplan --db FILE ...' works on it directly,\n"
    "or, with no safeplan command running, copy it over the database file\n"
    "(cp FILE plan.db) and remove any plan.db-wal and plan.db-shm beside it.\n",
};
