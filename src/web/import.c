/*
 * Importing a sheet (clerks): upload a CSV or Excel file, see what a dry
 * run of the import would do (the same messages as `safeplan import
 * --dry-run`), then confirm. The import is the library's: all or nothing.
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

#include "form.h"

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

/* The upload is the only field: a refusal from the library points at it. */
static const char *const FILE_FIELD[] = {"file", NULL};
static const char *const NO_VALUES[] = {NULL};

static int import_page(web_ctx *x, unsigned status, const form_error *e,
                       const sp_import_result *r, const char *staged, const char *filename)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, "Import a sheet", &buf, &len);
    if (!f)
        return 0;
    if (e && e->field) {
        fputs("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
              "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem"
              "</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
              "govuk-error-summary__list\">", f);
        size_t n = r && r->nerrors ? r->nerrors : 1;
        for (size_t i = 0; i < n; i++) {
            fputs("<li><a href=\"#file\">", f);
            html_text(f, r && r->nerrors ? r->errors[i] : e->message);
            fputs("</a></li>", f);
        }
        fputs("</ul></div></div></div>\n", f);
    }
    if (r) {
        fprintf(f, "<h2 class=\"govuk-heading-m\">%s</h2>\n<dl class=\"govuk-summary-list\">",
                r->committed ? "Imported" : "What the import would do");
        const char *names[] = {"Rows read", "New actions", "Actions updated",
                               "Actions unchanged", "Rows refused"};
        long long vals[] = {r->rows, r->created.actions, r->updated, r->unchanged,
                            r->rejected};
        for (int i = 0; i < 5; i++)
            fprintf(f, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__"
                       "key\">%s</dt><dd class=\"govuk-summary-list__value\">%lld</dd></div>",
                    names[i], vals[i]);
        fputs("</dl>\n", f);
        for (size_t i = 0; i < r->nnotes; i++) {
            fputs("<p class=\"govuk-body\">", f);
            html_text(f, r->notes[i]);
            fputs("</p>\n", f);
        }
    }
    if (staged) {
        fputs("<form method=\"post\" action=\"/import/confirm\" novalidate>", f);
        page_csrf(x, f);
        fputs("<input type=\"hidden\" name=\"staged\" value=\"", f);
        html_text(f, staged);
        fputs("\"><input type=\"hidden\" name=\"filename\" value=\"", f);
        html_text(f, filename);
        fputs("\"><button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
              "Confirm and import</button></form>\n", f);
    }
    int bad = e && e->field;
    fprintf(f, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" "
               "novalidate>");
    page_csrf(x, f);
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
               "accept=\".csv,.tsv,.txt,.xlsx\" aria-describedby=\"file-hint%s\"></div>"
               "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
               "data-module=\"govuk-button\">Check the file</button></form>\n",
            bad ? " govuk-file-upload--error" : "", bad ? " file-error" : "");
    return page_end(x, f, &buf, &len, status, NULL);
}

/* Every authority can appear in a sheet, so only accounts that see all may
 * import: a scoped clerk could otherwise write outside its scope. */
static int import_allowed(web_ctx *x)
{
    return x->session.all_authorities;
}

int page_import_form(web_ctx *x)
{
    if (!import_allowed(x))
        return respond_error(x, 403, "Importing is for clerks whose account sees every "
                                     "authority: a sheet may name any of them.");
    return import_page(x, 200, NULL, NULL, NULL, NULL);
}

static int run_import(web_ctx *x, const void *data, size_t len, const char *filename,
                      int dry, sp_import_result **r)
{
    sp_import_options o = {0};
    o.name = filename && *filename ? filename : "upload";
    o.author = x->session.name; /* updates the sheet does not attribute: the account */
    o.flags = dry ? SP_IMPORT_DRY_RUN : 0;
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
    if (!multipart_part(x->w, "file", &data, &len, filename, sizeof filename) || len == 0)
        return import_page(x, 400, &(form_error){.field = "file",
                                                  .message = "Choose a CSV or Excel file"},
                           NULL, NULL, NULL);
    sp_import_result *r = NULL;
    int rc = run_import(x, data, len, filename, 1, &r);
    int ok;
    if (rc != SP_OK) {
        form_error e = {0};
        form_error_from_db(&e, x, FILE_FIELD, NO_VALUES);
        ok = import_page(x, 400, &e, r, NULL, NULL);
    } else if (!stage(x, data, len, suffix)) {
        ok = respond_error(x, 500, "The file could not be kept for confirming. Try again.");
    } else {
        ok = import_page(x, 200, NULL, r, suffix, filename);
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
    char *data = take_staged(x, suffix, &len);
    if (!data)
        return import_page(x, 400, &(form_error){.field = "file", .message = "The file checked "
                           "earlier is no longer waiting (it can be confirmed once). Upload it "
                           "again."}, NULL, NULL, NULL);
    sp_import_result *r = NULL;
    int rc = run_import(x, data, len, filename, 0, &r);
    free(data);
    form_error e = {0};
    if (rc != SP_OK)
        form_error_from_db(&e, x, FILE_FIELD, NO_VALUES);
    int ok = import_page(x, rc == SP_OK ? 200 : 400, rc == SP_OK ? NULL : &e, r, NULL, NULL);
    sp_import_result_free(r);
    return ok;
}
