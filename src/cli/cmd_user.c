/* safeplan user add | list | passwd | disable: accounts for the web service. */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

/* Reads a password from the terminal without echo, or one line of stdin
 * when stdin is not a terminal. Never from the command line, where other
 * users could see it in the process list. */
static bool read_password(char *buf, size_t size)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fputs("Password: ", stderr);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)size, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (ok)
        buf[strcspn(buf, "\r\n")] = '\0';
    else
        fputs("safeplan: no password given (type it, or give it as one line on stdin)\n", stderr);
    return ok;
}

static int run_user_add(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"role", required_argument, 0, 'r'}, {"owner", required_argument, 0, 'o'},
        {"authority", required_argument, 0, CLI_REPEAT('a')}, {"email", required_argument, 0, 'e'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_account_new in = {0};
    const char *auths[64];
    char pw[1024];
    int64_t id = 0;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'r': in.role = optarg; break;
        case 'o': in.owner = optarg; break;
        case 'e': in.email = optarg; break;
        case CLI_REPEAT('a'):
            if (strcmp(optarg, "all") == 0)
                in.all_authorities = 1;
            else if (in.n_authorities < 64)
                auths[in.n_authorities++] = optarg;
            else
                return cli_misuse(ctx, "--authority given more than 64 times: use 'all'");
            break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!in.role) {
        fputs("safeplan: user add needs --role viewer|officer|manager|clerk|admin\n", stderr);
        return EXIT_MISUSE;
    }
    in.name = argv[optind];
    in.authorities = auths;
    if (!cli_open(ctx, false) || !read_password(pw, sizeof pw))
        return EXIT_RUNTIME;
    in.password = pw;
    int rc = sp_account_add(&id, ctx->db, &in);
    memset(pw, 0, sizeof pw);
    if (rc != SP_OK)
        return cli_fail(ctx);
    printf("added account %lld: %s (%s)\n", (long long)id, in.name, in.role);
    return EXIT_OK;
}

const cli_command cmd_user_add = {
    "user add", run_user_add, "add a web service account",
    "Usage: safeplan user add NAME --role viewer|officer|manager|clerk|admin\n"
    "                         [--owner OWNER] [--authority CODE|all ...] [--email EMAIL]\n"
    "\n"
    "The password (at least 10 characters) is read from the terminal without\n"
    "echo, or as one line from stdin when that is not a terminal; never from\n"
    "the command line. --authority may be repeated; 'all' means every authority.\n",
};

static int run_user_list(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    sp_cursor *cur;
    int rc = cli_parse_list(ctx, argc, argv, &format, NULL);
    if (rc >= 0)
        return rc;
    if (sp_account_list(&cur, ctx->db) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_user_list = {
    "user list", run_user_list, "list web service accounts",
    "Usage: safeplan user list [--format table|csv|json]\n"
    "\n"
    "Columns: id, name, role, owner, email, authorities, state.\n",
};

static int run_user_named(cli_ctx *ctx, int argc, char **argv, bool passwd)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    char pw[1024] = "";
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    const char *name = argv[optind];
    if (passwd && !read_password(pw, sizeof pw))
        return EXIT_RUNTIME;
    int rc = passwd ? sp_account_passwd(ctx->db, name, pw) : sp_account_disable(ctx->db, name);
    memset(pw, 0, sizeof pw);
    if (rc != SP_OK)
        return cli_fail(ctx);
    printf("%s account %s; its sessions are ended\n", passwd ? "new password for" : "disabled",
           name);
    return EXIT_OK;
}

static int run_user_passwd(cli_ctx *ctx, int argc, char **argv)
{
    return run_user_named(ctx, argc, argv, true);
}

static int run_user_disable(cli_ctx *ctx, int argc, char **argv)
{
    return run_user_named(ctx, argc, argv, false);
}

const cli_command cmd_user_passwd = {
    "user passwd", run_user_passwd, "set a web service account's password",
    "Usage: safeplan user passwd NAME\n"
    "\n"
    "Reads the new password as 'user add' does and signs the account out everywhere.\n",
};

const cli_command cmd_user_disable = {
    "user disable", run_user_disable, "stop an account signing in",
    "Usage: safeplan user disable NAME\n"
    "\n"
    "The account stays (its history stays attributed) but can no longer sign in;\n"
    "its sessions end at once.\n",
};

/* --- closure: user events (issue #14) ------------------------------ */

static int run_user_events(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    sp_cursor *cur;
    int rc = cli_parse_list(ctx, argc, argv, &format, NULL);
    if (rc >= 0)
        return rc;
    if (sp_account_events(&cur, ctx->db) != SP_OK)
        return cli_fail(ctx);
    return cli_print(ctx, cur, format, NULL, 0);
}

const cli_command cmd_user_events = {
    "user events", run_user_events, "list account changes (chained history)",
    "Usage: safeplan user events [--format table|csv|json]\n"
    "\n"
    "Every account change, oldest first: added, password changed, disabled,\n"
    "enabled, role changed. Append-only and chained in the ledger, so\n"
    "'safeplan verify' catches an edited or deleted event. No password hash\n"
    "is recorded. Columns: id, name, event, detail, recorded_at.\n",
};
/* --- end closure: user events -------------------------------------- */
