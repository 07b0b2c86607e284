/*
 * Importing a sheet (clerks): upload a CSV or Excel file, see what a dry
 * run of the import would do (the same messages as `safeplan import
 * --dry-run`), then confirm. The import is the library's: all or nothing.
 * A council's own sheet has no Authority column: the clerk chooses its
 * authority on the form (the CLI's --authority), carried to the confirm,
 * as are the options for sheets that need them (import_opts.c).
 *
 * Between preview and confirm the upload waits in a private file named by
 * part of the session's CSRF token and a random suffix, so only the same
 * session can confirm it, and the browser need not send it twice. An
 * upload never confirmed is removed when its session signs out, and by the
 * next upload or start of the server once older than a session can live.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "import_opts.h"

#define STAGE_PREFIX "safeplan-import-"
#define MAX_STAGED (16 * 1024 * 1024)

static const char *stage_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

static void stage_path(web_ctx *x, const char *suffix, char *out, size_t size)
{
    snprintf(out, size, "%s/" STAGE_PREFIX "%.16s-%s", stage_dir(), x->session.csrf, suffix);
}

/* Removes staged uploads: every one of the session whose CSRF token is
 * csrf (NULL: none), and any older than ttl_s (a session's longest life),
 * which no session can still confirm. Only this user's own files go. */
void import_sweep(const char *csrf, long ttl_s)
{
    DIR *d = opendir(stage_dir());
    if (!d)
        return;
    char mine[sizeof STAGE_PREFIX + 17] = "";
    if (csrf)
        snprintf(mine, sizeof mine, STAGE_PREFIX "%.16s-", csrf);
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, STAGE_PREFIX, strlen(STAGE_PREFIX)) != 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode) || st.st_uid != geteuid())
            continue;
        bool ours = *mine && strncmp(e->d_name, mine, strlen(mine)) == 0;
        if (ours || now - st.st_mtime > ttl_s)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

/* A refusal from the library points at the upload, unless it is about
 * where the rows go (see web_words). */
static const char *const FILE_FIELD[] = {"file", NULL};
static const char *const NO_VALUES[] = {NULL};

/* Where rows go when the file does not say: an authority the clerk chose
 * on the form (code "": the file names it in an Authority column), and its
 * name, for the page; or a review of the plan (review "": none), which
 * implies its authority. */
typedef struct destination {
    char code[128];
    char name[256];
    char review[256]; /* AUTHORITY/REVIEW */
} destination;

#define NO_AUTHORITY                                                                   \
    "The file does not say which authority its rows belong to (it has no Authority "  \
    "column): choose the authority on this form, or add an Authority column to the file"
#define REVIEWS_NO_AUTHORITY                                                           \
    "The file names reviews but not their authority (it has no Authority column): "   \
    "choose the authority on this form, or add an Authority column to the file"
#define UNKNOWN_AUTHORITY                                                              \
    "Choose an authority from the list, or \u201cNamed in the file\u201d"
#define UNKNOWN_REVIEW                                                                 \
    "Enter a review the plan holds, as AUTHORITY/REVIEW (such as tb/2024-peer), of the " \
    "authority chosen above if one is; or leave the review empty"

/* The library's message raw as the web says it, into out: the CLI's
 * options it names, which a clerk here cannot give, put as the form's
 * fields. Its refusal of rows with nowhere to go names --authority and
 * --review: the form's Authority select is how. Returns the id of the
 * field the message is about, or NULL (the file's, to fix there). */
static const char *web_message(char *out, size_t size, const char *raw)
{
    if (!strstr(raw, "--authority") && !strstr(raw, "--review"))
        return opts_reword(out, size, raw);
    snprintf(out, size, "%s", strstr(raw, "names reviews") ? REVIEWS_NO_AUTHORITY : NO_AUTHORITY);
    return "authority";
}

/* The library's message in e, at the file; or, if it or a refusal of r's
 * is about a field of the form (rows with nowhere to go, a sheet the
 * workbook lacks; the library may then sum up, "the header cannot be
 * used"), the first such worded for the web, at that field. */
