/* Opening, creating, upgrading and refusing databases; transactions. */
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "internal.h"

/* A file's bytes, to show a refused file was left exactly as it was. */
static char *slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)*len + 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)*len, f), (size_t)*len);
    fclose(f);
    return buf;
}

static void assert_refused_untouched(const char *path, int expected, const char *msg_part)
{
    long before_len, after_len;
    char *before = slurp(path, &before_len);
    sp_db *db = NULL;
    int rc = sp_open(&db, path, SP_OPEN_CREATE);
    ck_assert_int_eq(rc, expected);
    ck_assert_msg(strstr(sp_errmsg(db), msg_part), "message '%s' lacks '%s'", sp_errmsg(db),
                  msg_part);
    sp_close(db);
    char *after = slurp(path, &after_len);
    ck_assert_int_eq(before_len, after_len);
    ck_assert(memcmp(before, after, (size_t)before_len) == 0);
    free(before);
    free(after);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", path);
    ck_assert_int_ne(access(wal, F_OK), 0);
}

START_TEST(new_file_gets_schema_and_private_mode)
{
    struct stat sb;
    ck_assert_int_eq(stat(fx_path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    ck_assert_int_eq(fx_raw_int(fx_path, "PRAGMA user_version"), sp_schema_version());
    ck_assert_int_eq(fx_raw_int(fx_path, "PRAGMA application_id"), SP_APPLICATION_ID);
    ck_assert_int_ge(sp_schema_version(), 2);
    ck_assert_int_eq(sp_db_version(fx_db), sp_schema_version());
}
END_TEST

/* sp_open, the first use of SQLite in this process (the fixture's), turned
   SQLite's memory statistics off: with them on, every malloc and free took
   a lock and updated counters, 14% of a one-row report (src/lib/db.c). */
START_TEST(memory_statistics_are_off)
{
    sp_cursor *c = NULL;
    ck_assert_int_eq(sp_overdue(&c, fx_db, "2017-07-01", NULL), SP_OK);
    while (sp_cursor_step(c) == SP_ROW)
        ;
    ck_assert_int_eq(sqlite3_memory_used(), 0);
    ck_assert_int_eq(sqlite3_memory_highwater(0), 0);
    sp_cursor_free(c);
}
END_TEST

START_TEST(connection_settings)
{
    sqlite3_stmt *st;
    ck_assert_int_eq(sp_prepare_text(&st, fx_db, "PRAGMA foreign_keys"), SP_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    ck_assert_int_eq(sp_prepare_text(&st, fx_db, "PRAGMA journal_mode"), SP_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    ck_assert_int_eq(sp_prepare_text(&st, fx_db, "PRAGMA busy_timeout"), SP_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_ge(sqlite3_column_int(st, 0), 1000);
    sqlite3_finalize(st);
}
END_TEST

/* Dumps sqlite_master and the settings, the whole observable schema. */
static char *schema_dump(const char *path)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "SELECT type || '|' || name || '|' || tbl_name || '|' || coalesce(sql, '') "
        "FROM sqlite_master UNION ALL SELECT 'setting|' || key || '=' || value FROM setting "
        "ORDER BY 1", -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *row = (const char *)sqlite3_column_text(st, 0);
        size_t n = strlen(row);
        while (len + n + 2 > cap)
            out = realloc(out, cap *= 2);
        memcpy(out + len, row, n);
        len += n;
        out[len++] = '\n';
        out[len] = '\0';
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* Builds a database by applying migrations 1..upto to an empty file. */
static void apply_migrations(const char *path, int upto)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    int n = 0;
    for (size_t i = 0; i < sp_embedded_count && n < upto; i++) {
        if (strncmp(sp_embedded[i].name, "migrations/", 11) != 0)
            continue;
        n++;
        ck_assert_msg(sqlite3_exec(db, sp_embedded[i].data, NULL, NULL, NULL) == SQLITE_OK,
                      "%s: %s", sp_embedded[i].name, sqlite3_errmsg(db));
    }
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             SP_APPLICATION_ID, n);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

START_TEST(schema_equals_migrations)
{
    char migrated[400];
    snprintf(migrated, sizeof migrated, "%s/migrated.db", fx_dir);
    apply_migrations(migrated, sp_schema_version());
    char *a = schema_dump(fx_path), *b = schema_dump(migrated);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}
END_TEST

START_TEST(old_database_is_upgraded_step_by_step)
{
    char old[400];
    snprintf(old, sizeof old, "%s/old.db", fx_dir);
    apply_migrations(old, 1);
    ck_assert_int_eq(fx_raw_exec(old,
        "INSERT INTO authority (code, name) VALUES ('tb', 'Torbay Council');"), SQLITE_OK);
    sp_db *db;
    ck_assert_int_eq(sp_open(&db, old, 0), SP_OK);
    ck_assert_int_eq(sp_db_version(db), sp_schema_version());
    sp_close(db);
    ck_assert_int_eq(fx_raw_int(old, "SELECT count(*) FROM authority WHERE code = 'tb'"), 1);
    ck_assert_int_eq(fx_raw_int(old, "SELECT count(*) FROM action_update"), 0);
    /* The upgraded file has the same schema as a new one. */
    char *a = schema_dump(fx_path), *b = schema_dump(old);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}
END_TEST

/* The names of the action's indexes in the order they were made (rowid):
 * SQLite takes the last made of two that serve a query equally. */
static char *action_index_order(const char *path)
{
    return fx_raw_text(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                             "sqlite_master WHERE type = 'index' AND tbl_name = 'action' "
                             "ORDER BY rowid)");
}

/* A plan bulk-loaded before version 17 had the action's indexes made again
 * in the order of their names (action_owner after action_open_owner, so
 * `owner list` read every action). Upgrading makes them in the schema's
 * order, as a new file has them. */
START_TEST(upgrade_puts_the_indexes_in_the_schemas_order)
{
    char old[400];
    snprintf(old, sizeof old, "%s/loaded.db", fx_dir);
    apply_migrations(old, 16);
    ck_assert_int_eq(fx_raw_exec(old,
        "DROP INDEX action_open_owner; DROP INDEX action_owner;"
        "CREATE INDEX action_open_owner ON action (owner_id)"
        "    WHERE status IN ('not_started', 'in_progress') AND voided = 0;"
        "CREATE INDEX action_owner ON action (owner_id);"
        "DROP INDEX action_voided; DROP INDEX action_open_finding;"
        "CREATE INDEX action_open_finding ON action (finding_id, due_on)"
        "    WHERE status IN ('not_started', 'in_progress');"
        "CREATE INDEX action_voided ON action (finding_id) WHERE voided = 1;"), SQLITE_OK);
    char *made = action_index_order(fx_path), *loaded = action_index_order(old);
    ck_assert_str_ne(made, loaded);
    free(loaded);
    sp_db *db;
    ck_assert_int_eq(sp_open(&db, old, 0), SP_OK);
    sp_close(db);
    loaded = action_index_order(old);
    ck_assert_str_eq(loaded, made);
    free(made);
    free(loaded);
}
END_TEST

START_TEST(newer_version_refused_untouched)
{
    sp_close(fx_db);
    fx_db = NULL;
    ck_assert_int_eq(fx_raw_exec(fx_path, "PRAGMA user_version = 999"), SQLITE_OK);
    assert_refused_untouched(fx_path, SP_ENEWER, "newer safeplan");
}
END_TEST

START_TEST(plain_sqlite_refused_untouched)
{
    char path[400];
    snprintf(path, sizeof path, "%s/other.db", fx_dir);
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL,
                                  NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_refused_untouched(path, SP_ENOTSAFEPLAN, "not a safeplan one");
}
END_TEST

START_TEST(not_sqlite_refused_untouched)
{
    char path[400];
    snprintf(path, sizeof path, "%s/notes.txt", fx_dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 200; i++)
        fputs("Minutes of the improvement board, not a database.\n", f);
    fclose(f);
    assert_refused_untouched(path, SP_ENOTSAFEPLAN, "not a SQLite database");
}
END_TEST

START_TEST(missing_directory_and_missing_file)
{
    char path[400];
    sp_db *db;
    snprintf(path, sizeof path, "%s/no/such/dir/plan.db", fx_dir);
    ck_assert_int_eq(sp_open(&db, path, SP_OPEN_CREATE), SP_ERROR);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(db), "directory does not exist"));
    sp_close(db);
    snprintf(path, sizeof path, "%s/absent.db", fx_dir);
    ck_assert_int_eq(sp_open(&db, path, 0), SP_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(db), "safeplan init"));
    sp_close(db);
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

START_TEST(in_memory_database)
{
    sp_db *db;
    ck_assert_int_eq(chdir(fx_dir), 0);
    ck_assert_int_eq(sp_open(&db, ":memory:", SP_OPEN_CREATE), SP_OK);
    ck_assert_int_eq(sp_db_version(db), sp_schema_version());
    sp_close(db);
    ck_assert_int_ne(access(":memory:", F_OK), 0); /* no stray file */
}
END_TEST

/* The canonical bytes an entry hash covers (src/lib/chain.c), built here
 * with printf and hashed in one call: the library's gathered, printf-free
 * hashing must give the same, for the extremes of each type and for a
 * field larger than its buffer. */
static size_t canon_field(unsigned char *out, char type, const void *p, size_t n)
{
    out[0] = (unsigned char)type;
    for (int i = 0; i < 8; i++)
        out[1 + i] = (unsigned char)((uint64_t)n >> (56 - 8 * i));
    if (n > 0)
        memcpy(out + 9, p, n);
    return 9 + n;
}

/* sp_entry_hash() as query (its one parameter, if any, bound to blob)
 * gives BLAKE2b-256 of the canonical bytes want_bytes[0..n). */
static void assert_entry_hash(const unsigned char *want_bytes, size_t n, const char *query,
                              const void *blob, int nblob)
{
    unsigned char want[32];
    crypto_generichash(want, sizeof want, want_bytes, n, NULL, 0);
    sqlite3 *sql;
    ck_assert_int_eq(sqlite3_open(":memory:", &sql), SQLITE_OK);
    ck_assert_int_eq(sp_chain_register(sql), SQLITE_OK);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(sql, query, -1, &st, NULL), SQLITE_OK);
    if (blob)
        sqlite3_bind_blob(st, 1, blob, nblob, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_bytes(st, 0), 32);
    ck_assert_mem_eq(sqlite3_column_blob(st, 0), want, 32);
    sqlite3_finalize(st);
    sqlite3_close(sql);
}

START_TEST(entry_hash_canonical_bytes)
{
    static const long long ints[] = {-9223372036854775807LL - 1, -10, -1, 0, 7, 10,
                                     1234567890123LL, 9223372036854775807LL};
    static unsigned char want_bytes[8192], blob[3000];
    memset(blob, 0xAB, sizeof blob);
    const char tag[] = "safeplan entry v1";
    size_t n = 0;
    memcpy(want_bytes, tag, sizeof tag);
    n += sizeof tag;
    n += canon_field(want_bytes + n, 'T', "t", 1);
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        char num[32];
        snprintf(num, sizeof num, "%lld", ints[i]);
        n += canon_field(want_bytes + n, 'I', num, strlen(num));
    }
    n += canon_field(want_bytes + n, 'F', "1.5", 3);
    n += canon_field(want_bytes + n, 'T', "\xC3\xA9", 2);
    n += canon_field(want_bytes + n, 'N', NULL, 0);
    n += canon_field(want_bytes + n, 'B', blob, sizeof blob);
    n += canon_field(want_bytes + n, 'T', "", 0);
    assert_entry_hash(want_bytes, n,
                      "SELECT sp_entry_hash('t', -9223372036854775807 - 1, -10, -1, 0, 7, 10, "
                      "1234567890123, 9223372036854775807, 1.5, 'é', NULL, ?, '')",
                      blob, sizeof blob);
}
END_TEST

