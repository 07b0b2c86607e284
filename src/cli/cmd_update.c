/* safeplan action update | history | reassign | transfer, and the progress
 * part of action show (cli_print_progress). */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* The author of an update: --by, else $SAFEPLAN_USER, else the login name. */
static const char *author_of(const char *by)
{
    const char *env = getenv("SAFEPLAN_USER");
    if (by)
        return by;
    if (env && *env)
        return env;
    const char *login = getlogin();
    if (login && *login)
        return login;
    const struct passwd *pw = getpwuid(geteuid());
    return pw && pw->pw_name && *pw->pw_name ? pw->pw_name : NULL;
}

/* The current row's cell in the column called `name` (NULL if empty). */
static const char *cell(sp_cursor *c, const char *name)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (strcmp(sp_cursor_name(c, i), name) == 0)
            return sp_cursor_text(c, i);
    return NULL;
}

/* "    label: text", with the text's own line breaks indented under it. */
static void print_text(const char *label, const char *text)
{
    if (!text)
        return;
    printf("    %s: ", label);
    cli_put_visible(stdout, text, "      ");
    fputc('\n', stdout);
}

static void print_change(const char *label, const char *old, const char *new_value)
{
    if (!new_value)
        return;
    printf("    %s: ", label);
    cli_put_visible(stdout, old ? old : "(none)", NULL);
    fputs(" \u2192 ", stdout);
    cli_put_visible(stdout, new_value, NULL);
    fputc('\n', stdout);
}

/* A revised due date's words, unless they are the date itself. */
static void print_written(const char *written, const char *due)
{
    if (written && (!due || strcmp(written, due) != 0))
        print_text("as written", written);
}

/* One history entry: when and who, each change as old -> new, then the words. */
static void print_entry(sp_cursor *c)
{
    printf("  %s  ", cell(c, "on_date"));
    cli_put_visible(stdout, cell(c, "author"), NULL);
    printf("  (#%s, recorded %s)\n", cell(c, "id"), cell(c, "recorded_at"));
    print_change("status", cell(c, "old_status"), cell(c, "new_status"));
    print_change("due date", cell(c, "old_due_on"), cell(c, "new_due_on"));
    print_written(cell(c, "new_due_as_written"), cell(c, "new_due_on"));
    print_change("owner", cell(c, "old_owner"), cell(c, "new_owner"));
    print_text("transferred to", cell(c, "transferred_to"));
    print_change("RAG override", cell(c, "old_rag_override"), cell(c, "new_rag_override"));
    if (cell(c, "percent"))
        printf("    complete: %s%%\n", cell(c, "percent"));
    print_text("reason", cell(c, "reason"));
    print_text("note", cell(c, "note"));
    print_text("evidence", cell(c, "evidence"));
    print_text("no impact evidence, because", cell(c, "no_evidence_reason"));
}

/* Prints the history entries (all, or only the one with id `only`). */
static int print_history(cli_ctx *ctx, int64_t action_id, int64_t only)
{
    sp_cursor *c;
    int rc, n = 0;
    if (sp_action_history(&c, ctx->db, action_id) != SP_OK)
        return cli_fail(ctx);
    while ((rc = sp_cursor_step(c)) == SP_ROW) {
        if (only && sp_cursor_int(c, 0) != only)
            continue;
        print_entry(c);
        n++;
    }
    sp_cursor_free(c);
    if (rc != SP_DONE)
        return cli_fail(ctx);
    if (n == 0 && !only)
        puts("  (no updates yet)");
    return EXIT_OK;
}

/* A claim of completion waits for a second person to verify it: the
 * slippage committees miss, so its age is shown. */
static int print_claim(cli_ctx *ctx, int64_t action_id, const char *as_of)
{
    char *by = NULL, on[SP_DATE_SIZE];
    int rc = sp_action_claim(&by, on, ctx->db, action_id);
    if (rc == SP_ENOTFOUND)
        return EXIT_OK; /* complete without a claim on record (an old import) */
    if (rc != SP_OK)
        return cli_fail(ctx);
    int days = sp_date_diff(on, as_of);
    fputs("Awaiting verification: claimed complete by ", stdout);
    cli_put_visible(stdout, by, NULL);
    printf(" on %s, %d day%s ago; a second person signs it off or returns it\n", on, days,
           days == 1 ? "" : "s");
    sp_free(by);
    return EXIT_OK;
}

