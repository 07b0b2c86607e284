/*
 * Routing and access. ROUTES is the one place that says who may do what:
 * each route names the roles allowed; dispatch checks the session, the
 * role, and for every POST the Origin header and the CSRF token, before a
 * page handler runs. Handlers then scope what they show to the account's
 * authorities (scope.c) and, for officers, to their own actions.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"
#include "pages.h"

#define R_VIEWER 1
#define R_OFFICER 2
#define R_MANAGER 4
#define R_CLERK 8
#define R_ADMIN 16
#define R_ANY (R_VIEWER | R_OFFICER | R_MANAGER | R_CLERK | R_ADMIN)
/* Everyone who reads the plan: admins manage accounts only, not content. */
#define R_READER (R_VIEWER | R_OFFICER | R_MANAGER | R_CLERK)
#define R_PUBLIC 0

typedef struct route {
    const char *method;
    const char *path;   /* exact, or a prefix ending in '/' followed by an id */
    int roles;          /* R_PUBLIC: no session needed */
    int (*run)(web_ctx *x);
} route;

static const route ROUTES[] = {
    {"GET", "/sign-in", R_PUBLIC, page_sign_in_form},
    {"POST", "/sign-in", R_PUBLIC, page_sign_in},
    {"GET", "/style.css", R_PUBLIC, page_style},
    {"GET", "/session.js", R_PUBLIC, page_script},
    /* Any request restarts the idle clock; this one does only that. */
    {"POST", "/session/extend", R_ANY, page_session_extend},
    {"POST", "/sign-out", R_ANY, page_sign_out},
    {"GET", "/", R_ANY, page_home},
    {"GET", "/overdue", R_READER, page_overdue},
    {"GET", "/due-soon", R_READER, page_due_soon},
    {"GET", "/stale", R_READER, page_stale},
    {"GET", "/plan", R_READER, page_plan},
    {"GET", "/summary", R_READER, page_summary},
    /* Reports and the pack: everyone who reads the plan. */
    {"GET", "/downloads", R_READER, page_downloads},
    {"GET", "/download", R_READER, page_download},
    /* Moving work between owners and authorities: managers only. */
    {"GET", "/reassign", R_MANAGER, page_reassign_form},
    {"POST", "/reassign", R_MANAGER, page_reassign},
    {"GET", "/transfer", R_MANAGER, page_transfer_form},
    {"POST", "/transfer", R_MANAGER, page_transfer},
    /* Importing sheets: clerks (who see every authority: a sheet may name any). */
    {"GET", "/import", R_CLERK, page_import_form},
    {"POST", "/import", R_CLERK, page_import_preview},
    {"POST", "/import/confirm", R_CLERK, page_import_confirm},
    {"GET", "/actions/", R_READER, page_action},
    /* Updating: officers their own actions, managers any in scope (admins
     * manage accounts, not plan content). */
    {"POST", "/actions/", R_OFFICER | R_MANAGER, page_action_update},
};
#define NROUTES (sizeof ROUTES / sizeof ROUTES[0])

static int role_bit(const char *role)
{
    static const char *const names[] = {"viewer", "officer", "manager", "clerk", "admin"};
    for (int i = 0; i < 5; i++)
        if (strcmp(role, names[i]) == 0)
            return 1 << i;
    return 0;
}

/* Matches url against a route path; *id gets a trailing id for "/x/" paths. */
static int path_match(const char *path, const char *url, int64_t *id)
{
    size_t n = strlen(path);
    if (n > 1 && path[n - 1] == '/') {
        if (strncmp(url, path, n) != 0)
            return 0;
        const char *digits = url + n;
        if (!*digits || digits[strspn(digits, "0123456789")] || strlen(digits) > 15)
            return 0;
        *id = strtoll(digits, NULL, 10);
        return 1;
    }
    return strcmp(path, url) == 0;
}

