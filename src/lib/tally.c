/*
 * The summaries' groups (sql/report.sql, summary and summary_theme):
 *
 *   rag_tally_groups(k, status, due_on, original_due_on, progress_on,
 *                    start_on, cadence, rag_override, as_of, amber_days,
 *                    stale_days)
 *       an aggregate: each action's counts (sp_tally_bits, rag.c) added
 *       into the group of its k, in a hash table; it leaves the table with
 *       the connection and returns a token for it (NULL for no rows);
 *
 *   tally_rows(by_name, settled [, replayed])
 *       a table-valued function: the groups of one or two such tables as
 *       rows (k, ord, total, red ... withdrawn). The second table's groups
 *       are added into the first's; with by_name, text keys that differ
 *       only by case or spacing (sp_name_key) are one group, named by the
 *       spelling that sorts first (byte order); ord numbers the groups in
 *       the order ORDER BY k COLLATE NOCASE, k gives, and ORDER BY ord is
 *       the table's own (no sort).
 *
 * Why: GROUP BY k sorted every action counted, in memory (temp_store is
 * MEMORY: no plan data in temporary files), 113 MiB for a summary of a
 * million actions. The groups then went out of the aggregate as one JSON
 * value that json_each() read back, and an outer GROUP BY merged the
 * query's parts: a summary by theme of a plan where each of 154,424
 * findings had a theme of its own peaked at 71 MiB (bench/RESULTS.md).
 * The JSON was copied twice and the groups were sorted twice more. A
 * token is an integer: it survives whatever SQLite does with a value
 * (unlike sqlite3_result_pointer's), and the table is never copied.
 *
 * A connection's tables wait in its registry from the aggregate's end to
 * tally_rows's xFilter. Both happen in one sqlite3_step() of one
 * statement (the aggregates are tally_rows's constant arguments), so
 * xFilter frees any table left by a statement that failed in between.
 */
#define _GNU_SOURCE /* qsort_r */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "rag.h"

/* Counts are 32 bits (a group of four billion actions would need a
 * database of a terabyte) and stop at their largest value: half the
 * memory of the groups a summary by theme holds. */
typedef struct tally_group {
    sqlite3_int64 key; /* the integer, or the text's offset in `text` */
    uint32_t len;      /* the text's length */
    int type;          /* SQLITE_INTEGER, SQLITE_NULL, SQLITE_TEXT; 0: merged away */
    uint32_t t[SP_TALLY_COUNTS];
} tally_group;

typedef struct tally_groups {
    tally_group *group;
    size_t n, cap;  /* groups, and room for them */
    uint32_t *slot; /* 1 + index into group, 0 empty */
    size_t slots;   /* a power of two, n at most three quarters of it */
    char *text;
    size_t text_len, text_cap;
    size_t last; /* 1 + index of the group met last, 0 before the first */
} tally_groups;

static void groups_free(tally_groups *g)
{
    sqlite3_free(g->group);
    sqlite3_free(g->slot);
    sqlite3_free(g->text);
    memset(g, 0, sizeof *g);
}

static void counts_add(uint32_t *t, const uint32_t *more)
{
    for (int i = 0; i < SP_TALLY_COUNTS; i++)
        t[i] = more[i] > UINT32_MAX - t[i] ? UINT32_MAX : t[i] + more[i];
}

static uint64_t bytes_hash(uint64_t h, const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)s[k]) * 1099511628211u;
    return h;
}

static uint64_t key_hash(int type, sqlite3_int64 i, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u ^ (uint64_t)type;
    if (type == SQLITE_INTEGER)
        return (h ^ (uint64_t)i) * 0x9E3779B97F4A7C15u;
    return bytes_hash(h, s, len);
}

static const char *text_of(const tally_groups *g, const tally_group *e)
{
    return e->type == SQLITE_TEXT ? g->text + e->key : NULL;
}

static bool key_equal(const tally_groups *g, const tally_group *e, int type, sqlite3_int64 i,
                      const char *s, size_t len)
{
    if (e->type != type)
        return false;
    if (type == SQLITE_INTEGER)
        return e->key == i;
    return type == SQLITE_NULL ||
           (e->len == len && (len == 0 || memcmp(text_of(g, e), s, len) == 0));
}

/* A table of 1 + indexes into `group` (0 empty), the power of two at
 * least 64 that `n` fills to three quarters at most; NULL when out of
 * memory. (Half full at most, a summary by theme of 154,424 themes as of
 * a past day held 2 MiB more: two tables of slots, each set to zero.) */
