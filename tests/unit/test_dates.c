/* Dates and timescales: dates.c (pure functions; no database). */
#include <string.h>

#include "dates.h"
#include "fixture.h"

static void date_ok(const char *text, const char *want)
{
    char out[SP_DATE_SIZE];
    int rc = sp_date_parse(out, text);
    ck_assert_msg(rc == SP_OK, "'%s' was refused", text);
    ck_assert_msg(strcmp(out, want) == 0, "'%s' gave %s, want %s", text, out, want);
}

static void date_bad(const char *text)
{
    char out[SP_DATE_SIZE] = "junk";
    int rc = sp_date_parse(out, text);
    ck_assert_msg(rc == SP_EINVALID, "'%s' was accepted as %s", text ? text : "NULL", out);
    ck_assert_str_eq(out, "");
}

static void due_ok(const char *text, const char *base, const char *want)
{
    char out[SP_DATE_SIZE];
    int rc = sp_due_parse(out, text, base);
    ck_assert_msg(rc == SP_OK, "'%s' was refused", text);
    ck_assert_msg(strcmp(out, want) == 0, "'%s' gave %s, want %s", text, out, want);
}

static void due_bad(const char *text, const char *base)
{
    char out[SP_DATE_SIZE];
    int rc = sp_due_parse(out, text, base);
    ck_assert_msg(rc == SP_EINVALID, "'%s' was accepted as %s", text ? text : "NULL", out);
    ck_assert_str_eq(out, "");
}

START_TEST(iso_dates)
{
    date_ok("2017-06-30", "2017-06-30");
    date_ok("  2017-06-30 ", "2017-06-30");
    date_ok("2017-6-3", "2017-06-03");
    date_ok("1900-01-01", "1900-01-01");
    date_ok("2999-12-31", "2999-12-31");
}
END_TEST

START_TEST(uk_dates)
{
    date_ok("30/06/2017", "2017-06-30");
    date_ok("03/04/2017", "2017-04-03"); /* day first: 3 April */
    date_ok("3/4/2017", "2017-04-03");
    date_ok("30-06-2017", "2017-06-30");
    date_ok("30.06.2017", "2017-06-30");
    date_ok("1.2.2017", "2017-02-01");
}
END_TEST

START_TEST(leap_years)
{
    date_ok("2016-02-29", "2016-02-29");
    date_ok("29/02/2000", "2000-02-29"); /* divisible by 400 */
    date_bad("2017-02-29");
    date_bad("1900-02-29");              /* divisible by 100 */
    date_bad("29/02/2100");
    date_ok("2400-02-29", "2400-02-29");
}
END_TEST

START_TEST(bad_dates)
{
    date_bad(NULL);
    date_bad("");
    date_bad("   ");
    date_bad("yesterday");
    date_bad("2017-02-30");
    date_bad("31/02/2017");
    date_bad("31/13/2017");
    date_bad("2017-13-01");
    date_bad("2017-00-10");
    date_bad("2017-01-00");
    date_bad("2017-04-31");
    date_bad("2017-06-30x");
    date_bad("2017-06-30 x");
    date_bad("x2017-06-30");
    date_bad("2017/06/30");      /* ISO order needs '-' */
    date_bad("30/06-2017");      /* mixed separators */
    date_ok("30/06/17", "2017-06-30"); /* two-digit year: this century (issue 11) */
    date_bad("1899-12-31");
    date_bad("3000-01-01");
    date_bad("02017-06-30");
    date_bad("2017-006-30");
    date_bad("2017--06-30");
    date_bad("-2017-06-30");
    date_bad("2017-06");
    date_bad("20170630");
}
END_TEST

START_TEST(relative)
{
    const char *base = "2017-01-31";
    due_ok("3 months", base, "2017-04-30");
    due_ok("3 month", base, "2017-04-30");
    due_ok("1 month", base, "2017-02-28"); /* clamped to month end */
    due_ok("1 month", "2016-01-31", "2016-02-29");
    due_ok("6m", base, "2017-07-31");
    due_ok("6M", base, "2017-07-31");
    due_ok("12 weeks", base, "2017-04-25");
    due_ok("12w", base, "2017-04-25");
    due_ok("10 days", base, "2017-02-10");
    due_ok("1 day", base, "2017-02-01");
    due_ok("1 year", "2016-02-29", "2017-02-28");
    due_ok("2 years", base, "2019-01-31");
    due_ok("0 months", base, base);
    due_ok("  Within   3   Months ", base, "2017-04-30");
    due_ok("11 months", "2017-03-15", "2018-02-15");
    due_ok("12 months", "2017-03-15", "2018-03-15");
}
END_TEST

START_TEST(relative_bad)
{
    const char *base = "2017-01-31";
    due_bad("13 months ago", base);
    due_bad("-3 months", base);
    due_bad("3 fortnights", base);
    due_bad("months", base);
    due_bad("3", base);
    due_bad("3 months 2 days", base);
    due_bad("99999999999 months", base);
    due_bad("18446744073709551617 days", base);
    due_bad("999999 days", base);     /* fits, but beyond 2999 */
    due_bad("1000 years", base);
    due_bad("3 months", NULL);        /* no base to count from */
    due_bad("3 months", "31/01/2017");/* base must be ISO */
    due_bad("3 months", "2017-02-30");
}
END_TEST

START_TEST(months)
{
    due_ok("March 2017", NULL, "2017-03-31");
    due_ok("march 2017", NULL, "2017-03-31");
    due_ok("Mar 2017", NULL, "2017-03-31");
    due_ok("Feb 2016", NULL, "2016-02-29");
    due_ok("Sept 2017", NULL, "2017-09-30");
    due_ok("end of March 2017", NULL, "2017-03-31");
    due_ok("End  of  March   2017", NULL, "2017-03-31");
    due_ok("end March 2017", NULL, "2017-03-31");
    due_ok("by July 2017", NULL, "2017-07-31");
    due_ok("BY JULY 2017", NULL, "2017-07-31");
    due_ok("by end of June 2017", NULL, "2017-06-30");
    due_ok("by the end of June 2017", NULL, "2017-06-30");
    due_ok("mid July 2012", NULL, "2012-07-15");
    due_ok("mid-July 2012", NULL, "2012-07-15");
    due_ok("Mid Feb 2013", NULL, "2013-02-15");
}
END_TEST

