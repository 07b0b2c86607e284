/*
 * A progress cell kept as a log. Councils' sheets often add a dated line
 * to one progress cell at each report ("12/06/2025: met partners", the
 * newest first or last). Each dated line, with the undated lines under
 * it, is an entry on its own date, as a column of one round's progress is
 * (import_write.c, add_log and add_rounds): the action's history and its
 * staleness then show when progress was made, not the day the sheet was
 * imported. A cell is a log only when its first line starts with a date
 * and no date in it is after the day the sheet speaks for (a note that
 * opens with a date to come is a plan, kept as one note, as before), and
 * only in a row that does not date its note itself (import_row.c: a Last
 * updated cell, as every export has, so a plan moved through CSV keeps its
 * notes as they were written).
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "import.h"

#define DATE_TEXT 40 /* "12th September 2025" and room to spare */

static bool blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static const char *skip_blanks(const char *s, const char *end)
{
    while (s < end && blank_char(*s))
        s++;
    return s;
}

/* Past a bullet ("-", "*", "•"), an opening bracket and a word that says
 * a date follows ("Update 12/06/2025:", "As at June 2025 -"). */
static const char *skip_lead(const char *s, const char *end)
{
    static const char *const words[] = {"updated ", "update ", "as at ", "as of "};
    s = skip_blanks(s, end);
    if (s < end && (*s == '-' || *s == '*'))
        s = skip_blanks(s + 1, end);
    else if (end - s >= 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0)
        s = skip_blanks(s + 3, end);
    if (s < end && (*s == '[' || *s == '('))
        s++;
    if (end - s < 2 || !(((s[0] | 0x20) == 'u' && (s[1] | 0x20) == 'p') ||
                         ((s[0] | 0x20) == 'a' && (s[1] | 0x20) == 's')))
        return s; /* most cells: no word to compare */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(end - s) > n && strncasecmp(s, words[i], n) == 0)
            return skip_blanks(s + n, end);
    }
    return s;
}

/* Whether s..s+n, copied, reads as a day or a month (a month's first
 * day, as a round's header is read). */
static bool read_date(char on[SP_DATE_SIZE], const char *s, size_t n)
{
    char text[DATE_TEXT];
    bool month = false;
    if (n == 0 || n >= sizeof text)
        return false;
    memcpy(text, s, n);
    text[n] = '\0';
    return imp_round_date(on, &month, text);
}

static size_t word_end(const char *s, const char *end)
{
    const char *p = s;
    while (p < end && !blank_char(*p) && *p != ':' && *p != ']' && *p != ')' && *p != '\n')
        p++;
    while (p > s && (p[-1] == ',' || p[-1] == '.'))
        p--;
    return (size_t)(p - s);
}

/* The date at s: digits and separators ("12/06/2025", "2025-06-12"), or
 * up to three words ending in a year of four digits ("12th June 2025",
 * "June 2025", "12-Jun-2025"; "June 24" could be a day). *after is past
 * it. */
static bool date_at(char on[SP_DATE_SIZE], const char **after, const char *s, const char *end)
{
    size_t n = 0;
    if (s < end && isdigit((unsigned char)*s)) {
        while (s + n < end && (isdigit((unsigned char)s[n]) || strchr("/.-", s[n])))
            n++;
        while (n > 0 && strchr("/.-", s[n - 1]))
            n--;
        /* a number alone ("10 audits") is no date: only one with a separator
         * is worth the parser's time */
        bool split = memchr(s, '/', n) || memchr(s, '.', n) || memchr(s, '-', n);
        if (split && read_date(on, s, n)) {
            *after = s + n;
            return true;
        }
    }
    const char *w = s, *ends[3];
    size_t words = 0;
    while (words < 3 && w < end && (n = word_end(w, end)) > 0) {
        ends[words++] = w + n;
        w = skip_blanks(w + n + (w[n] == ',' || w[n] == '.'), end);
    }
    for (size_t k = words; k >= 1; k--) {
        const char *e = ends[k - 1];
        if (e - s >= 4 && isdigit((unsigned char)e[-4]) && isdigit((unsigned char)e[-1]) &&
            read_date(on, s, (size_t)(e - s))) {
            *after = e;
            return true;
        }
    }
    return false;
}

