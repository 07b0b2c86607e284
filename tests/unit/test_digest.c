/* Reminders: mail.c's building blocks against known answers, and digest.c
 * through a real database (who gets a message, the sent log, settings). */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "mail.h"

/* ------------------------------------------------------------------ */
/* mail.c                                                              */

static void b64_is(const char *in, const char *want)
{
    sp_buf b = {0};
    sp_buf_base64(&b, in, strlen(in));
    ck_assert_str_eq(b.s ? b.s : "", want);
    sp_buf_free(&b);
}

START_TEST(base64_rfc4648_vectors)
{
    b64_is("", "");
    b64_is("f", "Zg==\n");
    b64_is("fo", "Zm8=\n");
    b64_is("foo", "Zm9v\n");
    b64_is("foob", "Zm9vYg==\n");
    b64_is("fooba", "Zm9vYmE=\n");
    b64_is("foobar", "Zm9vYmFy\n");
}
END_TEST

START_TEST(base64_lines_of_76)
{
    char in[200];
    memset(in, 'x', sizeof in);
    sp_buf b = {0};
    sp_buf_base64(&b, in, sizeof in);
    /* 200 bytes: 57 + 57 + 57 + 29 -> 76, 76, 76, 40 characters. */
    ck_assert_int_eq((int)strcspn(b.s, "\n"), 76);
    ck_assert_int_eq((int)b.len, 76 * 3 + 40 + 4);
    sp_buf_free(&b);
}
END_TEST

