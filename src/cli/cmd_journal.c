/* issue 12: safeplan action|finding|review|authority|owner edit,
 * action|finding|review void, log and undo. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_FIELDS 8

static const char *const action_fields[] = {"title", "start", "measure", "owner", "ref",
                                            "finding", NULL};
static const char *const finding_fields[] = {"ref", "kind", "theme", "text", NULL};
static const char *const review_fields[] = {"ref", "kind", "title", "started", "ended",
                                            "reported", "judgement", NULL};
static const char *const authority_fields[] = {"code", "name", "kind", NULL};
static const char *const owner_fields[] = {"name", "team", "email", NULL};

static const char *const corrections_table[] = {"recorded_at", "author", "field", "old",
                                                "new", "reason", NULL};

/* The object's corrections as a table under a heading, if it has any. */
int cli_print_corrections(cli_ctx *ctx, const char *kind, const char *ref)
{
    sp_cursor *cur;
    if (sp_journal_history(&cur, ctx->db, kind, ref) != SP_OK)
        return cli_fail(ctx);
    if (sp_cursor_step(cur) != SP_ROW) {
        sp_cursor_free(cur);
        return EXIT_OK;
    }
    sp_cursor_free(cur);
    puts("\nCorrections:");
    if (sp_journal_history(&cur, ctx->db, kind, ref) != SP_OK)
        return cli_fail(ctx);
    return cli_print_cols(ctx, cur, FORMAT_TABLE, NULL, 0, corrections_table);
}

static int run_edit(cli_ctx *ctx, int argc, char **argv, const char *kind,
                    const char *const *fields)
{
    struct option opts[MAX_FIELDS + 4] = {{0}};
    int n = 0;
    for (; fields[n]; n++)
        opts[n] = (struct option){fields[n], required_argument, 0, 1 + n};
    opts[n] = (struct option){"reason", required_argument, 0, 'r'};
    opts[n + 1] = (struct option){"by", required_argument, 0, 'b'};
    opts[n + 2] = (struct option){"help", no_argument, 0, 'h'};
    sp_edit_field edits[MAX_FIELDS];
    size_t nedit = 0;
    const char *reason = NULL, *by = NULL;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c >= 1 && c <= n)
            edits[nedit++] = (sp_edit_field){fields[c - 1], optarg};
        else if (c == 'r')
            reason = optarg;
        else if (c == 'b')
            by = optarg;
        else
            return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (nedit == 0)
        return cli_misuse(ctx, "nothing to change: give at least one of the fields (see --help)");
    if (!reason)
        return cli_misuse(ctx, "missing --reason: say why the correction is made");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    int changed = 0;
    const char *ref = argv[optind];
    if (sp_edit(&changed, ctx->db, kind, ref, edits, nedit, reason, by ? by : cli_user()) != SP_OK)
        return cli_fail(ctx);
    int64_t id;
    char *path = NULL;
    if (sp_resolve(&id, ctx->db, kind, ref) == SP_OK)
        sp_ref_path(&path, ctx->db, kind, id);
    if (changed)
        printf("corrected %s %s: %d field%s changed\n", kind, path ? path : ref, changed,
               changed == 1 ? "" : "s");
    else
        printf("%s %s: nothing changed (the values given are the ones it has)\n", kind,
               path ? path : ref);
    sp_free(path);
    return EXIT_OK;
}

static int run_void(cli_ctx *ctx, int argc, char **argv, const char *kind)
{
    static const struct option opts[] = {
        {"reason", required_argument, 0, 'r'}, {"by", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *reason = NULL, *by = NULL;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'r')
            reason = optarg;
        else if (c == 'b')
            by = optarg;
        else
            return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (!reason)
        return cli_misuse(ctx, "missing --reason: say why it is voided");
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_void(ctx->db, kind, argv[optind], reason, by ? by : cli_user()) != SP_OK)
        return cli_fail(ctx);
    printf("voided %s %s: kept with its history, left out of every report\n", kind,
           argv[optind]);
    return EXIT_OK;
}

#define EDIT_COMMAND(NAME, KIND, FIELDS)                                   \
    static int run_##NAME##_edit(cli_ctx *ctx, int argc, char **argv)      \
    {                                                                      \
        return run_edit(ctx, argc, argv, KIND, FIELDS);                    \
    }
