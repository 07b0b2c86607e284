/*
 * libFuzzer target: `safeplan import` — bytes as a CSV file imported
 * (sp_import_buffer) into a database holding a small plan, with the
 * options chosen by the first byte. Oracles beyond "does not crash":
 *  1. a dry run changes nothing and reports exactly what the real import
 *     then does (same code, rows, created, updated, unchanged, rejected,
 *     irregular, errors);
 *  2. all or nothing: an import that fails leaves the database as it was,
 *     and one that succeeds says it committed;
 *  3. the result is well formed (every message present, at most
 *     SP_IMPORT_MAX_ERRORS kept, rejected > 0 whenever errors are kept
 *     after a header that could be used);
 *  4. after a successful import, the export of the plan imported again
 *     changes nothing (every row unchanged), and imported into an empty
 *     database exports again byte for byte (as `export --help` promises);
 *  5. a bulk load (the input, and that export, imported into the empty
 *     database) writes only rows the schema's CHECKs accept, though it does
 *     not evaluate them (sql/import.sql, bulk_checks_off), and leaves the
 *     connection with its CHECKs on.
 * After each input both databases are restored from pristine copies with
 * SQLite's backup API, so every input starts from the same state.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h" /* db->sql, for restoring and fingerprinting */

#define TODAY "2017-07-01"

static sp_db *db, *empty;
static sqlite3 *db_pristine, *empty_pristine;

static const char plan_csv[] =
    "authority,authority_name,review,review_kind,review_title,finding_ref,finding_kind,"
    "theme,finding,action_ref,action,owner,start_on,due_on,status,last_update_on,"
    "last_update_note\r\n"
    "torbay,Torbay Council,2012-peer,lga_peer_review,LGA peer review,3,recommendation,"
    "Capacity,Streamline paperwork,1,Remove ICS fields,Head of Service,2012-06-01,"
    "2012-07-31,in_progress,2012-07-01,Fields listed\r\n"
    "torbay,Torbay Council,2012-peer,lga_peer_review,LGA peer review,3,recommendation,"
    "Capacity,Streamline paperwork,2,Recruit a PSW,LSCB Business Manager,,3 months,"
    "not_started,,\r\n";

static void die(const char *what, sp_db *d)
{
    fprintf(stderr, "fuzz_import: %s: %s\n", what, d ? sp_errmsg(d) : "");
    abort();
}

