/* Export and import: export.c, import*.c — the round trip (byte-identical
 * re-export of the example plan and of a plan full of awkward text), the
 * formula guard, council sheets, malformed files, all-or-nothing, dry runs,
 * updates of existing actions, --map, and the bulk load's indexes. Every
 * test works on real database files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "import.h"

#define TODAY "2017-07-01"
#define AUTHOR "Test Officer"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct buf {
    char *data;
    size_t len;
} buf;

/* The export of db as of TODAY (its history: of every day), in memory. */
static buf export_of(sp_db *db, const sp_filter *filter, unsigned flags)
{
    buf b = {NULL, 0};
    FILE *f = open_memstream(&b.data, &b.len);
    ck_assert_ptr_nonnull(f);
    int64_t rows = -1;
    int rc = sp_export(&rows, db, f, flags & SP_EXPORT_HISTORY ? NULL : TODAY, filter, flags);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_msg(rc == SP_OK, "export: %s", sp_errmsg(db));
    ck_assert_int_ge(rows, 0);
    return b;
}

/* A second, empty database in the test's directory. */
static sp_db *open_other(const char *name)
{
    char path[400];
    sp_db *db = NULL;
    snprintf(path, sizeof path, "%s/%s", fx_dir, name);
    ck_assert_msg(sp_open(&db, path, SP_OPEN_CREATE) == SP_OK, "%s", sp_errmsg(db));
    ck_assert_int_eq(sp_set_today(db, TODAY), SP_OK);
    return db;
}

static sp_import_result *import_text(sp_db *db, const char *text, const sp_import_options *o,
                                     int want)
{
    sp_import_result *r = NULL;
    int rc = sp_import_buffer(&r, db, text, strlen(text), o);
    ck_assert_ptr_nonnull(r);
    ck_assert_msg(rc == want, "import returned %d (%s), wanted %d; first error: %s", rc,
                  sp_errmsg(db), want, r->nerrors ? r->errors[0] : "none");
    return r;
}

static long long count(const char *path, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    return fx_raw_int(path, sql);
}

/* Every row of every table, as one number that changes if anything does. */
static unsigned long long fingerprint(const char *path)
{
    static const char *const tables[] = {"authority", "review", "finding", "owner",
                                         "action", "action_update"};
    unsigned long long f = 0; /* unsigned: the hash may wrap, by design */
    for (size_t i = 0; i < 6; i++)
        f = f * 1000003u + (unsigned long long)count(path, tables[i]);
    return f * 31u + (unsigned long long)fx_raw_int(path, "SELECT total(length(status) + "
                                                          "length(due_on)) FROM action");
}

static void plan(void)
{
    fx_minimal_plan();
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
}

static char *read_source_file(const char *rel, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SP_SOURCE_DIR, rel);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *data = malloc(1 << 16);
    *len = fread(data, 1, 1 << 16, f);
    fclose(f);
    data[*len] = '\0';
    return data;
}

/* ------------------------------------------------------------------ */
/* The export's columns are the importer's fields                      */

START_TEST(export_header_is_the_field_list)
{
    buf b = export_of(fx_db, NULL, 0);
    char want[1024] = "";
    for (int f = 0; f < F_EXPORTED; f++) {
        strcat(want, imp_field_name((imp_field)f));
        strcat(want, f + 1 < F_EXPORTED ? "," : "\r\n");
    }
    ck_assert_uint_eq(b.len, strlen(want));
    ck_assert_int_eq(memcmp(b.data, want, b.len), 0);
    free(b.data);
    /* The list messages give is the same list. */
    char names[1024] = "";
    for (int f = 0; f <= F_COUNT; f++) {
        strcat(names, imp_field_name((imp_field)f));
        strcat(names, f < F_COUNT ? ", " : "");
    }
    ck_assert_str_eq(imp_field_names(), names);
}
END_TEST

START_TEST(export_bom_and_bad_filter)
{
    plan();
    buf b = export_of(fx_db, NULL, SP_CSV_WITH_BOM);
    ck_assert_int_eq(memcmp(b.data, "\xEF\xBB\xBF" "authority,", 13), 0);
    free(b.data);
    /* A bad filter fails before a byte is written. */
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    sp_filter bad = {.authority = "nowhere"};
    ck_assert_int_eq(sp_export(NULL, fx_db, f, TODAY, &bad, SP_CSV_WITH_BOM), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "nowhere"));
    fclose(f);
    ck_assert_uint_eq(len, 0);
    free(data);
    f = fopen("/dev/full", "w");
    if (f) { /* a full disk is reported, not ignored */
        ck_assert_int_eq(sp_export(NULL, fx_db, f, TODAY, NULL, 0), SP_ERROR);
        ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "cannot write"));
        fclose(f);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Round trips                                                         */

/* An integer a statement on db's own connection gives. */
static int conn_int(sp_db *db, const char *sql)
{
    sqlite3_stmt *st;
    ck_assert_msg(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                  sqlite3_errmsg(db->sql));
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* PRAGMA temp_store and cache_size on the handle's connection; and the
 * schema's CHECKs, which a bulk load turns off while it writes, are on. */
static void settings(sp_db *db, int *temp_store, int *cache_size)
{
    *temp_store = conn_int(db, "SELECT temp_store FROM pragma_temp_store");
    *cache_size = conn_int(db, "SELECT cache_size FROM pragma_cache_size");
    ck_assert_int_eq(conn_int(db, "SELECT ignore_check_constraints FROM "
                                  "pragma_ignore_check_constraints"), 0);
}

/* A bulk load writes without the schema's CHECK constraints (the importer
 * has checked the values; sql/import.sql, bulk_checks_off). Every row of
 * every table it writes must pass them all the same: each is inserted
 * again into a copy of its table made by the table's own CREATE statement,
 * CHECKs and all. The WHERE keeps SQLite from copying the rows whole
 * without looking at them (its transfer optimisation trusts identical
 * CHECKs). */
static void assert_rows_pass_checks(sp_db *db)
{
    static const char *const tables[] = {"authority", "review", "finding", "owner", "action",
                                         "action_origin", "action_update", "journal"};
    char *err = NULL;
    /* The copies' REFERENCES would name tables of their own schema. They go
     * in an attached database, not temp: once a connection's temp database
     * is open, a bulk load cannot set temp_store inside its transaction
     * (the library never opens it). */
    ck_assert_int_eq(sqlite3_exec(db->sql, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' AS "
                                  "rules", NULL, NULL, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        sqlite3_stmt *st;
        ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT sql FROM main.sqlite_schema WHERE "
                                            "type = 'table' AND name = ?", -1, &st, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        const char *create = (const char *)sqlite3_column_text(st, 0);
        char *copy = sqlite3_mprintf("CREATE TABLE rules.checked %s; INSERT INTO rules.checked "
                                     "SELECT * FROM main.\"%w\" WHERE 1; DROP TABLE rules.checked",
                                     strchr(create, '('), tables[i]);
        sqlite3_finalize(st);
        int rc = sqlite3_exec(db->sql, copy, NULL, NULL, &err);
        ck_assert_msg(rc == SQLITE_OK, "a row of %s breaks the schema: %s", tables[i], err);
        sqlite3_free(copy);
    }
    ck_assert_int_eq(sqlite3_exec(db->sql, "DETACH rules; PRAGMA foreign_keys = ON", NULL, NULL,
                                  NULL), SQLITE_OK);
    ck_assert_int_gt(conn_int(db, "SELECT count(*) FROM action"), 0);
}

/* The indexes and triggers of each table, in the order the schema made
 * them. SQLite breaks ties between indexes that serve a query equally by
 * that order, and fires two triggers on one event in its reverse, so a
 * bulk load, which drops and makes them again, must keep it
 * (sql/import.sql, bulk_indexes). */
static char *schema_order(const char *path)
{
    return fx_raw_text(path, "SELECT group_concat(tbl_name || ' ' || name, char(10)) FROM "
                             "(SELECT tbl_name, name FROM sqlite_master WHERE type IN "
                             "('index', 'trigger') ORDER BY tbl_name, type, rowid)");
}

/* The plan of `owner list` counts each owner's open actions from the index
 * that holds them alone: with the indexes made again by name, a loaded
 * plan read every action's row instead (1.2 s at a million actions). */
static void owner_counts_from_their_index(sp_db *db)
{
    char *sql = sp_query_sql_filtered("owner/list", &(sp_filter){0});
    char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, explain, -1, &st, NULL), SQLITE_OK);
    bool open_owner = false;
    while (sqlite3_step(st) == SQLITE_ROW)
        open_owner |= strstr((const char *)sqlite3_column_text(st, 3),
                             "USING INDEX action_open_owner (owner_id=?)") != NULL;
    ck_assert_msg(open_owner, "owner list does not count from action_open_owner");
    sqlite3_finalize(st);
    sqlite3_free(explain);
    free(sql);
}

/* Export db, import into an empty database, export again: same bytes. */

static void assert_round_trip(sp_db *db, const char *other)
{
    buf first = export_of(db, NULL, SP_CSV_WITH_BOM);
    sp_db *copy = open_other(other);
    int temp_before, cache_before, temp_after, cache_after;
    settings(copy, &temp_before, &cache_before);
    sp_import_options o = {.name = "plan.csv", .author = AUTHOR};
    sp_import_result *r = NULL;
    int rc = sp_import_buffer(&r, copy, first.data, first.len, &o);
    ck_assert_msg(rc == SP_OK, "%s: %s", sp_errmsg(copy), r && r->nerrors ? r->errors[0] : "");
    ck_assert_int_eq(r->committed, 1);
    ck_assert_int_eq(r->rejected, 0);
    ck_assert_int_eq(r->created.actions, r->rows);
    /* The import's own settings (cache size, temp store for the bulk load's
     * index sorts) are put back as they were. */
    settings(copy, &temp_after, &cache_after);
    ck_assert_int_eq(temp_after, temp_before);
    ck_assert_int_eq(cache_after, cache_before);
    assert_rows_pass_checks(copy);
    buf second = export_of(copy, NULL, SP_CSV_WITH_BOM);
    ck_assert_uint_eq(second.len, first.len);
    ck_assert_msg(memcmp(first.data, second.data, first.len) == 0,
                  "the re-export differs from the export");
    /* Importing the same file again changes nothing. */
    sp_import_result_free(r);
    rc = sp_import_buffer(&r, copy, first.data, first.len, &o);
    ck_assert_int_eq(rc, SP_OK);
    ck_assert_int_eq(r->unchanged, r->rows);
    ck_assert_int_eq(r->updated + r->created.actions, 0);
    sp_import_result_free(r);
    sp_close(copy);
    free(first.data);
    free(second.data);
}

START_TEST(round_trip_example_plan)
{
    int added = 0;
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_gt(added, 10);
    assert_round_trip(fx_db, "copy.db");
    char path[400];
    snprintf(path, sizeof path, "%s/copy.db", fx_dir);
    ck_assert_int_eq(count(path, "action"), added);
    /* The bulk load built its indexes again. */
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                      "('action_owner', 'action_open_due', "
                                      "'action_open_finding', 'action_update_action')"),
                     4);
}
END_TEST

