/*
 * Internal date helpers: day numbers for arithmetic and a fast ISO parser
 * for the per-row SQL functions. Dates are proleptic Gregorian, years
 * SP_YEAR_MIN..SP_YEAR_MAX; a "day number" counts days from 1970-01-01.
 */
#ifndef SP_DATES_H
#define SP_DATES_H

#include <stdbool.h>
#include <stdint.h>

#include "safeplan.h"

#define SP_YEAR_MIN 1900
#define SP_YEAR_MAX 2999

/* True if y-m-d is a real day within the supported years. */
bool sp_ymd_valid(int y, int m, int d);

/* Days in month m (1-12) of year y. */
int sp_days_in_month(int y, int m);

/* Fast, strict ISO check for hot paths: exactly "YYYY-MM-DD", a real day.
 * Writes the day number; returns false (leaving *days alone) otherwise.
 * Accepts NULL text (false). */
bool sp_iso_days(const char *iso, int32_t *days);

/* sp_iso_days as an sp_error: SP_OK or SP_EINVALID. */
int sp_date_days(const char *iso, int32_t *days);

/* Writes the ISO form of a day number. `days` must lie within the
 * supported years (as every day number from these helpers does). */
void sp_date_from_days(char out[SP_DATE_SIZE], int32_t days);

/* out = iso + n days. SP_EINVALID if iso is not a valid ISO date or the
 * result leaves the supported years. out may alias iso. */
int sp_date_add_days(char out[SP_DATE_SIZE], const char *iso, int64_t n);

/* out = iso + n calendar months, clamping the day to the end of the
 * target month (2017-01-31 + 1 month = 2017-02-28). Same errors as
 * sp_date_add_days. out may alias iso. */
int sp_date_add_months(char out[SP_DATE_SIZE], const char *iso, int64_t n);

/* Day number of a valid y-m-d, and back. */
int32_t sp_days_from_ymd(int y, int m, int d);
void sp_ymd_from_days(int32_t days, int *y, int *m, int *d);

/* A timescale that says the work was done on a day after today
 * ("Completed March 2026", written as "to be completed"): read as the day
 * it is due by instead. */
void sp_timescale_ahead(sp_timescale *ts, const char *today);

/* For a date refused as no real day: what it may be instead, to append
 * to the refusal, into out: a day read month first ("12/31/2025", as a
 * sheet saved with American dates has it) or Excel's count of days
 * ("45930", a date cell saved as a number); "" otherwise. Returns out. */
#define SP_DATE_HINT_SIZE 200
const char *sp_date_hint(char out[SP_DATE_HINT_SIZE], const char *text);

/* Writes "YYYY-MM-DD" for a valid y-m-d. */
void sp_format_ymd(char out[SP_DATE_SIZE], int y, int m, int d);

#endif