/* The due date and status as they stood on as_of (the plan_at row), so
 * that a past day is described as it was, not with today's revision. */
static int state_on(cli_ctx *ctx, sp_cursor **at, int64_t action_id, const char *as_of)
{
    *at = NULL;
    if (!as_of)
        return EXIT_OK;
    if (sp_action_at(at, ctx->db, action_id, as_of) != SP_OK)
        return cli_fail(ctx);
    if (sp_cursor_step(*at) != SP_ROW) {
        sp_cursor_free(*at);
        *at = NULL;
    }
    return EXIT_OK;
}

/* The words of the revision that gave the due date in force on as_of
 * (NULL: now), as plan_at finds that revision: the last recorded that was
 * dated by then and set a due date. *out (to free) is NULL if it had none,
 * or they are the date `due` itself. */
static int revised_words(char **out, cli_ctx *ctx, int64_t action_id, const char *as_of,
                         const char *due)
{
    sp_cursor *h;
    int rc;
    *out = NULL;
    if (!due)
        return EXIT_OK;
    if (sp_action_history(&h, ctx->db, action_id) != SP_OK)
        return cli_fail(ctx);
    while ((rc = sp_cursor_step(h)) == SP_ROW) {
        const char *on = cell(h, "on_date"), *words = cell(h, "new_due_as_written");
        if (!cell(h, "new_due_on") || (as_of && strcmp(on, as_of) > 0))
            continue;
        free(*out);
        *out = words && strcmp(words, due) != 0 ? strdup(words) : NULL;
    }
    sp_cursor_free(h);
    return rc == SP_DONE ? EXIT_OK : cli_fail(ctx);
}

static void print_written_timescale(const char *written, const char *revised)
{
    if (!written && !revised)
        return;
    fputs("Timescale as written: ", stdout);
    cli_put_visible(stdout, written ? written : "(none)", NULL);
    if (revised) {
        fputs("; revised: ", stdout);
        cli_put_visible(stdout, revised, NULL);
    }
    fputc('\n', stdout);
}

/* "Due D", and when it was revised, the original and the slippage. */
static int print_timescale(cli_ctx *ctx, int64_t action_id, const char *as_of)
{
    sp_cursor *c, *at;
    if (state_on(ctx, &at, action_id, as_of) != EXIT_OK)
        return EXIT_RUNTIME;
    if (sp_action_get(&c, ctx->db, action_id) != SP_OK) {
        sp_cursor_free(at);
        return cli_fail(ctx);
    }
    int rc = sp_cursor_step(c);
    if (rc == SP_ROW) {
        const char *due = cell(at ? at : c, "due_on"), *original = cell(c, "original_due_on");
        const char *written = cell(c, "timescale"), *cadence = cell(c, "cadence");
        const char *quality = cell(c, "data_quality");
        char *revised;
        if (revised_words(&revised, ctx, action_id, as_of, due) != EXIT_OK) {
            sp_cursor_free(c);
            sp_cursor_free(at);
            return EXIT_RUNTIME;
        }
        print_written_timescale(written, revised);
        free(revised);
        if (cadence)
            printf("Recurring: reports every %s; next report due %s (grace included)\n",
                   cadence, due ? due : "?");
        else if (!due)
            puts("Open-ended: no due date");
        else if (due && original && strcmp(due, original) != 0) {
            int slip = sp_date_diff(original, due);
            printf("Due %s, originally %s (%s %d day%s)\n", due, original,
                   slip > 0 ? "slipped" : "brought forward", abs(slip),
                   abs(slip) == 1 ? "" : "s");
        } else if (due) {
            printf("Due %s (the original due date)\n", due);
        }
        if (quality)
            printf("Data quality: %s\n", quality);
    }
    const char *status = rc == SP_ROW ? cell(at ? at : c, "status") : NULL;
    bool claimed = status && strcmp(status, "complete") == 0;
    sp_cursor_free(c);
    sp_cursor_free(at);
    if (rc != SP_ROW)
        return cli_fail(ctx);
    return claimed && as_of ? print_claim(ctx, action_id, as_of) : EXIT_OK;
}

