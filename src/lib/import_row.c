/*
 * One row of an import, checked and parsed without touching the database:
 * references trimmed and checked, enumerations in any accepted spelling,
 * dates ISO or UK, due dates also as the loose timescales councils write.
 * Free text is taken exactly as written (an empty cell is no value), so
 * that an export read back gives the same text.
 */
#include <string.h>

#include "import.h"

bool imp_row_blank(const sp_csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        if (!sp_blank(row->fields[i].data))
            return false;
    return true;
}

/* The cell of field f, without the export's formula guard; NULL if the
 * file has no such column or the cell is empty. */
static const char *cell(const sp_csv_row *row, const imp_map *m, imp_field f, bool raw)
{
    if (m->col[f] < 0)
        return NULL;
    sp_csv_field v = row->fields[m->col[f]];
    if (!raw)
        v = sp_csv_unguard(v);
    return v.len > 0 ? v.data : NULL;
}

/* Copies text without surrounding white space into out (size 48); a cell
 * of only white space becomes no value. */
static int trimmed(const char **value, char out[48], sp_db *db, const char *what,
                   const char *text)
{
    *value = NULL;
    if (sp_blank(text))
        return SP_OK;
    size_t start = strspn(text, " \t\r\n"), len = strlen(text + start);
    while (len > 0 && strchr(" \t\r\n", text[start + len - 1]))
        len--;
    if (len >= 48)
        return sp_check_ref(db, what, text); /* too long: fails, naming it */
    memcpy(out, text + start, len);
    out[len] = '\0';
    *value = out;
    return sp_check_ref(db, what, out);
}

/* Authority codes are lower case and begin with a letter (see the schema);
 * people type "Torbay". */