EDIT_COMMAND(action, "action", action_fields)
EDIT_COMMAND(finding, "finding", finding_fields)
EDIT_COMMAND(review, "review", review_fields)
EDIT_COMMAND(authority, "authority", authority_fields)
EDIT_COMMAND(owner, "owner", owner_fields)

#define VOID_COMMAND(NAME, KIND)                                           \
    static int run_##NAME##_void(cli_ctx *ctx, int argc, char **argv)      \
    {                                                                      \
        return run_void(ctx, argc, argv, KIND);                            \
    }
VOID_COMMAND(action, "action")
VOID_COMMAND(finding, "finding")
VOID_COMMAND(review, "review")

#define EDIT_TAIL                                                                  \
    "  --reason TEXT     required: why the correction is made\n"                  \
    "  --by NAME         who makes it (default: $SAFEPLAN_USER, else your login)\n" \
    "\n"                                                                           \
    "Each field that changes is one dated entry in the history (old -> new,\n"    \
    "who, why, when); nothing is rewritten. A field given its present value\n"    \
    "records nothing. 'safeplan undo' reverses the correction.\n"

const cli_command cmd_action_edit = {
    "action edit", run_action_edit, "correct an action, keeping the history",
    "Usage: safeplan action edit ACTION [--title TEXT] [--start DATE] [--measure TEXT]\n"
    "           [--owner NAME] [--ref REF] [--finding FINDING] --reason TEXT [--by NAME]\n"
    "\n"
    "  --title TEXT      what will be done\n"
    "  --start DATE      the start date (empty: none)\n"
    "  --measure TEXT    how success is measured (empty: none)\n"
    "  --owner NAME      move the action to another owner (created if new);\n"
    "                    recorded in the progress history, as a reassign is\n"
    "  --ref REF         the action's reference within its finding\n"
    "  --finding FINDING move the action to another finding\n"
    "                    (AUTHORITY/REVIEW/FINDING or an id)\n" EDIT_TAIL
    "The original due date never changes; revise the due date with\n"
    "'action update --due WHEN --reason TEXT'.\n",
};

const cli_command cmd_finding_edit = {
    "finding edit", run_finding_edit, "correct a finding, keeping the history",
    "Usage: safeplan finding edit FINDING [--ref REF] [--kind KIND] [--theme THEME]\n"
    "           [--text TEXT] --reason TEXT [--by NAME]\n"
    "\n"
    "  --ref REF         the finding's reference within its review\n"
    "  --kind KIND       as for 'finding add'\n"
    "  --theme THEME     the heading it sits under\n"
    "  --text TEXT       what the review said\n" EDIT_TAIL,
};

const cli_command cmd_review_edit = {
    "review edit", run_review_edit, "correct a review, keeping the history",
    "Usage: safeplan review edit REVIEW [--ref REF] [--kind KIND] [--title TEXT]\n"
    "           [--started DATE] [--ended DATE] [--reported DATE] [--judgement TEXT]\n"
    "           --reason TEXT [--by NAME]\n"
    "\n"
    "  --ref REF         the review's reference within its authority\n"
    "  --kind KIND       as for 'review add'\n"
    "  --title TEXT      the review's title\n"
    "  --started DATE, --ended DATE, --reported DATE   its dates (empty: none)\n"
    "  --judgement TEXT  the overall judgement (empty: none)\n" EDIT_TAIL,
};

const cli_command cmd_authority_edit = {
    "authority edit", run_authority_edit, "correct an authority, keeping the history",
    "Usage: safeplan authority edit AUTHORITY [--code CODE] [--name NAME] [--kind KIND]\n"
    "           --reason TEXT [--by NAME]\n"
    "\n"
    "  --code CODE       the short code used in paths\n"
    "  --name NAME       the authority's name\n"
    "  --kind KIND       as for 'authority add'\n" EDIT_TAIL,
};

const cli_command cmd_owner_edit = {
    "owner edit", run_owner_edit, "rename an owner or correct their team or email",
    "Usage: safeplan owner edit OWNER [--name NAME] [--team TEAM] [--email ADDRESS]\n"
    "           --reason TEXT [--by NAME]\n"
    "\n"
    "  --name NAME       a new name (the owner's actions follow it)\n"
    "  --team TEAM       the team (empty: none)\n"
    "  --email ADDRESS   the address reminders go to (empty: none)\n" EDIT_TAIL,
};

