/*
 * Naming things the way people do: a theme by a word of it, and, when a
 * name matches nothing, the closest names that do exist (so a typo in a
 * filter is an error that says what was meant, not an empty table).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "utf8.h"

#define NAME_MAX_LEN 160 /* longer names are compared on their first bytes */
#define CLOSEST 3        /* how many suggestions an error gives */

/* The words of s, ASCII letters folded to lower case, every run of other
 * characters (spaces, punctuation) one space, no space at either end:
 * "Vision, strategy and Leadership" -> "vision strategy and leadership". */
static size_t fold_words(char out[NAME_MAX_LEN + 1], const char *s)
{
    size_t n = 0;
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < NAME_MAX_LEN; p++) {
        bool word = isalnum(*p) || *p >= 0x80; /* non-ASCII letters stay as they are */
        if (!word) {
            gap = n > 0;
            continue;
        }
        if (gap && n + 1 < NAME_MAX_LEN)
            out[n++] = ' ';
        gap = false;
        out[n++] = (char)tolower(*p);
    }
    out[n] = '\0';
    return n;
}

/* True if the words of `words` appear together, whole, in `theme`:
 * "leadership" and "strategy and leadership" match "Vision, strategy and
 * leadership"; "lead" does not. */
static bool words_in(const char *theme, const char *words)
{
    char t[NAME_MAX_LEN + 3], w[NAME_MAX_LEN + 3];
    t[0] = w[0] = ' ';
    size_t tn = fold_words(t + 1, theme), wn = fold_words(w + 1, words);
    if (wn == 0)
        return false;
    memcpy(t + 1 + tn, " ", 2);
    memcpy(w + 1 + wn, " ", 2);
    return strstr(t, w) != NULL;
}

/* Levenshtein distance of a and b (both at most NAME_MAX_LEN bytes). */
static size_t distance(const char *a, size_t an, const char *b, size_t bn)
{
    size_t row[NAME_MAX_LEN + 1];
    for (size_t j = 0; j <= bn; j++)
        row[j] = j;
    for (size_t i = 1; i <= an; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= bn; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[bn];
}

/* How far `name` is from what was typed: the distance of the whole folded
 * name, or of its closest run of as many words as were typed ("leadrship"
 * is 1 from the last word of "Vision, strategy and leadership"). */
static size_t how_far(const char *name, const char *typed)
{
    char n[NAME_MAX_LEN + 1], t[NAME_MAX_LEN + 1];
    size_t nn = fold_words(n, name), tn = fold_words(t, typed), words = 1;
    size_t best = distance(n, nn, t, tn);
    for (size_t i = 0; i < tn; i++)
        words += t[i] == ' ';
    for (size_t start = 0; start < nn; start++) {
        if (start > 0 && n[start - 1] != ' ')
            continue;
        size_t end = start, seen = 0;
        while (end < nn && (n[end] != ' ' || ++seen < words))
            end++;
        size_t d = distance(n + start, end - start, t, tn);
        if (d < best)
            best = d;
    }
    return best;
}

/* The CLOSEST best names so far, nearest first. */
typedef struct closest {
    char name[CLOSEST][NAME_MAX_LEN + 1];
    size_t far[CLOSEST];
    int n;
} closest;

static void consider(closest *c, const char *name, const char *typed)
{
    size_t far = how_far(name, typed);
    int at = c->n;
    while (at > 0 && c->far[at - 1] > far)
        at--;
    if (at >= CLOSEST)
        return;
    int last = c->n < CLOSEST ? c->n : CLOSEST - 1;
    for (int i = last; i > at; i--) {
        memcpy(c->name[i], c->name[i - 1], sizeof c->name[i]);
        c->far[i] = c->far[i - 1];
    }
    snprintf(c->name[at], sizeof c->name[at], "%s", name);
    c->far[at] = far;
    if (c->n < CLOSEST)
        c->n++;
}

/* Appends "; closest: 'a', 'b', 'c'" (or "; there are none") to the
 * message already on db. */
static void append_closest(sp_db *db, const closest *c)
{
    size_t used = strlen(db->err);
    if (c->n == 0) {
        snprintf(db->err + used, sizeof db->err - used, "; there are none yet");
        return;
    }
    used += (size_t)snprintf(db->err + used, sizeof db->err - used, "; closest: ");
    for (int i = 0; i < c->n && used < sizeof db->err; i++)
        used += (size_t)snprintf(db->err + used, sizeof db->err - used, "%s'%s'",
                                 i ? ", " : "", c->name[i]);
}

void sp_suggest(sp_db *db, const char *query, const char *param, int64_t parent,
                const char *typed)
{
    sqlite3_stmt *st;
    closest c = {.n = 0};
    char saved[SP_ERRMSG_SIZE];
    /* Preparing may fail and overwrite the message: keep it. */
    memcpy(saved, db->err, sizeof saved);
    if (sp_prepare(&st, db, query) != SP_OK) {
        memcpy(db->err, saved, sizeof saved);
        return;
    }
    memcpy(db->err, saved, sizeof saved);
    if (param)
        sp_bind_int(st, param, parent);
    while (sqlite3_step(st) == SQLITE_ROW)
        if (sqlite3_column_text(st, 0))
            consider(&c, (const char *)sqlite3_column_text(st, 0), typed);
    sqlite3_finalize(st);
    append_closest(db, &c);
}

/* The next theme after `after` in byte order, copied (NULL at the end, or
 * with *rc set if memory runs out). */
static char *next_theme(sqlite3_stmt *st, const char *after, int *rc)
{
    sp_bind_text(st, ":after", after);
    char *copy = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
        !(copy = strdup((const char *)sqlite3_column_text(st, 0))))
        *rc = SP_ENOMEM;
    sqlite3_reset(st);
    return copy;
}

