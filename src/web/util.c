/* Escaping, form decoding and the sign-in rate limit. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "page.h"

/* The length of the well-formed UTF-8 sequence at p (1-4), or 0 if the
 * bytes there are not one (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF). */
static int utf8_length(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    int n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
    if (n == 0 || p[0] > 0xf4)
        return 0;
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] > 0x9f) ||
        (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] > 0x8f))
        return 0;
    return n;
}

static void html_escaped(FILE *out, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        int n = utf8_length((const unsigned char *)p);
        if (n != 1) {
            if (n == 0)
                fputs("\xef\xbf\xbd", out);
            else
                fwrite(p, 1, (size_t)n, out);
            p += n ? n - 1 : 0;
            continue;
        }
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*p, out);
        }
    }
}

/* Text escaped for HTML content and attribute values. Bytes that are not
 * UTF-8 (a refused value is shown back, whatever was sent) become U+FFFD,
 * so that the page stays valid UTF-8. A direction control the text leaves
 * open is closed after it (sp_bidi_closers): the library refuses them now,
 * but one stored before, or a refused value shown back, must not reverse
 * the page after it. Closers work where <bdi> cannot: in an attribute, a
 * <title>, a <textarea>. */
void html_text(FILE *out, const char *text)
{
    char closers[SP_BIDI_CLOSERS_SIZE];
    html_escaped(out, text);
    if (sp_bidi_closers(text, closers))
        fputs(closers, out);
}

/* A wide table scrolls sideways in its own box, so the page itself never
 * does at 320 px (WCAG 1.4.10); the box is named and reachable by keyboard
 * (2.1.1). Every table on every page goes through this pair. */
void html_table_open(FILE *out, const char *label)
{
    fputs("<div class=\"app-table-wrapper\" tabindex=\"0\" role=\"region\" aria-label=\"", out);
    html_text(out, label);
    fputs("\"><table class=\"govuk-table\">", out);
}

void html_table_close(FILE *out)
{
    fputs("</tbody></table></div>\n", out);
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Decodes one urlencoded value of length n: 1, or -1 with buf emptied if
 * it does not fit or holds a NUL. Emptied, never half-written: a caller
 * that showed or stored a half-written buffer would send back whatever
 * the heap held after the bytes decoded (another user's words). */
static int decode(char *buf, size_t size, const char *v, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)v[i];
        if (c == '+')
            c = ' ';
        else if (c == '%' && i + 2 < n && hexval((unsigned char)v[i + 1]) >= 0 &&
                 hexval((unsigned char)v[i + 2]) >= 0) {
            c = hexval((unsigned char)v[i + 1]) * 16 + hexval((unsigned char)v[i + 2]);
            i += 2;
        }
        if (c == 0 || o + 1 >= size) {
            buf[0] = '\0';
            return -1;
        }
        buf[o++] = (char)c;
    }
    buf[o] = '\0';
    return 1;
}

int form_field(const char *body, const char *name, char *buf, size_t size)
{
    size_t nlen = strlen(name);
    buf[0] = '\0';
    for (const char *p = body; p && *p;) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=')
            return decode(buf, size, p + nlen + 1, len - nlen - 1);
        p = amp ? amp + 1 : NULL;
    }
    return 0;
}

/* A small table of recent failures; the oldest entry is reused. Five
 * failures within fifteen minutes block that key until they age out. */
#define LIMIT_SLOTS 1024
#define LIMIT_MAX 5
#define LIMIT_WINDOW 900
static struct {
    char key[160]; /* room for "name:" and the longest name a sign-in form holds */
    int64_t first;
    int count;
} slots[LIMIT_SLOTS];
static pthread_mutex_t limit_lock = PTHREAD_MUTEX_INITIALIZER;

static int find_slot(const char *key, int64_t now, int create)
{
    int oldest = 0;
    for (int i = 0; i < LIMIT_SLOTS; i++) {
        if (slots[i].count && strcmp(slots[i].key, key) == 0) {
            if (now - slots[i].first >= LIMIT_WINDOW)
                slots[i].count = 0;
            return i;
        }
        if (slots[i].first < slots[oldest].first)
            oldest = i;
    }
    if (!create)
        return -1;
    snprintf(slots[oldest].key, sizeof slots[oldest].key, "%s", key);
    slots[oldest].first = now;
    slots[oldest].count = 0;
    return oldest;
}

int limit_blocked(const char *key, int64_t now)
{
    pthread_mutex_lock(&limit_lock);
    int i = find_slot(key, now, 0);
    int blocked = i >= 0 && slots[i].count >= LIMIT_MAX;
    pthread_mutex_unlock(&limit_lock);
    return blocked;
}

void limit_fail(const char *key, int64_t now)
{
    pthread_mutex_lock(&limit_lock);
    int i = find_slot(key, now, 1);
    if (slots[i].count == 0)
        slots[i].first = now;
    slots[i].count++;
    pthread_mutex_unlock(&limit_lock);
}
