/*
 * libFuzzer target: calendar dates and loose timescales (dates.c).
 * Oracles beyond "does not crash":
 *  - whatever sp_date_parse or sp_due_parse accepts comes out as a real
 *    ISO day within the supported years, and parsing that ISO text again
 *    gives the same day;
 *  - a plain date means the same to sp_due_parse as to sp_date_parse;
 *  - on failure the output is the empty string (callers print it);
 *  - day arithmetic is consistent: base + n - n == base and
 *    diff(base, base + n) == n.
 * Input: two bytes choose the base date and a day offset; the rest is text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

static void check_iso(const char *what, const char *iso)
{
    int32_t days;
    char again[SP_DATE_SIZE];
    if (!sp_iso_days(iso, &days) || sp_date_parse(again, iso) != SP_OK ||
        strcmp(again, iso) != 0) {
        fprintf(stderr, "%s gave '%s', not a valid ISO date\n", what, iso);
        abort();
    }
}

/* A base date somewhere in 1900-2999, chosen by 16 bits of input. */
static void base_date(char out[SP_DATE_SIZE], unsigned pick)
{
    int32_t first, last;
    if (!sp_iso_days("1900-01-01", &first) || !sp_iso_days("2999-12-31", &last))
        abort();
    sp_date_from_days(out, first + (int32_t)(pick * 6u % (unsigned)(last - first + 1)));
}

static void check_arithmetic(const char *base, int64_t n)
{
    char moved[SP_DATE_SIZE], back[SP_DATE_SIZE];
    if (sp_date_add_days(moved, base, n) != SP_OK)
        return; /* out of range: refused, which is right */
    check_iso("sp_date_add_days", moved);
    if (sp_date_diff(base, moved) != n || sp_date_add_days(back, moved, -n) != SP_OK ||
        strcmp(back, base) != 0) {
        fprintf(stderr, "%s + %lld = %s does not go back\n", base, (long long)n, moved);
        abort();
    }
    if (sp_date_add_months(moved, base, n % 2400) == SP_OK)
        check_iso("sp_date_add_months", moved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    char base[SP_DATE_SIZE], date[SP_DATE_SIZE], due[SP_DATE_SIZE];
    base_date(base, (unsigned)data[0] << 8 | data[1]);
    check_arithmetic(base, (int64_t)(int8_t)data[2] * 997);
    data += 3, size -= 3;

    char *text = malloc(size + 1); /* the parsers take C strings */
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    int rc_date = sp_date_parse(date, text);
    int rc_due = sp_due_parse(due, text, base);
    if (rc_date == SP_OK)
        check_iso("sp_date_parse", date);
    else if (rc_date != SP_EINVALID || date[0] != '\0')
        abort();
    if (rc_due == SP_OK)
        check_iso("sp_due_parse", due);
    else if (rc_due != SP_EINVALID || due[0] != '\0')
        abort();
    if (rc_date == SP_OK && (rc_due != SP_OK || strcmp(date, due) != 0)) {
        fprintf(stderr, "'%s' is the date %s but the due date '%s'\n", text, date, due);
        abort();
    }
    free(text);
    return 0;
}
