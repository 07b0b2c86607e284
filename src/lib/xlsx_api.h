/*
 * libxlsxwriter, loaded when a workbook is written rather than linked.
 *
 * Linking it put libxlsxwriter, libminizip, zlib and libcrypto into every
 * process: resolving their symbols at start-up took 5.2 of the 5.4 million
 * instructions of `safeplan --version` (callgrind; the sqlite3 shell starts
 * in 2.2 million) and more than half of one `action update`. Only `pack`
 * needs them, so pack.c calls libxlsxwriter through this table of
 * pointers, filled by dlopen of the Debian library's soname the first time
 * a workbook is made; every other command loads none of it.
 *
 * pack.c includes this after <xlsxwriter.h>: the #defines below turn its
 * calls (workbook_new_opt(...)) into calls through the table, so its code
 * reads as plain libxlsxwriter. The pointers' types are taken from the
 * header's own declarations (__typeof__), so a mismatch cannot compile.
 */
#ifndef SP_XLSX_API_H
#define SP_XLSX_API_H

#include <xlsxwriter.h>

#include "internal.h"

/* Every libxlsxwriter function pack.c calls. */
#define SP_XLSX_FUNCTIONS(X)                                                                   \
    X(workbook_new_opt) X(workbook_add_worksheet) X(workbook_add_format)                       \
    X(workbook_set_properties) X(workbook_close) X(worksheet_write_number)                     \
    X(worksheet_write_string) X(worksheet_write_datetime) X(worksheet_set_column)              \
    X(worksheet_set_row) X(worksheet_set_paper) X(worksheet_set_landscape)                     \
    X(worksheet_fit_to_pages) X(worksheet_set_tab_color) X(worksheet_repeat_rows)              \
    X(worksheet_freeze_panes) X(worksheet_autofilter) X(format_set_bold)                       \
    X(format_set_text_wrap) X(format_set_pattern) X(format_set_font_size)                      \
    X(format_set_bg_color) X(format_set_top) X(format_set_num_format)                          \
    X(format_set_font_color) X(format_set_bottom) X(format_set_align) X(lxw_strerror)        \
    X(worksheet_set_margins) X(worksheet_set_header) X(worksheet_set_footer)

#define SP_XLSX_POINTER(name) __typeof__(&name) name;
typedef struct sp_xlsx_api {
    SP_XLSX_FUNCTIONS(SP_XLSX_POINTER)
} sp_xlsx_api;
#undef SP_XLSX_POINTER

/* The table, filled by sp_xlsx_load. */
extern sp_xlsx_api sp_xlsx;

/* Loads libxlsxwriter once per process (thread-safe); SP_OK, or an error
 * on db saying what is missing. */
int sp_xlsx_load(sp_db *db);

/* The calls, redirected (not in xlsx_api.c, which fills the table). */
#ifndef SP_XLSX_LOADER
#define workbook_new_opt sp_xlsx.workbook_new_opt
#define workbook_add_worksheet sp_xlsx.workbook_add_worksheet
#define workbook_add_format sp_xlsx.workbook_add_format
#define workbook_set_properties sp_xlsx.workbook_set_properties
#define workbook_close sp_xlsx.workbook_close
#define worksheet_write_number sp_xlsx.worksheet_write_number
#define worksheet_write_string sp_xlsx.worksheet_write_string
#define worksheet_write_datetime sp_xlsx.worksheet_write_datetime
#define worksheet_set_column sp_xlsx.worksheet_set_column
#define worksheet_set_row sp_xlsx.worksheet_set_row
#define worksheet_set_margins sp_xlsx.worksheet_set_margins
#define worksheet_set_header sp_xlsx.worksheet_set_header
#define worksheet_set_footer sp_xlsx.worksheet_set_footer
#define worksheet_set_paper sp_xlsx.worksheet_set_paper
#define worksheet_set_landscape sp_xlsx.worksheet_set_landscape
#define worksheet_fit_to_pages sp_xlsx.worksheet_fit_to_pages
#define worksheet_set_tab_color sp_xlsx.worksheet_set_tab_color
#define worksheet_repeat_rows sp_xlsx.worksheet_repeat_rows
#define worksheet_freeze_panes sp_xlsx.worksheet_freeze_panes
#define worksheet_autofilter sp_xlsx.worksheet_autofilter
#define format_set_bold sp_xlsx.format_set_bold
#define format_set_text_wrap sp_xlsx.format_set_text_wrap
#define format_set_pattern sp_xlsx.format_set_pattern
#define format_set_font_size sp_xlsx.format_set_font_size
#define format_set_bg_color sp_xlsx.format_set_bg_color
#define format_set_top sp_xlsx.format_set_top
#define format_set_num_format sp_xlsx.format_set_num_format
#define format_set_font_color sp_xlsx.format_set_font_color
#define format_set_bottom sp_xlsx.format_set_bottom
#define format_set_align sp_xlsx.format_set_align
#define lxw_strerror sp_xlsx.lxw_strerror
#endif

#endif