/* The optional step after sign-off: the latest record that the change
 * lasted, if any. */
static int print_embedded(cli_ctx *ctx, int64_t action_id)
{
    sp_cursor *c;
    if (sp_action_embedded(&c, ctx->db, action_id) != SP_OK)
        return cli_fail(ctx);
    int rc = sp_cursor_step(c);
    if (rc == SP_ROW) {
        printf("Embedded: on %s, recorded by ", sp_cursor_text(c, 0));
        cli_put_visible(stdout, sp_cursor_text(c, 1), NULL);
        fputs("; evidence: ", stdout);
        cli_put_visible(stdout, sp_cursor_text(c, 2), NULL);
        fputc('\n', stdout);
    }
    sp_cursor_free(c);
    return rc < 0 ? cli_fail(ctx) : EXIT_OK;
}

int cli_print_progress(cli_ctx *ctx, int64_t action_id, const char *as_of)
{
    const char *rag;
    char *reason = NULL, today[SP_DATE_SIZE];
    int rc = sp_action_rag(&rag, &reason, ctx->db, action_id, as_of);
    sp_today(ctx->db, today);
    if (rc == SP_ENOTFOUND) /* a day before the action was added */
        printf("\nRAG as of %s: not rated: %s\n", as_of, sp_errmsg(ctx->db));
    if (rc == SP_ENOTFOUND)
        return EXIT_OK;
    if (rc != SP_OK)
        return cli_fail(ctx);
    printf("\nRAG as of %s: ", as_of ? as_of : today);
    cli_put_visible(stdout, reason, NULL); /* an override's reason is free text */
    fputc('\n', stdout);
    sp_free(reason);
    rc = print_timescale(ctx, action_id, as_of ? as_of : today);
    if (rc == EXIT_OK)
        rc = print_embedded(ctx, action_id);
    if (rc != EXIT_OK)
        return rc;
    puts("\nHistory:");
    return print_history(ctx, action_id, 0);
}

/* ------------------------------------------------------------------ */
/* action update                                                       */

static int update_option(sp_update *in, int c, const char *arg)
{
    switch (c) {
    case 's': in->status = arg; break;
    case 'n': in->note = arg; break;
    case 'e': in->evidence = arg; break;
    case 'E': in->no_evidence_reason = arg; break;
    case 'p': in->percent = arg; break;
    case 'd': in->due = arg; break;
    case 'r': in->reason = arg; break;
    case 't': in->transfer_to = arg; break;
    case 'g': in->rag = arg; break;
    case 'b': in->author = arg; break;
    case 'o': in->on = arg; break;
    case 'P': in->past = 1; break;
    default: return cli_stop(c);
    }
    return -1;
}

static int run_action_update(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"status", required_argument, 0, 's'}, {"note", required_argument, 0, 'n'},
        {"evidence", required_argument, 0, 'e'}, {"no-evidence", required_argument, 0, 'E'},
        {"percent", required_argument, 0, 'p'}, {"due", required_argument, 0, 'd'},
        {"reason", required_argument, 0, 'r'}, {"to", required_argument, 0, 't'},
        {"rag", required_argument, 0, 'g'}, {"by", required_argument, 0, 'b'},
        {"on", required_argument, 0, 'o'}, {"past", no_argument, 0, 'P'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_update in = {0};
    char due[SP_DATE_SIZE];
    int64_t id = 0, update_id = 0;
    int c, rc;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1)
        if ((rc = update_option(&in, c, optarg)) >= 0)
            return rc;
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!in.status && !in.note && !in.evidence && !in.percent && !in.due && !in.rag)
        return cli_misuse(ctx, "nothing to record: give at least one of --status, --note, "
                          "--evidence, --percent, --due or --rag");
    in.author = author_of(in.author);
    if (!in.author)
        return cli_error("cannot tell who is reporting: give --by NAME or set SAFEPLAN_USER");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_resolve(&id, ctx->db, "action", argv[optind]) != SP_OK ||
        sp_action_update(&update_id, due, ctx->db, id, &in) != SP_OK)
        return cli_fail(ctx);
    char *path = NULL;
    sp_ref_path(&path, ctx->db, "action", id);
    printf("updated action %lld (%s):\n", (long long)id, path ? path : argv[optind]);
    sp_free(path);
    rc = print_history(ctx, id, update_id);
    if (rc == EXIT_OK && due[0])
        rc = print_timescale(ctx, id, NULL); /* NULL: no claim line */
    return rc;
}

