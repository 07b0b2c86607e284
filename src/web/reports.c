/* Summary and Downloads: counts per group, and the CSV export, committee
 * pack (XLSX) and HTML report through the library functions the CLI uses,
 * each scoped to the authorities the account may see. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form.h"

static const char *const GROUPS[] = {"theme", "Theme", "owner", "Owner", "review", "Review",
                                     "authority", "Authority", "status", "Status", NULL};

/* 1 if value is one of the values of a value, label list. */
static int in_pairs(const char *const *pairs, const char *value)
{
    for (int i = 0; pairs[i]; i += 2)
        if (strcmp(pairs[i], value) == 0)
            return 1;
    return 0;
}

static void heading_text(FILE *f, const char *name)
{
    for (const char *p = name; *p; p++)
        fputc(*p == '_' ? ' ' : p == name ? (*p & ~0x20) : *p, f);
}

static void summary_table(FILE *f, sp_cursor *c, const char *caption)
{
    html_table_open(f, caption ? caption : "Summary");
    if (caption) {
        fputs("<caption class=\"govuk-table__caption govuk-table__caption--m\">", f);
        html_text(f, caption);
        fputs("</caption>", f);
    }
    fputs("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">", f);
    for (int i = 0; i < sp_cursor_columns(c); i++) {
        fprintf(f, "<th scope=\"col\" class=\"govuk-table__header%s\">",
                i ? " govuk-table__header--numeric" : "");
        heading_text(f, sp_cursor_name(c, i));
        fputs("</th>", f);
    }
    fputs("</tr></thead><tbody class=\"govuk-table__body\">\n", f);
    while (sp_cursor_step(c) == SP_ROW) {
        fputs("<tr class=\"govuk-table__row\">", f);
        for (int i = 0; i < sp_cursor_columns(c); i++) {
            fputs(i ? "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"
                    : "<th scope=\"row\" class=\"govuk-table__header\">", f);
            html_text(f, sp_cursor_text(c, i));
            fputs(i ? "</td>" : "</th>", f);
        }
        fputs("</tr>\n", f);
    }
    html_table_close(f);
}

/* One table per authority in scope (or one for an account that sees all,
 * or for the authority asked for), so no count mixes in an unseen one. */
static int summary_tables(FILE *f, web_ctx *x, const char *as_of, const char *by,
                          const char *authority, form_error *e)
{
    sp_filter flt = {0};
    sp_cursor *codes = NULL;
    int scoped = !authority && !x->session.all_authorities;
    if (scoped && sp_account_authorities(&codes, x->w->db, x->session.account_id) != SP_OK)
        return 0;
    int ok = 1;
    while (ok) {
        char code[64] = "";
        if (scoped) {
            if (sp_cursor_step(codes) != SP_ROW)
                break;
            snprintf(code, sizeof code, "%s", sp_cursor_text(codes, 0));
        } else if (authority) {
            snprintf(code, sizeof code, "%s", authority);
        }
        flt.authority = code[0] ? code : NULL;
        sp_cursor *c = NULL;
        if (sp_summary(&c, x->w->db, as_of, by, &flt) != SP_OK) {
            form_error_from_db(e, x, (const char *const[]){"as_of", "authority", NULL},
                               (const char *const[]){as_of, authority, NULL});
            ok = 0;
        } else {
            summary_table(f, c, flt.authority);
        }
        sp_cursor_free(c);
        if (!scoped)
            break;
    }
    sp_cursor_free(codes);
    return ok;
}

int page_summary(web_ctx *x)
{
    const char *as_of = query_arg(x, "as_of"), *by = query_arg(x, "by");
    const char *authority = query_arg(x, "authority");
    form_error e = {0};
    char *buf = NULL, *body = NULL, iso[SP_DATE_SIZE];
    size_t len = 0, blen = 0;
    int ok = 1;
    if (by && !in_pairs(GROUPS, by))
        e = form_err("by", "Choose theme, owner, review, authority or status");
    else if (as_of && sp_date_parse(iso, as_of) != SP_OK)
        e = form_err("as_of", "Enter the as-of date as a real date, like 2026-03-31");
    else if (authority && !scope_allows(x, authority))
        e = form_err("authority", "Choose an authority your account can see");
    FILE *t = open_memstream(&body, &blen);
    if (!t)
        return 0;
    if (!e.field)
        ok = summary_tables(t, x, as_of, by, authority, &e);
    fclose(t);
    FILE *f = page_begin(x, "Summary", &buf, &len);
    if (!f) {
        free(body);
        return 0;
    }
    if (e.field)
        error_summary(f, e.field, e.message);
    fputs("<form method=\"get\" action=\"/summary\" novalidate>\n", f);
    select_field(f, &e, "by", "Count by", GROUPS, by ? by : "theme");
    text_field(f, &e, "as_of", "As of", "Empty means today.", as_of, "govuk-input--width-10");
    authority_select(f, x, &e, authority, 1);
    fputs("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
          "data-module=\"govuk-button\">Show</button>\n</form>\n", f);
    if (!e.field && ok)
        fwrite(body, 1, blen, f);
    free(body);
    return page_end(x, f, &buf, &len, e.field ? 400 : ok ? 200 : 500, NULL);
}

static const char *const WHATS[] = {"csv", "Every action as CSV (for a spreadsheet)",
                                    "xlsx", "Committee pack (Excel workbook)",
                                    "html", "Report (web page to print)", NULL};

static int downloads_page(web_ctx *x, unsigned status, const form_error *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, "Downloads", &buf, &len);
    if (!f)
        return 0;
    if (e && e->field)
        error_summary(f, e->field, e->message);
    fputs("<form method=\"get\" action=\"/download\" novalidate>\n", f);
    select_field(f, e, "what", "What to download", WHATS, query_arg(x, "what"));
    text_field(f, e, "as_of", "As of", "The day the plan is shown for, for example "
               "2026-03-31. Empty means today.", query_arg(x, "as_of"), "govuk-input--width-10");
    authority_select(f, x, e, query_arg(x, "authority"), x->session.all_authorities);
    fputs("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
          "Download</button>\n</form>\n", f);
    return page_end(x, f, &buf, &len, status, NULL);
}

