/* Page handlers and the response helpers they share. */
#ifndef SP_WEB_PAGES_H
#define SP_WEB_PAGES_H

#include "page.h"

typedef struct web_ctx {
    web_request *w;
    sp_session session;      /* when signed in */
    char token[SP_TOKEN_SIZE];
    int64_t id;              /* the id at the end of "/actions/ID" */
    const char *allow;       /* a 405's Allow header: the methods the address takes */
} web_ctx;

/* Each returns 1 if a response was queued, 0 on failure (connection dropped). */
int page_sign_in_form(web_ctx *x);
int page_sign_in(web_ctx *x);
int page_sign_out(web_ctx *x);
int page_style(web_ctx *x);
int page_script(web_ctx *x);
int page_session_extend(web_ctx *x);
int page_home(web_ctx *x);
int page_overdue(web_ctx *x);
int page_due_soon(web_ctx *x);
int page_stale(web_ctx *x);
int page_plan(web_ctx *x);
int page_summary(web_ctx *x);
int page_downloads(web_ctx *x);
int page_download(web_ctx *x);
int page_reassign_form(web_ctx *x);
int page_reassign(web_ctx *x);
int page_transfer_form(web_ctx *x);
int page_transfer(web_ctx *x);
int page_import_form(web_ctx *x);
int page_import_preview(web_ctx *x);
/* Removes a session's unconfirmed uploads (csrf, may be NULL) and any older
 * than ttl_s seconds. */
void import_sweep(const char *csrf, long ttl_s);
int page_import_confirm(web_ctx *x);
/* The notice of the session's time-out (WCAG 2.2.1), in the page header. */
void page_session_notice(web_ctx *x, FILE *f);
int page_action(web_ctx *x);
int page_action_update(web_ctx *x);

const char *page_cookie_name(const web_ctx *x);

/* Starts an HTML page in a memory stream: doctype, head, header with the
 * signed-in account and sign-out form (if signed in), <main>. */
FILE *page_begin(web_ctx *x, const char *title, char **buf, size_t *len);
/* Ends the page and queues it with status and security headers; extra
 * headers (name, value pairs, NULL-ended) may follow. */
int page_end(web_ctx *x, FILE *f, char **buf, size_t *len, unsigned status,
             const char *cookie);
int respond_error(web_ctx *x, unsigned status, const char *what_to_do);
/* 415: a POST whose Content-Type is not type, the one its page reads. */
int respond_type_error(web_ctx *x, const char *type);
int respond_redirect(web_ctx *x, const char *to);
/* Sends the open file fd (taken over, closed in every case) as a download. */
int respond_file(web_ctx *x, int fd, const char *type, const char *filename);
int respond_redirect_cookie(web_ctx *x, const char *to, const char *cookie);
/* Writes the hidden CSRF field for the session's forms. */
void page_csrf(web_ctx *x, FILE *f);
/* 1 if the account may see authority `code` (scoping). */
int scope_allows(web_ctx *x, const char *code);
/* 1 if a reference's authority (the part before the first '/') is in
 * scope, or there is no reference. */
int ref_in_scope(web_ctx *x, const char *ref);

#endif