const cli_command cmd_action_update = {
    "action update", run_action_update, "record progress on an action",
    "Usage: safeplan action update ACTION [--status STATUS] [--note TEXT]\n"
    "           [--evidence TEXT | --no-evidence REASON] [--percent N]\n"
    "           [--due WHEN --reason TEXT] [--to DESTINATION] [--rag RAG]\n"
    "           [--reason TEXT] [--by NAME] [--on DATE] [--past]\n"
    "\n"
    "Appends one dated update to the action's history and applies the change\n"
    "it carries, all or nothing. History is never edited: to correct an\n"
    "update, add another. ACTION is an id or AUTHORITY/REVIEW/FINDING/ACTION.\n"
    "\n"
    "  --status STATUS     the new status (any case; spaces, hyphens or\n"
    "                      underscores: \"In progress\", in-progress). Allowed:\n"
    "                        not_started -> in_progress -> complete -> signed_off\n"
    "                        complete -> in_progress (reopen; needs --reason)\n"
    "                        not_started or in_progress -> transferred (needs\n"
    "                        --to) or withdrawn (needs --reason)\n"
    "                      Completing needs --note; signing off needs --evidence\n"
    "                      or --no-evidence REASON\n"
    "  --note TEXT         what was done or happened\n"
    "  --evidence TEXT     evidence of impact: what changed for children and\n"
    "                      families\n"
    "  --no-evidence REASON  sign off without impact evidence, saying why\n"
    "  --percent N         per cent complete, 0-100\n"
    "  --due WHEN          a revised due date, as for 'action add'; a timescale\n"
    "                      (\"3 months\") counts from the date of the update\n"
    "                      (--on, else today), not from the start date;\n"
    "                      needs --reason. The original due date is kept, and\n"
    "                      the history keeps WHEN as written beside the date\n"
    "  --past              accept a revised due date already past on the date\n"
    "                      of the update (refused without it, as a likely typo)\n"
    "  --to DESTINATION    where a transferred action went, e.g.\n"
    "                      \"Children's Services service plan 2017/18\"\n"
    "  --rag RAG           a manual RAG override (red, amber, green, blue,\n"
    "                      grey), or none to clear it; needs --reason\n"
    "  --reason TEXT       why: for --due, --rag, withdrawing or reopening\n"
    "  --by NAME           the author (default: $SAFEPLAN_USER, else your login),\n"
    "                      one line of text. Whoever claimed the action complete\n"
    "                      cannot sign it off, however the name is spelt (case,\n"
    "                      white space and invisible characters aside)\n"
    "  --on DATE           the date the update is for (default today); not\n"
    "                      before the action's start date, not in the future.\n"
    "                      A status change may not be dated before the latest\n"
    "                      one recorded (a sign-off before the claim); the same\n"
    "                      day is fine, and a note alone may be dated earlier\n"
    "\n"
    "Prints the entry added, and the resolved due date if it was revised.\n",
};

/* ------------------------------------------------------------------ */
/* action history                                                      */

static const char *const history_table[] = {"id", "on_date", "author", "old_status",
                                            "new_status", "new_due_on", "percent", "note",
                                            NULL};

static int run_action_history(cli_ctx *ctx, int argc, char **argv)
{
    cli_format format;
    const char *ref;
    sp_cursor *cur;
    int64_t id;
    int rc = cli_parse_list(ctx, argc, argv, &format, &ref);
    if (rc >= 0)
        return rc;
    if (!ref)
        return cli_misuse(ctx, "missing argument ACTION");
    if (sp_resolve(&id, ctx->db, "action", ref) != SP_OK ||
        sp_action_history(&cur, ctx->db, id) != SP_OK)
        return cli_fail(ctx);
    rc = cli_print_cols(ctx, cur, format, NULL, 0, history_table);
    /* issue 12: the table adds the corrections (title, dates, voids ...). */
    return rc == EXIT_OK && format == FORMAT_TABLE ? cli_print_corrections(ctx, "action", ref)
                                                   : rc;
}