static const char *cookie_name(const web_request *w)
{
    return w->behind_tls ? "__Host-safeplan" : "safeplan";
}

/* A POST must come from our own pages: same Origin (when the browser
 * sends one, which all current browsers do for POST) and, once signed in,
 * the session's CSRF token. */
static int origin_ok(web_request *w)
{
    const char *origin = MHD_lookup_connection_value(w->conn, MHD_HEADER_KIND, "Origin");
    const char *host = MHD_lookup_connection_value(w->conn, MHD_HEADER_KIND, "Host");
    if (!origin)
        return 1;
    if (!host)
        return 0;
    const char *scheme = w->behind_tls ? "https://" : "http://";
    size_t sl = strlen(scheme);
    return strncmp(origin, scheme, sl) == 0 && strcmp(origin + sl, host) == 0;
}

/* The one kind of body a POST route reads: the sheet sent to /import is a
 * file upload, every other form is urlencoded (session.js sends that too). */
static const char *body_type(const route *r)
{
    return r->run == page_import_preview ? "multipart/form-data"
                                         : "application/x-www-form-urlencoded";
}

/* 1 if the request's Content-Type is the route's, whatever its parameters
 * (charset, boundary). Anything else (text/plain from a form made to send
 * it, JSON from a script) would still be read as a form, since the page
 * looks for its fields in whatever came: it is refused (415) instead, and
 * before its body is read. The Origin check and the CSRF token already
 * keep other sites' posts out; this is a second wall. */
static int type_ok(const web_request *w, const route *r)
{
    const char *got = MHD_lookup_connection_value(w->conn, MHD_HEADER_KIND, "Content-Type");
    const char *want = body_type(r);
    size_t n = strlen(want);
    if (!got)
        return 0;
    got += strspn(got, " \t");
    /* strchr finds the string's NUL too: the type alone is the type. */
    return strncasecmp(got, want, n) == 0 && strchr(" \t;", got[n]) != NULL;
}

static int csrf_ok(web_ctx *x)
{
    char got[SP_TOKEN_SIZE + 1];
    const char *part;
    size_t plen;
    if (multipart_part(x->w, "csrf", &part, &plen, NULL, 0) && plen < sizeof got) {
        memcpy(got, part, plen);
        got[plen] = '\0';
    } else if (form_field(x->w->body, "csrf", got, sizeof got) != 1) {
        return 0;
    }
    /* Constant-time comparison: the token must not leak byte by byte. */
    size_t n = strlen(x->session.csrf);
    if (strlen(got) != n || n == 0)
        return 0;
    unsigned diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned)(got[i] ^ x->session.csrf[i]);
    return diff == 0;
}

static int signed_in(web_ctx *x)
{
    const char *token =
        MHD_lookup_connection_value(x->w->conn, MHD_COOKIE_KIND, cookie_name(x->w));
    if (!token || !x->w->db)
        return 0;
    if (sp_session_find(&x->session, x->w->db, token, x->w->now, x->w->idle_s,
                        x->w->absolute_s) != SP_OK)
        return 0;
    snprintf(x->token, sizeof x->token, "%s", token);
    return 1;
}

static int is_post(const web_request *w)
{
    return strcmp(w->method, "POST") == 0;
}

