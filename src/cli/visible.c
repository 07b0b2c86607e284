/*
 * Text for a person's terminal. Plan text is typed by many people and
 * imported from their spreadsheets; shown raw, a carriage return lets a
 * title overwrite itself ("Legit title\rFAKE: all complete, signed off"),
 * an escape sequence recolours or clears the screen, and a right-to-left
 * override reverses what follows. Human output (tables, `show`, messages)
 * therefore shows every such character as an escape; CSV and JSON, which
 * machines read, keep the text exact.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Length of the valid UTF-8 sequence at p (1-4), or 0 if it is not one. */
static int utf8_len(const unsigned char *p)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xe0) == 0xc0 && p[0] >= 0xc2 ? 2
          : (p[0] & 0xf0) == 0xe0 ? 3 : (p[0] & 0xf8) == 0xf0 && p[0] <= 0xf4 ? 4 : 0;
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

static unsigned code_point(const unsigned char *p, int n)
{
    if (n == 1)
        return p[0];
    unsigned cp = p[0] & (0xff >> (n + 1));
    for (int i = 1; i < n; i++)
        cp = cp << 6 | (p[i] & 0x3f);
    return cp;
}

/* C1 controls, the directional formatting characters (embeddings,
 * overrides, isolates, marks) and the line and paragraph separators:
 * invisible, yet they move or reorder what a reader sees. */
static int hidden_mover(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x061c;
}

size_t cli_utf8_decode(const char *s, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = utf8_len(p);
    *cp = n ? code_point(p, n) : 0;
    return (size_t)n;
}

size_t cli_visible_char(const char *s, char out[CLI_VISIBLE_MAX])
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    size_t n = cli_utf8_decode(s, &cp);
    if (n == 0) {
        snprintf(out, CLI_VISIBLE_MAX, "\\x%02x", p[0]);
        return 1;
    }
    if (cp == '\r' || cp == '\n' || cp == '\t')
        snprintf(out, CLI_VISIBLE_MAX, "\\%c", cp == '\r' ? 'r' : cp == '\n' ? 'n' : 't');
    else if (cp < 0x20 || cp == 0x7f)
        snprintf(out, CLI_VISIBLE_MAX, "\\x%02x", cp);
    else if (hidden_mover(cp))
        snprintf(out, CLI_VISIBLE_MAX, "\\u%04x", cp);
    else {
        memcpy(out, p, n);
        out[n] = '\0';
    }
    return n;
}

void cli_put_visible(FILE *out, const char *s, const char *indent)
{
    char shown[CLI_VISIBLE_MAX];
    while (s && *s) {
        if (*s == '\n' && indent) {
            fputc('\n', out);
            fputs(indent, out);
            s++;
            continue;
        }
        s += cli_visible_char(s, shown);
        fputs(shown, out);
    }
}

char *cli_visible_line(const char *s, int max, int *width)
{
    if (!s)
        s = "";
    /* max+1 columns take at most 4 bytes each ("\x9b" is 4 columns of 1
     * byte, a character 1 column of up to 4 bytes), and each byte shows as
     * at most 6 ("\u202e" is 6 for 3). Marks of no width take bytes but
     * no columns, so the bytes read stop there too (left). */
    size_t in = max > 0 ? strnlen(s, 4 * ((size_t)max + 1)) : strlen(s);
    size_t cap = in * 6 + 1, len = 0, left = in;
    size_t room = max > 0 ? (size_t)max + 1 : SIZE_MAX; /* columns still wanted */
    int w = 0;
    bool joined = false; /* after a zero-width joiner: see colwidth.c */
    char *copy = malloc(cap);
    char shown[CLI_VISIBLE_MAX];
    while (copy && left > 0 && room > 0) {
        /* Printable ASCII, most of any plan's text, is shown as it is: a
         * run of it is copied at once (each character through
         * cli_visible_char was a fifth of a long table's instructions). */
        size_t plain = 0, most = room < left ? room : left;
        while (plain < most && (unsigned char)(s[plain] - 0x20) < 0x5f) /* 0x20-0x7e */
            plain++;
        memcpy(copy + len, s, plain);
        len += plain;
        s += plain;
        w += (int)plain;
        room -= plain;
        left -= plain;
        joined = joined && plain == 0;
        if (left == 0 || room == 0)
            break;
        size_t n = 1, used = 1;
        if (*s == '\n' || *s == '\t') { /* a line break in a cell is a space */
            copy[len] = ' ';
        } else {
            used = cli_visible_char(s, shown);
            n = strlen(shown);
            memcpy(copy + len, shown, n);
        }
        s += used;
        left = left > used ? left - used : 0;
        /* An escape is ASCII, a column a byte; a character is as wide as
         * a terminal draws it (0, 1 or 2 columns). */
        size_t cols = (unsigned char)copy[len] < 0x80 ? n
                      : joined                         ? 0
                                                       : (size_t)cli_span_width(copy + len, n);
        joined = n == 3 && memcmp(copy + len, "\xe2\x80\x8d", 3) == 0;
        w += (int)cols;
        room = room > cols ? room - cols : 0;
        len += n;
    }
    if (copy)
        copy[len] = '\0';
    /* Bytes ran out before columns did (a run of marks) and text remains:
     * the copy is not all of it, so it must be cut like a longer one. */
    if (room > 0 && left == 0 && *s && w <= max)
        w = max + 1;
    if (width)
        *width = w;
    return copy;
}