START_TEST(months_bad)
{
    due_bad("end of Smarch", NULL);
    due_bad("end of Smarch 2017", NULL);
    due_bad("March", NULL);
    due_bad("March 17", NULL);
    due_bad("March 3000", NULL);
    due_bad("Marc 2017", NULL);
    due_bad("mid 2017/18", NULL);
    due_bad("mid Q1 2017/18", NULL);
    due_ok("by mid July 2012", NULL, "2012-07-15"); /* issue 11: read without doubt */
    due_bad("end of of March 2017", NULL);
    due_bad("March 2017 please", NULL);
    due_ok("2017", NULL, "2017-12-31"); /* a bare year: by its end (issue 11) */
}
END_TEST

START_TEST(quarters)
{
    due_ok("Q1 2017/18", NULL, "2017-06-30");
    due_ok("Q2 2017/18", NULL, "2017-09-30");
    due_ok("Q3 2017/18", NULL, "2017-12-31");
    due_ok("Q4 2017/18", NULL, "2018-03-31");
    due_ok("q2 2017-18", NULL, "2017-09-30");
    due_ok("Q4 2099/00", NULL, "2100-03-31");
    due_ok("Q1 2017/2018", NULL, "2017-06-30");
    due_ok("Q3 & Q4 2025/26", NULL, "2026-03-31"); /* two quarters: the later */
    due_ok("Q3/Q4 2025/26", NULL, "2026-03-31");
    due_ok("Q1-Q2 2025/26", NULL, "2025-09-30");
    due_ok("Q2 to Q3 2025/26", NULL, "2025-12-31");
    due_bad("Q4/Q3 2025/26", NULL);
    due_ok("end of Q3 2017/18", NULL, "2017-12-31");
    due_bad("Q5 2017/18", NULL);
    due_bad("Q0 2017/18", NULL);
    due_bad("Q1 2017/19", NULL);
    due_bad("Q1 2017", NULL);
    due_bad("Q1", NULL);
}
END_TEST

START_TEST(halves_and_school_years)
{
    due_ok("H1 2026/27", NULL, "2026-09-30");
    due_ok("H2 2026/27", NULL, "2027-03-31");
    due_ok("h2 26/27", NULL, "2027-03-31");
    due_ok("First half of 2026/27", NULL, "2026-09-30");
    due_ok("second half 2026/27", NULL, "2027-03-31");
    due_ok("by end of H1 2026/27", NULL, "2026-09-30");
    due_ok("H1 2026/27 financial year", NULL, "2026-09-30");
    due_bad("H3 2026/27", NULL);
    due_bad("H1 2026/28", NULL);
    due_bad("third half of 2026/27", NULL);
    due_ok("end of academic year", "2025-10-01", "2026-08-31");
    due_ok("by the end of the school year", "2025-10-01", "2026-08-31");
    due_ok("end of academic year", "2026-08-31", "2026-08-31");
    due_ok("end of academic year", "2026-09-01", "2027-08-31");
    due_ok("31 Mar 26", NULL, "2026-03-31"); /* a day, a month, two digits: the year */
    due_ok("1 April 25", NULL, "2025-04-01");
    due_bad("31 Feb 26", NULL);
}
END_TEST

START_TEST(financial_years)
{
    due_ok("end of 2016/17", NULL, "2017-03-31");
    due_ok("2016/17", NULL, "2017-03-31");
    due_ok("2016-17", NULL, "2017-03-31");
    due_ok("by 2016/17", NULL, "2017-03-31");
    due_ok("end of the 2016/17 financial year", NULL, "2017-03-31");
    due_ok("2016/17 FY", NULL, "2017-03-31");
    due_ok("2016/2017", NULL, "2017-03-31");
    due_ok("Financial year 2016/17", NULL, "2017-03-31");
    due_ok("End of financial year 2016/17", NULL, "2017-03-31");
    due_ok("Year end 2016/17", NULL, "2017-03-31");
    due_ok("Throughout 2016/17", NULL, "2017-03-31");
    due_ok("Qtr 1 2026/27", NULL, "2026-06-30");
    due_ok("Target: 2016/17", NULL, "2017-03-31"); /* a colon after a word is a space */
    due_bad("Year end 2016", NULL); /* a calendar or a financial year's end */
    due_bad("Financial year 2016", NULL);
    due_bad("2016/18", NULL);
    due_bad("end of 2016/18", NULL);
    due_bad("2016/2018", NULL);
    due_bad("2016/1", NULL);
    due_bad("2016/017", NULL);
    due_bad("2999/00", NULL);
    due_bad("end of 2016/17 calendar year", NULL);
}
END_TEST

