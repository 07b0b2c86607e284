/* safeplan demo: load the bundled example plan and show what is overdue. */
#include "cli.h"

static int run_demo(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, 0, 'a'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *as_of = sp_demo_default_date();
    char date[SP_DATE_SIZE];
    sp_cursor *cur;
    int added = 0, c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c != 'a')
            return cli_stop(c);
        if (sp_date_parse(date, optarg) != SP_OK)
            return cli_misuse(ctx, "--as-of '%s' is not a valid date: expected YYYY-MM-DD or "
                              "DD/MM/YYYY", optarg);
        as_of = date;
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!cli_open(ctx, true))
        return EXIT_RUNTIME;
    if (sp_demo_load(&added, ctx->db) != SP_OK)
        return cli_fail(ctx);
    int rc = cli_publish(ctx);
    if (rc == SP_EEXISTS) {
        /* Someone created the file meanwhile: load into theirs if it holds
         * nothing but the example (sp_demo_load refuses a real plan). */
        cli_close(ctx);
        if (!cli_open(ctx, false))
            return EXIT_RUNTIME;
        if (sp_demo_load(&added, ctx->db) != SP_OK)
            return cli_fail(ctx);
    } else if (rc != SP_OK) {
        return EXIT_RUNTIME;
    }
    if (sp_overdue(&cur, ctx->db, as_of, NULL) != SP_OK)
        return cli_fail(ctx);
    printf("Example plan in %s (%d actions added). Overdue as of %s:\n\n", ctx->db_path, added,
           as_of);
    return cli_print_overdue(ctx, cur, FORMAT_TABLE, as_of, NULL);
}

const cli_command cmd_demo = {
    "demo", run_demo, "load the example plan and list what is overdue",
    "Usage: safeplan [--db PATH] demo [--as-of DATE]\n"
    "\n"
    "Loads the bundled example plan (five English councils' reviews, 2012-2018,\n"
    "with their real findings) into the database, creating it if needed, then\n"
    "lists the actions overdue as of DATE (default 2017-07-01, a date inside\n"
    "the plan's life). Running it again adds nothing twice. A database that\n"
    "holds anything besides the example plan is refused and left unchanged:\n"
    "the example never mixes with a real plan.\n",
};
