/* Checks on values coming in, each failing with a message that names the
 * value and says what was expected. */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "internal.h"
#include "swar.h"

/* The length of the run of reference characters at the start of s. (glibc's
 * strspn builds a 256-entry table from its set on every call: 470
 * instructions for a three-byte reference, four times per imported row.) */
static size_t ref_span(const char *s)
{
    size_t i = 0;
    for (unsigned char c; (c = (unsigned char)s[i]) != '\0'; i++)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            break;
    return i;
}

int sp_check_ref(sp_db *db, const char *what, const char *value)
{
    if (sp_blank(value))
        return sp_fail(db, SP_EINVALID, "%s must not be empty", what);
    size_t n = ref_span(value);
    if (n > 40 || value[n] != '\0')
        return sp_fail(db, SP_EINVALID,
                       "%s '%s' is not valid: expected 1 to 40 letters, digits, '.', '_' or '-'",
                       what, value);
    return SP_OK;
}

/* The directional formatting character (UAX #9) whose UTF-8 starts at p:
 * the marks U+200E, U+200F and U+061C, the embeddings and overrides
 * U+202A-U+202E and the isolates U+2066-U+2069. 0 for anything else. */
static unsigned bidi_control(const unsigned char *p)
{
    if (p[0] == 0xd8 && p[1] == 0x9c)
        return 0x061c;
    if (p[0] != 0xe2)
        return 0;
    if (p[1] == 0x80 && (p[2] == 0x8e || p[2] == 0x8f || (p[2] >= 0xaa && p[2] <= 0xae)))
        return 0x2000u | (p[2] - 0x80u);
    if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
        return 0x2040u | (p[2] - 0x80u);
    return 0;
}

static bool bidi_code(unsigned c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

#define BIDI_MAX 125 /* UAX #9's deepest nesting: an opener past it does nothing */

/* The embeddings, overrides and isolates in force at a point of a text,
 * outermost first, as UAX #9 (X1-X8) nests them. */
typedef struct bidi_walk {
    uint16_t open[BIDI_MAX];
    size_t depth;
    size_t isolates; /* how many of open[] are isolates */
    size_t past;     /* openers beyond BIDI_MAX, not yet closed */
} bidi_walk;

static bool bidi_isolate(unsigned c)
{
    return c >= 0x2066 && c <= 0x2068;
}

/* A PDF (U+202C) closes the innermost embedding or override, never across
 * an isolate; a PDI (U+2069) closes the innermost isolate and all opened
 * inside it. A closer with nothing to close does nothing, here or on the
 * screen. */
static void bidi_step(bidi_walk *b, unsigned c)
{
    if (c == 0x202c || c == 0x2069) {
        if (b->past) {
            b->past--;
        } else if (c == 0x202c && b->depth && !bidi_isolate(b->open[b->depth - 1])) {
            b->depth--;
        } else if (c == 0x2069 && b->isolates) {
            while (!bidi_isolate(b->open[--b->depth]))
                ;
            b->isolates--;
        }
    } else if ((c >= 0x202a && c <= 0x202e) || bidi_isolate(c)) {
        if (b->depth == BIDI_MAX) {
            b->past++;
            return;
        }
        b->open[b->depth++] = (uint16_t)c;
        b->isolates += bidi_isolate(c);
    }
}

/* Walks text into b. by_line: stops at the first line end (or the text's)
 * that leaves something open, and returns its outermost opener; 0 if
 * every line closes what it opens. Whole (!by_line): b holds what the
 * text leaves open at its end, and the return is 0. */
static unsigned bidi_walk_text(bidi_walk *b, const char *text, bool by_line)
{
    b->depth = b->isolates = b->past = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (by_line && (*p == '\n' || *p == '\r') && b->depth)
            return b->open[0];
        unsigned c = bidi_control(p);
        if (c)
            bidi_step(b, c);
    }
    return by_line && b->depth ? b->open[0] : 0;
}

static const char *bidi_name(unsigned c)
{
    switch (c) {
    case 0x061c: return "Arabic letter mark";
    case 0x200e: return "left-to-right mark";
    case 0x200f: return "right-to-left mark";
    case 0x202a: return "left-to-right embedding";
    case 0x202b: return "right-to-left embedding";
    case 0x202d: return "left-to-right override";
    case 0x202e: return "right-to-left override";
    case 0x2066: return "left-to-right isolate";
    case 0x2067: return "right-to-left isolate";
    case 0x2068: return "first strong isolate";
    default: return "direction control";
    }
}

/* Text of several lines may hold direction controls, as right-to-left
 * writing needs them, but each line must close what it opens: one left
 * open would reverse or reorder what is shown after the text, which its
 * writer does not control. Refused, not repaired: what is kept is exactly
 * what was written. */
/* True if text holds a direction control. Every embedding, override and
 * isolate starts with the byte 0xE2, but so do a dash and a curly quote,
 * which councils' text is full of: walking every such cell byte by byte
 * was 2% of an import. */
static bool has_bidi(const char *text)
{
    for (const char *p = strchr(text, '\xe2'); p; p = strchr(p + 1, '\xe2'))
        if (bidi_control((const unsigned char *)p))
            return true;
    return false;
}

