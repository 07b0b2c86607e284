/*
 * The committee pack's numbers, shared by the XLSX workbook and the HTML
 * report: options, the read transaction, the scope, and the tallies by
 * theme, RAG and status taken from sp_plan_at's rows.
 */
#include "pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "plan_at.h"

const char *const sp_pack_rags[SP_RAG_N] = {"red", "amber", "green", "blue", "grey"};
const char *const sp_pack_statuses[SP_STATUS_N] = {"not_started", "in_progress", "complete",
                                                   "signed_off", "transferred", "withdrawn"};

/* The plan_at columns a tally reads, by name (order of sp_pack.col). */
/* Counts are of the computed rating, as summary counts (red = the overdue
 * list); "rag", the rating shown, only tells which ones an override shows
 * otherwise (issue 12: one rule for counting). */
static const char *const tally_cols[] = {"id", "theme", "status", "rag_computed", "due_on",
                                         "days_overdue", "rag"};
enum { COL_ID, COL_THEME, COL_STATUS, COL_RAG, COL_DUE, COL_OVERDUE, COL_SHOWN, NCOLS };

static int word_index(const char *const *words, int n, const char *w)
{
    for (int i = 0; w && i < n; i++)
        if (strcmp(words[i], w) == 0)
            return i;
    return -1;
}

int sp_pack_rag_index(const char *rag)
{
    return word_index(sp_pack_rags, SP_RAG_N, rag);
}

int sp_pack_status_index(const char *status)
{
    return word_index(sp_pack_statuses, SP_STATUS_N, status);
}

/* By index in sp_pack_statuses: not started or in progress ... */
static bool is_open(int status)
{
    return status == 0 || status == 1;
}

/* ... complete or signed off. */
static bool is_done(int status)
{
    return status == 2 || status == 3;
}

int sp_cursor_column(const sp_cursor *c, const char *name)
{
    return sp_stmt_column(c->stmt, name);
}

/* ------------------------------------------------------------------ */
/* Starting and finishing                                              */

/* Adds days, clamping to the supported years (a look-back from early
 * 1900 simply starts at the beginning). */
static void add_days_clamped(char out[SP_DATE_SIZE], const char *iso, int n)
{
    if (sp_date_add_days(out, iso, n) != SP_OK)
        memcpy(out, n < 0 ? "1900-01-01" : "2999-12-31", SP_DATE_SIZE);
}

static int resolve_dates(sp_pack *p, const sp_pack_opts *o)
{
    int rc = sp_date_or_today(p->as_of, p->db, "as-of date", o->as_of);
    if (rc != SP_OK)
        return rc;
    if (o->since)
        rc = sp_date_or_today(p->since, p->db, "since date", o->since);
    else
        add_days_clamped(p->since, p->as_of, -SP_PACK_SINCE_DAYS);
    if (rc == SP_OK && strcmp(p->since, p->as_of) > 0)
        rc = sp_fail(p->db, SP_EINVALID, "since date %s is after the as-of date %s: expected "
                     "the date of the last meeting", p->since, p->as_of);
    add_days_clamped(p->due_limit, p->as_of, SP_PACK_DUE_DAYS);
    return rc;
}

/* The whole pack reads one snapshot (WAL readers do not block writers). A
 * caller's own transaction already gives one. */
