/* Checks on values coming in, each failing with a message that names the
 * value and says what was expected. */
#include <stdlib.h>
#include <string.h>

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

int sp_check_text(sp_db *db, const char *what, const char *text)
{
    if (sp_blank(text))
        return sp_fail(db, SP_EINVALID, "%s must not be empty", what);
    if (!sp_utf8_valid(text, strlen(text)))
        return sp_fail(db, SP_EINVALID, "%s is not valid UTF-8 text", what);
    return SP_OK;
}

/* The first character of s that has no place in a one-line name: C0 and
 * C1 controls (tab, newline ...), DEL, and the Unicode line and paragraph
 * separators. Returns its code point, or 0 if there is none. Invalid
 * UTF-8 is left to sp_utf8_valid. */
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
        return sp_fail(db, SP_EINVALID, "%s is not valid UTF-8 text", what);
    return SP_OK;
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
    if (sp_date_parse(buf, text) != SP_OK)
        return sp_fail(db, SP_EINVALID,
                       "%s '%s' is not a valid date: expected YYYY-MM-DD or DD/MM/YYYY", what,
                       text);
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
