/* safeplan import: a plan from CSV (the export's own, or a council's sheet). */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Who the progress updates are by when the file does not say: --by, else
 * $SAFEPLAN_USER, else the login name (as for 'action update'). */
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

static bool known_encoding(const char *e)
{
    static const char *const names[] = {"utf-8", "utf8", "windows-1252", "cp1252", "utf-16",
                                        "utf16", "utf-16le", "utf-16be"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(e, names[i]) == 0)
            return true;
    return false;
}

/* A row number from 1 to a sheet's last (1048576), digits only. */
static bool row_number(size_t *out, const char *text)
{
    char *end;
    unsigned long n = text[0] >= '0' && text[0] <= '9' ? strtoul(text, &end, 10) : 0;
    *out = n;
    return n >= 1 && n <= 1048576 && *end == '\0';
}

/* The first item of a --map that is not HEADER=FIELD (NULL if none), cut
 * into item (the library checks the field names). */
static const char *bad_map_item(char item[256], const char *map)
{
    for (const char *p = map; *p;) {
        size_t n = strcspn(p, ",");
        const char *eq = memchr(p, '=', n);
        size_t lead = strspn(p, " \t");
        bool blank = lead >= n;
        if (!blank && (!eq || (size_t)(eq - p) == lead)) {
            snprintf(item, 256, "%.*s", (int)n, p);
            return item;
        }
        p += n + (p[n] == ',');
    }
    return NULL;
}

/* Options whose shape alone is wrong are misuse, found before the plan is
 * opened. */
static int check_shapes(cli_ctx *ctx, const sp_import_options *o)
{
    char item[256], day[SP_DATE_SIZE];
    if (o->map && bad_map_item(item, o->map))
        return cli_misuse(ctx, "--map item '%s' is not HEADER=FIELD: expected a header, '=' "
                          "and a field, e.g. --map 'Lead=owner'", item);
    if (o->as_at && sp_date_parse(day, o->as_at) != SP_OK)
        return cli_misuse(ctx, "--as-at '%s' is not a date: expected the date the sheet "
                          "speaks for (YYYY-MM-DD or DD/MM/YYYY)", o->as_at);
    return -1;
}