static int begin_snapshot(sp_pack *p)
{
    if (!sqlite3_get_autocommit(p->db->sql))
        return SP_OK;
    if (sqlite3_exec(p->db->sql, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(p->db, "starting to read the plan");
    p->snapshot = true;
    return SP_OK;
}

static void make_title(sp_pack *p, const char *authority)
{
    if (p->authority_count == 1 && authority)
        snprintf(p->title, sizeof p->title, "Safeguarding improvement plan: %s", authority);
    else if (p->authority_count > 1)
        snprintf(p->title, sizeof p->title, "Safeguarding improvement plans: %d authorities",
                 p->authority_count);
    else
        snprintf(p->title, sizeof p->title, "Safeguarding improvement plan");
}

static int read_scope(sp_pack *p)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, p->db, "pack/scope");
    if (rc == SP_OK)
        rc = sp_bind_filter(st, p->db, p->as_of, p->filter);
    if (rc == SP_OK && sqlite3_step(st) != SQLITE_ROW)
        rc = sp_fail_sql(p->db, "reading the plan's scope");
    if (rc == SP_OK) {
        p->authority_count = sqlite3_column_int(st, 0);
        p->review_count = sqlite3_column_int(st, 2);
        make_title(p, (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return rc;
}

int sp_pack_start(sp_pack *p, sp_db *db, const sp_pack_opts *opts)
{
    static const sp_pack_opts none = {0};
    memset(p, 0, sizeof *p);
    p->db = db;
    sp_clear(db);
    if (!opts)
        opts = &none;
    p->filter = opts->filter;
    p->author = opts->author;
    p->key_path = opts->key_path;
    sp_today(db, p->today);
    for (int i = 0; i < NCOLS; i++)
        p->col[i] = -1;
    int rc = resolve_dates(p, opts);
    if (rc == SP_OK)
        rc = begin_snapshot(p);
    if (rc == SP_OK)
        rc = sp_rag_settings(&p->amber_days, &p->stale_days, db);
    if (rc == SP_OK)
        rc = read_scope(p);
    if (rc != SP_OK)
        sp_pack_finish(p);
    return rc;
}

static void drop_theme_slots(sp_pack *p)
{
    free(p->theme_slot);
    p->theme_slot = NULL;
    p->theme_slots = 0;
    p->last_theme = 0;
}

/* The themes' names are kept in blocks, freed together: a malloc each
 * cost 48 bytes for a name of 28 (2 MiB more where each of 154,424
 * findings has its theme). */
typedef struct sp_name_block {
    struct sp_name_block *next;
    size_t used, size;
    char text[];
} sp_name_block;

#define NAME_BLOCK_SIZE ((size_t)64 * 1024)

/* A copy of `name` for a tally, kept until sp_pack_drop_themes. */
static char *theme_name(sp_pack *p, const char *name)
{
    size_t n = strlen(name) + 1;
    sp_name_block *b = p->theme_names;
    if (!b || b->size - b->used < n) {
        size_t size = n > NAME_BLOCK_SIZE ? n : NAME_BLOCK_SIZE;
        if (!(b = malloc(sizeof *b + size)))
            return NULL;
        *b = (sp_name_block){p->theme_names, 0, size};
        p->theme_names = b;
    }
    char *copy = memcpy(b->text + b->used, name, n);
    b->used += n;
    return copy;
}

void sp_pack_drop_themes(sp_pack *p)
{
    for (sp_name_block *b = p->theme_names, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    p->theme_names = NULL;
    free(p->themes);
    drop_theme_slots(p);
    p->themes = NULL;
    p->nthemes = p->cap = 0;
}

void sp_pack_finish(sp_pack *p)
{
    if (p->snapshot)
        sqlite3_exec(p->db->sql, "COMMIT", NULL, NULL, NULL);
    p->snapshot = false;
    sp_pack_drop_themes(p);
    sp_bitset_free(&p->members.bits);
    sp_bitset_free(&p->done.bits);
    free(p->few_ids);
    p->few_ids = NULL;
    p->members = p->done = (sp_idset){0};
}

/* ------------------------------------------------------------------ */
/* Tallies                                                             */

static int idset_add(sp_idset *s, int64_t id)
{
    bool added = false;
    int rc = sp_bitset_add(&s->bits, id, &added);
    s->n += added;
    return rc;
}

/* How many ids of a are not in b. */
static size_t idset_count_not_in(const sp_idset *a, const sp_idset *b)
{
    const sp_bitset *x = &a->bits, *y = &b->bits;
    size_t n = 0;
    for (size_t w = 0; w < x->nwords; w++)
        n += (size_t)__builtin_popcountll(x->words[w] & ~(w < y->nwords ? y->words[w] : 0));
    return n;
}

/* The error for idset_add's failure (SP_ERROR: an id out of range). */
static int idset_fail(sp_db *db, int rc, int64_t id)
{
    if (rc == SP_ERROR)
        return sp_fail(db, SP_ERROR, "action id %lld is beyond the ids a pack can count "
                       "(up to %llu)", (long long)id, (unsigned long long)SP_BITSET_MAX - 1);
    return sp_fail(db, SP_ENOMEM, "out of memory");
}

bool sp_pack_has(const sp_pack *p, int64_t id)
{
    return sp_bitset_has(&p->members.bits, id);
}

/* Theme 1 + i, met again in another spelling: kept if it sorts first. */
static sp_tally *theme_seen(sp_pack *p, size_t id, const char *theme)
{
    sp_tally *t = &p->themes[id - 1];
    p->last_theme = id;
    if (strcmp(theme, t->theme) < 0) {
        char *name = theme_name(p, theme);
        if (!name)
            return NULL;
        t->theme = name; /* the old spelling stays in its block until the end */
    }
    return t;
}

/* The themes are found by their name key's hash. A slot holds no key:
 * two hashes that agree are confirmed by making the keys again (nearly
 * always the one theme). With a key and an id a slot (sp_name_index),
 * 154,424 themes took 15 MiB as the index grew, the tallies 10 more. */
static uint64_t *slot_at(uint64_t *slot, size_t slots, uint32_t hash)
{
    size_t mask = slots - 1, at = hash & mask;
    while (slot[at])
        at = (at + 1) & mask;
    return &slot[at];
}

/* Doubles the slots when they would be more than three quarters full.
 * (Kept at most half full, 154,424 themes took 4 MiB of slots; now 2 MiB,
 * for a few more probes, each a test of the hash in a slot.) */
static bool theme_room(sp_pack *p)
{
    if ((p->nthemes + 1) * 4 <= p->theme_slots * 3)
        return true;
    size_t slots = p->theme_slots ? p->theme_slots * 2 : 64;
    uint64_t *slot = calloc(slots, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; i < p->theme_slots; i++)
        if (p->theme_slot[i])
            *slot_at(slot, slots, (uint32_t)(p->theme_slot[i] >> 32)) = p->theme_slot[i];
    free(p->theme_slot);
    p->theme_slot = slot;
    p->theme_slots = slots;
    return true;
}

/* The slot of `theme`, whose key is `key`, or the empty one where it
 * goes; NULL when out of memory. */
static uint64_t *theme_slot(const sp_pack *p, const char *theme, const char *key,
                            uint32_t hash)
{
    size_t mask = p->theme_slots - 1;
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
        uint64_t *s = &p->theme_slot[at];
        if (!*s)
            return s;
        if ((uint32_t)(*s >> 32) != hash)
            continue;
        const char *name = p->themes[(uint32_t)*s - 1].theme;
        if (strcmp(name, theme) == 0) /* the same spelling: no key to make */
            return s;
        char *other = sp_name_key_dup(name);
        if (!other)
            return NULL;
        bool same = strcmp(other, key) == 0;
        free(other);
        if (same)
            return s;
    }
}

static sp_tally *theme_new(sp_pack *p, const char *theme)
{
    if (p->nthemes == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        sp_tally *t = realloc(p->themes, cap * sizeof *t);
        if (!t)
            return NULL;
        p->themes = t;
        p->cap = cap;
    }
    sp_tally *t = &p->themes[p->nthemes];
    memset(t, 0, sizeof *t);
    if (!(t->theme = theme_name(p, theme)))
        return NULL;
    p->last_theme = ++p->nthemes;
    return t;
}

/* The tally of the row's theme. Themes are one when they differ only by
 * case or spacing (sp_name_key), as summary groups them, and a theme is
 * named by the spelling that sorts first (byte order), as summary names
 * it. Rows come by finding, so the theme met last is tried first; the
 * others are found by key. (Searched one by one, with strcasecmp, a plan
 * where each of 154,424 findings had a theme of its own took 70 s to
 * report, and "Leadership " was a second row beside "Leadership".) */
static sp_tally *theme_tally(sp_pack *p, const char *theme)
{
    if (p->last_theme && strcmp(p->themes[p->last_theme - 1].theme, theme) == 0)
        return &p->themes[p->last_theme - 1];
    if (p->nthemes >= UINT32_MAX - 1 || !theme_room(p))
        return NULL;
    char *key = sp_name_key_dup(theme);
    if (!key)
        return NULL;
    uint32_t hash = (uint32_t)sp_key_hash(key);
    uint64_t *s = theme_slot(p, theme, key, hash);
    free(key);
    if (!s)
        return NULL;
    if (*s)
        return theme_seen(p, (uint32_t)*s, theme);
    sp_tally *t = theme_new(p, theme);
    if (t)
        *s = (uint64_t)hash << 32 | p->nthemes;
    return t;
}

static void count(sp_tally *t, int rag, int status, bool overridden)
{
    t->actions++;
    t->overridden += overridden;
    if (rag >= 0)
        t->rag[rag]++;
    if (status >= 0)
        t->status[status]++;
}

static bool find_columns(sp_pack *p, sp_cursor *c)
{
    for (int i = 0; i < NCOLS; i++)
        if ((p->col[i] = sp_cursor_column(c, tally_cols[i])) < 0)
            return false;
    return true;
}

int sp_pack_tally(sp_pack *p, sp_cursor *c)
{
    if (p->col[0] < 0 && !find_columns(p, c))
        return sp_fail(p->db, SP_ERROR, "internal error: plan_at lacks a column");
    const char *theme = sp_cursor_text(c, p->col[COL_THEME]);
    const char *status = sp_cursor_text(c, p->col[COL_STATUS]);
    const char *due = sp_cursor_text(c, p->col[COL_DUE]);
    int rag = sp_pack_rag_index(sp_cursor_text(c, p->col[COL_RAG]));
    bool overridden = rag != sp_pack_rag_index(sp_cursor_text(c, p->col[COL_SHOWN]));
    int st = sp_pack_status_index(status);
    sp_tally *t = theme_tally(p, theme ? theme : "");
    int64_t id = sp_cursor_int(c, p->col[COL_ID]);
    if (!t)
        return sp_fail(p->db, SP_ENOMEM, "out of memory");
    int rc = idset_add(&p->members, id);
    if (rc == SP_OK && is_done(st))
        rc = idset_add(&p->done, id);
    if (rc != SP_OK)
        return idset_fail(p->db, rc, id);
    count(t, rag, st, overridden);
    count(&p->total, rag, st, overridden);
    p->overdue += sp_cursor_text(c, p->col[COL_OVERDUE]) != NULL;
    if (is_open(st) && due && strcmp(due, p->as_of) >= 0 &&
        strcmp(due, p->due_limit) <= 0)
        p->due_soon++;
    return SP_OK;
}

sp_filter sp_pack_part(const sp_pack *p)
{
    return sp_filter_part(p->filter);
}

/* A pack narrowed by what is judged on the day (an owner, a status, a
 * RAG) holds few of its part's actions, and its part may be the whole
 * plan: up to this many, its actions are read by id (an owner's report at
 * a million actions spent nine tenths of its time reading the whole plan
 * for a few hundred actions). */
#define BY_ID_MAX 20000

static bool narrowed_on_the_day(const sp_pack *p)
{
    const sp_filter *f = p->filter;
    return f && (f->owner || f->status || f->rag || f->no_due);
}

/* done_on for the ids of p->done only, each as it stood on `day`. */
static int done_by_id(sp_idset *out, sp_pack *p, const char *day, const sp_filter *part)
{
    sqlite3_stmt *st;
    int rc = sp_plan_at_prepare(&st, p->db, "plan_at/actions", day, part, 0);
    int col = rc == SP_OK ? sp_stmt_column(st, "status") : -1;
    if (rc == SP_OK && col < 0)
        rc = sp_fail(p->db, SP_ERROR, "internal error: plan_at lacks status");
    const sp_bitset *done = &p->done.bits;
    for (int64_t id = sp_bitset_next(done, -1); rc == SP_OK && id >= 0;
         id = sp_bitset_next(done, id)) {
        sp_bind_int(st, ":action_id", id);
        int s = sqlite3_step(st);
        if (s == SQLITE_ROW &&
            is_done(sp_pack_status_index((const char *)sqlite3_column_text(st, col))))
            rc = idset_add(out, id);
        else if (s != SQLITE_ROW && s != SQLITE_DONE)
            rc = sp_fail_sql(p->db, "reading an action as it stood");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Actions complete or signed off on `day`, of the pack's part of the plan
 * (only ids that are also in the pack are looked up). Owner, status and RAG
 * are judged on the day, so the part is what an earlier day shares with
 * it. Reading the whole plan here held every action of a million in memory
 * (900 MiB) for one council's pack. */
static int done_on(sp_idset *out, sp_pack *p, const char *day)
{
    sp_cursor *c;
    sp_filter part = sp_pack_part(p);
    if (narrowed_on_the_day(p) && p->done.n <= BY_ID_MAX)
        return done_by_id(out, p, day, &part);
    int rc = sp_plan_at_open(&c, p->db, day, &part, SP_PLAN_COUNTS); /* into a set */
    int col_id = rc == SP_OK ? sp_cursor_column(c, "id") : -1;
    int col_status = rc == SP_OK ? sp_cursor_column(c, "status") : -1;
    while (rc == SP_OK && (rc = sp_cursor_step(c)) == SP_ROW) {
        int st = sp_pack_status_index(sp_cursor_text(c, col_status));
        int64_t id = sp_cursor_int(c, col_id);
        rc = is_done(st) ? idset_add(out, id) : SP_OK;
        if (rc != SP_OK)
            rc = idset_fail(p->db, rc, id);
    }
    sp_cursor_free(c);
    return rc == SP_DONE ? SP_OK : rc;
}

/* The members as a JSON array of ids (for json_each), when the pack is
 * narrowed on the day to BY_ID_MAX actions or fewer; else none. */
static int list_few_ids(sp_pack *p)
{
    free(p->few_ids);
    p->few_ids = NULL;
    if (!narrowed_on_the_day(p) || p->members.n > BY_ID_MAX)
        return SP_OK;
    size_t cap = p->members.n * 21 + 3, len = 0; /* 20 digits and a comma an id */
    char *s = malloc(cap);
    if (!s)
        return sp_fail(p->db, SP_ENOMEM, "out of memory");
    s[len++] = '[';
    for (int64_t id = sp_bitset_next(&p->members.bits, -1); id >= 0;
         id = sp_bitset_next(&p->members.bits, id))
        len += (size_t)snprintf(s + len, cap - len, "%s%lld", len > 1 ? "," : "",
                                (long long)id);
    memcpy(s + len, "]", 2);
    p->few_ids = s;
    return SP_OK;
}

int sp_pack_awaiting(sp_cursor **out, sp_pack *p)
{
    if (p->few_ids)
        return sp_awaiting_among(out, p->db, p->as_of, p->few_ids);
    sp_filter part = sp_pack_part(p);
    return sp_awaiting_verification_where(out, p->db, p->as_of, &part);
}

/* The pack's actions signed off with no evidence of impact by as_of: a
 * data-quality note for the committee (issue 11). */
static int count_unevidenced(sp_pack *p)
{
    sqlite3_stmt *st;
    sp_filter part = sp_pack_part(p);
    int rc = p->few_ids ? sp_prepare(&st, p->db, "pack/unevidenced_among")
                        : sp_prepare_filtered(&st, p->db, "pack/unevidenced", &part, false);
    if (rc == SP_OK && !p->few_ids && (rc = sp_bind_filter(st, p->db, p->as_of, &part)) != SP_OK)
        sqlite3_finalize(st);
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":as_of", p->as_of);
    if (p->few_ids)
        sp_bind_text(st, ":ids", p->few_ids);
    p->unevidenced = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        p->unevidenced += sp_pack_has(p, sqlite3_column_int64(st, 0));
    rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(p->db, "checking sign-offs");
    sqlite3_finalize(st);
    return rc;
}

/* As summary orders its themes: ORDER BY theme COLLATE NOCASE, theme. */
static int cmp_theme(const void *a, const void *b)
{
    const char *x = ((const sp_tally *)a)->theme, *y = ((const sp_tally *)b)->theme;
    int c = strcasecmp(x, y);
    return c ? c : strcmp(x, y);
}

int sp_pack_tally_end(sp_pack *p)
{
    char before[SP_DATE_SIZE];
    sp_idset earlier = {0};
    /* No theme is added now: the index goes (its positions are of the
     * order before the sort) and the doubling's spare half is given back
     * (6 MiB of 16 for a plan where each of 154,424 findings has its
     * theme), both before the sort, whose own buffer then joins less. */
    drop_theme_slots(p);
    sp_tally *fit = p->nthemes ? realloc(p->themes, p->nthemes * sizeof *fit) : NULL;
    if (fit) {
        p->themes = fit;
        p->cap = p->nthemes;
    }
    if (p->nthemes)
        qsort(p->themes, p->nthemes, sizeof *p->themes, cmp_theme);
    int qc = list_few_ids(p);
    if (qc == SP_OK)
        qc = count_unevidenced(p);
    if (qc != SP_OK)
        return qc;
    if (sp_date_add_days(before, p->since, -1) != SP_OK) {
        p->completed = (int)p->done.n; /* since the first supported day: all of them */
        return SP_OK;
    }
    int rc = p->done.n ? done_on(&earlier, p, before) : SP_OK;
    if (rc == SP_OK)
        p->completed = (int)idset_count_not_in(&p->done, &earlier);
    sp_bitset_free(&earlier.bits);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

void sp_date_words(char out[32], const char *iso)
{
    static const char *const months[] = {"January", "February", "March", "April",
                                         "May", "June", "July", "August",
                                         "September", "October", "November", "December"};
    int32_t days;
    if (!iso || !sp_iso_days(iso, &days)) {
        snprintf(out, 32, "%s", iso ? iso : "");
        return;
    }
    /* Valid ISO: the parts sit at fixed places and are digits. */
    int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    int month = (iso[5] - '0') * 10 + (iso[6] - '0');
    snprintf(out, 32, "%d %s %.4s", day, months[month - 1], iso);
}

void sp_pack_filter_words(char *out, size_t size, const sp_filter *f)
{
    const char *names[] = {"authority", "review", "finding", "owner", "theme", "status", "RAG"};
    size_t len = 0;
    out[0] = '\0';
    if (!f)
        return;
    const char *values[] = {f->authority, f->review, f->finding, f->owner,
                            f->theme, f->status, f->rag};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!values[i] || len >= size)
            continue;
        int n = snprintf(out + len, size - len, "%s%s %s", len ? "; " : "", names[i],
                         values[i]);
        len += n > 0 ? (size_t)n : 0;
    }
}

void sp_pack_rag_rule(char *out, size_t size, const sp_pack *p, int i)
{
    switch (i) {
    case 0:
        snprintf(out, size, "open (not started or in progress) and past its due date");
        break;
    case 1:
        if (p->stale_days > 0)
            snprintf(out, size, "open and due within %d days; or its due date was revised "
                     "later than the original; or no progress reported for %d days or more",
                     p->amber_days, p->stale_days);
        else
            snprintf(out, size, "open and due within %d days; or its due date was revised "
                     "later than the original", p->amber_days);
        break;
    case 2: snprintf(out, size, "open and on track: none of the above"); break;
    case 3: snprintf(out, size, "complete, or signed off"); break;
    default: snprintf(out, size, "transferred (e.g. into a service plan) or withdrawn"); break;
    }
}
