/* Unit tests for the workbook reader (xlsx.c, xlsx_sheet.c): number formats,
 * dates in both systems, cell names, and whole workbooks packed here with
 * libzip from hand-written XML (the CLI tests use libxlsxwriter and
 * LibreOffice). */
#define SP_XLSX_PRIVATE 1 /* the module's helpers are tested too */
#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "safeplan.h"
#include "xlsx.h"

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* ------------------------------------------------------------------ */
/* Number formats and values                                           */

static const char *shown(double v, sp_xlsx_kind kind, bool date1904)
{
    static char out[64];
    sp_xlsx_format_number(out, sizeof out, v, kind, date1904);
    return out;
}

START_TEST(builtin_formats)
{
    ck_assert_int_eq(sp_xlsx_format_kind(0, NULL), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(14, NULL), SP_XLSX_DATE);
    ck_assert_int_eq(sp_xlsx_format_kind(17, NULL), SP_XLSX_MONTH); /* mmm-yy */
    ck_assert_int_eq(sp_xlsx_format_kind(22, NULL), SP_XLSX_DATETIME);
    ck_assert_int_eq(sp_xlsx_format_kind(20, NULL), SP_XLSX_TIME);
    ck_assert_int_eq(sp_xlsx_format_kind(46, NULL), SP_XLSX_TIME);
    ck_assert_int_eq(sp_xlsx_format_kind(9, NULL), SP_XLSX_PERCENT);
    ck_assert_int_eq(sp_xlsx_format_kind(49, NULL), SP_XLSX_NUMBER);
}
END_TEST

START_TEST(custom_formats)
{
    ck_assert_int_eq(sp_xlsx_format_kind(164, "dd/mm/yyyy"), SP_XLSX_DATE);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "d mmmm yyyy"), SP_XLSX_DATE);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "[$-809]dd mmmm yyyy;@"), SP_XLSX_DATE);
    /* No day: the month, read as its last day (sp_xlsx_format_number). */
    ck_assert_int_eq(sp_xlsx_format_kind(164, "mmm-yy"), SP_XLSX_MONTH);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "mmmm yyyy"), SP_XLSX_MONTH);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "mm/yyyy"), SP_XLSX_MONTH);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "[$-809]mmmm yyyy;@"), SP_XLSX_MONTH);
    ck_assert_uint_eq(sp_xlsx_format_decimals(2, NULL), 2);
    ck_assert_uint_eq(sp_xlsx_format_decimals(0, NULL), 0);
    ck_assert_uint_eq(sp_xlsx_format_decimals(164, "0.0"), 1);
    ck_assert_uint_eq(sp_xlsx_format_decimals(164, "#0.000"), 3);
    ck_assert_uint_eq(sp_xlsx_format_decimals(164, "#,##0.00"), 0); /* shown as General */
    ck_assert_uint_eq(sp_xlsx_format_decimals(164, "0.00;[Red]-0.00"), 0);
    ck_assert_uint_eq(sp_xlsx_format_decimals(164, "0"), 0);
    char month[32];
    sp_xlsx_format_number(month, sizeof month, 43160, SP_XLSX_MONTH, false);
    ck_assert_str_eq(month, "March 2018");
    ck_assert_int_eq(sp_xlsx_format_kind(164, "yyyy-mm-dd hh:mm"), SP_XLSX_DATETIME);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "h:mm"), SP_XLSX_TIME);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "[h]:mm:ss"), SP_XLSX_TIME);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "0.00%"), SP_XLSX_PERCENT);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "#,##0.00"), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "[Red]0.00"), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "0 \"days\""), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "0\\d"), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "0.00E+00"), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "General"), SP_XLSX_NUMBER);
    ck_assert_int_eq(sp_xlsx_format_kind(164, "[$£-809]#,##0.00"), SP_XLSX_NUMBER);
}
END_TEST