/* Text that breaks naive CSV and spreadsheets: every guarded first
 * character, apostrophes the guard must not eat, quotes, commas, line
 * ends, tabs, pound signs, curly quotes, emoji, a leading U+FEFF. */
static const char *const awkward[] = {
    "=1+1",           "+44 1803 201201",   "-5 days late",        "@risk",
    "\tindented",     "\rcarriage return", "\nline feed first",   "'=1+1",
    "'plain",         "''two apostrophes", "comma, inside",       "quote \"inside\"",
    "line\r\nbreak",  "lone\rCR",          "lone\nLF",            "tab\tinside",
    "£120,000 budget", "“curly” ‘quotes’", "emoji 🙂 in text",    "trailing space ",
    " leading space", "-",                 "'",                   "=",
    "\xEF\xBB\xBF" "starts with U+FEFF",   "=HYPERLINK(\"http://x\",\"y\")",
};
#define NAWKWARD (sizeof awkward / sizeof awkward[0])

static void awkward_objects(void)
{
    sp_authority_new a = {.code = "odd", .name = "Council, \"Odd\" = £ “Borough” 🙂"};
    ck_assert_msg(sp_authority_add(NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_review_new r = {.authority = "odd", .ref = "r-1", .kind = "ofsted_inspection",
                       .title = "=Review\r\ntitle, with \"quotes\"", .from = "2017-01-09",
                       .to = "2017-01-20", .reported = "2017-02-14",
                       .judgement = "'Requires improvement'"};
    ck_assert_msg(sp_review_add(NULL, fx_db, &r) == SP_OK, "%s", sp_errmsg(fx_db));
}

/* s as a name may have it: one line, so each tab, CR or LF a space (a
 * name with a control character is refused; texts keep theirs). */
static const char *one_line(char *out, size_t size, const char *s)
{
    snprintf(out, size, "%s", s);
    for (char *p = out; *p; p++)
        if (*p == '\t' || *p == '\r' || *p == '\n')
            *p = ' ';
    return out;
}

/* One finding and action per awkward string, in every text field (in
 * the owner's name, as one line). */
static void awkward_actions(void)
{
    for (size_t i = 0; i < NAWKWARD; i++) {
        char ref[8], finding[32], owner[96];
        snprintf(ref, sizeof ref, "%zu", i + 1);
        snprintf(finding, sizeof finding, "odd/r-1/%zu", i + 1);
        char name[64];
        snprintf(owner, sizeof owner, "%s owner %zu", one_line(name, sizeof name, awkward[i]), i);
        sp_finding_new f = {.review = "odd/r-1", .ref = ref, .kind = "area_for_improvement",
                            .theme = awkward[(i + 1) % NAWKWARD], .text = awkward[i]};
        ck_assert_msg(sp_finding_add(NULL, fx_db, &f) == SP_OK, "%zu: %s", i,
                      sp_errmsg(fx_db));
        sp_action_new x = {.finding = finding, .title = awkward[(i + 2) % NAWKWARD],
                           .owner = owner, .due = "2017-09-30", .start = "2017-01-02",
                           .measure = awkward[(i + 3) % NAWKWARD]};
        ck_assert_msg(sp_action_add(NULL, NULL, fx_db, &x) == SP_OK, "%zu: %s", i,
                      sp_errmsg(fx_db));
    }
}

static void update(int64_t id, const sp_update *u)
{
    ck_assert_msg(sp_action_update(NULL, NULL, fx_db, id, u) == SP_OK, "update %lld: %s",
                  (long long)id, sp_errmsg(fx_db));
}

/* Progress with awkward notes, a slipped date, a transfer, an override. */
static void awkward_progress(void)
{
    for (int64_t id = 1; id <= (int64_t)NAWKWARD; id++) {
        const char *text = awkward[(size_t)id % NAWKWARD];
        char author[64];
        one_line(author, sizeof author, awkward[((size_t)id + 4) % NAWKWARD]);
        sp_update u = {.author = author, .on = "2017-03-01",
                       .status = "in_progress", .note = text, .evidence = text};
        if (id % 3 == 0)
            continue;
        update(id, &u);
    }
    sp_update slip = {.author = AUTHOR, .on = "2017-04-01", .due = "2017-12-31",
                      .reason = "=partner data late"};
    update(2, &slip);
    sp_update done = {.author = AUTHOR, .on = "2017-05-01", .status = "complete",
                      .note = "'done, with \"evidence\""};
    update(4, &done);
    sp_update moved = {.author = AUTHOR, .on = "2017-06-01", .status = "transferred",
                       .transfer_to = "-Service plan, 2018/19", .reason = "year end"};
    update(5, &moved);
    sp_update over = {.author = AUTHOR, .on = "2017-06-02", .rag = "red",
                      .reason = "@board: \"not convinced\"\r\n"};
    update(7, &over);
}

/* No cell of a guarded export may begin with a formula trigger. */
static int check_cell(void *ctx, const sp_csv_row *row)
{
    (void)ctx;
    for (size_t i = 0; i < row->count; i++) {
        char c = row->fields[i].len ? row->fields[i].data[0] : 'x';
        ck_assert_msg(!strchr("=+-@\t\r\n", c) || row->fields[i].len == 0,
                      "line %zu field %zu begins with a formula trigger", row->line, i + 1);
    }
    return 0;
}

START_TEST(round_trip_awkward_text)
{
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    awkward_objects();
    awkward_actions();
    awkward_progress();
    buf b = export_of(fx_db, NULL, 0);
    sp_csv_error err;
    ck_assert_int_eq(sp_csv_read_buffer(&err, b.data, b.len, check_cell, NULL), SP_OK);
    free(b.data);
    assert_round_trip(fx_db, "awkward.db");
}
END_TEST

/* The texts themselves come back, not only the same bytes. */
START_TEST(guard_is_reversed_exactly)
{
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    awkward_objects();
    awkward_actions();
    buf b = export_of(fx_db, NULL, 0);
    sp_db *copy = open_other("texts.db");
    sp_import_result *r = NULL;
    ck_assert_int_eq(sp_import_buffer(&r, copy, b.data, b.len, NULL), SP_OK);
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_finding_list(&c, copy, "odd/r-1", 0), SP_OK);
    size_t seen = 0;
    while (sp_cursor_step(c) == SP_ROW) {
        const char *path = sp_cursor_text(c, 0), *text = sp_cursor_text(c, 3);
        size_t i = strtoul(strrchr(path, '/') + 1, NULL, 10) - 1;
        ck_assert_uint_lt(i, NAWKWARD);
        ck_assert_str_eq(text, awkward[i]);
        seen++;
    }
    ck_assert_uint_eq(seen, NAWKWARD);
    sp_cursor_free(c);
    sp_import_result_free(r);
    sp_close(copy);
    free(b.data);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Council sheets                                                      */

START_TEST(council_sheet_from_excel)
{
    plan();
    size_t len;
    char *data = read_source_file("tests/data/import/council_excel.csv", &len);
    ck_assert_int_eq(memcmp(data, "\xEF\xBB\xBF", 3), 0); /* saved as "CSV UTF-8" */
    ck_assert_ptr_nonnull(strstr(data, "\r\n"));
    sp_import_options o = {.name = "council.csv", .authority = "tb", .author = AUTHOR};
    sp_import_result *r = NULL;
    ck_assert_msg(sp_import_buffer(&r, fx_db, data, len, &o) == SP_OK, "%s",
                  sp_errmsg(fx_db));
    ck_assert_int_eq(r->rows, 4);
    ck_assert_int_eq(r->created.authorities, 0);
    ck_assert_int_eq(r->created.reviews, 1);
    ck_assert_int_eq(r->created.findings, 2);
    ck_assert_int_eq(r->created.owners, 3);
    ck_assert_int_eq(r->created.actions, 4);
    ck_assert_int_eq(r->rag_ignored, 10);
    ck_assert_uint_eq(r->nunplaced, 0);
    /* UK dates and loose timescales, counted from the start date. */
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE "
        "(ref = '1.1' AND start_on = '2017-04-03' AND due_on = '2018-03-31' "
        "  AND status = 'in_progress') OR "
        "(ref = '1.2' AND start_on = '2017-05-01' AND due_on = '2017-09-30' "
        "  AND status = 'not_started') OR "
        "(ref = '2.1' AND due_on = '2017-06-30' AND status = 'complete') OR "
        "(ref = '2.2' AND start_on = '2017-02-01' AND due_on = '2017-08-01')"), 4);
    /* The review made for the import, and the findings shared by text. */
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM review WHERE "
        "ref = 'import-2017-07-01' AND kind = 'other' "
        "AND title = 'Plan imported from council.csv on 2017-07-01'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding f JOIN review r ON "
        "r.id = f.review_id WHERE r.ref = 'import-2017-07-01' AND f.kind = 'recommendation' "
        "AND f.theme = 'Vision, strategy and leadership' AND f.ref = '1'"), 1);
    /* Text as written: a line break, curly quotes, a pound sign. */
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
        "note = 'Board met on 12/06/2017; terms agreed.' || char(10) || "
        "'Next: recruit the independent chair' AND author = 'Test Officer' "
        "AND on_date = '2017-07-01' AND new_status = 'in_progress'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE description = "
        "'Open the MASH with police and health — budget £120,000'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE "
        "rag_override IS NOT NULL"), 0);
    sp_import_result_free(r);
    assert_rows_pass_checks(fx_db);
    free(data);
}
END_TEST

START_TEST(keep_rag_imports_overrides)
{
    plan();
    size_t len;
    char *data = read_source_file("tests/data/import/council_excel.csv", &len);
    sp_import_options o = {.authority = "tb", .flags = SP_IMPORT_KEEP_RAG};
    sp_import_result *r = NULL;
    ck_assert_int_eq(sp_import_buffer(&r, fx_db, data, len, &o), SP_OK);
    ck_assert_int_eq(r->rag_ignored, 0);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE "
        "rag_override_reason = 'imported' AND ((ref = '1.1' AND rag_override = 'amber') "
        "OR (ref = '2.2' AND rag_override = 'red'))"), 2);
    sp_import_result_free(r);
    free(data);
}
END_TEST

/* Headers of progress for a reporting round: a progress alias and a date,
 * either order, any separator, case and spacing; a month is its first day.
 * A header with progress and a round that is no exact day is listed as
 * not imported, marked so that the note can say how to map it. */
