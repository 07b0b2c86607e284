/* Pages of the web service: routing, access, responses. */
#ifndef SP_WEB_PAGE_H
#define SP_WEB_PAGE_H

#include <stdint.h>
#include <stdio.h>

#include "mhd_api.h" /* libmicrohttpd, loaded by serve */
#include "safeplan.h"

typedef struct web_request {
    struct MHD_Connection *conn;
    sp_db *db;          /* this connection's handle; NULL if the file could not be opened */
    const char *url;
    const char *method;
    const char *body;   /* application/x-www-form-urlencoded, NUL-terminated */
    size_t body_len;    /* its length (a multipart upload may hold NULs) */
    int too_big;
    int behind_tls;
    int64_t now;
    int64_t idle_s, absolute_s;
} web_request;

enum MHD_Result page_dispatch(web_request *w);
/* Refuses a request too large to read (414: its address; 431: its
 * headers) with a page that says what to do, before any page runs. */
enum MHD_Result page_refuse(web_request *w, unsigned status);
/* 0 if a POST will be refused whatever its body says (no session, a role
 * the route does not allow, or a Content-Type it does not read): its body
 * is then not read at all, and
 * page_dispatch answers at once. Anyone could otherwise make the server
 * hold a 16 MB upload per connection without signing in. */
int page_body_wanted(web_request *w);

/* Writes text HTML-escaped (& < > " ') to out. */
void html_text(FILE *out, const char *text);
void html_table_open(FILE *out, const char *label);
void html_table_close(FILE *out);

/* Decodes field `name` of a urlencoded body into buf: 1, 0 if absent, -1
 * if it is longer than buf or holds a NUL (a page must refuse it). buf is
 * always a whole string, empty unless 1. */
int form_field(const char *body, const char *name, char *buf, size_t size);

/* The part `name` of a multipart/form-data body: *data and *len point into
 * the body; filename (may be NULL) gets the part's file name. 0 if absent. */
int multipart_part(const web_request *w, const char *name, const char **data, size_t *len,
                   char *filename, size_t fsize);

/* Rate limit for sign-in: 1 if key (an account name or an address) has
 * failed too often lately; record a failure with limit_fail. */
int limit_blocked(const char *key, int64_t now);
void limit_fail(const char *key, int64_t now);

#endif
