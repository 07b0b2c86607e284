/*
 * libFuzzer target: the workbook reader (xlsx.c, xlsx_sheet.c).
 *
 * An input that begins with "PK" is a whole .xlsx file, fed as it is (the
 * zip layer and the limits). Anything else is the XML of the workbook's
 * parts, separated by lines "--part--", in the order sheet1.xml,
 * sharedStrings.xml, styles.xml, workbook.xml, workbook.xml.rels; parts not
 * given are ordinary ones. The harness packs them into a zip with libzip
 * (so mutations reach the XML, not a checksum), opens it and reads every
 * sheet. Oracles beyond "no crash, no sanitizer report":
 *  1. a failure has a code and a message; a cell it names is a real one
 *     (row 1..1048576, column 1..16384);
 *  2. rows come in increasing line order, all of the same width, with at
 *     least one non-empty field; every field is NUL-terminated at its
 *     length and is valid UTF-8;
 *  3. reading the same sheet twice gives the same rows (the two passes and
 *     the merged cells carry no state over);
 *  4. the workbook opened with its shared strings sealed in a spill (a
 *     budget of one byte in memory) opens the same way and gives the same
 *     rows as with them all in memory.
 */
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

static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                    "xl/styles.xml", "xl/workbook.xml",
                                    "xl/_rels/workbook.xml.rels"};
static const char *const defaults[] = {
    "<worksheet xmlns=\"" MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "</row></sheetData></worksheet>",
    "<sst xmlns=\"" MAIN "\"><si><t>Ref</t></si></sst>",
    "<styleSheet xmlns=\"" MAIN "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "</cellXfs></styleSheet>",
    "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" RELS "\"><sheets><sheet name=\"Plan\" "
    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>"};

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_xlsx: %s\n", what);
    abort();
}

static bool valid_utf8(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = b[i];
        size_t need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                    : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
        if (need == 9 || (need > 0 && i + need >= n))
            return false;
        for (size_t k = 1; k <= need; k++)
            if ((b[i + k] & 0xC0) != 0x80)
                return false;
        i += need + 1;
    }
    return true;
}

/* A digest of the rows read, for oracle 3. */
typedef struct seen {
    size_t rows, width, last_line;
    uint64_t hash;
} seen;

static int on_row(void *ctx, const sp_csv_row *row)
{
    seen *s = ctx;
    if (row->line <= s->last_line || row->line > SP_XLSX_LAST_ROW)
        fail("rows out of order");
    if (s->rows > 0 && row->count != s->width)
        fail("rows of different widths");
    bool any = false;
    for (size_t i = 0; i < row->count; i++) {
        const sp_csv_field *f = &row->fields[i];
        if (f->data[f->len] != '\0' || !valid_utf8((const unsigned char *)f->data, f->len))
            fail("a field is not NUL-terminated UTF-8");
        any = any || f->len > 0;
        for (size_t k = 0; k < f->len; k++)
            s->hash = (s->hash ^ (unsigned char)f->data[k]) * 1099511628211u;
        s->hash = (s->hash ^ 0xFF) * 1099511628211u;
    }
    if (!any)
        fail("an empty row was delivered");
    s->width = row->count;
    s->last_line = row->line;
    s->rows++;
    return 0;
}

static void check_error(const sp_xlsx_error *e, int rc)
{
    if (rc != e->code || !e->message[0])
        fail("a failure without its code or message");
    if (e->column > SP_XLSX_MAX_COLS || e->row > SP_XLSX_LAST_ROW ||
        (e->column > 0 && e->row == 0))
        fail("a failure names a cell that cannot be");
}

/* The plan beside which oracle 4's spills are made: one for the process,
 * removed when it ends. */
static char plan_dir[] = "/tmp/fuzz-xlsx-XXXXXX";
static sp_db *plan;

static void remove_plan(void)
{
    static const char *const files[] = {"plan.db", "plan.db-wal", "plan.db-shm"};
    char path[64];
    sp_close(plan);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", plan_dir, files[i]);
        unlink(path);
    }
    rmdir(plan_dir);
}

