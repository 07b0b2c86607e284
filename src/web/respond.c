/* Responses: the page frame, security headers on everything, errors. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pages.h"

/* No script at all, styles only from our own stylesheet, never framed. */
static const char CSP[] = "default-src 'none'; style-src 'self'; img-src 'self'; "
                          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static void security_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
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
    security_headers(r);
    MHD_add_response_header(r, "Content-Type", type);
    if (cookie)
        MHD_add_response_header(r, "Set-Cookie", cookie);
    if (location)
        MHD_add_response_header(r, "Location", location);
    enum MHD_Result ok = MHD_queue_response(x->w->conn, status, r);
    MHD_destroy_response(r);
    return ok == MHD_YES;
}

FILE *page_begin(web_ctx *x, const char *title, char **buf, size_t *len)
{
    FILE *f = open_memstream(buf, len);
    if (!f)
        return NULL;
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    html_text(f, title);
    fputs(" – safeplan</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n"
          "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
          "<header class=\"header\"><div class=\"width\"><a class=\"service\" href=\"/\">"
          "Safeguarding improvement plan</a>", f);
    if (x->session.account_id) {
        fputs("<nav aria-label=\"Account\"><ul class=\"nav\"><li><a href=\"/\">My actions</a></li>"
              "<li><a href=\"/overdue\">Overdue</a></li>"
              "<li><a href=\"/due-soon\">Due soon</a></li><li><a href=\"/stale\">Stale</a></li>"
              "<li><a href=\"/plan\">Plan</a></li><li><a href=\"/summary\">Summary</a></li>"
              "<li><a href=\"/downloads\">Downloads</a></li>", f);
        if (strcmp(x->session.role, "manager") == 0)
            fputs("<li><a href=\"/reassign\">Reassign</a></li>"
                  "<li><a href=\"/transfer\">Transfer</a></li>", f);
        if (strcmp(x->session.role, "clerk") == 0)
            fputs("<li><a href=\"/import\">Import</a></li>", f);
        fputs("</ul>"
              "<form method=\"post\" action=\"/sign-out\" class=\"signout\">", f);
        page_csrf(x, f);
        fputs("<span>Signed in as ", f);
        html_text(f, x->session.name);
        fputs(" (", f);
        html_text(f, x->session.role);
        fputs(")</span> <button type=\"submit\" class=\"button secondary\">Sign out</button>"
              "</form></nav>", f);
        page_session_notice(x, f);
    }
    fputs("</div></header>\n<main id=\"main\" class=\"width\">\n<h1>", f);
    html_text(f, title);
    fputs("</h1>\n", f);
    return f;
}

int page_end(web_ctx *x, FILE *f, char **buf, size_t *len, unsigned status, const char *cookie)
{
    fputs("</main>\n</body>\n</html>\n", f);
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
    case 429: return "Too many attempts";
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
    security_headers(r);
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

int page_style(web_ctx *x)
{
    extern const char web_style_css[];
    char *body = strdup(web_style_css);
    return body && queue(x, 200, body, strlen(body), "text/css; charset=utf-8", NULL, NULL);
}