static const struct {
    const char *header, *on; /* on: NULL if not a dated column */
    bool progress;           /* listed with the hint to map it */
} round_headers[] = {
    {"Progress update - June 2024", "2024-06-01", false},
    {"Update (Sept 2023)", "2023-09-01", false},
    {"June 2024 update", "2024-06-01", false},
    {"Progress at 31/03/2024", "2024-03-31", false},
    {"Comments Dec 2023", "2023-12-01", false},
    {"progress  AS AT 31 March 2024", "2024-03-31", false},
    {"Current position as of 06/2024", "2024-06-01", false},
    {"Progress and impact: Jun 24", "2024-06-01", false},
    {"PROGRESS TO DATE \xe2\x80\x93 2024-02-29", "2024-02-29", false},
    {"2023-10-15 comments", "2023-10-15", false},
    {"Progress update [Mar-24]", "2024-03-01", false},
    {"RAG / progress \xe2\x80\x93 Q2", NULL, true},
    {"Progress Q2 2024/25", NULL, true},
    {"Update June", NULL, true},
    {"Progress (2024)", NULL, true},
    {"Progress at 31/02/2024", NULL, true}, /* no such day */
    {"Budget 2024", NULL, false},           /* not progress */
    {"Progress updates 2024", NULL, true},
};

static bool round_progress;
static void note_round(void *ctx, size_t column, const char *header, size_t len, bool progress)
{
    (void)ctx, (void)column, (void)header, (void)len;
    round_progress = progress;
}

START_TEST(dated_progress_headers)
{
    plan();
    const char *h = round_headers[_i].header;
    sp_csv_field f[3] = {{"Recommendation", 14}, {"Action", 6}, {h, strlen(h)}};
    sp_csv_row row = {.fields = f, .count = 3, .line = 1, .record = 1};
    imp_map m;
    int column = -1;
    round_progress = false;
    ck_assert_int_eq(imp_map_header(&m, &column, fx_db, &row, NULL, note_round, NULL), SP_OK);
    if (round_headers[_i].on) {
        ck_assert_uint_eq(m.ndated, 1);
        ck_assert_int_eq(m.dated[0].col, 2);
        ck_assert_str_eq(m.dated[0].on, round_headers[_i].on);
    } else {
        ck_assert_uint_eq(m.ndated, 0);
    }
    ck_assert_msg(round_progress == round_headers[_i].progress, "%s: progress hint %d", h,
                  round_progress);
}
END_TEST

/* --map 'HEADER=last_update_note@DATE': a day or a month; another field
 * or no date is refused. */
START_TEST(dated_progress_map)
{
    plan();
    imp_user_map u;
    ck_assert_int_eq(imp_user_map_parse(&u, fx_db, "RAG / Q2=last_update_note@30/06/2024, "
                                        "Spring=last_update_note@ April 2024"), SP_OK);
    sp_csv_field f[4] = {{"Recommendation", 14}, {"Action", 6}, {"RAG / Q2", 8},
                         {"spring", 6}};
    sp_csv_row row = {.fields = f, .count = 4, .line = 1, .record = 1};
    imp_map m;
    int column = -1;
    ck_assert_int_eq(imp_map_header(&m, &column, fx_db, &row, &u, note_round, NULL), SP_OK);
    ck_assert_uint_eq(m.ndated, 2);
    ck_assert_str_eq(m.dated[0].on, "2024-04-01"); /* in date order */
    ck_assert_int_eq(m.dated[0].col, 3);
    ck_assert_str_eq(m.dated[1].on, "2024-06-30");
    imp_user_map_free(&u);
    ck_assert_int_eq(imp_user_map_parse(&u, fx_db, "X=owner@2024-01-01"), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "only last_update_note takes a date"));
    imp_user_map_free(&u);
    ck_assert_int_eq(imp_user_map_parse(&u, fx_db, "X=last_update_note@Q2"), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "'Q2' is not a date"));
    imp_user_map_free(&u);
}
END_TEST

/* A cell longer than the longest alias is not compared with them
 * (exact_field): every alias must fit. */
START_TEST(aliases_fit_the_guard)
{
    ck_assert_uint_le(imp_alias_longest(), IMP_ALIAS_MAX);
    ck_assert_uint_ge(imp_alias_longest(), strlen("Evidence of completion"));
}
END_TEST

START_TEST(map_and_unplaced_columns)
{
    plan();
    const char *csv = "Ref,Recommendation,To do,Officer,Deadline,Funding,Colour,,Budget\n"
                      "1,Improve supervision,Audit files,Head of Service,31/12/2017,x,blue,,\n"
                      "2,Improve supervision,Train staff,Head of Service,Q3 2017/18,,,y,\n";
    sp_import_options o = {.review = "tb/r1", .map = " To do = action , Officer=owner,"
                                                      "Budget=ignore"};
    sp_import_result *r = import_text(fx_db, csv, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    ck_assert_uint_eq(r->nunplaced, 3);
    ck_assert_str_eq(r->unplaced[0].header, "Funding");
    ck_assert_uint_eq(r->unplaced[0].column, 6);
    ck_assert_str_eq(r->unplaced[1].header, "Colour");
    ck_assert_str_eq(r->unplaced[2].header, ""); /* no header, but data */
    ck_assert_uint_eq(r->unplaced[2].column, 8);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE due_on = "
                                         "'2017-12-31' AND description = 'Audit files'"), 1);
    sp_import_result_free(r);
    sp_import_options bad = {.review = "tb/r1", .map = "To do=chore"};
    r = import_text(fx_db, csv, &bad, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "'chore' is not a field"));
    sp_import_result_free(r);
}
END_TEST

/* A title, a heading that names one field, and a RAG key above the
 * header: passed over (the header found with the user's map), named in a
 * note, and no column of theirs listed as not imported. */
START_TEST(header_below_a_title)
{
    plan();
    const char *csv = "Improvement plan,,,,,\n"
                      "Actions,Actions,Actions,Actions,Actions,Actions\n"
                      "Key:,Red,Amber,Green,,\n"
                      "Ref,Recommendation,To do,Owner,Deadline,Funding\n"
                      "1,Improve supervision,Audit files,Head of Service,31/12/2017,x\n";
    sp_import_options o = {.review = "tb/r1", .map = "To do=action", .name = "t.csv"};
    sp_import_result *r = import_text(fx_db, csv, &o, SP_OK);
    ck_assert_int_eq(r->rows, 1);
    ck_assert_int_eq(r->created.actions, 1);
    ck_assert_uint_eq(r->nunplaced, 1);
    ck_assert_str_eq(r->unplaced[0].header, "Funding");
    ck_assert_uint_eq(r->nnotes, 2); /* and that no column gives a status */
    ck_assert_str_eq(r->notes[0], "t.csv: rows 1-3 are above the header (row 4) and were not "
                                  "imported");
    sp_import_result_free(r);
    /* Without the map (and a Ref) no row names the action and another column. */
    o.map = NULL;
    r = import_text(fx_db, "Improvement plan,,\nRecommendation,To do,Owner\nR,T,O\n", &o,
                    SP_EINVALID);
    ck_assert_uint_eq(r->nerrors, 1);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "t.csv:1: no column names the action"));
    ck_assert_ptr_nonnull(strstr(r->errors[0], "nor does any row below it in the first 20"));
    sp_import_result_free(r);
}
END_TEST

/* A summary box above the header that names columns too is read as the
 * header; when the import then fails, the message names the row below
 * that could be the header. */
START_TEST(summary_box_above_the_header)
{
    plan();
    sp_import_options o = {.review = "tb/r1", .name = "t.csv"};
    /* The box's header cannot be used (no finding column). */
    sp_import_result *r = import_text(fx_db, "Status,Actions\nComplete,12\n\n"
                                      "Ref,Recommendation,Action,Owner,Due\n"
                                      "1,Rec,Audit files,Head of Service,31/12/2017\n",
                                      &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "the header cannot be used; nothing was "
                                 "imported (row 1 was read as the header, but row 4 names "
                                 "columns too: if that is the header, import with "
                                 "--header-row 4)"));
    sp_import_result_free(r);
    /* The box's header can be used, but names no owner and the rows do not fit. */
    r = import_text(fx_db, "Recommendation,Actions,Complete\nAll,12,3\n\n"
                    "Ref,Recommendation,Action,Owner,Due\n"
                    "1,Rec,Audit files,Head of Service,31/12/2017\n", &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "import with --header-row 4)"));
    sp_import_result_free(r);
    /* A failure that is no fault of the header gets no hint. */
    r = import_text(fx_db, "Ref,Recommendation,Action,Owner,Due\n"
                    "1,Rec,Audit files,Head of Service,31/02/2017\n"
                    "Ref,Recommendation,Action,Owner,Due\n", &o, SP_EINVALID);
    ck_assert_ptr_null(strstr(sp_errmsg(fx_db), "--header-row"));
    sp_import_result_free(r);
    o.header_row = 4;
    r = import_text(fx_db, "Recommendation,Actions,Complete\nAll,12,3\n\n"
                    "Ref,Recommendation,Action,Owner,Due\n"
                    "1,Rec,Audit files,Head of Service,31/12/2017\n", &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 1);
    sp_import_result_free(r);
}
END_TEST

/* Semicolons between the columns, commas in the text: said in a note. */
START_TEST(semicolon_separated)
{
    plan();
    const char *csv = "Ref;Recommendation;Action;Owner;Due\n"
                      "1;Improve supervision, and audit;Audit files, then train;Lead;2017-12-31\n";
    sp_import_options o = {.review = "tb/r1", .name = "s.csv"};
    sp_import_result *r = import_text(fx_db, csv, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 1);
    ck_assert_str_eq(r->format, "csv");
    ck_assert_uint_eq(r->nnotes, 2); /* and that no column gives a status */
    ck_assert_ptr_nonnull(strstr(r->notes[0], "s.csv: read as semicolon-separated"));
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE description = "
                                         "'Audit files, then train'"), 1);
    sp_import_result_free(r);
}
END_TEST

START_TEST(placement_options)
{
    plan();
    const char *csv = "Finding,Action,Owner,Due\nSupervision,Audit,Lead,2017-12-31\n";
    sp_import_options none = {.name = "f.csv"};
    sp_import_result *r = import_text(fx_db, csv, &none, SP_EINVALID);
    ck_assert_uint_eq(r->nerrors, 1);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "f.csv:1: the file does not say which review"));
    sp_import_result_free(r);
    sp_import_options unknown = {.authority = "nowhere"};
    r = import_text(fx_db, csv, &unknown, SP_ENOTFOUND);
    sp_import_result_free(r);
    sp_import_options review = {.review = "tb/r1"};
    r = import_text(fx_db, csv, &review, SP_OK);
    ck_assert_int_eq(r->created.reviews, 0);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding WHERE review_id = 1 "
                                         "AND text = 'Supervision' AND ref = '2' "
                                         "AND theme = 'General'"), 1);
    sp_import_result_free(r);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Existing actions: updates appended, history kept                    */

static const char *const sheet_v1 =
    "Ref,Finding,Action,Owner,Start,Due,Status,Progress\r\n"
    "1,Supervision,Audit files,Head of Service,01/04/2017,30/09/2017,In progress,Begun\r\n"
    "2,Supervision,Train staff,Head of Service,01/04/2017,30/09/2017,Complete,Done\r\n";

