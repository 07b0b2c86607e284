/*
 * safeplan — keep a council's safeguarding improvement plan in SQLite.
 * Global options, the command table and dispatch.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

extern const cli_command cmd_init, cmd_demo;
extern const cli_command cmd_authority_add, cmd_authority_list;
extern const cli_command cmd_review_add, cmd_review_list;
extern const cli_command cmd_finding_add, cmd_finding_list;
extern const cli_command cmd_owner_add, cmd_owner_list;
extern const cli_command cmd_action_add, cmd_action_list, cmd_action_show;
extern const cli_command cmd_overdue, cmd_due, cmd_stale, cmd_summary;
extern const cli_command cmd_action_update, cmd_action_history;
extern const cli_command cmd_action_reassign, cmd_action_transfer;
extern const cli_command cmd_config_set, cmd_config_get, cmd_config_list;
extern const cli_command cmd_export, cmd_import;
extern const cli_command cmd_pack, cmd_report;
extern const cli_command cmd_check, cmd_verify, cmd_checkpoint, cmd_key_generate;
extern const cli_command cmd_backup; /* issue 12: backups */
extern const cli_command cmd_user_add, cmd_user_list, cmd_user_passwd, cmd_user_disable;
extern const cli_command cmd_serve;
extern const cli_command cmd_digest;
/* issue 12: corrections, voids, change sets, undo (cmd_journal.c) */
extern const cli_command cmd_action_edit, cmd_action_void, cmd_finding_edit, cmd_finding_void;
extern const cli_command cmd_review_edit, cmd_review_void, cmd_authority_edit, cmd_owner_edit;
extern const cli_command cmd_log, cmd_undo;
/* closure (issue #14) */
extern const cli_command cmd_action_embed, cmd_user_events;
/* end closure */

/* Every command, in the order `safeplan --help` lists them. */
const cli_command *const cli_commands[] = {
    &cmd_init, &cmd_demo,
    &cmd_authority_add, &cmd_authority_list,
    &cmd_review_add, &cmd_review_list,
    &cmd_finding_add, &cmd_finding_list,
    &cmd_owner_add, &cmd_owner_list,
    &cmd_action_add, &cmd_action_list, &cmd_action_show,
    &cmd_action_update, &cmd_action_history,
    &cmd_action_reassign, &cmd_action_transfer,
    &cmd_action_embed, /* closure (issue #14) */
    &cmd_overdue, &cmd_due, &cmd_stale, &cmd_summary,
    &cmd_config_set, &cmd_config_get, &cmd_config_list,
    &cmd_export, &cmd_import,
    &cmd_pack, &cmd_report,
    &cmd_check, &cmd_verify, &cmd_checkpoint, &cmd_key_generate,
    &cmd_backup,
    &cmd_user_add, &cmd_user_list, &cmd_user_passwd, &cmd_user_disable,
    &cmd_user_events, /* closure (issue #14) */
    &cmd_serve,
    &cmd_digest,
    /* issue 12 */
    &cmd_action_edit, &cmd_action_void, &cmd_finding_edit, &cmd_finding_void,
    &cmd_review_edit, &cmd_review_void, &cmd_authority_edit, &cmd_owner_edit,
    &cmd_log, &cmd_undo,
    NULL,
};