/* An entry of many short fields fills the hash's buffer, so that some
 * field's tag and length meet its end (src/lib/chain.c gathers the bytes
 * in 1 KiB); the hash is still that of the fields' canonical bytes. */
START_TEST(entry_hash_fills_the_buffer)
{
    enum { FIELDS = 120 };
    static unsigned char want_bytes[4096];
    const char tag[] = "safeplan entry v1";
    size_t n = 0;
    memcpy(want_bytes, tag, sizeof tag);
    n += sizeof tag;
    n += canon_field(want_bytes + n, 'T', "t", 1);
    char sql_text[1024] = "SELECT sp_entry_hash('t'";
    for (int i = 0; i < FIELDS; i++) {
        char one[2] = {(char)('a' + i % 26), '\0'};
        n += canon_field(want_bytes + n, 'T', one, 1);
        snprintf(sql_text + strlen(sql_text), sizeof sql_text - strlen(sql_text), ",'%s'", one);
    }
    strcat(sql_text, ")");
    ck_assert_uint_gt(n, 1024);
    assert_entry_hash(want_bytes, n, sql_text, NULL, 0);
}
END_TEST

/* sp_bitset_next walks a set's members in order, across word boundaries
 * and past the last word, as testing each number with sp_bitset_has does. */
START_TEST(bitset_next_walks_the_members)
{
    static const int64_t members[] = {0, 1, 63, 64, 65, 127, 128, 200, 1000, 4095};
    sp_bitset s = {0};
    ck_assert_int_eq(sp_bitset_next(&s, -1), -1); /* empty */
    for (size_t i = 0; i < sizeof members / sizeof members[0]; i++)
        ck_assert_int_eq(sp_bitset_add(&s, members[i], NULL), SP_OK);
    for (int64_t after = -1; after < 4200; after++) {
        int64_t want = after + 1;
        while (want < 4200 && !sp_bitset_has(&s, want))
            want++;
        ck_assert_int_eq(sp_bitset_next(&s, after), want < 4200 ? want : -1);
    }
    sp_bitset_free(&s);
}
END_TEST