START_TEST(existing_actions_get_updates)
{
    plan();
    sp_import_options o = {.review = "tb/r1", .author = AUTHOR};
    sp_import_result *r = import_text(fx_db, sheet_v1, &o, SP_OK);
    sp_import_result_free(r);
    long long updates = count(fx_path, "action_update");
    const char *v2 = "Ref,Finding,Action,Owner,Start,Due,Status,Progress\r\n"
                     "1,Supervision,Audit files,Head of Service,01/04/2017,31/12/2017,"
                     "Complete,Finished late\r\n"
                     "2,Supervision,Train staff,Head of Service,01/04/2017,30/09/2017,"
                     "Complete,Done\r\n";
    r = import_text(fx_db, v2, &o, SP_OK);
    ck_assert_int_eq(r->updated, 1);
    ck_assert_int_eq(r->unchanged, 1);
    ck_assert_int_eq(r->created.actions, 0);
    ck_assert_int_eq(count(fx_path, "action_update"), updates + 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE "
        "old_status = 'in_progress' AND new_status = 'complete' AND old_due_on = "
        "'2017-09-30' AND new_due_on = '2017-12-31' AND note = 'Finished late'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE ref = '1' AND "
        "original_due_on = '2017-09-30' AND due_on = '2017-12-31'"), 1);
    ck_assert_int_eq(r->irregular, 0);
    sp_import_result_free(r);
    /* A move the lifecycle refuses is imported, and noted. */
    const char *v3 = "Ref,Finding,Action,Status\r\n2,Supervision,Train staff,Not started\r\n";
    r = import_text(fx_db, v3, &o, SP_OK);
    ck_assert_int_eq(r->irregular, 1);
    ck_assert_uint_eq(r->nnotes, 1);
    ck_assert_ptr_nonnull(strstr(r->notes[0], "input:2:4: status moves from complete to "
                                              "not_started"));
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE ref = '2' AND "
                                         "status = 'not_started'"), 1);
    sp_import_result_free(r);
    /* A due date before the action's start is refused, as for a new one. */
    const char *v4 = "Ref,Finding,Action,Due\r\n1,Supervision,Audit files,01/01/2017\r\n";
    r = import_text(fx_db, v4, &o, SP_EINVALID);
    ck_assert_str_eq(r->errors[0], "input:2:4: due date 2017-01-01 is before the start date "
                                   "2017-04-01");
    sp_import_result_free(r);
}
END_TEST

START_TEST(repeated_reference_in_bulk_load)
{
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    const char *csv =
        "authority,authority_name,review,review_title,finding_ref,finding,action_ref,action,"
        "owner,due_on,status,last_update_note\r\n"
        "tb,Torbay,r1,Peer review,1,Supervision,1,Audit,Lead,2017-12-31,not_started,\r\n"
        "tb,Torbay,r1,Peer review,1,Supervision,1,Audit,Lead,2017-12-31,in_progress,Begun\r\n"
        "tb,Torbay,r1,Peer review,1,Supervision,2,Train,Lead,2017-12-31,not_started,\r\n";
    /* A reference met twice in one file is refused (it would merge two
     * rows into one action); the bulk load it ended leaves the indexes. */
    sp_import_result *r = import_text(fx_db, csv, NULL, SP_EINVALID);
    ck_assert_int_eq(r->rejected, 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM sqlite_master WHERE name IN "
        "('action_owner', 'action_open_due', 'action_update_action')"), 3);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action"), 0);
    sp_import_result_free(r);
}
END_TEST

/* Every action and update of the authorities other than `skip`, as text
 * (ids replaced by paths and names; the import's own timestamps left out). */
static char *plan_text(sp_db *db, const char *skip)
{
    /* quote() keeps NULL apart from '' (and is in SQLite 3.40, unlike
     * concat_ws). */
    static const char *const sql =
        "SELECT group_concat(line, char(10)) FROM (SELECT "
        "a.code || '/' || r.ref || '/' || f.ref || '/' || x.ref || '|' || quote(x.description) "
        "|| quote(o.name) || quote(x.start_on) || quote(x.original_due_on) || quote(x.due_on) "
        "|| quote(x.status) || quote(x.measure) || quote(x.transferred_to) "
        "|| quote(x.rag_override) || quote(x.rag_override_reason) || quote(x.last_update_on) "
        "|| quote(x.progress_on) || quote(x.timescale) || quote(x.cadence) || quote(x.voided) "
        "|| '|' || (x.created_at = x.updated_at) || '|' || "
        /* the origin, as action_origin_record (or a bulk load) wrote it */
        "(SELECT quote(g.finding_id = x.finding_id) || quote(g.ref) || quote(g.description) "
        "|| quote(g.owner_id = x.owner_id) || quote(g.start_on) || quote(g.original_due_on) "
        "|| quote(g.due_on) || quote(g.status) || quote(g.measure) "
        "|| quote(g.created_at = x.created_at) || quote(g.last_update_on) "
        "|| quote(g.transferred_to) || quote(g.rag_override) || quote(g.rag_override_reason) "
        "FROM action_origin g WHERE g.action_id = x.id) || '|' || "
        "coalesce((SELECT group_concat(quote(u.on_date) || quote(u.author) || quote(u.note) "
        "|| quote(u.evidence) || quote(u.percent) || quote(u.old_status) || quote(u.new_status) "
        "|| quote(u.old_due_on) || quote(u.new_due_on) || quote(uo.name) || quote(un.name) "
        "|| quote(u.transferred_to) || quote(u.rag_override) || quote(u.reason), ';') "
        "FROM action_update u LEFT JOIN owner uo ON uo.id = u.old_owner_id "
        "LEFT JOIN owner un ON un.id = u.new_owner_id WHERE u.action_id = x.id), '') AS line "
        "FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = "
        "f.review_id JOIN authority a ON a.id = r.authority_id JOIN owner o ON o.id = "
        "x.owner_id WHERE a.code <> ?1 ORDER BY 1)";
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, skip, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char *text = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    ck_assert_ptr_nonnull(text);
    return text;
}

static void ignore_finding(void *arg, bool ok, const char *area, const char *message)
{
    (void)arg, (void)ok, (void)area, (void)message;
}

/* The bulk load chains its entries in one pass with the chain triggers
 * dropped: the chain verifies, the triggers are back, and each update is
 * chained right after its action's origin or another update of the same
 * action, as the triggers chain them row by row. */
static void chained_as_by_triggers(sp_db *db, const char *path, bool adjacent)
{
    ck_assert_int_eq(sp_verify(db, ignore_finding, NULL), 0);
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND name IN ('ledger_action_origin', "
                                      "'ledger_action_update')"), 2);
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM action_origin o WHERE NOT EXISTS "
                                      "(SELECT 1 FROM ledger WHERE entry_table = "
                                      "'action_origin' AND entry_id = o.action_id)"), 0);
    /* Every update after its action's origin, and an action's updates in
     * the order written; with `adjacent` (a file where no action repeats),
     * each update right after its origin or an update of the same action. */
    ck_assert_int_eq(
        fx_raw_int(path, "SELECT count(*) FROM ledger l JOIN action_update u ON "
                         "l.entry_table = 'action_update' AND u.id = l.entry_id "
                         "JOIN ledger p ON (p.entry_table = 'action_origin' AND "
                         "p.entry_id = u.action_id OR p.entry_table = 'action_update' AND "
                         "p.entry_id < u.id AND (SELECT action_id FROM action_update WHERE "
                         "id = p.entry_id) = u.action_id) WHERE p.seq > l.seq"), 0);
    ck_assert_int_eq(
        adjacent ?
        fx_raw_int(path, "SELECT count(*) FROM ledger l JOIN ledger p ON p.seq = l.seq - 1 "
                         "JOIN action_update u ON l.entry_table = 'action_update' "
                         "AND u.id = l.entry_id WHERE NOT ((p.entry_table = 'action_origin' "
                         "AND p.entry_id = u.action_id) OR (p.entry_table = 'action_update' "
                         "AND (SELECT action_id FROM action_update WHERE id = p.entry_id) = "
                         "u.action_id))") : 0, 0);
    ck_assert_int_gt(fx_raw_int(path, "SELECT count(*) FROM ledger WHERE entry_table = "
                                      "'action_update'"), 0);
    /* Every place has the one journal entry its "created" trigger writes
     * (a bulk load writes them itself at the end), chained; the triggers
     * are back. */
    static const char *const places[] = {
        "authority a WHERE 1 <> (SELECT count(*) FROM journal j WHERE j.object_kind = "
        "'authority' AND j.object_id = a.id AND j.field = 'created' AND j.new_value = a.code",
        "owner a WHERE 1 <> (SELECT count(*) FROM journal j WHERE j.object_kind = 'owner' "
        "AND j.object_id = a.id AND j.field = 'created' AND j.new_value = a.name",
        "review a WHERE 1 <> (SELECT count(*) FROM journal j WHERE j.object_kind = 'review' "
        "AND j.object_id = a.id AND j.field = 'void' AND j.new_value = 0",
        "finding a WHERE 1 <> (SELECT count(*) FROM journal j WHERE j.object_kind = 'finding' "
        "AND j.object_id = a.id AND j.field = 'void' AND j.new_value = 0"};
    for (int i = 0; i < 4; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s AND j.old_value IS NULL AND "
                 "j.reason = 'created' AND j.author = 'safeplan')", places[i]);
        ck_assert_msg(fx_raw_int(path, sql) == 0, "%s", sql);
    }
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM journal j WHERE NOT EXISTS "
                                      "(SELECT 1 FROM ledger WHERE entry_table = 'journal' "
                                      "AND entry_id = j.id)"), 0);
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND name GLOB 'journal_*_created'"), 4);
    /* ... and so are those a bulk load drops while it writes them: the
     * journal's chain and the apply triggers of the five kinds. */
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND (name = 'ledger_journal' OR name GLOB "
                                      "'journal_apply_*')"), 6);
    /* The ledger's unique index, dropped during a bulk load, is back. */
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM pragma_index_list('ledger') "
                                      "WHERE name = 'ledger_entry' AND \"unique\" = 1"), 1);
    /* The journal's entries are chained in the order they were written. */
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM ledger l JOIN ledger n ON "
                                      "n.entry_table = 'journal' AND l.entry_table = 'journal' "
                                      "AND n.entry_id > l.entry_id AND n.seq < l.seq"), 0);
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM review WHERE voided <> 0") +
                     fx_raw_int(path, "SELECT count(*) FROM finding WHERE voided <> 0"), 0);
}

/* One action in authority zz, so that the next import into db goes row
 * by row (the plan is not empty); plan_text leaves zz out. */
