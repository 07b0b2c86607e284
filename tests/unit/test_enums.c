/* Enumerations and the status lifecycle: enums.c (pure functions). */
#include <string.h>

#include "enums.h"
#include "fixture.h"

static void word_is(const char *kind, const char *text, const char *want)
{
    const char *got = sp_enum_word(kind, text);
    ck_assert_msg(got != NULL, "%s '%s' was refused", kind, text);
    ck_assert_msg(strcmp(got, want) == 0, "%s '%s' gave %s, want %s", kind, text, got, want);
}

static void word_bad(const char *kind, const char *text)
{
    const char *got = sp_enum_word(kind, text);
    ck_assert_msg(got == NULL, "%s '%s' was accepted as %s", kind ? kind : "NULL",
                  text ? text : "NULL", got);
}

START_TEST(canonical_words)
{
    const char *kinds[] = {"authority_kind", "review_kind", "finding_kind", "status", "rag"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        /* Every listed value maps to itself. */
        char list[512];
        size_t n = strlen(sp_enum_values(kinds[k]));
        ck_assert_uint_lt(n, sizeof list);
        memcpy(list, sp_enum_values(kinds[k]), n + 1);
        int count = 0;
        for (char *p = list; p && *p; count++) {
            char *comma = strstr(p, ", ");
            if (comma)
                *comma = '\0';
            word_is(kinds[k], p, p);
            p = comma ? comma + 2 : NULL;
        }
        ck_assert_int_gt(count, 1);
    }
}
END_TEST

START_TEST(values_lists)
{
    ck_assert_str_eq(sp_enum_values("authority_kind"),
                     "council, partnership, lscb, trust, other");
    ck_assert_str_eq(sp_enum_values("review_kind"),
                     "lga_peer_review, ofsted_inspection, ofsted_lscb_review, "
                     "monitoring_visit, improvement_notice, self_assessment, other");
    ck_assert_str_eq(sp_enum_values("finding_kind"),
                     "strength, area_for_consideration, recommendation, priority_action, "
                     "area_for_improvement, improvement_notice_requirement");
    ck_assert_str_eq(sp_enum_values("status"),
                     "not_started, in_progress, complete, signed_off, transferred, withdrawn");
    ck_assert_str_eq(sp_enum_values("rag"), "red, amber, green, blue, grey");
    ck_assert_str_eq(sp_enum_values("colour"), "");
    ck_assert_str_eq(sp_enum_values(NULL), "");
}
END_TEST

START_TEST(spellings)
{
    word_is("status", "In progress", "in_progress");
    word_is("status", "IN-PROGRESS", "in_progress");
    word_is("status", "  in   progress\t", "in_progress");
    word_is("status", "in - progress", "in_progress");
    word_is("status", "not started", "not_started");
    word_is("status", "Not Started", "not_started");
    word_is("status", "completed", "complete");
    word_is("status", "Complete", "complete");
    word_is("status", "signed off", "signed_off");
    word_is("status", "Signed-off", "signed_off");
    word_is("status", "sign-off", "signed_off");
    /* Councils' words: open, however late; done, not yet signed off. */
    word_is("status", "On track", "in_progress");
    word_is("status", "Ongoing", "in_progress");
    word_is("status", "Partially complete", "in_progress");
    word_is("status", "Delayed", "in_progress");
    word_is("status", "At risk", "in_progress");
    word_is("status", "Behind schedule", "in_progress");
    word_is("status", "Off-track", "in_progress");
    word_is("status", "Achieved", "complete");
    word_is("status", "Done", "complete");
    word_is("status", "closed", "complete");
    word_is("status", "Complete - awaiting sign off", "complete");
    word_is("status", "Completed - awaiting sign-off", "complete");
    word_is("status", "Superseded", "withdrawn");
    word_is("status", " superseded ", "withdrawn");
    word_is("review_kind", "LGA peer review", "lga_peer_review");
    word_is("review_kind", "peer review", "lga_peer_review");
    word_is("review_kind", "Ofsted inspection", "ofsted_inspection");
    word_is("review_kind", "Ofsted", "ofsted_inspection");
    word_is("review_kind", "Self-assessment", "self_assessment");
    word_is("finding_kind", "area for improvement", "area_for_improvement");
    word_is("finding_kind", "Areas for improvement", "area_for_improvement");
    word_is("finding_kind", "Area for further consideration", "area_for_consideration");
    word_is("finding_kind", "Priority for immediate action", "priority_action");
    word_is("finding_kind", "Recommendation", "recommendation");
    word_is("authority_kind", "LSCB", "lscb");
    word_is("authority_kind", "Local authority", "council");
    word_is("rag", "RED", "red");
    word_is("rag", "gray", "grey");
}
END_TEST