/* ref_path() (ref.c) stands for a || '/' || b ... in every list: the same
 * text for 2 to 4 parts, numbers, UTF-8 and a path longer than its stack
 * buffer, and NULL when any part is NULL. */
START_TEST(ref_path_equals_concatenation)
{
    sp_db *db;
    ck_assert_int_eq(chdir(fx_dir), 0);
    ck_assert_int_eq(sp_open(&db, ":memory:", SP_OPEN_CREATE), SP_OK);
    const char *sql =
        "WITH p(a, b, c, d) AS (VALUES ('torbay', '2012-peer', '3.2', '1'),"
        " ('tÃ©', 7, 1.5, 'x'), (NULL, 'r', 'f', 'a'), ('a', 'r', NULL, 'a'),"
        " ('a', 'r', 'f', NULL), ('', '', '', ''), (hex(zeroblob(700)), 'r', 'f', 'a'))"
        " SELECT count(*), sum(ref_path(a, b, c, d) IS (a || '/' || b || '/' || c || '/' || d)),"
        " sum(ref_path(a, b, c) IS (a || '/' || b || '/' || c)),"
        " sum(ref_path(a, b) IS (a || '/' || b)), sum(ref_path(a, b, c, d) IS NULL),"
        " max(length(ref_path(a, b, c, d))) FROM p";
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(sqlite3_column_int(st, i), sqlite3_column_int(st, 0));
    ck_assert_int_eq(sqlite3_column_int(st, 4), 3);
    ck_assert_int_eq(sqlite3_column_int(st, 5), 1400 + 6); /* past the 1 KiB on the stack */
    sqlite3_finalize(st);
    sp_close(db);
}
END_TEST