static void seed_elsewhere(sp_db *db, const sp_import_options *o)
{
    const char *seed = "authority,authority_name,review,review_title,finding_ref,finding,"
                       "action_ref,action,owner,due_on\r\n"
                       "zz,Elsewhere,r1,Review,1,Finding,1,Action,Someone,2017-12-31\r\n";
    sp_import_result *r = NULL;
    ck_assert_int_eq(sp_import_buffer(&r, db, seed, strlen(seed), o), SP_OK);
    sp_import_result_free(r);
}

/* A bulk load (into an empty plan: the trigger that applies updates is
 * dropped, each action inserted as its first update leaves it) and a load
 * row by row (a plan that already has an action: the trigger applies
 * each update) give the same actions and history, field for field. */
START_TEST(bulk_load_equals_row_by_row)
{
    int added = 0;
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    buf file = export_of(fx_db, NULL, SP_CSV_WITH_BOM);
    sp_import_options o = {.name = "plan.csv", .author = AUTHOR};
    sp_db *bulk = open_other("bulk.db"), *rows = open_other("rows.db");
    sp_import_result *r = NULL;
    seed_elsewhere(rows, &o);
    ck_assert_int_eq(sp_import_buffer(&r, bulk, file.data, file.len, &o), SP_OK);
    ck_assert_int_eq(r->created.actions, added);
    sp_import_result_free(r);
    assert_rows_pass_checks(bulk);
    ck_assert_int_eq(sp_import_buffer(&r, rows, file.data, file.len, &o), SP_OK);
    ck_assert_int_eq(r->created.actions, added);
    sp_import_result_free(r);
    char *a = plan_text(bulk, "zz"), *b = plan_text(rows, "zz");
    ck_assert_msg(strstr(a, "'in_progress'") && strstr(a, "'2017-") != NULL,
                  "no action was brought to its state by an update:\n%.400s", a);
    ck_assert_msg(strcmp(a, b) == 0, "bulk:\n%.2000s\nrow by row:\n%.2000s", a, b);
    char path[400];
    snprintf(path, sizeof path, "%s/bulk.db", fx_dir);
    /* The loaded file's schema is in the order of one made by init and
     * never bulk-loaded (fx_db; rows had a bulk load of its seed). */
    char *bulk_order = schema_order(path), *made_order = schema_order(fx_path);
    ck_assert_msg(strcmp(bulk_order, made_order) == 0, "bulk:\n%.900s\nmade by init:\n%.900s",
                  bulk_order, made_order);
    owner_counts_from_their_index(bulk);
    free(bulk_order);
    free(made_order);
    /* The trigger is back, and applies the next update. */
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND name = 'action_update_apply'"), 1);
    chained_as_by_triggers(bulk, path, true);
    snprintf(path, sizeof path, "%s/rows.db", fx_dir);
    chained_as_by_triggers(rows, path, true);
    snprintf(path, sizeof path, "%s/bulk.db", fx_dir);
    sp_update u = {.author = AUTHOR, .note = "after the load", .status = "withdrawn",
                   .reason = "test"};
    int64_t id = fx_raw_int(path, "SELECT min(id) FROM action WHERE status = 'in_progress'");
    ck_assert_msg(sp_action_update(NULL, NULL, bulk, id, &u) == SP_OK, "%s", sp_errmsg(bulk));
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT status = 'withdrawn' FROM action WHERE id = %lld",
             (long long)id);
    ck_assert_int_eq(fx_raw_int(path, sql), 1);
    free(a);
    free(b);
    free(file.data);
    sp_close(bulk);
    sp_close(rows);
}
END_TEST

/* A plan whose history must be replayed across actions: an action moved
 * to another finding, and its old reference taken by a new action. */
