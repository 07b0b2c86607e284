/*
 * safeplan help --man: the manual page, generated from the same usage texts
 * as --help, so the two cannot disagree. man/safeplan.1 is this output,
 * committed; tests/cli/test_docs.sh checks it is current.
 */
#include <string.h>

#include "cli.h"

/* Writes text for troff: backslashes doubled, and a line starting with '.'
 * or '\'' protected so it is not read as a request. */
static void roff_text(FILE *out, const char *text)
{
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        if (line_start && (*p == '.' || *p == '\''))
            fputs("\\&", out);
        if (*p == '\\')
            fputs("\\e", out);
        else if (*p == '-')
            fputs("\\-", out);
        else
            fputc(*p, out);
        line_start = *p == '\n';
    }
}

static void man_command(FILE *out, const cli_command *cmd)
{
    fprintf(out, ".SS \"safeplan %s\"\n", cmd->name);
    roff_text(out, cmd->summary);
    fputs(".\n.PP\n.nf\n", out);
    roff_text(out, cmd->usage);
    fputs(".fi\n", out);
}

static const char man_head[] =
    ".TH SAFEPLAN 1 \"\" \"safeplan " SP_VERSION "\" \"User Commands\"\n"
    ".SH NAME\n"
    "safeplan \\- keep safeguarding improvement plans in SQLite\n"
    ".SH SYNOPSIS\n"
    ".B safeplan\n"
    "[\\fB\\-\\-db\\fR \\fIPATH\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
    ".SH DESCRIPTION\n"
    "After an Ofsted inspection or a peer review of children's services, a council\n"
    "must show what it is doing about every finding, who owns each action, by when,\n"
    "and whether it worked.\n"
    ".B safeplan\n"
    "keeps authorities, reviews, findings, actions and their append-only progress\n"
    "history in one SQLite database file, reports what is overdue, due soon or\n"
    "stale with an explainable RAG rating for any date, and exports and imports\n"
    "the plan as spreadsheet-safe CSV.\n"
    ".PP\n"
    ".nf\n";

static const char man_tail[] =
    ".SH FILES\n"
    "The whole plan lives in one database file: \\fB\\-\\-db\\fR \\fIPATH\\fR, else\n"
    "\\fB$SAFEPLAN_DB\\fR, else \\fI./safeplan.db\\fR. It is created with mode 0600\n"
    "(readable by its owner only), as are SQLite's \\fI\\-wal\\fR and \\fI\\-shm\\fR files\n"
    "beside it. safeplan writes plan data nowhere else, except files you name\n"
    "with \\fB\\-\\-out\\fR.\n"
    ".SH ENVIRONMENT\n"
    ".TP\n.B SAFEPLAN_DB\nthe database file when \\fB\\-\\-db\\fR is not given.\n"
    ".TP\n.B SAFEPLAN_USER\nthe author of progress updates when \\fB\\-\\-by\\fR is not given\n"
    "(else the login name).\n"
    ".TP\n.B SAFEPLAN_TODAY\na date to use as today, YYYY-MM-DD or DD/MM/YYYY as every date option takes (for reproducible reports and tests).\n"
    ".TP\n.B NO_COLOR\nwhen set, tables are never coloured.\n"
    ".SH EXIT STATUS\n"
    "0 success; 1 runtime error (a bad value, a missing object, a refused\n"
    "database), with a message on standard error naming the value at fault;\n"
    "2 misuse (unknown command or option, missing argument), with a usage line.\n"
    "On any error nothing is written to standard output and the database is\n"
    "left as it was.\n";

int cli_man(FILE *out)
{
    /* The general help, minus its own command list (listed below in full). */
    char intro[4096];
    FILE *mem = fmemopen(intro, sizeof intro - 1, "w");
    if (!mem)
        return EXIT_RUNTIME;
    cli_print_main_help(mem, false);
    fclose(mem);
    intro[sizeof intro - 1] = '\0';
    fputs(man_head, out);
    roff_text(out, intro);
    fputs(".fi\n.SH COMMANDS\n", out);
    for (size_t i = 0; cli_commands[i]; i++)
        man_command(out, cli_commands[i]);
    fputs(man_tail, out);
    return fflush(out) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