static int parse_import(cli_ctx *ctx, int argc, char **argv, sp_import_options *o)
{
    static const struct option opts[] = {
        {"review", required_argument, 0, 'r'}, {"authority", required_argument, 0, 'a'},
        {"map", required_argument, 0, 'm'}, {"by", required_argument, 0, 'b'},
        {"keep-rag", no_argument, 0, 'k'}, {"dry-run", no_argument, 0, 'n'},
        {"raw", no_argument, 0, 'w'},
        {"sheet", required_argument, 0, 's'}, {"encoding", required_argument, 0, 'e'},
        {"fill-down", required_argument, 0, 'f'}, {"as-at", required_argument, 0, 't'},
        {"header-row", required_argument, 0, 'H'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *header_row = NULL;
    int c;
    while ((c = cli_opt(ctx, argc, argv, opts)) != -1) {
        switch (c) {
        case 'r': o->review = optarg; break;
        case 'a': o->authority = optarg; break;
        case 'm': o->map = optarg; break;
        case 'b': o->author = optarg; break;
        case 'k': o->flags |= SP_IMPORT_KEEP_RAG; break;
        case 'n': o->flags |= SP_IMPORT_DRY_RUN; break;
        case 'w': o->flags |= SP_IMPORT_RAW; break;
        case 's': o->sheet = optarg; break;
        case 'e': o->encoding = optarg; break;
        case 'f': o->fill_down = optarg; break;
        case 't': o->as_at = optarg; break;
        case 'H': header_row = optarg; break;
        default: return cli_stop(c);
        }
    }
    if (!cli_positional(ctx, argc, argv, 1, 1))
        return EXIT_MISUSE;
    if (o->review && o->authority)
        return cli_misuse(ctx, "give --review or --authority, not both");
    /* An empty name would quietly fall back to the default author. */
    if (o->author && o->author[strspn(o->author, " \t")] == '\0')
        return cli_misuse(ctx, "--by '%s' names nobody: expected the author of the updates "
                          "the file does not attribute (or leave --by out)", o->author);
    if (o->encoding && !known_encoding(o->encoding))
        return cli_misuse(ctx, "--encoding '%s' is not known: expected utf-8, windows-1252 "
                          "or utf-16", o->encoding);
    if (header_row && !row_number(&o->header_row, header_row))
        return cli_misuse(ctx, "--header-row '%s' is not a row number: expected the row of "
                          "the column names, counted from 1", header_row);
    o->name = argv[optind];
    o->author = author_of(o->author);
    return check_shapes(ctx, o);
}

/* "1 authority, 2 reviews, ..." */
static void print_counts(const sp_import_counts *n)
{
    printf("%lld authorit%s, %lld review%s, %lld finding%s, %lld owner%s, %lld action%s\n",
           (long long)n->authorities, n->authorities == 1 ? "y" : "ies",
           (long long)n->reviews, n->reviews == 1 ? "" : "s",
           (long long)n->findings, n->findings == 1 ? "" : "s",
           (long long)n->owners, n->owners == 1 ? "" : "s",
           (long long)n->actions, n->actions == 1 ? "" : "s");
}

static void print_summary(const sp_import_result *r, const char *name, bool dry)
{
    if (dry)
        printf("dry run of %s (nothing was changed): %lld row%s\n", name, (long long)r->rows,
               r->rows == 1 ? "" : "s");
    else
        printf("imported %s: %lld row%s\n", name, (long long)r->rows, r->rows == 1 ? "" : "s");
    fputs(dry ? "  would create: " : "  created: ", stdout);
    print_counts(&r->created);
    if (r->history) {
        printf("  history: %lld entr%s %s after the actions' creation (updates, corrections, "
               "embedding checks)\n", (long long)r->history_entries,
               r->history_entries == 1 ? "y" : "ies", dry ? "would be rebuilt" : "rebuilt");
        return;
    }
    printf("  %s: %lld action%s (a progress update appended to each); %lld unchanged\n",
           dry ? "would update" : "updated", (long long)r->updated, r->updated == 1 ? "" : "s",
           (long long)r->unchanged);
    if (r->dated_columns)
        printf("  progress history: %lld entr%s %s from %zu dated column%s\n",
               (long long)r->dated_entries, r->dated_entries == 1 ? "y" : "ies",
               dry ? "would be added" : "added", r->dated_columns,
               r->dated_columns == 1 ? "" : "s");
    if (r->log_rows)
        printf("  progress history: %lld entr%s %s from dated lines in %lld progress "
               "cell%s\n", (long long)r->log_entries, r->log_entries == 1 ? "y" : "ies",
               dry ? "would be added" : "added", (long long)r->log_rows,
               r->log_rows == 1 ? "" : "s");
    if (dry)
        printf("  would reject: %lld row%s\n", (long long)r->rejected,
               r->rejected == 1 ? "" : "s");
    if (r->open_ended || r->recurring)
        printf("  %s: %lld open-ended (no due date), %lld recurring\n",
               dry ? "of the new actions" : "new actions", (long long)r->open_ended,
               (long long)r->recurring);
    if (r->unevidenced)
        printf("  flagged: %lld signed off without evidence of impact (see the notes)\n",
               (long long)r->unevidenced);
    if (r->rag_ignored)
        printf("  RAG: column %d not imported (RAG is computed for each report's date; "
               "--keep-rag imports it as manual overrides)\n", r->rag_ignored);
}

/* What was read, when it was not plain UTF-8 CSV or a one-sheet workbook. */
static void print_source(const sp_import_result *r, const sp_import_options *o)
{
    if (r->nread > 1)
        fprintf(stderr, "safeplan import: note: read sheets %s of the workbook's %zu (%s): "
                "the plan goes on over them (each has a plan's header); read one alone "
                "with --sheet NAME\n", r->sheets_read, r->nsheets, r->sheets);
    else if (r->sheet && r->nsheets > 1 && !o->sheet)
        fprintf(stderr, "safeplan import: note: read sheet '%s' of the workbook's %zu (%s); "
                "choose another with --sheet NAME\n", r->sheet, r->nsheets, r->sheets);
    bool other = r->encoding && strcmp(r->encoding, "UTF-8") != 0;
    bool tabs = r->format && strcmp(r->format, "tsv") == 0;
    if (!other && !tabs)
        return;
    fprintf(stderr, "safeplan import: note: read %s as %s%s%s%s\n", o->name,
            other ? r->encoding : "", other && tabs ? ", " : "", tabs ? "tab-separated" : "",
            other && r->encoding_detected ? " (detected; say otherwise with --encoding)" : "");
}

/* Remarks that did not stop the import, on stderr. */
static void print_notes(const sp_import_result *r)
{
    for (size_t i = 0; i < r->nunplaced; i++) {
        const sp_import_column *u = &r->unplaced[i];
        if (u->progress)
            fprintf(stderr, "safeplan import: note: column %zu \"%s\" was not imported: it "
                    "names progress, but not a date the import can read (a day, or a month "
                    "and year such as June 2024; a quarter is not one day): to import it as "
                    "progress on a date, --map '%s=last_update_note@YYYY-MM-DD'\n",
                    u->column, u->header, u->header);
        else if (u->beside)
            fprintf(stderr, "safeplan import: note: column %zu \"%s\" was not imported: it "
                    "names the %s, as column %zu does, which was read (to read this one "
                    "instead, --map '%s=%s' and map column %zu's header to ignore)\n",
                    u->column, u->header, u->field, u->beside, u->header, u->field, u->beside);
        else if (*u->header)
            fprintf(stderr, "safeplan import: note: column %zu \"%s\" was not imported: no "
                    "field has that name (see --help; name one with --map '%s=FIELD')\n",
                    u->column, u->header, u->header);
        else
            fprintf(stderr, "safeplan import: note: column %zu has data but no header, and "
                    "was not imported\n", u->column);
    }
    for (size_t i = 0; i < r->nnotes; i++)
        fprintf(stderr, "safeplan import: note: %s\n", r->notes[i]);
}

static void print_errors(const sp_import_result *r)
{
    for (size_t i = 0; i < r->nerrors; i++)
        fprintf(stderr, "%s\n", r->errors[i]);
    if (r->rejected > (int64_t)r->nerrors)
        fprintf(stderr, "... and %lld more bad rows\n",
                (long long)(r->rejected - (int64_t)r->nerrors));
}

static int import_stream(cli_ctx *ctx, FILE *in, const sp_import_options *o)
{
    sp_import_result *r = NULL;
    bool dry = (o->flags & SP_IMPORT_DRY_RUN) != 0;
    int rc = sp_import(&r, ctx->db, in, o);
    if (r && (rc == SP_OK || (dry && rc == SP_EINVALID && r->nerrors > 0)))
        print_summary(r, o->name, dry);
    if (r) {
        print_source(r, o);
        print_notes(r);
        print_errors(r);
    }
    /* An option the file's kind has no use for is a misuse (exit 2). */
    bool misuse = rc != SP_OK && r && r->format &&
                  ((o->sheet && strcmp(r->format, "xlsx") != 0) ||
                   (o->encoding && strcmp(r->format, "xlsx") == 0));
    sp_import_result_free(r);
    if (misuse)
        return cli_misuse(ctx, "%s", sp_errmsg(ctx->db));
    return rc == SP_OK ? EXIT_OK : cli_fail(ctx);
}

/* Every row's insert runs a trigger, and SQLite gives each such statement
 * a 64 KiB in-memory statement journal that it frees at the end of the
 * statement. glibc would hand that memory back to the kernel every time
 * and fault it in again for the next row (a third of the import's time,
 * measured); keeping freed memory for reuse costs nothing, since the
 * peak stays the same. */
static void keep_freed_memory(void)
{
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

/* Copies a pipe or terminal to an unnamed private file beside the
 * database, so the import holds the write lock only while it works, never
 * while a slow source (a network share, a script) is still writing. */
static FILE *spool(FILE *in, const char *db_path)
{
    struct stat sb;
    if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode))
        return in;
    int fd = cli_tmpfile(db_path);
    FILE *copy = fd >= 0 ? fdopen(fd, "w+b") : tmpfile();
    char buf[65536];
    size_t n;
    if (!copy)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, copy) != n)
            break;
    if (ferror(in) || ferror(copy) || fflush(copy) != 0 || fseek(copy, 0, SEEK_SET) != 0) {
        fclose(copy);
        return NULL;
    }
    return copy;
}