static void moved_and_reused(void)
{
    fx_minimal_plan();
    sp_finding_new f = {.review = "tb/r1", .ref = "2", .kind = "recommendation",
                        .theme = "Practice", .text = "Audit the files"};
    ck_assert_int_eq(sp_finding_add(NULL, fx_db, &f), SP_OK);
    int64_t id[4];
    const char *finding[4] = {"tb/r1/1", "tb/r1/2", "tb/r1/2", "tb/r1/1"};
    for (int i = 0; i < 4; i++) {
        if (i == 3) { /* tb/r1/1/1 moves to finding 2, and a new action takes its ref */
            sp_edit_field move[] = {{"ref", "9"}, {"finding", "tb/r1/2"}};
            ck_assert_msg(sp_edit(NULL, fx_db, "action", "tb/r1/1/1", move, 2, "wrong finding",
                                  AUTHOR) == SP_OK, "%s", sp_errmsg(fx_db));
        }
        sp_action_new a = {.finding = finding[i], .title = "An action", .owner = "Head of Service",
                           .due = "2017-12-31", .ref = i == 3 ? "1" : NULL};
        ck_assert_msg(sp_action_add(&id[i], NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
        for (int j = 0; j <= i; j++) { /* updates of every action so far, interleaved */
            char note[32];
            snprintf(note, sizeof note, "progress %d.%d", i, j);
            sp_update u = {.author = AUTHOR, .note = note, .on = "2017-06-01"};
            ck_assert_msg(sp_action_update(NULL, NULL, fx_db, id[j], &u) == SP_OK, "%s",
                          sp_errmsg(fx_db));
        }
    }
}

/* The history import keeps its rows in a spill and replays them by entry
 * number, merging sorted runs when there are more rows than one run holds.
 * Runs of two rows (many runs, merged) rebuild the same history as one run
 * in memory: both export the file they were imported from, byte for byte. */
START_TEST(history_replay_merges_runs)
{
    ck_assert_int_eq(sp_set_today(fx_db, TODAY), SP_OK);
    moved_and_reused();
    buf file = export_of(fx_db, NULL, SP_EXPORT_HISTORY);
    sp_import_options o = {.name = "history.csv", .author = AUTHOR};
    static const char *const names[] = {"one_run.db", "runs_of_two.db"};
    static const size_t runs[] = {(size_t)1 << 18, 2};
    for (int i = 0; i < 2; i++) {
        sp_db *db = open_other(names[i]);
        sp_import_result *r = NULL;
        imp_history_set_run_keys(runs[i]);
        int rc = sp_import_buffer(&r, db, file.data, file.len, &o);
        imp_history_set_run_keys((size_t)1 << 18);
        ck_assert_msg(rc == SP_OK, "%s: %s (%s)", names[i], sp_errmsg(db),
                      r && r->nerrors ? r->errors[0] : "");
        ck_assert_int_eq(r->history, 1);
        ck_assert_int_eq(r->history_entries, 10 + 2); /* ten updates; the move, ref and finding */
        sp_import_result_free(r);
        buf again = export_of(db, NULL, SP_EXPORT_HISTORY);
        ck_assert_msg(again.len == file.len && memcmp(again.data, file.data, file.len) == 0,
                      "%s:\n%s\nwas imported from:\n%s", names[i], again.data, file.data);
        free(again.data);
        sp_close(db);
    }
    free(file.data);
}
END_TEST

/* A council's sheet has no action references: into an empty plan it is
 * bulk loaded too, until an action's text repeats under its finding; then
 * the rest goes row by row. Both give what a plan that already had
 * actions gets. */
START_TEST(council_sheet_bulk_equals_row_by_row)
{
    static const char *const sheet =
        "Theme,Recommendation,What we will do,Lead officer,Start date,Target date,Status\r\n"
        "Practice,Rec one,Audit files,Head of Service,01/04/2017,30/09/2017,Complete\r\n"
        "Practice,Rec one,Train staff,Principal Social Worker,01/04/2017,31/12/2017,"
        "In progress\r\n"
        "Leadership,Rec two,Report to board,Director,01/05/2017,31/10/2017,Not started\r\n"
        "Leadership,Rec two,Recruit managers,Head of Service,,6 months,\r\n"
        "Quality,Rec three,Case audits,Quality lead,01/04/2017,Monthly,In progress\r\n"
        "Leadership,Rec two,Report to the board,Director,01/05/2017,30/11/2017,In progress\r\n"
        "Workforce,Rec four,Caseload review,Head of Service,01/06/2017,30/11/2017,"
        "Not started\r\n";
    /* --as-at: each status goes in as a first update, so both ways write updates. */
    sp_import_options o = {.name = "sheet.csv", .authority = "tb", .author = AUTHOR,
                           .as_at = "2017-06-30"};
    sp_db *bulk = open_other("bulk.db"), *rows = open_other("rows.db");
    sp_authority_new tb = {.code = "tb", .name = "Torbay Council"};
    ck_assert_int_eq(sp_authority_add(NULL, bulk, &tb), SP_OK);
    ck_assert_int_eq(sp_authority_add(NULL, rows, &tb), SP_OK);
    sp_import_result *r = NULL;
    seed_elsewhere(rows, &o);
    /* A bad row during the bulk load: what it wrote is undone, and the
     * connection has the schema's CHECKs again. */
    static const char *const bad =
        "Theme,Recommendation,What we will do,Lead officer,Start date,Target date,Status\r\n"
        "Practice,Rec one,Audit files,Head of Service,01/04/2017,30/09/2017,Complete\r\n"
        "Workforce,Rec five,Supervision,Director,01/06/2017,31/02/2018,\r\n"
        "Workforce,Rec five,Caseloads,Director,01/06/2017,30/03/2018,\r\n";
    int temp_store, cache_size;
    ck_assert_int_eq(sp_import_buffer(&r, bulk, bad, strlen(bad), &o), SP_EINVALID);
    ck_assert_int_eq(r->rejected, 1);
    sp_import_result_free(r);
    settings(bulk, &temp_store, &cache_size);
    ck_assert_int_eq(conn_int(bulk, "SELECT count(*) FROM action"), 0);
    ck_assert_msg(sp_import_buffer(&r, bulk, sheet, strlen(sheet), &o) == SP_OK, "%s",
                  sp_errmsg(bulk));
    /* (A text repeated under its finding is refused now: test_import_rows.sh.) */
    ck_assert_int_eq(r->created.actions, 7);
    ck_assert_int_eq(r->updated, 0);
    sp_import_result_free(r);
    settings(bulk, &temp_store, &cache_size);
    assert_rows_pass_checks(bulk);
    ck_assert_int_eq(sp_import_buffer(&r, rows, sheet, strlen(sheet), &o), SP_OK);
    ck_assert_int_eq(r->created.actions, 7);
    sp_import_result_free(r);
    char *a = plan_text(bulk, "zz"), *b = plan_text(rows, "zz");
    ck_assert_msg(strcmp(a, b) == 0, "bulk:\n%.3000s\nrow by row:\n%.3000s", a, b);
    char path[400];
    snprintf(path, sizeof path, "%s/bulk.db", fx_dir);
    chained_as_by_triggers(bulk, path, false);
    /* A bulk load throughout (a repeated action is refused now): the
     * "created" entries of the places were written at its end, kind by
     * kind, so all four findings' come before any owner's (row by row,
     * one does). */
    const char *findings_first = "SELECT count(*) FROM journal WHERE object_kind = 'finding' "
        "AND id < (SELECT min(id) FROM journal WHERE object_kind = 'owner')";
    ck_assert_int_eq(fx_raw_int(path, findings_first), 4);
    snprintf(path, sizeof path, "%s/rows.db", fx_dir);
    chained_as_by_triggers(rows, path, false);
    ck_assert_int_eq(fx_raw_int(path, findings_first), 1);
    free(a);
    free(b);
    sp_close(bulk);
    sp_close(rows);
}
END_TEST

/* A council sheet names its findings by their text, and a finding's rows
 * may be apart. In a review the import makes, its findings' texts are
 * remembered (import_write.c, made_texts): a text seen before is looked up
 * and found again, a new one added; in a review that was there before,
 * each is looked up. Either way a finding is made once, and a later file
 * finds those the first made. */
START_TEST(findings_by_text_are_made_once)
{
    static const char *const sheet =
        "Review,Review title,Recommendation,What we will do,Lead officer,Target date\r\n"
        "new,New review,Rec A,Audit files,Head of Service,30/09/2017\r\n"
        "new,New review,Rec B,Train staff,Head of Service,30/09/2017\r\n"
        "new,New review,Rec A,Report to board,Director,31/10/2017\r\n"
        "old,Before the import,Rec A,Case audits,Director,31/10/2017\r\n"
        "new,New review,Rec C,Recruit managers,Director,31/10/2017\r\n"
        "old,Before the import,Rec Z,Caseload review,Director,31/10/2017\r\n"
        "new,New review,Rec B,Supervise,Director,31/10/2017\r\n"
        "old,Before the import,Rec A,Quality checks,Director,31/10/2017\r\n";
    static const char *const again =
        "Review,Review title,Recommendation,What we will do,Lead officer,Target date\r\n"
        "new,New review,Rec B,Second look,Director,30/11/2017\r\n"
        "new,New review,Rec D,Fresh start,Director,30/11/2017\r\n";
    sp_import_options o = {.name = "sheet.csv", .authority = "tb", .author = AUTHOR};
    sp_db *db = open_other("texts.db");
    sp_authority_new tb = {.code = "tb", .name = "Torbay Council"};
    ck_assert_int_eq(sp_authority_add(NULL, db, &tb), SP_OK);
    sp_review_new old = {.authority = "tb", .ref = "old", .kind = "peer_review",
                         .title = "Before the import", .from = "2017-01-01"};
    ck_assert_msg(sp_review_add(NULL, db, &old) == SP_OK, "%s", sp_errmsg(db));
    sp_finding_new z = {.review = "tb/old", .ref = "7", .kind = "recommendation",
                        .theme = "General", .text = "Rec Z"};
    ck_assert_msg(sp_finding_add(NULL, db, &z) == SP_OK, "%s", sp_errmsg(db));
    sp_import_result_free(import_text(db, sheet, &o, SP_OK));
    sp_import_result_free(import_text(db, again, &o, SP_OK));
    char path[400];
    snprintf(path, sizeof path, "%s/texts.db", fx_dir);
    static const struct {
        const char *review, *text;
        int actions;
    } want[] = {{"new", "Rec A", 2}, {"new", "Rec B", 3}, {"new", "Rec C", 1},
                {"new", "Rec D", 1}, {"old", "Rec A", 2}, {"old", "Rec Z", 1}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char sql[400];
        snprintf(sql, sizeof sql, "SELECT count(DISTINCT f.id) * 100 + count(x.id) FROM finding f "
                 "JOIN review r ON r.id = f.review_id LEFT JOIN action x ON x.finding_id = f.id "
                 "WHERE r.ref = '%s' AND f.text = '%s'", want[i].review, want[i].text);
        ck_assert_msg(fx_raw_int(path, sql) == 100 + want[i].actions,
                      "%s/%s: %lld (findings * 100 + actions)", want[i].review, want[i].text,
                      fx_raw_int(path, sql));
    }
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM finding"), 6);
    sp_close(db);
}
END_TEST

/* Imports `plan` into an empty plan (a bulk load) and, row by row, into
 * one that has an action elsewhere; the two must be the same, field for
 * field, chained as the triggers chain them, with the triggers back. Pass
 * 1 imports as at 2017-06-15. Returns the bulk plan's text. */
static char *bulk_equals_rows(const char *plan, int actions, int pass)
{
    sp_import_options o = {.name = "plan.csv", .author = AUTHOR,
                           .as_at = pass ? "2017-06-15" : NULL};
    sp_db *bulk = open_other(pass ? "bulk2.db" : "bulk1.db");
    sp_db *rows = open_other(pass ? "rows2.db" : "rows1.db");
    ck_assert_int_eq(sp_set_today(bulk, TODAY), SP_OK);
    ck_assert_int_eq(sp_set_today(rows, TODAY), SP_OK);
    seed_elsewhere(rows, &o);
    sp_import_result *r = NULL;
    ck_assert_msg(sp_import_buffer(&r, bulk, plan, strlen(plan), &o) == SP_OK, "%s",
                  sp_errmsg(bulk));
    ck_assert_int_eq(r->created.actions, actions);
    sp_import_result_free(r);
    assert_rows_pass_checks(bulk);
    ck_assert_msg(sp_import_buffer(&r, rows, plan, strlen(plan), &o) == SP_OK, "%s",
                  sp_errmsg(rows));
    sp_import_result_free(r);
    char *a = plan_text(bulk, "zz"), *b = plan_text(rows, "zz");
    ck_assert_msg(strcmp(a, b) == 0, "pass %d\nbulk:\n%.4000s\nrow by row:\n%.4000s", pass, a,
                  b);
    char path[400];
    snprintf(path, sizeof path, "%s/%s", fx_dir, pass ? "bulk2.db" : "bulk1.db");
    chained_as_by_triggers(bulk, path, true);
    ck_assert_int_eq(fx_raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND name IN ('action_origin_record', "
                                      "'action_update_apply', "
                                      "'action_update_first_due')"), 3);
    free(b);
    sp_close(bulk);
    sp_close(rows);
    return a;
}

/* Every way a row's first update changes a new action (status, a
 * transfer, an override alone, a due date moved alone or with evidence, a
 * recurring action's next report, evidence only, the export's progress
 * date, no update at all): a bulk load, which inserts each action as the
 * dropped triggers would leave it and writes its origin itself, gives
 * what the triggers give row by row, today and with --as-at. */
START_TEST(first_update_cases_bulk_equals_row_by_row)
{
    static const char *const plan =
        "authority,authority_name,review,review_title,finding_ref,finding,action_ref,action,"
        "owner,start_on,original_due_on,due_on,status,rag_override,rag_override_reason,"
        "last_update_on,last_update_by,last_update_note,last_update_evidence,transferred_to,"
        "due_as_written,last_progress_on,last_update_percent\r\n"
        "tb,Test Borough,r1,Review,1,Finding one,1,Audit files,Head of Service,2017-01-02,"
        "2017-03-31,2017-06-30,in_progress,,,2017-05-01,Team Manager,Audit begun,,,,,40\r\n"
        "tb,Test Borough,r1,Review,1,Finding one,2,Move the service,Director,2017-01-02,"
        "2017-03-31,2017-03-31,transferred,,,2017-04-02,Director,,,Health partner,,,\r\n"
        "tb,Test Borough,r1,Review,1,Finding one,3,Train staff,Head of Service,,2017-05-31,"
        "2017-05-31,not_started,amber,Agency cover,2017-04-20,Director,,,,,,\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,1,Recruit managers,Director,,,2017-09-30,"
        "in_progress,,,2017-04-11,,Interviews held,,,,,\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,2,Case audits,Quality lead,2017-01-09,,,"
        "in_progress,,,2017-03-15,Quality lead,March audit,,,Monthly,,\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,3,Report to board,Director,2017-02-01,"
        "2017-04-30,2017-04-30,complete,,,2017-04-28,Director,,Board minutes,,,,100%\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,4,Caseload review,Head of Service,2017-02-01,"
        "2017-08-31,2017-10-31,in_progress,red,Slipped twice,2017-06-01,Director,Revised,,,,"
        "2017-03-01,\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,5,Share the audit,Quality lead,2017-02-01,"
        "2017-05-31,2017-07-31,not_started,,,2017-05-20,Quality lead,,Audit report,,,,\r\n"
        "tb,Test Borough,r1,Review,2,Finding two,6,Move the date,Director,2017-02-01,"
        "2017-05-31,2017-08-31,,,,2017-05-02,Director,,,,,,0.5\r\n"
        "tb,Test Borough,r1,Review,3,Finding three,1,Plan the year,Director,2017-02-01,"
        "2017-12-31,2017-12-31,not_started,,,,,,,,,,30\r\n"
        "tb,Test Borough,r1,Review,3,Finding three,2,Signed off work,Director,2017-01-01,"
        "2017-03-31,2017-03-31,complete,,,,,,,,,2017-02-01,\r\n";
    for (int pass = 0; pass < 2; pass++) {
        char *a = bulk_equals_rows(plan, 11, pass);
        /* The cases reached the triggers' branches: a transfer, a first due
         * date set by an update, and a progress date kept from the file. */
        ck_assert_ptr_nonnull(strstr(a, "'transferred'NULL'Health partner'"));
        ck_assert_ptr_nonnull(strstr(a, "'2017-03-01'"));
        /* ... and shares of the work done, one the only news of its row */
        ck_assert_ptr_nonnull(strstr(a, "NULL40'"));
        ck_assert_ptr_nonnull(strstr(a, "NULL30NULL"));
        free(a);
    }
}
END_TEST

/* A council's sheet that dates a completion before the last update: the
 * completion is an entry of its own, which a bulk load applies as the
 * triggers do (the action complete from its day, its progress from the
 * update's), with a sign-off, a transfer and an override among them. */
START_TEST(completion_apart_bulk_equals_row_by_row)
{
    static const char *const plan =
        "authority,authority_name,review,review_title,Ref,Recommendation,What we will do,"
        "Lead officer,Target date,Status,Date completed,Last updated,Progress,Evidence,"
        "Transferred to,rag_override,rag_override_reason\r\n"
        "tb,Test Borough,r1,Review,1,Rec A,Audit files,Head of Service,30/04/2017,Complete,"
        "12/04/2017,01/06/2017,Reported to the board,,,,\r\n"
        "tb,Test Borough,r1,Review,2,Rec A,Train staff,Head of Service,30/04/2017,Signed off,"
        "12/04/2017,01/06/2017,,Audit shows better plans,,,\r\n"
        "tb,Test Borough,r1,Review,3,Rec A,Move the work,Director,30/04/2017,Transferred,"
        "02/05/2017,01/06/2017,Moved,,Health partner,,\r\n"
        "tb,Test Borough,r1,Review,4,Rec A,Quick win,Director,30/04/2017,Complete,02/05/2017,"
        "01/06/2017,,,,,\r\n"
        "tb,Test Borough,r1,Review,5,Rec A,Rated by hand,Director,30/04/2017,Complete,"
        "02/05/2017,01/06/2017,,,,green,Board agreed\r\n";
    for (int pass = 0; pass < 2; pass++) {
        char *a = bulk_equals_rows(plan, 5, pass);
        /* each split row: the completion, then the update (row 5's an
         * override alone, which is no progress) */
        ck_assert_ptr_nonnull(strstr(a, "'2017-04-12'"));
        ck_assert_ptr_nonnull(strstr(a, "'2017-05-02'"));
        ck_assert_ptr_nonnull(strstr(a, "'2017-06-01'"));
        free(a);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Malformed files: nothing changes, every bad row is named            */

static const char *const header =
    "Ref,Theme,Recommendation,What we will do,Lead officer,Start date,Target date,Status\r\n";

/* Imports header + body into the minimal plan, expects SP_EINVALID with
 * `first` as the start of the first message, and no change at all. */
static sp_import_result *rejected(const char *body, const char *first)
{
    char csv[4096];
    snprintf(csv, sizeof csv, "%s%s", header, body);
    sp_import_options o = {.name = "bad.csv", .review = "tb/r1"};
    unsigned long long before = fingerprint(fx_path);
    sp_import_result *r = import_text(fx_db, csv, &o, SP_EINVALID);
    ck_assert_int_eq(r->committed, 0);
    ck_assert_uint_ge(r->nerrors, 1);
    ck_assert_msg(strncmp(r->errors[0], first, strlen(first)) == 0, "got: %s", r->errors[0]);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "nothing was imported"));
    ck_assert_uint_eq(fingerprint(fx_path), before);
    return r;
}

#define GOOD_ROW "1,Practice,Rec one,Audit files,Head of Service,01/04/2017,30/09/2017,Complete\r\n"

START_TEST(malformed_files_change_nothing)
{
    plan();
    sp_import_result_free(rejected(GOOD_ROW "2,Practice,Rec one,Do \x81 it,Lead,,,\r\n",
                                   "bad.csv:3:4: byte 0x81 is not text in Windows-1252"));
    sp_import_result_free(rejected(GOOD_ROW "2,Practice,Rec one,\"Do it,Lead,,,\r\n",
                                   "bad.csv:3:4: unterminated quoted field"));
    sp_import_result_free(rejected(GOOD_ROW "2,Practice,Rec one,Do \"it\",Lead,,,\r\n",
                                   "bad.csv:3:4: '\"' inside an unquoted field"));
    sp_import_result_free(rejected("1,T,Rec,Audit,Lead,01/04/2017,30/09/2017,Maybe\r\n",
                                   "bad.csv:2:8: status 'Maybe' is not known: expected one of "
                                   "not_started"));
    sp_import_result_free(rejected("1,T,Rec,Audit,Lead,01/02/2017,31/02/2017,Complete\r\n",
                                   "bad.csv:2:7: due date '31/02/2017' is not a real day"));
    sp_import_result_free(rejected("1,T,Rec,Audit,Lead,31/02/2017,31/03/2017,Complete\r\n",
                                   "bad.csv:2:6: start date '31/02/2017' is not a valid date"));
    sp_import_result_free(rejected(GOOD_ROW "2,T,Rec,Audit,Lead,01/04/2017,30/09/2017,x,y\r\n",
                                   "bad.csv:3:9: found 9 fields, expected 8"));
    sp_import_result_free(rejected("1,T,Rec,Audit,Lead\r\n",
                                   "bad.csv:2:6: found 5 fields, expected 8"));
}
END_TEST

START_TEST(every_bad_row_is_reported)
{
    plan();
    sp_import_result *r = rejected(
        GOOD_ROW
        "2,T,Rec,Audit,Lead,01/04/2017,30/09/2017,Maybe\r\n"
        GOOD_ROW
        "3,T,Rec,Audit,Lead,01/04/2017,31/02/2017,Complete\r\n"
        "4,T,Rec,Audit,Lead\r\n"
        "\"5\",T,Rec,\"Audit\r\nover two lines\",,01/04/2017,30/09/2017,Complete\r\n",
        "bad.csv:3:8: status 'Maybe'");
    /* The second GOOD_ROW names the first's action: refused too (D1). */
    ck_assert_int_eq(r->rejected, 5);
    ck_assert_uint_eq(r->nerrors, 5);
    ck_assert_ptr_nonnull(strstr(r->errors[1], "bad.csv:4:1: Ref '1' is also in row 2"));
    ck_assert_ptr_nonnull(strstr(r->errors[2], "bad.csv:5:7: due date '31/02/2017'"));
    ck_assert_ptr_nonnull(strstr(r->errors[3], "bad.csv:6:6: found 5 fields"));
    ck_assert_ptr_nonnull(strstr(r->errors[4], "bad.csv:7:5: no owner"));
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "bad.csv: 5 bad rows"));
    sp_import_result_free(r);
}
END_TEST

