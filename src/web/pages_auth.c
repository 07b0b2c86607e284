/* Signing in and out. */
#include <arpa/inet.h>
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

static void peer_address(web_ctx *x, char *out, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(x->w->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    out[0] = '\0';
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
                  out, (socklen_t)size);
}

int page_sign_in(web_ctx *x)
{
    char name[128] = "", pw[1024] = "", addr[64], akey[80], nkey[140], token[SP_TOKEN_SIZE];
    form_field(x->w->body, "name", name, sizeof name);
    form_field(x->w->body, "password", pw, sizeof pw);
    peer_address(x, addr, sizeof addr);
    snprintf(akey, sizeof akey, "ip:%s", addr);
    snprintf(nkey, sizeof nkey, "name:%s", name);
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
