/*
 * safeplan serve: an HTTP server on libmicrohttpd, one thread per
 * connection, each connection with its own database handle (WAL, busy
 * timeout: set by sp_open). Every request goes through handle(): security
 * headers, the session, the one role check (access.c's table), CSRF and
 * Origin checks for every POST, then the page.
 */
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "pages.h"
#include "safeplan.h"
#include "web.h"

#define MAX_BODY 65536
#define MAX_UPLOAD (16 * 1024 * 1024) /* a sheet sent to /import */
/* A request's address (path and query) and its headers past these sizes
 * are refused with a page that says so (414, 431). libmicrohttpd refuses a
 * request whose line and headers do not fit a connection's memory with a
 * bare page of its own, no content type and none of our security headers,
 * and it has no hook to replace it; its memory (POOL, 32 KiB by default)
 * is made eight times these limits, so that only a request of hundreds of
 * kilobytes, which no browser sends, meets that page. 64 connections at
 * most: 16 MiB of memory at worst. */
#define MAX_ADDRESS (8 * 1024)
#define MAX_HEADERS (32 * 1024)
#define POOL ((size_t)256 * 1024)
#define IDLE_S (30 * 60)
#define ABSOLUTE_S (12 * 60 * 60)

static const web_options *options;

/* Per connection (= per thread): the database handle. */
typedef struct conn {
    sp_db *db;
} conn;

/* Per request: the body read so far. */
typedef struct req {
    char *body;
    size_t len;
    int too_big;
} req;

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_ctx,
                          enum MHD_ConnectionNotificationCode code)
{
    (void)cls;
    (void)c;
    conn *k = *socket_ctx;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        k = calloc(1, sizeof *k);
        if (k && sp_open(&k->db, options->db_path, 0) != SP_OK) {
            sp_close(k->db);
            k->db = NULL;
        }
        *socket_ctx = k;
    } else if (k) {
        sp_close(k->db);
        free(k);
        *socket_ctx = NULL;
    }
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)c;
    (void)code;
    req *r = *con_cls;
    if (r) {
        free(r->body);
        free(r);
    }
    *con_cls = NULL;
}

/* Reads the body in pieces; beyond MAX_BODY the request is marked too big. */
static int read_body(req *r, const char *url, const char *data, size_t *size)
{
    size_t limit = strcmp(url, "/import") == 0 ? MAX_UPLOAD : MAX_BODY;
    if (r->too_big || r->len + *size > limit) {
        r->too_big = 1;
        *size = 0;
        return 1;
    }
    char *grown = realloc(r->body, r->len + *size + 1);
    if (!grown)
        return 0;
    memcpy(grown + r->len, data, *size);
    r->len += *size;
    grown[r->len] = '\0';
    r->body = grown;
    *size = 0;
    return 1;
}

/* Adds a header's or an argument's bytes to *cls (a size_t). */
static enum MHD_Result count_bytes(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    *(size_t *)cls += strlen(key) + (value ? strlen(value) + 1 : 0) + 1;
    return MHD_YES;
}

/* 414 if the request's address is too long, 431 if its headers are too
 * large, else 0. */
static unsigned oversized(struct MHD_Connection *c, const char *url)
{
    size_t address = strlen(url), headers = 0;
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, count_bytes, &address);
    if (address > MAX_ADDRESS)
        return 414;
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_bytes, &headers);
    return headers > MAX_HEADERS ? 431 : 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
    (void)cls;
    (void)version;
    req *r = *con_cls;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    conn *k = ci ? ci->socket_context : NULL;
    web_request w = {c, k ? k->db : NULL, url, method, "", 0, 0, options->behind_tls,
                     time(NULL), IDLE_S, ABSOLUTE_S};
    if (!r) {
        r = calloc(1, sizeof *r);
        if (!r)
            return MHD_NO;
        *con_cls = r;
        /* Headers only so far: a refused POST is answered before its body
         * is read (libmicrohttpd then discards it and closes). */
        unsigned status = oversized(c, url);
        if (status)
            return page_refuse(&w, status);
        return page_body_wanted(&w) ? MHD_YES : page_dispatch(&w);
    }
    if (*size)
        return read_body(r, url, data, size) ? MHD_YES : MHD_NO;
    w.body = r->body ? r->body : "";
    w.body_len = r->len;
    w.too_big = r->too_big;
    return page_dispatch(&w);
}

static int parse_listen(struct sockaddr_in *sa, const char *listen)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    if (!colon || (size_t)(colon - listen) >= sizeof host)
        return -1;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535 || colon[1] == '\0')
        return -1;
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, host, &sa->sin_addr) == 1 ? 0 : -1;
}

/* Sessions that expired while the server was stopped, or since the last
 * sign-in (which purges too), are deleted before the first request. A
 * database that cannot be opened is left to the connections to report. */
static void purge_sessions(const char *db_path)
{
    sp_db *db = NULL;
    if (sp_open(&db, db_path, 0) == SP_OK &&
        sp_session_purge(db, time(NULL), IDLE_S, ABSOLUTE_S) != SP_OK)
        fprintf(stderr, "safeplan: expired sessions not deleted: %s\n", sp_errmsg(db));
    sp_close(db);
}

int web_serve(const web_options *opt)
{
    struct sockaddr_in sa;
    options = opt;
    if (parse_listen(&sa, opt->listen) != 0) {
        fprintf(stderr, "safeplan: --listen '%s' is not ADDRESS:PORT (e.g. 127.0.0.1:8080)\n",
                opt->listen);
        return 2;
    }
    const char *unloaded = web_mhd_load();
    if (unloaded) {
        fprintf(stderr, "safeplan: serve needs libmicrohttpd (Debian package "
                "libmicrohttpd12): %s\n", unloaded);
        return 1;
    }
    /* SIGINT and SIGTERM are blocked before libmicrohttpd starts its threads,
     * which inherit the mask, and taken with sigwait here. A handler setting a
     * flag for pause() could run on a connection thread and leave this one
     * paused for ever, or land between the test and pause(): CI saw
     * `kill -TERM` hang the server. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
        0, NULL, NULL, handle, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)64, MHD_OPTION_CONNECTION_MEMORY_LIMIT, POOL,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "safeplan: cannot listen on %s (in use, or not an address here)\n",
                opt->listen);
        return 1;
    }
    import_sweep(NULL, ABSOLUTE_S); /* uploads left by an earlier run */
    purge_sessions(opt->db_path);
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "safeplan: serving on http://%.*s:%u/ (Ctrl-C stops)\n",
            (int)(strrchr(opt->listen, ':') - opt->listen), opt->listen,
            di ? di->port : 0);
    int sig;
    while (sigwait(&stop_signals, &sig) != 0)
        ;
    MHD_stop_daemon(d);
    fputs("safeplan: stopped\n", stderr);
    return 0;
}