START_TEST(dates_1900)
{
    ck_assert_str_eq(shown(1, SP_XLSX_DATE, false), "1900-01-01");
    ck_assert_str_eq(shown(59, SP_XLSX_DATE, false), "1900-02-28");
    /* Excel's (and Lotus 1-2-3's) 29 February 1900, which never was. */
    ck_assert_str_eq(shown(60, SP_XLSX_DATE, false), "1900-02-29");
    ck_assert_str_eq(shown(61, SP_XLSX_DATE, false), "1900-03-01");
    ck_assert_str_eq(shown(0, SP_XLSX_DATE, false), "1900-01-00");
    ck_assert_str_eq(shown(41106, SP_XLSX_DATE, false), "2012-07-16");
    ck_assert_str_eq(shown(43190, SP_XLSX_DATE, false), "2018-03-31");
    ck_assert_str_eq(shown(2958465, SP_XLSX_DATE, false), "9999-12-31");
    ck_assert_str_eq(shown(2958466, SP_XLSX_DATE, false), "2958466");
    ck_assert_str_eq(shown(-1, SP_XLSX_DATE, false), "-1");
    /* A date-time shows its date; 23:59:59.9 rounds to the next day. */
    ck_assert_str_eq(shown(43190.75, SP_XLSX_DATETIME, false), "2018-03-31");
    ck_assert_str_eq(shown(43190.999999999, SP_XLSX_DATETIME, false), "2018-04-01");
    ck_assert_str_eq(shown(0.5, SP_XLSX_TIME, false), "12:00:00");
    ck_assert_str_eq(shown(0.75 + 1.0 / 86400, SP_XLSX_TIME, false), "18:00:01");
}
END_TEST

START_TEST(dates_1904)
{
    ck_assert_str_eq(shown(0, SP_XLSX_DATE, true), "1904-01-01");
    ck_assert_str_eq(shown(1, SP_XLSX_DATE, true), "1904-01-02");
    ck_assert_str_eq(shown(59, SP_XLSX_DATE, true), "1904-02-29"); /* a real leap day */
    ck_assert_str_eq(shown(41728, SP_XLSX_DATE, true), "2018-03-31");
    ck_assert_str_eq(shown(43190 - 1462, SP_XLSX_DATE, true), "2018-03-31");
}
END_TEST

START_TEST(numbers)
{
    ck_assert_str_eq(shown(3, SP_XLSX_NUMBER, false), "3");
    ck_assert_str_eq(shown(0.1 + 0.2, SP_XLSX_NUMBER, false), "0.3");
    ck_assert_str_eq(shown(3.0000001, SP_XLSX_NUMBER, false), "3.0000001");
    ck_assert_str_eq(shown(2.5, SP_XLSX_NUMBER, false), "2.5");
    ck_assert_str_eq(shown(-0.0, SP_XLSX_NUMBER, false), "0");
    ck_assert_str_eq(shown(1234567, SP_XLSX_NUMBER, false), "1234567");
    ck_assert_str_eq(shown(123456789012345.0, SP_XLSX_NUMBER, false), "123456789012345");
    ck_assert_str_eq(shown(0.125, SP_XLSX_PERCENT, false), "12.5%");
    ck_assert_str_eq(shown(0.95, SP_XLSX_PERCENT, false), "95%");
}
END_TEST

START_TEST(cell_names)
{
    char out[16];
    size_t row = 0, col = 0;
    sp_xlsx_cell_name(out, sizeof out, 7, 3);
    ck_assert_str_eq(out, "C7");
    sp_xlsx_cell_name(out, sizeof out, 1, 26);
    ck_assert_str_eq(out, "Z1");
    sp_xlsx_cell_name(out, sizeof out, 1, 27);
    ck_assert_str_eq(out, "AA1");
    sp_xlsx_cell_name(out, sizeof out, 1048576, 16384);
    ck_assert_str_eq(out, "XFD1048576");
    ck_assert(xlsx_parse_ref("XFD1048576", &row, &col));
    ck_assert_uint_eq(row, 1048576);
    ck_assert_uint_eq(col, 16384);
    ck_assert(xlsx_parse_ref("d5", &row, &col));
    ck_assert_uint_eq(col, 4);
    ck_assert(!xlsx_parse_ref("XFE1", &row, &col));
    ck_assert(!xlsx_parse_ref("A0", &row, &col));
    ck_assert(!xlsx_parse_ref("A1048577", &row, &col));
    ck_assert(!xlsx_parse_ref("ABCD1", &row, &col));
    ck_assert(!xlsx_parse_ref("5", &row, &col));
    ck_assert(!xlsx_parse_ref("A5x", &row, &col));
}
END_TEST