START_TEST(nested_transactions)
{
    fx_minimal_plan();
    ck_assert_int_eq(sp_begin(fx_db), SP_OK);
    ck_assert_int_eq(sp_begin(fx_db), SP_OK);
    sp_owner_new o = {.name = "LSCB Business Manager"};
    ck_assert_int_eq(sp_owner_add(NULL, fx_db, &o), SP_OK);
    ck_assert_int_eq(sp_rollback(fx_db), SP_OK); /* inner failure ... */
    ck_assert_int_ne(sp_commit(fx_db), SP_OK);   /* ... dooms the outer */
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner"), 0);
    ck_assert_int_eq(sp_begin(fx_db), SP_OK);
    ck_assert_int_eq(sp_begin(fx_db), SP_OK);
    ck_assert_int_eq(sp_owner_add(NULL, fx_db, &o), SP_OK);
    ck_assert_int_eq(sp_commit(fx_db), SP_OK);
    ck_assert_int_eq(sp_commit(fx_db), SP_OK);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner"), 1);
}
END_TEST

START_TEST(today_can_be_set)
{
    char d[SP_DATE_SIZE];
    ck_assert_int_eq(sp_set_today(fx_db, "30/06/2017"), SP_OK);
    sp_today(fx_db, d);
    ck_assert_str_eq(d, "2017-06-30");
    ck_assert_int_eq(sp_set_today(fx_db, "2017-02-30"), SP_EINVALID);
    ck_assert_int_eq(sp_set_today(fx_db, NULL), SP_OK);
    sp_today(fx_db, d);
    ck_assert_str_ne(d, "2017-06-30");
}
END_TEST