/* Visits each distinct theme once, in byte order, by seeking the index
 * finding_theme past the last one (a "loose index scan"): a few dozen
 * index seeks however many findings the plan has. */
int sp_theme_json(char **out, sp_db *db, const char *words)
{
    sqlite3_stmt *st;
    closest c = {.n = 0};
    int matched = 0;
    *out = NULL;
    int rc = sp_prepare(&st, db, "ref/theme_after");
    if (rc != SP_OK)
        return rc;
    sqlite3_str *json = sqlite3_str_new(NULL);
    char *theme = NULL, *prev = strdup("");
    if (!prev)
        rc = SP_ENOMEM;
    sqlite3_str_appendchar(json, 1, '[');
    while (rc == SP_OK && (theme = next_theme(st, prev, &rc))) {
        free(prev);
        prev = theme;
        consider(&c, theme, words);
        if (words_in(theme, words)) {
            sqlite3_str_appendall(json, matched++ ? "," : "");
            sp_json_text(json, theme, strlen(theme));
        }
    }
    free(prev);
    sqlite3_finalize(st);
    sqlite3_str_appendchar(json, 1, ']');
    if (rc == SP_OK && sqlite3_str_errcode(json) != SQLITE_OK)
        rc = SP_ENOMEM;
    char *text = sqlite3_str_finish(json);
    if (rc == SP_OK && matched > 0) {
        *out = strdup(text); /* callers free() it */
        sqlite3_free(text);
        return *out ? SP_OK : sp_fail(db, SP_ENOMEM, "out of memory");
    }
    sqlite3_free(text);
    if (rc != SP_OK)
        return sp_fail(db, rc, "out of memory");
    rc = sp_fail(db, SP_ENOTFOUND, "no theme matches '%s'", words);
    append_closest(db, &c);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Who someone is: the key two spellings of one name share             */

/* The code point of the valid sequence s[0..n), n from sp_utf8_seq. */
static uint32_t code_point(const unsigned char *s, size_t n)
{
    static const unsigned char lead_mask[5] = {0, 0x7f, 0x1f, 0x0f, 0x07};
    uint32_t c = s[0] & lead_mask[n];
    for (size_t i = 1; i < n; i++)
        c = c << 6 | (s[i] & 0x3f);
    return c;
}

/* White space a name can carry unseen: ASCII, the C1 controls and NEL,
 * no-break and the typographic spaces, line and paragraph separators. */
static bool name_space(uint32_t c)
{
    return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

/* Characters that show nothing at all: zero-width space and joiners, word
 * joiner and invisible operators, soft hyphen, the byte-order mark. */
static bool name_invisible(uint32_t c)
{
    return c == 0xad || c == 0x180e || (c >= 0x200b && c <= 0x200d) ||
           (c >= 0x2060 && c <= 0x2064) || c == 0xfeff;
}

/* Lower case for ASCII, Latin-1 (À-Þ but not ×) and Latin Extended-A
 * capitals (Ā-ž: the Welsh ŵ and ŷ, central European letters), which
 * keep their length in UTF-8; anything else as it is. In Extended-A a
 * capital and its small letter are neighbours, the capital first, but
 * for the runs Ĺ-ň and Ź-ž, which start on a small letter; İ's small
 * letter is two characters and ĸ, ŉ and ſ have no capital. */
static uint32_t name_fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
        return c + 0x20;
    if (c < 0x100 || c > 0x17e || c == 0x130 || c == 0x138 || c == 0x149)
        return c;
    if (c == 0x178) /* Ÿ */
        return 0xff;
    bool odd_capitals = (c >= 0x139 && c <= 0x148) || c >= 0x179;
    return (c & 1) == odd_capitals ? c + 1 : c;
}

/* A Latin letter written as the letter and a combining mark (U+0300 +
 * mark), as some systems save "é" (decomposed, Unicode's NFD): the
 * small letter Unicode composes the two to, for the letters of Latin-1
 * and Latin Extended-A. Derived from Unicode's canonical compositions
 * (in Python, unicodedata.normalize("NFC", letter + mark)). */
static const struct {
    char letter;
    unsigned char mark;
    uint16_t composed;
} compositions[] = {
    {'a', 0x00, 0x0e0}, {'a', 0x01, 0x0e1}, {'a', 0x02, 0x0e2}, {'a', 0x03, 0x0e3},
    {'a', 0x04, 0x101}, {'a', 0x06, 0x103}, {'a', 0x08, 0x0e4}, {'a', 0x0a, 0x0e5},
    {'a', 0x28, 0x105}, {'c', 0x01, 0x107}, {'c', 0x02, 0x109}, {'c', 0x07, 0x10b},
    {'c', 0x0c, 0x10d}, {'c', 0x27, 0x0e7}, {'d', 0x0c, 0x10f}, {'e', 0x00, 0x0e8},
    {'e', 0x01, 0x0e9}, {'e', 0x02, 0x0ea}, {'e', 0x04, 0x113}, {'e', 0x06, 0x115},
    {'e', 0x07, 0x117}, {'e', 0x08, 0x0eb}, {'e', 0x0c, 0x11b}, {'e', 0x28, 0x119},
    {'g', 0x02, 0x11d}, {'g', 0x06, 0x11f}, {'g', 0x07, 0x121}, {'g', 0x27, 0x123},
    {'h', 0x02, 0x125}, {'i', 0x00, 0x0ec}, {'i', 0x01, 0x0ed}, {'i', 0x02, 0x0ee},
    {'i', 0x03, 0x129}, {'i', 0x04, 0x12b}, {'i', 0x06, 0x12d}, {'i', 0x08, 0x0ef},
    {'i', 0x28, 0x12f}, {'j', 0x02, 0x135}, {'k', 0x27, 0x137}, {'l', 0x01, 0x13a},
    {'l', 0x0c, 0x13e}, {'l', 0x27, 0x13c}, {'n', 0x01, 0x144}, {'n', 0x03, 0x0f1},
    {'n', 0x0c, 0x148}, {'n', 0x27, 0x146}, {'o', 0x00, 0x0f2}, {'o', 0x01, 0x0f3},
    {'o', 0x02, 0x0f4}, {'o', 0x03, 0x0f5}, {'o', 0x04, 0x14d}, {'o', 0x06, 0x14f},
    {'o', 0x08, 0x0f6}, {'o', 0x0b, 0x151}, {'r', 0x01, 0x155}, {'r', 0x0c, 0x159},
    {'r', 0x27, 0x157}, {'s', 0x01, 0x15b}, {'s', 0x02, 0x15d}, {'s', 0x0c, 0x161},
    {'s', 0x27, 0x15f}, {'t', 0x0c, 0x165}, {'t', 0x27, 0x163}, {'u', 0x00, 0x0f9},
    {'u', 0x01, 0x0fa}, {'u', 0x02, 0x0fb}, {'u', 0x03, 0x169}, {'u', 0x04, 0x16b},
    {'u', 0x06, 0x16d}, {'u', 0x08, 0x0fc}, {'u', 0x0a, 0x16f}, {'u', 0x0b, 0x171},
    {'u', 0x28, 0x173}, {'w', 0x02, 0x175}, {'y', 0x01, 0x0fd}, {'y', 0x02, 0x177},
    {'y', 0x08, 0x0ff}, {'z', 0x01, 0x17a}, {'z', 0x07, 0x17c}, {'z', 0x0c, 0x17e}};

/* The letter `letter` and the combining mark `mark` make (0: none). */
static uint32_t compose(unsigned char letter, uint32_t mark)
{
    for (size_t i = 0; i < sizeof compositions / sizeof compositions[0]; i++)
        if ((unsigned char)compositions[i].letter == letter &&
            compositions[i].mark == mark - 0x300)
            return compositions[i].composed;
    return 0;
}

static size_t put_utf8(unsigned char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    out[0] = (unsigned char)(0xc0 | c >> 6); /* only letters below U+0800 are rewritten */
    out[1] = (unsigned char)(0x80 | (c & 0x3f));
    return 2;
}

/* A key's character that another way of writing it makes the same:
 * full-width Latin letters and digits (Ａ, ｅ: U+FF01-U+FF5E) are ASCII. */
static uint32_t name_plain(uint32_t c)
{
    return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/* A key's character beyond ASCII, raw[0..k) (code point c), written at
 * o[n]: a combining mark composed with the letter before it (at *last,
 * SIZE_MAX if none) where Unicode composes the two, else the character
 * made plain and folded. Returns the key's new length. */
static size_t key_char(unsigned char *o, size_t n, size_t *last, uint32_t c,
                       const unsigned char *raw, size_t k)
{
    uint32_t composed = *last != SIZE_MAX && c >= 0x300 && c <= 0x36f ? compose(o[*last], c) : 0;
    if (composed) {
        n = *last + put_utf8(o + *last, composed);
        *last = SIZE_MAX;
        return n;
    }
    c = name_fold(name_plain(c));
    *last = c < 0x80 ? n : SIZE_MAX;
    if (c < 0x800)
        return n + put_utf8(o + n, c);
    memcpy(o + n, raw, k);
    return n + k;
}

/* The walk both forms share: invisible characters dropped, white space
 * trimmed and each run made one space; `fold` makes the key: capitals
 * lowered, a letter and its combining accent one letter, full-width
 * letters plain (else the tidy spelling a name is stored in, as typed). */
static size_t name_walk(char *out, const char *name, size_t len, bool fold)
{
    const unsigned char *s = (const unsigned char *)name;
    unsigned char *o = (unsigned char *)out;
    size_t n = 0, last = SIZE_MAX; /* the key's last letter, which an accent may follow */
    bool gap = false;
    for (size_t i = 0, k; i < len; i += k) {
        /* ASCII, most of every name, without decoding (the importer keys
           each owner cell its cache has not met: a tenth of a percent). */
        k = s[i] < 0x80 ? 1 : sp_utf8_seq(s + i, len - i);
        uint32_t c = k == 1 ? s[i] : k ? code_point(s + i, k) : s[i];
        if (k > 1 && name_invisible(c))
            continue;
        if (k && name_space(c)) {
            gap = n > 0;
            continue;
        }
        if (gap) {
            o[n++] = ' ';
            last = SIZE_MAX;
        }
        gap = false;
        if (k == 0) { /* not UTF-8: kept byte for byte, so it still compares */
            o[n++] = s[i];
            k = 1;
            last = SIZE_MAX;
        } else if (!fold && k == 1) {
            o[n++] = s[i];
        } else if (!fold) {
            memcpy(o + n, s + i, k);
            n += k;
        } else if (k == 1) {
            last = n;
            o[n++] = (unsigned char)(c - 'A' < 26u ? c + 0x20 : c); /* name_fold, for ASCII */
        } else {
            n = key_char(o, n, &last, c, s + i, k);
        }
    }
    o[n] = '\0';
    return n;
}

size_t sp_name_key(char *out, const char *name, size_t len)
{
    return name_walk(out, name, len, true);
}

char *sp_name_tidy(const char *name)
{
    size_t len = strlen(name);
    char *out = malloc(len + 1);
    if (out)
        name_walk(out, name, len, false);
    return out;
}

/* name_key(text): sp_name_key as an SQL function, so that a query
 * compares people (the claimant and the signer) as the library does. */
static void sql_name_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t len = (size_t)sqlite3_value_bytes(argv[0]);
    char local[256], *buf = len < sizeof local ? local : sqlite3_malloc64(len + 1);
    if (!buf) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t n = sp_name_key(buf, text, len);
    sqlite3_result_text64(ctx, buf, n, buf == local ? SQLITE_TRANSIENT : sqlite3_free,
                          SQLITE_UTF8);
}

int sp_register_name_functions(sp_db *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(db->sql, "name_key", 1, flags, NULL, sql_name_key, NULL,
                                   NULL, NULL) != SQLITE_OK)
        return sp_fail_sql(db, "registering SQL functions");
    return SP_OK;
}