static const char main_usage[] =
    "Usage: safeplan [--db PATH] COMMAND [ARGS...]\n"
    "\n"
    "Keeps safeguarding improvement plans (authorities, reviews, findings,\n"
    "actions and their progress history) in one SQLite database file.\n"
    "\n"
    "Options:\n"
    "  --db PATH    the database file (default: $SAFEPLAN_DB, else ./safeplan.db);\n"
    "               it holds the whole plan and is created readable by you only;\n"
    "               it may also follow the command (safeplan overdue --db PATH)\n"
    "  --help       show this help;  'safeplan COMMAND --help' for a command\n"
    "  --version    show the version\n"
    "\n"
    "Naming things: an authority by its code (torbay), a review as\n"
    "AUTHORITY/REVIEW (torbay/2012-peer), a finding as AUTHORITY/REVIEW/FINDING\n"
    "(torbay/2012-peer/3), an action by its id (17) or full path\n"
    "(torbay/2012-peer/3/1), an owner by name or id. Any object by its id.\n"
    "References are matched as written, else in any capitals (TORBAY/2012-PEER).\n"
    "\n"
    "Dates: today is the local date (the system's time zone; TZ honoured), or\n"
    "$SAFEPLAN_TODAY. --out - writes to standard output.\n"
    "Options take one value each: an option given twice is misuse. A value that\n"
    "begins with '-' goes after '--' (safeplan owner add -- '-1 team') or, for\n"
    "an option, as --OPTION=VALUE (--within=-5d). $SAFEPLAN_TODAY is a date\n"
    "alone, with no spaces around it.\n"
    "\n"
    "Exit status: 0 success, 1 runtime error, 2 misuse.\n"
    "\n"
    "Commands:\n";

void cli_print_main_help(FILE *out, bool with_commands)
{
    if (!with_commands) {
        /* Everything up to the "Commands:" heading. */
        fwrite(main_usage, 1, strlen(main_usage) - strlen("Commands:\n"), out);
        return;
    }
    fputs(main_usage, out);
    for (size_t i = 0; cli_commands[i]; i++)
        fprintf(out, "  %-18s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
}

/* Matches "WORD" or "WORD WORD" at argv[0..]; *used gets the word count. */
static const cli_command *find_command(int argc, char **argv, int *used)
{
    for (size_t i = 0; cli_commands[i]; i++) {
        const char *name = cli_commands[i]->name, *sp = strchr(name, ' ');
        size_t first = sp ? (size_t)(sp - name) : strlen(name);
        if (strncmp(argv[0], name, first) != 0 || argv[0][first] != '\0')
            continue;
        if (!sp) {
            *used = 1;
            return cli_commands[i];
        }
        if (argc > 1 && strcmp(argv[1], sp + 1) == 0) {
            *used = 2;
            return cli_commands[i];
        }
    }
    return NULL;
}

/* "safeplan action" alone: list that group's commands. */
static bool is_group(const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; cli_commands[i]; i++)
        if (strncmp(cli_commands[i]->name, word, n) == 0 && cli_commands[i]->name[n] == ' ')
            return true;
    return false;
}

static int group_misuse(const char *group, const char *sub)
{
    if (sub)
        fprintf(stderr, "safeplan: unknown command '%s %s'\n", group, sub);
    else
        fprintf(stderr, "safeplan: '%s' needs a subcommand\n", group);
    fputs("Commands:\n", stderr);
    size_t n = strlen(group);
    for (size_t i = 0; cli_commands[i]; i++)
        if (strncmp(cli_commands[i]->name, group, n) == 0 && cli_commands[i]->name[n] == ' ')
            fprintf(stderr, "  safeplan %-16s %s\n", cli_commands[i]->name,
                    cli_commands[i]->summary);
    return EXIT_MISUSE;
}

int cli_help(int argc, char **argv)
{
    int used = 0;
    if (argc == 0) {
        cli_print_main_help(stdout, true);
        return EXIT_OK;
    }
    if (argc == 1 && strcmp(argv[0], "--man") == 0)
        return cli_man(stdout);
    const cli_command *cmd = find_command(argc, argv, &used);
    if (cmd) {
        fputs(cmd->usage, stdout);
        return EXIT_OK;
    }
    if (is_group(argv[0]))
        return group_misuse(argv[0], argc > 1 ? argv[1] : NULL);
    fprintf(stderr, "safeplan: no command '%s'; see 'safeplan --help'\n", argv[0]);
    return EXIT_MISUSE;
}

/* Parses global options before the command; returns the index of the
 * command word, or a negative exit status negated minus one. */
