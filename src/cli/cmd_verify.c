/* safeplan verify, checkpoint and key generate: the tamper-evident history. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void print_finding(void *arg, bool ok, const char *area, const char *message)
{
    (void)arg;
    printf("%-4s  %-10s  %s\n", ok ? "ok" : "FAIL", area, message);
}

/* Reads a whole text file (a checkpoint, a public key, or an HTML report
 * holding a checkpoint: closure, #14), up to READ_MAX bytes; NULL after a
 * message on failure. */
#define READ_MAX (64 << 20)
static char *read_text(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    size_t n = 0, cap = 4096;
    char *buf = malloc(cap + 1);
    while (f && buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || cap >= READ_MAX)
            break;
        char *more = realloc(buf, 2 * cap + 1);
        if (!more) {
            free(buf);
            buf = NULL;
        }
        buf = more;
        cap *= 2;
    }
    if (!f || !buf) {
        cli_error("cannot read %s: %s", path, f ? "out of memory" : strerror(errno));
        free(buf);
        if (f && f != stdin)
            fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    if (f != stdin)
        fclose(f);
    return buf;
}

/* The hex key of a .pub file written by key generate, or the argument
 * itself when it is the hex. */
static char *public_key_of(const char *arg)
{
    if (strlen(arg) == SP_KEY_HEX_SIZE - 1 && strspn(arg, "0123456789abcdef") == strlen(arg))
        return strdup(arg);
    char *text = read_text(arg), *p = text ? strstr(text, "public-key: ") : NULL;
    if (!p) {
        if (text)
            cli_error("%s is not a safeplan public key", arg);
        free(text);
        return NULL;
    }
    p += strlen("public-key: ");
    p[strcspn(p, "\n")] = '\0';
    memmove(text, p, strlen(p) + 1);
    return text;
}

static int run_verify(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"checkpoint", required_argument, 0, 'c'}, {"key", required_argument, 0, 'k'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *checkpoint = NULL, *key = NULL;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'c') checkpoint = optarg;
        else if (c == 'k') key = optarg;
        else return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (key && !checkpoint)
        return cli_misuse(ctx, "--key goes with --checkpoint: the key the checkpoint must be "
                          "signed with");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    char *text = checkpoint ? read_text(checkpoint) : NULL, *pub = key ? public_key_of(key) : NULL;
    if ((checkpoint && !text) || (key && !pub)) {
        free(text);
        free(pub);
        return EXIT_RUNTIME;
    }
    int failures = sp_verify(ctx->db, print_finding, NULL), more = 0;
    if (failures >= 0 && text)
        more = sp_checkpoint_verify(ctx->db, text, pub, print_finding, NULL);
    free(text);
    free(pub);
    if (failures < 0 || more < 0)
        return cli_fail(ctx);
    failures += more;
    if (failures > 0)
        fprintf(stderr, "safeplan verify: %d problem%s found in %s\n", failures,
                failures == 1 ? "" : "s", ctx->db_path);
    return failures ? EXIT_RUNTIME : EXIT_OK;
}

static const char *key_path(const char *given)
{
    const char *env = getenv("SAFEPLAN_KEY");
    return given ? given : env && *env ? env : NULL;
}

static int run_checkpoint(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"key", required_argument, 0, 'k'}, {"out", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *key = NULL, *out = "-";
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'k') key = optarg;
        else if (c == 'o') out = optarg;
        else return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!(key = key_path(key)))
        return cli_misuse(ctx, "no signing key: give --key FILE or set SAFEPLAN_KEY (make "
                          "one with 'safeplan key generate FILE')");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    char *text = NULL;
    if (sp_checkpoint(&text, ctx->db, key) != SP_OK)
        return cli_fail(ctx);
    cli_outfile o;
    int rc = cli_outfile_open(&o, out);
    if (rc == EXIT_OK) {
        fputs(text, o.f);
        rc = cli_outfile_close(&o, EXIT_OK);
    }
    sp_free(text);
    return rc;
}

static int run_key_generate(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    char pub[SP_KEY_HEX_SIZE];
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        return cli_stop(c);
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    sp_db *db = NULL;
    /* The key needs no plan: an in-memory handle carries any message. */
    if (sp_open(&db, ":memory:", 0) != SP_OK || sp_key_generate(db, argv[optind], pub) != SP_OK) {
        int rc = db ? cli_error("%s", sp_errmsg(db)) : cli_error("out of memory");
        sp_close(db);
        return rc;
    }
    sp_close(db);
    printf("signing key in %s (keep it private, away from the database)\n"
           "public key in %s.pub: %s\n", argv[optind], argv[optind], pub);
    return EXIT_OK;
}

const cli_command cmd_verify = {
    "verify", run_verify, "prove the history untouched (and extending a checkpoint)",
    "Usage: safeplan [--db PATH] verify [--checkpoint FILE [--key PUBLIC]]\n"
    "\n"
    "Every history entry (each action's creation, every update, and notes such\n"
    "as an upgrade's) is chained: it stores a BLAKE2b hash of its content and\n"
    "of the entry before it. verify recomputes the chain and reports the first\n"
    "entry that fails (changed, deleted, back-dated, or the chain broken), any\n"
    "history added outside the chain, and every stored value that differs\n"
    "from what the history says: an action's state (status, due date, owner,\n"
    "transfer, RAG override and reason, last update and progress dates, and\n"
    "corrected fields), the corrected fields of authorities, reviews,\n"
    "findings and owners, and the settings ('config set' notes each change).\n"
    "One finding a line; exit 0 when all holds, 1 otherwise.\n"
    "\n"
    "A chain alone can be rebuilt by whoever rewrites it, so take signed\n"
    "checkpoints ('safeplan checkpoint') and keep them with the papers:\n"
    "  --checkpoint FILE  also prove the history extends that checkpoint\n"
    "                     exactly (nothing in it deleted or rewritten since)\n"
    "  --key PUBLIC       and that it was signed with this public key (the\n"
    "                     .pub file 'key generate' wrote, or its hex)\n",
};

const cli_command cmd_checkpoint = {
    "checkpoint", run_checkpoint, "print a signed statement of the history's size and head",
    "Usage: safeplan [--db PATH] checkpoint [--key FILE] [--out FILE]\n"
    "\n"
    "Prints a checkpoint: the number of history entries, the hash at their\n"
    "head, when it was taken and the public key, signed with Ed25519. Keep it\n"
    "with the committee papers; 'safeplan verify --checkpoint FILE' later\n"
    "proves the history has only grown since.\n"
    "\n"
    "  --key FILE   the signing key (default $SAFEPLAN_KEY), made with\n"
    "               'safeplan key generate FILE'\n"
    "  --out FILE   write it to FILE (default: standard output)\n",
};

const cli_command cmd_key_generate = {
    "key generate", run_key_generate, "make a key to sign checkpoints with",
    "Usage: safeplan key generate FILE\n"
    "\n"
    "Makes an Ed25519 signing key: the secret key in FILE (mode 0600; an\n"
    "existing file is never overwritten) and the public key in FILE.pub, to\n"
    "give to whoever will verify. Keep FILE outside the database and its\n"
    "backups: whoever holds it can sign checkpoints.\n",
};
