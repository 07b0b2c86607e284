/* Responses: the page frame, security headers on everything, errors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pages.h"

/* Styles and the one script (the time-out warning) only from our own
 * files, no inline script or style, never framed; a script may talk only
 * to this server. */
static const char CSP[] = "default-src 'none'; style-src 'self'; script-src 'self'; "
                          "connect-src 'self'; img-src 'self'; form-action 'self'; "
                          "frame-ancestors 'none'; base-uri 'none'";

static void security_headers(struct MHD_Response *r, const char *cache)
{
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    /* Not no-referrer: under it browsers send "Origin: null" with every
     * form POST, which the Origin check must refuse (found by the browser
     * tests). same-origin still tells other sites nothing. */
    MHD_add_response_header(r, "Referrer-Policy", "same-origin");
    MHD_add_response_header(r, "Cache-Control", cache);
}

static int queue(web_ctx *x, unsigned status, char *body, size_t len, const char *type,
                 const char *cookie, const char *location)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return 0;
    }
    security_headers(r, "no-store");
    MHD_add_response_header(r, "Content-Type", type);
    if (cookie)
        MHD_add_response_header(r, "Set-Cookie", cookie);
    if (location)
        MHD_add_response_header(r, "Location", location);
    if (x->allow)
        MHD_add_response_header(r, "Allow", x->allow);
    enum MHD_Result ok = MHD_queue_response(x->w->conn, status, r);
    MHD_destroy_response(r);
    return ok == MHD_YES;
}

/* The service navigation: every page a signed-in account may open from
 * anywhere. The browser tests (tests/browser/web.mjs) crawl these links, so
 * a page added here is checked in every role without touching the tests. */
static const struct {
    const char *href, *label;
    const char *role; /* the only role that sees it; NULL: every role that
                         reads the plan (not admin) */
} NAV[] = {
    {"/", "My actions", NULL},          {"/overdue", "Overdue", NULL},
    {"/due-soon", "Due soon", NULL},    {"/stale", "Stale", NULL},
    {"/plan", "Plan", NULL},            {"/summary", "Summary", NULL},
    {"/downloads", "Downloads", NULL},  {"/reassign", "Reassign", "manager"},
    {"/transfer", "Transfer", "manager"}, {"/import", "Import", "clerk"},
};

/* The menu offers only pages that will open: the route table (page.c)
 * refuses admins every plan page, and imports to a clerk who does not see
 * every authority (a sheet may name any). */
static int nav_shown(const web_ctx *x, size_t i)
{
    const char *role = x->session.role;
    if (!NAV[i].role)
        return strcmp(role, "admin") != 0;
    if (strcmp(NAV[i].href, "/import") == 0 && !x->session.all_authorities)
        return 0;
    return strcmp(role, NAV[i].role) == 0;
}

static void service_navigation(web_ctx *x, FILE *f)
{
    fputs("<section aria-label=\"Service menu\" class=\"govuk-service-navigation\">"
          "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">"
          "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
          "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">", f);
    for (size_t i = 0; i < sizeof NAV / sizeof NAV[0]; i++) {
        if (!nav_shown(x, i))
            continue;
        int here = strcmp(x->w->url, NAV[i].href) == 0;
        fprintf(f, "<li class=\"govuk-service-navigation__item%s\">"
                   "<a class=\"govuk-service-navigation__link\" href=\"%s\"%s>%s</a></li>",
                here ? " govuk-service-navigation__item--active" : "", NAV[i].href,
                here ? " aria-current=\"page\"" : "", NAV[i].label);
    }
    fputs("<li class=\"govuk-service-navigation__item\">"
          "<form method=\"post\" action=\"/sign-out\" class=\"app-sign-out\">", f);
    page_csrf(x, f);
    fputs("<button type=\"submit\" class=\"app-sign-out__button\">Sign out</button>"
          "</form></li></ul></nav></div>\n<p class=\"app-account\">Signed in as ", f);
    html_text(f, x->session.name);
    fputs(" (", f);
    html_text(f, x->session.role);
    fputs(")</p>", f);
    page_session_notice(x, f);
    fputs("</div></section>\n", f);
}

FILE *page_begin(web_ctx *x, const char *title, char **buf, size_t *len)
{
    FILE *f = open_memstream(buf, len);
    if (!f)
        return NULL;
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n"
          "<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    html_text(f, title);
    /* No crown and no GOV.UK logotype: the header names the service only. */
    fputs(" – safeplan</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n"
          "<script src=\"/session.js\" defer></script>\n</head>\n"
          "<body class=\"govuk-template__body\">\n"
          "<a class=\"govuk-skip-link\" href=\"#main\">Skip to main content</a>\n"
          "<header class=\"govuk-header\"><div class=\"govuk-header__container "
          "govuk-width-container\"><div class=\"govuk-header__logo\"><a href=\"/\" "
          "class=\"govuk-header__link govuk-header__link--homepage\">"
          "<span class=\"govuk-header__logotype-text\">Safeguarding improvement plan</span>"
          "</a></div></div></header>\n", f);
    if (x->session.account_id)
        service_navigation(x, f);
    fputs("<div class=\"govuk-width-container\">\n"
          "<main class=\"govuk-main-wrapper\" id=\"main\">\n<h1 class=\"govuk-heading-l\">", f);
    html_text(f, title);
    fputs("</h1>\n", f);
    return f;
}

int page_end(web_ctx *x, FILE *f, char **buf, size_t *len, unsigned status, const char *cookie)
{
    fputs("</main>\n</div>\n</body>\n</html>\n", f);
    if (fclose(f) != 0) {
        free(*buf);
        return 0;
    }
    return queue(x, status, *buf, *len, "text/html; charset=utf-8", cookie, NULL);
}

static const char *status_title(unsigned status)
{
    switch (status) {
    case 400: return "Something in the request is wrong";
    case 403: return "You cannot do this";
    case 404: return "Page not found";
    case 405: return "Request not allowed here";
    case 413: return "Too much was sent";
    case 414: return "The address is too long";
    case 415: return "What was sent is not a form";
    case 429: return "Too many attempts";
    case 431: return "The request is too large";
    default: return "Sorry, there is a problem with the service";
    }
}

int respond_error(web_ctx *x, unsigned status, const char *what_to_do)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, status_title(status), &buf, &len);
    if (!f)
        return 0;
    fputs("<p>", f);
    html_text(f, what_to_do);
    fputs("</p>\n<p><a href=\"/\">Go to the home page</a></p>\n", f);
    return page_end(x, f, &buf, &len, status, NULL);
}