static sp_db *spill_plan(void)
{
    char path[64];
    if (plan)
        return plan;
    if (!mkdtemp(plan_dir))
        fail("cannot make a directory for the spill's plan");
    snprintf(path, sizeof path, "%s/plan.db", plan_dir);
    if (sp_open(&plan, path, SP_OPEN_CREATE) != SP_OK)
        fail("cannot make the spill's plan");
    atexit(remove_plan);
    return plan;
}

/* Opens the workbook with its shared strings in memory, or sealed in a spill. */
static int open_workbook(sp_xlsx **x, sp_xlsx_error *err, const void *data, size_t len,
                         bool sealed)
{
    sp_xlsx_source src = {NULL, data, len, sealed ? spill_plan() : NULL, 1};
    int rc = sp_xlsx_open_source(x, err, &src);
    if (rc != SP_OK) {
        if (*x)
            fail("a failed open returned a workbook");
        check_error(err, rc);
    }
    return rc;
}

static void read_all(const void *data, size_t len)
{
    sp_xlsx_error err, err2;
    sp_xlsx *x, *y;
    int rc = open_workbook(&x, &err, data, len, false);
    if (open_workbook(&y, &err2, data, len, true) != rc ||
        (rc != SP_OK && strcmp(err.message, err2.message) != 0))
        fail("the workbook opened otherwise with its strings sealed");
    if (rc != SP_OK)
        return;
    for (size_t i = 0; i < sp_xlsx_sheet_count(x); i++) {
        seen a = {0, 0, 0, 14695981039346656037u}, b = a, c = a;
        int rc1 = sp_xlsx_read(x, i, &err, on_row, &a);
        if (rc1 != SP_OK)
            check_error(&err, rc1);
        int rc2 = sp_xlsx_read(x, i, &err, on_row, &b);
        if (rc1 != rc2 || a.rows != b.rows || a.hash != b.hash)
            fail("the same sheet read twice gave different rows");
        int rc3 = sp_xlsx_read(y, i, &err2, on_row, &c);
        if (rc1 != rc3 || a.rows != c.rows || a.hash != c.hash)
            fail("the sheet read with its strings sealed gave different rows");
    }
    sp_xlsx_free(x);
    sp_xlsx_free(y);
}

/* Packs the parts into a zip in memory; NULL if libzip refuses. */
static void *pack(const char *const *parts, const size_t *lens, size_t *out_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    void *data = NULL;
    if (!z) {
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_source_keep(src);
    for (size_t i = 0; i < 5; i++) {
        zip_source_t *s = zip_source_buffer(z, parts[i], lens[i], 0);
        zip_int64_t at = s ? zip_file_add(z, names[i], s, 0) : -1;
        if (at < 0) /* stored, not deflated: packing is then cheap */
            zip_source_free(s);
        else
            zip_set_file_compression(z, (zip_uint64_t)at, ZIP_CM_STORE, 0);
    }
    zip_stat_t st;
    if (zip_close(z) != 0) {
        zip_discard(z);
    } else if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        data = malloc(st.size ? st.size : 1);
        if (data && zip_source_read(src, data, st.size) == (zip_int64_t)st.size) {
            *out_len = st.size;
        } else {
            free(data);
            data = NULL;
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return data;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        read_all(data, size);
        return 0;
    }
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    const char *parts[5];
    size_t lens[5];
    char *p = copy;
    for (size_t i = 0; i < 5; i++) {
        char *sep = p ? strstr(p, "\n--part--\n") : NULL;
        parts[i] = p ? p : defaults[i];
        lens[i] = p ? (sep ? (size_t)(sep - p) : strlen(p)) : strlen(defaults[i]);
        p = sep ? sep + 10 : NULL;
    }
    size_t len = 0;
    void *zip = pack(parts, lens, &len);
    if (zip)
        read_all(zip, len);
    free(zip);
    free(copy);
    return 0;
}
