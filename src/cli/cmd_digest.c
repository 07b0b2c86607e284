/* safeplan digest: reminders to every owner, as mbox, maildir or sendmail. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef enum { TO_MBOX, TO_MAILDIR, TO_SENDMAIL } dest;
static const char *const dest_names[] = {"mbox", "maildir", "sendmail"};

typedef struct digest_args {
    sp_digest_opts o;
    char as_of[SP_DATE_SIZE];
    dest to;
    const char *maildir, *set_from, *set_list_id;
    bool log, preview;
    cli_format format;
} digest_args;

/* ------------------------------------------------------------------ */
/* Delivery                                                            */

/* mboxrd: a line that starts with "From " (after any '>') gets one more
 * '>', so a reader can undo it; the message ends with an empty line. */
static void write_mbox(FILE *out, const sp_digest *d, const sp_digest_msg *m)
{
    time_t t = (time_t)d->now;
    struct tm tm;
    char when[64];
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", &tm);
    fprintf(out, "From %s %s\n", d->envelope_from, when);
    for (const char *p = m->message; *p;) {
        size_t n = strcspn(p, "\n");
        size_t q = strspn(p, ">");
        if (q < n && strncmp(p + q, "From ", 5) == 0)
            fputc('>', out);
        fwrite(p, 1, n, out);
        fputc('\n', out);
        p += n + (p[n] == '\n');
    }
    fputc('\n', out);
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w, n -= (size_t)w;
    }
    return true;
}

static bool ensure_dir(const char *path)
{
    return mkdir(path, 0700) == 0 || errno == EEXIST;
}

/* Maildir: written whole into tmp/, then renamed into new/. */
static int deliver_maildir(const char *dir, const sp_digest_msg *m, unsigned seq)
{
    char sub[3][3100], name[400], tmp[3600], fin[3600], host[256] = "localhost";
    const char *names[3] = {"tmp", "new", "cur"};
    if (strlen(dir) > 3000)
        return cli_error("maildir path too long: %.60s...", dir);
    if (!ensure_dir(dir))
        return cli_error("cannot create maildir %s: %s", dir, strerror(errno));
    for (int i = 0; i < 3; i++) {
        snprintf(sub[i], sizeof sub[i], "%s/%s", dir, names[i]);
        if (!ensure_dir(sub[i]))
            return cli_error("cannot create %s: %s", sub[i], strerror(errno));
    }
    gethostname(host, sizeof host - 1);
    host[strcspn(host, "/:")] = '\0';
    /* time.PpidQseq.host: unique per delivery on this machine. */
    snprintf(name, sizeof name, "%lld.P%ldQ%u.%s", (long long)time(NULL), (long)getpid(), seq,
             host);
    snprintf(tmp, sizeof tmp, "%s/%s", sub[0], name);
    snprintf(fin, sizeof fin, "%s/%s", sub[1], name);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return cli_error("cannot write %s: %s", tmp, strerror(errno));
    bool ok = write_all(fd, m->message, strlen(m->message)) && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, fin) != 0) {
        int e = errno;
        unlink(tmp);
        return cli_error("cannot write %s: %s", fin, strerror(e));
    }
    return EXIT_OK;
}

/* sendmail -t -i: the recipients come from the headers; a lone "." line
 * does not end the message. The relay does the rest. */
static int deliver_sendmail(const sp_digest_msg *m)
{
    const char *cmd = getenv("SAFEPLAN_SENDMAIL");
    char line[4200];
    if (cmd && strlen(cmd) > 4000)
        return cli_error("$SAFEPLAN_SENDMAIL is too long");
    snprintf(line, sizeof line, "%.4000s -t -i", cmd && *cmd ? cmd : "sendmail");
    fflush(NULL);
    FILE *p = popen(line, "w");
    if (!p)
        return cli_error("cannot run '%s': %s", line, strerror(errno));
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    bool ok = fputs(m->message, p) >= 0;
    int status = pclose(p);
    signal(SIGPIPE, old);
    int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (!ok || code != 0)
        return cli_error("'%s' failed for %s (exit %d): the message was not handed over",
                         line, m->email, code);
    return EXIT_OK;
}

