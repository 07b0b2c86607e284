/* Signing in and out. */
#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

#include "form.h"

static int sign_in_page(web_ctx *x, unsigned status, const char *error, const char *name)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = page_begin(x, "Sign in", &buf, &len);
    if (!f)
        return 0;
    /* The error is about the pair, so it points at the first field. */
    if (error)
        error_summary(f, "name", error);
    fprintf(f, "<form method=\"post\" action=\"/sign-in\" novalidate>\n<div class=\"govuk-"
               "form-group%s\"><label class=\"govuk-label\" for=\"name\">Account name</label>",
            error ? " govuk-form-group--error" : "");
    if (error) {
        fputs("<p id=\"name-error\" class=\"govuk-error-message\"><span class=\"govuk-"
              "visually-hidden\">Error:</span> ", f);
        html_text(f, error);
        fputs("</p>", f);
    }
    fprintf(f, "<input class=\"govuk-input%s\" id=\"name\" name=\"name\" type=\"text\" "
               "autocomplete=\"username\" spellcheck=\"false\"%s value=\"",
            error ? " govuk-input--error" : "", error ? " aria-describedby=\"name-error\"" : "");
    html_text(f, name);
    fputs("\"></div>\n", f);
    fputs("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">"
          "Password</label><input class=\"govuk-input\" id=\"password\" name=\"password\" "
          "type=\"password\" autocomplete=\"current-password\"></div>\n"
          "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
          "Sign in</button>\n</form>\n", f);
    return page_end(x, f, &buf, &len, status, NULL);
}

int page_sign_in_form(web_ctx *x)
{
    return sign_in_page(x, 200, NULL, "");
}

/* The address the connection comes from, as text ("" if unknown). */
static void socket_address(web_ctx *x, char *out, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(x->w->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = ci ? ci->client_addr : NULL;
    out[0] = '\0';
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)size);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)size);
}

/* The address whose failures are counted. Behind the TLS proxy every
 * connection comes from the proxy, so counting by it would let anyone
 * lock everyone out with five wrong passwords: there the address is the
 * proxy's X-Real-IP (README's nginx example sets it, replacing any the
 * client sent). It is believed only from a proxy on this machine. */
static void peer_address(web_ctx *x, char *out, size_t size)
{
    socket_address(x, out, size);
    if (!x->w->behind_tls || (strcmp(out, "127.0.0.1") != 0 && strcmp(out, "::1") != 0))
        return;
    const char *real = MHD_lookup_connection_value(x->w->conn, MHD_HEADER_KIND, "X-Real-IP");
    if (!real || !*real || strlen(real) >= size || strspn(real, "0123456789abcdefABCDEF.:") !=
                                                        strlen(real))
        return;
    snprintf(out, size, "%s", real);
}

/* Account names are compared without regard to ASCII case (COLLATE
 * NOCASE), so their failures are counted so too: MGR is mgr. */
static void name_key(char *key, size_t size, const char *name)
{
    size_t n = (size_t)snprintf(key, size, "name:%s", name);
    for (size_t i = 5; i < n && i < size; i++)
        key[i] = (char)tolower((unsigned char)key[i]);
}

int page_sign_in(web_ctx *x)
{
    char name[128] = "", pw[1024] = "", addr[64], akey[80], nkey[140], token[SP_TOKEN_SIZE];
    form_field(x->w->body, "name", name, sizeof name);
    form_field(x->w->body, "password", pw, sizeof pw);
    peer_address(x, addr, sizeof addr);
    snprintf(akey, sizeof akey, "ip:%s", addr);
    name_key(nkey, sizeof nkey, name);
    if (limit_blocked(akey, x->w->now) || limit_blocked(nkey, x->w->now))
        return sign_in_page(x, 429, "Too many failed attempts to sign in. Wait 15 minutes "
                            "and try again, or ask an administrator to reset the password.",
                            name);
    if (sp_session_start(token, x->w->db, name, pw, x->w->now) != SP_OK) {
        limit_fail(akey, x->w->now);
        limit_fail(nkey, x->w->now);
        memset(pw, 0, sizeof pw);
        return sign_in_page(x, 400, "The account name or password is not right. "
                            "Check them and try again.", name);
    }
    memset(pw, 0, sizeof pw);
    /* A new token at every sign-in (a token planted before cannot be used);
     * the previous session, if any, ends. */
    const char *old = MHD_lookup_connection_value(x->w->conn, MHD_COOKIE_KIND,
                                                  page_cookie_name(x));
    if (old)
        sp_session_end(x->w->db, old);
    /* Every sign-in clears away the sessions that have expired (the server
     * does so when it starts too). A failure only leaves them a while
     * longer: the person is signed in all the same. */
    sp_session_purge(x->w->db, x->w->now, x->w->idle_s, x->w->absolute_s);
    char cookie[256];
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s",
             page_cookie_name(x), token, x->w->behind_tls ? "; Secure" : "");
    return respond_redirect_cookie(x, "/", cookie);
}

int page_sign_out(web_ctx *x)
{
    char cookie[160];
    sp_session_end(x->w->db, x->token);
    import_sweep(x->session.csrf, (long)x->w->absolute_s);
    snprintf(cookie, sizeof cookie, "%s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s",
             page_cookie_name(x), x->w->behind_tls ? "; Secure" : "");
    return respond_redirect_cookie(x, "/sign-in", cookie);
}