START_TEST(refusals)
{
    word_bad("status", NULL);
    word_bad("status", "");
    word_bad("status", "   ");
    word_bad("status", "---");
    word_bad("status", "Amber"); /* a RAG rating, not a status */
    word_bad("status", "red");
    word_bad("status", "in progres");
    word_bad("status", "in_progress_x");
    word_bad("status", "red");
    word_bad("rag", "in_progress");
    word_bad("rag", "none");
    word_bad("rag", "purple");
    word_bad("review_kind", "council");
    word_bad("finding_kind", "strength!");
    word_bad("colour", "red");
    word_bad(NULL, "red");
    char long_word[200];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    word_bad("status", long_word);
}
END_TEST

START_TEST(open_states)
{
    ck_assert(sp_status_open("not_started"));
    ck_assert(sp_status_open("in_progress"));
    ck_assert(sp_status_open("In progress"));
    ck_assert(!sp_status_open("complete"));
    ck_assert(!sp_status_open("signed_off"));
    ck_assert(!sp_status_open("transferred"));
    ck_assert(!sp_status_open("withdrawn"));
    ck_assert(!sp_status_open("bogus"));
    ck_assert(!sp_status_open(NULL));
}
END_TEST

/* The whole matrix: exactly these moves are allowed. */
START_TEST(transitions)
{
    static const char *const states[] = {"not_started", "in_progress", "complete",
                                         "signed_off", "transferred", "withdrawn"};
    static const char *const allowed[] = {
        "not_started>in_progress", "not_started>transferred", "not_started>withdrawn",
        "in_progress>complete",    "in_progress>transferred", "in_progress>withdrawn",
        "complete>signed_off",     "complete>in_progress",    NULL};
    int n_allowed = 0;
    for (size_t i = 0; i < 6; i++) {
        for (size_t j = 0; j < 6; j++) {
            char pair[64];
            size_t a = strlen(states[i]), b = strlen(states[j]);
            memcpy(pair, states[i], a);
            pair[a] = '>';
            memcpy(pair + a + 1, states[j], b + 1);
            bool want = false;
            for (const char *const *p = allowed; *p; p++)
                want = want || strcmp(*p, pair) == 0;
            ck_assert_msg(sp_status_transition_ok(states[i], states[j]) == want, "%s: want %s",
                          pair, want ? "allowed" : "refused");
            n_allowed += want;
        }
    }
    ck_assert_int_eq(n_allowed, 8);
}
END_TEST

START_TEST(transition_spellings)
{
    ck_assert(sp_status_transition_ok("Not started", "In progress"));
    ck_assert(sp_status_transition_ok("complete", "signed off"));
    ck_assert(!sp_status_transition_ok("not_started", "complete"));
    ck_assert(sp_status_transition_ok("not_started", "started")); /* alias of in_progress */
    ck_assert(!sp_status_transition_ok("bogus", "in_progress"));
    ck_assert(!sp_status_transition_ok("in_progress", "bogus"));
    ck_assert(!sp_status_transition_ok(NULL, "in_progress"));
    ck_assert(!sp_status_transition_ok("in_progress", NULL));
}
END_TEST

START_TEST(next_states)
{
    ck_assert_str_eq(sp_status_next("not_started"), "in_progress, transferred, withdrawn");
    ck_assert_str_eq(sp_status_next("in_progress"), "complete, transferred, withdrawn");
    ck_assert_str_eq(sp_status_next("complete"), "signed_off, in_progress");
    ck_assert_str_eq(sp_status_next("signed_off"), "none");
    ck_assert_str_eq(sp_status_next("transferred"), "none");
    ck_assert_str_eq(sp_status_next("withdrawn"), "none");
    ck_assert_str_eq(sp_status_next("bogus"), "none");
    ck_assert_str_eq(sp_status_next(NULL), "none");
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("enums");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, canonical_words);
    tcase_add_test(tc, values_lists);
    tcase_add_test(tc, spellings);
    tcase_add_test(tc, refusals);
    suite_add_tcase(s, tc);
    tc = tcase_create("lifecycle");
    tcase_add_test(tc, open_states);
    tcase_add_test(tc, transitions);
    tcase_add_test(tc, transition_spellings);
    tcase_add_test(tc, next_states);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