int page_downloads(web_ctx *x)
{
    return downloads_page(x, 200, NULL);
}

/* A private working directory for the pack (never a shared temp file). */
static int pack_fd(web_ctx *x, const sp_pack_opts *o)
{
    const char *tmp = getenv("TMPDIR");
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/safeplan-pack-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/pack.xlsx", dir);
    int fd = -1;
    if (sp_pack_xlsx(x->w->db, path, o) == SP_OK)
        fd = open(path, O_RDONLY | O_CLOEXEC);
    unlink(path);
    rmdir(dir);
    return fd;
}

/* Writes the CSV or HTML report to an unnamed temporary file: it streams
 * to disk, however large the plan, and then from disk to the client. */
static int text_fd(web_ctx *x, const char *what, const sp_pack_opts *o)
{
    FILE *t = tmpfile();
    if (!t)
        return -1;
    int rc = strcmp(what, "csv") == 0
                 ? sp_export(NULL, x->w->db, t, o->as_of, o->filter, SP_CSV_WITH_BOM)
                 : sp_report_html(x->w->db, t, o);
    int fd = rc == SP_OK && fflush(t) == 0 ? dup(fileno(t)) : -1;
    fclose(t);
    return fd;
}

int page_download(web_ctx *x)
{
    const char *what = query_arg(x, "what"), *as_of = query_arg(x, "as_of");
    const char *authority = query_arg(x, "authority");
    char iso[SP_DATE_SIZE] = "";
    form_error e = {0};
    if (!what || !in_pairs(WHATS, what))
        e = form_err("what", "Choose what to download");
    else if (as_of && sp_date_parse(iso, as_of) != SP_OK)
        e = form_err("as_of", "Enter the as-of date as a real date, like 2026-03-31");
    else if (authority ? !scope_allows(x, authority) : !x->session.all_authorities)
        e = form_err("authority", "Choose an authority your account can see");
    if (e.field)
        return downloads_page(x, 400, &e);
    sp_filter flt = {0};
    flt.authority = authority;
    sp_pack_opts o = {0};
    o.as_of = as_of;
    o.filter = &flt;
    o.author = x->session.name;
    int fd = strcmp(what, "xlsx") == 0 ? pack_fd(x, &o) : text_fd(x, what, &o);
    if (fd < 0) {
        form_error_from_db(&e, x, (const char *const[]){"as_of", "authority", NULL},
                           (const char *const[]){as_of, authority, NULL});
        return downloads_page(x, 400, &e);
    }
    char name[160];
    snprintf(name, sizeof name, "safeplan-%s%s%s.%s", strcmp(what, "csv") == 0 ? "actions"
             : strcmp(what, "xlsx") == 0 ? "pack" : "report", iso[0] ? "-" : "", iso, what);
    const char *type = strcmp(what, "csv") == 0 ? "text/csv; charset=utf-8"
                       : strcmp(what, "html") == 0
                           ? "text/html; charset=utf-8"
                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return respond_file(x, fd, type, name);
}
