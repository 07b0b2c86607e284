/*
 * Timescales as councils write them in plans, resolved to what they mean:
 * a due date ("16th July 2012", "Autumn 2016", "Q4 17/18", "3 months"),
 * no due date ("Ongoing", "TBC", "From July 2012"), a cadence ("Monthly",
 * "Every 6 weeks"), or "Complete". One parser serves import, `action add`
 * and `action update --due`.
 *
 * The text is normalised (lower case, dashes, quotes and commas folded),
 * split into words, and matched by small recursive-descent rules. A period
 * resolves to its last day (a deadline "by March" means by 31 March); a
 * period without a year falls on the first such day on or after the base
 * date; a range ("17-18th July", "December 2016/January 2017") resolves to
 * its later end. Text with two honest readings ("Q1 2018", "Jul-12",
 * "bi-annually", "end of year") is refused with the reason.
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"

#define TEXT_MAX 160
#define MAX_TOKENS 24

typedef struct tokens {
    char buf[2 * TEXT_MAX];
    const char *tok[MAX_TOKENS];
    size_t n;
} tokens;

/* A resolved or partly resolved day: y == 0 when the text gave no year. */
typedef struct when {
    int y, m, d; /* d == 0: the month's last day */
    bool exact;  /* one named day */
    bool month;  /* one named month (so "mid" and "early" mean something) */
    bool guessed; /* the year was not written: settle() chose it */
    int months;   /* a period of several months (a quarter 3, a year 12), ending in m;
                     0: one month or one day */
    bool easter;  /* Easter Sunday: its day moves with the year */
} when;

typedef struct ctx {
    const tokens *t;
    int32_t base;       /* day number of the base date */
    bool has_base;
    bool used_base;     /* base was read (sp_timescale.from_base) */
    const char *ambiguous;
    const char *norm;   /* the normalised text */
    int weekday;        /* "Monday 16 July": 1 (Monday) ... 7, 0 if none ... */
    int wd_m, wd_d;     /* ... and the day it names (the first of a range) */
    bool pair;          /* the last point read was two quarters joined ("Q1-Q2 2026/27") */
} ctx;

/* ------------------------------------------------------------------ */
/* Words                                                               */

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static const char *tok(const ctx *c, size_t i)
{
    return i < c->t->n ? c->t->tok[i] : "";
}

/* Whether w starts with one of the letters (a loop, not strchr: asked of
 * every timescale an import reads). */
static bool starts_one_of(const char *w, const char *letters)
{
    for (; *letters; letters++)
        if (*w == *letters)
            return true;
    return false;
}

static bool is(const ctx *c, size_t i, const char *word)
{
    const char *t = tok(c, i);
    return *t == *word && strcmp(t, word) == 0; /* most differ at once (see in_list) */
}

/* The first bytes are compared before strcmp is called: an import reads
 * every row's timescale through these lists of words and phrases,
 * and nearly all differ at the first byte (1.5% of a council sheet's
 * import was strcmp called from here). */
static bool in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (**list == *w && strcmp(w, *list) == 0)
            return true;
    return false;
}

/* The apostrophe (text[i] its last byte) of a year in two digits ("Jan
 * '26"), after a word (out[o - 1] a space): kept, as it says the digits
 * are a year and not a day. */
static bool short_year_mark(const char *text, size_t i, const char *out, size_t o)
{
    return o > 0 && out[o - 1] == ' ' && digit(text[i + 1]) && digit(text[i + 2]) &&
           !digit(text[i + 3]);
}

/* Lower case; en and em dashes to '-'; quotes and brackets dropped (but the
 * apostrophe of a year in two digits, "Jan '26"); a question mark a word of
 * its own ("March 2026?": a date in doubt, see tentative); commas,
 * full stops (not between digits) and runs of space to one space. */
static bool normalise(char *out, size_t size, const char *text)
{
    size_t o = 0, len = strlen(text);
    /* No bound on the text itself: runs of white space fold to one, so a
     * cell padded with tabs (as sp_date_parse trims) is as short as its
     * words; what does not fit `out` is refused below. */
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        char c = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        if (ch == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80) {
            unsigned char k = (unsigned char)text[i + 2];
            i += 2;
            c = (k == 0x93 || k == 0x94 || k == 0x90 || k == 0x91) ? '-'
                : (k == 0x98 || k == 0x99) ? '\'' : '?';
        }
        if ((c == '\'' && !short_year_mark(text, i, out, o)) || c == '"' || c == '(' || c == ')')
            continue;
        if (ch == '?' && o > 0 && out[o - 1] != ' ') {
            if (o + 1 >= size)
                return false;
            out[o++] = ' ';
        }
        if (c == '.' && !(i > 0 && digit(text[i - 1]) && digit(text[i + 1])))
            c = ' ';
        if (c == 't' && i > 0 && digit(text[i - 1]) && digit(text[i + 1]))
            c = ' '; /* ISO date-time "2018-04-01T00:00" */
        if (c == ':' && !(i > 0 && digit(text[i - 1]) && digit(text[i + 1])))
            c = ' '; /* "Target: 31/03/2026"; a time's "14:30" stays */
        if (c == ',' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '\v' ||
            c == '\f')
            c = ' ';
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        if (o + 1 >= size)
            return false;
        out[o++] = c;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return true;
}

/* Whether the '-' or '/' at norm[i] splits words: not between digits
 * ("2016/17", "01-04-2018", "17-18th"), unless it is a '-' after a word
 * that has a '/' (word, its bytes so far: "01/12/2025-31/03/2026",
 * "2016/17-2017/18" are ranges). */
static bool splits(const char *norm, size_t i, const char *word, size_t word_len)
{
    if (!(i > 0 && digit(norm[i - 1]) && digit(norm[i + 1])))
        return true;
    return norm[i] == '-' && memchr(word, '/', word_len) != NULL;
}

/* Words split at spaces; '-' and '/' are words of their own ("mid-July",
 * "June/July") where they split (splits). */
static bool tokenise(tokens *t, const char *norm)
{
    size_t o = 0, len = strlen(norm);
    t->n = 0;
    for (size_t i = 0; i < len;) {
        if (norm[i] == ' ') {
            i++;
            continue;
        }
        if (t->n == MAX_TOKENS)
            return false;
        const char *before = t->n ? t->tok[t->n - 1] : "";
        char *word = t->buf + o;
        t->tok[t->n++] = word;
        if ((norm[i] == '-' || norm[i] == '/') && splits(norm, i, before, strlen(before))) {
            t->buf[o++] = norm[i++];
        } else {
            while (i < len && norm[i] != ' ' &&
                   !((norm[i] == '-' || norm[i] == '/') &&
                     splits(norm, i, word, (size_t)(t->buf + o - word))))
                t->buf[o++] = norm[i++];
        }
        t->buf[o++] = '\0';
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Pieces of dates                                                     */

static int month_word(const char *w)
{
    static const char *const names[12] = {"january", "february", "march", "april",
                                          "may", "june", "july", "august",
                                          "september", "october", "november", "december"};
    if (strcmp(w, "sept") == 0)
        return 9;
    for (int i = 0; i < 12; i++)
        if (strcmp(w, names[i]) == 0 || (strlen(w) == 3 && strncmp(w, names[i], 3) == 0))
            return i + 1;
    return 0;
}

/* All digits, 1..max of them. */
static bool number(const char *w, size_t max, int *v)
{
    size_t n = strlen(w);
    if (n == 0 || n > max)
        return false;
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!digit(w[i]))
            return false;
        *v = *v * 10 + (w[i] - '0');
    }
    return true;
}

static bool year4(const char *w, int *y)
{
    return strlen(w) == 4 && number(w, 4, y) && *y >= SP_YEAR_MIN && *y <= SP_YEAR_MAX;
}

