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
#include <stdlib.h>
#include <stdio.h>
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
int32_t sp_days_from_ymd(int y, int m, int d)
{
    y -= m <= 2; /* the computational year starts in March */
    int32_t era = y / 400;
    int32_t yoe = y - era * 400;
    int32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sp_ymd_from_days(int32_t z, int *y, int *m, int *d)
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
    return days >= sp_days_from_ymd(SP_YEAR_MIN, 1, 1) &&
           days <= sp_days_from_ymd(SP_YEAR_MAX, 12, 31);
}

/* Writes n as exactly `width` digits (n is known to fit). */
static void put_digits(char *out, int n, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + n % 10);
        n /= 10;
    }
}

void sp_format_ymd(char out[SP_DATE_SIZE], int y, int m, int d)
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
    sp_ymd_from_days(days, &y, &m, &d);
    sp_format_ymd(out, y, m, d);
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
    *days = sp_days_from_ymd(y, m, d);
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
    sp_ymd_from_days(days, &y, &m, &d);
    int64_t month0 = (int64_t)y * 12 + (m - 1) + n; /* months since year 0 */
    if (month0 < (int64_t)SP_YEAR_MIN * 12 || month0 > (int64_t)SP_YEAR_MAX * 12 + 11)
        return SP_EINVALID;
    y = (int)(month0 / 12);
    m = (int)(month0 % 12) + 1;
    int last = sp_days_in_month(y, m);
    sp_format_ymd(out, y, m, d < last ? d : last);
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
    if (parse_calendar(s, end, &y, &m, &d)) {
        sp_format_ymd(out, y, m, d);
        return SP_OK;
    }
    /* Written days ("16th July 2012", "1/4/18", Excel's "2018-04-01
     * 00:00:00"): the timescale parser's exact-day forms, so that a date
     * means the same wherever it is typed. */
    sp_timescale ts;
    if (sp_timescale_parse(&ts, text, NULL) == SP_OK && ts.kind == SP_DUE_DATE && ts.exact) {
        memcpy(out, ts.due, SP_DATE_SIZE);
        return SP_OK;
    }
    out[0] = '\0';
    return SP_EINVALID;
}


/* Read day first, "12/31/2025" is no day at all; month first it is one.
 * Only a date that is a day one way and not the other says which order
 * the sheet used: 01/02/2026 is a day both ways. */
static bool month_first(const char *text)
{
    int m, d, y, n = 0;
    return sscanf(text, " %2d/%2d/%4d %n", &m, &d, &y, &n) == 3 && text[n] == '\0' && m <= 12 &&
           d > 12 && sp_ymd_valid(y, m, d);
}

/* Five digits, as a CSV saved from a date column Excel shows as a number
 * (General) holds: Excel's count of days, 45930 for 30 September 2025.
 * Only 1954 to 2119 (20000 to 80000) is taken for one. */
static bool excel_serial(int32_t *days, const char *text)
{
    const char *p = text + strspn(text, " ");
    size_t n = strspn(p, "0123456789");
    if (n != 5 || p[n + strspn(p + n, " ")] != '\0')
        return false;
    long serial = strtol(p, NULL, 10);
    if (serial < 20000 || serial > 80000)
        return false;
    *days = (int32_t)(serial - 25569); /* Excel's day 25569 is 1970-01-01 */
    return true;
}

const char *sp_date_hint(char out[SP_DATE_HINT_SIZE], const char *text)
{
    int32_t days;
    char iso[SP_DATE_SIZE];
    out[0] = '\0';
    if (text && month_first(text))
        snprintf(out, SP_DATE_HINT_SIZE, "; read month first (MM/DD/YYYY, the US order) it is a "
                 "day: write it day first or as YYYY-MM-DD, and check the other dates written "
                 "so, since 01/02/2026 reads both ways");
    else if (text && excel_serial(&days, text)) {
        sp_date_from_days(iso, days);
        snprintf(out, SP_DATE_HINT_SIZE, "; it is how Excel counts the day %s: the cell was "
                 "saved as a number, so give the column a date format in Excel and save again",
                 iso);
    }
    return out;
}