static int deliver(cli_ctx *ctx, const digest_args *a, const sp_digest *d,
                   const sp_digest_msg *m, unsigned *seq)
{
    int rc = EXIT_OK;
    if (a->to == TO_MBOX) {
        write_mbox(stdout, d, m);
        rc = fflush(stdout) == 0 ? EXIT_OK : cli_error("cannot write: %s", strerror(errno));
    } else if (a->to == TO_MAILDIR) {
        rc = deliver_maildir(a->maildir, m, (*seq)++);
    } else {
        rc = deliver_sendmail(m);
    }
    /* Logged once handed over; a preview is not a delivery. */
    if (rc == EXIT_OK && !a->preview &&
        sp_digest_log_sent(ctx->db, d, m, dest_names[a->to], a->o.force) != SP_OK)
        rc = cli_fail(ctx);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

static int parse_days(cli_ctx *ctx, const char *text, int *out)
{
    if (!cli_parse_days(text, out))
        return cli_misuse(ctx, "--days '%s' is not a number of days from 0 to 3650 "
                          "(e.g. 7, 7d, 2w or 1m)", text);
    return EXIT_OK;
}

static int parse_digest(cli_ctx *ctx, int argc, char **argv, digest_args *a)
{
    static const struct option opts[] = {
        {"as-of", required_argument, 0, 'a'},  {"days", required_argument, 0, 'd'},
        {"owner", required_argument, 0, 'o'},  {"maildir", required_argument, 0, 'm'},
        {"sendmail", no_argument, 0, 's'},     {"force", no_argument, 0, 'f'},
        {"preview", no_argument, 0, 'p'},      {"log", no_argument, 0, 'l'},
        {"format", required_argument, 0, 'F'}, {"set-from", required_argument, 0, 'S'},
        {"set-list-id", required_argument, 0, 'L'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c, rc = EXIT_OK, dests = 0;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'a':
            if (sp_date_parse(a->as_of, optarg) != SP_OK)
                return cli_misuse(ctx, "--as-of '%s' is not a valid date: expected YYYY-MM-DD "
                                  "or DD/MM/YYYY", optarg);
            a->o.as_of = a->as_of;
            break;
        case 'd': rc = parse_days(ctx, optarg, &a->o.days); break;
        case 'o': a->o.owner = optarg; break;
        case 'm': a->to = TO_MAILDIR, a->maildir = optarg, dests++; break;
        case 's': a->to = TO_SENDMAIL, dests++; break;
        case 'f': a->o.force = 1; break;
        case 'p': a->preview = true; break;
        case 'l': a->log = true; break;
        case 'F': rc = cli_format_parse(ctx, optarg, &a->format) ? EXIT_OK : EXIT_MISUSE; break;
        case 'S': a->set_from = optarg; break;
        case 'L': a->set_list_id = optarg; break;
        default: return cli_stop(c);
        }
        if (rc != EXIT_OK)
            return rc;
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (dests > 1)
        return cli_misuse(ctx, "give one of --maildir DIR and --sendmail (default: mbox on "
                          "standard output)");
    /* The log lists what was sent: an option of sending would be ignored. */
    if (a->log && (a->o.as_of || a->o.days != -1 || a->o.owner || dests || a->o.force || a->preview))
        return cli_misuse(ctx, "--log lists the digests already sent, and takes only "
                          "--format: leave out the options of sending");
    if (a->preview && a->to != TO_MBOX)
        return cli_misuse(ctx, "--preview writes mbox to standard output: it cannot go with "
                          "--maildir or --sendmail");
    if (a->maildir && !*a->maildir)
        return cli_misuse(ctx, "--maildir needs a directory");
    return -1;
}

static int set_mail(cli_ctx *ctx, const digest_args *a)
{
    if (a->set_from && sp_mail_set(ctx->db, "digest.from", a->set_from) != SP_OK)
        return cli_fail(ctx);
    if (a->set_list_id && sp_mail_set(ctx->db, "digest.list_id", a->set_list_id) != SP_OK)
        return cli_fail(ctx);
    if (a->set_from)
        printf("digest.from = %s\n", a->set_from);
    if (a->set_list_id)
        printf("digest.list_id = %s\n", a->set_list_id);
    return EXIT_OK;
}

static int show_log(cli_ctx *ctx, const digest_args *a)
{
    static const char *const cols[] = {"sent_on", "as_of", "owner", "address", "items",
                                       "delivery", "forced", NULL};
    sp_cursor *c;
    if (sp_digest_log(&c, ctx->db, a->o.owner) != SP_OK)
        return cli_fail(ctx);
    return cli_print_cols(ctx, c, a->format, NULL, 0, cols);
}

/* The delivery of the digests, one owner's at a time, as they are built. */
typedef struct delivery {
    cli_ctx *ctx;
    const digest_args *a;
    unsigned seq, sent, already;
    int rc;              /* EXIT_RUNTIME once a delivery failed (and said why) */
} delivery;

/* An owner with something to hear about but no address is named on
 * stderr; a failed delivery stops the run. */
static int deliver_one(void *arg, const sp_digest *d, const sp_digest_msg *m)
{
    delivery *v = arg;
    if (m->already_sent)
        v->already++;
    else if (!m->email)
        fprintf(stderr, "safeplan: no email for owner '%s' (%d action%s to hear about): "
                "not sent\n", m->owner, m->items, m->items == 1 ? "" : "s");
    else if ((v->rc = deliver(v->ctx, v->a, d, m, &v->seq)) == EXIT_OK)
        v->sent++;
    return v->rc == EXIT_OK ? SP_OK : SP_ERROR;
}

static int run_digest(cli_ctx *ctx, int argc, char **argv)
{
    digest_args a = {.o = {.days = -1}, .format = FORMAT_TABLE};
    int rc = parse_digest(ctx, argc, argv, &a);
    if (rc >= 0)
        return rc;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (a.set_from || a.set_list_id)
        return set_mail(ctx, &a);
    if (a.log)
        return show_log(ctx, &a);
    sp_digest d;
    a.o.now = (int64_t)time(NULL);
    if (a.preview)
        a.o.force = 1; /* a preview shows every digest, sent or not */
    delivery v = {ctx, &a, 0, 0, 0, EXIT_OK};
    if (sp_digest_build(&d, ctx->db, &a.o, deliver_one, &v) != SP_OK) {
        sp_digest_free(&d);
        return v.rc == EXIT_OK ? cli_fail(ctx) : v.rc;
    }
    if (a.to != TO_MBOX || v.already)
        fprintf(a.to == TO_MBOX ? stderr : stdout, "%u digest%s %s for %s%s\n", v.sent,
                v.sent == 1 ? "" : "s", a.to == TO_MBOX ? "written" : "delivered", d.as_of,
                v.already ? " (owners already sent this day's digest left out: --force "
                            "resends)" : "");
    sp_digest_free(&d);
    return EXIT_OK;
}

const cli_command cmd_digest = {
    "digest", run_digest, "e-mail each owner what is overdue, due soon or stale",
    "Usage: safeplan digest [--as-of DATE] [--days DAYS] [--owner OWNER]\n"
    "                       [--maildir DIR | --sendmail] [--force | --preview]\n"
    "       safeplan digest --log [--owner OWNER] [--format table|csv|json]\n"
    "       safeplan digest --set-from ADDRESS [--set-list-id ID]\n"
    "\n"
    "Writes one message per owner with an open action that is overdue, due\n"
    "within N days (default 14) or has had no progress for rag.stale_days: what,\n"
    "how late, its RAG reason, and how to update it. Each is a MIME message\n"
    "(plain text and HTML, UTF-8) with Auto-Submitted: auto-generated and a\n"
    "List-ID, from the address set with --set-from (required once).\n"
    "\n"
    "  --as-of DATE       the day the plan is judged on (default: today)\n"
    "  --days DAYS        \"due soon\" means within DAYS (14, 14d, 2w or 1m;\n"
    "                     default 14 days)\n"
    "  --owner OWNER      only this owner (name or id)\n"
    "  (default)          the messages as an mbox on standard output\n"
    "  --maildir DIR      deliver each into the maildir DIR (created if need be)\n"
    "  --sendmail         hand each to 'sendmail -t -i' (or $SAFEPLAN_SENDMAIL);\n"
    "                     the council's mail relay does the rest\n"
    "  --force            also owners already sent this day's digest\n"
    "  --preview          mbox on standard output, every owner, nothing logged\n"
    "  --log              list the digests sent (the sent log)\n"
    "  --set-from ADDRESS the From address, e.g. \"Plan <plan@council.gov.uk>\"\n"
    "  --set-list-id ID   the List-ID (default: reminders.safeplan.DOMAIN)\n"
    "\n"
    "Every delivery is logged, so a daily cron job sends each owner a day's\n"
    "digest once. Owners with something due but no email (owner add --email)\n"
    "are named on standard error and skipped.\n",
};