/* Whether the line s..end starts with a date, and where its text starts
 * (after a closing bracket and a ':', '-', ',' or dash). */
static bool dated_line(char on[SP_DATE_SIZE], const char **rest, const char *s, const char *end)
{
    const char *p = skip_lead(s, end), *after;
    /* Cheap refusal first: every progress cell passes here, and few start
     * with a digit or a month's first letter. */
    if (p >= end || !(isdigit((unsigned char)*p) ||
                      (strchr("jfmasond", *p | 0x20) && imp_month_word(p, word_end(p, end)))))
        return false;
    if (!date_at(on, &after, p, end))
        return false;
    p = after;
    if (p < end && (*p == ']' || *p == ')'))
        p++;
    const char *q = skip_blanks(p, end);
    if (q < end && (*q == ':' || *q == '-' || *q == ','))
        q = skip_blanks(q + 1, end);
    else if (end - q >= 3 && (memcmp(q, "\xe2\x80\x93", 3) == 0 ||
                              memcmp(q, "\xe2\x80\x94", 3) == 0))
        q = skip_blanks(q + 3, end);
    else if (q == p && q < end)
        return false; /* "2025-06-12x": no date alone */
    *rest = q;
    return true;
}

static const char *line_end(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return nl ? nl : end;
}

bool imp_log_is(const char *cell, const char *as_at)
{
    /* Most progress cells open with a word that is no month, "Update" or
     * "As": refused before a line is measured (a bullet's first byte,
     * 0xe2, goes on). */
    const char *p = cell;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '-' || *p == '*' ||
           *p == '[' || *p == '(')
        p++;
    size_t letters = 0;
    while (((p[letters] | 0x20) >= 'a' && (p[letters] | 0x20) <= 'z'))
        letters++;
    if (!isdigit((unsigned char)*p) && (unsigned char)*p != 0xe2 && !imp_month_word(p, letters) &&
        !(letters >= 2 && (p[0] | 0x20) == 'u' && (p[1] | 0x20) == 'p') && /* Update */
        !(letters == 2 && (p[0] | 0x20) == 'a' && (p[1] | 0x20) == 's'))   /* As at */
        return false;
    const char *s = cell, *end = cell + strlen(cell), *rest;
    char on[SP_DATE_SIZE];
    bool first = true;
    while (s < end) {
        const char *e = line_end(s, end);
        bool blank = skip_blanks(s, e) == e;
        if (!blank && dated_line(on, &rest, s, e)) {
            if (strcmp(on, as_at) > 0)
                return false;
        } else if (!blank && first) {
            return false;
        }
        first = first && blank;
        s = e + (e < end);
    }
    return !first;
}

bool imp_log_next(imp_log_entry *entry, const char **at)
{
    const char *s = *at, *end = s + strlen(s), *rest = NULL;
    while (s < end) { /* the next dated line */
        const char *e = line_end(s, end);
        if (dated_line(entry->on, &rest, s, e))
            break;
        s = e + (e < end);
    }
    if (s >= end)
        return false;
    const char *stop = line_end(s, end), *unused;
    char on[SP_DATE_SIZE];
    while (stop < end) { /* the undated lines below it */
        const char *next = stop + 1, *e = line_end(next, end);
        if (dated_line(on, &unused, next, e))
            break;
        stop = e;
    }
    *at = stop < end ? stop + 1 : end;
    while (rest < stop && (blank_char(*rest) || *rest == '\n'))
        rest++; /* a date alone on its line: the text is below it */
    while (stop > rest && (blank_char(stop[-1]) || stop[-1] == '\n'))
        stop--;
    entry->text = rest;
    entry->len = (size_t)(stop - rest);
    return true;
}
