/* Authorities, reviews, findings, owners and actions; references. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define CK_OK(call) ck_assert_msg((call) == SP_OK, "%s: %s", #call, sp_errmsg(fx_db))

static void assert_fails(int rc, int expected, const char *msg_part)
{
    ck_assert_int_eq(rc, expected);
    ck_assert_msg(strstr(sp_errmsg(fx_db), msg_part), "message '%s' lacks '%s'",
                  sp_errmsg(fx_db), msg_part);
}

START_TEST(authority_rules)
{
    sp_authority_new a = {.code = "torbay", .name = "Torbay Council", .kind = "Council"};
    int64_t id = 0;
    CK_OK(sp_authority_add(&id, fx_db, &a));
    ck_assert_int_gt(id, 0);
    assert_fails(sp_authority_add(NULL, fx_db, &a), SP_EEXISTS, "already exists");
    sp_authority_new bad = {.code = "Torbay Council", .name = "x"};
    assert_fails(sp_authority_add(NULL, fx_db, &bad), SP_EINVALID, "'Torbay Council'");
    sp_authority_new digit = {.code = "17", .name = "x"};
    assert_fails(sp_authority_add(NULL, fx_db, &digit), SP_EINVALID, "starting with a letter");
    sp_authority_new empty = {.code = "leicester", .name = "  "};
    assert_fails(sp_authority_add(NULL, fx_db, &empty), SP_EINVALID, "name must not be empty");
    sp_authority_new kind = {.code = "leicester", .name = "Leicester", .kind = "county"};
    assert_fails(sp_authority_add(NULL, fx_db, &kind), SP_EINVALID, "council, partnership");
    sp_cursor *c;
    CK_OK(sp_authority_list(&c, fx_db));
    ck_assert_int_eq(fx_count(c), 1);
}
END_TEST

/* The codes for a choice of authority: code and name, by code, no counts. */
START_TEST(authority_codes_in_code_order)
{
    fx_minimal_plan(); /* tb */
    sp_authority_new lc = {.code = "lc", .name = "Leicester City Council"};
    CK_OK(sp_authority_add(NULL, fx_db, &lc));
    sp_cursor *c;
    CK_OK(sp_authority_codes(&c, fx_db));
    ck_assert_int_eq(sp_cursor_columns(c), 2);
    ck_assert_str_eq(sp_cursor_name(c, 0), "code");
    ck_assert_str_eq(sp_cursor_name(c, 1), "name");
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "lc");
    ck_assert_str_eq(sp_cursor_text(c, 1), "Leicester City Council");
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_text(c, 0), "tb");
    ck_assert_int_eq(sp_cursor_step(c), SP_DONE);
    sp_cursor_free(c);
}
END_TEST

START_TEST(review_rules)
{
    fx_minimal_plan();
    sp_review_new r = {.authority = "tb", .ref = "2015-ofsted", .kind = "Ofsted inspection",
                       .title = "Ofsted single inspection", .from = "02/03/2015",
                       .to = "2015-03-26", .judgement = "Requires Improvement"};
    CK_OK(sp_review_add(NULL, fx_db, &r));
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM review WHERE started_on = "
                                         "'2015-03-02' AND kind = 'ofsted_inspection'"), 1);
    assert_fails(sp_review_add(NULL, fx_db, &r), SP_EEXISTS, "tb/2015-ofsted");
    sp_review_new bad = r;
    bad.ref = "x1";
    bad.from = "2017-02-30";
    assert_fails(sp_review_add(NULL, fx_db, &bad), SP_EINVALID, "'2017-02-30'");
    bad.from = "2015-03-27";
    assert_fails(sp_review_add(NULL, fx_db, &bad), SP_EINVALID, "before its start date");
    bad.from = NULL;
    bad.authority = "nowhere";
    assert_fails(sp_review_add(NULL, fx_db, &bad), SP_ENOTFOUND, "no authority 'nowhere'");
    bad.authority = "tb";
    bad.ref = "has space";
    assert_fails(sp_review_add(NULL, fx_db, &bad), SP_EINVALID, "'has space'");
    sp_cursor *c;
    CK_OK(sp_review_list(&c, fx_db, "tb", 0));
    ck_assert_int_eq(fx_count(c), 2);
    assert_fails(sp_review_list(&c, fx_db, "zz", 0), SP_ENOTFOUND, "zz");
    ck_assert_ptr_null(c);
}
END_TEST

START_TEST(finding_rules)
{
    fx_minimal_plan();
    sp_finding_new f = {.review = "tb/r1", .ref = "R3", .kind = "recommendation",
                        .theme = "Vision, strategy and leadership",
                        .text = "Ensure the \"voice of the child\" is heard"};
    CK_OK(sp_finding_add(NULL, fx_db, &f));
    assert_fails(sp_finding_add(NULL, fx_db, &f), SP_EEXISTS, "tb/r1/R3");
    f.ref = "R4";
    f.review = "tb";
    assert_fails(sp_finding_add(NULL, fx_db, &f), SP_EINVALID, "AUTHORITY/REVIEW");
    f.review = "tb/r1";
    f.kind = "opinion";
    assert_fails(sp_finding_add(NULL, fx_db, &f), SP_EINVALID, "strength");
    f.kind = "strength";
    f.text = "";
    assert_fails(sp_finding_add(NULL, fx_db, &f), SP_EINVALID, "text must not be empty");
    sp_cursor *c;
    CK_OK(sp_finding_list(&c, fx_db, "tb/r1", 0));
    ck_assert_int_eq(fx_count(c), 2);
}
END_TEST