int sp_check_bidi(sp_db *db, const char *what, const char *text)
{
    if (!text || !has_bidi(text))
        return SP_OK;
    bidi_walk b;
    unsigned c = bidi_walk_text(&b, text, true);
    if (c)
        return sp_fail(db, SP_EINVALID, "%s has an invisible %s (U+%04X) that its line does "
                       "not close: it would change how the text after it reads. Remove it, "
                       "or close it on the same line", what, bidi_name(c), c);
    return SP_OK;
}

int sp_bidi_closers(const char *text, char out[SP_BIDI_CLOSERS_SIZE])
{
    bidi_walk b;
    out[0] = '\0';
    if (!text || !has_bidi(text))
        return 0;
    bidi_walk_text(&b, text, false);
    char *o = out;
    for (size_t i = b.depth; i-- > 0; o += 3) /* the innermost first */
        memcpy(o, bidi_isolate(b.open[i]) ? "\xe2\x81\xa9" : "\xe2\x80\xac", 3);
    *o = '\0';
    return (int)b.depth;
}

/* Why sp_utf8_valid() refused text: a control character (an escape
 * sequence pasted from a terminal, a NUL-less binary) is named as one,
 * since "not valid UTF-8" sends the user looking for an encoding fault. */
static int not_text(sp_db *db, const char *what, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n')
            return sp_fail(db, SP_EINVALID, "%s contains a control character (U+%04X): "
                           "expected text", what, *p);
    return sp_fail(db, SP_EINVALID, "%s is not valid UTF-8 text", what);
}

int sp_check_text(sp_db *db, const char *what, const char *text)
{
    if (sp_blank(text))
        return sp_fail(db, SP_EINVALID, "%s must not be empty", what);
    if (!sp_utf8_valid(text, strlen(text)))
        return not_text(db, what, text);
    return sp_check_bidi(db, what, text);
}

/* The first character of s that has no place in a one-line name: C0 and
 * C1 controls (tab, newline ...), DEL, the Unicode line and paragraph
 * separators, and the directional formatting characters (invisible: a
 * name needs none, and with one "Ann Lee" could pass for another, or
 * reverse what follows it). Returns its code point, or 0 if there is
 * none. Invalid UTF-8 is left to sp_utf8_valid. */
static unsigned line_breaker(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    /* Eight bytes at a time while they are printable ASCII, as nearly
     * every byte of a name is: byte by byte this was 1% of an import. */
    for (uint64_t w; end - p >= SP_WORD; p += SP_WORD) {
        w = sp_word_at(p);
        if (sp_word_has_below(w, 0x20) || sp_word_has(w, 0x7f) || sp_word_has_high(w))
            break;
    }
    for (; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return *p;
        if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            return p[1];
        if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            return 0x2000u | (p[2] - 0x80u);
        unsigned bidi = bidi_control(p);
        if (bidi)
            return bidi;
    }
    return 0;
}

int sp_check_name(sp_db *db, const char *what, const char *text)
{
    if (sp_blank(text))
        return sp_fail(db, SP_EINVALID, "%s must not be empty", what);
    unsigned c = line_breaker(text, strlen(text));
    if (c == '\t' || c == '\n' || c == '\r')
        return sp_fail(db, SP_EINVALID, "%s contains a %s: a name is one line of text",
                       what, c == '\t' ? "tab" : c == '\n' ? "newline" : "carriage return");
    if (bidi_code(c))
        return sp_fail(db, SP_EINVALID, "%s contains an invisible %s (U+%04X): a name needs "
                       "none, so remove it", what, bidi_name(c), c);
    if (c)
        return sp_fail(db, SP_EINVALID, "%s contains a control character (U+%04X): a name "
                       "is one line of text", what, c);
    return sp_check_text(db, what, text);
}

int sp_tidy_label(char **out, sp_db *db, const char *what, const char *text)
{
    *out = NULL;
    int rc = sp_check_text(db, what, text);
    if (rc != SP_OK)
        return rc;
    if (!(*out = sp_name_tidy(text)))
        return sp_fail(db, SP_ENOMEM, "out of memory");
    if (**out)
        return SP_OK;
    free(*out); /* nothing but invisible characters */
    *out = NULL;
    return sp_fail(db, SP_EINVALID, "%s must not be empty", what);
}

int sp_check_optional_text(sp_db *db, const char *what, const char *text)
{
    if (text && !sp_utf8_valid(text, strlen(text)))
        return not_text(db, what, text);
    return sp_check_bidi(db, what, text);
}

int sp_check_enum(const char **out, sp_db *db, const char *kind, const char *what,
                  const char *text)
{
    *out = text ? sp_enum_word(kind, text) : NULL;
    if (!*out)
        return sp_fail(db, SP_EINVALID, "%s '%s' is not known: expected one of %s", what,
                       text ? text : "", sp_enum_values(kind));
    return SP_OK;
}

int sp_check_date(const char **out, char buf[SP_DATE_SIZE], sp_db *db, const char *what,
                  const char *text)
{
    *out = NULL;
    if (!text)
        return SP_OK;
    char hint[SP_DATE_HINT_SIZE];
    if (sp_date_parse(buf, text) != SP_OK)
        return sp_fail(db, SP_EINVALID,
                       "%s '%s' is not a valid date: expected YYYY-MM-DD or DD/MM/YYYY%s", what,
                       text, sp_date_hint(hint, text));
    *out = buf;
    return SP_OK;
}

int sp_step_id(int64_t *id, sp_db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        rc = SP_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SP_ENOTFOUND;
    } else {
        rc = sp_fail_sql(db, "looking up");
    }
    sqlite3_reset(st);
    return rc;
}