/* A day of the month: "16", "16th", "1st", "17-18th" (a range: the end). */
static bool day_only(const char *w, size_t len, int *d)
{
    char num[4];
    size_t n = strspn(w, "0123456789");
    if (n == 0 || n > 2 || n > len)
        return false;
    const char *suffix = w + n;
    size_t rest = len - n;
    if (rest != 0 && !(rest == 2 && (strncmp(suffix, "st", 2) == 0 ||
                                     strncmp(suffix, "nd", 2) == 0 ||
                                     strncmp(suffix, "rd", 2) == 0 ||
                                     strncmp(suffix, "th", 2) == 0)))
        return false;
    memcpy(num, w, n);
    num[n] = '\0';
    return number(num, 2, d) && *d >= 1 && *d <= 31;
}

static bool day_word(const char *w, int *d)
{
    const char *dash = strchr(w, '-');
    int first = 0;
    if (dash && !day_only(w, (size_t)(dash - w), &first))
        return false;
    const char *last = dash ? dash + 1 : w;
    if (!day_only(last, strlen(last), d))
        return false;
    return !dash || first <= *d;
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "mon", "tue", "tues", "wed",
                                       "thu", "thur", "thurs", "fri", "sat", "sun", NULL};
/* The day of the week of each word above, Monday 1. */
static const int weekday_numbers[] = {1, 2, 3, 4, 5, 6, 7, 1, 2, 2, 3, 4, 4, 4, 5, 6, 7};

static int weekday_of(const char *w)
{
    for (size_t i = 0; weekdays[i]; i++)
        if (strcmp(w, weekdays[i]) == 0)
            return weekday_numbers[i];
    return 0;
}

/* ------------------------------------------------------------------ */
/* Resolving                                                           */

static int last_day(int y, int m)
{
    return sp_days_in_month(y, m);
}

/* The day number of w in year y into *n; false if that day does not exist.
 * (Day numbers before 1970 are negative, so no number can be a sentinel.) */
static bool day_in(const when *w, int y, int32_t *n)
{
    int d = w->d ? w->d : last_day(y, w->m);
    if (!sp_ymd_valid(y, w->m, d))
        return false;
    *n = sp_days_from_ymd(y, w->m, d);
    return true;
}

/* A yearless day: the first on or after the base (29 February waits for
 * a leap year). Without a base, refused. */
static bool settle(ctx *c, when *w)
{
    int32_t n;
    if (w->y)
        return day_in(w, w->y, &n);
    if (!c->has_base)
        return false;
    int y, m, d;
    c->used_base = true;
    sp_ymd_from_days(c->base, &y, &m, &d);
    for (int k = 0; k < 8; k++, y++) {
        if (day_in(w, y, &n) && n >= c->base) {
            w->y = y;
            w->guessed = true;
            return true;
        }
    }
    return false;
}

static void emit(sp_timescale *out, const when *w)
{
    sp_format_ymd(out->due, w->y, w->m, w->d ? w->d : last_day(w->y, w->m));
}

/* ------------------------------------------------------------------ */
/* Rules: each reads tokens from i, sets *end past what it read          */

static bool skip_dash(const ctx *c, size_t *i)
{
    if (is(c, *i, "-") || is(c, *i, "/"))
        return ++*i, true;
    return false;
}

/* Two-digit years in a UK day-first date are this century's: plans are
 * from 2000 on, and "1/4/18" reads as 1 April 2018 to everyone. */
static bool numeric_date(ctx *c, size_t i, size_t *end, when *w)
{
    const char *s = tok(c, i);
    int a, b, y;
    char parts[3][8];
    size_t np = 0, k = 0;
    char sep = 0;
    for (const char *p = s;; p++) {
        if (*p == '/' || *p == '-' || *p == '.' || *p == '\0') {
            if (k == 0 || np == 3 || (*p && sep && *p != sep))
                return false;
            parts[np][k] = '\0';
            np++, k = 0;
            if (!*p)
                break;
            if (np == 3) /* a fourth group ("1/2/2017/5"): not a date */
                return false;
            sep = *p;
        } else if (digit(*p) && k < 4) {
            parts[np][k++] = *p;
        } else {
            return false;
        }
    }
    if (np == 2) { /* "07/2012", "2012-07": a month */
        if (number(parts[0], 2, &a) && year4(parts[1], &y) && sep == '/')
            *w = (when){y, a, 0, false, true, false, 0, false};
        else if (year4(parts[0], &y) && number(parts[1], 2, &a) && sep == '-')
            *w = (when){y, a, 0, false, true, false, 0, false};
        else
            return false;
        *end = i + 1;
        return a >= 1 && a <= 12;
    }
    if (np != 3)
        return false;
    if (year4(parts[0], &y) && sep == '-' && number(parts[1], 2, &a) && number(parts[2], 2, &b))
        *w = (when){y, a, b, true, false, false, 0, false};
    else if (number(parts[0], 2, &b) && number(parts[1], 2, &a) && year4(parts[2], &y))
        *w = (when){y, a, b, true, false, false, 0, false};
    else if (number(parts[0], 2, &b) && number(parts[1], 2, &a) && strlen(parts[2]) == 2 &&
             number(parts[2], 2, &y))
        *w = (when){2000 + y, a, b, true, false, false, 0, false};
    else
        return false;
    *end = i + 1;
    return sp_ymd_valid(w->y, w->m, w->d);
}

/* Excel's date-time: "2018-04-01 00:00:00", "2018-04-01t00:00", also with
 * seconds' fractions. The time is dropped. */
static bool time_word(const char *w)
{
    size_t n = strlen(w);
    return n >= 4 && (strspn(w, "0123456789:.") == n || (n > 2 && (strcmp(w + n - 2, "am") == 0 ||
                                                                   strcmp(w + n - 2, "pm") == 0)));
}

static void note_weekday(ctx *c, int weekday, int m, int d)
{
    c->weekday = weekday;
    c->wd_m = m;
    c->wd_d = d;
}

/* "16 July 2012", "16th July", "1-Apr-2018", "July 16th 2012", "Monday 16
 * July 2012", "01-Apr-18"; the year may be missing. */
static bool written_date(ctx *c, size_t i, size_t *end, when *w)
{
    int d, m, y = 0;
    int weekday = weekday_of(tok(c, i));
    if (weekday)
        i++;
    if (day_word(tok(c, i), &d)) {
        size_t j = i + 1;
        int d2, d1 = d;
        if ((is(c, j, "-") || is(c, j, "to") || is(c, j, "and")) && day_word(tok(c, j + 1), &d2) &&
            d2 >= d) /* "17th-18th July": the later day */
            d = d2, j += 2;
        skip_dash(c, &j);
        if (is(c, j, "of"))
            j++;
        if (!(m = month_word(tok(c, j))))
            return false;
        j++;
        size_t k = j;
        skip_dash(c, &k);
        if (year4(tok(c, k), &y)) {
            j = k + 1;
        } else if (strlen(tok(c, k)) == 2 && number(tok(c, k), 2, &y)) {
            y += 2000; /* "01-Apr-18": Excel's dd-mmm-yy; "31 Mar 26", its day written */
            j = k + 1;
        } else {
            y = 0;
        }
        *w = (when){y, m, d, true, false, false, 0, false};
        *end = j;
        note_weekday(c, weekday, m, d1);
        return y == 0 || sp_ymd_valid(y, m, d);
    }
    if ((m = month_word(tok(c, i))) && day_word(tok(c, i + 1), &d)) {
        size_t j = i + 2;
        if (year4(tok(c, j), &y))
            j++;
        else
            y = 0;
        if (y == 0 && strlen(tok(c, i + 1)) == strspn(tok(c, i + 1), "0123456789"))
            return false; /* "July 12": the 12th, or 2012? */
        *w = (when){y, m, d, true, false, false, 0, false};
        *end = j;
        note_weekday(c, weekday, m, d);
        return y == 0 || sp_ymd_valid(y, m, d);
    }
    return false;
}

