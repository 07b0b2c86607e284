/*
 * Internal: helpers shared by the progress modules (progress.c for single
 * updates and history, progress_bulk.c for reassignments and transfers).
 */
#ifndef SP_PROGRESS_H
#define SP_PROGRESS_H

#include "internal.h"

/* Resolves the date an update is for into out: `text` (ISO or UK) or, if
 * NULL, today. A date after today is refused: progress cannot be reported
 * ahead of time. */
int sp_update_date(char out[SP_DATE_SIZE], sp_db *db, const char *text);

/* Ends the transaction begun for a write: commits if rc is SP_OK, else
 * rolls back (so a failed write changes nothing) and returns rc. */
int sp_end_write(sp_db *db, int rc);

#endif
