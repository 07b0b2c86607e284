/*
 * Reminders: for each owner, one message listing their open actions that
 * are overdue, due soon or stale, as the plan stands on the as-of date
 * (sp_plan_at, the same rows and RAG as every report). The library builds
 * the messages and keeps the sent log; the caller delivers them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "internal.h"
#include "mail.h"
#include "pack.h"
#include "plan_at.h"

/* The plan_at columns an item reads, by name. */
static const char *const item_cols[] = {"path", "action", "due_on", "original_due_on",
                                        "status", "rag", "rag_reason", "days_overdue",
                                        "last_progress_on", "start_on", "authority_name"};
enum { C_PATH, C_ACTION, C_DUE, C_ORIGINAL, C_STATUS, C_RAG, C_REASON, C_OVERDUE, C_LAST,
       C_START, C_AUTHORITY, NCOLS };

enum { K_OVERDUE, K_DUE, K_STALE, NKINDS };
static const char *const kind_heading[NKINDS] = {"Overdue", "Due soon", "No recent update"};

/* One action in a digest. */
typedef struct item {
    int kind;
    long late; /* days overdue, days until due, or days since the last update */
    char *path, *action, *due, *original, *rag, *reason, *last, *authority;
} item;

typedef struct owner_run {
    sp_db *db;
    sp_digest *d;
    int stale_days;
    item *items;
    size_t n, cap;
} owner_run;

static void items_free(owner_run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        item *it = &r->items[i];
        free(it->path), free(it->action), free(it->due), free(it->original);
        free(it->rag), free(it->reason), free(it->last), free(it->authority);
    }
    free(r->items);
    r->items = NULL;
    r->n = r->cap = 0;
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static long days_between(const char *from, const char *to)
{
    int32_t a, b;
    return sp_iso_days(from, &a) && sp_iso_days(to, &b) ? (long)b - a : 0;
}

/* Which list the row belongs on, if any (the first that applies). */
static int classify(owner_run *r, const char *t[NCOLS], long *late)
{
    const char *as_of = r->d->as_of;
    if (!t[C_STATUS] || (strcmp(t[C_STATUS], "not_started") != 0 &&
                         strcmp(t[C_STATUS], "in_progress") != 0))
        return -1;
    if (t[C_OVERDUE]) {
        *late = atol(t[C_OVERDUE]);
        return K_OVERDUE;
    }
    long until = days_between(as_of, t[C_DUE]);
    if (t[C_DUE] && until >= 0 && until <= r->d->days) {
        *late = until;
        return K_DUE;
    }
    const char *since = t[C_LAST] ? t[C_LAST] : t[C_START];
    long quiet = since ? days_between(since, as_of) : 0;
    if (r->stale_days > 0 && since && quiet >= r->stale_days) {
        *late = quiet;
        return K_STALE;
    }
    return -1;
}

static int add_item(owner_run *r, const char *t[NCOLS], int kind, long late)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        item *p = realloc(r->items, cap * sizeof *p);
        if (!p)
            return sp_fail(r->db, SP_ENOMEM, "out of memory");
        r->items = p;
        r->cap = cap;
    }
    item *it = &r->items[r->n++];
    *it = (item){kind, late, dup(t[C_PATH]), dup(t[C_ACTION]), dup(t[C_DUE]),
                 dup(t[C_ORIGINAL]), dup(t[C_RAG]), dup(t[C_REASON]), dup(t[C_LAST]),
                 dup(t[C_AUTHORITY])};
    if (!it->path || !it->action || !it->due)
        return sp_fail(r->db, SP_ENOMEM, "out of memory");
    return SP_OK;
}

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    /* Most overdue first; soonest due first; longest quiet first. */
    long dx = x->kind == K_DUE ? x->late : -x->late, dy = y->kind == K_DUE ? y->late : -y->late;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* Reads one owner's actions on the as-of date into r->items. */