static int global_options(int argc, char **argv, cli_ctx *ctx)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_print_main_help(stdout, true);
            return -1 - EXIT_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("safeplan %s (schema version %d)\n", SP_VERSION, sp_schema_version());
            return -1 - EXIT_OK;
        } else if (ctx->db_given && (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)) {
            /* As after the command: which plan was meant is not for us to guess. */
            fputs("safeplan: --db given twice: name one database\n", stderr);
            return -1 - EXIT_MISUSE;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            ctx->db_path = argv[++i];
            ctx->db_given = true;
        } else if (strncmp(a, "--db=", 5) == 0) {
            ctx->db_path = a + 5;
            ctx->db_given = true;
        } else {
            fprintf(stderr, "safeplan: %s '%s'\n",
                    strcmp(a, "--db") == 0 ? "missing value for" : "unknown option", a);
            fputs("Usage: safeplan [--db PATH] COMMAND [ARGS...]\n", stderr);
            return -1 - EXIT_MISUSE;
        }
    }
    const char *why = cli_db_path_problem(ctx->db_path);
    if (why) {
        fprintf(stderr, "safeplan: %s\n", why);
        return -1 - EXIT_MISUSE;
    }
    return i;
}

/* issue 12: "safeplan ARGS", an argument with spaces or quotes in single
 * quotes, as the change set's command (--db and its value left out). */
static char *cli_command_line(int argc, char **argv)
{
    size_t n = 16;
    for (int i = 1; i < argc; i++)
        n += 4 * strlen(argv[i]) + 3;
    char *s = malloc(n), *p = s;
    if (!s)
        return NULL;
    p += sprintf(p, "safeplan");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            i++;
            continue;
        }
        if (strncmp(argv[i], "--db=", 5) == 0)
            continue;
        bool quote = !*argv[i] || strpbrk(argv[i], " \t'\"$\\") != NULL;
        *p++ = ' ';
        if (quote)
            *p++ = '\'';
        for (const char *c = argv[i]; *c; c++) {
            if (*c == '\'' && quote)
                p += sprintf(p, "'\\''");
            else
                *p++ = *c;
        }
        if (quote)
            *p++ = '\'';
    }
    *p = 0;
    return s;
}

static int run_main(int argc, char **argv)
{
    cli_ctx ctx = {0};
    const char *env = getenv("SAFEPLAN_DB");
    ctx.db_path = env && *env ? env : "safeplan.db";
    int i = global_options(argc, argv, &ctx);
    if (i < 0)
        return -1 - i;
    if (i >= argc) {
        fputs("Usage: safeplan [--db PATH] COMMAND [ARGS...]\n"
              "Try 'safeplan --help' for the list of commands.\n", stderr);
        return EXIT_MISUSE;
    }
    if (strcmp(argv[i], "help") == 0)
        return cli_help(argc - i - 1, argv + i + 1);
    int used = 0;
    ctx.cmd = find_command(argc - i, argv + i, &used);
    if (!ctx.cmd)
        return is_group(argv[i]) ? group_misuse(argv[i], i + 1 < argc ? argv[i + 1] : NULL)
                                 : cli_help(1, argv + i);
    ctx.cmdline = cli_command_line(argc, argv); /* issue 12: change sets */
    /* The handler sees its own words as argv[0]; getopt starts after it. */
    optind = 1;
    int rc = ctx.cmd->run(&ctx, argc - i - used + 1, argv + i + used - 1);
    sp_close(ctx.db);
    free(ctx.cmdline);
    return rc;
}

/* Every command writes through stdout's buffer, and a write can fail at
 * any flush (a full disk, a closed descriptor): a command whose output was
 * lost must not report success. The last flush is here, so nothing that
 * printed can end in 0 without its bytes having gone out. */
static int finish_output(int rc)
{
    int err = fflush(stdout) != 0 ? errno : 0;
    if (!err && !ferror(stdout))
        return rc;
    if (rc == EXIT_OK)
        fprintf(stderr, "safeplan: the output could not be written: %s\n",
                err ? strerror(err) : "a write failed");
    return rc == EXIT_OK ? EXIT_RUNTIME : rc;
}

int main(int argc, char **argv)
{
    return finish_output(run_main(argc, argv));
}