/* A UK financial year: "2016/17", "2016-17", "2016/2017", "16/17",
 * "fy16/17", "fy 2016/17", "financial year 2016/17", "year end 2016/17"
 * (a year end is the financial year's only before one). *start = 2016. */
static bool fin_year_word(const char *w, int *start)
{
    char a[8], b[8];
    size_t na = strspn(w, "0123456789");
    if ((w[na] != '/' && w[na] != '-') || na >= sizeof a)
        return false;
    size_t nb = strspn(w + na + 1, "0123456789");
    if (w[na + 1 + nb] != '\0' || nb >= sizeof b)
        return false;
    memcpy(a, w, na), a[na] = '\0';
    memcpy(b, w + na + 1, nb), b[nb] = '\0';
    int first, second;
    if (!number(a, 4, &first) || !number(b, 4, &second))
        return false;
    if (na == 2 && nb == 2)
        first += 2000;
    else if (!(na == 4 && (nb == 2 || nb == 4)))
        return false;
    if (first < SP_YEAR_MIN || first >= SP_YEAR_MAX)
        return false;
    if (nb == 2 ? second != (first + 1) % 100 : second != first + 1)
        return false;
    *start = first;
    return true;
}

static bool fin_year(const ctx *c, size_t i, size_t *end, int *start)
{
    if ((is(c, i, "financial") || is(c, i, "year")) &&
        is(c, i + 1, is(c, i, "year") ? "end" : "year"))
        i += 2;
    const char *w = tok(c, i);
    if (strcmp(w, "fy") == 0)
        w = tok(c, ++i);
    else if (strncmp(w, "fy", 2) == 0)
        w += 2;
    /* "2025 - 2026", "2025 / 26": spaced, the year it is unspaced (a range
     * of two calendar years would end nine months later than "2025-2026") */
    char joined[16];
    if (strlen(w) == 4 && (is(c, i + 1, "-") || is(c, i + 1, "/")) &&
        strlen(tok(c, i + 2)) <= 4) {
        snprintf(joined, sizeof joined, "%s-%s", w, tok(c, i + 2));
        if (fin_year_word(joined, start))
            return *end = i + 3, true;
    }
    if (!fin_year_word(w, start))
        return false;
    *end = i + 1;
    return true;
}

/* "financial year" / "fy" after a year, optional. */
static size_t skip_fy_words(const ctx *c, size_t j)
{
    if (is(c, j, "fy"))
        return j + 1;
    if (is(c, j, "financial") && is(c, j + 1, "year"))
        return j + 2;
    return j;
}

/* The financial year a quarter or a half is of, from j, with "financial
 * year" after it; a plain year there is refused, saying why (one_year). */
static bool part_of_fin_year(ctx *c, size_t j, size_t *end, int *start, const char *one_year)
{
    int y;
    if (fin_year(c, j, end, start)) {
        *end = skip_fy_words(c, *end);
        return true;
    }
    if (year4(tok(c, j), &y))
        c->ambiguous = one_year;
    return false;
}

/* "Q4 17/18", "Q2 2017/18", "Quarter 4 2017-18", "Q4 of 2017/18",
 * "2017/18 Q4"; two quarters of one year ("Q3/Q4 2025/26"), the later. A quarter with one plain
 * year is refused: "Q1 2018" is January-March to some and April-June (the financial Q1) to others.
 */
static bool quarter(ctx *c, size_t i, size_t *end, when *w)
{
    int q = 0, start;
    size_t j = i;
    const char *s = tok(c, j);
    if (s[0] == 'q' && s[1] >= '1' && s[1] <= '4' && s[2] == '\0')
        q = s[1] - '0', j++;
    const char *to = tok(c, j + 1);
    int first_q = q;
    if (q && (is(c, j, "-") || is(c, j, "/") || is(c, j, "&") || is(c, j, "and") ||
              is(c, j, "to")) &&
        to[0] == 'q' && to[1] > '0' + q && to[1] <= '4' && to[2] == '\0')
        q = to[1] - '0', j += 2; /* "Q3-Q4 2025/26", "Q3 & Q4 2025/26": the later */
    else if ((strcmp(s, "quarter") == 0 || strcmp(s, "qtr") == 0) &&
             number(tok(c, j + 1), 1, &q) && q >= 1 && q <= 4)
        j += 2;
    size_t k;
    if (q) {
        j += is(c, j, "of");
        if (!part_of_fin_year(c, j, &k, &start,
                              "a quarter with one year ('Q1 2018') is January-March to some "
                              "readers and the financial Q1 (April-June) to others: write the "
                              "financial year ('Q1 2018/19') or the month ('end of June 2018')")) {
            if (j >= c->t->n)
                c->ambiguous = "a quarter without its year ('Q4') may be this year's or next, "
                               "and a calendar or a financial quarter: write the financial year "
                               "('Q4 2025/26') or the month ('end of March 2026')";
            return false;
        }
    } else {
        if (!fin_year(c, i, &j, &start))
            return false;
        s = tok(c, j);
        if (!(s[0] == 'q' && s[1] >= '1' && s[1] <= '4' && s[2] == '\0'))
            return false;
        q = s[1] - '0';
        k = j + 1;
    }
    /* Two quarters are one period of both: from_range starts it at the first. */
    int months = 3 * (q - (first_q ? first_q : q) + 1);
    *w = q == 4 ? (when){start + 1, 3, 0, false, false, false, months, false}
                : (when){start, 3 + 3 * q, 0, false, false, false, months, false};
    c->pair = months > 3;
    *end = k;
    return true;
}

/* "H1 2026/27", "H2 26/27", "first half of 2026/27", "second half 2026/27":
 * a half of a financial year, April to September or October to March. A
 * half with one plain year is refused, as a quarter is. */
static bool half(ctx *c, size_t i, size_t *end, when *w)
{
    const char *s = tok(c, i);
    if (s[0] != 'h' && s[0] != 'f' && s[0] != 's') /* every point is asked: one test */
        return false;
    int h = is(c, i, "h1") ? 1 : is(c, i, "h2") ? 2 : 0, start;
    size_t j = i + 1;
    if (!h && (is(c, i, "first") || is(c, i, "second")) && is(c, i + 1, "half")) {
        h = is(c, i, "first") ? 1 : 2;
        j = i + 2;
    }
    if (!h)
        return false;
    j += is(c, j, "of");
    if (!part_of_fin_year(c, j, end, &start,
                          "a half with one year ('H1 2026') is January-June to some readers "
                          "and April-September (the financial year's) to others: write the "
                          "financial year ('H1 2026/27') or the month ('end of June 2026')"))
        return false;
    *w = h == 1 ? (when){start, 9, 0, false, false, false, 6, false}
                : (when){start + 1, 3, 0, false, false, false, 6, false};
    return true;
}

/* A school term ("Summer term 2025", "Spring term 2025/26"), season k of
 * season()'s names, its year from j: it ends with its last month, as
 * English schools' terms run: autumn September to December, spring
 * January to March (Easter moves its last days), summer April to July. In
 * an academic year ("2025/26") autumn is in the first year, the others in
 * the second. There is no winter term. */