static void import_error(form_error *e, web_ctx *x, const sp_import_result *r)
{
    char said[sizeof e->copy];
    form_error_from_db(e, x, FILE_FIELD, NO_VALUES);
    const char *field = web_message(said, sizeof said, e->copy);
    for (size_t i = 0; !field && r && i < r->nerrors; i++)
        field = web_message(said, sizeof said, r->errors[i]);
    if (field) {
        snprintf(e->copy, sizeof e->copy, "%s", said);
        e->field = field;
    }
}

/* Fills in to's name from the authorities (those the form offers): 0 if
 * none has its code. */
static int destination_known(web_ctx *x, destination *to)
{
    sp_cursor *c = NULL;
    int found = 0;
    int rc = sp_authority_codes(&c, x->w->db);
    while (!found && rc == SP_OK && sp_cursor_step(c) == SP_ROW) {
        found = strcmp(sp_cursor_text(c, 0), to->code) == 0;
        if (found)
            snprintf(to->name, sizeof to->name, "%s", sp_cursor_text(c, 1));
    }
    sp_cursor_free(c);
    return found;
}

/* Resolves to's review to its path, and takes its authority if none was
 * chosen: 0 if the plan has no such review, or it is another authority's. */
static int review_known(web_ctx *x, destination *to)
{
    int64_t id;
    char *path = NULL;
    if (sp_resolve(&id, x->w->db, "review", to->review) != SP_OK ||
        sp_ref_path(&path, x->w->db, "review", id) != SP_OK)
        return 0;
    snprintf(to->review, sizeof to->review, "%s", path);
    sp_free(path);
    size_t n = strcspn(to->review, "/");
    if (*to->code)
        return strlen(to->code) == n && strncmp(to->code, to->review, n) == 0;
    snprintf(to->code, sizeof to->code, "%.*s", (int)n, to->review);
    return destination_known(x, to);
}

/* NULL if to is a place the plan holds (its names filled in), else the
 * field that names what it does not. */
static const char *destination_check(web_ctx *x, destination *to)
{
    if (*to->code && !destination_known(x, to))
        return "authority";
    return *to->review && !review_known(x, to) ? "review" : NULL;
}