static uint32_t *slots_new(size_t n, size_t *slots)
{
    size_t size = 64;
    while (size * 3 < n * 4)
        size *= 2;
    *slots = size;
    return size > UINT32_MAX ? NULL : sqlite3_malloc64(size * sizeof(uint32_t));
}

/* Doubles the slots when three quarters full, and the groups when full:
 * the groups grow apart from the slots, so that only what is used is
 * touched. */
static bool groups_room(tally_groups *g)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 32;
        tally_group *group = sqlite3_realloc64(g->group, cap * sizeof *group);
        if (!group)
            return false;
        g->group = group;
        g->cap = cap;
    }
    if ((g->n + 1) * 4 <= g->slots * 3)
        return true;
    size_t slots;
    uint32_t *slot = slots_new(g->n + 1, &slots);
    if (!slot)
        return false;
    memset(slot, 0, slots * sizeof *slot);
    for (size_t k = 0; k < g->n; k++) {
        const tally_group *e = &g->group[k];
        size_t at = key_hash(e->type, e->key, text_of(g, e), e->len) & (slots - 1);
        while (slot[at])
            at = (at + 1) & (slots - 1);
        slot[at] = (uint32_t)k + 1;
    }
    sqlite3_free(g->slot);
    g->slot = slot;
    g->slots = slots;
    return true;
}

static bool text_keep(tally_groups *g, const char *s, size_t len)
{
    if (!g->text || g->text_len + len > g->text_cap) { /* never NULL once a text key is kept */
        size_t cap = (g->text_cap + len) * 2 + 64;
        char *text = sqlite3_realloc64(g->text, cap);
        if (!text)
            return false;
        g->text = text;
        g->text_cap = cap;
    }
    if (len)
        memcpy(g->text + g->text_len, s, len);
    g->text_len += len;
    return true;
}

/* The group of the key (type, i) or (type, s, len), made if new; NULL when
 * out of memory. Keys are compared as GROUP BY would for the values a
 * summary groups by: ids are integers, statuses and themes text, and a
 * NULL is a group of its own. */
static tally_group *group_find(tally_groups *g, int type, sqlite3_int64 i, const char *s,
                               size_t len)
{
    /* Runs of one key are the common case (a finding's actions share its
       theme, a review its authority): no hash for those. */
    if (g->last && key_equal(g, &g->group[g->last - 1], type, i, s, len))
        return &g->group[g->last - 1];
    if (len > UINT32_MAX || !groups_room(g))
        return NULL;
    size_t mask = g->slots - 1, at = key_hash(type, i, s, len) & mask;
    for (; g->slot[at]; at = (at + 1) & mask) {
        tally_group *e = &g->group[g->slot[at] - 1];
        if (key_equal(g, e, type, i, s, len)) {
            g->last = g->slot[at];
            return e;
        }
    }
    tally_group *e = &g->group[g->n];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->key = type == SQLITE_TEXT ? (sqlite3_int64)g->text_len : i;
    e->len = (uint32_t)len;
    if (type == SQLITE_TEXT && !text_keep(g, s, len))
        return NULL;
    g->slot[at] = (uint32_t)++g->n;
    g->last = g->n;
    return e;
}

static tally_group *group_of_value(tally_groups *g, sqlite3_value *k)
{
    int type = sqlite3_value_type(k);
    if (type == SQLITE_INTEGER || type == SQLITE_NULL)
        return group_find(g, type, type == SQLITE_NULL ? 0 : sqlite3_value_int64(k), NULL, 0);
    const char *s = (const char *)sqlite3_value_text(k);
    return group_find(g, SQLITE_TEXT, 0, s, (size_t)sqlite3_value_bytes(k));
}

