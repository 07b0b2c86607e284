/*
 * libFuzzer target: references (ref.c) — sp_resolve and sp_ref_depth on a
 * database holding a small plan. Oracles beyond "does not crash":
 *  - every failure is SP_ENOTFOUND or SP_EINVALID with a message;
 *  - a reference that resolves names the object whose own path
 *    (sp_ref_path) resolves to the same id, and a path reference equals
 *    that path up to ASCII case (authority codes and owner names are
 *    matched case-insensitively; nothing else may be loosened).
 * Input: the first byte picks the kind; the rest is the reference.
 *
 * The database is SQLite's in-memory one (sp_open(":memory:")), made once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h" /* sp_ref_depth */

static sp_db *db;

static void must(int rc, const char *what)
{
    if (rc != SP_OK) {
        fprintf(stderr, "fuzz_ref setup: %s: %s\n", what, sp_errmsg(db));
        exit(1);
    }
}

static void add_plan(void)
{
    static const char *const codes[] = {"torbay", "leicester", "a.b_c-9"};
    for (int i = 0; i < 3; i++) {
        sp_authority_new a = {.code = codes[i], .name = codes[i]};
        must(sp_authority_add(NULL, db, &a), "authority");
    }
    sp_review_new r = {.authority = "torbay", .ref = "2012-peer", .kind = "lga_peer_review",
                       .title = "LGA safeguarding peer review"};
    must(sp_review_add(NULL, db, &r), "review");
    r.authority = "a.b_c-9", r.ref = "R.1";
    must(sp_review_add(NULL, db, &r), "review");
    static const char *const findings[] = {"3.2", "I", "10"};
    for (int i = 0; i < 3; i++) {
        sp_finding_new f = {.review = i ? "a.b_c-9/R.1" : "torbay/2012-peer",
                            .ref = findings[i], .kind = "strength", .theme = "Theme",
                            .text = "Text"};
        must(sp_finding_add(NULL, db, &f), "finding");
    }
    static const char *const owners[] = {"Head of Service", "LSCB Business Manager",
                                         "Team/QA", "Ünïcode Öwner"};
    for (int i = 0; i < 4; i++) {
        sp_action_new x = {.finding = i % 2 ? "a.b_c-9/R.1/I" : "torbay/2012-peer/3.2",
                           .title = "Do it", .owner = owners[i], .due = "2017-03-31"};
        must(sp_action_add(NULL, NULL, db, &x), "action");
    }
}

static void cleanup(void)
{
    sp_close(db);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    must(sp_open(&db, ":memory:", SP_OPEN_CREATE), "open");
    atexit(cleanup);
    add_plan();
    return 0;
}

static bool all_digits(const char *s)
{
    return *s && s[strspn(s, "0123456789")] == '\0';
}

static void check_found(const char *kind, const char *ref, int64_t id)
{
    char *own = NULL;
    int64_t again = -1;
    if (sp_ref_path(&own, db, kind, id) != SP_OK || sp_resolve(&again, db, kind, own) != SP_OK ||
        again != id) {
        fprintf(stderr, "%s '%s' -> %lld, whose path '%s' -> %lld\n", kind, ref, (long long)id,
                own ? own : "(none)", (long long)again);
        abort();
    }
    if (!all_digits(ref) && strcasecmp(own, ref) != 0) {
        fprintf(stderr, "%s '%s' resolved to '%s'\n", kind, ref, own);
        abort();
    }
    sp_free(own);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {"authority", "review", "finding", "action", "owner"};
    if (size < 1)
        return 0;
    const char *kind = kinds[data[0] % 5];
    char *ref = malloc(size);
    if (!ref)
        abort();
    memcpy(ref, data + 1, size - 1);
    ref[size - 1] = '\0';
    int64_t id = -1;
    int rc = sp_resolve(&id, db, kind, ref);
    if (rc == SP_OK)
        check_found(kind, ref, id);
    else if ((rc != SP_ENOTFOUND && rc != SP_EINVALID) || sp_errmsg(db)[0] == '\0') {
        fprintf(stderr, "%s '%s': %d %s\n", kind, ref, rc, sp_errmsg(db));
        abort();
    }
    int depth = sp_ref_depth(ref);
    if (depth < -1 || depth > 4 || depth == 0)
        abort();
    free(ref);
    return 0;
}
