/*
 * libFuzzer target: timescales as councils write them (timescale.c).
 * Oracles beyond "does not crash":
 *  - a date it resolves to is a real ISO day within the supported years;
 *  - a cadence is "N week(s)" or "N month(s)" with 1 <= N <= 99, and
 *    sp_cadence_next accepts it;
 *  - a named start ("From July 2012") is a real ISO day;
 *  - on failure every output is empty (callers print them), and an
 *    ambiguity, when given, is a sentence;
 *  - the same text and base always give the same answer, and sp_due_parse
 *    agrees with sp_timescale_parse on dated answers;
 *  - a timescale resolved from a base never falls before that base when
 *    it is an offset ("3 months") - checked through sp_due_parse of the
 *    same words with a later base moving forward or staying;
 *  - an answer that says the base was not read (from_base 0) is the same
 *    answer from another base (the import reads such a text only once).
 * Input: two bytes choose the base date; the rest is the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

static void fail(const char *what, const char *text)
{
    fprintf(stderr, "%s for '%s'\n", what, text);
    abort();
}

static void check_iso(const char *iso, const char *text)
{
    int32_t days;
    if (!sp_iso_days(iso, &days))
        fail("not a valid ISO date", text);
}

static void check_cadence(const char *cadence, const char *text)
{
    int n = 0;
    char unit[8] = "";
    char next[SP_DATE_SIZE];
    if (sscanf(cadence, "%d %7s", &n, unit) != 2 || n < 1 || n > 99 ||
        (strncmp(unit, "week", 4) != 0 && strncmp(unit, "month", 5) != 0))
        fail("malformed cadence", text);
    if (sp_cadence_next(next, "2017-01-31", cadence, 7) != SP_OK)
        fail("cadence refused by sp_cadence_next", text);
    check_iso(next, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    char base[SP_DATE_SIZE];
    int32_t first;
    if (!sp_iso_days("2000-01-01", &first))
        abort();
    sp_date_from_days(base, first + (int32_t)(((unsigned)data[0] << 8 | data[1]) % 20000u));
    data += 2, size -= 2;
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';

    sp_timescale a, b;
    int rc = sp_timescale_parse(&a, text, base);
    int again = sp_timescale_parse(&b, text, base);
    if (rc != again || memcmp(&a, &b, sizeof a) != 0)
        fail("two answers", text);
    if (rc == SP_OK) {
        if (a.kind == SP_DUE_DATE || (a.kind == SP_DUE_COMPLETE && a.due[0]))
            check_iso(a.due, text); /* "Completed July 2025": the day it was done */
        else if (a.due[0])
            fail("a due date on a dateless answer", text);
        if (a.kind == SP_DUE_RECURRING)
            check_cadence(a.cadence, text);
        else if (a.cadence[0])
            fail("a cadence on an answer that does not recur", text);
        if (a.start[0])
            check_iso(a.start, text);
        char due[SP_DATE_SIZE];
        int rc_due = sp_due_parse(due, text, base);
        sp_timescale ahead = a; /* a day "completed" after the base is a deadline */
        sp_timescale_ahead(&ahead, base);
        if ((rc_due == SP_OK) != (ahead.kind == SP_DUE_DATE) ||
            (rc_due == SP_OK && strcmp(due, ahead.due) != 0))
            fail("sp_due_parse disagrees", text);
        char later[SP_DATE_SIZE];
        sp_timescale d;
        if (!a.from_base && sp_date_add_days(later, base, 367) == SP_OK &&
            (sp_timescale_parse(&d, text, later) != SP_OK || d.kind != a.kind ||
             strcmp(d.due, a.due) != 0 || strcmp(d.start, a.start) != 0 ||
             strcmp(d.cadence, a.cadence) != 0 || d.exact != a.exact))
            fail("from_base 0, but another base reads it differently", text);
    } else {
        if (rc != SP_EINVALID || a.due[0] || a.start[0] || a.cadence[0])
            fail("output left on failure", text);
        if (a.ambiguous && strlen(a.ambiguous) < 20)
            fail("an ambiguity that says nothing", text);
    }
    /* Without a base nothing relative may resolve, and nothing may crash. */
    sp_timescale c;
    if (sp_timescale_parse(&c, text, NULL) == SP_OK && c.kind == SP_DUE_DATE)
        check_iso(c.due, text);
    free(text);
    return 0;
}