/* Adds src's groups into dst's, and frees src. */
static bool groups_merge(tally_groups *dst, tally_groups *src)
{
    bool ok = true;
    for (size_t k = 0; ok && k < src->n; k++) {
        const tally_group *e = &src->group[k];
        tally_group *d = group_find(dst, e->type, e->key, text_of(src, e), e->len);
        if (d)
            counts_add(d->t, e->t);
        ok = d != NULL;
    }
    groups_free(src);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The registry of a connection's tables                              */

typedef struct pending {
    sqlite3_int64 token;
    tally_groups g;
    struct pending *next;
} pending;

typedef struct registry {
    sqlite3_int64 last_token;
    pending *head;
} registry;

static bool registry_put(registry *r, tally_groups *g, sqlite3_int64 *token)
{
    pending *p = sqlite3_malloc(sizeof *p);
    if (!p)
        return false;
    p->token = *token = ++r->last_token;
    p->g = *g;
    p->next = r->head;
    r->head = p;
    memset(g, 0, sizeof *g);
    return true;
}

/* Moves the table of token into *g; false if there is none. */
static bool registry_take(registry *r, sqlite3_int64 token, tally_groups *g)
{
    for (pending **at = &r->head; *at; at = &(*at)->next)
        if ((*at)->token == token) {
            pending *p = *at;
            *at = p->next;
            *g = p->g;
            sqlite3_free(p);
            return true;
        }
    return false;
}

static void registry_clear(registry *r)
{
    while (r->head) {
        pending *p = r->head;
        r->head = p->next;
        groups_free(&p->g);
        sqlite3_free(p);
    }
}

static void registry_free(void *r)
{
    registry_clear(r);
    sqlite3_free(r);
}

/* ------------------------------------------------------------------ */
/* rag_tally_groups()                                                  */

static void groups_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tally_groups *g = sqlite3_aggregate_context(ctx, sizeof *g);
    tally_group *e = g ? group_of_value(g, argv[0]) : NULL;
    if (!e) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    for (unsigned bits = sp_tally_bits(argc - 1, argv + 1); bits; bits &= bits - 1) {
        uint32_t *c = &e->t[__builtin_ctz(bits)];
        *c += *c != UINT32_MAX;
    }
}

static void groups_final(sqlite3_context *ctx)
{
    tally_groups *g = sqlite3_aggregate_context(ctx, 0);
    sqlite3_int64 token;
    if (!g || g->n == 0) {
        if (g)
            groups_free(g);
        sqlite3_result_null(ctx);
    } else if (registry_put(sqlite3_user_data(ctx), g, &token)) {
        sqlite3_result_int64(ctx, token);
    } else {
        groups_free(g);
        sqlite3_result_error_nomem(ctx);
    }
}

/* ------------------------------------------------------------------ */
/* Groups that differ only by case or spacing (by_name)               */

static bool label_before(const tally_groups *g, const tally_group *a, const tally_group *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(text_of(g, a), text_of(g, b), n) : 0;
    return c < 0 || (c == 0 && a->len < b->len);
}

/* Folds e into the group first met with its key, d: the counts added, the
 * name the spelling that sorts first, as min() would give. */
static void fold_into(const tally_groups *g, tally_group *d, tally_group *e)
{
    counts_add(d->t, e->t);
    if (label_before(g, e, d)) {
        d->key = e->key;
        d->len = e->len;
    }
    e->type = 0;
}

/* The text groups' name keys are compared by their hashes, and made again
 * only when two hashes are equal (nearly always the same key): keeping
 * every key would hold the themes' text twice at the summary's peak. */
typedef struct name_merge {
    uint64_t *hash; /* of each group's key */
    uint32_t *slot;
    size_t slots;
    char *a, *b; /* room for the longest key */
} name_merge;

static uint64_t name_hash(const tally_groups *g, const tally_group *e, char *buf, size_t *len)
{
    *len = sp_name_key(buf, text_of(g, e), e->len);
    return bytes_hash(1469598103934665603u, buf, *len);
}

static bool name_merge_make(name_merge *m, const tally_groups *g)
{
    size_t longest = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->group[i].type == SQLITE_TEXT && g->group[i].len > longest)
            longest = g->group[i].len;
    m->hash = sqlite3_malloc64(g->n * sizeof *m->hash + 1);
    m->slot = slots_new(g->n, &m->slots);
    m->a = sqlite3_malloc64(longest + 1);
    m->b = sqlite3_malloc64(longest + 1);
    if (!m->hash || !m->slot || !m->a || !m->b)
        return false;
    memset(m->slot, 0, m->slots * sizeof *m->slot);
    return true;
}

static void name_merge_free(name_merge *m)
{
    sqlite3_free(m->hash);
    sqlite3_free(m->slot);
    sqlite3_free(m->a);
    sqlite3_free(m->b);
}

/* Group i's slot: the one of the group with its key, or an empty one. */
static uint32_t *name_slot(name_merge *m, const tally_groups *g, size_t i)
{
    size_t len, other;
    m->hash[i] = name_hash(g, &g->group[i], m->a, &len);
    size_t at = m->hash[i] & (m->slots - 1);
    for (; m->slot[at]; at = (at + 1) & (m->slots - 1)) {
        size_t j = m->slot[at] - 1;
        if (m->hash[j] == m->hash[i]) {
            name_hash(g, &g->group[j], m->b, &other);
            if (other == len && memcmp(m->a, m->b, len) == 0)
                break;
        }
    }
    return &m->slot[at];
}