START_TEST(escapes)
{
    xlsx_buf b = {0};
    const char *text = "a_x000D_b_x0041__x005F_x_xZZZZ__x0000__x00e9_";
    ck_assert_int_eq(xlsx_buf_add(&b, text, strlen(text), 1000), SP_OK);
    xlsx_unescape(&b);
    ck_assert_str_eq(b.p, "a\rbA_x_xZZZZ__x0000_\xc3\xa9");
    ck_assert_uint_eq(b.len, strlen(b.p));
    free(b.p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Whole workbooks                                                     */

typedef struct part {
    const char *name, *xml;
} part;

static char *packed;
static size_t packed_len;

/* Packs the parts into a zip in memory (packed, packed_len). */
static void pack(const part *parts, size_t n)
{
    char path[] = "/tmp/sp-xlsx-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    int err = 0;
    zip_t *z = zip_open(path, ZIP_TRUNCATE, &err);
    ck_assert_ptr_nonnull(z);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(z, parts[i].xml, strlen(parts[i].xml), 0);
        ck_assert_int_ge(zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8), 0);
    }
    ck_assert_int_eq(zip_close(z), 0);
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    free(packed);
    packed = malloc((size_t)size);
    packed_len = fread(packed, 1, (size_t)size, f);
    ck_assert_uint_eq(packed_len, (size_t)size);
    fclose(f);
    unlink(path);
}

static const char *const workbook_xml =
    "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" RELS "\"><sheets>"
    "<sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Second sheet\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
static const char *const rels_xml =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" RELS "/worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";
static const char *const styles_xml =
    "<styleSheet xmlns=\"" MAIN "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
    "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"9\"/></cellXfs>"
    "</styleSheet>";
static const char *const sst_xml =
    "<sst xmlns=\"" MAIN "\"><si><t>Ref</t></si>"
    "<si><r><t>Fin</t></r><r><rPr><b/></rPr><t>ding</t></r></si>"
    "<si><t>Supervision</t><rPh><t>X</t></rPh></si></sst>";

static void pack_workbook(const char *sheet1, const char *sheet2)
{
    part parts[] = {{"xl/workbook.xml", workbook_xml},
                    {"xl/_rels/workbook.xml.rels", rels_xml},
                    {"xl/styles.xml", styles_xml},
                    {"xl/sharedStrings.xml", sst_xml},
                    {"xl/worksheets/sheet1.xml", sheet1},
                    {"xl/worksheets/sheet2.xml", sheet2}};
    pack(parts, sizeof parts / sizeof parts[0]);
}

/* The rows read, "LINE:f1|f2|...;" each. */
static char got[4096];
static int collect(void *ctx, const sp_csv_row *row)
{
    (void)ctx;
    size_t n = strlen(got);
    n += (size_t)snprintf(got + n, sizeof got - n, "%zu%s:", row->line,
                          row->hidden_row ? "(hidden)" : "");
    for (size_t i = 0; i < row->count; i++) {
        ck_assert_uint_eq(strlen(row->fields[i].data), row->fields[i].len);
        n += (size_t)snprintf(got + n, sizeof got - n, "%s%s%s", i ? "|" : "",
                              row->fields[i].data, row->hidden && row->hidden[i] ? "*" : "");
    }
    snprintf(got + n, sizeof got - n, ";");
    return 0;
}

static int read_sheet(sp_xlsx_error *err, const char *name)
{
    sp_xlsx *x;
    got[0] = '\0';
    int rc = sp_xlsx_open(&x, err, packed, packed_len);
    if (rc != SP_OK)
        return rc;
    long i = sp_xlsx_find_sheet(x, name);
    ck_assert_int_ge(i, 0);
    rc = sp_xlsx_read(x, (size_t)i, err, collect, NULL);
    sp_xlsx_free(x);
    return rc;
}

#define SHEET(rows) "<worksheet xmlns=\"" MAIN "\"><sheetData>" rows "</sheetData></worksheet>"

