/* safeplan config set | get | list: settings stored in the database. */
#include <string.h>

#include "cli.h"

static int run_config_set(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c, old = 0, now = 0;
    if ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 2, 2))
        return EXIT_MISUSE;
    const char *key = argv[optind], *value = argv[optind + 1];
    /* A window may be written as any option takes one (4w, 3m); the
     * library stores whole days. */
    char days_text[12];
    int days;
    if (strncmp(key, "rag.", 4) == 0 && cli_parse_days(value, &days)) {
        snprintf(days_text, sizeof days_text, "%d", days);
        value = days_text;
    }
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_config_get(&old, ctx->db, key) != SP_OK ||
        sp_config_set(ctx->db, key, value) != SP_OK || sp_config_get(&now, ctx->db, key) != SP_OK)
        return cli_fail(ctx);
    printf("%s = %d (was %d)\n", key, now, old);
    return EXIT_OK;
}

const cli_command cmd_config_set = {
    "config set", run_config_set, "change a setting (e.g. the RAG windows)",
    "Usage: safeplan config set KEY VALUE\n"
    "\n"
    "Stores the setting in the database, so everyone using the plan rates it\n"
    "the same way. Prints the new and the old value. A change is recorded in\n"
    "the history as a change set ('safeplan log'); 'safeplan undo' does not\n"
    "revert it, but says how to set it back.\n"
    "\n"
    "Settings (whole days, 0-3650, written 28, 28d, 4w or 1m; a month is a\n"
    "twelfth of a year, rounded: 1m = 30 days, 3m = 91):\n"
    "  rag.amber_days   an open action due within this many days is amber\n"
    "                   (default 28; 0: only on the day it is due)\n"
    "  rag.stale_days   an open action with no progress reported for this many\n"
    "                   days is amber (default 60; 0 turns the rule off): a\n"
    "                   note, evidence, a percentage or a status change is\n"
    "                   progress; a reassignment, transfer, override or revised\n"
    "                   date is not\n"
    "  rag.grace_days   a recurring action (Monthly, Quarterly...) is red this\n"
    "                   many days after its report was due (default 7); a\n"
    "                   change applies from each action's next update\n",
};

static int run_config_get(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c, value = 0;
    if ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_config_get(&value, ctx->db, argv[optind]) != SP_OK)
        return cli_fail(ctx);
    printf("%d\n", value);
    return EXIT_OK;
}

const cli_command cmd_config_get = {
    "config get", run_config_get, "print a setting's value",
    "Usage: safeplan config get KEY\n"
    "\n"
    "Prints the setting's value alone, for scripts. KEY is rag.amber_days,\n"
    "rag.stale_days or rag.grace_days; 'config list' shows them all with\n"
    "their meanings and defaults.\n",
};

static int run_config_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    sp_cursor *cur;
    int rc = cli_parse_list(ctx, argc, argv, &format, NULL);
    if (rc >= 0)
        return rc;
    if (sp_config_list(&cur, ctx->db) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_config_list = {
    "config list", run_config_list, "list the settings",
    "Usage: safeplan config list [--format table|csv|json]\n"
    "\n"
    "Columns: key, days, days_default, meaning.\n",
};