static bool merge_names(tally_groups *g)
{
    name_merge m = {0};
    bool ok = name_merge_make(&m, g);
    for (size_t i = 0; ok && i < g->n; i++) {
        if (g->group[i].type != SQLITE_TEXT)
            continue;
        uint32_t *at = name_slot(&m, g, i);
        if (*at)
            fold_into(g, &g->group[*at - 1], &g->group[i]);
        else
            *at = (uint32_t)i + 1;
    }
    name_merge_free(&m);
    return ok;
}

/* ORDER BY k COLLATE NOCASE, k: NULL, then integers, then text, which
 * compares as SQLite's NOCASE (ASCII letters folded, then length), and
 * then byte for byte. */
static int rank_of(int type)
{
    return type == SQLITE_NULL ? 0 : type == SQLITE_INTEGER ? 1 : 2;
}

static int group_order(const void *pa, const void *pb, void *ctx)
{
    const tally_groups *g = ctx;
    const tally_group *a = &g->group[*(const uint32_t *)pa];
    const tally_group *b = &g->group[*(const uint32_t *)pb];
    if (a->type != b->type)
        return rank_of(a->type) - rank_of(b->type);
    if (a->type == SQLITE_INTEGER)
        return (a->key > b->key) - (a->key < b->key);
    if (a->type == SQLITE_NULL)
        return 0;
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = n ? sqlite3_strnicmp(text_of(g, a), text_of(g, b), (int)n) : 0;
    if (c == 0)
        c = (a->len > b->len) - (a->len < b->len);
    return c ? c : label_before(g, b, a) - label_before(g, a, b);
}

/* ------------------------------------------------------------------ */
/* tally_rows                                                          */

enum {
    COL_K,
    COL_ORD,
    COL_COUNTS,
    COL_BY_NAME = COL_COUNTS + SP_TALLY_COUNTS,
    COL_SETTLED,
    COL_REPLAYED
};

typedef struct rows_vtab {
    sqlite3_vtab base;
    registry *reg;
} rows_vtab;

typedef struct rows_cursor {
    sqlite3_vtab_cursor base;
    tally_groups g;
    uint32_t *order; /* the live groups' indexes, in ord's order */
    size_t n, pos;
} rows_cursor;

static int rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **out, char **err)
{
    (void)argc;
    (void)argv;
    (void)err;
    static const char schema[] =
        "CREATE TABLE x(k, ord INTEGER, total INTEGER, red INTEGER, amber INTEGER, "
        "green INTEGER, blue INTEGER, grey INTEGER, unrated INTEGER, overridden INTEGER, "
        "not_started INTEGER, in_progress INTEGER, complete INTEGER, signed_off INTEGER, "
        "transferred INTEGER, withdrawn INTEGER, by_name HIDDEN, settled HIDDEN, replayed HIDDEN)";
    int rc = sqlite3_declare_vtab(db, schema);
    if (rc != SQLITE_OK)
        return rc;
    rows_vtab *v = sqlite3_malloc(sizeof *v);
    if (!v)
        return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->reg = aux;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *out = &v->base;
    return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *v)
{
    sqlite3_free(v);
    return SQLITE_OK;
}

/* The hidden columns are the arguments: settled is needed; idxNum says
 * which were given, and they come to xFilter in column order. */
static int rows_best_index(sqlite3_vtab *v, sqlite3_index_info *info)
{
    (void)v;
    int use[3] = {-1, -1, -1}, n = 0;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        if (c->iColumn < COL_BY_NAME)
            continue;
        if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
            return SQLITE_CONSTRAINT;
        use[c->iColumn - COL_BY_NAME] = i;
    }
    if (use[COL_SETTLED - COL_BY_NAME] < 0)
        return SQLITE_CONSTRAINT;
    info->idxNum = 0;
    for (int k = 0; k < 3; k++)
        if (use[k] >= 0) {
            info->aConstraintUsage[use[k]].argvIndex = ++n;
            info->aConstraintUsage[use[k]].omit = 1;
            info->idxNum |= 1 << k;
        }
    if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == COL_ORD && !info->aOrderBy[0].desc)
        info->orderByConsumed = 1;
    info->estimatedCost = 100;
    info->estimatedRows = 100;
    return SQLITE_OK;
}