START_TEST(reads_cells)
{
    sp_xlsx_error err;
    pack_workbook(
        SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
              "<c r=\"D1\" t=\"inlineStr\"><is><t>Due</t></is></c></row>"
              "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c>"
              "<c r=\"C3\" s=\"2\"><v>0.5</v></c><c r=\"D3\" s=\"1\"><v>43190</v></c></row>"
              "<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\" t=\"b\"><v>1</v></c>"
              "<c r=\"D4\" t=\"e\"><v>#N/A</v></c><c r=\"E4\" s=\"1\"/></row>"
              "<row r=\"5\"><c r=\"F5\" s=\"1\"/></row>"),
        SHEET("<row r=\"2\"><c r=\"B2\" t=\"str\"><v>x</v></c></row>"));
    ck_assert_int_eq(read_sheet(&err, "plan"), SP_OK);
    /* Width D (the last column with a value); row 5 has only a styled empty
     * cell and is skipped; C1 and row 2 are gaps. */
    ck_assert_str_eq(got, "1:Ref|Finding||Due;3:1|Supervision|50%|2018-03-31;4:|TRUE||#N/A;");
    ck_assert_int_eq(read_sheet(&err, "SECOND SHEET"), SP_OK);
    ck_assert_str_eq(got, "2:|x;");
}
END_TEST

START_TEST(merged_cells)
{
    sp_xlsx_error err;
    pack_workbook(
        "<worksheet xmlns=\"" MAIN "\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>F</t></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>A</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Finding one</t></is></c>"
        "<c r=\"B2\" t=\"inlineStr\"><is><t>a1</t></is></c></row>"
        "<row r=\"3\"><c r=\"A3\"/><c r=\"B3\" t=\"inlineStr\"><is><t>a2</t></is></c></row>"
        "<row r=\"4\"><c r=\"A4\"/></row>"
        "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>a3</t></is></c></row>"
        "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>Wide</t></is></c></row>"
        "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>Finding two</t></is></c>"
        "<c r=\"B7\" t=\"inlineStr\"><is><t>b1</t></is></c></row>"
        "<row r=\"8\"><c r=\"B8\" t=\"inlineStr\"><is><t>b2</t></is></c></row>"
        "</sheetData><mergeCells><mergeCell ref=\"A2:A5\"/><mergeCell ref=\"A6:Z6\"/>"
        "<mergeCell ref=\"A7:A8\"/></mergeCells></worksheet>",
        SHEET(""));
    ck_assert_int_eq(read_sheet(&err, "Plan"), SP_OK);
    /* Row 4 is inside the merge but has nothing of its own; a merge wider
     * than the sheet's data fills only the sheet's columns; a merge's value
     * is let go once its rows have passed, and the next in the column has
     * its own. */
    ck_assert_str_eq(got, "1:F|A;2:Finding one|a1;3:Finding one|a2;5:Finding one|a3;"
                          "6:Wide|Wide;7:Finding two|b1;8:Finding two|b2;");
}
END_TEST

START_TEST(cells_without_references)
{
    sp_xlsx_error err;
    pack_workbook(SHEET("<row><c><v>1</v></c><c/><c><v>3</v></c></row>"
                        "<row><c t=\"inlineStr\"><is><t>two</t></is></c></row>"),
                  SHEET(""));
    ck_assert_int_eq(read_sheet(&err, "Plan"), SP_OK);
    ck_assert_str_eq(got, "1:1||3;2:two||;");
}
END_TEST

#define CELLS(n, a, b, c)                                                                  \
    "<c r=\"A" n "\" t=\"inlineStr\"><is><t>" a "</t></is></c>"                             \
    "<c r=\"B" n "\" t=\"inlineStr\"><is><t>" b "</t></is></c>"                             \
    "<c r=\"C" n "\" t=\"inlineStr\"><is><t>" c "</t></is></c>"