START_TEST(error_list_is_capped)
{
    plan();
    static char body[8192];
    body[0] = '\0';
    for (int i = 0; i < 60; i++)
        strcat(body, "1,T,Rec,Audit,Lead,01/04/2017,30/09/2017,Maybe\r\n");
    sp_import_result *r = rejected(body, "bad.csv:2:8:");
    ck_assert_int_eq(r->rejected, 60);
    ck_assert_uint_eq(r->nerrors, SP_IMPORT_MAX_ERRORS);
    sp_import_result_free(r);
}
END_TEST

START_TEST(header_problems)
{
    plan();
    sp_import_options o = {.name = "h.csv", .review = "tb/r1"};
    sp_import_result *r = import_text(fx_db, "Action,Status,State\nA,x,y\n", &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "h.csv:1:"));
    ck_assert_ptr_nonnull(strstr(r->errors[0], "no column names the finding"));
    sp_import_result_free(r);
    r = import_text(fx_db, "Finding,Action,Status,Status\nF,A,x,y\n", &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "h.csv:1:4: header 'Status' means status"));
    sp_import_result_free(r);
    /* Two revised dates, or a plain one beside an original and a revised
     * one, leave no column to be read as the other. */
    r = import_text(fx_db, "Finding,Action,Revised target date,New due date\nF,A,,\n", &o,
                    SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "h.csv:1:4: header 'New due date' means due_on"));
    sp_import_result_free(r);
    r = import_text(fx_db, "Finding,Action,Original deadline,Revised deadline,Deadline\n"
                    "F,A,,,\n", &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "h.csv:1:5: header 'Deadline' means due_on"));
    sp_import_result_free(r);
    r = import_text(fx_db, "", &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "h.csv:1: the file is empty"));
    sp_import_result_free(r);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Dry runs                                                            */

START_TEST(dry_run_changes_nothing_and_predicts)
{
    plan();
    sp_import_options o = {.review = "tb/r1", .flags = SP_IMPORT_DRY_RUN};
    unsigned long long before = fingerprint(fx_path);
    sp_import_result *r = import_text(fx_db, sheet_v1, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    ck_assert_int_eq(r->created.owners, 1);
    ck_assert_int_eq(r->committed, 0);
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
    char bad[512];
    snprintf(bad, sizeof bad, "%s%s", sheet_v1, "3,Supervision,Plan,Lead,x,y,z,w\r\n");
    r = import_text(fx_db, bad, &o, SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "would fail"));
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
    o.flags = 0;
    r = import_text(fx_db, bad, &o, SP_EINVALID);
    sp_import_result_free(r);
    r = import_text(fx_db, sheet_v1, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    sp_import_result_free(r);
}
END_TEST

START_TEST(import_from_a_file_handle)
{
    plan();
    static char text[512];
    snprintf(text, sizeof text, "%s", sheet_v1);
    FILE *f = fmemopen(text, strlen(text), "rb");
    sp_import_options o = {.review = "tb/r1"};
    sp_import_result *r = NULL;
    ck_assert_int_eq(sp_import(&r, fx_db, f, &o), SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update WHERE author = "
                                         "'import'"), 2); /* no author given */
    sp_import_result_free(r);
    fclose(f);
    sp_import_result_free(NULL);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Real plans (issue 11)                                               */

static const char SHEET[] =
    "Finding,Action,Owner,Timescale,Status\n"
    "Audits lacked evidence of change,Cycle of audits,Head of QA,Monthly,In progress\n"
    ",Report to the board,Head of QA,Q4 17/18,Not started\n"
    "Lack of provision for 16+,Commission a service,Head of Commissioning,Ongoing,\n"
    "Lack of provision for 16+,Agree the model,Head of Commissioning,Done,\n";

START_TEST(real_plan_kinds_and_fill_down)
{
    plan();
    ck_assert_int_eq(sp_authority_add(NULL, fx_db, &(sp_authority_new){"hb", "HB", NULL}),
                     SP_OK);
    unsigned long long before = fingerprint(fx_path);
    sp_import_options o = {.name = "sheet.csv", .authority = "hb"};
    sp_import_result *r = import_text(fx_db, SHEET, &o, SP_EINVALID);
    ck_assert_int_eq(r->nerrors, 1);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "sheet.csv:3:1: no finding in this row"));
    ck_assert_ptr_nonnull(strstr(r->errors[0], "--fill-down finding"));
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
    o.fill_down = "finding";
    r = import_text(fx_db, SHEET, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 4);
    ck_assert_int_eq(r->created.findings, 2);
    ck_assert_int_eq(r->recurring, 1);
    ck_assert_int_eq(r->open_ended, 1);
    sp_import_result_free(r);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE cadence = '1 month'"
                                         " AND timescale = 'Monthly'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE due_on = "
                                         "'2018-03-31' AND timescale = 'Q4 17/18'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE status = "
                                         "'complete' AND timescale = 'Done'"), 1);
    assert_rows_pass_checks(fx_db);
    /* The same sheet again: nothing changes. */
    before = fingerprint(fx_path);
    r = import_text(fx_db, SHEET, &o, SP_OK);
    ck_assert_int_eq(r->unchanged, 4);
    ck_assert_int_eq(r->created.reviews, 0);
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
}
END_TEST

/* Excel's "treat as text" prefix typed into a CSV's cells: one leading
 * "'" before a non-blank comes off every text cell; the export's guarded
 * cells still read back as exported (''x is 'x), and a lone "'" or one
 * before a space is the text itself. */
START_TEST(typed_apostrophe_is_dropped)
{
    plan();
    ck_assert_int_eq(sp_authority_add(NULL, fx_db, &(sp_authority_new){"hb", "HB", NULL}),
                     SP_OK);
    static const char text[] =
        "Ref,Theme,Recommendation,What we will do,Lead officer,Target date\r\n"
        "'1.2,'Leadership,'Rec one,'Agree the plan,'Head of Service,31/03/2018\r\n"
        "1.3,Leadership,Rec one,''quoted,Head of Service,31/03/2018\r\n"
        "1.4,Leadership,Rec one,' spaced,Head of Service,31/03/2018\r\n";
    sp_import_options o = {.name = "sheet.csv", .authority = "hb"};
    sp_import_result *r = import_text(fx_db, text, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 3);
    sp_import_result_free(r);
    char *got = fx_raw_text(fx_path, "SELECT group_concat(ref || '=' || description, '|') FROM "
                                     "(SELECT ref, description FROM action ORDER BY id)");
    ck_assert_str_eq(got, "1.2=Agree the plan|1.3='quoted|1.4=' spaced");
    free(got);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner WHERE name LIKE "
                                         "'%''%'"), 0);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner WHERE name = "
                                         "'Head of Service'"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding WHERE theme = "
                                         "'Leadership'"), 1);
}
END_TEST

