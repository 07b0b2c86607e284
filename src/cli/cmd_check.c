/* safeplan check: an administrator's health check of the plan file. */
#include "cli.h"

static void print_finding(void *arg, bool ok, const char *area, const char *message)
{
    (void)arg;
    printf("%-4s  %-12s  %s\n", ok ? "ok" : "FAIL", area, message);
}

static int run_check(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    int failures = sp_check(ctx->db, print_finding, NULL);
    if (failures < 0)
        return cli_fail(ctx);
    if (failures > 0)
        fprintf(stderr, "safeplan check: %d problem%s found in %s\n", failures,
                failures == 1 ? "" : "s", ctx->db_path);
    return failures == 0 ? EXIT_OK : EXIT_RUNTIME;
}

const cli_command cmd_check = {
    "check", run_check, "check the database file's health (integrity, values, modes)",
    "Usage: safeplan [--db PATH] check\n"
    "\n"
    "Checks the plan file as an administrator would, one finding a line\n"
    "(ok or FAIL, the area, what was found):\n"
    "  integrity     SQLite's integrity_check (damaged pages, broken indexes)\n"
    "  foreign keys  every row's references name rows that exist\n"
    "  schema        the schema version\n"
    "  values        every status, date and setting is one the schema allows\n"
    "                (a file edited by hand can hold others; each is named)\n"
    "  chain, state  what 'safeplan verify' checks: the history's chain, and\n"
    "                every action's state against its history\n"
    "  files         the database and its -wal, -shm and -journal files are\n"
    "                private (mode 0600), and no file is left by a command\n"
    "                killed while it created the database\n"
    "Exit status 0 when all holds, 1 when anything fails (listed, and counted\n"
    "on stderr). Every other command warns on stderr when the database or its\n"
    "-wal or -shm file can be read by its group or others.\n",
};