START_TEST(hidden_columns_and_rows)
{
    sp_xlsx_error err;
    /* The reader delivers what is hidden, flagged: the importer decides
     * (import.c). A hidden column past the values flags nothing; a row a
     * filter hides is not flagged (a filter is a view). */
    pack_workbook(
        "<worksheet xmlns=\"" MAIN "\"><cols><col min=\"2\" max=\"2\" hidden=\"1\"/>"
        "<col min=\"3\" max=\"3\" width=\"9\"/></cols><sheetData>"
        "<row r=\"1\">" CELLS("1", "a", "b", "c") "</row>"
        "<row r=\"2\" hidden=\"true\">" CELLS("2", "d", "e", "f") "</row>"
        "<row r=\"3\" hidden=\"0\">" CELLS("3", "g", "h", "i") "</row>"
        "</sheetData></worksheet>",
        "<worksheet xmlns=\"" MAIN "\"><cols><col min=\"4\" max=\"9\" hidden=\"1\"/></cols>"
        "<sheetData><row r=\"1\">" CELLS("1", "a", "b", "c") "</row>"
        "<row r=\"2\" hidden=\"1\">" CELLS("2", "d", "e", "f") "</row>"
        "</sheetData><autoFilter ref=\"A1:C2\"/></worksheet>");
    ck_assert_int_eq(read_sheet(&err, "Plan"), SP_OK);
    ck_assert_str_eq(got, "1:a|b*|c;2(hidden):d|e*|f;3:g|h*|i;");
    ck_assert_int_eq(read_sheet(&err, "Second sheet"), SP_OK);
    ck_assert_str_eq(got, "1:a|b|c;2:d|e|f;");
}
END_TEST

/* Opens or reads, expecting failure with the message starting `text`. */
static void refused(const char *text, size_t row, size_t column)
{
    sp_xlsx_error err;
    int rc = read_sheet(&err, "Plan");
    ck_assert_int_eq(rc, SP_EINVALID);
    ck_assert_msg(strncmp(err.message, text, strlen(text)) == 0, "got: %s", err.message);
    ck_assert_uint_eq(err.row, row);
    ck_assert_uint_eq(err.column, column);
}

START_TEST(bad_workbooks)
{
    sp_xlsx_error err;
    sp_xlsx *x;
    ck_assert_int_eq(sp_xlsx_open(&x, &err, "a,b\r\n", 5), SP_EINVALID);
    ck_assert_str_eq(err.message, "not a zip file, so not an Excel workbook (.xlsx)");
    ck_assert_ptr_null(x);

    part none[] = {{"content.xml", "<x/>"}};
    pack(none, 1);
    ck_assert_int_eq(sp_xlsx_open(&x, &err, packed, packed_len), SP_EINVALID);
    ck_assert_str_eq(err.message, "a zip file with no xl/workbook.xml: an OpenDocument file "
                                  "(.ods): save it from LibreOffice as .xlsx");

    pack_workbook(SHEET("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                        "<row r=\"7\"><c r=\"C7\" t=\"s\"><v>9</v></c></row>"), SHEET(""));
    refused("the cell refers to shared string '9', which the workbook does not have", 7, 3);

    pack_workbook(SHEET("<row r=\"2\"/><row r=\"2\"/>"), SHEET(""));
    refused("sheet 'Plan' has a row numbered '2' after row 2", 0, 0);
    pack_workbook(SHEET("<row r=\"2\"><c r=\"C2\"/><c r=\"B2\"/></row>"), SHEET(""));
    refused("sheet 'Plan' has a cell 'B2' out of place in row 2", 0, 0);
    pack_workbook(SHEET("<row r=\"1\"><c r=\"A1\"><v>1x</v></c></row>"), SHEET(""));
    refused("a number cell holds '1x'", 1, 1);
    /* what strtod alone would read, but no spreadsheet stores */
    static const char *const odd[] = {"0x10", " 12", "inf", "nan", "1e999", "1e", ".", "+"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        char sheet[256], want[64];
        snprintf(sheet, sizeof sheet, SHEET("<row r=\"1\"><c r=\"A1\"><v>%s</v></c></row>"),
                 odd[i]);
        pack_workbook(sheet, SHEET(""));
        snprintf(want, sizeof want, "a number cell holds '%s'", odd[i]);
        refused(want, 1, 1);
    }
    pack_workbook(SHEET("<row r=\"1\"><c r=\"A1\"><v>-1.5E+3</v></c><c r=\"B1\"><v>.5</v></c>"
                        "<c r=\"C1\"><v>7.</v></c></row>"), SHEET(""));
    sp_xlsx_error ok;
    ck_assert_int_eq(read_sheet(&ok, "Plan"), SP_OK);
    pack_workbook("<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", SHEET(""));
    refused("xl/worksheets/sheet1.xml declares a DTD", 0, 0);
    pack_workbook("<worksheet><sheetData>", SHEET(""));
    refused("xl/worksheets/sheet1.xml is not well-formed XML", 0, 0);
    pack_workbook("<worksheet xmlns=\"" MAIN "\"><mergeCells><mergeCell ref=\"B2\"/>"
                  "</mergeCells></worksheet>", SHEET(""));
    refused("sheet 'Plan' has a merged range 'B2'", 0, 0);
}
END_TEST