/* A row of one text, in one cell or merged across the row: a section
 * heading when actions follow (refused, saying so, or carried down with
 * --fill-down of its column), a footer when none does. */
START_TEST(section_headings_and_footers)
{
    plan();
    ck_assert_int_eq(sp_authority_add(NULL, fx_db, &(sp_authority_new){"hb", "HB", NULL}),
                     SP_OK);
    ck_assert_int_eq(sp_authority_add(NULL, fx_db, &(sp_authority_new){"hc", "HC", NULL}),
                     SP_OK);
    /* A heading in a column of its own (the owner's) is refused. */
    unsigned long long before = fingerprint(fx_path);
    sp_import_options o = {.name = "s.csv", .authority = "hb"};
    sp_import_result *r = import_text(fx_db, "Ref,Recommendation,Action,Lead officer,Target date\n"
                                             ",,,Theme 1,\n"
                                             "1.1,Rec 1,Act one,Lead,31/03/2018\n", &o,
                                      SP_EINVALID);
    ck_assert_int_eq(r->nerrors, 1);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "s.csv:2:4: the row holds only 'Theme 1': a "
                                 "section heading, not an action, in a column of its own"));
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
    /* With --fill-down theme, each heading gives the theme. */
    o.fill_down = "theme";
    r = import_text(fx_db, "Ref,Theme,Recommendation,Action,Lead officer,Target date\n"
                           ",Theme 1: Leadership,,,,\n"
                           "1.1,,Rec 1,Act one,Lead,31/03/2018\n"
                           ",Theme 2: Partnerships,,,,\n"
                           "2.1,,Rec 2,Act two,Lead,31/03/2018\n", &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    ck_assert_uint_eq(r->nnotes, 3); /* the two headings, after the sheet's want of a status */
    ck_assert_ptr_nonnull(strstr(r->notes[0], "s.csv:1: no column gives the actions' status"));
    ck_assert_ptr_nonnull(strstr(r->notes[1], "s.csv:2:2: 'Theme 1: Leadership' is a section "
                                 "heading: carried down"));
    sp_import_result_free(r);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding WHERE theme = 'Theme 2: "
                                         "Partnerships' AND text = 'Rec 2'"), 1);
    /* Without it, a heading in the Theme column, or merged across the row
     * over it, is carried down all the same; a footer is passed over. */
    o.fill_down = NULL;
    o.authority = "hc";
    r = import_text(fx_db, "Ref,Theme,Recommendation,Action,Lead officer,Target date\n"
                           ",Theme 1: Leadership,,,,\n"
                           "1.1,,Rec 1,Act one,Lead,31/03/2018\n"
                           "Theme 2,Theme 2,Theme 2,Theme 2,Theme 2,Theme 2\n"
                           "2.1,,Rec 2,Act two,Lead,31/03/2018\n"
                           "Total,,,,,\n", &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 2);
    ck_assert_int_eq(r->rows, 2);
    ck_assert_uint_eq(r->nnotes, 4); /* the first: no column gives a status */
    ck_assert_ptr_nonnull(strstr(r->notes[1], "s.csv:2:2: 'Theme 1: Leadership' is a section "
                                 "heading in the theme column: carried down to the rows below "
                                 "it as their theme (as --fill-down theme would)"));
    ck_assert_ptr_nonnull(strstr(r->notes[2], "s.csv:4:1: 'Theme 2' is a section heading in "
                                 "the theme column"));
    ck_assert_ptr_nonnull(strstr(r->notes[3], "s.csv:6:1: the row holds only 'Total', below "
                                 "the last action: a footer or a note, and was not imported"));
    sp_import_result_free(r);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding f JOIN review v ON "
                                         "v.id = f.review_id JOIN authority a ON a.id = "
                                         "v.authority_id WHERE a.code = 'hc' AND ((f.theme = "
                                         "'Theme 1: Leadership' AND f.text = 'Rec 1') OR "
                                         "(f.theme = 'Theme 2' AND f.text = 'Rec 2'))"), 2);
}
END_TEST

/* Rows of UTF-8 beside rows of Windows-1252: refused, naming a row of
 * each; a file all of Windows-1252, or with only a UTF-8 byte-order mark
 * before it, is read as before. */
START_TEST(mixed_encodings_refused)
{
    plan();
    static const char head[] = "Ref,Recommendation,Action,Owner,Due\n";
    static const char utf8_row[] = "1,Rec,Caf\xC3\xA9 for families,Lead,31/12/2017\n";
    static const char w1252_row[] = "2,Rec,Budget \xA3" "120k,Lead,31/12/2017\n";
    char text[400];
    snprintf(text, sizeof text, "%s%s%s", head, w1252_row, utf8_row);
    unsigned long long before = fingerprint(fx_path);
    sp_import_options o = {.review = "tb/r1", .name = "m.csv"};
    sp_import_result *r = NULL;
    ck_assert_int_eq(sp_import_buffer(&r, fx_db, text, strlen(text), &o), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "row 3 has text written as UTF-8, but row "
                                 "2 has bytes that are not UTF-8"));
    ck_assert_uint_eq(fingerprint(fx_path), before);
    sp_import_result_free(r);
    snprintf(text, sizeof text, "\xEF\xBB\xBF%s%s", head, w1252_row);
    r = import_text(fx_db, text, &o, SP_OK);
    ck_assert_int_eq(r->created.actions, 1);
    sp_import_result_free(r);
}
END_TEST

START_TEST(every_bad_cell_of_a_row)
{
    plan();
    ck_assert_int_eq(sp_authority_add(NULL, fx_db, &(sp_authority_new){"hb", "HB", NULL}),
                     SP_OK);
    static const char text[] = "Finding,Action,Owner,Start,Status,Timescale,Last updated\n"
                               "F,A,O,30/02/2017,Sort of,Jul-12,yesterday\n"
                               "F,B,O,,,Complete,\n";
    sp_import_options o = {.name = "s.csv", .authority = "hb"};
    sp_import_result *r = import_text(fx_db, text, &o, SP_EINVALID);
    ck_assert_int_eq(r->rejected, 1);
    ck_assert_int_eq(r->nerrors, 4);
    ck_assert_ptr_nonnull(strstr(r->errors[0], "s.csv:2:5: status 'Sort of'"));
    ck_assert_ptr_nonnull(strstr(r->errors[1], "s.csv:2:4: start date"));
    ck_assert_ptr_nonnull(strstr(r->errors[2], "s.csv:2:7: last update date"));
    ck_assert_ptr_nonnull(strstr(r->errors[3], "s.csv:2:6: timescale 'Jul-12' is ambiguous"));
    sp_import_result_free(r);
}
END_TEST

/* The checks for control characters and for text that is not UTF-8 test
 * eight bytes at a time (swar.h): a bad byte at any offset of a long cell,
 * across three words, must still be found. */
START_TEST(bad_bytes_found_at_every_offset)
{
    plan();
    for (int at = 0; at < 24; at++) {
        char body[256], what[32];
        memset(what, 'a', 24);
        what[24] = '\0';
        what[at] = '\x01';
        snprintf(body, sizeof body, "1,T,Rec,%s,Lead,01/04/2017,30/09/2017,Complete\r\n", what);
        sp_import_result_free(rejected(body, "bad.csv:2:4: action holds a control character"));
        what[at] = '\x81'; /* not UTF-8, so Windows-1252, where 0x81 is not text */
        snprintf(body, sizeof body, GOOD_ROW "2,T,Rec,%s,Lead,,,\r\n", what);
        sp_import_result_free(rejected(body, "bad.csv:3:4: byte 0x81 is not text in Windows-1252"));
    }
}
END_TEST

static Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = fx_tcase("export");
    tcase_add_test(tc, export_header_is_the_field_list);
    tcase_add_test(tc, export_bom_and_bad_filter);
    suite_add_tcase(s, tc);
    tc = fx_tcase("round trip");
    tcase_add_test(tc, round_trip_example_plan);
    tcase_add_test(tc, round_trip_awkward_text);
    tcase_add_test(tc, guard_is_reversed_exactly);
    suite_add_tcase(s, tc);
    tc = fx_tcase("council sheets");
    tcase_add_test(tc, council_sheet_from_excel);
    tcase_add_test(tc, keep_rag_imports_overrides);
    tcase_add_test(tc, aliases_fit_the_guard);
    tcase_add_test(tc, map_and_unplaced_columns);
    tcase_add_test(tc, header_below_a_title);
    tcase_add_test(tc, summary_box_above_the_header);
    tcase_add_test(tc, semicolon_separated);
    tcase_add_test(tc, placement_options);
    tcase_add_loop_test(tc, dated_progress_headers, 0,
                        sizeof round_headers / sizeof round_headers[0]);
    tcase_add_test(tc, dated_progress_map);
    suite_add_tcase(s, tc);
    tc = fx_tcase("real plans");
    tcase_add_test(tc, real_plan_kinds_and_fill_down);
    tcase_add_test(tc, every_bad_cell_of_a_row);
    tcase_add_test(tc, typed_apostrophe_is_dropped);
    tcase_add_test(tc, section_headings_and_footers);
    tcase_add_test(tc, mixed_encodings_refused);
    suite_add_tcase(s, tc);
    tc = fx_tcase("updates");
    tcase_add_test(tc, existing_actions_get_updates);
    tcase_add_test(tc, repeated_reference_in_bulk_load);
    tcase_add_test(tc, bulk_load_equals_row_by_row);
    tcase_add_test(tc, council_sheet_bulk_equals_row_by_row);
    tcase_add_test(tc, findings_by_text_are_made_once);
    tcase_add_test(tc, first_update_cases_bulk_equals_row_by_row);
    tcase_add_test(tc, completion_apart_bulk_equals_row_by_row);
    tcase_add_test(tc, history_replay_merges_runs);
    suite_add_tcase(s, tc);
    tc = fx_tcase("malformed");
    tcase_add_test(tc, malformed_files_change_nothing);
    tcase_add_test(tc, bad_bytes_found_at_every_offset);
    tcase_add_test(tc, every_bad_row_is_reported);
    tcase_add_test(tc, error_list_is_capped);
    tcase_add_test(tc, header_problems);
    suite_add_tcase(s, tc);
    tc = fx_tcase("dry run");
    tcase_add_test(tc, dry_run_changes_nothing_and_predicts);
    tcase_add_test(tc, import_from_a_file_handle);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(import_suite)