static int take_code(imp_row *r, sp_db *db)
{
    const char *code;
    int rc = trimmed(&code, r->code, db, "authority code", r->cell[F_AUTHORITY]);
    if (rc != SP_OK || !code)
        return rc;
    for (char *p = r->code; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    if (r->code[0] < 'a' || r->code[0] > 'z')
        return sp_fail(db, SP_EINVALID, "authority code '%s' is not valid: expected a letter "
                       "first, then letters, digits, '.', '_' or '-'", r->code);
    r->cell[F_AUTHORITY] = r->code;
    return SP_OK;
}

/* The references: trimmed copies replace the cells. */
static int take_refs(imp_row *r, imp_field *field, sp_db *db, char bufs[3][48])
{
    static const imp_field which[] = {F_REVIEW, F_FINDING_REF, F_ACTION_REF};
    static const char *const what[] = {"review reference", "finding reference",
                                       "action reference"};
    *field = F_AUTHORITY;
    int rc = take_code(r, db);
    for (size_t i = 0; rc == SP_OK && i < 3; i++) {
        *field = which[i];
        rc = trimmed(&r->cell[which[i]], bufs[i], db, what[i], r->cell[which[i]]);
    }
    return rc;
}

static int take_enum(const char **out, imp_field *field, sp_db *db, const imp_row *r,
                     imp_field f, const char *kind, const char *what)
{
    *out = NULL;
    if (sp_blank(r->cell[f]))
        return SP_OK;
    *field = f;
    return sp_check_enum(out, db, kind, what, r->cell[f]);
}

/* Spreadsheets often rate with one letter. */
static const char *rag_word(const char *text)
{
    static const char *const letters[][2] = {
        {"R", "red"}, {"A", "amber"}, {"G", "green"}, {"B", "blue"}};
    size_t start = strspn(text, " \t");
    for (size_t i = 0; i < 4; i++)
        if ((text[start] == letters[i][0][0] || text[start] == letters[i][0][0] + 32) &&
            sp_blank(text + start + 1))
            return letters[i][1];
    return sp_enum_word("rag", text);
}

/* A RAG column is imported only when asked (RAG is computed), and then
 * only where the row has no stored override of its own. */
static int take_rag(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    int rc = take_enum(&r->rag_override, field, db, r, F_RAG_OVERRIDE, "rag", "RAG override");
    if (rc != SP_OK || r->rag_override || !o->keep_rag || sp_blank(r->cell[F_RAG]))
        return rc;
    *field = F_RAG;
    r->rag_override = rag_word(r->cell[F_RAG]);
    if (!r->rag_override)
        return sp_fail(db, SP_EINVALID, "RAG '%s' is not known: expected one of %s (or R, A, "
                       "G, B)", r->cell[F_RAG], sp_enum_values("rag"));
    r->cell[F_RAG_OVERRIDE_REASON] = "imported";
    return SP_OK;
}

static int take_enums(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    int rc = take_enum(&r->authority_kind, field, db, r, F_AUTHORITY_KIND, "authority_kind",
                       "authority kind");
    if (rc == SP_OK)
        rc = take_enum(&r->review_kind, field, db, r, F_REVIEW_KIND, "review_kind",
                       "review kind");
    if (rc == SP_OK)
        rc = take_enum(&r->finding_kind, field, db, r, F_FINDING_KIND, "finding_kind",
                       "finding kind");
    if (rc == SP_OK)
        rc = take_enum(&r->status, field, db, r, F_STATUS, "status", "status");
    return rc == SP_OK ? take_rag(r, field, db, o) : rc;
}

static int take_date(const char **out, char buf[SP_DATE_SIZE], imp_field *field, sp_db *db,
                     const imp_row *r, imp_field f, const char *what)
{
    *field = f;
    return sp_check_date(out, buf, db, what, sp_blank(r->cell[f]) ? NULL : r->cell[f]);
}

/* Digits in three groups split by '/', '-' or '.': meant as a date, so a
 * failure is an impossible day (31/02/2017), not an unknown timescale. */
static bool looks_like_date(const char *text)
{
    size_t groups = 0, i = strspn(text, " \t");
    while (text[i] >= '0' && text[i] <= '9') {
        groups++;
        i += strspn(text + i, "0123456789");
        if (text[i] == '/' || text[i] == '-' || text[i] == '.')
            i++;
    }
    return groups == 3 && sp_blank(text + i);
}

/* A due date or timescale, counted from the start date, else today. */
static int take_due(const char **out, char buf[SP_DATE_SIZE], imp_field *field, sp_db *db,
                    const imp_row *r, imp_field f, const imp_row_opts *o)
{
    const char *what = f == F_DUE ? "due date" : "original due date";
    *out = NULL;
    *field = f;
    if (sp_blank(r->cell[f]))
        return SP_OK;
    if (sp_due_parse(buf, r->cell[f], r->start ? r->start : o->today) != SP_OK)
        return looks_like_date(r->cell[f])
                   ? sp_fail(db, SP_EINVALID, "%s '%s' is not a real day: expected a valid "
                             "date (YYYY-MM-DD or DD/MM/YYYY)", what, r->cell[f])
                   : sp_fail(db, SP_EINVALID, "%s '%s' is not understood: expected %s", what,
                             r->cell[f], sp_due_forms());
    if (r->start && sp_date_diff(r->start, buf) < 0)
        return sp_fail(db, SP_EINVALID, "%s %s is before the start date %s", what, buf,
                       r->start);
    *out = buf;
    return SP_OK;
}

static int take_dates(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    int rc = take_date(&r->review_from, r->review_from_buf, field, db, r, F_REVIEW_STARTED,
                       "review start date");
    if (rc == SP_OK)
        rc = take_date(&r->review_to, r->review_to_buf, field, db, r, F_REVIEW_ENDED,
                       "review end date");
    if (rc == SP_OK)
        rc = take_date(&r->review_reported, r->review_reported_buf, field, db, r,
                       F_REVIEW_REPORTED, "review report date");
    if (rc == SP_OK)
        rc = take_date(&r->start, r->start_buf, field, db, r, F_START, "start date");
    if (rc == SP_OK)
        rc = take_date(&r->update_on, r->update_on_buf, field, db, r, F_UPDATE_ON,
                       "last update date");
    if (rc == SP_OK)
        rc = take_due(&r->original_due, r->original_due_buf, field, db, r, F_ORIGINAL_DUE, o);
    if (rc == SP_OK)
        rc = take_due(&r->due, r->due_buf, field, db, r, F_DUE, o);
    if (rc == SP_OK && !r->original_due)
        r->original_due = r->due; /* one due date: it is also the first one */
    return rc;
}

/* Stored text must be printable: tab, CR and LF are the only control
 * characters allowed (as sp_check_text has it). The reader has already
 * checked that every cell is UTF-8 without NUL bytes. */
static bool has_control(const char *t)
{
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n')
            return true;
    return false;
}

static int check_texts(const imp_row *r, imp_field *field, sp_db *db)
{
    for (int f = 0; f < F_COUNT; f++) {
        if (r->cell[f] && has_control(r->cell[f])) {
            *field = (imp_field)f;
            return sp_fail(db, SP_EINVALID, "%s holds a control character: expected text",
                           imp_field_name((imp_field)f));
        }
    }
    return SP_OK;
}

int imp_row_parse(imp_row *r, imp_field *field, sp_db *db, const imp_map *m,
                  const sp_csv_row *row, const imp_row_opts *o)
{
    memset(r, 0, sizeof *r);
    r->line = row->line;
    for (int f = 0; f < F_COUNT; f++) {
        r->cell[f] = cell(row, m, (imp_field)f, o->raw);
        r->has[f] = m->col[f] >= 0;
    }
    *field = F_COUNT;
    int rc = check_texts(r, field, db);
    if (rc == SP_OK)
        rc = take_refs(r, field, db, r->ref_bufs);
    if (rc == SP_OK)
        rc = take_enums(r, field, db, o);
    if (rc == SP_OK)
        rc = take_dates(r, field, db, o);
    if (rc != SP_OK)
        return rc;
    if (!r->finding_kind)
        r->finding_kind = m->finding_kind;
    *field = F_COUNT;
    r->carries_update = r->update_on || r->cell[F_UPDATE_BY] || r->cell[F_NOTE] ||
                        r->cell[F_EVIDENCE];
    return SP_OK;
}
