/* Argument handling shared by every command. */
#include <pwd.h>
#include <unistd.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage_line(FILE *out, const cli_command *cmd)
{
    const char *nl = strchr(cmd->usage, '\n');
    int len = nl ? (int)(nl - cmd->usage) : (int)strlen(cmd->usage);
    fprintf(out, "%.*s\nTry 'safeplan %s --help' for more.\n", len, cmd->usage, cmd->name);
}

int cli_misuse(cli_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    char msg[2048];
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "safeplan %s: ", ctx->cmd->name);
    cli_put_visible(stderr, msg, NULL); /* messages quote input */
    fputc('\n', stderr);
    usage_line(stderr, ctx->cmd);
    return EXIT_MISUSE;
}

int cli_error(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs("safeplan: ", stderr);
    cli_put_visible(stderr, msg, NULL); /* messages quote input */
    fputc('\n', stderr);
    return EXIT_RUNTIME;
}

int cli_fail(cli_ctx *ctx)
{
    return cli_error("%s", sp_errmsg(ctx->db));
}

const char *cli_db_path_problem(const char *path)
{
    if (path && !*path)
        return "--db needs a file name";
    /* Each command is its own process: an in-memory plan would be lost. */
    if (path && strcmp(path, ":memory:") == 0)
        return "--db :memory: would keep nothing between commands: name a database file";
    return NULL;
}

static const struct option *option_of(const struct option *opts, int val)
{
    for (; opts->name; opts++)
        if (opts->val == val)
            return opts;
    return NULL;
}

/* An option that takes one value, given twice, would silently lose the
 * first: misuse. */
static bool given_twice(cli_ctx *ctx, int val)
{
    for (int i = 0; i < ctx->nseen; i++)
        if (ctx->seen[i] == val)
            return true;
    if (ctx->nseen < (int)(sizeof ctx->seen / sizeof ctx->seen[0]))
        ctx->seen[ctx->nseen++] = val;
    return false;
}

/* --db after the command word means what it means before it. */
static int db_after_command(cli_ctx *ctx, int argc, char **argv, const char *arg)
{
    if (ctx->db_given) {
        cli_misuse(ctx, "--db given twice: give it once");
        return CLI_STOP_MISUSE;
    }
    if (strcmp(arg, "--db") == 0) {
        if (optind >= argc) {
            cli_misuse(ctx, "option '--db' needs a value");
            return CLI_STOP_MISUSE;
        }
        ctx->db_path = argv[optind++];
    } else {
        ctx->db_path = arg + 5;
    }
    ctx->db_given = true;
    const char *why = cli_db_path_problem(ctx->db_path);
    if (why) {
        cli_misuse(ctx, "%s", why);
        return CLI_STOP_MISUSE;
    }
    return 0;
}

/* An argument getopt could not take: a misspelt option, or a value that
 * begins with '-' (such as "-1+1 #2") which needs '--' before it. */
static int unknown_option(cli_ctx *ctx, const char *arg)
{
    if (arg[0] == '-' && arg[1] == '-')
        cli_misuse(ctx, "unknown option '%.*s'", (int)strcspn(arg, "="), arg);
    else
        cli_misuse(ctx, "unknown option '%s'; a value that begins with '-' goes after "
                   "'--' (safeplan %s -- '%s') or, for an option, as --OPTION='%s'",
                   arg, ctx->cmd->name, arg, arg);
    return CLI_STOP_MISUSE;
}

/* The argument getopt failed on. It names it only through optind, which
 * it moves past a long option but not past "-abc" while inside it. */
static const char *failed_argument(int argc, char **argv)
{
    if (optopt && optind < argc && argv[optind][0] == '-' && argv[optind][1] == optopt &&
        argv[optind][2] != '\0')
        return argv[optind];
    return optind > 0 && optind <= argc ? argv[optind - 1] : "?";
}

int cli_opt(cli_ctx *ctx, int argc, char **argv, const struct option *opts)
{
    /* Every command's table must end with {"help", no_argument, 0, 'h'}
     * then {0}; short options are not offered, so the short string is ":". */
    opterr = 0;
    for (;;) {
        optopt = 0;
        int c = getopt_long(argc, argv, ":", opts, NULL);
        if (c == 'h') {
            fputs(ctx->cmd->usage, stdout);
            return CLI_STOP_HELP;
        }
        const char *arg = c == '?' || c == ':' ? failed_argument(argc, argv) : NULL;
        if (c == '?' && (strcmp(arg, "--db") == 0 || strncmp(arg, "--db=", 5) == 0)) {
            int rc = db_after_command(ctx, argc, argv, arg);
            if (rc)
                return rc;
            continue;
        }
        if (c == '?')
            return unknown_option(ctx, arg);
        const struct option *o = c > 0 ? option_of(opts, c) : NULL;
        bool valued = o && o->has_arg == required_argument;
        if (c == ':' || (valued && !optarg)) {
            cli_misuse(ctx, "option '%s' needs a value", arg ? arg : o->name);
            return CLI_STOP_MISUSE;
        }
        /* "--within -- -5d": getopt took the separate "--" as the value. */
        if (valued && optarg == argv[optind - 1] && strcmp(optarg, "--") == 0) {
            cli_misuse(ctx, "option '--%s' needs a value; for a value that begins with '-' "
                       "write --%s=VALUE", o->name, o->name);
            return CLI_STOP_MISUSE;
        }
        if (valued && !(c & CLI_REPEAT(0)) && given_twice(ctx, c)) {
            cli_misuse(ctx, "--%s given twice: give it once", o->name);
            return CLI_STOP_MISUSE;
        }
        return c;
    }
}