static int collect(owner_run *r, int64_t owner_id)
{
    char id[24];
    int col[NCOLS];
    sp_cursor *c;
    snprintf(id, sizeof id, "%lld", (long long)owner_id);
    sp_filter f = {.owner = id};
    int rc = sp_plan_at_open(&c, r->db, r->d->as_of, &f, SP_PLAN_ANY_ORDER); /* sorted below */
    for (int i = 0; rc == SP_OK && i < NCOLS; i++)
        if ((col[i] = sp_cursor_column(c, item_cols[i])) < 0)
            rc = sp_fail(r->db, SP_ERROR, "internal error: plan_at lacks %s", item_cols[i]);
    while (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW) {
        const char *t[NCOLS];
        long late = 0;
        for (int i = 0; i < NCOLS; i++)
            t[i] = sp_cursor_text(c, col[i]);
        int kind = classify(r, t, &late);
        rc = kind >= 0 ? add_item(r, t, kind, late) : SP_OK;
    }
    sp_cursor_free(c);
    if (rc == SP_DONE)
        rc = SP_OK;
    if (rc == SP_OK && r->n)
        qsort(r->items, r->n, sizeof *r->items, cmp_item);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The words                                                           */

static void late_words(char *out, size_t size, const item *it)
{
    char due[32];
    sp_date_words(due, it->due);
    if (it->kind == K_OVERDUE)
        snprintf(out, size, "%ld day%s overdue (due %s)", it->late, it->late == 1 ? "" : "s",
                 due);
    else if (it->kind == K_DUE && it->late == 0)
        snprintf(out, size, "due today (%s)", due);
    else if (it->kind == K_DUE)
        snprintf(out, size, "due in %ld day%s (%s)", it->late, it->late == 1 ? "" : "s", due);
    else
        snprintf(out, size, "no progress for %ld days; due %s", it->late, due);
}

static void subject(char *out, size_t size, const owner_run *r, const int counts[NKINDS])
{
    char as_of[32];
    sp_date_words(as_of, r->d->as_of);
    snprintf(out, size, "Improvement plan: %zu action%s need%s you (%d overdue, %d due soon, "
             "%d stale) on %s", r->n, r->n == 1 ? "" : "s", r->n == 1 ? "s" : "",
             counts[K_OVERDUE], counts[K_DUE], counts[K_STALE], as_of);
}

static void text_part(sp_buf *b, const owner_run *r, const char *owner, const int counts[NKINDS])
{
    char as_of[32], late[160], line[600];
    sp_date_words(as_of, r->d->as_of);
    snprintf(line, sizeof line, "To %s,", owner);
    sp_buf_wrap(b, line, 76, "");
    sp_buf_puts(b, "\n");
    snprintf(line, sizeof line, "On %s, %zu of your actions in the safeguarding improvement "
             "plan need attention: %d overdue, %d due within %d days, %d with no progress for "
             "%d days or more.", as_of, r->n, counts[K_OVERDUE], counts[K_DUE], r->d->days,
             counts[K_STALE], r->stale_days);
    sp_buf_wrap(b, line, 76, "");
    for (int k = 0, n = 0; k < NKINDS; k++) {
        if (!counts[k])
            continue;
        sp_buf_printf(b, "\n%s (%d)\n\n", kind_heading[k], counts[k]);
        for (size_t i = 0; i < r->n; i++) {
            const item *it = &r->items[i];
            if (it->kind != k)
                continue;
            snprintf(line, sizeof line, "%d. %s: %s", ++n, it->path, it->action);
            sp_buf_wrap(b, line, 76, "   ");
            late_words(late, sizeof late, it);
            snprintf(line, sizeof line, "When: %s", late);
            sp_buf_puts(b, "   "), sp_buf_wrap(b, line, 73, "   ");
            snprintf(line, sizeof line, "RAG: %s", it->reason ? it->reason : it->rag);
            sp_buf_puts(b, "   "), sp_buf_wrap(b, line, 73, "   ");
            snprintf(line, sizeof line, "Update it: safeplan action update %s --note \"...\"",
                     it->path);
            sp_buf_puts(b, "   "), sp_buf_wrap(b, line, 73, "     ");
            sp_buf_puts(b, "\n");
        }
    }
    sp_buf_puts(b, "How to update an action\n\n");
    sp_buf_wrap(b, "Record what has happened, with evidence, a new status, or a revised due "
                "date and the reason, for example:", 76, "");
    sp_buf_puts(b, "\n  safeplan action update PATH --note \"What happened\" \\\n"
                   "      [--status in_progress] [--evidence \"...\"] \\\n"
                   "      [--due DATE --reason \"Why it moved\"]\n\n");
    sp_buf_wrap(b, "or ask the plan's business manager to record it for you. This message "
                "was sent automatically by safeplan; replies may not be read.", 76, "");
}

static void html_item(sp_buf *b, const item *it)
{
    char late[160];
    late_words(late, sizeof late, it);
    sp_buf_puts(b, "<tr><td><span style=\"color:#444\">");
    sp_buf_html(b, it->path);
    sp_buf_puts(b, "</span><br>");
    sp_buf_html(b, it->action);
    sp_buf_puts(b, "</td><td>");
    sp_buf_html(b, late);
    sp_buf_puts(b, "</td><td><strong>");
    sp_buf_html(b, it->reason ? it->reason : it->rag);
    sp_buf_puts(b, "</strong></td><td><code>safeplan action update ");
    sp_buf_html(b, it->path);
    sp_buf_puts(b, " --note &quot;...&quot;</code></td></tr>\n");
}

static void html_part(sp_buf *b, const owner_run *r, const char *owner, const char *subj,
                      const int counts[NKINDS])
{
    char as_of[32];
    sp_date_words(as_of, r->d->as_of);
    sp_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<title>");
    sp_buf_html(b, subj);
    sp_buf_puts(b, "</title>\n</head>\n<body style=\"font-family:Arial,sans-serif;"
                   "font-size:16px;line-height:1.4;color:#111\">\n<h1 style=\"font-size:20px\">"
                   "Your improvement plan actions</h1>\n<p>To ");
    sp_buf_html(b, owner);
    sp_buf_printf(b, ",</p>\n<p>On %s, %zu of your actions need attention: %d overdue, %d due "
                  "within %d days, %d with no progress for %d days or more.</p>\n", as_of, r->n,
                  counts[K_OVERDUE], counts[K_DUE], r->d->days, counts[K_STALE], r->stale_days);
    for (int k = 0; k < NKINDS; k++) {
        if (!counts[k])
            continue;
        sp_buf_printf(b, "<h2 style=\"font-size:18px\">%s (%d)</h2>\n<table style=\""
                      "border-collapse:collapse\" cellpadding=\"4\" border=\"1\">\n<caption "
                      "style=\"text-align:left\">%s: action, when, and RAG rating with its "
                      "reason</caption>\n<thead><tr><th scope=\"col\">Action</th><th scope=\""
                      "col\">When</th><th scope=\"col\">RAG</th><th scope=\"col\">How to update "
                      "it</th></tr></thead>\n<tbody>\n",
                      kind_heading[k], counts[k], kind_heading[k]);
        for (size_t i = 0; i < r->n; i++)
            if (r->items[i].kind == k)
                html_item(b, &r->items[i]);
        sp_buf_puts(b, "</tbody>\n</table>\n");
    }
    sp_buf_puts(b, "<h2 style=\"font-size:18px\">How to update an action</h2>\n<p>Record what "
                   "has happened, with evidence, a new status, or a revised due date and the "
                   "reason, for example:</p>\n<pre>safeplan action update PATH --note \"What "
                   "happened\"</pre>\n<p>or ask the plan&#39;s business manager to record it "
                   "for you. This message was sent automatically by safeplan; replies may not "
                   "be read.</p>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------ */
/* The message                                                         */

/* The domain of an address ("Name <a@b.org>" or "a@b.org"), for the
 * Message-ID and the default List-ID. */
static void domain_of(char *out, size_t size, const char *from)
{
    const char *at = strrchr(from, '@');
    size_t n = at ? strcspn(at + 1, "> \t") : 0;
    snprintf(out, size, "%.*s", (int)(n ? n : 9), n ? at + 1 : "localhost");
}

static void rfc5322_date(char *out, size_t size, int64_t now)
{
    static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d +0000", wd[tm.tm_wday], tm.tm_mday,
             mo[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void part(sp_buf *b, const char *boundary, const char *type, const sp_buf *body)
{
    sp_buf_printf(b, "--%s\nContent-Type: %s; charset=utf-8\n"
                     "Content-Transfer-Encoding: base64\n\n", boundary, type);
    sp_buf_base64(b, body->s ? body->s : "", body->len);
}

static int make_message(owner_run *r, sp_digest_msg *m, const char *list_id)
{
    int counts[NKINDS] = {0};
    char subj[300], date[64], domain[200], boundary[64], list[400];
    unsigned char rnd[8];
    sp_buf text = {0}, html = {0}, b = {0};
    for (size_t i = 0; i < r->n; i++)
        counts[r->items[i].kind]++;
    m->items = (int)r->n, m->overdue = counts[K_OVERDUE], m->due_soon = counts[K_DUE];
    m->stale = counts[K_STALE];
    if (!m->email)
        return SP_OK;
    subject(subj, sizeof subj, r, counts);
    text_part(&text, r, m->owner, counts);
    html_part(&html, r, m->owner, subj, counts);
    domain_of(domain, sizeof domain, r->d->from);
    rfc5322_date(date, sizeof date, r->d->now);
    sqlite3_randomness(sizeof rnd, rnd);
    snprintf(boundary, sizeof boundary, "=_safeplan_%02x%02x%02x%02x%02x%02x%02x%02x", rnd[0],
             rnd[1], rnd[2], rnd[3], rnd[4], rnd[5], rnd[6], rnd[7]);
    m->message_id = malloc(300);
    if (m->message_id)
        snprintf(m->message_id, 300, "<digest.%s.%lld.%s@%s>", r->d->as_of,
                 (long long)m->owner_id, boundary + 11, domain);
    if (list_id)
        snprintf(list, sizeof list, "%s", list_id);
    else
        snprintf(list, sizeof list, "Improvement plan reminders <reminders.safeplan.%s>", domain);
    sp_buf_header(&b, "From", r->d->from);
    sp_buf_address(&b, "To", m->owner, m->email);
    sp_buf_header(&b, "Subject", subj);
    sp_buf_header(&b, "Date", date);
    sp_buf_header(&b, "Message-ID", m->message_id ? m->message_id : "<>");
    sp_buf_header(&b, "Auto-Submitted", "auto-generated");
    sp_buf_header(&b, "List-ID", list);
    sp_buf_header(&b, "X-Auto-Response-Suppress", "All");
    sp_buf_header(&b, "MIME-Version", "1.0");
    sp_buf_printf(&b, "Content-Type: multipart/alternative;\n boundary=\"%s\"\n\n", boundary);
    sp_buf_puts(&b, "This is a message in two forms: plain text and HTML.\n\n");
    part(&b, boundary, "text/plain", &text);
    part(&b, boundary, "text/html", &html);
    sp_buf_printf(&b, "--%s--\n", boundary);
    bool failed = text.failed || html.failed || b.failed || !m->message_id;
    sp_buf_free(&text);
    sp_buf_free(&html);
    m->message = failed ? NULL : b.s;
    if (failed) {
        sp_buf_free(&b);
        return sp_fail(r->db, SP_ENOMEM, "out of memory");
    }
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Settings, building, the log                                         */

static int setting(char **out, sp_db *db, const char *key)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = sp_prepare(&st, db, "digest/setting_get");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":key", key);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW && !(*out = strdup((const char *)sqlite3_column_text(st, 0))))
        rc = sp_fail(db, SP_ENOMEM, "out of memory");
    else if (s != SQLITE_ROW && s != SQLITE_DONE)
        rc = sp_fail_sql(db, "reading the mail settings");
    sqlite3_finalize(st);
    return rc;
}

/* "Name <a@b>" or "a@b": one address, printable ASCII, no line breaks. */
static bool valid_from(const char *v)
{
    const char *lt = strchr(v, '<'), *at = strrchr(v, '@');
    if (!sp_mail_plain(v) || !at || at == v || !at[1])
        return false;
    if (lt)
        return at > lt && strchr(at, '>') && strchr(at, '>')[1] == '\0';
    return !strpbrk(v, " <>\"(),;:");
}

int sp_mail_set(sp_db *db, const char *key, const char *value)
{
    sp_clear(db);
    bool from = key && strcmp(key, "digest.from") == 0;
    if (!key || (!from && strcmp(key, "digest.list_id") != 0))
        return sp_fail(db, SP_EINVALID, "unknown mail setting '%s' (known: digest.from, "
                       "digest.list_id)", key ? key : "");
    if (!value || (from && !valid_from(value)) || (!from && (!sp_mail_plain(value) ||
                                                            strlen(value) < 3)))
        return sp_fail(db, SP_EINVALID, "%s '%s' is not valid: expected %s", key,
                       value ? value : "", from ? "an address, e.g. 'Safeguarding plan "
                       "<plan@council.gov.uk>' or 'plan@council.gov.uk'"
                       : "printable ASCII, e.g. 'Plan reminders <reminders.council.gov.uk>'");
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "digest/setting_set");
    if (rc == SP_OK) {
        sp_bind_text(st, ":key", key);
        sp_bind_text(st, ":value", value);
        rc = sp_exec_stmt(db, st, "saving the mail setting");
    }
    sqlite3_finalize(st);
    return rc;
}

static int envelope(sp_digest *d)
{
    const char *lt = strchr(d->from, '<');
    const char *start = lt ? lt + 1 : d->from;
    size_t n = lt ? strcspn(start, ">") : strlen(start);
    d->envelope_from = malloc(n + 1);
    if (!d->envelope_from)
        return SP_ENOMEM;
    memcpy(d->envelope_from, start, n);
    d->envelope_from[n] = '\0';
    return SP_OK;
}

static int start(sp_digest *d, sp_db *db, const sp_digest_opts *o, char **list_id,
                 int *stale_days)
{
    int amber;
    int rc = sp_date_or_today(d->as_of, db, "as-of date", o->as_of);
    sp_today(db, d->today);
    d->days = o->days < 0 ? SP_DIGEST_DAYS : o->days;
    d->now = o->now;
    if (rc == SP_OK && d->days > 3650)
        rc = sp_fail(db, SP_EINVALID, "--days %d is too many: expected 0 to 3650", d->days);
    if (rc == SP_OK)
        rc = setting(&d->from, db, "digest.from");
    if (rc == SP_OK && !d->from)
        rc = sp_fail(db, SP_EINVALID, "no sender address for the reminders: set one with "
                     "'safeplan digest --set-from \"Safeguarding plan <plan@council.gov.uk>\"'");
    if (rc == SP_OK && envelope(d) != SP_OK)
        rc = sp_fail(db, SP_ENOMEM, "out of memory");
    if (rc == SP_OK)
        rc = setting(list_id, db, "digest.list_id");
    if (rc == SP_OK)
        rc = sp_rag_settings(&amber, stale_days, db);
    return rc;
}

/* One owner's digest, built and handed to fn, then let go: the texts
 * stay the statement's and the message is freed after the call. */
static int add_owner(owner_run *r, sqlite3_stmt *st, bool force, const char *list_id,
                     sp_digest_fn fn, void *ctx)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int rc = collect(r, id);
    if (rc != SP_OK || r->n == 0)
        return rc;
    sp_digest_msg m = {.owner_id = id, .owner = (const char *)sqlite3_column_text(st, 1),
                       .email = (const char *)sqlite3_column_text(st, 2),
                       .already_sent = sqlite3_column_int(st, 3) && !force};
    if (!m.owner)
        return sp_fail(r->db, SP_ENOMEM, "out of memory");
    rc = m.already_sent ? SP_OK : make_message(r, &m, list_id);
    if (rc == SP_OK)
        rc = fn(ctx, r->d, &m);
    free(m.message_id);
    free(m.message);
    return rc;
}

int sp_digest_build(sp_digest *d, sp_db *db, const sp_digest_opts *opts, sp_digest_fn fn,
                    void *ctx)
{
    static const sp_digest_opts none = {.days = -1};
    char *list_id = NULL;
    owner_run r = {db, d, 0, NULL, 0, 0};
    sqlite3_stmt *st = NULL;
    memset(d, 0, sizeof *d);
    sp_clear(db);
    if (!opts)
        opts = &none;
    int rc = start(d, db, opts, &list_id, &r.stale_days);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "digest/owners");
    if (rc == SP_OK) {
        sp_filter f = {.owner = opts->owner};
        rc = sp_bind_filter(st, db, d->as_of, &f);
        sp_bind_text(st, ":today", d->today);
    }
    int s = SQLITE_DONE;
    while (rc == SP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        rc = add_owner(&r, st, opts->force, list_id, fn, ctx);
        items_free(&r);
    }
    if (rc == SP_OK && s != SQLITE_DONE)
        rc = sp_fail_sql(db, "listing the owners");
    sqlite3_finalize(st);
    items_free(&r);
    free(list_id);
    return rc;
}

