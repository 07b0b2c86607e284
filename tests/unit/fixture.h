/* Shared fixture for the Check suites: each test gets a fresh database file
 * in its own temporary directory, removed afterwards. */
#ifndef SP_FIXTURE_H
#define SP_FIXTURE_H
#include <check.h>
#include "safeplan.h"

extern sp_db *fx_db;          /* open on fx_path during a test */
extern char fx_dir[256];      /* the test's temporary directory */
extern char fx_path[300];     /* fx_dir/test.db */

void fx_setup(void);          /* creates fx_dir and opens a new database */
void fx_teardown(void);       /* closes it and removes fx_dir */

/* Runs `sql` directly on the file through SQLite (bypassing the library);
 * returns the SQLite result code. */
int fx_raw_exec(const char *path, const char *sql);

/* The first column of the first row of `sql` as an integer (raw SQLite). */
long long fx_raw_int(const char *path, const char *sql);

/* The same as text, which the caller frees ("" when there is no row or it
 * is NULL). */
char *fx_raw_text(const char *path, const char *sql);

/* Counts the rows a cursor yields, then frees it. */
int fx_count(sp_cursor *c);

/* An authority with one LGA peer review (from `from`) and its finding 1
 * (an area for consideration). */
typedef struct fx_place {
    const char *code, *name, *review, *from, *theme, *text;
} fx_place;
void fx_council(const fx_place *at);

/* Adds a minimal authority/review/finding so tests can add actions:
 * authority "tb", review "tb/r1", finding "tb/r1/1". */
void fx_minimal_plan(void);

/* Defines main() running the suite made by `fn`. */
#define SP_TEST_MAIN(fn)                                              \
    int main(void) {                                                  \
        SRunner *sr = srunner_create(fn());                           \
        srunner_run_all(sr, CK_NORMAL);                               \
        int failed = srunner_ntests_failed(sr);                       \
        srunner_free(sr);                                             \
        return failed == 0 ? 0 : 1;                                   \
    }

/* A test case whose tests each run with the fresh-database fixture. */
TCase *fx_tcase(const char *name);
#endif