START_TEST(demo_is_idempotent)
{
    int added = -1;
    ck_assert_msg(sp_demo_load(&added, fx_db) == SP_OK, "%s", sp_errmsg(fx_db));
    ck_assert_int_ge(added, 40);
    long long findings = fx_raw_int(fx_path, "SELECT count(*) FROM finding");
    long long updates = fx_raw_int(fx_path, "SELECT count(*) FROM action_update");
    ck_assert_int_ge(findings, 60);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM authority"), 5);
    ck_assert_int_eq(sp_demo_load(&added, fx_db), SP_OK);
    ck_assert_int_eq(added, 0);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM finding"), findings);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action_update"), updates);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("db");
    TCase *tc = fx_tcase("open");
    tcase_add_test(tc, new_file_gets_schema_and_private_mode);
    tcase_add_test(tc, connection_settings);
    tcase_add_test(tc, memory_statistics_are_off);
    tcase_add_test(tc, schema_equals_migrations);
    tcase_add_test(tc, old_database_is_upgraded_step_by_step);
    tcase_add_test(tc, upgrade_puts_the_indexes_in_the_schemas_order);
    tcase_add_test(tc, newer_version_refused_untouched);
    tcase_add_test(tc, plain_sqlite_refused_untouched);
    tcase_add_test(tc, not_sqlite_refused_untouched);
    tcase_add_test(tc, missing_directory_and_missing_file);
    tcase_add_test(tc, in_memory_database);
    tcase_add_test(tc, entry_hash_canonical_bytes);
    tcase_add_test(tc, entry_hash_fills_the_buffer);
    tcase_add_test(tc, ref_path_equals_concatenation);
    tcase_add_test(tc, bitset_next_walks_the_members);
    tcase_add_test(tc, nested_transactions);
    tcase_add_test(tc, today_can_be_set);
    tcase_add_test(tc, demo_is_idempotent);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
