/* safeplan serve: starts the web service (src/web). */
#include "cli.h"
#include "web.h"

static int run_serve(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"listen", required_argument, 0, 'l'}, {"behind-tls", no_argument, 0, 't'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    web_options w = {ctx->db_path, "127.0.0.1:8080", 0};
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'l': w.listen = optarg; break;
        case 't': w.behind_tls = 1; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    /* Opening once here upgrades the file and reports a bad one before listening. */
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    return web_serve(&w);
}

const cli_command cmd_serve = {
    "serve", run_serve, "run the web service",
    "Usage: safeplan serve [--listen ADDRESS:PORT] [--behind-tls]\n"
    "\n"
    "Serves the plan to signed-in accounts (see 'safeplan user add') until\n"
    "interrupted (SIGINT or SIGTERM). Listens on 127.0.0.1:8080 unless told;\n"
    "put a TLS reverse proxy in front and pass --behind-tls so cookies are\n"
    "marked Secure and named with the __Host- prefix.\n",
};
