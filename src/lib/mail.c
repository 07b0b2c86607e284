/*
 * E-mail building blocks for the reminders: see mail.h. Bodies go out as
 * base64 (any UTF-8 and any line length survive every relay); headers
 * that are not plain ASCII as RFC 2047 encoded words.
 */
#include "mail.h"
#include "safeplan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(sp_buf *b, size_t more)
{
    if (b->failed)
        return false;
    if (b->len + more + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void sp_buf_add(sp_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sp_buf_puts(sp_buf *b, const char *s)
{
    sp_buf_add(b, s, strlen(s));
}

void sp_buf_printf(sp_buf *b, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n >= 0 && grow(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
    va_end(ap);
}

void sp_buf_html(sp_buf *b, const char *s)
{
    char closers[SP_BIDI_CLOSERS_SIZE];
    for (const char *p = s; p && *p; p++) {
        switch (*p) {
        case '&': sp_buf_puts(b, "&amp;"); break;
        case '<': sp_buf_puts(b, "&lt;"); break;
        case '>': sp_buf_puts(b, "&gt;"); break;
        case '"': sp_buf_puts(b, "&quot;"); break;
        case '\'': sp_buf_puts(b, "&#39;"); break;
        default: sp_buf_add(b, p, 1);
        }
    }
    /* A direction control stored before the library refused it cannot
     * reorder the mail after the text (sp_bidi_closers). */
    if (sp_bidi_closers(s, closers))
        sp_buf_puts(b, closers);
}

/* Characters (not bytes) in n bytes of UTF-8. */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

void sp_buf_wrap(sp_buf *b, const char *s, size_t width, const char *indent)
{
    size_t line = 0, ind = strlen(indent);
    while (s && *s) {
        if (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t') {
            s++;
            continue;
        }
        size_t n = strcspn(s, " \n\r\t"), w = chars(s, n);
        if (line > 0 && line + 1 + w > width) {
            sp_buf_puts(b, "\n");
            sp_buf_puts(b, indent);
            line = ind;
        } else if (line > 0) {
            sp_buf_puts(b, " ");
            line++;
        }
        sp_buf_add(b, s, n); /* a word longer than a line stays whole */
        line += w;
        s += n;
    }
    sp_buf_puts(b, "\n");
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Appends n bytes as one run of base64, no line breaks. */
static void base64_run(sp_buf *b, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char q[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63],
                     i + 1 < n ? b64[(v >> 6) & 63] : '=', i + 2 < n ? b64[v & 63] : '='};
        sp_buf_add(b, q, 4);
    }
}

void sp_buf_base64(sp_buf *b, const char *data, size_t n)
{
    for (size_t i = 0; i < n; i += 57) { /* 57 bytes make a 76-character line */
        base64_run(b, (const unsigned char *)data + i, n - i < 57 ? n - i : 57);
        sp_buf_puts(b, "\n");
    }
}

bool sp_mail_plain(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 32 || (unsigned char)*s > 126)
            return false;
    return true;
}

/* Appends s as encoded words, each at most 75 characters with whole UTF-8
 * characters only, separated by folding whitespace. */
static void encoded_words(sp_buf *b, const char *s, size_t used)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        /* "=?UTF-8?B?" + "?=" is 12 characters; a word is at most 75, and
         * its line at most 78 (the first follows the header's name, the
         * others a folding space). */
        size_t lead = i > 0 ? 1 : used, room = 78 - lead < 75 ? 78 - lead : 75;
        size_t most = (room - 12) / 4 * 3, take = n - i < most ? n - i : most;
        while (take > 0 && i + take < n && ((unsigned char)s[i + take] & 0xc0) == 0x80)
            take--;
        if (i > 0)
            sp_buf_puts(b, "\n ");
        sp_buf_puts(b, "=?UTF-8?B?");
        base64_run(b, (const unsigned char *)s + i, take);
        sp_buf_puts(b, "?=");
        i += take;
    }
}

void sp_buf_header(sp_buf *b, const char *name, const char *value)
{
    sp_buf_printf(b, "%s: ", name);
    if (sp_mail_plain(value) && strlen(name) + 2 + strlen(value) <= 78)
        sp_buf_puts(b, value);
    else if (sp_mail_plain(value))
        sp_buf_wrap(b, value, 78 - strlen(name) - 2, " "), b->len--; /* no final \n */
    else
        encoded_words(b, value, strlen(name) + 2);
    if (!b->failed)
        b->s[b->len] = '\0';
    sp_buf_puts(b, "\n");
}

void sp_buf_address(sp_buf *b, const char *name, const char *display, const char *addr)
{
    sp_buf_printf(b, "%s: ", name);
    if (display && *display && sp_mail_plain(display)) {
        sp_buf_puts(b, "\"");
        for (const char *p = display; *p; p++) {
            if (*p == '"' || *p == '\\')
                sp_buf_puts(b, "\\");
            sp_buf_add(b, p, 1);
        }
        sp_buf_puts(b, "\"");
    } else if (display && *display) {
        encoded_words(b, display, strlen(name) + 2);
    }
    sp_buf_printf(b, "%s<%s>\n", display && *display ? "\n " : "", addr);
}

void sp_buf_free(sp_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}
