/*
 * Dates and timescales: calendar dates in ISO or UK day-first form, and
 * the loose timescales councils write in plans ("6 months", "Q2 2017/18",
 * "end of March 2017"), resolved to ISO dates.
 *
 * Arithmetic uses day numbers (days from 1970-01-01) computed with Howard
 * Hinnant's days-from-civil algorithm, never mktime: dates have no time
 * zone, and a report must not change with the machine's TZ or DST.
 */
#include "dates.h"

#include <stddef.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                 */

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int sp_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

bool sp_ymd_valid(int y, int m, int d)
{
    return y >= SP_YEAR_MIN && y <= SP_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= sp_days_in_month(y, m);
}

/* Only called with valid dates, so every intermediate is non-negative. */
static int32_t days_from_ymd(int y, int m, int d)
{
    y -= m <= 2; /* the computational year starts in March */
    int32_t era = y / 400;
    int32_t yoe = y - era * 400;
    int32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void ymd_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static bool days_in_range(int64_t days)
{
    return days >= days_from_ymd(SP_YEAR_MIN, 1, 1) &&
           days <= days_from_ymd(SP_YEAR_MAX, 12, 31);
}

/* Writes n as exactly `width` digits (n is known to fit). */
static void put_digits(char *out, int n, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + n % 10);
        n /= 10;
    }
}

static void format_ymd(char out[SP_DATE_SIZE], int y, int m, int d)
{
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[10] = '\0';
}

void sp_date_from_days(char out[SP_DATE_SIZE], int32_t days)
{
    int y, m, d;
    ymd_from_days(days, &y, &m, &d);
    format_ymd(out, y, m, d);
}

/* ------------------------------------------------------------------ */
/* ISO fast path                                                       */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The value of n digits at s (already checked to be digits). */
static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool sp_iso_days(const char *iso, int32_t *days)
{
    if (!iso)
        return false;
    /* Checking character by character stops at a NUL before reading past it. */
    for (int i = 0; i < 10; i++) {
        bool ok = (i == 4 || i == 7) ? iso[i] == '-' : is_digit(iso[i]);
        if (!ok)
            return false;
    }
    if (iso[10] != '\0')
        return false;
    int y = digits_value(iso, 4), m = digits_value(iso + 5, 2), d = digits_value(iso + 8, 2);
    if (!sp_ymd_valid(y, m, d))
        return false;
    *days = days_from_ymd(y, m, d);
    return true;
}

int sp_date_days(const char *iso, int32_t *days)
{
    return sp_iso_days(iso, days) ? SP_OK : SP_EINVALID;
}

int sp_date_add_days(char out[SP_DATE_SIZE], const char *iso, int64_t n)
{
    int32_t days;
    if (!sp_iso_days(iso, &days))
        return SP_EINVALID;
    /* Bound n first so the sum cannot overflow. */
    if (n < -2000000 || n > 2000000 || !days_in_range(days + n))
        return SP_EINVALID;
    sp_date_from_days(out, (int32_t)(days + n));
    return SP_OK;
}

int sp_date_add_months(char out[SP_DATE_SIZE], const char *iso, int64_t n)
{
    int32_t days;
    if (!sp_iso_days(iso, &days) || n < -100000 || n > 100000)
        return SP_EINVALID;
    int y, m, d;
    ymd_from_days(days, &y, &m, &d);
    int64_t month0 = (int64_t)y * 12 + (m - 1) + n; /* months since year 0 */
    if (month0 < (int64_t)SP_YEAR_MIN * 12 || month0 > (int64_t)SP_YEAR_MAX * 12 + 11)
        return SP_EINVALID;
    y = (int)(month0 / 12);
    m = (int)(month0 % 12) + 1;
    int last = sp_days_in_month(y, m);
    format_ymd(out, y, m, d < last ? d : last);
    return SP_OK;
}

int sp_date_diff(const char *a, const char *b)
{
    /* Documented as taking ISO dates; anything else counts as no difference
     * rather than a garbage number. */
    int32_t da, db;
    if (!sp_iso_days(a, &da) || !sp_iso_days(b, &db))
        return 0;
    return db - da;
}

/* ------------------------------------------------------------------ */
/* Calendar dates as people type them                                  */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Reads 1..max digits at *s into *value, advancing *s; *count gets the
 * number of digits. More than max digits is a failure, so "020170" cannot
 * pass for a year. */
static bool read_number(const char **s, const char *end, int max, int *value, int *count)
{
    int n = 0;
    while (*s + n < end && is_digit((*s)[n]))
        if (++n > max)
            return false;
    if (n == 0)
        return false;
    *value = digits_value(*s, n);
    *count = n;
    *s += n;
    return true;
}

/* Parses [s, end) as three numbers with one separator used twice:
 * ISO "YYYY-M(M)-D(D)" or day-first "D(D)/M(M)/YYYY" with '/', '-' or '.'.
 * Two-digit years are refused: "01/02/17" could mean 1917 or 2017. */
