/* Public CSV output of any cursor: lists, reports and the export. */
#include <string.h>

#include "csvio.h"
#include "internal.h"

static int write_header(sp_csv_writer *w, sp_cursor *c)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (sp_csv_write_cell(w, sp_cursor_name(c, i), SP_COL_TEXT) != SP_OK)
            return SP_ERROR;
    return sp_csv_end_row(w);
}

static int write_row(sp_csv_writer *w, sp_cursor *c)
{
    for (int i = 0; i < sp_cursor_columns(c); i++)
        if (sp_csv_write_cell(w, sp_cursor_text(c, i), sp_cursor_type(c, i)) != SP_OK)
            return SP_ERROR;
    return sp_csv_end_row(w);
}

int sp_csv_write_cursor(FILE *out, sp_cursor *c, unsigned flags)
{
    sp_csv_writer w;
    unsigned wflags = ((flags & SP_CSV_WITH_BOM) ? SP_CSV_BOM : 0) |
                      ((flags & SP_CSV_NO_GUARD) ? 0 : SP_CSV_GUARD);
    int rc = sp_csv_writer_init(&w, out, wflags);
    if (rc == SP_OK)
        rc = write_header(&w, c);
    int step = SP_ROW;
    while (rc == SP_OK && (step = sp_cursor_step(c)) == SP_ROW)
        rc = write_row(&w, c);
    /* Finished on every path: the rows before a failure reach `out`. */
    int finished = sp_csv_writer_finish(&w);
    if (step < 0)
        return step; /* the cursor's message is on the database handle */
    if (finished != SP_OK || rc != SP_OK)
        return sp_fail(c->db, SP_ERROR, "cannot write CSV output: %s", strerror(w.error));
    return SP_OK;
}