void sp_digest_free(sp_digest *d)
{
    free(d->from);
    free(d->envelope_from);
    memset(d, 0, sizeof *d);
}

int sp_digest_log_sent(sp_db *db, const sp_digest *d, const sp_digest_msg *m,
                       const char *delivery, int forced)
{
    sqlite3_stmt *st;
    sp_clear(db);
    if (!m->message)
        return sp_fail(db, SP_EINVALID, "no message to log: owner '%s' has no email, or "
                       "has had this day's digest", m->owner);
    int rc = sp_prepare(&st, db, "digest/log_add");
    if (rc != SP_OK)
        return rc;
    sp_bind_int(st, ":owner_id", m->owner_id);
    sp_bind_text(st, ":today", d->today);
    sp_bind_text(st, ":as_of", d->as_of);
    sp_bind_int(st, ":days", d->days);
    sp_bind_int(st, ":items", m->items);
    sp_bind_text(st, ":address", m->email);
    sp_bind_text(st, ":delivery", delivery);
    sp_bind_text(st, ":message_id", m->message_id);
    sp_bind_int(st, ":forced", forced);
    rc = sp_exec_stmt(db, st, "recording the digest as sent");
    sqlite3_finalize(st);
    return rc;
}

int sp_digest_log(sp_cursor **out, sp_db *db, const char *owner)
{
    sqlite3_stmt *st;
    *out = NULL;
    sp_clear(db);
    int rc = sp_prepare(&st, db, "digest/log_list");
    if (rc == SP_OK) {
        sp_filter f = {.owner = owner};
        rc = sp_bind_filter(st, db, NULL, &f);
    }
    if (rc != SP_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return sp_cursor_from_stmt(out, db, st);
}
