#include "fixture.h"
#include "internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

sp_db *fx_db;
char fx_dir[256];
char fx_path[300];

void fx_setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(fx_dir, sizeof fx_dir, "%s/sp-unit-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(fx_dir));
    snprintf(fx_path, sizeof fx_path, "%s/test.db", fx_dir);
    int rc = sp_open(&fx_db, fx_path, SP_OPEN_CREATE);
    ck_assert_msg(rc == SP_OK, "open: %s", sp_errmsg(fx_db));
}

void fx_teardown(void)
{
    sp_close(fx_db);
    fx_db = NULL;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", fx_dir);
}

int fx_raw_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    /* History triggers hash each entry (as the sqlite3 shell can with the
     * safeplan_hash extension). */
    if (rc == SQLITE_OK)
        rc = sp_chain_register(db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

long long fx_raw_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    long long v = -1;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                  sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

char *fx_raw_text(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                  sqlite3_errmsg(db));
    const unsigned char *v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    char *text = strdup(v ? (const char *)v : "");
    ck_assert_ptr_nonnull(text);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return text;
}

int fx_count(sp_cursor *c)
{
    int n = 0, rc;
    while ((rc = sp_cursor_step(c)) == SP_ROW)
        n++;
    ck_assert_int_eq(rc, SP_DONE);
    sp_cursor_free(c);
    return n;
}

void fx_council(const fx_place *at)
{
    char review[64];
    snprintf(review, sizeof review, "%s/%s", at->code, at->review);
    sp_authority_new a = {.code = at->code, .name = at->name};
    ck_assert_msg(sp_authority_add(NULL, fx_db, &a) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_review_new r = {.authority = at->code, .ref = at->review, .kind = "lga_peer_review",
                       .title = "LGA safeguarding peer review", .from = at->from};
    ck_assert_msg(sp_review_add(NULL, fx_db, &r) == SP_OK, "%s", sp_errmsg(fx_db));
    sp_finding_new f = {.review = review, .ref = "1", .kind = "area_for_consideration",
                        .theme = at->theme, .text = at->text};
    ck_assert_msg(sp_finding_add(NULL, fx_db, &f) == SP_OK, "%s", sp_errmsg(fx_db));
}

void fx_minimal_plan(void)
{
    fx_council(&(fx_place){"tb", "Torbay Council", "r1", "2012-05-21",
                           "Capacity and managing resources", "Streamline paperwork"});
}

TCase *fx_tcase(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    return tc;
}