static int run_import(cli_ctx *ctx, int argc, char **argv)
{
    sp_import_options o = {0};
    int rc = parse_import(ctx, argc, argv, &o);
    if (rc >= 0)
        return rc;
    keep_freed_memory();
    bool std_in = strcmp(o.name, "-") == 0;
    FILE *in = std_in ? stdin : fopen(o.name, "rb");
    if (!in)
        return cli_error("cannot open %s: %s", o.name, strerror(errno));
    if (std_in)
        o.name = "stdin";
    FILE *source = in;
    if (!(in = spool(source, ctx->db_path))) {
        rc = cli_error("cannot read %s: %s", o.name, strerror(errno ? errno : EIO));
        if (!std_in)
            fclose(source);
        return rc;
    }
    if (in != source && !std_in)
        fclose(source);
    std_in = std_in && in == source;
    /* Importing into a new file creates it, staged: it appears only if the
     * import succeeds (never for a dry run), so bad input leaves nothing. */
    rc = cli_open(ctx, true) ? import_stream(ctx, in, &o) : EXIT_RUNTIME;
    if (!std_in)
        fclose(in);
    if (rc == EXIT_OK && !(o.flags & SP_IMPORT_DRY_RUN) && cli_publish(ctx) != SP_OK)
        rc = EXIT_RUNTIME;
    return rc;
}