/* Every line of s is at most `max` bytes. */
static void lines_within(const char *s, size_t max)
{
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, "\n");
        ck_assert_msg(n <= max, "line of %zu: %.*s", n, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

START_TEST(headers_plain_encoded_folded)
{
    sp_buf b = {0};
    sp_buf_header(&b, "Subject", "Plain words");
    ck_assert_str_eq(b.s, "Subject: Plain words\n");
    sp_buf_free(&b);
    sp_buf_header(&b, "Subject", "Improvement plan: 12 actions need you (3 overdue, 4 due "
                                 "soon, 5 stale) on 30 September 2017");
    lines_within(b.s, 78);
    ck_assert_ptr_nonnull(strstr(b.s, "\n "));
    sp_buf_free(&b);
    /* "Directrice générale" twice: over one encoded word's 75 characters. */
    sp_buf_header(&b, "Subject", "Directrice générale des services, Directrice générale "
                                 "des services — œuvre");
    lines_within(b.s, 78);
    ck_assert_ptr_nonnull(strstr(b.s, "Subject: =?UTF-8?B?"));
    for (const char *w = b.s; (w = strstr(w, "=?UTF-8?B?")) != NULL; w += 10)
        ck_assert_int_le((int)(strstr(w, "?=") + 2 - w), 75);
    sp_buf_free(&b);
}
END_TEST

START_TEST(addresses_quoted_or_encoded)
{
    sp_buf b = {0};
    sp_buf_address(&b, "To", "Head of \"Service\"", "hos@x.example");
    ck_assert_str_eq(b.s, "To: \"Head of \\\"Service\\\"\"\n <hos@x.example>\n");
    sp_buf_free(&b);
    sp_buf_address(&b, "To", "Directrice générale", "d@x.example");
    ck_assert_str_eq(b.s, "To: =?UTF-8?B?RGlyZWN0cmljZSBnw6luw6lyYWxl?=\n <d@x.example>\n");
    sp_buf_free(&b);
}
END_TEST

START_TEST(wrap_and_html)
{
    sp_buf b = {0};
    sp_buf_wrap(&b, "one two three four five six seven", 10, "  ");
    ck_assert_str_eq(b.s, "one two\n  three\n  four\n  five six\n  seven\n");
    sp_buf_free(&b);
    sp_buf_html(&b, "<a href=\"x\">R&D's</a>");
    ck_assert_str_eq(b.s, "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    sp_buf_free(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* digest.c                                                            */

static void plan(void)
{
    fx_minimal_plan();
    sp_owner_new o = {.name = "Head of Service", .email = "hos@x.example"};
    ck_assert_int_eq(sp_owner_add(NULL, fx_db, &o), SP_OK);
    sp_action_new late = {.finding = "tb/r1/1", .title = "Late", .owner = "Head of Service",
                          .due = "2017-06-01", .start = "2017-05-01"};
    sp_action_new quiet = {.finding = "tb/r1/1", .title = "No email",
                           .owner = "LSCB Business Manager", .due = "2017-07-05",
                           .start = "2017-05-01"};
    ck_assert_int_eq(sp_action_add(NULL, NULL, fx_db, &late), SP_OK);
    ck_assert_int_eq(sp_action_add(NULL, NULL, fx_db, &quiet), SP_OK);
    ck_assert_int_eq(sp_set_today(fx_db, "2017-07-01"), SP_OK);
}

/* What an sp_digest_fn was given: each owner's digest, copied. */
typedef struct got {
    int n, stop_after; /* stop_after: return SP_ECONFLICT after that many (0: never) */
    char owner[4][64];
    int overdue[4], due_soon[4], already_sent[4], emailed[4];
    char message[4][4096];
    int logged;        /* sp_digest_log_sent from within the call, as the CLI does */
} got;

static int take(void *ctx, const sp_digest *d, const sp_digest_msg *m)
{
    got *g = ctx;
    ck_assert_int_lt(g->n, 4);
    int i = g->n++;
    snprintf(g->owner[i], sizeof g->owner[i], "%s", m->owner);
    g->overdue[i] = m->overdue, g->due_soon[i] = m->due_soon;
    g->already_sent[i] = m->already_sent, g->emailed[i] = m->email != NULL;
    snprintf(g->message[i], sizeof g->message[i], "%s", m->message ? m->message : "");
    if (g->logged >= 0 && m->message) {
        ck_assert_int_eq(sp_digest_log_sent(fx_db, d, m, "mbox", 0), SP_OK);
        g->logged++;
    }
    if (g->logged >= 0 && !m->message)
        ck_assert_int_eq(sp_digest_log_sent(fx_db, d, m, "mbox", 0), SP_EINVALID);
    return g->stop_after && g->n == g->stop_after ? SP_ECONFLICT : SP_OK;
}

START_TEST(needs_a_sender)
{
    sp_digest d;
    got g = {.logged = -1};
    plan();
    ck_assert_int_eq(sp_digest_build(&d, fx_db, NULL, take, &g), SP_EINVALID);
    sp_digest_free(&d);
    ck_assert_int_eq(g.n, 0);
    ck_assert_ptr_nonnull(strstr(sp_errmsg(fx_db), "--set-from"));
    ck_assert_int_eq(sp_mail_set(fx_db, "digest.from", "no address"), SP_EINVALID);
    ck_assert_int_eq(sp_mail_set(fx_db, "digest.from", "Plan <p@x.example>\nBcc: y@z"),
                     SP_EINVALID);
    ck_assert_int_eq(sp_mail_set(fx_db, "digest.to", "p@x.example"), SP_EINVALID);
    ck_assert_int_eq(sp_mail_set(fx_db, "digest.from", "Plan <p@x.example>"), SP_OK);
    ck_assert_int_eq(sp_digest_build(&d, fx_db, NULL, take, &g), SP_OK);
    sp_digest_free(&d);
    ck_assert_int_eq(g.n, 2);
}
END_TEST

START_TEST(who_gets_what_and_the_log)
{
    sp_digest d;
    sp_digest_opts o = {.days = -1, .now = 1498896000}; /* 2017-07-01T08:00:00Z */
    plan();
    ck_assert_int_eq(sp_mail_set(fx_db, "digest.from", "p@x.example"), SP_OK);
    got g = {0};
    ck_assert_int_eq(sp_digest_build(&d, fx_db, &o, take, &g), SP_OK);
    sp_digest_free(&d);
    ck_assert_int_eq(g.n, 2);
    ck_assert_str_eq(g.owner[0], "Head of Service");
    ck_assert_int_eq(g.overdue[0], 1);
    ck_assert_ptr_nonnull(strstr(g.message[0], "Date: Sat, 01 Jul 2017 08:00:00 +0000\n"));
    ck_assert_ptr_nonnull(strstr(g.message[0], "Auto-Submitted: auto-generated\n"));
    ck_assert_str_eq(g.owner[1], "LSCB Business Manager");
    ck_assert_int_eq(g.due_soon[1], 1);
    ck_assert_int_eq(g.emailed[1], 0);
    ck_assert_str_eq(g.message[1], "");
    ck_assert_int_eq(g.logged, 1);
    g = (got){.logged = -1};
    ck_assert_int_eq(sp_digest_build(&d, fx_db, &o, take, &g), SP_OK);
    sp_digest_free(&d);
    ck_assert(g.already_sent[0]);
    ck_assert_str_eq(g.message[0], "");
    o.force = 1;
    g = (got){.logged = -1};
    ck_assert_int_eq(sp_digest_build(&d, fx_db, &o, take, &g), SP_OK);
    sp_digest_free(&d);
    ck_assert(!g.already_sent[0]);
    ck_assert_ptr_nonnull(strstr(g.message[0], "Subject: "));
    /* What the call returns stops the build, and is what the build returns. */
    g = (got){.logged = -1, .stop_after = 1};
    ck_assert_int_eq(sp_digest_build(&d, fx_db, &o, take, &g), SP_ECONFLICT);
    sp_digest_free(&d);
    ck_assert_int_eq(g.n, 1);
    sp_cursor *c;
    ck_assert_int_eq(sp_digest_log(&c, fx_db, NULL), SP_OK);
    ck_assert_int_eq(fx_count(c), 1);
    ck_assert_int_ne(fx_raw_exec(fx_path, "DELETE FROM digest_sent"), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("digest");
    TCase *tc = tcase_create("mail");
    tcase_add_test(tc, base64_rfc4648_vectors);
    tcase_add_test(tc, base64_lines_of_76);
    tcase_add_test(tc, headers_plain_encoded_folded);
    tcase_add_test(tc, addresses_quoted_or_encoded);
    tcase_add_test(tc, wrap_and_html);
    suite_add_tcase(s, tc);
    tc = fx_tcase("digest");
    tcase_add_test(tc, needs_a_sender);
    tcase_add_test(tc, who_gets_what_and_the_log);
    suite_add_tcase(s, tc);
    return s;
}

SP_TEST_MAIN(make_suite)
