/* multipart/form-data, for the one upload (a sheet to import): the parts
 * are found in the body as read, without copying. */
#define _GNU_SOURCE /* memmem */
#include <string.h>
#include <strings.h>

#include "page.h"

/* The boundary from the Content-Type header, with its leading "--". */
static int boundary(const web_request *w, char *out, size_t size)
{
    const char *type = MHD_lookup_connection_value(w->conn, MHD_HEADER_KIND, "Content-Type");
    if (!type || strncasecmp(type, "multipart/form-data", 19) != 0)
        return 0;
    const char *b = strstr(type, "boundary=");
    if (!b)
        return 0;
    b += 9;
    size_t n = *b == '"' ? strcspn(++b, "\"") : strcspn(b, "; ");
    if (n == 0 || n + 3 > size)
        return 0;
    snprintf(out, size, "--%.*s", (int)n, b);
    return 1;
}

/* A quoted parameter of the part's headers (name="..."), into out. */
static int header_param(const char *h, size_t hlen, const char *param, char *out, size_t size)
{
    char key[32];
    snprintf(key, sizeof key, " %s=\"", param);
    const char *p = memmem(h, hlen, key, strlen(key));
    if (!p)
        return 0;
    p += strlen(key);
    const char *q = memchr(p, '"', hlen - (size_t)(p - h));
    if (!q || (size_t)(q - p) >= size)
        return 0;
    memcpy(out, p, (size_t)(q - p));
    out[q - p] = '\0';
    return 1;
}

int multipart_part(const web_request *w, const char *name, const char **data, size_t *len,
                   char *filename, size_t fsize)
{
    char delim[128], got[128];
    if (!boundary(w, delim, sizeof delim))
        return 0;
    size_t dl = strlen(delim);
    const char *end = w->body + w->body_len;
    const char *p = memmem(w->body, w->body_len, delim, dl);
    while (p) {
        const char *h = p + dl + 2; /* past the boundary's CRLF */
        if (h >= end)
            return 0;
        const char *hend = memmem(h, (size_t)(end - h), "\r\n\r\n", 4);
        if (!hend)
            return 0;
        const char *content = hend + 4;
        const char *next = memmem(content, (size_t)(end - content), delim, dl);
        if (!next || next - content < 2)
            return 0;
        size_t hlen = (size_t)(hend - h);
        if (header_param(h, hlen, "name", got, sizeof got) && strcmp(got, name) == 0) {
            *data = content;
            *len = (size_t)(next - content) - 2; /* the CRLF before the boundary */
            if (filename && !header_param(h, hlen, "filename", filename, fsize))
                filename[0] = '\0';
            return 1;
        }
        p = next;
    }
    return 0;
}
