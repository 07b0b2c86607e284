/*
 * make_xlsx OUT.xlsx — writes a council's action plan as a workbook with
 * libxlsxwriter (not the project's own reader or writer), the way a clerk
 * keeps one: a cover sheet first, then the plan with the finding merged
 * down over its actions, references typed as numbers, dates typed as dates
 * (one as a date-time), a rich-text cell, a percentage, a sum that binary
 * floating point cannot hold exactly, and an empty column between the
 * status and the progress column. The text is from the seeds' tables
 * (Torbay's areas for further consideration, Herefordshire's suggested
 * actions); officers are named by role.
 */
#include <stdio.h>
#include <xlsxwriter.h>

static void header(lxw_worksheet *ws, lxw_format *bold)
{
    static const char *const cols[] = {"Ref", "Theme", "Area for consideration",
                                       "What we will do", "Lead officer", "Start date",
                                       "Target date", "Status", "", "Progress update",
                                       "Success measure"};
    for (lxw_col_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
        if (cols[c][0])
            worksheet_write_string(ws, 0, c, cols[c], bold);
}

static void date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int y, int m, int d,
                 lxw_format *f)
{
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    worksheet_write_datetime(ws, r, c, &dt, f);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make_xlsx OUT.xlsx\n");
        return 2;
    }
    lxw_workbook *wb = workbook_new(argv[1]);
    lxw_worksheet *cover = workbook_add_worksheet(wb, "Cover");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Action plan");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *uk = workbook_add_format(wb);
    format_set_num_format(uk, "dd/mm/yyyy");
    lxw_format *long_date = workbook_add_format(wb);
    format_set_num_format(long_date, "d mmmm yyyy");
    lxw_format *stamp = workbook_add_format(wb);
    format_set_num_format(stamp, "yyyy-mm-dd hh:mm:ss");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    lxw_format *merged = workbook_add_format(wb);
    format_set_text_wrap(merged);

    worksheet_write_string(cover, 0, 0, "Torbay children's safeguarding improvement plan", bold);

    header(ws, bold);
    /* Rows 2-4: one finding over three actions, merged down (B and C). */
    worksheet_merge_range(ws, 1, 1, 3, 1, "Vision, Strategy and Leadership", merged);
    worksheet_merge_range(ws, 1, 2, 3, 2, "Challenge and pace of action, for example "
                          "recruitment and retention", merged);
    worksheet_write_number(ws, 1, 0, 1, NULL);
    worksheet_write_string(ws, 1, 3, "Agree a recruitment and retention strategy", NULL);
    worksheet_write_string(ws, 1, 4, "Director of Children's Services", NULL);
    date(ws, 1, 5, 2012, 7, 16, uk);
    date(ws, 1, 6, 2013, 3, 31, long_date);
    worksheet_write_string(ws, 1, 7, "In progress", NULL);
    worksheet_write_string(ws, 1, 9, "Strategy drafted; to Cabinet in September", NULL);
    worksheet_write_number(ws, 1, 10, 0.95, pct);

    worksheet_write_number(ws, 2, 0, 2, NULL);
    lxw_format *italic = workbook_add_format(wb);
    format_set_italic(italic);
    lxw_rich_string_tuple run1 = {.format = NULL, .string = "Report progress to the "};
    lxw_rich_string_tuple run2 = {.format = italic, .string = "Improvement Board"};
    lxw_rich_string_tuple run3 = {.format = NULL, .string = " each quarter"};
    lxw_rich_string_tuple *rich[] = {&run1, &run2, &run3, NULL};
    worksheet_write_rich_string(ws, 2, 3, rich, NULL);
    worksheet_write_string(ws, 2, 4, "Head of Service, Safeguarding and Quality Assurance", NULL);
    lxw_datetime at = {2012, 9, 1, 0, 0, 0};
    worksheet_write_datetime(ws, 2, 5, &at, stamp);
    worksheet_write_string(ws, 2, 6, "6 months", NULL);
    worksheet_write_string(ws, 2, 7, "Not started", NULL);
    worksheet_write_number(ws, 2, 10, 0.1 + 0.2, NULL); /* 0.30000000000000004 */

    worksheet_write_number(ws, 3, 0, 3, NULL);
    worksheet_write_string(ws, 3, 3, "Publish a career pathway for social workers", NULL);
    worksheet_write_string(ws, 3, 4, "Principal Social Worker", NULL);
    date(ws, 3, 5, 2012, 7, 16, uk);
    date(ws, 3, 6, 2013, 1, 31, uk);
    worksheet_write_string(ws, 3, 7, "Complete", NULL);
    worksheet_write_string(ws, 3, 9, "Published on the intranet", NULL);
    worksheet_write_number(ws, 3, 10, 1234567, NULL);

    /* Row 6, after an empty row 5: a second finding. */
    worksheet_write_number(ws, 5, 0, 4, NULL);
    worksheet_write_string(ws, 5, 1, "Working Together and the TSCB", NULL);
    worksheet_write_string(ws, 5, 2, "Demonstrate consistent involvement and challenge of "
                           "all agencies", NULL);
    worksheet_write_string(ws, 5, 3, "Audit 50 contacts through the front door", NULL);
    worksheet_write_string(ws, 5, 4, "LSCB Business Manager", NULL);
    date(ws, 5, 5, 2012, 10, 1, uk);
    date(ws, 5, 6, 2013, 2, 28, uk);
    worksheet_write_string(ws, 5, 7, "In progress", NULL);
    worksheet_write_number(ws, 5, 10, 3.0000001, NULL);

    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