const cli_command cmd_action_history = {
    "action history", run_action_history, "list an action's progress updates",
    "Usage: safeplan action history ACTION [--format table|csv|json]\n"
    "\n"
    "Lists the action's updates, oldest first. Columns (CSV and JSON carry\n"
    "them all; the table shows the first eight named): id, on_date,\n"
    "recorded_at, author, old_status, new_status, old_due_on, new_due_on,\n"
    "old_owner, new_owner, transferred_to, old_rag_override, new_rag_override,\n"
    "percent, note, evidence, no_evidence_reason, reason, new_due_as_written\n"
    "(a revised due date as written: \"TBC - June 2026\").\n"
    "The table then lists the action's corrections and voids under\n"
    "\"Corrections:\"; CSV and JSON hold one kind of row, the updates, so\n"
    "they leave the corrections out (all of them are in 'safeplan export\n"
    "--history').\n",
};

/* ------------------------------------------------------------------ */
/* action reassign                                                     */

static int run_action_reassign(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 't'},
        {"authority", required_argument, 0, 'a'}, {"review", required_argument, 0, 'r'},
        {"finding", required_argument, 0, 'i'}, {"reason", required_argument, 0, 'R'},
        {"by", required_argument, 0, 'b'}, {"on", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_reassign in = {0};
    int c, moved = 0;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'f': in.from = optarg; break;
        case 't': in.to = optarg; break;
        case 'a': in.authority = optarg; break;
        case 'r': in.review = optarg; break;
        case 'i': in.finding = optarg; break;
        case 'R': in.reason = optarg; break;
        case 'b': in.author = optarg; break;
        case 'o': in.on = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!in.from || !in.to)
        return cli_misuse(ctx, "missing %s", !in.from ? "--from" : "--to");
    if (!(in.author = author_of(in.author)))
        return cli_error("cannot tell who is reporting: give --by NAME or set SAFEPLAN_USER");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_action_reassign(&moved, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    printf("reassigned %d open action%s from ", moved, moved == 1 ? "" : "s");
    cli_put_visible(stdout, in.from, NULL);
    fputs(" to ", stdout);
    cli_put_visible(stdout, in.to, NULL);
    fputc('\n', stdout);
    return EXIT_OK;
}

const cli_command cmd_action_reassign = {
    "action reassign", run_action_reassign, "move an owner's open actions to another owner",
    "Usage: safeplan action reassign --from OWNER --to OWNER [--authority A]\n"
    "           [--review R] [--finding F] [--reason TEXT] [--by NAME] [--on DATE]\n"
    "\n"
    "Moves every open (not started or in progress) action of one owner to\n"
    "another, all or none, and logs \"reassigned from ... to ...\" in each\n"
    "action's history. Prints how many moved (0 is not an error).\n"
    "\n"
    "  --from OWNER     the current owner, by name or id (required)\n"
    "  --to OWNER       the new owner; created if new (required)\n"
    "  --authority A    only actions of this authority\n"
    "  --review R       only actions of this review (AUTHORITY/REVIEW)\n"
    "  --finding F      only actions of this finding\n"
    "  --reason TEXT    why, kept in each entry\n"
    "  --by NAME        the author (default: $SAFEPLAN_USER, else your login)\n"
    "  --on DATE        the date of the change (default today; not in the future)\n",
};

/* ------------------------------------------------------------------ */
/* action transfer                                                     */

