/* Accounts and sessions: account.c. */
#include <string.h>

#include "fixture.h"

static const char *const tb[] = {"tb"};

static void add(const char *name, const char *role, const char *pw)
{
    sp_account_new in = {name, role, NULL, NULL, tb, 1, 0, pw};
    int64_t id;
    ck_assert_msg(sp_account_add(&id, fx_db, &in) == SP_OK, "%s", sp_errmsg(fx_db));
}

START_TEST(add_and_refusals)
{
    fx_minimal_plan();
    add("reader", "viewer", "long enough pw");
    sp_account_new in = {"reader", "viewer", NULL, NULL, tb, 1, 0, "long enough pw"};
    ck_assert_int_eq(sp_account_add(NULL, fx_db, &in), SP_EEXISTS);
    in.name = "other";
    in.role = "boss";
    ck_assert_int_eq(sp_account_add(NULL, fx_db, &in), SP_EINVALID);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "viewer, officer"));
    in.role = "viewer";
    in.password = "short";
    ck_assert_int_eq(sp_account_add(NULL, fx_db, &in), SP_EINVALID);
    in.password = "long enough pw";
    in.n_authorities = 0;
    ck_assert_int_eq(sp_account_add(NULL, fx_db, &in), SP_EINVALID);
    static const char *const nowhere[] = {"nowhere"};
    in.authorities = nowhere;
    in.n_authorities = 1;
    ck_assert_int_eq(sp_account_add(NULL, fx_db, &in), SP_ENOTFOUND);
    /* A refused add leaves nothing behind. */
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM account"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM account_authority"), 1);
}
END_TEST

START_TEST(sessions)
{
    fx_minimal_plan();
    add("reader", "viewer", "long enough pw");
    char tok[SP_TOKEN_SIZE], tok2[SP_TOKEN_SIZE];
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "wrong password", 1000), SP_EINVALID);
    char msg[256];
    snprintf(msg, sizeof msg, "%s", sp_errmsg(fx_db));
    ck_assert_int_eq(sp_session_start(tok, fx_db, "nobody", "wrong password", 1000), SP_EINVALID);
    ck_assert_str_eq(sp_errmsg(fx_db), msg); /* unknown name looks the same */
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "long enough pw", 1000), SP_OK);
    ck_assert_int_eq(sp_session_start(tok2, fx_db, "reader", "long enough pw", 1000), SP_OK);
    ck_assert_str_ne(tok, tok2);
    ck_assert_uint_eq(strlen(tok), 64);
    sp_session s;
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 1500, 1800, 43200), SP_OK);
    ck_assert_str_eq(s.name, "reader");
    ck_assert_str_eq(s.role, "viewer");
    ck_assert_uint_eq(strlen(s.csrf), 64);
    /* Idle: last used at 1500, so gone at 1500 + 1800. */
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 3299, 1800, 43200), SP_OK);
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 5100, 1800, 43200), SP_ENOTFOUND);
    /* Finding does not mark it used; touching does (last used 3299). */
    ck_assert_int_eq(sp_session_find(&s, fx_db, tok, 5000, 1800, 43200), SP_OK);
    ck_assert_str_eq(s.name, "reader");
    ck_assert_int_eq(sp_session_find(&s, fx_db, tok, 5099, 1800, 43200), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_touch(fx_db, tok, 5000), SP_OK);
    ck_assert_int_eq(sp_session_find(&s, fx_db, tok, 6799, 1800, 43200), SP_OK);
    ck_assert_int_eq(sp_session_touch(fx_db, "short", 5000), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 6900, 1800, 43200), SP_ENOTFOUND);
    /* Absolute: started at 1000. */
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok2, 44300, 100000, 43200), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "long enough pw", 2000), SP_OK);
    ck_assert_int_eq(sp_session_end(fx_db, tok), SP_OK);
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 2001, 1800, 43200), SP_ENOTFOUND);
}
END_TEST

START_TEST(disable_and_passwd_end_sessions)
{
    fx_minimal_plan();
    add("reader", "viewer", "long enough pw");
    char tok[SP_TOKEN_SIZE];
    sp_session s;
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "long enough pw", 1000), SP_OK);
    ck_assert_int_eq(sp_account_passwd(fx_db, "reader", "a new long password"), SP_OK);
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 1001, 1800, 43200), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "long enough pw", 1002), SP_EINVALID);
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "a new long password", 1003), SP_OK);
    ck_assert_int_eq(sp_account_disable(fx_db, "reader"), SP_OK);
    ck_assert_int_eq(sp_session_get(&s, fx_db, tok, 1004, 1800, 43200), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_start(tok, fx_db, "reader", "a new long password", 1005),
                     SP_EINVALID);
    ck_assert_int_eq(sp_account_disable(fx_db, "nobody"), SP_ENOTFOUND);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM account"), 1);
}
END_TEST

/* Expired sessions are deleted, idle or too old; a live one stays. Found
 * with windows wide enough that only a deleted session is missing. */
START_TEST(purge_deletes_only_expired_sessions)
{
    fx_minimal_plan();
    add("reader", "viewer", "long enough pw");
    char idle[SP_TOKEN_SIZE], old[SP_TOKEN_SIZE], live[SP_TOKEN_SIZE];
    sp_session s;
    ck_assert_int_eq(sp_session_start(idle, fx_db, "reader", "long enough pw", 1000), SP_OK);
    ck_assert_int_eq(sp_session_start(old, fx_db, "reader", "long enough pw", 1000), SP_OK);
    ck_assert_int_eq(sp_session_touch(fx_db, old, 44500), SP_OK);
    ck_assert_int_eq(sp_session_start(live, fx_db, "reader", "long enough pw", 44000), SP_OK);
    ck_assert_int_eq(sp_session_purge(fx_db, 45000, 1800, 43200), SP_OK);
    ck_assert_int_eq(sp_session_find(&s, fx_db, idle, 45000, 1000000, 1000000), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_find(&s, fx_db, old, 45000, 1000000, 1000000), SP_ENOTFOUND);
    ck_assert_int_eq(sp_session_find(&s, fx_db, live, 45000, 1800, 43200), SP_OK);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM session"), 1);
    /* At the very second a session expires, it goes. */
    ck_assert_int_eq(sp_session_purge(fx_db, 45800, 1800, 43200), SP_OK);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM session"), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("account");
    TCase *tc = fx_tcase("account");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, add_and_refusals);
    tcase_add_test(tc, sessions);
    tcase_add_test(tc, disable_and_passwd_end_sessions);
    tcase_add_test(tc, purge_deletes_only_expired_sessions);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