const cli_command cmd_import = {
    "import", run_import, "import a plan from CSV or Excel (an export, or a council's sheet)",
    "Usage: safeplan import FILE [--review AUTHORITY/REVIEW | --authority AUTHORITY]\n"
    "                       [--map 'HEADER=FIELD,...'] [--keep-rag] [--dry-run]\n"
    "                       [--by NAME] [--raw] [--sheet NAME] [--encoding ENC]\n"
    "                       [--fill-down COLUMN[,COLUMN]] [--as-at DATE]\n"
    "                       [--header-row N]\n"
    "\n"
    "Reads a plan from CSV or an Excel workbook (FILE, or - for standard input):\n"
    "a file written by 'safeplan export', or a council's sheet. A file written by\n"
    "'safeplan export --history' rebuilds its actions with their whole history\n"
    "into a plan without those actions (it names its own places: --review,\n"
    "--authority, --map, --fill-down and --as-at are not used). Its rows wait\n"
    "for their turn in an unnamed file beside the database, each sealed with a\n"
    "key only the import holds, gone when it ends.\n"
    "Missing authorities, reviews, findings, owners and actions are created. An\n"
    "action already present (same references) is never overwritten: if the row\n"
    "changes its status, due date, owner, transfer, RAG override, note or\n"
    "evidence, a progress update is appended. All or nothing: if any row is bad,\n"
    "nothing changes and every bad row is listed as FILE:LINE:COLUMN (in a\n"
    "workbook FILE:Sheet!C7): what was found, what was expected.\n"
    "\n"
    "  --review AUTHORITY/REVIEW  where rows go when the file has no review column\n"
    "  --authority AUTHORITY      or: into a review made for the import, ref\n"
    "                             import-YYYY-MM-DD (today), kind other, title\n"
    "                             \"Plan imported from FILE on DATE\" (reused\n"
    "                             by later imports)\n"
    "  --fill-down COLUMN,...     empty cells take the value above (merged\n"
    "                             cells): a field (finding, theme) or header\n"
    "  --as-at DATE               the date the sheet speaks for: statuses and\n"
    "                             undated progress are recorded as of it\n"
    "  --header-row N             the header is row N (default: the first row, or\n"
    "                             the first of the first 20 that names columns)\n"
    "  --map 'HEADER=FIELD,...'   read other headers as these fields (an export\n"
    "                             column name, or ignore); HEADER=last_update_note@DATE\n"
    "                             reads the column as progress on DATE (a day, or\n"
    "                             a month: its first day)\n"
    "  --keep-rag                 import a RAG column as manual overrides, reason\n"
    "                             \"imported\" (by default RAG is computed and the\n"
    "                             column is ignored; \"Amber/Green\": the worse)\n"
    "  --dry-run                  print what would be created, updated and\n"
    "                             rejected; change nothing; exit as the real\n"
    "                             import would (it works on a private copy of\n"
    "                             the plan, so other writers never wait for it;\n"
    "                             plans over 256 MiB are checked in place)\n"
    "  --by NAME                  author of updates the file does not attribute\n"
    "                             (default: $SAFEPLAN_USER, else your login)\n"
    "  --raw                      the file was exported with --raw: keep a\n"
    "                             leading ' (else one ' before = + - @ tab CR LF\n"
    "                             or ' is the export's guard, and is removed)\n"
    "  --sheet NAME               the workbook's one sheet to read (default: the\n"
    "                             first visible one with a header in its first 20\n"
    "                             rows, else the first, and the sheets after it\n"
    "                             whose header names the action and its owner or\n"
    "                             due date); not for a text file\n"
    "  --encoding ENC             utf-8, windows-1252 or utf-16 (default: detected);\n"
    "                             not for a workbook\n"
    "\n"
    "FILE is told by content. A workbook is read as its reader sees it: dates as\n"
    "dates (1900 or 1904 system; a month shown without its day, Mar-18, as its\n"
    "last day), numbers as Excel shows them (1.10 in a 0.00 cell), a merged\n"
    "cell's value in each cell it spans; hidden columns and rows are not imported\n"
    "(a note names them; rows a filter hides are). Refused: a password-protected\n"
    "workbook or an .xls, a zip bomb, a sheet over 100000 rows. Text is UTF-8,\n"
    "else UTF-16 (with a byte-order mark: \"Unicode Text\") or Windows-1252\n"
    "(\"CSV (Comma delimited)\"), said in a note. Columns are separated by\n"
    "commas, or by tabs (a file named .tsv) or semicolons (Excel where the\n"
    "decimal mark is a comma) when these split more of the first rows evenly;\n"
    "a note says so.\n"
    "\n"
    "The header is the first row, or, below a title, a date or a RAG key, the\n"
    "first of the first 20 rows that names the action and another column; a\n"
    "note names the rows above it, which are not imported (--header-row N\n"
    "says which row it is, for a header further down). A header over two\n"
    "rows, a heading merged over the columns the row below names\n"
    "(\"Responsibility\" over \"Lead\" and \"Support\"), is read as one: each\n"
    "name with the heading above it where together they name a field (Lead\n"
    "Responsibility), else alone (Start); a note says so. The row below is\n"
    "read so only if it holds no action and only names (no digit). A row of\n"
    "guidance under the header (\"What will we do?\", \"(who)\"), or a first row\n"
    "describing each column in words (\"Date to be completed by\", no digit), is\n"
    "passed over, with a note. A row of one text is a section heading when\n"
    "actions follow (their theme, to the next heading: see the README), else a\n"
    "footer, passed over; a note names each. A finding on a row of its own\n"
    "(no action; its reference or theme may be beside it) is the finding of\n"
    "the actions below it whose finding cell is empty, to the next; if none\n"
    "below takes it, the row is refused, unless it is below the last action\n"
    "beside a RAG colour (a RAG key: \"Blue | Complete\") or under a footer.\n"
    "Headers match ignoring case, spaces, underscores, a plural \"(s)\" or\n"
    "\"/s\" and a mark after them (\"Lead Officer(s):\"), or as alternatives all\n"
    "naming one field (\"Outcome / Success criteria\") or the owner and its kind\n"
    "(\"Responsible officer / Team\"), or with words in brackets that explain\n"
    "them (\"Lead officer (name and role)\", read as a second choice;\n"
    "\"Target date (revised)\" is Revised target date): the export's column\n"
    "names (see 'safeplan export --help'), and\n"
    "  finding_ref Rec No., Recommendation No., Rec Ref, Finding No., Area No.\n"
    "  action_ref  Ref, Reference, No., Action No., Action Ref, Action number\n"
    "              (\"Rec 1\", \"1(a)\", \"#2\", \"(ii)\" are tidied: 1, 1a, 2, ii)\n"
    "  theme       Theme, Area\n"
    "  finding     Finding, Recommendation, Area for consideration, Area for\n"
    "              improvement, Issue (also the kind of a new finding); with\n"
    "              none, a row of a reference and text alone where the action\n"
    "              goes (\"1 | Improve supervision\") is the finding below it\n"
    "  action      Action, Actions, Action being taken, What we will do ...\n"
    "  owner       Owner, Lead, Lead officer, Responsible officer, Who ...\n"
    "              (a cell of several lines is one owner: \"DCS / Head of Service\";\n"
    "              one that labels its lead, \"Lead: Head of Service\", that lead)\n"
    "  start_on    Start, Start date (a period, \"Q1 2025/26\": its first day)\n"
    "  status      Status, Current status\n"
    "  due_on      Due, Due date, Timescale, Target date, Deadline, By when,\n"
    "              Revised (New, Amended) target date, due date, deadline, date ...\n"
    "  original_due_on  Original target date, due date, deadline, timescale\n"
    "A plain Target date beside a Revised one is the original due date, and a\n"
    "plain Ref beside an Action No. the finding's reference, when no column\n"
    "names it (a note says which column was read as which).\n"
    "  last_update_note      Progress, Progress update, Update, Comments ...\n"
    "  last_update_evidence  Evidence, Impact, Evidence of impact\n"
    "  last_update_on  Last updated           measure  Success measure\n"
    "  completed_on    Date completed, Actual completion date, Date closed: the\n"
    "                  day of the status change (complete if no status is given;\n"
    "                  an open status beside it is refused; before Last updated,\n"
    "                  an entry of its own, the row's progress on its own day)\n"
    "  rag         RAG, RAG rating, RAG status, Status (RAG), Overall RAG ...\n"
    "              (a blue RAG beside no status is complete; \"Amber/Green\",\n"
    "              between two, is the worse)\n"
    "  last_update_percent  % complete, Percentage complete, Progress %: the\n"
    "              update's share done (50%, 50, 0.5, \"c. 50%\", \"75% (audit)\":\n"
    "              the words not imported; Complete, Not started); beside no\n"
    "              status, 0 is not started, 100 complete, any other share in\n"
    "              progress\n"
    "A column of progress for one reporting round, headed with a progress word\n"
    "and a date in either order (\"Progress update - June 2024\", \"Update (Sept\n"
    "2023)\", \"June 2024 update\", \"Progress at 31/03/2024\", \"Position at end of\n"
    "Sept 2025\"), gives each row's action one progress entry on that date (a\n"
    "month: its first day; the end of a month: its last), in date\n"
    "order; an entry already recorded is not added again, and a date after\n"
    "today (or --as-at) is refused.\n"
    "A progress cell kept as a log, each line starting with a date\n"
    "(\"03/06/2024: Second audit done\", \"March 2024 - Sessions booked\"), gives\n"
    "an entry for each dated line (with the undated lines under it) on its date;\n"
    "a cell whose first line has no date, or with a date after today (or\n"
    "--as-at), or beside a Last updated date, is one note, as before.\n"
    "Columns that match nothing are listed in a note, not imported.\n"
    "\n"
    "Due: as for 'action add --due', kept as written (column due_as_written);\n"
    "Complete: done (a status that disagrees is an error); \"Completed July\n"
    "2025\", \"Complete (July 2025)\": done on that day (one after today is the\n"
    "due date). A date revised in\n"
    "the cell (\"Dec 2025 (revised from Sept 2025)\", \"31/12/2025 (was\n"
    "30/09/2025)\", \"Sept 2025 revised to Dec 2025\") gives the original due\n"
    "date and the due date; a timescale with a remark after it (\"30/09/2025\n"
    "(6 month review)\", \"March 2026 - subject to funding\") is the timescale.\n"
    "A re-import moves a due date only if the\n"
    "timescale's text changed. Sign-off without evidence\n"
    "is flagged. Status: any spelling (\"In progress\", \"Complete\"), and\n"
    "On track, On target, Ongoing, Live, WIP, Good progress, Partially (Part)\n"
    "complete, Partially met, Not met, Delayed, Overdue, At risk, Off track,\n"
    "Not on track, Significant progress,\n"
    "In hand, Substantially complete, On hold, Deferred, Stalled, Open,\n"
    "Incomplete, Outstanding (in progress:\n"
    "lateness shows in the RAG, from the dates); Not yet due, Planned, Yet to\n"
    "start, Scheduled (not started); Achieved, Met, Embedded, Sustained, Done,\n"
    "Closed, Finished, Complete - awaiting sign off, Ready for sign-off,\n"
    "Proposed for closure\n"
    "(complete: sign-off is a second person's act); Cancelled, Superseded,\n"
    "Merged (withdrawn); 50% (in progress; 0% not started, 100% complete);\n"
    "Transferred to PLACE,\n"
    "Transferred - PLACE, Business as usual (transferred, to PLACE, unless\n"
    "the Transferred to column says: the two must agree; a transfer with no\n"
    "destination is refused). A status after a RAG colour (\"Blue -\n"
    "complete\") or with words after it (\"Completed - evidence to follow\")\n"
    "is read from its words, noted once; \"Completed 12/10/2025\" is complete\n"
    "on that day. Red, Amber, Green alone are RAG, not a status.\n"
    "Without finding_ref, rows with the same finding text and theme share a\n"
    "finding (numbered; theme \"General\" if none; a row with no theme joins the\n"
    "text's finding); with it, a row giving another theme than its finding's is\n"
    "refused (correct it with 'finding edit'); without a Ref, an action is matched\n"
    "by its text. A new action takes the state the row records; progress in the\n"
    "row (note, evidence, update date or author) becomes one update, dated as the\n"
    "file says, else today. Any status is taken, even a move the lifecycle would\n"
    "refuse (the file is the council's record); such moves are listed in notes.\n"
    "Voided reviews, findings and actions are never matched: after 'undo' of an\n"
    "import, the file imported again makes its plan afresh (a reference a\n"
    "voided object holds is refused, naming it).\n"
    "Rejected: bytes no encoding explains, broken quoting, a row with more or\n"
    "fewer fields than the header, unknown words, impossible dates, a row that\n"
    "names the same action as an earlier row (one Ref on two rows: give each\n"
    "its own, or leave Ref empty to have them numbered), an Excel error value\n"
    "(#REF!, #N/A...) or a formula saved without its value in a column read.\n"
    "Empty rows are skipped.\n",
};