START_TEST(action_add_creates_owner_and_numbers_refs)
{
    fx_minimal_plan();
    CK_OK(sp_set_today(fx_db, "2012-06-01"));
    sp_action_new a = {.finding = "tb/r1/1", .title = "Remove unnecessary ICS fields",
                       .owner = "Head of Service for Safeguarding", .due = "end of July 2012"};
    char due[SP_DATE_SIZE];
    int64_t id1 = 0, id2 = 0;
    CK_OK(sp_action_add(&id1, due, fx_db, &a));
    ck_assert_str_eq(due, "2012-07-31");
    a.due = "3 months";
    a.start = "15/09/2012";
    CK_OK(sp_action_add(&id2, due, fx_db, &a));
    ck_assert_str_eq(due, "2012-12-15");
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner"), 1);
    char *path = NULL;
    CK_OK(sp_ref_path(&path, fx_db, "action", id2));
    ck_assert_str_eq(path, "tb/r1/1/2");
    sp_free(path);
    int64_t found = 0;
    CK_OK(sp_resolve(&found, fx_db, "action", "TB/r1/1/2"));
    ck_assert_int_eq(found, id2);
    CK_OK(sp_resolve(&found, fx_db, "action", "1"));
    ck_assert_int_eq(found, id1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action WHERE original_due_on = "
                                         "due_on AND status = 'not_started'"), 2);
}
END_TEST

START_TEST(action_add_refusals_change_nothing)
{
    fx_minimal_plan();
    sp_action_new a = {.finding = "tb/r1/1", .title = "Recruit a Principal Social Worker",
                       .owner = "Director of Children's Services", .due = "yesterday"};
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_EINVALID, "'yesterday'");
    a.due = "31/13/2017";
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_EINVALID, "'31/13/2017'");
    a.due = "2017-01-01";
    a.start = "2017-02-01";
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_EINVALID, "before the start date");
    a.start = NULL;
    a.title = " ";
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_EINVALID, "title must not be empty");
    a.title = "x";
    a.finding = "tb/r1/9";
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_ENOTFOUND, "no finding 'tb/r1/9'");
    a.finding = "tb/r1/1";
    a.owner = "4242";
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_ENOTFOUND, "4242");
    a.owner = "Director of Children's Services";
    a.ref = "1";
    CK_OK(sp_action_add(NULL, NULL, fx_db, &a));
    assert_fails(sp_action_add(NULL, NULL, fx_db, &a), SP_EEXISTS, "already exists");
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM action"), 1);
    ck_assert_int_eq(fx_raw_int(fx_path, "SELECT count(*) FROM owner"), 1);
}
END_TEST

START_TEST(references)
{
    fx_minimal_plan();
    int64_t id = 0;
    CK_OK(sp_resolve(&id, fx_db, "review", "tb/r1"));
    assert_fails(sp_resolve(&id, fx_db, "review", "tb/r1/1"), SP_EINVALID, "AUTHORITY/REVIEW");
    assert_fails(sp_resolve(&id, fx_db, "finding", "99"), SP_ENOTFOUND, "no finding with id 99");
    assert_fails(sp_resolve(&id, fx_db, "action", "a/b/c/d/e"), SP_EINVALID,
                 "AUTHORITY/REVIEW/FINDING/ACTION");
    assert_fails(sp_resolve(&id, fx_db, "authority", "tb' OR 1=1 --"), SP_ENOTFOUND, "no authority");
    sp_cursor *c;
    CK_OK(sp_action_list(&c, fx_db, "tb/r1"));
    ck_assert_int_eq(fx_count(c), 0);
    assert_fails(sp_action_list(&c, fx_db, "7"), SP_EINVALID, "scope");
}
END_TEST

START_TEST(cursor_types_and_names)
{
    fx_minimal_plan();
    sp_action_new a = {.finding = "tb/r1/1", .title = "t", .owner = "o", .due = "2013-01-01"};
    CK_OK(sp_action_add(NULL, NULL, fx_db, &a));
    sp_cursor *c;
    CK_OK(sp_action_list(&c, fx_db, NULL));
    ck_assert_int_eq(sp_cursor_step(c), SP_ROW);
    ck_assert_str_eq(sp_cursor_name(c, 0), "id");
    ck_assert_int_eq(sp_cursor_type(c, 0), SP_COL_INT);
    ck_assert_str_eq(sp_cursor_name(c, 6), "due_on");
    ck_assert_int_eq(sp_cursor_type(c, 6), SP_COL_DATE);
    ck_assert_str_eq(sp_cursor_text(c, 6), "2013-01-01");
    ck_assert_int_eq(sp_cursor_type(c, 2), SP_COL_TEXT);
    ck_assert_int_eq(sp_cursor_step(c), SP_DONE);
    sp_cursor_free(c);
    sp_cursor_free(NULL);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("objects");
    TCase *tc = fx_tcase("objects");
    tcase_add_test(tc, authority_rules);
    tcase_add_test(tc, authority_codes_in_code_order);
    tcase_add_test(tc, review_rules);
    tcase_add_test(tc, finding_rules);
    tcase_add_test(tc, action_add_creates_owner_and_numbers_refs);
    tcase_add_test(tc, action_add_refusals_change_nothing);
    tcase_add_test(tc, references);
    tcase_add_test(tc, cursor_types_and_names);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