START_TEST(zip_bomb)
{
    /* 8 MiB of spaces packs into a few KiB: far past 100 to 1. */
    size_t n = (size_t)8 << 20;
    char *xml = malloc(n + 200);
    snprintf(xml, 200, "<worksheet xmlns=\"" MAIN "\"><sheetData>");
    size_t at = strlen(xml);
    memset(xml + at, ' ', n);
    strcpy(xml + at + n, "</sheetData></worksheet>");
    pack_workbook(xml, SHEET(""));
    refused("xl/worksheets/sheet1.xml unpacks to more than 100 times its packed size", 0, 0);
    free(xml);
}
END_TEST

START_TEST(signatures)
{
    static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    ck_assert(sp_xlsx_is_ole(ole, 8));
    ck_assert(!sp_xlsx_is_ole(ole, 7));
    ck_assert(sp_xlsx_is_zip("PK\3\4", 4));
    ck_assert(sp_xlsx_is_zip("PK\5\6", 4));
    ck_assert(!sp_xlsx_is_zip("PK\1\2", 4));
    ck_assert(!sp_xlsx_is_zip("Ref,", 4));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Shared strings past the memory budget                               */

/* xml grown by printf-style pieces. */
static void add(xlsx_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(xlsx_buf *b, const char *fmt, ...)
{
    char piece[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    ck_assert(n > 0 && (size_t)n < sizeof piece);
    ck_assert_int_eq(xlsx_buf_add(b, piece, (size_t)n, SIZE_MAX), SP_OK);
}

/* Every row read, appended (a rolling buffer would hide a wrong cell). */
static int append_rows(void *ctx, const sp_csv_row *row)
{
    xlsx_buf *b = ctx;
    add(b, "%zu:", row->line);
    for (size_t i = 0; i < row->count; i++) {
        ck_assert_uint_eq(strlen(row->fields[i].data), row->fields[i].len);
        ck_assert_int_eq(xlsx_buf_add(b, row->fields[i].data, row->fields[i].len, SIZE_MAX),
                         SP_OK);
        add(b, "|");
    }
    add(b, ";\n");
    return 0;
}

/* Reads sheet "Plan" of the packed workbook from `from` into rows. */
static void read_rows(xlsx_buf *rows, sp_xlsx_source *from, size_t *in_memory, size_t *n)
{
    sp_xlsx_error err;
    sp_xlsx *x;
    from->data = packed;
    from->len = packed_len;
    ck_assert_int_eq(sp_xlsx_open_source(&x, &err, from), SP_OK);
    *in_memory = x->in_memory;
    *n = x->nstrings;
    ck_assert_int_eq(sp_xlsx_read(x, 0, &err, append_rows, rows), SP_OK);
    sp_xlsx_free(x);
}

/* A workbook's texts past the budget are sealed in a spill beside the
 * plan and read back from it: the rows are the same as with every text in
 * memory, for texts long and short, empty, escaped and rich, referred to
 * out of order and again. */
START_TEST(shared_strings_past_the_budget_are_sealed)
{
    enum { N = 3000 };
    xlsx_buf sst = {0}, sheet = {0};
    add(&sst, "<sst xmlns=\"" MAIN "\">");
    for (int i = 0; i < N; i++) {
        if (i % 500 == 7)
            add(&sst, "<si><t/></si>");
        else if (i % 3 == 0)
            add(&sst, "<si><r><t>Action %d, </t></r><r><t>run two</t></r></si>", i);
        else
            add(&sst, "<si><t xml:space=\"preserve\">text %d_x000D_ %.*s</t></si>", i,
                i % 120, "Review the supervision audit of every team, every quarter, and "
                "report to the board; a longer text than most cells hold, for the budget");
    }
    add(&sst, "</sst>");
    add(&sheet, "<worksheet xmlns=\"" MAIN "\"><sheetData>");
    for (int r = 1; r <= 1000; r++) {
        add(&sheet, "<row r=\"%d\">", r);
        for (int c = 0; c < 3; c++)
            add(&sheet, "<c r=\"%c%d\" t=\"s\"><v>%d</v></c>", 'A' + c, r,
                (r * 7919 + c * 1237) % N);
        add(&sheet, "</row>");
    }
    add(&sheet, "</sheetData></worksheet>");
    part parts[] = {{"xl/workbook.xml", workbook_xml},
                    {"xl/_rels/workbook.xml.rels", rels_xml},
                    {"xl/sharedStrings.xml", sst.p},
                    {"xl/worksheets/sheet1.xml", sheet.p},
                    {"xl/worksheets/sheet2.xml", SHEET("")}};
    pack(parts, sizeof parts / sizeof parts[0]);

    char dir[] = "/tmp/sp-xlsx-spill-XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/plan.db", dir);
    sp_db *db;
    ck_assert_int_eq(sp_open(&db, path, SP_OPEN_CREATE), SP_OK);
    xlsx_buf all = {0}, spilled = {0};
    size_t kept, n;
    sp_xlsx_source memory = {0}, spill = {NULL, NULL, 0, db, 4096};
    read_rows(&all, &memory, &kept, &n);
    ck_assert_uint_eq(kept, N);
    read_rows(&spilled, &spill, &kept, &n);
    ck_assert_uint_eq(n, N);
    ck_assert_uint_gt(kept, 10);
    ck_assert_uint_lt(kept, N / 10); /* most are sealed */
    ck_assert_uint_eq(spilled.len, all.len);
    ck_assert_str_eq(spilled.p, all.p);
    ck_assert_ptr_nonnull(strstr(all.p, "Action 2997, run two|"));
    ck_assert_ptr_nonnull(strstr(all.p, "text 2999\r Review"));
    sp_close(db);
    static const char *const files[] = {"", "-wal", "-shm"}; /* the plan's */
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char file[80];
        snprintf(file, sizeof file, "%s%s", path, files[i]);
        unlink(file);
    }
    ck_assert_int_eq(rmdir(dir), 0);
    free(sst.p);
    free(sheet.p);
    free(all.p);
    free(spilled.p);
}
END_TEST

/* Each text costs memory however it is kept: more of them than Excel has
 * rows is refused, before the sheet is read. */
START_TEST(too_many_shared_strings)
{
    xlsx_buf sst = {0};
    add(&sst, "<sst xmlns=\"" MAIN "\">");
    for (size_t i = 0; i <= SP_XLSX_MAX_STRINGS; i++)
        add(&sst, "<si><t>%zx</t></si>", i * 2654435761u);
    add(&sst, "</sst>");
    part parts[] = {{"xl/workbook.xml", workbook_xml},
                    {"xl/_rels/workbook.xml.rels", rels_xml},
                    {"xl/sharedStrings.xml", sst.p},
                    {"xl/worksheets/sheet1.xml", SHEET("")},
                    {"xl/worksheets/sheet2.xml", SHEET("")}};
    pack(parts, sizeof parts / sizeof parts[0]);
    refused("the workbook has more than 1048576 different texts (shared strings)", 0, 0);
    free(sst.p);
}
END_TEST

static void cleanup(void)
{
    free(packed);
    packed = NULL;
}

static Suite *suite(void)
{
    Suite *s = suite_create("xlsx");
    TCase *t = tcase_create("values");
    tcase_add_test(t, hidden_columns_and_rows);
    tcase_add_test(t, builtin_formats);
    tcase_add_test(t, custom_formats);
    tcase_add_test(t, dates_1900);
    tcase_add_test(t, dates_1904);
    tcase_add_test(t, numbers);
    tcase_add_test(t, cell_names);
    tcase_add_test(t, escapes);
    tcase_add_test(t, signatures);
    suite_add_tcase(s, t);
    t = tcase_create("workbooks");
    tcase_add_checked_fixture(t, NULL, cleanup);
    tcase_add_test(t, reads_cells);
    tcase_add_test(t, merged_cells);
    tcase_add_test(t, cells_without_references);
    tcase_add_test(t, bad_workbooks);
    tcase_add_test(t, zip_bomb);
    tcase_add_test(t, shared_strings_past_the_budget_are_sealed);
    tcase_add_test(t, too_many_shared_strings);
    tcase_set_timeout(t, 30);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