static sqlite3 *snapshot(sp_db *d)
{
    sqlite3 *mem;
    if (sqlite3_open(":memory:", &mem) != SQLITE_OK)
        die("opening a snapshot", NULL);
    sqlite3_backup *b = sqlite3_backup_init(mem, "main", d->sql, "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE || sqlite3_backup_finish(b) != SQLITE_OK)
        die("taking a snapshot", d);
    return mem;
}

static void restore(sp_db *d, sqlite3 *from)
{
    sqlite3_backup *b = sqlite3_backup_init(d->sql, "main", from, "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE || sqlite3_backup_finish(b) != SQLITE_OK)
        die("restoring", d);
}

/* SQLite's in-memory database: nothing touches the disk. */
static sp_db *open_db(void)
{
    sp_db *d;
    if (sp_open(&d, ":memory:", SP_OPEN_CREATE) != SP_OK || sp_set_today(d, TODAY) != SP_OK)
        die("opening", d);
    return d;
}

static void cleanup(void)
{
    sp_close(db);
    sp_close(empty);
    sqlite3_close(db_pristine);
    sqlite3_close(empty_pristine);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    atexit(cleanup);
    db = open_db();
    empty = open_db();
    sp_import_result *r = NULL;
    if (sp_import_buffer(&r, db, plan_csv, sizeof plan_csv - 1, NULL) != SP_OK)
        die(r && r->nerrors ? r->errors[0] : "importing the starting plan", db);
    sp_import_result_free(r);
    db_pristine = snapshot(db);
    empty_pristine = snapshot(empty);
    return 0;
}

/* Everything an import can change, boiled down to one string. */
static void fingerprint(char *out, size_t size, sp_db *d)
{
    static const char q[] =
        "SELECT (SELECT count(*) FROM authority) || ',' || (SELECT count(*) FROM review)"
        " || ',' || (SELECT count(*) FROM finding) || ',' || (SELECT count(*) FROM owner)"
        " || ',' || (SELECT count(*) FROM action) || ',' || (SELECT count(*) FROM action_update)"
        " || ',' || (SELECT total(owner_id + length(status) + julianday(due_on)"
        "   + coalesce(length(transferred_to), 0) + coalesce(length(rag_override), 0))"
        "   FROM action)";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(d->sql, q, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW)
        die("fingerprint", d);
    snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static void check_result(const sp_import_result *r, int rc)
{
    if (!r)
        die("no result", db);
    if (r->nerrors > SP_IMPORT_MAX_ERRORS || r->nnotes > SP_IMPORT_MAX_ERRORS)
        die("too many messages kept", db);
    for (size_t i = 0; i < r->nerrors; i++)
        if (!r->errors[i] || !r->errors[i][0])
            die("an empty error message", db);
    for (size_t i = 0; i < r->nunplaced; i++)
        if (!r->unplaced[i].header || r->unplaced[i].column == 0)
            die("a bad unplaced column", db);
    if (rc == SP_OK && (r->rejected != 0 || r->nerrors != 0))
        die("success with rejected rows", db);
    if (rc != SP_OK && sp_errmsg(db)[0] == '\0')
        die("a failure without a message", db);
}

static void same_result(const sp_import_result *a, int rca, const sp_import_result *b, int rcb)
{
    if (rca != rcb || a->rows != b->rows || a->rejected != b->rejected ||
        a->updated != b->updated || a->unchanged != b->unchanged ||
        a->irregular != b->irregular || a->nerrors != b->nerrors ||
        memcmp(&a->created, &b->created, sizeof a->created) != 0) {
        fprintf(stderr, "dry run: rc %d rows %lld rejected %lld updated %lld actions %lld\n"
                        "real:    rc %d rows %lld rejected %lld updated %lld actions %lld\n",
                rca, (long long)a->rows, (long long)a->rejected, (long long)a->updated,
                (long long)a->created.actions, rcb, (long long)b->rows,
                (long long)b->rejected, (long long)b->updated, (long long)b->created.actions);
        abort();
    }
    for (size_t i = 0; i < a->nerrors; i++)
        if (strcmp(a->errors[i], b->errors[i]) != 0)
            die("the dry run's errors differ", db);
}

/* Runs sql on d; dies naming what if it fails. */
static void exec_or_die(sp_db *d, const char *sql, const char *what)
{
    char *err = NULL;
    if (sqlite3_exec(d->sql, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "fuzz_import: %s: %s\n", what, err ? err : "");
        abort();
    }
}

/* Oracle 5: every row of the tables an import writes, inserted again into a
 * copy of its table made by the table's own CREATE statement, CHECKs and
 * all (the WHERE keeps SQLite from copying the rows unread). The copies go
 * in an attached database, not temp: once a connection's temp database is
 * open, an import's bulk load cannot set temp_store inside its transaction
 * (the library never opens it). */
static void check_schema_rules(sp_db *d)
{
    static const char *const tables[] = {"authority", "review", "finding", "owner", "action",
                                         "action_origin", "action_update", "journal"};
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(d->sql, "SELECT ignore_check_constraints FROM "
                           "pragma_ignore_check_constraints", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0)
        die("an import left the schema's CHECKs off", d);
    sqlite3_finalize(st);
    exec_or_die(d, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' AS rules", "checking the rows");
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        if (sqlite3_prepare_v2(d->sql, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' "
                               "AND name = ?", -1, &st, NULL) != SQLITE_OK)
            die("reading the schema", d);
        sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
            die("reading the schema", d);
        char *copy = sqlite3_mprintf("CREATE TABLE rules.checked %s; INSERT INTO rules.checked "
                                     "SELECT * FROM main.\"%w\" WHERE 1; DROP TABLE rules.checked",
                                     strchr((const char *)sqlite3_column_text(st, 0), '('),
                                     tables[i]);
        sqlite3_finalize(st);
        exec_or_die(d, copy, tables[i]);
        sqlite3_free(copy);
    }
    exec_or_die(d, "DETACH rules; PRAGMA foreign_keys = ON", "checking the rows");
}

/* The plan as CSV (the export's default: guarded, no BOM); caller frees. */
static char *export_plan(size_t *len, sp_db *d)
{
    char *text = NULL;
    FILE *mem = open_memstream(&text, len);
    if (!mem || sp_export(NULL, d, mem, TODAY, NULL, 0) != SP_OK)
        die("export", d);
    fclose(mem);
    return text;
}

/* Oracle 4, on the committed plan. */
static void check_round_trip(void)
{
    size_t len1, len2;
    char *csv1 = export_plan(&len1, db);
    sp_import_options dry = {.flags = SP_IMPORT_DRY_RUN};
    sp_import_result *r = NULL;
    int rc = sp_import_buffer(&r, db, csv1, len1, &dry);
    sp_import_counts none = {0};
    if (rc != SP_OK || r->updated != 0 || memcmp(&r->created, &none, sizeof none) != 0) {
        fprintf(stderr, "re-importing the export: rc %d (%s), updated %lld, %lld actions "
                "created\n%.*s\n", rc, sp_errmsg(db), (long long)r->updated,
                (long long)r->created.actions, (int)len1, csv1);
        abort();
    }
    sp_import_result_free(r);
    r = NULL;
    if (sp_import_buffer(&r, empty, csv1, len1, NULL) != SP_OK)
        die(r && r->nerrors ? r->errors[0] : "importing the export into an empty database",
            empty);
    sp_import_result_free(r);
    check_schema_rules(empty);
    char *csv2 = export_plan(&len2, empty);
    if (len1 != len2 || memcmp(csv1, csv2, len1) != 0) {
        fprintf(stderr, "export -> import -> export differs:\n%.*s\n---\n%.*s\n", (int)len1,
                csv1, (int)len2, csv2);
        abort();
    }
    free(csv1);
    free(csv2);
    restore(empty, empty_pristine);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t pick = data[0];
    sp_import_options opt = {.name = "fuzz.csv", .author = "Fuzzer"};
    opt.flags = (pick & 1 ? SP_IMPORT_KEEP_RAG : 0) | (pick & 2 ? SP_IMPORT_RAW : 0);
    if ((pick >> 2) % 3 == 1)
        opt.review = "torbay/2012-peer";
    else if ((pick >> 2) % 3 == 2)
        opt.authority = "torbay";
    if (pick & 0x40)
        opt.map = "Lead officer=owner,Notes=ignore";

    char before[256], after[256];
    fingerprint(before, sizeof before, db);
    sp_import_result *dry = NULL, *real = NULL;
    opt.flags |= SP_IMPORT_DRY_RUN;
    int rc_dry = sp_import_buffer(&dry, db, data + 1, size - 1, &opt);
    check_result(dry, rc_dry);
    fingerprint(after, sizeof after, db);
    if (strcmp(before, after) != 0 || dry->committed)
        die("a dry run changed the database", db);

    opt.flags &= ~(unsigned)SP_IMPORT_DRY_RUN;
    int rc = sp_import_buffer(&real, db, data + 1, size - 1, &opt);
    check_result(real, rc);
    same_result(dry, rc_dry, real, rc);
    fingerprint(after, sizeof after, db);
    if (rc != SP_OK && (strcmp(before, after) != 0 || real->committed))
        die("a failed import changed the database", db);
    if (rc == SP_OK && !real->committed)
        die("a successful import did not commit", db);
    if (rc == SP_OK)
        check_round_trip();
    /* Oracle 5 on the input itself: into the empty database it is a bulk
     * load (where it names no place that only the small plan has). One that
     * fails is rolled back, and must leave the CHECKs on too. */
    if (!opt.review && !opt.authority) {
        sp_import_result *bulk = NULL;
        sp_import_buffer(&bulk, empty, data + 1, size - 1, &opt);
        check_schema_rules(empty);
        sp_import_result_free(bulk);
        restore(empty, empty_pristine);
    }
    sp_import_result_free(dry);
    sp_import_result_free(real);
    if (rc == SP_OK)
        restore(db, db_pristine);
    return 0;
}