static bool school_term(ctx *c, int k, size_t j, size_t *end, when *w)
{
    static const int ends[] = {3, 7, 12, 12}, months[] = {3, 4, 4, 4};
    int y = 0, start;
    size_t after;
    if (k > 3)
        return false;
    if (fin_year(c, j, &after, &start)) {
        y = k >= 2 ? start : start + 1;
        j = after;
    } else if (year4(tok(c, j), &y)) {
        j++;
    }
    *w = (when){y, ends[k], 0, false, false, false, months[k], false};
    *end = j;
    return true;
}

/* "(The) academic year 2025/26", "2025/26 academic year": its last day, 31
 * August (schools' years run September to August). */
static bool academic_year(ctx *c, size_t i, size_t *end, when *w)
{
    int start;
    size_t j;
    i += is(c, i, "the");
    if (is(c, i, "academic") && is(c, i + 1, "year") && fin_year(c, i + 2, &j, &start)) {
        *end = j;
    } else if (fin_year(c, i, &j, &start) && is(c, j, "academic") && is(c, j + 1, "year")) {
        *end = j + 2;
    } else {
        return false;
    }
    *w = (when){start + 1, 8, 0, false, false, false, 12, false};
    return true;
}

/* Meteorological seasons, as the Met Office counts them; a season ends
 * on its last day: spring 31 May, summer 31 August, autumn 30 November,
 * winter the end of February after the named year ("Winter 2016" and
 * "Winter 2016/17" both end 28 February 2017). */