/* ------------------------------------------------------------------ */
/* Names by their key                                                  */

struct name_slot {
    char *key; /* NULL: empty */
    int64_t id;
};

uint64_t sp_key_hash(const char *key)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

/* The slot holding key, or the empty one where it would go. */
static struct name_slot *slot_of(const sp_name_index *x, const char *key)
{
    size_t mask = x->cap - 1, at = sp_key_hash(key) & mask;
    while (x->slot[at].key && strcmp(x->slot[at].key, key) != 0)
        at = (at + 1) & mask;
    return &x->slot[at];
}

/* Doubles the slots when they are half full. */
static bool index_grow(sp_name_index *x)
{
    size_t cap = x->cap ? x->cap * 2 : 64;
    struct name_slot *old = x->slot;
    size_t old_cap = x->cap;
    x->slot = calloc(cap, sizeof *x->slot);
    if (!x->slot) {
        x->slot = old;
        return false;
    }
    x->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *slot_of(x, old[i].key) = old[i];
    free(old);
    return true;
}

char *sp_name_key_dup(const char *name)
{
    size_t len = strlen(name);
    char *key = malloc(len + 1);
    if (key)
        sp_name_key(key, name, len);
    return key;
}

bool sp_name_same(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) /* nearly always, where it is asked row by row */
        return true;
    char *ka = sp_name_key_dup(a), *kb = sp_name_key_dup(b);
    bool same = ka && kb && strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}

int sp_name_index_get(int64_t *id, const sp_name_index *x, const char *name)
{
    *id = 0;
    char *key = sp_name_key_dup(name);
    if (!key)
        return SP_ENOMEM;
    if (x->cap) {
        const struct name_slot *s = slot_of(x, key);
        *id = s->key ? s->id : 0;
    }
    free(key);
    return *id ? SP_OK : SP_ENOTFOUND;
}

int sp_name_index_put(sp_name_index *x, const char *name, int64_t id)
{
    if ((x->n + 1) * 2 > x->cap && !index_grow(x))
        return SP_ENOMEM;
    char *key = sp_name_key_dup(name);
    if (!key)
        return SP_ENOMEM;
    struct name_slot *s = slot_of(x, key);
    if (s->key) { /* the first name with this key keeps it */
        free(key);
        return SP_OK;
    }
    s->key = key;
    s->id = id;
    x->n++;
    return SP_OK;
}

void sp_name_index_free(sp_name_index *x)
{
    for (size_t i = 0; i < x->cap; i++)
        free(x->slot[i].key);
    free(x->slot);
    *x = (sp_name_index){0};
}