#define VOID_TAIL                                                                    \
    "  --reason TEXT   required: why\n"                                               \
    "  --by NAME       who (default: $SAFEPLAN_USER, else your login)\n"              \
    "\n"                                                                             \
    "Nothing is deleted: the object stays in the database with its history,\n"      \
    "and the void is an entry in it, but it leaves every list, report, export,\n"   \
    "pack and digest ('--include-void' shows it in lists and export).\n"            \
    "'safeplan undo' brings it back.\n"

const cli_command cmd_action_void = {
    "action void", run_action_void, "void an action added by mistake",
    "Usage: safeplan action void ACTION --reason TEXT [--by NAME]\n\n" VOID_TAIL,
};

const cli_command cmd_finding_void = {
    "finding void", run_finding_void, "void a finding added by mistake",
    "Usage: safeplan finding void FINDING --reason TEXT [--by NAME]\n"
    "\n"
    "Refused while the finding has actions that are not void (it names them).\n"
    "\n" VOID_TAIL,
};

const cli_command cmd_review_void = {
    "review void", run_review_void, "void a review added by mistake",
    "Usage: safeplan review void REVIEW --reason TEXT [--by NAME]\n"
    "\n"
    "Refused while the review has actions that are not void (it names them).\n"
    "\n" VOID_TAIL,
};

/* ------------------------------------------------------------------ */
/* log, undo                                                           */

static const char *const log_table[] = {"change", "recorded_at", "author", "command", NULL};

static int run_log(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"since", required_argument, 0, 's'}, {"by", required_argument, 0, 'b'},
        {"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *since = NULL, *by = NULL;
    cli_format format = FORMAT_TABLE;
    sp_cursor *cur;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 's')
            since = optarg;
        else if (c == 'b')
            by = optarg;
        else if (c == 'f') {
            if (!cli_format_parse(ctx, optarg, &format))
                return EXIT_MISUSE;
        } else
            return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 0, 0))
        return EXIT_MISUSE;
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    if (sp_log(&cur, ctx->db, since, by) != SP_OK)
        return cli_fail(ctx);
    return cli_print_cols(ctx, cur, format, NULL, 0, log_table);
}

const cli_command cmd_log = {
    "log", run_log, "list the changes made to the plan, newest first",
    "Usage: safeplan log [--since DATE] [--by NAME] [--format table|csv|json]\n"
    "\n"
    "Every command that writes to the plan (adding, updating, correcting,\n"
    "voiding, importing, reassigning, transferring, undoing) records one\n"
    "change: who, when and the command. Lists them newest first, like\n"
    "'git log' for the plan.\n"
    "\n"
    "  --since DATE   only changes recorded on or after DATE (UTC)\n"
    "  --by NAME      only changes made by NAME (any case)\n"
    "\n"
    "Columns: change, recorded_at, author, command (CSV and JSON add entries,\n"
    "the history entries it added, and undoes, the change it reverted).\n",
};

static int run_undo(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"by", required_argument, 0, 'b'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *by = NULL;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        if (c == 'b')
            by = optarg;
        else
            return cli_stop(c);
    }
    if (!cli_positional(ctx, argc, argv, 0, 1))
        return EXIT_MISUSE;
    long long change = 0;
    if (optind < argc) {
        char *end;
        errno = 0;
        change = strtoll(argv[optind], &end, 10);
        if (*end || change <= 0 || end == argv[optind] || errno == ERANGE)
            return cli_misuse(ctx, "CHANGE '%s' is not a change number: see 'safeplan log'",
                              argv[optind]);
    }
    if (!cli_open(ctx, false))
        return EXIT_RUNTIME;
    int64_t undone = 0;
    if (sp_undo(&undone, ctx->db, change, by ? by : cli_user()) != SP_OK)
        return cli_fail(ctx);
    printf("undid change %lld\n", (long long)undone);
    return EXIT_OK;
}

const cli_command cmd_undo = {
    "undo", run_undo, "revert the latest change (or a named one)",
    "Usage: safeplan undo [CHANGE] [--by NAME]\n"
    "\n"
    "Reverts change CHANGE (a number from 'safeplan log'; default: the latest\n"
    "change not yet undone) by adding compensating entries, never by deleting:\n"
    "actions it added are voided, progress it recorded (status, due date,\n"
    "owner) is put back, corrections and voids are reversed. The undo is\n"
    "itself a change, listed by 'safeplan log'. Refused, naming the later\n"
    "change, when something later touched the same actions or objects: undo\n"
    "that first.\n"
    "\n"
    "  --by NAME   who (default: $SAFEPLAN_USER, else your login)\n",
};