static int run_route(web_ctx *x, const route *r)
{
    if (r->roles != R_PUBLIC) {
        if (!signed_in(x))
            return !is_post(x->w) ? respond_redirect(x, "/sign-in")
                                  : respond_error(x, 403, "You are not signed in, or your "
                                                  "session has ended. Sign in and try again.");
        if (!(role_bit(x->session.role) & r->roles))
            return respond_error(x, 403, "Your account's role does not allow this. "
                                         "Ask an administrator if you need it.");
    }
    if (is_post(x->w)) {
        if (!type_ok(x->w, r))
            return respond_type_error(x, body_type(r));
        if (x->w->too_big)
            return respond_error(x, 413, "What you sent is too large (64 KB for a form, "
                                         "16 MB for a sheet). Shorten it and send it again.");
        if (!origin_ok(x->w))
            return respond_error(x, 403, "This form was sent from another site. "
                                         "Go back to the page and send it from there.");
        if (r->roles != R_PUBLIC && !csrf_ok(x))
            return respond_error(x, 403, "This form has expired or did not come from this "
                                         "site. Reload the page and send it again.");
    }
    /* Allowed: only now does the request count as use of the session (a
     * refused one changes nothing, its idle clock included). A failure to
     * record it costs at most an earlier time-out, so the page still runs. */
    if (x->session.account_id)
        sp_session_touch(x->w->db, x->token, x->w->now);
    /* Each write's change set names the signed-in person and the page
     * (`safeplan log`), as the CLI's names its user and command line. */
    char command[160];
    snprintf(command, sizeof command, "web: %s %.120s", x->w->method, x->w->url);
    sp_set_actor(x->w->db, x->session.account_id ? x->session.name : NULL, command);
    return r->run(x);
}

enum MHD_Result page_dispatch(web_request *w)
{
    web_ctx x = {0};
    x.w = w;
    if (!w->db)
        return respond_error(&x, 500, "The plan's database cannot be opened. Tell the "
                                      "administrator; the server log says why.")
                   ? MHD_YES : MHD_NO;
    /* HEAD is GET without the body (RFC 9110 9.3.2; libmicrohttpd leaves
     * the body out): link checkers and monitors ask with it. */
    const char *method = strcmp(w->method, "HEAD") == 0 ? "GET" : w->method;
    int gets = 0, posts = 0;
    for (size_t i = 0; i < NROUTES; i++) {
        int64_t id = 0;
        if (!path_match(ROUTES[i].path, w->url, &id))
            continue;
        gets |= strcmp(ROUTES[i].method, "GET") == 0;
        posts |= strcmp(ROUTES[i].method, "POST") == 0;
        if (strcmp(ROUTES[i].method, method) != 0)
            continue;
        x.id = id;
        return run_route(&x, &ROUTES[i]) ? MHD_YES : MHD_NO;
    }
    if (gets || posts) {
        /* A 405 names the methods the address does take (RFC 9110 15.5.6). */
        x.allow = gets && posts ? "GET, HEAD, POST" : gets ? "GET, HEAD" : "POST";
        return respond_error(&x, 405, "This address does not accept that kind of request. "
                                      "Use the links and forms on the pages.") ? MHD_YES : MHD_NO;
    }
    return respond_error(&x, 404, "There is no page at this address. Check it, or start "
                                  "from the home page.") ? MHD_YES : MHD_NO;
}

enum MHD_Result page_refuse(web_request *w, unsigned status)
{
    web_ctx x = {0};
    x.w = w;
    const char *what = status == 414
        ? "An address can be 8 KB long at most, its search terms included. Go back, "
          "shorten what you searched for or chose, and try again."
        : "A request's headers can be 32 KB at most, and this one's are larger: most often "
          "because of too many or too large cookies. Clear this site's cookies in your "
          "browser, then sign in again.";
    return respond_error(&x, status, what) ? MHD_YES : MHD_NO;
}

int page_body_wanted(web_request *w)
{
    web_ctx x = {0};
    x.w = w;
    if (!w->db || !is_post(w))
        return 1; /* page_dispatch answers these as they are */
    for (size_t i = 0; i < NROUTES; i++) {
        int64_t id = 0;
        if (strcmp(ROUTES[i].method, "POST") != 0 || !path_match(ROUTES[i].path, w->url, &id))
            continue;
        return type_ok(w, &ROUTES[i]) && (ROUTES[i].roles == R_PUBLIC ||
               (signed_in(&x) && (role_bit(x.session.role) & ROUTES[i].roles)));
    }
    return 1;
}

const char *page_cookie_name(const web_ctx *x)
{
    return cookie_name(x->w);
}