int respond_type_error(web_ctx *x, const char *type)
{
    char what_to_do[320];
    snprintf(what_to_do, sizeof what_to_do, "This address reads only a form sent as %s. "
             "Go back to the page and send the form from there (a program must send its "
             "data as %s).", type, type);
    return respond_error(x, 415, what_to_do);
}

int respond_redirect(web_ctx *x, const char *to)
{
    char *body = strdup("");
    return body && queue(x, 303, body, 0, "text/plain", NULL, to);
}

int respond_redirect_cookie(web_ctx *x, const char *to, const char *cookie)
{
    char *body = strdup("");
    return body && queue(x, 303, body, 0, "text/plain", cookie, to);
}

int respond_file(web_ctx *x, int fd, const char *type, const char *filename)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return respond_error(x, 500, "The file could not be made. Try again.");
    }
    /* From the file descriptor: libmicrohttpd sends it from disk. */
    struct MHD_Response *r = MHD_create_response_from_fd((size_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return 0;
    }
    char disposition[256];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", filename);
    security_headers(r, "no-store");
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Disposition", disposition);
    enum MHD_Result ok = MHD_queue_response(x->w->conn, 200, r);
    MHD_destroy_response(r);
    return ok == MHD_YES;
}

void page_csrf(web_ctx *x, FILE *f)
{
    fputs("<input type=\"hidden\" name=\"csrf\" value=\"", f);
    html_text(f, x->session.csrf);
    fputs("\">", f);
}

/* The stylesheet compiled in from src/web/assets/safeplan.css (CMakeLists.txt). */
extern const char *const web_style_css;
extern const size_t web_style_css_len;

/* The time-out warning's script, from src/web/assets/session.js. */
extern const char *const web_session_js;
extern const size_t web_session_js_len;

/* The stylesheet (150 KB) and the script are the same until the server is
 * upgraded, so a browser keeps them and asks each time whether they have
 * changed (no-cache: revalidate, never use unasked): a 304 instead of the
 * whole file on every page. Pages themselves stay no-store. */
static void asset_tag(char *tag, size_t size, const char *bytes, size_t len)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)bytes[i]) * 1099511628211u;
    snprintf(tag, size, "\"%zx-%016llx\"", len, (unsigned long long)h);
}

static int embedded(web_ctx *x, const char *bytes, size_t len, const char *type)
{
    char tag[48];
    asset_tag(tag, sizeof tag, bytes, len);
    const char *asked =
        MHD_lookup_connection_value(x->w->conn, MHD_HEADER_KIND, "If-None-Match");
    int same = asked && strstr(asked, tag) != NULL;
    char *body = same ? NULL : malloc(len);
    if (!same && !body)
        return 0;
    if (body)
        memcpy(body, bytes, len);
    struct MHD_Response *r =
        MHD_create_response_from_buffer(same ? 0 : len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return 0;
    }
    security_headers(r, "no-cache");
    MHD_add_response_header(r, "ETag", tag);
    MHD_add_response_header(r, "Content-Type", type);
    enum MHD_Result ok = MHD_queue_response(x->w->conn, same ? 304 : 200, r);
    MHD_destroy_response(r);
    return ok == MHD_YES;
}

int page_style(web_ctx *x)
{
    return embedded(x, web_style_css, web_style_css_len, "text/css; charset=utf-8");
}

int page_script(web_ctx *x)
{
    return embedded(x, web_session_js, web_session_js_len, "text/javascript; charset=utf-8");
}

/* The session was found, so its idle clock has restarted (signed_in() in
 * page.c): nothing to send. A 204 leaves the browser on its page, with
 * what was typed into it, with or without script. */
int page_session_extend(web_ctx *x)
{
    return queue(x, 204, NULL, 0, "text/plain; charset=utf-8", NULL, NULL);
}