static bool parse_calendar(const char *s, const char *end, int *y, int *m, int *d)
{
    int a, b, c, na, nb, nc;
    if (!read_number(&s, end, 4, &a, &na) || s >= end)
        return false;
    char sep = *s++;
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    if (!read_number(&s, end, 2, &b, &nb) || s >= end || *s++ != sep)
        return false;
    if (!read_number(&s, end, 4, &c, &nc) || s != end)
        return false;
    if (na == 4 && sep == '-' && nc <= 2) {
        *y = a, *m = b, *d = c;
    } else if (na <= 2 && nc == 4) {
        *d = a, *m = b, *y = c;
    } else {
        return false;
    }
    return sp_ymd_valid(*y, *m, *d);
}

int sp_date_parse(char out[SP_DATE_SIZE], const char *text)
{
    out[0] = '\0';
    if (!text)
        return SP_EINVALID;
    const char *s = text;
    while (is_space(*s))
        s++;
    const char *end = s + strlen(s);
    while (end > s && is_space(end[-1]))
        end--;
    int y, m, d;
    if (!parse_calendar(s, end, &y, &m, &d))
        return SP_EINVALID;
    format_ymd(out, y, m, d);
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Timescales                                                          */

#define MAX_TOKENS 8
#define TEXT_MAX 128

/* The text lower-cased and split into words. */
typedef struct tokens {
    char buf[TEXT_MAX];
    const char *tok[MAX_TOKENS];
    size_t n;
} tokens;

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_alpha(char c)
{
    c = lower(c);
    return c >= 'a' && c <= 'z';
}

/* A hyphen next to a letter separates words ("mid-July", "6-months");
 * between digits it belongs to the word ("2017-18"). */
static bool is_separator(const char *text, size_t i)
{
    if (is_space(text[i]))
        return true;
    if (text[i] != '-')
        return false;
    return (i > 0 && is_alpha(text[i - 1])) || is_alpha(text[i + 1]);
}

static bool tokenise(tokens *t, const char *text)
{
    size_t len = strlen(text), o = 0;
    t->n = 0;
    if (len >= TEXT_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (is_separator(text, i))
            continue;
        if (t->n == MAX_TOKENS)
            return false;
        t->tok[t->n++] = t->buf + o;
        while (i < len && !is_separator(text, i))
            t->buf[o++] = lower(text[i++]);
        t->buf[o++] = '\0';
    }
    return t->n > 0;
}

/* Token i, or "" past the end, so lookahead needs no bounds checks. */
static const char *tok(const tokens *t, size_t i)
{
    return i < t->n ? t->tok[i] : "";
}

static bool word_in(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return true;
    return false;
}

/* All digits, at most 6 of them: any larger offset is beyond the supported
 * years anyway, and refusing it here means nothing can wrap. */
static bool parse_count(const char *s, size_t n, int64_t *value)
{
    if (n == 0 || n > 6)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

typedef enum unit { UNIT_NONE, UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR } unit;

static unit parse_unit(const char *word)
{
    static const char *const days[] = {"d", "day", "days", NULL};
    static const char *const weeks[] = {"w", "wk", "wks", "week", "weeks", NULL};
    static const char *const months[] = {"m", "mo", "mos", "mth", "mths", "month", "months", NULL};
    static const char *const years[] = {"y", "yr", "yrs", "year", "years", NULL};
    if (word_in(word, days))
        return UNIT_DAY;
    if (word_in(word, weeks))
        return UNIT_WEEK;
    if (word_in(word, months))
        return UNIT_MONTH;
    if (word_in(word, years))
        return UNIT_YEAR;
    return UNIT_NONE;
}

/* "3 months", "6m", "within 12 weeks": an offset from base. */
static bool parse_relative(char out[SP_DATE_SIZE], const tokens *t, const char *base)
{
    size_t i = (strcmp(tok(t, 0), "within") == 0 || strcmp(tok(t, 0), "in") == 0) ? 1 : 0;
    const char *num = tok(t, i), *unit_word;
    size_t digits = strspn(num, "0123456789");
    if (num[digits] != '\0') { /* "6m": number and unit in one word */
        unit_word = num + digits;
        if (t->n != i + 1)
            return false;
    } else {
        unit_word = tok(t, i + 1);
        if (t->n != i + 2)
            return false;
    }
    int64_t n;
    if (!parse_count(num, digits, &n))
        return false;
    switch (parse_unit(unit_word)) {
    case UNIT_DAY: return sp_date_add_days(out, base, n) == SP_OK;
    case UNIT_WEEK: return sp_date_add_days(out, base, n * 7) == SP_OK;
    case UNIT_MONTH: return sp_date_add_months(out, base, n) == SP_OK;
    case UNIT_YEAR: return sp_date_add_months(out, base, n * 12) == SP_OK;
    case UNIT_NONE: break;
    }
    return false;
}

/* "march", "mar", "sept" -> 3, 3, 9; 0 if not a month. */
static int parse_month(const char *word)
{
    static const char *const names[12] = {"january", "february", "march", "april",
                                          "may", "june", "july", "august",
                                          "september", "october", "november", "december"};
    if (strcmp(word, "sept") == 0)
        return 9;
    for (int i = 0; i < 12; i++)
        if (strcmp(word, names[i]) == 0 ||
            (strlen(word) == 3 && strncmp(word, names[i], 3) == 0))
            return i + 1;
    return 0;
}

static bool parse_year(const char *word, int *year)
{
    int64_t y;
    if (!parse_count(word, strlen(word), &y) || strlen(word) != 4 || y < SP_YEAR_MIN ||
        y > SP_YEAR_MAX)
        return false;
    *year = (int)y;
    return true;
}

/* A UK financial year "2016/17", "2016-17", "2016/2017": *start = 2016.
 * The second year must follow the first ("2016/18" is refused). */
static bool parse_fin_year(const char *word, int *start)
{
    size_t n = strlen(word);
    if (n < 7 || (word[4] != '/' && word[4] != '-'))
        return false;
    char first[5];
    memcpy(first, word, 4);
    first[4] = '\0';
    int64_t second;
    if (!parse_year(first, start) || *start >= SP_YEAR_MAX ||
        !parse_count(word + 5, n - 5, &second))
        return false;
    if (n == 7)
        return second == (*start + 1) % 100;
    return n == 9 && second == *start + 1;
}

/* "q1".."q4" -> 1..4, else 0. */
static int parse_quarter(const char *word)
{
    if (word[0] == 'q' && word[1] >= '1' && word[1] <= '4' && word[2] == '\0')
        return word[1] - '0';
    return 0;
}

static void end_of_month(char out[SP_DATE_SIZE], int y, int m)
{
    format_ymd(out, y, m, sp_days_in_month(y, m));
}

/* The financial quarter's last day: Q1 Apr-Jun ... Q4 Jan-Mar next year. */
static void end_of_quarter(char out[SP_DATE_SIZE], int start, int q)
{
    if (q == 4)
        end_of_month(out, start + 1, 3);
    else
        end_of_month(out, start, 3 + 3 * q);
}

/* Skips "by", "the end of", "end of", "end": all mean the last day, which
 * is what every named period resolves to anyway. Sets *mid for "mid". */
static size_t skip_prefix(const tokens *t, bool *mid)
{
    size_t i = 0;
    *mid = false;
    if (strcmp(tok(t, i), "by") == 0)
        i++;
    if (strcmp(tok(t, i), "the") == 0 && strcmp(tok(t, i + 1), "end") == 0)
        i++;
    if (strcmp(tok(t, i), "end") == 0) {
        i++;
        if (strcmp(tok(t, i), "of") == 0)
            i++;
    } else if (i == 0 && strcmp(tok(t, i), "mid") == 0) {
        *mid = true;
        i++;
    }
    return i;
}

/* "[the] 2016/17 [financial year | fy]" from token i. */
static bool parse_fin_year_phrase(const tokens *t, size_t i, int *start)
{
    if (strcmp(tok(t, i), "the") == 0)
        i++;
    if (!parse_fin_year(tok(t, i), start))
        return false;
    i++;
    if (strcmp(tok(t, i), "fy") == 0)
        i++;
    else if (strcmp(tok(t, i), "financial") == 0 && strcmp(tok(t, i + 1), "year") == 0)
        i += 2;
    return i == t->n;
}

/* Named periods: "March 2017", "end of March 2017", "by July 2017",
 * "mid July 2012", "Q2 2017/18", "end of 2016/17". */
static bool parse_named(char out[SP_DATE_SIZE], const tokens *t)
{
    bool mid;
    size_t i = skip_prefix(t, &mid);
    int month = parse_month(tok(t, i)), quarter = parse_quarter(tok(t, i)), year;
    if (month && t->n == i + 2 && parse_year(tok(t, i + 1), &year)) {
        if (mid)
            format_ymd(out, year, month, 15);
        else
            end_of_month(out, year, month);
        return true;
    }
    if (mid)
        return false;
    if (quarter && t->n == i + 2 && parse_fin_year(tok(t, i + 1), &year)) {
        end_of_quarter(out, year, quarter);
        return true;
    }
    if (parse_fin_year_phrase(t, i, &year)) {
        end_of_month(out, year + 1, 3);
        return true;
    }
    return false;
}

int sp_due_parse(char out[SP_DATE_SIZE], const char *text, const char *base)
{
    if (sp_date_parse(out, text) == SP_OK)
        return SP_OK;
    tokens t;
    if (text && tokenise(&t, text) && (parse_named(out, &t) || parse_relative(out, &t, base)))
        return SP_OK;
    out[0] = '\0';
    return SP_EINVALID;
}

const char *sp_due_forms(void)
{
    return "a date (2017-06-30 or 30/06/2017), an offset from the start date "
           "(10 days, 12 weeks, 3 months, 6m, 1 year), a month (March 2017, "
           "end of March 2017, by July 2017, mid July 2012), a financial quarter "
           "(Q2 2017/18) or a financial year (end of 2016/17)";
}