static int rows_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
    (void)v;
    rows_cursor *c = sqlite3_malloc(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static void cursor_reset(rows_cursor *c)
{
    groups_free(&c->g);
    sqlite3_free(c->order);
    c->order = NULL;
    c->n = c->pos = 0;
}

static int rows_close(sqlite3_vtab_cursor *cur)
{
    cursor_reset((rows_cursor *)cur);
    sqlite3_free(cur);
    return SQLITE_OK;
}

/* The table a tally_rows argument names: none for NULL (no rows were
 * counted), else the registry's; an error for anything else. */
static int table_of(registry *r, sqlite3_value *v, tally_groups *g, sqlite3_vtab *vt)
{
    memset(g, 0, sizeof *g);
    if (!v || sqlite3_value_type(v) == SQLITE_NULL)
        return SQLITE_OK;
    if (sqlite3_value_type(v) == SQLITE_INTEGER && registry_take(r, sqlite3_value_int64(v), g))
        return SQLITE_OK;
    sqlite3_free(vt->zErrMsg);
    vt->zErrMsg = sqlite3_mprintf("tally_rows: an argument is not rag_tally_groups()'s");
    return SQLITE_ERROR;
}

static int sorted(rows_cursor *c)
{
    c->order = sqlite3_malloc64(c->g.n * sizeof *c->order + 1);
    if (!c->order)
        return SQLITE_NOMEM;
    for (size_t i = 0; i < c->g.n; i++)
        if (c->g.group[i].type)
            c->order[c->n++] = (uint32_t)i;
    qsort_r(c->order, c->n, sizeof *c->order, group_order, &c->g);
    return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc,
                       sqlite3_value **argv)
{
    (void)idx_str;
    (void)argc;
    rows_cursor *c = (rows_cursor *)cur;
    rows_vtab *v = (rows_vtab *)cur->pVtab;
    sqlite3_value *arg[3] = {NULL, NULL, NULL};
    for (int k = 0, n = 0; k < 3; k++)
        if (idx & (1 << k))
            arg[k] = argv[n++];
    cursor_reset(c);
    tally_groups more;
    int rc = table_of(v->reg, arg[1], &c->g, cur->pVtab);
    if (rc == SQLITE_OK && (rc = table_of(v->reg, arg[2], &more, cur->pVtab)) == SQLITE_OK &&
        !groups_merge(&c->g, &more))
        rc = SQLITE_NOMEM;
    registry_clear(v->reg); /* left by a statement that failed (see the top) */
    if (rc == SQLITE_OK && arg[0] && sqlite3_value_int(arg[0]) && !merge_names(&c->g))
        rc = SQLITE_NOMEM;
    return rc == SQLITE_OK ? sorted(c) : rc;
}

static int rows_next(sqlite3_vtab_cursor *cur)
{
    ((rows_cursor *)cur)->pos++;
    return SQLITE_OK;
}

static int rows_eof(sqlite3_vtab_cursor *cur)
{
    const rows_cursor *c = (const rows_cursor *)cur;
    return c->pos >= c->n;
}

static int rows_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
    const rows_cursor *c = (const rows_cursor *)cur;
    const tally_group *e = &c->g.group[c->order[c->pos]];
    if (col == COL_K && e->type == SQLITE_INTEGER)
        sqlite3_result_int64(ctx, e->key);
    else if (col == COL_K && e->type == SQLITE_TEXT)
        sqlite3_result_text64(ctx, text_of(&c->g, e), e->len, SQLITE_TRANSIENT, SQLITE_UTF8);
    else if (col == COL_ORD)
        sqlite3_result_int64(ctx, (sqlite3_int64)c->pos + 1);
    else if (col >= COL_COUNTS && col < COL_BY_NAME)
        sqlite3_result_int64(ctx, e->t[col - COL_COUNTS]);
    else
        sqlite3_result_null(ctx);
    return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
    *rowid = (sqlite3_int64)((const rows_cursor *)cur)->pos + 1;
    return SQLITE_OK;
}

static const sqlite3_module rows_module = {
    .xConnect = rows_connect,
    .xBestIndex = rows_best_index,
    .xDisconnect = rows_disconnect,
    .xOpen = rows_open,
    .xClose = rows_close,
    .xFilter = rows_filter,
    .xNext = rows_next,
    .xEof = rows_eof,
    .xColumn = rows_column,
    .xRowid = rows_rowid,
};

int sp_register_tally(sp_db *db)
{
    registry *r = sqlite3_malloc(sizeof *r);
    if (!r)
        return sp_fail_sql(db, "registering SQL functions");
    memset(r, 0, sizeof *r);
    /* The registry lives as long as the function: freed when the
       connection closes, or here if registering fails. */
    const int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS; /* each call a new token */
    if (sqlite3_create_function_v2(db->sql, "rag_tally_groups", 11, flags, r, NULL, groups_step,
                                   groups_final, registry_free) != SQLITE_OK ||
        sqlite3_create_module_v2(db->sql, "tally_rows", &rows_module, r, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "registering SQL functions");
    return SP_OK;
}