static int run_action_transfer(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"to", required_argument, 0, 't'}, {"authority", required_argument, 0, 'a'},
        {"review", required_argument, 0, 'r'}, {"finding", required_argument, 0, 'i'},
        {"owner", required_argument, 0, 'O'}, {"reason", required_argument, 0, 'R'},
        {"by", required_argument, 0, 'b'}, {"on", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sp_transfer in = {0};
    int c, moved = 0;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 't': in.to = optarg; break;
        case 'a': in.authority = optarg; break;
        case 'r': in.review = optarg; break;
        case 'i': in.finding = optarg; break;
        case 'O': in.owner = optarg; break;
        case 'R': in.reason = optarg; break;
        case 'b': in.author = optarg; break;
        case 'o': in.on = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!in.to)
        return cli_misuse(ctx, "missing --to");
    if (!in.authority && !in.review && !in.finding)
        return cli_misuse(ctx, "give the scope: --authority, --review or --finding");
    if (!(in.author = author_of(in.author)))
        return cli_error("cannot tell who is reporting: give --by NAME or set SAFEPLAN_USER");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_action_transfer(&moved, ctx->db, &in) != SP_OK)
        return cli_fail(ctx);
    printf("transferred %d open action%s to ", moved, moved == 1 ? "" : "s");
    cli_put_visible(stdout, in.to, NULL);
    fputc('\n', stdout);
    return EXIT_OK;
}

const cli_command cmd_action_transfer = {
    "action transfer", run_action_transfer, "transfer open actions elsewhere (year end)",
    "Usage: safeplan action transfer --to DESTINATION (--authority A | --review R |\n"
    "           --finding F) [--owner OWNER] [--reason TEXT] [--by NAME] [--on DATE]\n"
    "\n"
    "Transfers every open (not started or in progress) action in scope to\n"
    "DESTINATION, all or none: at year end, outstanding work moves into a\n"
    "service plan. Each action keeps where it went, is rated grey, and logs\n"
    "\"transferred to DESTINATION\" in its history. Prints how many moved.\n"
    "\n"
    "  --to DESTINATION  e.g. \"Children's Services service plan 2017/18\" (required)\n"
    "  --authority A     the actions of this authority\n"
    "  --review R        the actions of this review (AUTHORITY/REVIEW)\n"
    "  --finding F       the actions of this finding\n"
    "                    (at least one of these three is required; together\n"
    "                    they narrow the scope)\n"
    "  --owner OWNER     only this owner's actions\n"
    "  --reason TEXT     why, kept in each entry\n"
    "  --by NAME         the author (default: $SAFEPLAN_USER, else your login)\n"
    "  --on DATE         the date of the transfer (default today; not in the future)\n",
};

/* --- closure: action embed (issue #14) ----------------------------- */

static int run_action_embed(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"evidence", required_argument, 0, 'e'}, {"by", required_argument, 0, 'b'},
        {"on", required_argument, 0, 'o'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *evidence = NULL, *by = NULL, *on = NULL;
    int64_t id = 0;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'e')
            evidence = optarg;
        else if (c == 'b')
            by = optarg;
        else if (c == 'o')
            on = optarg;
        else
            return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!evidence)
        return cli_misuse(ctx, "missing --evidence: what shows the change has lasted");
    if (!(by = author_of(by)))
        return cli_error("cannot tell who is reporting: give --by NAME or set SAFEPLAN_USER");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_resolve(&id, ctx->db, "action", argv[optind]) != SP_OK ||
        sp_action_embed(ctx->db, id, on, by, evidence) != SP_OK)
        return cli_fail(ctx);
    printf("action %s recorded embedded\n", argv[optind]);
    return print_embedded(ctx, id);
}

const cli_command cmd_action_embed = {
    "action embed", run_action_embed, "record that a signed-off action's change lasted",
    "Usage: safeplan action embed ACTION --evidence TEXT [--by NAME] [--on DATE]\n"
    "\n"
    "The optional step after sign-off, when the plan turns it on\n"
    "(safeplan config set closure.embedded on): records, in the chained\n"
    "history, evidence that the change has lasted. The action stays\n"
    "signed_off; 'action show' prints the record.\n"
    "\n"
    "  --evidence TEXT  what shows the change has lasted (required)\n"
    "  --by NAME        the author (default: $SAFEPLAN_USER, else your login),\n"
    "                   one line of text\n"
    "  --on DATE        the date of the evidence (default today): not in the\n"
    "                   future, not before the action was signed off\n",
};
/* --- end closure: action embed ------------------------------------- */