static const char *plural(long long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

void summary_row(FILE *f, const char *key, const char *value)
{
    fputs("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">", f);
    html_text(f, key);
    fputs("</dt><dd class=\"govuk-summary-list__value\">", f);
    html_text(f, value);
    fputs("</dd></div>\n", f);
}

static void count_row(FILE *f, const char *key, long long n)
{
    char v[32];
    snprintf(v, sizeof v, "%lld", n);
    summary_row(f, key, v);
}

/* What the rows would create and change: the counts the CLI's summary gives. */
static void import_counts(FILE *f, const sp_import_result *r)
{
    char v[400];
    fprintf(f, "<h2 class=\"govuk-heading-m\">%s</h2>\n<dl class=\"govuk-summary-list\">\n",
            r->committed ? "Imported" : "What the import would do");
    count_row(f, "Rows read", r->rows);
    count_row(f, "New authorities", r->created.authorities);
    count_row(f, "New reviews", r->created.reviews);
    count_row(f, "New findings", r->created.findings);
    count_row(f, "New owners", r->created.owners);
    count_row(f, "New actions", r->created.actions);
    if (r->history) {
        snprintf(v, sizeof v, "%lld (progress updates, corrections and checks that a change "
                 "has lasted)", (long long)r->history_entries);
        summary_row(f, "History entries rebuilt", v);
    } else {
        count_row(f, "Actions updated", r->updated);
        count_row(f, "Actions unchanged", r->unchanged);
    }
    if (r->dated_columns) {
        snprintf(v, sizeof v, "%lld from %zu dated column%s (one for each reporting round)",
                 (long long)r->dated_entries, r->dated_columns,
                 plural((long long)r->dated_columns, "", "s"));
        summary_row(f, "Progress entries added", v);
    }
    if (r->log_rows) {
        snprintf(v, sizeof v, "%lld from dated lines in %lld progress cell%s (each on its "
                 "date)", (long long)r->log_entries, (long long)r->log_rows,
                 plural(r->log_rows, "", "s"));
        summary_row(f, "Progress entries from dated lines", v);
    }
    count_row(f, "Rows refused", r->rejected);
    if (r->open_ended || r->recurring) {
        count_row(f, "New actions with no due date", r->open_ended);
        count_row(f, "New actions that recur", r->recurring);
    }
    if (r->unevidenced) {
        snprintf(v, sizeof v, "%lld (each is named in the notes)", (long long)r->unevidenced);
        summary_row(f, "Signed off without evidence of impact", v);
    }
    if (r->rag_ignored) {
        snprintf(v, sizeof v, "Column %d is not imported: the plan works out each action's "
                 "RAG rating from its dates, for the date of each report. To keep the "
                 "sheet's ratings, tick \u201c%s\u201d under Options", r->rag_ignored,
                 opts_label(OPT_KEEP_RAG));
        summary_row(f, "RAG", v);
    }
    fputs("</dl>\n", f);
}

/* A workbook of several sheets: which was read, and how to read another
 * (named, the one the clerk named under Options). */
static void sheets_read(FILE *f, const sp_import_result *r, bool named)
{
    fprintf(f, "<div class=\"govuk-inset-text\">The workbook has %zu sheets (", r->nsheets);
    html_text(f, r->sheets);
    if (r->nread > 1) {
        fputs("). The plan goes on over the sheets read, each with a plan's row of column "
              "names. To read one of them alone, name it in ", f);
        opts_named(f, OPT_SHEET);
        fputs(", and upload the file again.</div>\n", f);
        return;
    }
    fputs(named ? "). The sheet named under Options, "
                : "). Only the first visible sheet with a row of column names, ", f);
    html_text(f, r->sheet);
    if (named) {
        fputs(", is read.</div>\n", f);
        return;
    }
    fputs(", is read. If the plan is on another sheet, name it in ", f);
    opts_named(f, OPT_SHEET);
    fputs(", and upload the file again.</div>\n", f);
}

/* What was read: the kind of file, its encoding, and a workbook's sheet;
 * if the sheet or the encoding was the import's own choice, how to make
 * another under Options. */
static void import_source(FILE *f, const sp_import_result *r, const char *filename,
                          const import_opts *o)
{
    if (!r->format)
        return;
    bool xlsx = strcmp(r->format, "xlsx") == 0;
    fputs("<h2 class=\"govuk-heading-m\">The file read</h2>\n<dl class=\"govuk-summary-list\">\n",
          f);
    if (filename && *filename)
        summary_row(f, "File", filename);
    summary_row(f, "Kind", xlsx ? "Excel workbook"
                           : strcmp(r->format, "tsv") == 0 ? "Text, tab-separated" : "CSV");
    if (r->encoding)
        summary_row(f, "Encoding", r->encoding);
    if (r->nread > 1)
        summary_row(f, "Sheets read", r->sheets_read);
    else if (r->sheet)
        summary_row(f, "Sheet read", r->sheet);
    fputs("</dl>\n", f);
    if (r->sheet && r->nsheets > 1)
        sheets_read(f, r, *o->v[OPT_SHEET]);
    if (!r->encoding || !r->encoding_detected || strcmp(r->encoding, "UTF-8") == 0)
        return;
    fputs("<p class=\"govuk-body\">The encoding was worked out from the file. If letters "
          "such as é or signs such as £ look wrong in the notes, choose the file's encoding "
          "in ", f);
    opts_named(f, OPT_ENCODING);
    fputs(", or save the file as &ldquo;CSV UTF-8&rdquo;, and upload it again.</p>\n", f);
}

/* One column that no field was found for, and what the clerk can do. */
static void unplaced_item(FILE *f, const sp_import_column *u)
{
    fprintf(f, "<li>Column %zu", u->column);
    if (!*u->header) {
        fputs(" has data but no heading. To import it, give it a heading the import knows "
              "and upload the file again.</li>\n", f);
        return;
    }
    fputs(", &ldquo;", f);
    html_text(f, u->header);
    if (u->beside) {
        fputs("&rdquo;, names the ", f);
        html_text(f, u->field);
        fprintf(f, ", as column %zu does, which was read. To read this one instead, give ",
                u->beside);
        opts_named(f, OPT_MAP);
        fputs(" two lines: this heading, &ldquo;=&rdquo; and ", f);
        html_text(f, u->field);
        fputs("; the other column&rsquo;s heading and &ldquo;= ignore&rdquo;. Then upload the "
              "file again.</li>\n", f);
        return;
    }
    if (u->progress)
        fputs("&rdquo;, names progress but not a date the import can read (a day, or a "
              "month and year such as June 2024; a quarter is not one day). To import it as "
              "progress on its date, change the heading to name the date, for example "
              "&ldquo;Progress update - June 2024&rdquo; or &ldquo;Progress at "
              "30/09/2024&rdquo;, or give ", f);
    else
        fputs("&rdquo;: the import does not know this heading. To import it, change the "
              "heading to one the import knows, or give ", f);
    opts_named(f, OPT_MAP);
    fputs(u->progress ? " a line of the heading, &ldquo;= last_update_note@&rdquo; and the "
                        "date; then upload the file again.</li>\n"
                      : " a line of the heading, &ldquo;=&rdquo; and its field; then upload "
                        "the file again.</li>\n", f);
}

/* The import's commonest headings (the library knows more spellings); an
 * Authority column, or the form's choice of authority, places the rows. */
static const char *const KNOWN_HEADINGS[] = {
    "Authority (its code, such as torbay)", "Review and Review title",
    "Ref or Action No. (the action's number)", "Theme or Area",
    "Finding, Recommendation or Area for improvement", "Action or What we will do",
    "Owner, Lead or Lead officer", "Start date", "Due date, Target date or Timescale",
    "Status", "Progress, Progress update or Comments",
    "Progress update - June 2024 (progress for one reporting round)",
    "Evidence or Evidence of impact", "Last updated", "Success measure", NULL};

/* The columns that will be left out, in a warning before the confirm button
 * (can_confirm): confirming drops them, so the clerk must see them first. */
static void import_unplaced(FILE *f, const sp_import_result *r, bool can_confirm)
{
    if (!r->nunplaced)
        return;
    long long n = (long long)r->nunplaced;
    const char *fate = r->committed ? plural(n, "was not imported", "were not imported")
                       : can_confirm ? "will not be imported if you confirm"
                                     : "will not be imported";
    fprintf(f, "<h2 class=\"govuk-heading-m\">Column%s %s</h2>\n", plural(n, "", "s"),
            r->committed ? "not imported" : "that will not be imported");
    fprintf(f, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
               "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\">"
               "<span class=\"govuk-visually-hidden\">Warning</span>%lld column%s of the file "
               "%s</strong></div>\n<ul class=\"govuk-list govuk-list--bullet\">\n",
            n, plural(n, "", "s"), fate);
    for (size_t i = 0; i < r->nunplaced; i++)
        unplaced_item(f, &r->unplaced[i]);
    fputs("</ul>\n<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
          "<span class=\"govuk-details__summary-text\">Headings the import knows</span>"
          "</summary><div class=\"govuk-details__text\"><p class=\"govuk-body\">Headings "
          "match in any case. The main ones:</p><ul class=\"govuk-list govuk-list--bullet\">",
          f);
    for (const char *const *h = KNOWN_HEADINGS; *h; h++) {
        fputs("<li>", f);
        html_text(f, *h);
        fputs("</li>", f);
    }
    fputs("</ul></div></details>\n", f);
}

static void import_notes(FILE *f, const sp_import_result *r)
{
    if (!r->nnotes)
        return;
    fputs("<h2 class=\"govuk-heading-m\">Notes</h2>\n<ul class=\"govuk-list "
          "govuk-list--bullet\">\n", f);
    char said[1024];
    for (size_t i = 0; i < r->nnotes; i++) {
        opts_reword(said, sizeof said, r->notes[i]);
        fputs("<li>", f);
        html_text(f, said);
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
}

/* The form's choice of where rows go that the file does not place. */
static void destination_select(FILE *f, web_ctx *x, const form_error *e,
                               const destination *to)
{
    authority_options o = {.value = to ? to->code : NULL,
                           .first = "Named in the file (an Authority column)",
                           .hint = "For a council's own plan, with no Authority column: the "
                                   "authority its rows belong to. They go into a review made "
                                   "for the import, unless you name one below.",
                           .named = 1};
    authority_choice(f, x, e, &o);
    text_field(f, e, "review", "Review (optional)", "A review already in the plan for the rows "
               "to go into, as AUTHORITY/REVIEW (such as tb/2024-peer). Leave it empty for a "
               "review made for the import.", to ? to->review : "", "govuk-input--width-20");
}

/* An item of the error summary, linking to the field it is about. */
static void error_item(FILE *f, const char *field, const char *message)
{
    fputs("<li><a href=\"#", f);
    html_text(f, field);
    fputs("\">", f);
    html_text(f, message);
    fputs("</a></li>", f);
}

/* Every refusal of r's, worded for the web (a row's error is the file's,
 * to fix there, unless it names a field); e's first if it is about a field
 * none of them is (the library's sum, which may name the header's row). */
static void error_list(FILE *f, const form_error *e, const sp_import_result *r)
{
    char said[1024];
    bool e_said = false;
    for (size_t i = 0; r && i < r->nerrors; i++) {
        const char *field = web_message(said, sizeof said, r->errors[i]);
        e_said |= strcmp(field ? field : "file", e->field) == 0;
    }
    fputs("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
          "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem"
          "</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
          "govuk-error-summary__list\">", f);
    if (!e_said)
        error_item(f, e->field, e->message);
    for (size_t i = 0; r && i < r->nerrors; i++) {
        const char *field = web_message(said, sizeof said, r->errors[i]);
        error_item(f, field ? field : "file", said);
    }
    fputs("</ul></div></div></div>\n", f);
}

/* What the clerk chose on the form: where rows go, and the options. */
typedef struct import_form {
    destination to;
    import_opts opts;
} import_form;

/* The dry run's form that imports the staged upload, with the choices. */
static void confirm_form(FILE *f, web_ctx *x, const char *staged, const char *filename,
                         const import_form *in)
{
    fputs("<form method=\"post\" action=\"/import/confirm\" novalidate>", f);
    page_csrf(x, f);
    fputs("<input type=\"hidden\" name=\"staged\" value=\"", f);
    html_text(f, staged);
    fputs("\"><input type=\"hidden\" name=\"filename\" value=\"", f);
    html_text(f, filename);
    fputs("\"><input type=\"hidden\" name=\"authority\" value=\"", f);
    html_text(f, in->to.code);
    fputs("\"><input type=\"hidden\" name=\"review\" value=\"", f);
    html_text(f, in->to.review);
    fputs("\">", f);
    opts_hidden(f, &in->opts);
    fputs("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
          "Confirm and import</button></form>\n", f);
}

/* The upload form, with in's choices (NULL: none) and e's error at its field. */
static void upload_form(FILE *f, web_ctx *x, const form_error *e, const import_form *in)
{
    int bad = e && e->field && strcmp(e->field, "file") == 0;
    fprintf(f, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" "
               "novalidate>");
    page_csrf(x, f);
    destination_select(f, x, e, in ? &in->to : NULL);
    fprintf(f, "<div class=\"govuk-form-group%s\"><label class=\"govuk-label\" for=\"file\">"
               "Upload a CSV or Excel (.xlsx) file</label><div id=\"file-hint\" class=\"govuk-"
               "hint\">Nothing changes until you confirm. If any row is wrong, nothing is "
               "imported.</div>", bad ? " govuk-form-group--error" : "");
    if (bad) {
        fputs("<p id=\"file-error\" class=\"govuk-error-message\"><span class=\"govuk-"
              "visually-hidden\">Error:</span> ", f);
        html_text(f, e->message);
        fputs("</p>", f);
    }
    fprintf(f, "<input class=\"govuk-file-upload%s\" id=\"file\" name=\"file\" type=\"file\" "
               "accept=\".csv,.tsv,.txt,.xlsx\" aria-describedby=\"file-hint%s\"></div>",
            bad ? " govuk-file-upload--error" : "", bad ? " file-error" : "");
    import_opts none;
    opts_clear(&none);
    opts_fields(f, e, in ? &in->opts : &none);
    fputs("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
          "data-module=\"govuk-button\">Check the file</button></form>\n", f);
}

/* Where the rows go, and the options given, as the dry run and result say. */
static void import_choices(FILE *f, const import_form *in)
{
    const destination *to = &in->to;
    if (*to->code) {
        char dest[700];
        snprintf(dest, sizeof dest, "%s (%s)%s%s", to->name, to->code,
                 *to->review ? ": review " : "", to->review);
        fputs("<dl class=\"govuk-summary-list\">\n", f);
        summary_row(f, "Rows go to", dest);
        fputs("</dl>\n", f);
    }
    opts_summary(f, &in->opts);
}

static int import_page(web_ctx *x, unsigned status, const form_error *e,
                       const sp_import_result *r, const char *staged, const char *filename,
                       const import_form *in)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, "Import a sheet", &buf, &len);
    if (!f)
        return 0;
    if (e && e->field)
        error_list(f, e, r);
    if (r && in)
        import_choices(f, in);
    if (r) {
        import_counts(f, r);
        import_source(f, r, filename, &in->opts);
        import_notes(f, r);
        import_unplaced(f, r, staged != NULL);
    }
    if (staged)
        confirm_form(f, x, staged, filename, in);
    upload_form(f, x, e, in);
    return page_end(x, f, &buf, &len, status, NULL);
}

/* Every authority can appear in a sheet, so only accounts that see all may
 * import: a scoped clerk could otherwise write outside its scope. */
static int import_allowed(web_ctx *x)
{
    return x->session.all_authorities;
}

/* A choice the form refuses (an authority forged, a review mistyped, an
 * option out of shape), at field: refused before the file is read. A
 * value that could not be read is not shown back, nor an authority the
 * select does not offer. */
static int refused_choice(web_ctx *x, const form_error *e, import_form *in)
{
    if (strcmp(e->field, "authority") == 0)
        in->to.code[0] = '\0';
    if (strcmp(in->to.review, "\x01") == 0)
        in->to.review[0] = '\0';
    return import_page(x, 400, e, NULL, NULL, NULL, in);
}

/* A text part of the upload's multipart body ("" if absent); "\x01" (which
 * names nothing, so is refused) if it is too long or holds a NUL. */
static void part_text(web_ctx *x, const char *name, char *buf, size_t size)
{
    const char *data;
    size_t len;
    *buf = '\0';
    if (!multipart_part(x->w, name, &data, &len, NULL, 0))
        return;
    if (len < size && !memchr(data, '\0', len))
        snprintf(buf, size, "%.*s", (int)len, data);
    else
        snprintf(buf, size, "\x01");
}

/* A field of the confirm's urlencoded body, as part_text. */
static void body_text(web_ctx *x, const char *name, char *buf, size_t size)
{
    if (form_field(x->w->body, name, buf, size) < 0)
        snprintf(buf, size, "\x01");
}

/* Reads with read where the rows go (the Authority and Review fields) and
 * checks it: both posts do, since the confirm's fields came back from the
 * browser, which may forge them. NULL, or the field refused. */
static const char *read_destination(web_ctx *x, field_reader *read, destination *to)
{
    read(x, "authority", to->code, sizeof to->code);
    read(x, "review", to->review, sizeof to->review);
    return destination_check(x, to);
}

/* Reads and checks with read all the form's choices, as read_destination:
 * 1, or 0 with e set to the refusal at its field. */
static int read_choices(web_ctx *x, field_reader *read, import_form *in, form_error *e)
{
    memset(&in->to, 0, sizeof in->to);
    const char *bad = read_destination(x, read, &in->to);
    if (bad) {
        bool review = strcmp(bad, "review") == 0;
        *e = form_err(bad, review ? UNKNOWN_REVIEW : UNKNOWN_AUTHORITY);
        opts_clear(&in->opts);
        return 0;
    }
    return !opts_read(x, read, &in->opts, e);
}

int page_import_form(web_ctx *x)
{
    if (!import_allowed(x))
        return respond_error(x, 403, "Importing is for clerks whose account sees every "
                                     "authority: a sheet may name any of them.");
    return import_page(x, 200, NULL, NULL, NULL, NULL, NULL);
}

static int run_import(web_ctx *x, const void *data, size_t len, const char *filename,
                      const import_form *in, int dry, sp_import_result **r)
{
    const destination *to = &in->to;
    sp_import_options o = {0};
    o.name = filename && *filename ? filename : "upload";
    if (*to->review) /* as the CLI's --review, else its --authority */
        o.review = to->review;
    else if (*to->code)
        o.authority = to->code;
    o.author = x->session.name; /* updates the sheet does not attribute: the account */
    o.flags = dry ? SP_IMPORT_DRY_RUN : 0;
    opts_apply(&in->opts, &o);
    return sp_import_buffer(r, x->w->db, data, len, &o);
}

/* Writes the upload to a private file; its random suffix into suffix[7]. */
static int stage(web_ctx *x, const char *data, size_t len, char suffix[7])
{
    char path[600];
    import_sweep(NULL, (long)x->w->absolute_s);
    stage_path(x, "XXXXXX", path, sizeof path);
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    int ok = write(fd, data, len) == (ssize_t)len;
    close(fd);
    if (!ok) {
        unlink(path);
        return 0;
    }
    snprintf(suffix, 7, "%s", path + strlen(path) - 6);
    return 1;
}

int page_import_preview(web_ctx *x)
{
    if (!import_allowed(x))
        return respond_error(x, 403, "Importing is for clerks whose account sees every "
                                     "authority: a sheet may name any of them.");
    const char *data;
    size_t len;
    char filename[256] = "", suffix[7];
    import_form in;
    form_error e = {0};
    if (!read_choices(x, part_text, &in, &e))
        return refused_choice(x, &e, &in);
    if (!multipart_part(x->w, "file", &data, &len, filename, sizeof filename) || len == 0)
        return import_page(x, 400, &(form_error){.field = "file",
                                                  .message = "Choose a CSV or Excel file"},
                           NULL, NULL, NULL, &in);
    sp_import_result *r = NULL;
    int rc = run_import(x, data, len, filename, &in, 1, &r);
    int ok;
    if (rc != SP_OK) {
        import_error(&e, x, r);
        ok = import_page(x, 400, &e, r, NULL, filename, &in);
    } else if (!stage(x, data, len, suffix)) {
        ok = respond_error(x, 500, "The file could not be kept for confirming. Try again.");
    } else {
        ok = import_page(x, 200, NULL, r, suffix, filename, &in);
    }
    sp_import_result_free(r);
    return ok;
}

/* Reads and removes the staged upload; NULL if there is none for this session. */
static char *take_staged(web_ctx *x, const char *suffix, size_t *len)
{
    if (strlen(suffix) != 6 || suffix[strspn(suffix, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                     "abcdefghijklmnopqrstuvwxyz0123456789")])
        return NULL;
    char path[600];
    stage_path(x, suffix, path, sizeof path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fd, &st) == 0 && st.st_size <= MAX_STAGED && (data = malloc((size_t)st.st_size + 1)))
        *len = read(fd, data, (size_t)st.st_size) == st.st_size ? (size_t)st.st_size : 0;
    close(fd);
    unlink(path);
    if (data && *len == 0) {
        free(data);
        data = NULL;
    }
    return data;
}

int page_import_confirm(web_ctx *x)
{
    if (!import_allowed(x))
        return respond_error(x, 403, "Importing is for clerks whose account sees every "
                                     "authority: a sheet may name any of them.");
    char suffix[16] = "", filename[256] = "";
    size_t len = 0;
    form_field(x->w->body, "staged", suffix, sizeof suffix);
    form_field(x->w->body, "filename", filename, sizeof filename);
    import_form in;
    form_error e = {0};
    if (!read_choices(x, body_text, &in, &e))
        return refused_choice(x, &e, &in);
    char *data = take_staged(x, suffix, &len);
    if (!data)
        return import_page(x, 400, &(form_error){.field = "file", .message = "The file checked "
                           "earlier is no longer waiting (it can be confirmed once). Upload it "
                           "again."}, NULL, NULL, NULL, &in);
    sp_import_result *r = NULL;
    int rc = run_import(x, data, len, filename, &in, 0, &r);
    free(data);
    if (rc != SP_OK)
        import_error(&e, x, r);
    int ok = import_page(x, rc == SP_OK ? 200 : 400, rc == SP_OK ? NULL : &e, r, NULL,
                         filename, &in);
    sp_import_result_free(r);
    return ok;
}