int cli_stop(int c)
{
    return c == CLI_STOP_HELP ? EXIT_OK : EXIT_MISUSE;
}

bool cli_positional(cli_ctx *ctx, int argc, char **argv, int min, int max)
{
    int n = argc - optind;
    if (n < min) {
        cli_misuse(ctx, "missing argument");
        return false;
    }
    if (n > max) {
        cli_misuse(ctx, "unexpected argument '%s'", argv[optind + max]);
        return false;
    }
    return true;
}

bool cli_format_parse(cli_ctx *ctx, const char *text, cli_format *out)
{
    static const char *const names[] = {"table", "csv", "json"};
    for (int i = 0; i < 3; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (cli_format)i;
            return true;
        }
    cli_misuse(ctx, "--format '%s' is not known: expected table, csv or json", text);
    return false;
}

static void warn_exposed(void *arg, bool ok, const char *area, const char *message)
{
    (void)arg;
    (void)area;
    if (!ok)
        fprintf(stderr, "safeplan: warning: %s\n", message);
}

/* A copy made by other tools (the sqlite3 shell, cp under a loose umask) can
 * be readable by others: say so once per command; `check` reports it too. */
static void warn_if_exposed(cli_ctx *ctx)
{
    extern const cli_command cmd_check;
    if (ctx->cmd != &cmd_check && !sp_is_staged(ctx->db))
        sp_check_modes(ctx->db, warn_exposed, NULL);
}

/* Spaces around a date are a sign of a mistake in the environment. */
static bool today_padded(const char *s)
{
    size_t n = strlen(s);
    return n && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1]));
}

bool cli_open(cli_ctx *ctx, bool create)
{
    if (ctx->db)
        return true;
    const char *today = getenv("SAFEPLAN_TODAY");
    if (today && today_padded(today)) {
        cli_error("SAFEPLAN_TODAY '%s' has spaces around the date: expected YYYY-MM-DD "
                  "or DD/MM/YYYY alone", today);
        return false;
    }
    /* A new database is staged: it appears under its name only when the
     * command succeeds (cli_publish), so a failed or killed command leaves
     * nothing, and a racing creator's file is never replaced. */
    int rc = sp_open(&ctx->db, ctx->db_path, create ? SP_OPEN_CREATE | SP_OPEN_STAGED : 0);
    if (rc == SP_OK) {
        warn_if_exposed(ctx);
        if (today && *today && sp_set_today(ctx->db, today) != SP_OK) {
            cli_error("SAFEPLAN_TODAY: %s", sp_errmsg(ctx->db));
            return false;
        }
        /* issue 12: every write records a change set: who and what. */
        sp_set_actor(ctx->db, cli_user(), ctx->cmdline);
        return true;
    }
    cli_error("%s", sp_errmsg(ctx->db));
    sp_close(ctx->db);
    ctx->db = NULL;
    return false;
}

int cli_publish(cli_ctx *ctx)
{
    int rc = sp_publish(ctx->db);
    if (rc != SP_OK)
        cli_error("%s", sp_errmsg(ctx->db));
    return rc;
}

void cli_close(cli_ctx *ctx)
{
    sp_close(ctx->db);
    ctx->db = NULL;
}

int cli_parse_list(cli_ctx *ctx, int argc, char **argv, cli_format *format, const char **scope)
{
    return cli_parse_list_void(ctx, argc, argv, format, scope, NULL);
}

int cli_parse_list_void(cli_ctx *ctx, int argc, char **argv, cli_format *format,
                        const char **scope, unsigned *flags)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    static const struct option void_opts[] = {
        {"format", required_argument, 0, 'f'}, {"include-void", no_argument, 0, 'V'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    *format = FORMAT_TABLE;
    if (flags)
        *flags = 0;
    while ((c = cli_opt(ctx, argc, argv, flags ? void_opts : opts)) != -1) {
        if (c == 'V') {
            *flags |= SP_LIST_INCLUDE_VOID;
            continue;
        }
        if (c != 'f')
            return cli_stop(c);
        if (!cli_format_parse(ctx, optarg, format))
            return EXIT_MISUSE;
    }
    if (!cli_positional(ctx, argc, argv, 0, scope ? 1 : 0))
        return EXIT_MISUSE;
    if (scope)
        *scope = optind < argc ? argv[optind] : NULL;
    return cli_open(ctx, false) ? -1 : EXIT_RUNTIME;
}

/* issue 12: the person writing (change sets, corrections). */
const char *cli_user(void)
{
    const char *env = getenv("SAFEPLAN_USER");
    if (env && *env)
        return env;
    const char *login = getlogin();
    if (login && *login)
        return login;
    const struct passwd *pw = getpwuid(geteuid());
    return pw && pw->pw_name && *pw->pw_name ? pw->pw_name : "unknown";
}

/* A duration as people write it: N or Nd days, Nw weeks, Nm months (a
 * month is a twelfth of a year, rounded: 1m = 30, 3m = 91, 12m = 365
 * days, as a window of whole days must be one length whatever the date it
 * starts from). The same grammar for every option and setting that takes
 * days, so "4w" works wherever "28" does. */
bool cli_parse_days(const char *text, int *days)
{
    size_t digits = strspn(text, "0123456789");
    const char *unit = text + digits;
    long n = 0;
    if (digits == 0 || digits > 5)
        return false;
    for (size_t i = 0; i < digits; i++)
        n = n * 10 + (text[i] - '0');
    if (strcmp(unit, "w") == 0)
        n *= 7;
    else if (strcmp(unit, "m") == 0)
        n = (n * 365 + 6) / 12;
    else if (*unit && strcmp(unit, "d") != 0)
        return false;
    if (n > 3650)
        return false;
    *days = (int)n;
    return true;
}