static bool season(ctx *c, size_t i, size_t *end, when *w)
{
    static const char *const names[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
    static const int ends[] = {5, 8, 11, 11, 2};
    const char *s = tok(c, i);
    int k = -1;
    for (int n = 0; names[n]; n++)
        if (strcmp(s, names[n]) == 0)
            k = n;
    if (k < 0)
        return false;
    size_t j = i + 1;
    if (is(c, j, "term")) /* "summer term": schools' terms end earlier */
        return school_term(c, k, j + 1, end, w);
    int y = 0, start;
    size_t after;
    if (fin_year(c, j, &after, &start) && k == 4) {
        y = start + 1;
        j = after;
    } else if (year4(tok(c, j), &y)) {
        j++;
        if (k == 4)
            y++;
    }
    *w = (when){y, ends[k], 0, false, false, false, 3, false};
    *end = j;
    return true;
}

/* "July 2012", "Sept", "July" (the next July), "2017" (its last day). */
static bool month_year(ctx *c, size_t i, size_t *end, when *w)
{
    int m = month_word(tok(c, i)), y = 0;
    if (m) {
        size_t j = i + 1;
        size_t k = j;
        bool dashed = skip_dash(c, &k);
        const char *next = tok(c, k);
        bool two_digits = strlen(next) == 2 && strspn(next, "0123456789") == 2;
        if (year4(next, &y)) {
            j = k + 1;
        } else if (next[0] == '\'' && number(next + 1, 2, &y)) { /* "Jan '26" */
            y += 2000;
            j = k + 1;
        } else if (dashed && two_digits) {
            c->ambiguous = "a month, a dash and two digits ('Jul-12') is July 2012 to Excel "
                           "and 12 July to a reader: write the year in full ('July 2012') or "
                           "the day ('12 July 2012')";
            return false;
        } else {
            if (two_digits) /* "Sept 25": left over, so the whole is refused; say why */
                c->ambiguous = "a month and two digits ('Sept 25') may be September 2025 "
                               "or 25 September: write the year in full ('September 2025', "
                               "'Sept \'25') or the day and the year ('25 September 2025')";
            y = 0;
        }
        *w = (when){y, m, 0, false, true, false, 0, false};
        *end = j;
        return true;
    }
    if (year4(tok(c, i), &y)) { /* a bare year */
        *w = (when){y, 12, 0, false, false, false, 12, false};
        *end = i + 1;
        return true;
    }
    return false;
}

/* Easter Sunday of year y, by the Gregorian computus (the anonymous
 * algorithm of 1876, as Meeus gives it). */
static void easter_sunday(int y, int *m, int *d)
{
    int a = y % 19, b = y / 100, c = y % 100;
    int h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
    int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
    int n = h + l - 7 * ((a + 11 * h + 22 * l) / 451) + 114;
    *m = n / 31;
    *d = n % 31 + 1;
}

/* "Christmas 2025" (25 December), "Easter 2026" (Easter Sunday), with or
 * without "Day"/"Sunday": plans say "by Christmas" for the day itself.
 * Without a year, the next on or after the base; Easter's day moves, so
 * its year is settled here rather than by settle(). */
static bool feast(ctx *c, size_t i, size_t *end, when *w)
{
    if (!strchr("cex", tok(c, i)[0]) || !tok(c, i)[0]) /* asked at every point: one test */
        return false;
    bool easter = is(c, i, "easter");
    if (!easter && !is(c, i, "christmas") && !is(c, i, "xmas"))
        return false;
    size_t j = i + 1 + (is(c, i + 1, easter ? "sunday" : "day"));
    int y = 0, m = 12, d = 25;
    bool guessed = false;
    if (year4(tok(c, j), &y))
        j++;
    if (easter && y) {
        easter_sunday(y, &m, &d);
    } else if (easter) {
        if (!c->has_base)
            return false;
        int bm, bd;
        sp_ymd_from_days(c->base, &y, &bm, &bd);
        easter_sunday(y, &m, &d);
        if (sp_days_from_ymd(y, m, d) < c->base)
            easter_sunday(++y, &m, &d);
        c->used_base = guessed = true;
    }
    *w = (when){y, m, d, true, false, guessed, 0, easter};
    *end = j;
    return true;
}

/* A period or day: the pieces above, first match that reads furthest. */
static bool point(ctx *c, size_t i, size_t *end, when *w)
{
    size_t e;
    when v;
    int start;
    /* "2025 - 2026" is the financial year "2025-2026" is, not a range of two
     * calendar years (nine months later) */
    bool spaced_year = (is(c, i + 1, "-") || is(c, i + 1, "/")) && fin_year(c, i, &e, &start);
    if (!spaced_year &&
        (numeric_date(c, i, &e, &v) || written_date(c, i, &e, &v) || quarter(c, i, &e, &v) ||
         half(c, i, &e, &v) || academic_year(c, i, &e, &v) || season(c, i, &e, &v) ||
         feast(c, i, &e, &v) || month_year(c, i, &e, &v))) {
        *end = e, *w = v;
        return true;
    }
    if (spaced_year || fin_year(c, i, &e, &start)) { /* "2016/17": its last day */
        *w = (when){start + 1, 3, 0, false, false, false, 12, false};
        *end = skip_fy_words(c, e);
        return true;
    }
    return false;
}

/* A point, or a range of two ("17-18th July 2012" reads as one point;
 * "June-July 2012", "December 2016/January 2017", "Spring to Summer 2017"):
 * the later end. A missing year on the first half is taken from the second
 * (the year before when that would put it after the end). */
static bool span(ctx *c, size_t i, size_t *end, when *w)
{
    when a, b;
    size_t e;
    if (!point(c, i, &e, &a))
        return false;
    size_t j = e;
    bool joined = skip_dash(c, &j);
    if (!joined && (is(c, j, "to") || is(c, j, "until") || is(c, j, "or") || is(c, j, "and") ||
                    is(c, j, "&")))
        joined = true, j++;
    if (joined && point(c, j, end, &b)) {
        if (!settle(c, &b))
            return false;
        if (!a.y)
            a.y = b.y - (a.m > b.m);
        if (!settle(c, &a))
            return false;
        int32_t da, db;
        if (!day_in(&a, a.y, &da) || !day_in(&b, b.y, &db))
            return false;
        *w = da > db ? a : b;
        w->exact = false;
        return true;
    }
    *end = e;
    *w = a;
    return settle(c, w);
}

/* ------------------------------------------------------------------ */
/* Phrases around a date                                               */

/* A word that says the date is not settled: "TBC - March 2026", "March
 * 2026 (provisional)", "March 2026?". The date is read as written, as a
 * guess is ("c. March 2026"), and the text is kept beside it. Only beside
 * a date: "Complete?" is no completion. */
static bool tentative(const ctx *c, size_t i)
{
    static const char *const words[] = {"tbc", "tba", "provisional", "provisionally",
                                        "estimated", "approx", "approximately", "?", NULL};
    return in_list(tok(c, i), words);
}

typedef enum mood { AT_END, AT_MID, AT_EARLY, AT_START, BEFORE, WEEK_OF } mood;

/* "by", "by the end of", "end of", "no later than", "mid", "early",
 * "w/c" ...: what part of the period is meant. Words of doubt ("TBC
 * March 2026", "Provisional - March 2026") are passed over: the date is
 * the clerk's, kept as written, and "TBC" alone is open-ended. */
static size_t prefix(const ctx *c, size_t i, mood *md)
{
    *md = AT_END;
    static const char *const fillers[] = {
        "by", "due", "deadline", "target", "date", "on", "in", "during", "at", "for", "complete",
        "completed", "within", "the", "throughout", "until", "till", "c", "circa", "approx",
        "approximately", "around", "about", "provisionally", "provisional", "est",
        "estimated", "expected", "anticipated", "tbc", "tba", NULL};
    for (;;) {
        if (is(c, i, "on") && is(c, i + 1, "or") && is(c, i + 2, "before")) {
            i += 3; /* the day itself is in time */
        } else if (in_list(tok(c, i), fillers) && !is(c, i + 1, "-") && !is(c, i + 1, "/")) {
            i++;
        } else if (is(c, i, "latest")) {
            i++;
        } else if (is(c, i + 1, "-") && tentative(c, i)) {
            i += 2; /* "TBC - March 2026" */
        } else if ((is(c, i, "up") || is(c, i, "through") || is(c, i, "running")) &&
                   is(c, i + 1, "to")) {
            i += 2; /* "up to March 2026": until it ends */
        } else if (is(c, i, "w") && is(c, i + 1, "/") && is(c, i + 2, "e")) {
            i += 3; /* "w/e 12/12/2025": the week ends that day */
        } else if ((is(c, i, "week") || is(c, i, "wk")) && is(c, i + 1, "ending")) {
            i += 2;
        } else if ((is(c, i, "no") || is(c, i, "not")) && is(c, i + 1, "later") &&
                   is(c, i + 1 + 1, "than")) {
            i += 3;
        } else if (is(c, i, "end") || is(c, i, "close")) {
            i++;
            if (is(c, i, "of"))
                i++;
        } else if (is(c, i, "mid") || is(c, i, "middle") || is(c, i, "early") ||
                   is(c, i, "late") || is(c, i, "beginning") || is(c, i, "start")) {
            *md = is(c, i, "early") ? AT_EARLY
                  : (is(c, i, "mid") || is(c, i, "middle")) ? AT_MID
                  : is(c, i, "late") ? AT_END : AT_START;
            i++;
            skip_dash(c, &i);
            if (is(c, i, "of"))
                i++;
        } else if (is(c, i, "before")) {
            size_t j = i + 1 + is(c, i + 1, "the"); /* "before the end of March": by it */
            *md = is(c, j, "end") || is(c, j, "close") ? AT_END : BEFORE;
            i++;
        } else if ((is(c, i, "w") && is(c, i + 1, "/") &&
                    (is(c, i + 2, "c") || is(c, i + 2, "b"))) ||
                   is(c, i, "wc") || is(c, i, "wb")) { /* week commencing, week beginning */
            *md = WEEK_OF;
            i += is(c, i, "wc") || is(c, i, "wb") ? 1 : 3;
        } else if ((is(c, i, "week") || is(c, i, "wk")) &&
                   (is(c, i + 1, "commencing") || is(c, i + 1, "beginning"))) {
            *md = WEEK_OF;
            i += 2;
        } else {
            return i;
        }
    }
}

/* Applies the mood to a settled period. */
static bool apply_mood(sp_timescale *out, when *w, mood md)
{
    if (md == AT_MID || md == AT_EARLY || md == AT_START) {
        if ((w->exact && md != AT_START) || (!w->exact && !w->month))
            return false; /* "mid 16 July", "mid 2017/18" */
        if (!w->exact)
            w->d = md == AT_MID ? 15 : md == AT_EARLY ? 10 : 1;
    }
    emit(out, w);
    if (md == BEFORE || md == WEEK_OF) {
        if (!w->exact)
            return md == BEFORE; /* "before March 2017": the end of February */
        return sp_date_add_days(out->due, out->due, md == BEFORE ? -1 : 6) == SP_OK;
    }
    return true;
}

static bool dated(ctx *c, sp_timescale *out)
{
    mood md;
    size_t i = prefix(c, 0, &md), e;
    when w;
    if (i >= c->t->n || !span(c, i, &e, &w))
        return false;
    /* a trailing time (Excel's date-time) or "financial year" is allowed,
     * and "at the latest" */
    while (e < c->t->n && (time_word(tok(c, e)) || is(c, e, "00") || is(c, e, "t")))
        e++;
    if (is(c, e, "at") && is(c, e + 1, "the") && is(c, e + 2, "latest"))
        e += 3;
    else if (is(c, e, "latest") || tentative(c, e))
        e++;
    else if (is(c, e, "-") && tentative(c, e + 1))
        e += 2;
    if (e != c->t->n)
        return false;
    if (md == BEFORE && !w.exact) { /* before a period: the day before it starts */
        int y = w.y, m = w.m;
        if (--m == 0)
            m = 12, y--;
        w = (when){y, m, 0, false, false, false, 0, false};
        md = AT_END;
    }
    out->exact = w.exact && md == AT_END && i == 0;
    if ((md == AT_MID || md == AT_EARLY || md == AT_START) && !w.exact && !w.month) {
        c->ambiguous = "'mid', 'early' or 'start' of a year, a quarter or a season names no "
                       "month: write the month ('end of June 2026', 'mid March 2026')";
        return false;
    }
    if (!apply_mood(out, &w, md))
        return false;
    int32_t due;
    if (w.guessed && sp_iso_days(out->due, &due) && due < c->base) {
        w.y++; /* "mid July" on 20 July: next year's, as "the first on or after" says */
        if (w.easter) /* "before Easter" on Easter Day: next year's Easter moves */
            easter_sunday(w.y, &w.m, &w.d);
        return apply_mood(out, &w, md);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Offsets                                                             */

static int count_word(const char *w)
{
    static const char *const words[] = {"one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve", NULL};
    int v;
    if (number(w, 4, &v))
        return v;
    if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)
        return 1;
    for (int i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return i + 1;
    return -1;
}

typedef enum unit { U_NONE, U_DAY, U_WEEK, U_MONTH, U_YEAR } unit;

static unit unit_word(const char *w)
{
    static const char *const d[] = {"d", "day", "days", NULL};
    static const char *const wk[] = {"w", "wk", "wks", "week", "weeks", NULL};
    static const char *const mo[] = {"m", "mo", "mos", "mth", "mths", "mnth", "mnths", "month",
                                     "months", NULL};
    static const char *const yr[] = {"y", "yr", "yrs", "year", "years", NULL};
    return in_list(w, d) ? U_DAY : in_list(w, wk) ? U_WEEK : in_list(w, mo) ? U_MONTH
           : in_list(w, yr) ? U_YEAR : U_NONE;
}

/* A count and unit at i: "3 months", "6m", "3-6 months" (the later),
 * "six months", "12-week"; *end past them. */
static bool count_unit(const ctx *c, size_t i, size_t *end, int *n, unit *u)
{
    const char *w = tok(c, i);
    size_t digits = strspn(w, "0123456789");
    char num[8];
    if (digits > 0 && w[digits] == '-' && digit(w[digits + 1])) { /* "3-6": the later */
        w += digits + 1;
        digits = strspn(w, "0123456789");
    }
    if (digits > 0 && w[digits] != '\0') { /* "6m" */
        if (digits >= sizeof num)
            return false;
        memcpy(num, w, digits);
        num[digits] = '\0';
        *n = count_word(num);
        *u = unit_word(w + digits);
        *end = i + 1;
    } else {
        *n = count_word(w);
        size_t j = i + 1;
        skip_dash(c, &j);
        *u = unit_word(tok(c, j));
        *end = j + 1;
    }
    return *n >= 0 && *n <= 1200 && *u != U_NONE;
}

/* "3 months", "within 12 weeks", "in 3 months time", "next 6 months",
 * "over the next 6 months", "6 months from start". */
static bool offset(ctx *c, sp_timescale *out)
{
    static const char *const lead[] = {"within", "in", "next", "the", "over", "by", "after",
                                       "approx", "approximately", "around", NULL};
    static const char *const tail[] = {"time", "from", "start", "starting", "of", "after",
                                       "the", "review", "date", "later", NULL};
    /* "ASAP" is as urgent as "immediately": open-ended, it was never
     * overdue and an urgent action fell out of `overdue` and `due`. */
    static const char *const now[] = {"immediate", "immediately", "with immediate effect",
                                      "now", "straight away", "asap", "as soon as possible",
                                      "a s a p", NULL};
    size_t i = 0, e;
    while (in_list(tok(c, i), lead))
        i++;
    int n;
    unit u;
    if (in_list(c->norm, now))
        n = 0, u = U_DAY, e = c->t->n; /* due at once: the start date */
    else if (!count_unit(c, i, &e, &n, &u))
        return false;
    while (e < c->t->n && in_list(tok(c, e), tail))
        e++;
    if (e != c->t->n || !c->has_base)
        return false;
    char base[SP_DATE_SIZE];
    c->used_base = true;
    sp_date_from_days(base, c->base);
    int rc = u == U_DAY    ? sp_date_add_days(out->due, base, n)
             : u == U_WEEK ? sp_date_add_days(out->due, base, (int64_t)n * 7)
             : u == U_MONTH ? sp_date_add_months(out->due, base, n)
                            : sp_date_add_months(out->due, base, (int64_t)n * 12);
    return rc == SP_OK;
}

/* ------------------------------------------------------------------ */
/* Words that are not dates                                            */

/* The whole text, with its words joined by single spaces, is one of list. */
static bool whole_is(const char *norm, const char *const *list)
{
    return in_list(norm, list);
}

static bool open_ended(const char *norm)
{
    static const char *const words[] = {
        "", "-", "--", "?", "ongoing", "on going", "on-going", "continuous", "continuing",
        "continual", "in place and ongoing", "tbc", "tba", "tbd", "to be confirmed",
        "to be agreed", "to be arranged", "to be determined", "to be decided", "n/a", "na",
        "n a", "not applicable", "none", "no date", "not set", "as required", "as needed",
        "as and when", "as and when required", "ongoing - tbc", "immediate and ongoing",
        "immediately and ongoing", "now and ongoing", "immediate - ongoing",
        "ongoing/tbc", "tbc/ongoing", "ongoing tbc", "tbc ongoing", "tbc - ongoing",
        "permanent", "open", NULL};
    /* "Date TBC", "Target: TBC", "Deadline to be confirmed": a label, then
     * no date yet (a colon is a space by now) */
    static const char *const labels[] = {"target ", "target date ", "date ", "dates ",
                                         "due date ", "end date ", "completion date ",
                                         "deadline ", "timescale ", "timescales ", NULL};
    if (whole_is(norm, words))
        return true;
    /* Most timescales start with another letter or hold a digit: the labels
     * are looked for in the few that could be one (560 instructions a row
     * of an import when every text was tried) */
    if (!norm[0] || !strchr("tdec", norm[0]) || strpbrk(norm, "0123456789"))
        return false;
    for (int i = 0; labels[i]; i++) {
        size_t n = strlen(labels[i]);
        if (strncmp(norm, labels[i], n) == 0 && norm[n] && whole_is(norm + n, words))
            return true;
    }
    return false;
}

static bool complete_word(const char *norm)
{
    static const char *const words[] = {
        "complete", "completed", "done", "achieved", "delivered", "finished",
        "completed and closed", "complete - closed", "complete/closed", "in place",
        "now in place", "already in place", "implemented", "closed", "action closed",
        "closed - complete", NULL};
    return whole_is(norm, words);
}

/* The first day of a settled period or day, into out->start: of July, the
 * first of July; of Autumn 2016, of September. */
static void first_day(when w, sp_timescale *out)
{
    if (!w.exact) {
        w.d = 1;
        w.m -= w.months > 1 ? w.months - 1 : 0;
        for (; w.m < 1; w.m += 12)
            w.y--;
    }
    sp_format_ymd(out->start, w.y, w.m, w.d ? w.d : last_day(w.y, w.m));
}

/* The day a period or a day from token i to n begins (first_day). */
static bool starts_at(ctx *c, size_t i, size_t n, sp_timescale *out)
{
    when w;
    size_t e;
    if (!span(c, i, &e, &w) || e != n)
        return false;
    first_day(w, out);
    return true;
}

/* "From April to June 2026", "Between Q1 and Q2 2026/27": a range, due at
 * its later end and starting on the first day of its earlier (starts_at
 * alone would start it at the later end, open-ended). Two quarters joined
 * are one point of both (quarter). */
static bool from_range(ctx *c, size_t i, size_t n, sp_timescale *out)
{
    when a, w;
    size_t mid, e;
    c->pair = false;
    if (!point(c, i, &mid, &a))
        return false;
    if (mid == n && c->pair) {
        if (!settle(c, &a))
            return false;
        w = a;
    } else {
        if (mid >= n || !span(c, i, &e, &w) || e != n)
            return false;
        if (!a.y) /* as span() took it, from the later end */
            a.y = w.y - (a.m > w.m);
        if (!settle(c, &a))
            return false;
    }
    first_day(a, out);
    emit(out, &w);
    out->kind = SP_DUE_DATE;
    return true;
}

/* A word that leaves a start open-ended: "July 2012 onwards". */
static bool onwards(const ctx *c, size_t i)
{
    return is(c, i, "ongoing") || is(c, i, "onwards") || is(c, i, "onward");
}

/* "from July 2012", "starting July 2012", "commencing 16 July 2012", "July
 * 2012 onwards", "From July 2012 onwards": a start, no end. "From April to
 * June 2026" and "Between April and June 2026": a range (from_range). */
static bool from_phrase(ctx *c, sp_timescale *out)
{
    static const char *const lead[] = {"from", "starting", "start", "commencing", "beginning",
                                       "starts", "started", "begins", "begin", NULL};
    if (c->t->n < 2)
        return false;
    size_t at = onwards(c, 0), i = at + 1, n = c->t->n; /* "Ongoing from ..." */
    bool between = is(c, at, "between");
    if (!between && !in_list(tok(c, at), lead))
        i = 0; /* "March 2013 - ongoing", "July 2012 onwards" */
    else if (is(c, i, "in") || is(c, i, "on") || is(c, i, "from"))
        i++;
    bool open = n > i + 1 && onwards(c, n - 1);
    if (open) /* "July 2012 - ongoing", "and", "&", "/" */
        n -= is(c, n - 2, "-") || is(c, n - 2, "and") || is(c, n - 2, "&") || is(c, n - 2, "/")
                 ? 2
                 : 1;
    if (between) /* a range, or nothing: "between July 2026" names no end */
        return !open && from_range(c, i, n, out);
    if (i == 0 && !open)
        return false;
    if (i > 0 && !open && from_range(c, i, n, out))
        return true;
    if (!starts_at(c, i, n, out))
        return false;
    out->kind = SP_DUE_OPEN;
    return true;
}

static void set_cadence(sp_timescale *out, int n, bool weeks)
{
    /* n is 1-99 (the callers'); the modulus lets the compiler see it fits */
    snprintf(out->cadence, sizeof out->cadence, "%d %s%s", n % 1000, weeks ? "week" : "month",
             n == 1 ? "" : "s");
    out->kind = SP_DUE_RECURRING;
}

/* "Monthly", "Quarterly", "6-weekly", "every 6 weeks", "each month",
 * "twice a year", "ongoing - monthly", "monthly review". "Bi-monthly" is
 * every two months (its usual sense in English local government); "bi-
 * annually" and "bi-weekly" are refused: each is read both ways. */
static bool recurring(ctx *c, sp_timescale *out)
{
    static const struct { const char *word; int n; bool weeks; } adverbs[] = {
        {"weekly", 1, true}, {"fortnightly", 2, true}, {"monthly", 1, false},
        {"bimonthly", 2, false}, {"quarterly", 3, false}, {"termly", 4, false},
        {"annually", 12, false}, {"annual", 12, false}, {"yearly", 12, false},
        {"biennially", 24, false}, {"half-yearly", 6, false}, {"6-monthly", 6, false}};
    static const char *const lead[] = {"ongoing", "-", "continuous", "and", "reviewed",
                                       "review", "reported", "reporting", "report", "meets",
                                       "meeting", "meetings", NULL};
    static const char *const trail[] = {"review", "reviews", "reporting", "report", "reports",
                                        "meeting", "meetings", "audit", "audits", "update",
                                        "updates", "thereafter", "basis", "-", "and", "ongoing",
                                        "cycle", NULL};
    size_t i = 0;
    while (in_list(tok(c, i), lead))
        i++;
    size_t e = i;
    int n = 0;
    bool weeks = false;
    char joined[48];
    snprintf(joined, sizeof joined, "%s%s%s", tok(c, i), is(c, i + 1, "-") ? "-" : "",
             is(c, i + 1, "-") ? tok(c, i + 2) : "");
    if (is(c, i, "bi") && is(c, i + 1, "-"))
        snprintf(joined, sizeof joined, "bi%s", tok(c, i + 2));
    for (size_t k = 0; k < sizeof adverbs / sizeof adverbs[0]; k++) {
        if (strcmp(tok(c, i), adverbs[k].word) == 0)
            n = adverbs[k].n, weeks = adverbs[k].weeks, e = i + 1;
        else if (strcmp(joined, adverbs[k].word) == 0)
            n = adverbs[k].n, weeks = adverbs[k].weeks, e = i + 3;
    }
    if (strcmp(joined, "biannually") == 0 || strcmp(joined, "biannual") == 0 ||
        strcmp(joined, "biweekly") == 0 || strcmp(joined, "bi-annually") == 0) {
        c->ambiguous = "'bi-annually' and 'bi-weekly' are each read two ways (twice a year or "
                       "every two years; twice a week or every two weeks): write 'every 6 "
                       "months', 'every 2 years', 'every 2 weeks' or 'twice a week'";
        return false;
    }
    int v = is(c, i + 1, "-") || is(c, i + 1, "weekly") || is(c, i + 1, "monthly")
                ? count_word(tok(c, i)) /* "6", "six" */
                : -1;
    if (!n && v > 0 && v <= 99 && is(c, i + 1, "-") &&
        (is(c, i + 2, "weekly") || is(c, i + 2, "monthly"))) { /* "6-weekly" */
        n = v, weeks = is(c, i + 2, "weekly"), e = i + 3;
    } else if (!n && v > 0 && v <= 99 &&
               (is(c, i + 1, "weekly") || is(c, i + 1, "monthly"))) { /* "Three monthly" */
        n = v, weeks = is(c, i + 1, "weekly"), e = i + 2;
    } else if (!n && (is(c, i, "every") || is(c, i, "each") || is(c, i, "once") ||
                      is(c, i, "per"))) {
        size_t j = i + 1;
        if (is(c, j, "a"))
            j++;
        int every = is(c, j, "other") ? 2 : 1; /* "every other month": every second */
        j += every == 2;
        unit u = unit_word(tok(c, j));
        if (every == 2 && (u == U_WEEK || u == U_MONTH || u == U_YEAR))
            n = u == U_YEAR ? 24 : 2, weeks = u == U_WEEK, e = j + 1;
        else if (every == 2)
            n = 0;
        else if (is(c, j, "quarter"))
            n = 3, e = j + 1;
        else if (is(c, j, "term")) /* as termly: a school term, about four months */
            n = 4, e = j + 1;
        else if (u == U_WEEK || u == U_MONTH || u == U_YEAR)
            n = u == U_YEAR ? 12 : 1, weeks = u == U_WEEK, e = j + 1;
        else if (count_unit(c, j, &e, &n, &u) && n > 0 && (u == U_WEEK || u == U_MONTH ||
                                                             u == U_YEAR))
            weeks = u == U_WEEK, n = u == U_YEAR ? n * 12 : n;
        else
            n = 0;
    } else if (!n && is(c, i, "twice") && (is(c, i + 1, "a") || is(c, i + 1, "per")) &&
               is(c, i + 2, "year")) {
        n = 6, e = i + 3;
    } else if (!n && is(c, i, "twice") && is(c, i + 1, "yearly")) {
        n = 6, e = i + 2;
    }
    if (!n || n > 99)
        return false;
    while (e < c->t->n && in_list(tok(c, e), trail))
        e++;
    /* "Monthly from January 2026", "Annually starting April 2026" */
    if (e < c->t->n && (is(c, e, "from") || is(c, e, "starting") || is(c, e, "commencing")) &&
        !starts_at(c, e + 1, c->t->n, out))
        return false;
    if (e != c->t->n && !out->start[0])
        return false;
    set_cadence(out, n, weeks);
    return true;
}

/* ------------------------------------------------------------------ */
/* The parser                                                          */

static bool refused_phrase(ctx *c, const char *norm)
{
    static const char *const years[] = {"end of year", "year end", "by year end",
                                        "end of the year", "by end of year", "year-end",
                                        "by the end of the year", "eoy", NULL};
    if (whole_is(norm, years)) {
        c->ambiguous = "'end of year' may be 31 December or the end of the financial year "
                       "(31 March): write 'end of December 2017', 'end of financial year' or "
                       "'end of 2017/18'";
        return true;
    }
    return false;
}

/* "end of financial year", "by the end of the financial year" without a
 * year: the next 31 March on or after the base; "end of academic year",
 * the next 31 August (schools' years run September to August). */
static bool next_year_end(ctx *c, sp_timescale *out, const char *norm)
{
    static const char *const financial[] = {
        "end of financial year", "end of the financial year", "by end of financial year",
        "by the end of the financial year", "financial year end", "by financial year end",
        "end of fy", "fy end", "by end of the financial year", "end of this financial year",
        "by the end of this financial year", "financial year-end", NULL};
    static const char *const academic[] = {
        "end of academic year", "end of the academic year", "by end of academic year",
        "by the end of the academic year", "academic year end", "by academic year end",
        "end of this academic year", "by the end of this academic year", "end of school year",
        "end of the school year", "by the end of the school year", NULL};
    if (!starts_one_of(norm, "abef")) /* the lists' first letters: most text is a date */
        return false;
    int m = whole_is(norm, financial) ? 3 : whole_is(norm, academic) ? 8 : 0;
    if (!m)
        return false;
    when w = {0, m, 0, false, false, false, 12, false};
    if (!settle(c, &w))
        return false;
    emit(out, &w);
    return true;
}

/* Whether the text's first word has a mark after it: a bracket, a dash or
 * a colon ("Complete (July 2025)", "Complete - July 2025"). */
static bool marked_after_word(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
        p++;
    while (*p == ' ')
        p++;
    return *p == '(' || *p == '[' || *p == '-' || *p == ':' || (unsigned char)*p == 0xE2;
}

/* "Completed July 2025", "Achieved - 3/9/2025", "Complete (July 2025)":
 * done, on the day written (its period's last), kept in out->due. A
 * present "complete" needs a mark after it, as "Complete July 2025" may
 * be an order ("complete by"); "Completed by ..." is a deadline, and a
 * day without its year is not read so (its year would be a guess). */
static bool done_on(ctx *c, sp_timescale *out, const char *text)
{
    static const char *const past[] = {"completed", "achieved", "done", "delivered",
                                       "finished", "closed", "implemented", NULL};
    const char *first = tok(c, 0);
    if (!starts_one_of(first, "acdfi") || /* most timescales are dates: one test */
        (!in_list(first, past) && !(strcmp(first, "complete") == 0 && marked_after_word(text))))
        return false;
    size_t i = 1 + is(c, 1, "-"), e;
    i += is(c, i, "on") || is(c, i, "in");
    when w;
    if (!span(c, i, &e, &w) || e != c->t->n || w.guessed)
        return false;
    emit(out, &w);
    out->kind = SP_DUE_COMPLETE;
    return true;
}

void sp_timescale_ahead(sp_timescale *ts, const char *today)
{
    if (ts->kind == SP_DUE_COMPLETE && ts->due[0] && today && strcmp(ts->due, today) > 0)
        ts->kind = SP_DUE_DATE;
}

static void reset(sp_timescale *out)
{
    memset(out, 0, sizeof *out);
}

/* "Tuesday 16 July 2012" when 16 July 2012 was a Monday: one of the two is
 * wrong, and which is not ours to guess. The year is the due date's (the
 * one written, or the one a yearless day settled in). */
static bool weekday_fits(const ctx *c, sp_timescale *out)
{
    int y, m, d;
    if (!c->weekday || out->kind != SP_DUE_DATE || sscanf(out->due, "%d-%d-%d", &y, &m, &d) != 3)
        return true;
    if (c->wd_m > m) /* a range into the next year: "Monday 30 December - 3 January" */
        y--;
    if (!sp_ymd_valid(y, c->wd_m, c->wd_d))
        return true;
    int32_t n = sp_days_from_ymd(y, c->wd_m, c->wd_d);
    int weekday = (int)(((n + 3) % 7 + 7) % 7) + 1; /* 1 January 1970 was a Thursday */
    if (weekday == c->weekday)
        return true;
    reset(out);
    out->ambiguous = "the day of the week written is not the day of that date: check which "
                     "is right, and write the date alone";
    return false;
}

int sp_timescale_parse(sp_timescale *out, const char *text, const char *base)
{
    reset(out);
    if (!text)
        return SP_EINVALID;
    char norm[TEXT_MAX];
    tokens t;
    ctx c = {&t, 0, false, false, NULL, norm, 0, 0, 0, false};
    if (base && !(c.has_base = sp_iso_days(base, &c.base)))
        return SP_EINVALID;
    /* One ISO day, the form of every date an export or a database writes,
     * reads as itself: what the tokeniser and the forms below would give
     * it, without them (twice per imported row, 4% of an import). */
    int32_t day;
    if (sp_iso_days(text, &day)) {
        out->kind = SP_DUE_DATE;
        memcpy(out->due, text, SP_DATE_SIZE);
        out->exact = 1;
        return SP_OK;
    }
    if (!normalise(norm, sizeof norm, text) || !tokenise(&t, norm))
        return SP_EINVALID;
    if (open_ended(norm)) {
        out->kind = SP_DUE_OPEN;
        return SP_OK;
    }
    if (complete_word(norm)) {
        out->kind = SP_DUE_COMPLETE;
        return SP_OK;
    }
    if (refused_phrase(&c, norm)) {
        out->ambiguous = c.ambiguous;
        return SP_EINVALID;
    }
    if (done_on(&c, out, text))
        return SP_OK;
    if (next_year_end(&c, out, norm) || dated(&c, out) || offset(&c, out) ||
        recurring(&c, out) || from_phrase(&c, out)) {
        out->from_base = c.used_base;
        return weekday_fits(&c, out) ? SP_OK : SP_EINVALID;
    }
    const char *why = c.ambiguous;
    reset(out);
    out->ambiguous = why;
    return SP_EINVALID;
}

int sp_due_parse(char out[SP_DATE_SIZE], const char *text, const char *base)
{
    sp_timescale ts;
    int rc = sp_timescale_parse(&ts, text, base);
    sp_timescale_ahead(&ts, base); /* "Completed March 2026" after the base: due then */
    if (rc == SP_OK && ts.kind == SP_DUE_DATE) {
        memcpy(out, ts.due, SP_DATE_SIZE);
        return SP_OK;
    }
    out[0] = '\0';
    return SP_EINVALID;
}

const char *sp_due_forms(void)
{
    return "a date (2017-06-30, 30/06/2017, 1/4/18, 16th July 2012, 01-Apr-2018), an offset "
           "from the start date (3 months, 6m, 12 weeks, next 6 months), a month or season "
           "(March 2017, end of March, mid July 2012, Sept 2012, Autumn 2016), a range (the "
           "later end: 17-18th July 2012, December 2016/January 2017), a financial quarter, "
           "half or year (Q4 17/18, Q2 2017/18, H1 2026/27, end of 2016/17, end of financial "
           "year)";
}

const char *sp_timescale_forms(void)
{
    return "a date (2017-06-30, 30/06/2017, 1/4/18, 16th July 2012, 01-Apr-2018, "
           "by 31/12/2017), an offset from the start date (3 months, 6m, 12 weeks, next 6 "
           "months), a month or season (March 2017, end of March, mid July 2012, Sept 2012, "
           "Autumn 2016), a range (17-18th July 2012, December 2016/January 2017: the later "
           "end), a financial quarter, half or year (Q4 17/18, Q2 2017/18, H1 2026/27, end of "
           "2016/17, end of financial year), no date yet (Ongoing, TBC, N/A, empty, From July "
           "2012), a "
           "cadence (Weekly, Fortnightly, Monthly, Bi-monthly, Quarterly, Annually, Every 6 "
           "weeks) or Complete";
}

int sp_cadence_next(char out[SP_DATE_SIZE], const char *from, const char *cadence,
                    int grace_days)
{
    int n = 0;
    const char *p = cadence;
    out[0] = '\0';
    while (p && digit(*p) && n < 1000)
        n = n * 10 + (*p++ - '0');
    if (!p || n <= 0 || *p != ' ')
        return SP_EINVALID;
    char next[SP_DATE_SIZE];
    int rc = strncmp(p + 1, "week", 4) == 0    ? sp_date_add_days(next, from, (int64_t)n * 7)
             : strncmp(p + 1, "month", 5) == 0 ? sp_date_add_months(next, from, n)
                                                : SP_EINVALID;
    if (rc == SP_OK)
        rc = sp_date_add_days(out, next, grace_days);
    if (rc != SP_OK)
        out[0] = '\0';
    return rc;
}