START_TEST(due_dates_and_junk)
{
    due_ok("2017-06-30", NULL, "2017-06-30");
    due_ok("30/06/2017", "2017-01-01", "2017-06-30");
    due_bad(NULL, "2017-01-01");
    due_bad("", "2017-01-01");
    due_bad("   ", "2017-01-01");
    due_bad("yesterday", "2017-01-01");
    due_bad("31/02/2017", "2017-01-01");
    due_ok("asap", "2017-01-01", "2017-01-01"); /* as urgent as "immediately" */
    due_ok("As soon as possible", "2017-01-01", "2017-01-01");
    char long_text[300];
    memset(long_text, ' ', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    memcpy(long_text + 200, "March 2017", 10);
    due_ok(long_text, NULL, "2017-03-31"); /* padding folds away, as sp_date_parse trims it */
    for (size_t i = 0; i < 200; i += 2)
        long_text[i] = 'x';
    due_bad(long_text, NULL); /* a hundred words: too long to be a timescale */
    due_bad("a b c d e f g h i", NULL);
}
END_TEST

/* A timescale that says the work was done, and when: complete, on that
 * day; one after today is read as a deadline ("to be completed"). */
static void ts_done(const char *text, const char *on)
{
    sp_timescale ts;
    ck_assert_msg(sp_timescale_parse(&ts, text, "2025-10-01") == SP_OK, "'%s' was refused", text);
    ck_assert_msg(ts.kind == SP_DUE_COMPLETE, "'%s' is not complete (kind %d)", text,
                  (int)ts.kind);
    ck_assert_str_eq(ts.due, on);
}

START_TEST(done_on_a_day)
{
    ts_done("Completed July 2025", "2025-07-31");
    ts_done("Complete - July 2025", "2025-07-31");
    ts_done("Complete (3rd September 2025)", "2025-09-03");
    ts_done("Achieved Sept 2025", "2025-09-30");
    ts_done("Done on 01/08/2025", "2025-08-01");
    ts_done("Closed in August 2025", "2025-08-31");
    ts_done("Complete", "");
    sp_timescale ts;
    /* an order, a deadline, or a day whose year would be guessed: a due date */
    static const char *const due[] = {"Complete July 2025", "Completed by July 2025",
                                      "Complete by end of July 2025", "Completed 3 July"};
    for (size_t i = 0; i < sizeof due / sizeof due[0]; i++) {
        ck_assert_int_eq(sp_timescale_parse(&ts, due[i], "2025-06-01"), SP_OK);
        ck_assert_msg(ts.kind == SP_DUE_DATE, "'%s' is not a due date", due[i]);
    }
    /* a day ahead of today: to be done by then */
    ck_assert_int_eq(sp_timescale_parse(&ts, "Completed March 2026", "2025-10-01"), SP_OK);
    sp_timescale_ahead(&ts, "2025-10-01");
    ck_assert_int_eq(ts.kind, SP_DUE_DATE);
    ck_assert_str_eq(ts.due, "2026-03-31");
    ck_assert_int_eq(sp_timescale_parse(&ts, "Completed July 2025", "2025-10-01"), SP_OK);
    sp_timescale_ahead(&ts, "2025-10-01");
    ck_assert_int_eq(ts.kind, SP_DUE_COMPLETE);
    char out[SP_DATE_SIZE];
    ck_assert_int_eq(sp_due_parse(out, "Completed March 2026", "2025-10-01"), SP_OK);
    ck_assert_str_eq(out, "2026-03-31");
}
END_TEST

START_TEST(forms_text)
{
    const char *f = sp_due_forms();
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_null(strchr(f, '\n'));
    ck_assert_ptr_nonnull(strstr(f, "Q2 2017/18"));
    ck_assert_ptr_nonnull(strstr(f, "end of 2016/17"));
    ck_assert_ptr_nonnull(strstr(f, "30/06/2017"));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Timescales as councils write them (issue 11): every form the seeds'
 * tables use, and the ones a person reads without doubt. */

static void ts_date(const char *text, const char *base, const char *want)
{
    sp_timescale ts;
    int rc = sp_timescale_parse(&ts, text, base);
    ck_assert_msg(rc == SP_OK, "'%s' was refused (%s)", text, ts.ambiguous ? ts.ambiguous : "");
    ck_assert_msg(ts.kind == SP_DUE_DATE, "'%s' is not a date (kind %d)", text, (int)ts.kind);
    ck_assert_msg(strcmp(ts.due, want) == 0, "'%s' gave %s, want %s", text, ts.due, want);
}

static void ts_kind(const char *text, sp_due_kind kind, const char *cadence, const char *start)
{
    sp_timescale ts;
    ck_assert_msg(sp_timescale_parse(&ts, text, "2012-06-01") == SP_OK, "'%s' refused", text);
    ck_assert_msg(ts.kind == kind, "'%s' is kind %d, want %d", text, (int)ts.kind, (int)kind);
    ck_assert_str_eq(ts.due, "");
    ck_assert_str_eq(ts.cadence, cadence);
    ck_assert_str_eq(ts.start, start);
}

static void ts_ambiguous(const char *text)
{
    sp_timescale ts;
    ck_assert_msg(sp_timescale_parse(&ts, text, "2012-06-01") == SP_EINVALID,
                  "'%s' was accepted as %s", text, ts.due);
    ck_assert_msg(ts.ambiguous != NULL, "'%s' refused without saying why", text);
    ck_assert_str_eq(ts.due, "");
}

START_TEST(written_days)
{
    ts_date("16 July 2012", NULL, "2012-07-16");
    ts_date("16th July 2012", NULL, "2012-07-16");
    ts_date("31st March 2017", NULL, "2017-03-31");
    ts_date("1 Apr 2018", NULL, "2018-04-01");
    ts_date("01-Apr-2018", NULL, "2018-04-01");
    ts_date("01-Apr-18", NULL, "2018-04-01");
    ts_date("2018-04-01 00:00:00", NULL, "2018-04-01");
    ts_date("2018-04-01T00:00:00", NULL, "2018-04-01");
    ts_date("1/4/18", NULL, "2018-04-01");
    ts_date("by 31/12/2017", NULL, "2017-12-31");
    ts_date("Monday 16 July 2012", NULL, "2012-07-16");
    ts_date("Mon 16 July 2012", NULL, "2012-07-16");
    ts_date("Thursday 1 January 1970", NULL, "1970-01-01");
    ts_date("Wednesday 31 December 1969", NULL, "1969-12-31");
    ts_date("Monday 16th-17th July 2012", NULL, "2012-07-17"); /* the first day's */
    ts_date("Friday 29th June", "2012-06-01", "2012-06-29");   /* the year settled */
    ts_date("July 16th, 2012", NULL, "2012-07-16");
    ts_date("w/c 16 July 2012", NULL, "2012-07-22");
    ts_date("before 31 March 2017", NULL, "2017-03-30");
    ts_date("27th June", "2012-06-01", "2012-06-27");     /* no year: the next one */
    ts_date("27th June", "2012-06-28", "2013-06-27");
    ts_date("Immediate", "2012-06-01", "2012-06-01");
    ts_date("1950-02-01", "2812-03-08", "1950-02-01"); /* before 1970 (fuzz_dates) */
    ts_date("June-July 1950", NULL, "1950-07-31");
}
END_TEST

/* An ISO day reads as itself without the tokeniser (the import's fast
 * path); every day of four years, the first of each month of the whole
 * range and the range's ends give what the same day written 30/06/2017
 * gives through it, field for field; an impossible ISO day is refused as
 * the full parser refuses it. */
static void iso_as_written(int y, int m, int d, const char *base)
{
    char iso[40], uk[40]; /* room for any int, as the compiler asks */
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    snprintf(uk, sizeof uk, "%02d/%02d/%04d", d, m, y);
    sp_timescale a, b;
    ck_assert_int_eq(sp_timescale_parse(&a, iso, base), SP_OK);
    ck_assert_int_eq(sp_timescale_parse(&b, uk, base), SP_OK);
    ck_assert_str_eq(a.due, iso);
    ck_assert_msg(a.kind == b.kind && strcmp(a.due, b.due) == 0 && a.exact == b.exact &&
                  strcmp(a.start, b.start) == 0 && strcmp(a.cadence, b.cadence) == 0,
                  "%s and %s read differently", iso, uk);
}

START_TEST(iso_day_fast_path)
{
    for (int y = 2015; y <= 2018; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= sp_days_in_month(y, m); d++)
                iso_as_written(y, m, d, (m + d) % 2 ? NULL : "2016-06-01");
    for (int y = 1900; y <= 2999; y++)
        for (int m = 1; m <= 12; m++)
            iso_as_written(y, m, 1, NULL);
    iso_as_written(2999, 12, 31, NULL);
    static const char *const refused[] = {"2017-02-29", "2017-13-01", "2017-00-10",
                                          "1899-12-31", "3000-01-01", "2017-06-31"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        sp_timescale ts;
        ck_assert_int_eq(sp_timescale_parse(&ts, refused[i], NULL), SP_EINVALID);
        ck_assert_str_eq(ts.due, "");
    }
    sp_timescale ts; /* a bad base is refused before any form is read */
    ck_assert_int_eq(sp_timescale_parse(&ts, "2017-06-30", "30/06/2017"), SP_EINVALID);
}
END_TEST

START_TEST(periods_and_ranges)
{
    ts_date("Sept 2012", NULL, "2012-09-30");
    /* an apostrophe says two digits are a year: "Sept 25" alone is refused */
    ts_date("Jan '26", NULL, "2026-01-31");
    ts_date("end of Sept \xe2\x80\x99" "25", NULL, "2025-09-30");
    ts_date("Jan-Mar '26", NULL, "2026-03-31");
    ts_date("end of July 2012", NULL, "2012-07-31");
    ts_date("early July 2012", NULL, "2012-07-10");
    ts_date("mid July", "2012-06-01", "2012-07-15");
    ts_date("mid July", "2012-07-20", "2013-07-15");
    ts_date("early July", "2012-07-09", "2012-07-10");
    ts_date("end of March", "2012-06-01", "2013-03-31");
    ts_date("Autumn 2016", NULL, "2016-11-30");
    ts_date("Spring 2017", NULL, "2017-05-31");
    ts_date("Summer 2017", NULL, "2017-08-31");
    ts_date("Winter 2016", NULL, "2017-02-28");
    ts_date("Winter 2015/16", NULL, "2016-02-29");
    /* schools' terms and years end earlier than the seasons */
    ts_date("Summer term 2025", NULL, "2025-07-31");
    ts_date("Autumn term 2025", NULL, "2025-12-31");
    ts_date("Spring term 2026", NULL, "2026-03-31");
    ts_date("Autumn term 2025/26", NULL, "2025-12-31");
    ts_date("Spring term 2025/26", NULL, "2026-03-31");
    ts_date("Summer term 2025/26", NULL, "2026-07-31");
    ts_date("Summer term", "2025-10-01", "2026-07-31");
    ts_date("Academic year 2025/26", NULL, "2026-08-31");
    ts_date("end of the 2025/26 academic year", NULL, "2026-08-31");
    ts_date("Autumn term 2025 - Spring term 2026", NULL, "2026-03-31");
    ts_date("December 2016/January 2017", NULL, "2017-01-31");
    ts_date("June-July 2012", NULL, "2012-07-31");
    ts_date("Spring/Summer 2017", NULL, "2017-08-31");
    ts_date("17-18th July 2012", NULL, "2012-07-18");
    ts_date("17th-18th July 2012", NULL, "2012-07-18");
    ts_date("Q4 17/18", NULL, "2018-03-31");
    ts_date("Q4 2017-18", NULL, "2018-03-31");
    ts_date("end of financial year", "2017-03-13", "2017-03-31");
    ts_date("end of financial year", "2017-04-01", "2018-03-31");
    ts_date("Next 6 months", "2018-04-10", "2018-10-10");
    ts_date("3-6 months", "2018-04-10", "2018-10-10");
    ts_date("twelve months", "2018-04-01", "2019-04-01");
    ts_date("in 3 months time", "2018-04-01", "2018-07-01");
    ts_date("12 months' time", "2018-04-01", "2019-04-01");
    ts_date("2017", NULL, "2017-12-31");
    /* the day as a limit: in time on it */
    ts_date("On or before 31/03/2026", NULL, "2026-03-31");
    ts_date("Latest 31/03/2026", NULL, "2026-03-31");
    ts_date("31/03/2026 latest", NULL, "2026-03-31");
    ts_date("31/03/2026 at the latest", NULL, "2026-03-31");
    ts_date("w/e 12/12/2025", NULL, "2025-12-12"); /* the week ends that day */
    ts_date("Week ending 12/12/25", NULL, "2025-12-12");
    /* before a period's end is by its end; before the period, the day before it */
    ts_date("Before the end of March 2026", NULL, "2026-03-31");
    ts_date("Before end of Q4 2025/26", NULL, "2026-03-31");
    ts_date("Before March 2026", NULL, "2026-02-28");
    /* up to a period: its end; a guess at one: the period as written */
    ts_date("Until March 2026", NULL, "2026-03-31");
    ts_date("Up to March 2026", NULL, "2026-03-31");
    ts_date("Running to March 2026", NULL, "2026-03-31");
    ts_date("c. March 2026", NULL, "2026-03-31");
    ts_date("Approx. March 2026", NULL, "2026-03-31");
    ts_date("Provisionally Spring 2026", NULL, "2026-05-31");
    ts_date("Sept & Oct 2025", NULL, "2025-10-31");
    /* a date not yet settled is read as written, as a guess is (these were refused) */
    ts_date("March 2026 tbc", NULL, "2026-03-31");
    ts_date("March 2026 - TBC", NULL, "2026-03-31");
    ts_date("TBC - March 2026", NULL, "2026-03-31");
    ts_date("Provisional - March 2026", NULL, "2026-03-31");
    ts_date("March 2026 (provisional)", NULL, "2026-03-31");
    ts_date("31/03/2026 (estimated)", NULL, "2026-03-31");
    ts_date("March 2026?", NULL, "2026-03-31");
    /* ... and with no dash after TBC (these were refused, the dashed form read) */
    ts_date("TBC March 2026", NULL, "2026-03-31");
    ts_date("TBC: March 2026", NULL, "2026-03-31");
    ts_date("TBC (March 2026)", NULL, "2026-03-31");
    ts_date("TBA by June 2026", NULL, "2026-06-30");
    ts_kind("TBC", SP_DUE_OPEN, "", ""); /* alone, still no date yet */
    /* a label before no date yet, or before a date (these were refused) */
    ts_kind("Date TBC", SP_DUE_OPEN, "", "");
    ts_kind("Target date: TBC", SP_DUE_OPEN, "", "");
    ts_kind("Deadline to be confirmed", SP_DUE_OPEN, "", "");
    ts_kind("TBC ongoing", SP_DUE_OPEN, "", "");
    ts_date("Date: 31/03/2026", NULL, "2026-03-31");
    ts_date("Target date 31/03/2026", NULL, "2026-03-31");
    ck_assert_int_eq(sp_timescale_parse(&(sp_timescale){0}, "Date", NULL), SP_EINVALID);
    ck_assert_int_eq(sp_timescale_parse(&(sp_timescale){0}, "Complete?", NULL), SP_EINVALID);
    ck_assert_int_eq(sp_timescale_parse(&(sp_timescale){0}, "Monthly?", NULL), SP_EINVALID);
    /* a financial year spaced is the year unspaced (it was a range of two
     * calendar years, due nine months later) */
    ts_date("2025-2026", NULL, "2026-03-31");
    ts_date("2025 - 2026", NULL, "2026-03-31");
    ts_date("2025 / 26", NULL, "2026-03-31");
    ts_date("FY 2025 - 2026", NULL, "2026-03-31");
    ts_date("2025 - 2027", NULL, "2027-12-31"); /* not one financial year: a range */
    /* two dates, or two financial years, joined by a dash without spaces
     * were one word no form read */
    ts_date("01/12/2025-31/03/2026", NULL, "2026-03-31");
    ts_date("2016/17-2017/18", NULL, "2018-03-31");
    ts_date("Wk ending 12/12/2025", NULL, "2025-12-12");
    ts_date("w/b 1 Dec 2025", NULL, "2025-12-07"); /* week beginning, as w/c (was refused) */
}
END_TEST

/* "From April to June 2026" is a range: due at its end, starting at its
 * beginning (it was read as open-ended from June). */
START_TEST(from_a_range)
{
    sp_timescale ts;
    static const char *const cases[][4] = {
        {"From April to June 2026", NULL, "2026-06-30", "2026-04-01"},
        {"From December to February 2026", NULL, "2026-02-28", "2025-12-01"},
        {"From 16 July to 30 September 2012", NULL, "2012-09-30", "2012-07-16"},
        {"From 1/4/2026 - 30/6/2026", NULL, "2026-06-30", "2026-04-01"},
        {"Starting April 2026 to June 2026", NULL, "2026-06-30", "2026-04-01"},
        {"From April to June", "2025-11-15", "2026-06-30", "2026-04-01"},
        /* two quarters joined were open-ended from the later */
        {"From Q1 to Q2 2026/27", NULL, "2026-09-30", "2026-04-01"},
        {"From Q3-Q4 2025/26", NULL, "2026-03-31", "2025-10-01"},
        /* "between" was refused */
        {"Between April and June 2026", NULL, "2026-06-30", "2026-04-01"},
        {"Between 1 April and 30 June 2026", NULL, "2026-06-30", "2026-04-01"},
        {"Between Q1 and Q2 2026/27", NULL, "2026-09-30", "2026-04-01"},
        {"From 01/12/2025-31/03/2026", NULL, "2026-03-31", "2025-12-01"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_msg(sp_timescale_parse(&ts, cases[i][0], cases[i][1]) == SP_OK, "'%s' refused",
                      cases[i][0]);
        ck_assert_msg(ts.kind == SP_DUE_DATE, "'%s' is kind %d", cases[i][0], (int)ts.kind);
        ck_assert_str_eq(ts.due, cases[i][2]);
        ck_assert_str_eq(ts.start, cases[i][3]);
    }
    ts_kind("From July 2012", SP_DUE_OPEN, "", "2012-07-01"); /* one period: open-ended */
    ts_kind("From Q3 2025/26", SP_DUE_OPEN, "", "2025-10-01");
    /* "from ... onwards" was refused, though each word alone was read */
    ts_kind("From September 2026 onwards", SP_DUE_OPEN, "", "2026-09-01");
    ts_kind("from Sept 2026 onward", SP_DUE_OPEN, "", "2026-09-01");
    ts_kind("Onwards from September 2026", SP_DUE_OPEN, "", "2026-09-01");
    ts_kind("Sept 2026 & ongoing", SP_DUE_OPEN, "", "2026-09-01");
    ts_kind("Sept 2026/ongoing", SP_DUE_OPEN, "", "2026-09-01");
    /* "between" names both ends, or it is no timescale */
    ck_assert_int_eq(sp_timescale_parse(&ts, "Between April 2026", NULL), SP_EINVALID);
    ck_assert_int_eq(sp_timescale_parse(&ts, "Between April 2026 onwards", NULL), SP_EINVALID);
    /* one quarter, or two without "from", has no start */
    ck_assert_int_eq(sp_timescale_parse(&ts, "Q1-Q2 2026/27", NULL), SP_OK);
    ck_assert_str_eq(ts.due, "2026-09-30");
    ck_assert_str_eq(ts.start, "");
}
END_TEST

/* Christmas is 25 December; Easter is its Sunday, which moves (the
 * computus checked against the years' published dates, 2024-2038 and the
 * extremes of its range, 22 March 2285 and 25 April 2038). */
START_TEST(feasts)
{
    ts_date("Christmas 2025", NULL, "2025-12-25");
    ts_date("By Xmas 2026", NULL, "2026-12-25");
    ts_date("Before Christmas Day 2025", NULL, "2025-12-24");
    ts_date("Christmas", "2025-12-26", "2026-12-25");
    static const char *const easter[][2] = {
        {"2024", "2024-03-31"}, {"2025", "2025-04-20"}, {"2026", "2026-04-05"},
        {"2027", "2027-03-28"}, {"2028", "2028-04-16"}, {"2029", "2029-04-01"},
        {"2030", "2030-04-21"}, {"2031", "2031-04-13"}, {"2032", "2032-03-28"},
        {"2033", "2033-04-17"}, {"2034", "2034-04-09"}, {"2035", "2035-03-25"},
        {"2036", "2036-04-13"}, {"2037", "2037-04-05"}, {"2038", "2038-04-25"},
        {"2285", "2285-03-22"}};
    for (size_t i = 0; i < sizeof easter / sizeof easter[0]; i++) {
        char text[32];
        snprintf(text, sizeof text, "Easter %s", easter[i][0]);
        ts_date(text, NULL, easter[i][1]);
    }
    ts_date("Easter Sunday 2027", NULL, "2027-03-28");
    ts_date("Before Easter 2026", NULL, "2026-04-04");
    ts_date("by Easter", "2026-04-05", "2026-04-05"); /* the day itself is on or after */
    ts_date("by Easter", "2026-04-06", "2027-03-28");
    ts_date("before Easter", "2026-04-05", "2027-03-27"); /* next year's moves with it */
    ts_date("Christmas 2025 - Easter 2026", NULL, "2026-04-05");
    sp_timescale ts;
    ck_assert_int_eq(sp_timescale_parse(&ts, "Easter", NULL), SP_EINVALID); /* no base */
    ck_assert_int_eq(sp_timescale_parse(&ts, "Easter holidays 2026", NULL), SP_EINVALID);
    /* done on a day whose year is not written: refused, as "Completed July" is */
    ck_assert_int_eq(sp_timescale_parse(&ts, "Done Easter", "2026-01-01"), SP_EINVALID);
    ts_done("Completed Easter 2025", "2025-04-20");
    ts_kind("In place", SP_DUE_COMPLETE, "", "");
    ts_kind("Implemented", SP_DUE_COMPLETE, "", "");
    ts_kind("Closed", SP_DUE_COMPLETE, "", ""); /* was refused, though "Closed March 2026" read */
    ts_kind("Action closed", SP_DUE_COMPLETE, "", "");
}
END_TEST

START_TEST(dateless_forms)
{
    /* "From" a period: its first day, however long the period */
    ts_kind("From Autumn 2016", SP_DUE_OPEN, "", "2016-09-01");
    ts_kind("From Winter 2016", SP_DUE_OPEN, "", "2016-12-01");
    ts_kind("From Q1 2017/18", SP_DUE_OPEN, "", "2017-04-01");
    ts_kind("From Q4 2017/18", SP_DUE_OPEN, "", "2018-01-01");
    ts_kind("From 2017", SP_DUE_OPEN, "", "2017-01-01");
    ts_kind("From 2017/18", SP_DUE_OPEN, "", "2017-04-01");
    ts_kind("From Summer term 2025", SP_DUE_OPEN, "", "2025-04-01");
    ts_kind("From the academic year 2025/26", SP_DUE_OPEN, "", "2025-09-01");
    static const char *const open[] = {"", "Ongoing", "on-going", "TBC", "To be confirmed",
                                       "N/A", "n/a", "TBA", "As required", "Continuous"};
    for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
        ts_kind(open[i], SP_DUE_OPEN, "", "");
    ts_kind("From July 2012", SP_DUE_OPEN, "", "2012-07-01");
    ts_kind("Starting 16 July 2012", SP_DUE_OPEN, "", "2012-07-16");
    ts_kind("March 2013 – ongoing", SP_DUE_OPEN, "", "2013-03-01");
    ts_kind("Ongoing from April 2026", SP_DUE_OPEN, "", "2026-04-01");
    ts_kind("Monthly from January 2026", SP_DUE_RECURRING, "1 month", "2026-01-01");
    ts_kind("Annually starting April 2026", SP_DUE_RECURRING, "12 months", "2026-04-01");
    ts_kind("Quarterly review from Q1 2026/27", SP_DUE_RECURRING, "3 months", "2026-04-01");
    ts_kind("Complete", SP_DUE_COMPLETE, "", "");
    ts_kind("Completed", SP_DUE_COMPLETE, "", "");
    ts_kind("Done", SP_DUE_COMPLETE, "", "");
    ts_kind("Weekly", SP_DUE_RECURRING, "1 week", "");
    ts_kind("Fortnightly", SP_DUE_RECURRING, "2 weeks", "");
    ts_kind("Monthly", SP_DUE_RECURRING, "1 month", "");
    ts_kind("Each term", SP_DUE_RECURRING, "4 months", ""); /* as Termly */
    ts_kind("Bi-monthly", SP_DUE_RECURRING, "2 months", "");
    ts_kind("Quarterly", SP_DUE_RECURRING, "3 months", "");
    ts_kind("Six monthly", SP_DUE_RECURRING, "6 months", "");
    ts_kind("Three monthly", SP_DUE_RECURRING, "3 months", ""); /* was refused */
    ts_kind("Six weekly", SP_DUE_RECURRING, "6 weeks", "");
    ts_kind("Six-weekly", SP_DUE_RECURRING, "6 weeks", "");
    ts_kind("Annually", SP_DUE_RECURRING, "12 months", "");
    ts_kind("Yearly", SP_DUE_RECURRING, "12 months", "");
    ts_kind("Every 6 weeks", SP_DUE_RECURRING, "6 weeks", "");
    ts_kind("6-weekly", SP_DUE_RECURRING, "6 weeks", "");
    ts_kind("every 2 months", SP_DUE_RECURRING, "2 months", "");
    ts_kind("Ongoing - monthly", SP_DUE_RECURRING, "1 month", "");
    ts_kind("Monthly review", SP_DUE_RECURRING, "1 month", "");
    ts_kind("Every other month", SP_DUE_RECURRING, "2 months", "");
    ts_kind("Every other week", SP_DUE_RECURRING, "2 weeks", "");
    ts_kind("Twice yearly", SP_DUE_RECURRING, "6 months", "");
    ts_kind("Immediate and ongoing", SP_DUE_OPEN, "", "");
}
END_TEST

START_TEST(ambiguous_forms)
{
    ts_ambiguous("Q1 2018");
    ts_ambiguous("Jul-12");
    ts_ambiguous("Sept 25"); /* September 2025, or 25 September? */
    ts_ambiguous("end of Dec 24");
    ts_ambiguous("July 12");
    ts_ambiguous("Bi-annually");
    ts_ambiguous("end of year");
    ts_ambiguous("H1 2026");  /* January-June, or the financial year's first half? */
    ts_ambiguous("Q4");       /* which year's, calendar or financial? */
    ts_ambiguous("Quarter 1");
    ts_ambiguous("Mid 2026"); /* no month named */
    ts_ambiguous("Early 2026");
    ts_ambiguous("Mid Q3 2025/26");
    ts_ambiguous("Early Autumn 2026");
    /* a weekday that is not the date's: one of the two is a typo */
    ts_ambiguous("Tuesday 16 July 2012");
    ts_ambiguous("Fri 29 June 2013");
    ts_ambiguous("Thursday 29th June"); /* 2012's, from the base below */
    sp_timescale ts;
    ck_assert_int_eq(sp_timescale_parse(&ts, "July 12", "2012-06-01"), SP_EINVALID);
    ck_assert_int_eq(sp_timescale_parse(&ts, "whenever", "2012-06-01"), SP_EINVALID);
    ck_assert_int_eq(sp_timescale_parse(&ts, "Winter term 2025", "2012-06-01"), SP_EINVALID);
    ck_assert_ptr_null(ts.ambiguous);
    ck_assert_int_eq(sp_timescale_parse(&ts, "3 months", NULL), SP_EINVALID); /* no base */
    ck_assert_ptr_nonnull(strstr(sp_timescale_forms(), "Monthly"));
    ck_assert_ptr_nonnull(strstr(sp_timescale_forms(), "Autumn 2016"));
}
END_TEST

/* sp_timescale.from_base: a text resolved without reading the base gives
 * the same result from any base (the import reads such a text once, and
 * only a text that reads the base again from another: import_row.c,
 * is_relative). Every form of the tests above, from bases across leap
 * years, month ends and financial years; and the forms that do read the
 * base say so. */
static bool same_reading(const sp_timescale *a, const sp_timescale *b)
{
    return a->kind == b->kind && strcmp(a->due, b->due) == 0 &&
           strcmp(a->start, b->start) == 0 && strcmp(a->cadence, b->cadence) == 0 &&
           a->exact == b->exact;
}

START_TEST(from_base_says_whether_the_base_counts)
{
    static const char *const texts[] = {
        "16 July 2012", "16th July 2012", "01-Apr-18", "1/4/18", "by 31/12/2017",
        "Monday 16 July 2012", "July 16th, 2012", "w/c 16 July 2012", "before 31 March 2017",
        "2018-04-01 00:00:00", "2017-06-30", "30/06/2017", "Sept 2012", "end of July 2012",
        "early July 2012", "mid July 2012", "Autumn 2016", "Winter 2015/16",
        "December 2016/January 2017", "June-July 2012", "Spring/Summer 2017",
        "17-18th July 2012", "Q4 17/18", "Q4 2017-18", "Q2 2017/18", "end of 2016/17",
        "end of the 2016/17 financial year", "end of Q3 2017/18", "2017", "March 2017",
        "BY JULY 2017", "by the end of June 2017", "Mid Feb 2013", "March 2013 – ongoing",
        "From July 2012", "Starting 16 July 2012", "Ongoing", "TBC", "", "Complete",
        "Monthly", "Every 6 weeks", "Ongoing - monthly", "Quarterly",
        /* these read the base */
        "27th June", "29 February", "mid July", "early July", "end of March", "March",
        "end of financial year", "Next 6 months", "3-6 months", "twelve months",
        "in 3 months time", "3 months", "6m", "12w", "1 day", "0 months", "Immediate"};
    static const char *const bases[] = {"2012-06-01", "2012-07-20", "2015-01-01", "2016-02-29",
                                        "2016-03-31", "2017-03-13", "2017-04-01",
                                        "2017-12-31", "2019-06-30"};
    const size_t nb = sizeof bases / sizeof bases[0];
    int reads_base = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (size_t b = 0; b < nb; b++) {
            sp_timescale ts, other;
            if (sp_timescale_parse(&ts, texts[i], bases[b]) != SP_OK)
                continue;
            if (ts.from_base) {
                reads_base += b == 0;
                continue;
            }
            for (size_t o = 0; o < nb; o++)
                ck_assert_msg(sp_timescale_parse(&other, texts[i], bases[o]) == SP_OK &&
                                  same_reading(&ts, &other),
                              "'%s' says it did not read the base, but reads differently "
                              "from %s and %s", texts[i], bases[b], bases[o]);
        }
    ck_assert_int_eq(reads_base, 17); /* the forms after the comment */
}
END_TEST

START_TEST(cadence_next)
{
    char out[SP_DATE_SIZE];
    ck_assert_int_eq(sp_cadence_next(out, "2017-01-31", "1 month", 7), SP_OK);
    ck_assert_str_eq(out, "2017-03-07");
    ck_assert_int_eq(sp_cadence_next(out, "2017-01-01", "6 weeks", 0), SP_OK);
    ck_assert_str_eq(out, "2017-02-12");
    ck_assert_int_eq(sp_cadence_next(out, "2017-01-01", "fortnightly", 0), SP_EINVALID);
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(diff)
{
    ck_assert_int_eq(sp_date_diff("2017-03-31", "2017-05-07"), 37);
    ck_assert_int_eq(sp_date_diff("2017-05-07", "2017-03-31"), -37);
    ck_assert_int_eq(sp_date_diff("2017-03-31", "2017-03-31"), 0);
    ck_assert_int_eq(sp_date_diff("2016-02-28", "2016-03-01"), 2);
    ck_assert_int_eq(sp_date_diff("2017-02-28", "2017-03-01"), 1);
    ck_assert_int_eq(sp_date_diff("2017-01-01", "2018-01-01"), 365);
    ck_assert_int_eq(sp_date_diff("1900-01-01", "2999-12-31"), 401766);
    /* Not ISO: documented as no difference rather than garbage. */
    ck_assert_int_eq(sp_date_diff("31/03/2017", "2017-05-07"), 0);
    ck_assert_int_eq(sp_date_diff(NULL, "2017-05-07"), 0);
}
END_TEST

START_TEST(month_first_is_named)
{
    /* A day only month first gets the hint; a day both ways, or neither,
     * or anything after the year, does not. */
    char h[SP_DATE_HINT_SIZE];
    ck_assert_ptr_nonnull(strstr(sp_date_hint(h, "12/31/2025"), "US order"));
    ck_assert_ptr_nonnull(strstr(sp_date_hint(h, " 2/29/2024 "), "US order"));
    ck_assert_str_eq(sp_date_hint(h, "31/12/2025"), "");
    ck_assert_str_eq(sp_date_hint(h, "01/02/2026"), "");
    ck_assert_str_eq(sp_date_hint(h, "02/30/2025"), "");
    ck_assert_str_eq(sp_date_hint(h, "2/29/2025"), "");
    ck_assert_str_eq(sp_date_hint(h, "12/31/2025 x"), "");
    ck_assert_str_eq(sp_date_hint(h, "12/31/20251"), "");
    ck_assert_str_eq(sp_date_hint(h, "13/31/2025"), "");
    ck_assert_str_eq(sp_date_hint(h, NULL), "");
    /* Excel's count of days, within 1954 to 2119 */
    ck_assert_ptr_nonnull(strstr(sp_date_hint(h, "45930"), "Excel counts the day 2025-09-30"));
    ck_assert_ptr_nonnull(strstr(sp_date_hint(h, "25569"), "1970-01-01"));
    ck_assert_str_eq(sp_date_hint(h, "19999"), "");
    ck_assert_str_eq(sp_date_hint(h, "80001"), "");
    ck_assert_str_eq(sp_date_hint(h, "459301"), "");
    ck_assert_str_eq(sp_date_hint(h, "45930.5"), "");
}
END_TEST

START_TEST(day_numbers)
{
    int32_t d;
    ck_assert_int_eq(sp_date_days("1970-01-01", &d), SP_OK);
    ck_assert_int_eq(d, 0);
    ck_assert_int_eq(sp_date_days("2000-03-01", &d), SP_OK);
    ck_assert_int_eq(d, 11017);
    ck_assert_int_eq(sp_date_days("2017-02-30", &d), SP_EINVALID);
    ck_assert_int_eq(sp_date_days("2017-6-30", &d), SP_EINVALID); /* strict */
    ck_assert_int_eq(sp_date_days("2017-06-30 ", &d), SP_EINVALID);
    ck_assert(!sp_iso_days(NULL, &d));
    char out[SP_DATE_SIZE];
    /* Every day from 1900 to 2999 round-trips through its number. */
    int32_t first, last;
    ck_assert(sp_iso_days("1900-01-01", &first));
    ck_assert(sp_iso_days("2999-12-31", &last));
    for (int32_t n = first; n <= last; n++) {
        sp_date_from_days(out, n);
        ck_assert(sp_iso_days(out, &d));
        ck_assert_int_eq(d, n);
    }
    sp_date_from_days(out, 0);
    ck_assert_str_eq(out, "1970-01-01");
}
END_TEST

START_TEST(add_days_and_months)
{
    char out[SP_DATE_SIZE];
    ck_assert_int_eq(sp_date_add_days(out, "2016-02-28", 1), SP_OK);
    ck_assert_str_eq(out, "2016-02-29");
    ck_assert_int_eq(sp_date_add_days(out, "2017-01-01", -1), SP_OK);
    ck_assert_str_eq(out, "2016-12-31");
    ck_assert_int_eq(sp_date_add_days(out, "2999-12-31", 1), SP_EINVALID);
    ck_assert_int_eq(sp_date_add_days(out, "1900-01-01", -1), SP_EINVALID);
    ck_assert_int_eq(sp_date_add_days(out, "2017-01-01", INT64_MAX), SP_EINVALID);
    ck_assert_int_eq(sp_date_add_days(out, "nonsense", 1), SP_EINVALID);
    ck_assert_int_eq(sp_date_add_months(out, "2017-03-31", -1), SP_OK);
    ck_assert_str_eq(out, "2017-02-28");
    ck_assert_int_eq(sp_date_add_months(out, "2017-12-15", 1), SP_OK);
    ck_assert_str_eq(out, "2018-01-15");
    ck_assert_int_eq(sp_date_add_months(out, "2017-01-15", -1), SP_OK);
    ck_assert_str_eq(out, "2016-12-15");
    ck_assert_int_eq(sp_date_add_months(out, "2999-12-01", 1), SP_EINVALID);
    ck_assert_int_eq(sp_date_add_months(out, "2017-01-01", INT64_MIN), SP_EINVALID);
    memcpy(out, "2017-01-31", SP_DATE_SIZE); /* aliasing in and out is allowed */
    ck_assert_int_eq(sp_date_add_months(out, out, 1), SP_OK);
    ck_assert_str_eq(out, "2017-02-28");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, iso_dates);
    tcase_add_test(tc, uk_dates);
    tcase_add_test(tc, leap_years);
    tcase_add_test(tc, bad_dates);
    suite_add_tcase(s, tc);
    tc = tcase_create("timescales");
    tcase_add_test(tc, written_days);
    tcase_add_test(tc, iso_day_fast_path);
    tcase_add_test(tc, periods_and_ranges);
    tcase_add_test(tc, feasts);
    tcase_add_test(tc, from_a_range);
    tcase_add_test(tc, dateless_forms);
    tcase_add_test(tc, ambiguous_forms);
    tcase_add_test(tc, cadence_next);
    tcase_add_test(tc, from_base_says_whether_the_base_counts);
    suite_add_tcase(s, tc);
    tc = tcase_create("due");
    tcase_add_test(tc, relative);
    tcase_add_test(tc, relative_bad);
    tcase_add_test(tc, months);
    tcase_add_test(tc, months_bad);
    tcase_add_test(tc, quarters);
    tcase_add_test(tc, financial_years);
    tcase_add_test(tc, halves_and_school_years);
    tcase_add_test(tc, due_dates_and_junk);
    tcase_add_test(tc, forms_text);
    tcase_add_test(tc, done_on_a_day);
    suite_add_tcase(s, tc);
    tc = tcase_create("arithmetic");
    /* day_numbers walks every day of 1900-2999: on a loaded shared machine
     * that outlasts Check's 4 s default, and speed is not what it tests. */
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, diff);
    tcase_add_test(tc, day_numbers);
    tcase_add_test(tc, month_first_is_named);
    tcase_add_test(tc, add_days_and_months);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
