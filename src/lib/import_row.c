/*
 * One row of an import, checked and parsed without touching the database:
 * references trimmed and checked, enumerations in any accepted spelling,
 * dates ISO or UK, due dates also as the loose timescales councils write.
 * Free text is taken exactly as written (an empty cell is no value), so
 * that an export read back gives the same text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "import.h"
#include "swar.h"

bool imp_row_blank(const sp_csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        if (!sp_blank(row->fields[i].data))
            return false;
    return true;
}

/* A CSV cell as the clerk meant it. The export's formula guard comes off
 * first, so that a guarded cell reads back as exported (''abc is 'abc).
 * Otherwise one leading "'" before a non-blank is Excel's "treat as text"
 * prefix typed into the value ('Head of Service, '1.2): Excel shows the
 * text without it, and so does the import. A lone "'", or one before a
 * blank, is kept: it is the text itself, not a prefix. One byte is looked
 * at, so the hot path stays as it was. */
static sp_csv_field as_typed(sp_csv_field v)
{
    sp_csv_field u = sp_csv_unguard(v);
    if (u.data != v.data || v.len < 2 || v.data[0] != '\'' || strchr(" \t\r\n", v.data[1]))
        return u;
    v.data++;
    v.len--;
    return v;
}

/* The cell of field f as typed (a workbook's text is raw: Excel keeps
 * its prefix out of the value); NULL if the file has no such column or
 * the cell is empty. */
static const char *cell(const sp_csv_row *row, const imp_map *m, imp_field f, bool raw)
{
    if (m->col[f] < 0)
        return NULL;
    sp_csv_field v = row->fields[m->col[f]];
    if (!raw)
        v = as_typed(v);
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

/* A reference as sheets number their rows, made one that a path can
 * hold: a label before it ("Rec 1", "Action 3", "No. 4"), '#', brackets
 * ("1(a)", "(ii)", "3)") and spaces ("1.1 a", "1 - 2") left out. False if
 * anything else stands in the way (a '/', a comma) or nothing is left. */
static bool tidy_ref(char *out, size_t size, const char *text)
{
    static const char *const labels[] = {"recommendation", "reference", "finding", "action",
                                         "number", "item", "rec", "ref", "no", NULL};
    const char *p = text + strspn(text, " \t");
    for (size_t k = 0; labels[k]; k++) {
        size_t n = strlen(labels[k]);
        if (strncasecmp(p, labels[k], n) == 0 && strchr(" .:#", p[n]) && p[n]) {
            p += n + strspn(p + n, " .:");
            break;
        }
    }
    size_t o = 0;
    for (; *p; p++) {
        if (strchr(" \t#()[]", *p))
            continue;
        if (!isalnum((unsigned char)*p) && !strchr("._-", *p))
            return false;
        if (o + 1 >= size)
            return false;
        out[o++] = *p;
    }
    out[o] = '\0';
    return o > 0;
}

/* The references, each checked on its own so that every bad one is
 * reported: trimmed copies replace the cells; a reference written as a
 * sheet numbers its rows is tidied (tidy_ref), and the import says so. */
static int take_ref(imp_row *r, imp_field *field, sp_db *db, size_t i)
{
    static const imp_field which[] = {F_REVIEW, F_FINDING_REF, F_ACTION_REF};
    static const char *const what[] = {"review reference", "finding reference",
                                       "action reference"};
    *field = which[i];
    const char *text = r->cell[which[i]];
    int rc = trimmed(&r->cell[which[i]], r->ref_bufs[i], db, what[i], text);
    if (rc == SP_EINVALID && tidy_ref(r->ref_bufs[i], sizeof r->ref_bufs[i], text) &&
        sp_check_ref(db, what[i], r->ref_bufs[i]) == SP_OK) {
        r->cell[which[i]] = r->ref_bufs[i];
        if (!r->ref_tidied) { /* the row's first, for the note */
            r->ref_tidied = text;
            r->ref_tidied_field = which[i];
        }
        return SP_OK;
    }
    if (rc != SP_OK)
        r->cell[which[i]] = NULL;
    return rc;
}

static int take_enum(const char **out, imp_field *field, sp_db *db, const imp_row *r,
                     imp_field f, const char *kind, const char *what)
{
    *out = NULL;
    *field = f;
    if (sp_blank(r->cell[f]))
        return SP_OK;
    return sp_check_enum(out, db, kind, what, r->cell[f]);
}

/* Where in list (NULL-ended) the n bytes at s are a word, in any case; -1
 * if nowhere. */
static int word_index(const char *s, size_t n, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(s, list[i], n) == 0)
            return i;
    return -1;
}

/* The text without the white space before it and the white space and full
 * stops after it ("Pending. "): its start, and its length in *n. */
static const char *bare_word(const char *text, size_t *n)
{
    text += strspn(text, " \t");
    *n = strlen(text);
    while (*n > 0 && (text[*n - 1] == ' ' || text[*n - 1] == '\t' || text[*n - 1] == '.'))
        --*n;
    return text;
}

/* One rating: a word, or the one letter spreadsheets often rate with. */
static const char *rag_one(const char *text)
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

/* A rating between two ("Amber/Green", "Red - Amber", "G/B": a five-point
 * scale): the worse of the two, which is never the rosier report. NULL if
 * the text is not two colours of red, amber, green and blue. */
const char *imp_rag_pair(const char *text)
{
    static const char *const worst_first[] = {"red", "amber", "green", "blue"};
    char first[16];
    size_t n = strcspn(text, "/-");
    if (!text[n] || n >= sizeof first)
        return NULL;
    memcpy(first, text, n);
    first[n] = '\0';
    const char *a = rag_one(first), *b = rag_one(text + n + 1);
    if (!a || !b || strcmp(a, "grey") == 0 || strcmp(b, "grey") == 0 || strcmp(a, b) == 0)
        return NULL;
    for (size_t i = 0;; i++)
        if (strcmp(worst_first[i], a) == 0 || strcmp(worst_first[i], b) == 0)
            return worst_first[i];
}

/* A RAG cell's colour: one rating, or the worse of two (imp_rag_pair). */
const char *imp_rag_word(const char *text)
{
    const char *one = rag_one(text);
    return one ? one : imp_rag_pair(text);
}

/* A RAG cell that gives no rating: "N/A", "-", "Not rated". */
static bool no_rating(const char *text)
{
    static const char *const words[] = {"n/a", "na", "-", "not rated", "no rating", "none",
                                        "tbc", "?", "not applicable", NULL};
    size_t n;
    text = bare_word(text, &n);
    return word_index(text, n, words) >= 0;
}

/* A colour with words after it ("Green (on track)", "Amber - at risk",
 * "Amber*"): the colour; NULL if the text starts with none. */
static const char *colour_first(const char *text)
{
    static const char *const colours[] = {"red", "amber", "green", "blue", "grey", "gray", NULL};
    const char *p = text + strspn(text, " \t");
    size_t n = 0;
    while (isalpha((unsigned char)p[n]))
        n++;
    int k = word_index(p, n, colours);
    return k < 0 || sp_blank(p + n) ? NULL : k == 5 ? "grey" : colours[k];
}

/* A RAG column is imported only when asked (RAG is computed), and then
 * only where the row has no stored override of its own. */
static int take_rag(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    int rc = take_enum(&r->rag_override, field, db, r, F_RAG_OVERRIDE, "rag", "RAG override");
    if (rc != SP_OK || r->rag_override || !o->keep_rag || sp_blank(r->cell[F_RAG]) ||
        no_rating(r->cell[F_RAG]))
        return rc;
    *field = F_RAG;
    r->rag_override = imp_rag_word(r->cell[F_RAG]);
    r->rag_pair = r->rag_override && imp_rag_pair(r->cell[F_RAG]);
    if (!r->rag_override)
        r->rag_remark = (r->rag_override = colour_first(r->cell[F_RAG])) != NULL;
    if (!r->rag_override)
        return sp_fail(db, SP_EINVALID, "RAG '%s' is not known: expected one of %s (or R, A, "
                       "G, B)", r->cell[F_RAG], sp_enum_values("rag"));
    r->cell[F_RAG_OVERRIDE_REASON] = "imported";
    return SP_OK;
}

/* The share a number gives, as written from p ("50", "50%", "50 %",
 * "50.5%": its whole part, as 99.6% done is not all of it; "0.5", ".5": a
 * fraction, as a number cell without its format gives it), into *n; the
 * text after it in *end. False if p starts no such number or the number
 * passes 100. Read digit by digit, not by strtod, whose decimal mark is
 * the locale's. */
static bool share_number(const char *p, int *n, const char **end)
{
    size_t whole = strspn(p, "0123456789"), part = 0;
    if (p[whole] == '.')
        part = strspn(p + whole + 1, "0123456789");
    const char *e = p + whole + (p[whole] == '.' ? 1 + part : 0);
    bool sign = e[strspn(e, " ")] == '%';
    e += sign ? strspn(e, " ") : 0;
    int v = whole > 0 && whole <= 3 ? atoi(p) : whole == 0 && part > 0 ? 0 : -1;
    if (v < 0 || v > 100 || (v == 100 && part > 0 && strspn(p + 4, "0") < part))
        return false;
    if (!sign && v == 0 && part > 0) { /* a fraction: its first two decimals */
        const char *d = p + whole + 1;
        v = (d[0] - '0') * 10 + (part > 1 ? d[1] - '0' : 0);
    }
    e += sign;
    if (!sign) /* "80 percent", "80 per cent" */
        for (const char *const *w = (const char *const[]){" percent", " per cent", NULL}; *w; w++)
            if (strncasecmp(e, *w, strlen(*w)) == 0)
                e += strlen(*w);
    *n = v;
    *end = e;
    return true;
}

/* Words before a share that say it is a guess ("c. 50%", "approx 75%",
 * "~25%"): past them, or p itself. */
static const char *past_about(const char *p)
{
    static const char *const words[] = {"approximately ", "approx. ", "approx ", "around ",
                                        "about ", "circa ", "c. ", "c.", "ca. ", "c ", "~",
                                        "est. ", NULL};
    for (size_t i = 0; words[i]; i++)
        if (strncasecmp(p, words[i], strlen(words[i])) == 0)
            return p + strlen(words[i]) + strspn(p + strlen(words[i]), " ");
    return p;
}

/* A remark after a share, in brackets or after a dash ("75% (awaiting
 * audit)", "60% - on track"): its words, else NULL. One that starts with a
 * digit is not a remark ("50-60%" is a range, "50, 60" two shares). */
static const char *share_remark(const char *rest)
{
    rest += strspn(rest, " \t");
    size_t mark;
    if (*rest && strchr("([-;,", *rest))
        mark = 1;
    else if (strncmp(rest, "\xe2\x80\x93", 3) == 0) /* an en dash */
        mark = 3;
    else
        return NULL;
    rest += mark + strspn(rest + mark, " \t");
    return *rest >= '0' && *rest <= '9' ? NULL : rest;
}

/* Words after a share that only say what it is a share of ("50%
 * complete", "100% done"): nothing to note. */
static bool share_of_work(const char *rest)
{
    static const char *const words[] = {"complete", "completed", "done", "achieved",
                                        "finished", NULL};
    size_t n;
    rest = bare_word(rest, &n);
    return word_index(rest, n, words) >= 0;
}

/* A share's column that holds the status's words at its ends: "Complete"
 * is all of the work, "Not started" none of it. -1 otherwise. */
static int share_in_words(const char *text)
{
    const char *st = sp_enum_word("status", text);
    if (!st)
        return -1;
    return strcmp(st, "complete") == 0 ? 100 : strcmp(st, "not_started") == 0 ? 0 : -1;
}

/* A share's cell that gives none: "N/A", "-", "TBC", "Unknown". */
static bool no_share(const char *text)
{
    static const char *const words[] = {"n/a", "na", "-", "tbc", "tba", "?", "unknown",
                                        "not known", NULL};
    size_t n;
    text = bare_word(text, &n);
    return n == 0 || word_index(text, n, words) >= 0;
}

/* The share of the work done: a number (share_number), perhaps after
 * words of a guess or before a remark, or "Complete"/"Not started"; none
 * (no_share). Each reading beyond the number is noted once (note_cells). */
static int take_percent(imp_row *r, sp_db *db)
{
    const char *text = r->cell[F_PERCENT], *end;
    r->percent = -1;
    if (sp_blank(text) || no_share(text))
        return SP_OK;
    const char *p = text + strspn(text, " \t"), *num = past_about(p);
    int n = share_in_words(text);
    bool read = n >= 0;
    if (!read && share_number(num, &n, &end)) {
        bool plain = sp_blank(end) || share_of_work(end);
        const char *remark = plain ? NULL : share_remark(end);
        read = plain || (remark && !sp_blank(remark));
        r->percent_read = num != p || remark;
    } else if (read) {
        r->percent_read = true;
    }
    if (!read)
        return sp_fail(db, SP_EINVALID, "per cent complete '%s' is not a share of the work: "
                       "expected 0 to 100, with or without %%, or Complete or Not started",
                       text);
    r->percent = n;
    snprintf(r->percent_buf, sizeof r->percent_buf, "%d", r->percent);
    r->percent_text = r->percent_buf;
    return SP_OK;
}

/* A sheet that gives the share of the work done but no status (no
 * column, or a blank cell): none is not started, all of it complete, any
 * other share in progress. */
static void percent_is_status(imp_row *r)
{
    if (r->status || !sp_blank(r->cell[F_STATUS]) || r->percent < 0)
        return;
    r->status = r->percent == 0 ? "not_started" : r->percent >= 100 ? "complete" : "in_progress";
    r->status_reading = IMP_READ_PERCENT;
}

static const char *after_colour(imp_row *r, const char *text);

/* A sheet that rates its actions but gives no status (no column, or a
 * blank cell): blue is the colour of work done, so a blue row is
 * complete. Red, amber and green say how an open action stands, which
 * safeplan works out from its dates, not which status it has. A RAG cell
 * in words ("Complete", "On track", "Blue - complete") is a status kept
 * in the RAG column: it is read as one. */
static void blue_is_done(imp_row *r)
{
    const char *rag, *cell = r->cell[F_RAG], *st;
    if (r->status || !sp_blank(r->cell[F_STATUS]) || sp_blank(cell))
        return;
    if ((rag = imp_rag_word(cell)) != NULL) {
        if (strcmp(rag, "blue") == 0)
            r->status = "complete", r->status_reading = IMP_READ_BLUE;
    } else if ((st = sp_enum_word("status", cell)) != NULL || (st = after_colour(r, cell))) {
        r->status = st;
        r->status_reading = IMP_READ_RAG_WORDS;
    }
}

/* "Transferred to service plan", "Transferred - business as usual", "Moved
 * to BAU": the words after "to" or the dash are where the action went (""
 * if none follow); "Business as usual" or "BAU" alone is where it went;
 * NULL if the cell is not written so. */
static const char *transfer_words(const char *text)
{
    const char *p = text + strspn(text, " \t");
    char name[24];
    if ((*p | 0x20) == 'b' && strlen(p) < sizeof name) {
        sp_name_key(name, p, strlen(p)); /* "Business as usual" alone: a transfer there */
        if (strcmp(name, "business as usual") == 0 || strcmp(name, "bau") == 0)
            return p;
    }
    /* "Moved to BAU": the same move in other words */
    size_t verb = strncasecmp(p, "transferred", 11) == 0 ? 11
                  : strncasecmp(p, "moved", 5) == 0      ? 5
                                                         : 0;
    if (!verb)
        return NULL;
    p += verb;
    size_t gap = strspn(p, " \t");
    if (gap && strncasecmp(p + gap, "to", 2) == 0 && (!p[gap + 2] || strchr(" \t", p[gap + 2])))
        p += gap + 2;
    else if (p[gap] == '-' || p[gap] == ':')
        p += gap + 1;
    else if (strncmp(p + gap, "\xe2\x80\x93", 3) == 0) /* an en dash */
        p += gap + 3;
    else
        return NULL;
    return p + strspn(p, " \t");
}

/* A status written with its destination is a transfer there. The
 * Transferred to column, if it says something, must say the same: which of
 * two places the action went is for the clerk to say, not the import. */
static int take_transfer(imp_row *r, imp_field *field, sp_db *db, const char *where)
{
    const char *column = r->cell[F_TRANSFERRED_TO];
    *field = F_STATUS;
    r->status = "transferred";
    if (!*where)
        return SP_OK; /* no destination here: the column's, else refused (import_write.c) */
    if (column && !sp_blank(column) && !sp_name_same(column, where))
        return sp_fail(db, SP_EINVALID, "status '%s' transfers the action to '%s', but its "
                       "transferred_to cell says '%s': expected one destination (correct one "
                       "of them, or leave the transferred_to cell empty)", r->cell[F_STATUS],
                       where, column);
    if (!column || sp_blank(column))
        r->cell[F_TRANSFERRED_TO] = where;
    return SP_OK;
}

/* A council's words for each status, for the message when a cell has
 * none of them. */
#define STATUS_WORDS                                                                        \
    ", or a council's word for one (Not yet due, On track, Delayed, On hold, Partially "   \
    "met, Achieved, Met, Awaiting sign-off, Cancelled, Superseded, \"Transferred to "       \
    "<where>\", 50%%)"

/* What stands between a status's words and the rest of its cell: space,
 * a dash (the bytes of an en or em dash too), a colon or a stop. */
#define STATUS_GAP " \t-\xE2\x80\x93\x94:,;/"

/* A percentage of the work done ("50%", "50% complete"): none is not
 * started, all is complete, any other share in progress. */
static const char *percent_status(const char *text)
{
    const char *p = text + strspn(text, " \t");
    size_t n = strspn(p, "0123456789");
    if (n == 0 || n > 3 || p[n] != '%')
        return NULL;
    const char *rest = p + n + 1;
    rest += strspn(rest, " \t");
    if (*rest && !sp_enum_word("status", rest))
        return NULL;
    long share = strtol(p, NULL, 10);
    return share == 0 ? "not_started" : share >= 100 ? "complete" : "in_progress";
}

/* A word of text ending at i: before a space, a bracket or a stop, not a
 * hyphen ("Finished-ish" is one word). */
static bool word_ends(const char *text, size_t i)
{
    return i > 0 && text[i - 1] != ' ' && (text[i] == '\0' || strchr(" \t\r\n(),:;/[", text[i]));
}

/* What a "not" or "no" after a status of work done may deny without
 * undoing the work: its sign-off, evidence or closure ("Complete - not
 * signed off", "Completed but not evidenced", "no further action"), which
 * a second person's sign-off records. s is the text after the "not". */
static bool of_the_close(const char *s)
{
    static const char *const words[] = {"signed", "sign", "signoff", "evidenced", "verified",
                                        "approved", "closed", "validated", "further", NULL};
    s += strspn(s, " -");
    if (strncmp(s, "yet", 3) == 0 && !isalpha((unsigned char)s[3]))
        s += 3 + strspn(s + 3, " -");
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    return word_index(s, n, words) >= 0;
}

/* True if the words hold a "not" or a "no": "Closed - not achieved" is
 * not read from its first word. */
static bool negated(const char *words)
{
    char low[80];
    size_t n = 0;
    for (; words[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)words[n]);
    low[n] = '\0';
    for (const char *p = low; (p = strstr(p, "no")) != NULL; p += 2)
        if ((p == low || !isalpha((unsigned char)p[-1])) &&
            (!isalpha((unsigned char)p[2]) || (p[2] == 't' && !isalpha((unsigned char)p[3]))) &&
            !of_the_close(p + 2 + (p[2] == 't')))
            return true;
    return false;
}

/* The status a cell's first words name, the longest that is one, with
 * more after them ("Completed - evidence to follow", "In progress (70%)",
 * "Achieved (Sept 2025)"); the rest in r->status_rest. */
static const char *first_words_status(imp_row *r, const char *text)
{
    char head[64];
    for (size_t i = strlen(text) < sizeof head ? strlen(text) : sizeof head - 1; i > 0; i--) {
        if (!word_ends(text, i) || sp_blank(text + i))
            continue;
        memcpy(head, text, i);
        head[i] = '\0';
        const char *st = sp_enum_word("status", head);
        const char *rest = text + i + strspn(text + i, STATUS_GAP);
        if (st && !negated(rest)) {
            snprintf(r->status_rest, sizeof r->status_rest, "%s", rest);
            return st;
        }
    }
    return NULL;
}

/* A status after a RAG colour ("Blue - complete", "Green: on track"). */
static const char *after_colour(imp_row *r, const char *text)
{
    static const char *const colours[] = {"red", "amber", "green", "blue", "grey", "gray"};
    const char *p = text + strspn(text, " \t");
    for (size_t k = 0; k < sizeof colours / sizeof colours[0]; k++) {
        size_t n = strlen(colours[k]);
        if (strncasecmp(p, colours[k], n) != 0 || !word_ends(p, n) || sp_blank(p + n))
            continue;
        const char *rest = p + n + strspn(p + n, STATUS_GAP);
        const char *st = sp_enum_word("status", rest);
        return st ? st : first_words_status(r, rest);
    }
    return NULL;
}

/* Words after a status of work done that say only some of it is ("in
 * part", "(partially)", "mostly"). */
static bool partly(const char *rest)
{
    static const char *const words[] = {"part", "partial", "partially", "partly", "mostly",
                                        "largely", "nearly", "almost", "substantially", NULL};
    for (const char *p = rest; *p;) {
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        int i = n ? word_index(p, n, words) : -1;
        if (i > 0 || (i == 0 && strncasecmp(p + n, " of ", 4) != 0)) /* not "as part of" */
            return true;
        p += n ? n : 1;
    }
    return false;
}

/* A status written with more than its word: a percentage, a RAG colour
 * before it, or words after it. NULL if none of those. */
static const char *decorated_status(imp_row *r, const char *text)
{
    const char *st = percent_status(text);
    if (st)
        return st;
    if ((st = after_colour(r, text)) != NULL) {
        r->status_reading = IMP_READ_COLOUR;
        return st;
    }
    if ((st = first_words_status(r, text)) != NULL)
        r->status_reading = IMP_READ_FIRST_WORDS;
    if (st && strcmp(st, "complete") == 0 && partly(r->status_rest)) {
        st = "in_progress"; /* "Achieved in part" is partially achieved */
        r->status_reading = IMP_READ_PARTLY;
    }
    return st;
}

/* Words read as a status that is not quite what they say: noted once. */
static imp_reading plain_reading(const char *text)
{
    static const struct { const char *word; imp_reading reading; } said[] = {
        {"superseded", IMP_READ_SUPERSEDED}, {"on hold", IMP_READ_ON_HOLD},
        {"on-hold", IMP_READ_ON_HOLD}, {"paused", IMP_READ_ON_HOLD},
        {"deferred", IMP_READ_ON_HOLD}, {"postponed", IMP_READ_ON_HOLD},
        {"stalled", IMP_READ_ON_HOLD},  {"blocked", IMP_READ_ON_HOLD},
        {"merged", IMP_READ_SUPERSEDED}, {"open", IMP_READ_OPEN},
        {"incomplete", IMP_READ_OPEN},  {"not complete", IMP_READ_OPEN},
        {"outstanding", IMP_READ_OPEN}};
    const char *word = text + strspn(text, " \t");
    for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) /* first letters first */
        if ((word[0] | 0x20) == said[i].word[0] &&
            strncasecmp(word, said[i].word, strlen(said[i].word)) == 0)
            return said[i].reading;
    return IMP_READ_PLAIN;
}

/* Words a sheet puts for a status that stand for either of two ("Pending"
 * a start or a sign-off?): the two, for the refusal; else NULL. */
static const char *two_readings(const char *text)
{
    static const char *const words[] = {"pending", "yes", "y", "no", "n",
                                        "awaiting evidence", "evidence required",
                                        "no progress", NULL};
    static const char *const meanings[] = {
        "pending its start (not started) or its sign-off (complete)",
        "done (complete) or under way (in progress)",
        "done (complete) or under way (in progress)",
        "not started, or not yet done (in progress)",
        "not started, or not yet done (in progress)",
        "not yet done (in progress), or done and awaiting the evidence for its sign-off "
        "(complete)",
        "not yet done (in progress), or done and awaiting the evidence for its sign-off "
        "(complete)",
        "not begun (not started), or begun and stalled (in progress)"};
    size_t n;
    const char *p = bare_word(text, &n);
    int i = word_index(p, n, words);
    return i >= 0 ? meanings[i] : NULL;
}

/* The status: a transfer's words, a status word, or one written with more
 * (decorated_status). A status column that holds RAG ratings (Red, Amber,
 * G...) is refused, as the ratings say how the action is going, not where
 * it is; the message says how to read the column as what it is. */
static int take_status(imp_row *r, imp_field *field, sp_db *db)
{
    const char *text = r->cell[F_STATUS];
    const char *where = text ? transfer_words(text) : NULL;
    if (where)
        return take_transfer(r, field, db, where);
    int rc = take_enum(&r->status, field, db, r, F_STATUS, "status", "status");
    if (rc == SP_OK && r->status)
        r->status_reading = plain_reading(text);
    if (rc != SP_EINVALID)
        return rc;
    if ((r->status = decorated_status(r, text)) != NULL)
        return SP_OK;
    const char *why = two_readings(text);
    if (why)
        return sp_fail(db, SP_EINVALID, "status '%s' could mean two things, %s: expected "
                       "the status it stands for, one of %s", text, why,
                       sp_enum_values("status"));
    if (!imp_rag_word(text))
        return sp_fail(db, SP_EINVALID, "status '%s' is not known: expected one of %s"
                       STATUS_WORDS, text, sp_enum_values("status"));
    return sp_fail(db, SP_EINVALID, "status '%s' looks like a RAG rating, not a status: map "
                   "the column as rag (--map 'HEADER=rag', and --keep-rag to keep the ratings "
                   "as overrides), or expected one of %s", text, sp_enum_values("status"));
}

int imp_month_word(const char *w, size_t len)
{
    static const char *const names[] = {"january", "february", "march", "april", "may",
                                        "june", "july", "august", "september", "october",
                                        "november", "december"};
    if (len < 3 || len > 9)
        return 0;
    for (int m = 0; m < 12; m++) /* the first letter first: most words are no month */
        if (names[m][0] == (w[0] | 0x20) &&
            (len == strlen(names[m]) || len == 3 || (m == 8 && len == 4)) &&
            len <= strlen(names[m]) && strncasecmp(w, names[m], len) == 0)
            return m + 1;
    return 0;
}

/* The lengths of a run of ASCII letters and of digits at p. Loops, not
 * strspn: every date cell of a sheet is first asked whether it is a month,
 * and strspn with 52 letters to accept built its table each time (1.1% of
 * an import's instructions). */
static size_t letters_at(const char *p)
{
    size_t n = 0;
    while ((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z')
        n++;
    return n;
}

static size_t digits_at(const char *p)
{
    size_t n = 0;
    while (p[n] >= '0' && p[n] <= '9')
        n++;
    return n;
}

/* A year of four digits, or of two where `two` (a plan's years are this
 * century's: "Jun 24" is June 2024); the text must end after it. */
static bool year_of(const char *p, bool two, int *y)
{
    size_t n = digits_at(p);
    if ((n != 4 && !(two && n == 2)) || !sp_blank(p + n))
        return false;
    *y = (int)strtol(p, NULL, 10) + (n == 2 ? 2000 : 0);
    return true;
}

/* "March 2018", as a workbook's month-only cell (mmm-yy) is read, and as
 * clerks type a month ("Sept 2023", "Jun 24", "Jun-24", "06/2024"): the
 * month's first day, as such a cell read before it was kept as words (the
 * due date alone reads the words, as the month's last day). */
bool imp_month_first_day(char buf[SP_DATE_SIZE], const char *text)
{
    const char *p = text + strspn(text, " \t");
    size_t len = letters_at(p);
    bool numeric = len == 0;
    int m = 0, y = 0;
    if (numeric) { /* "06/2024" */
        len = digits_at(p);
        if (len < 1 || len > 2 || p[len] != '/')
            return false;
        m = (int)strtol(p, NULL, 10);
        p += len + 1;
    } else { /* "Sept. 2023", "Jun-24" */
        m = imp_month_word(p, len);
        p += len;
        p += *p == '.';
        p += strspn(p, " ");
        p += *p == '-';
        p += strspn(p, " ");
    }
    if (m < 1 || m > 12 || !year_of(p, !numeric, &y) || !sp_ymd_valid(y, m, 1))
        return false;
    sp_format_ymd(buf, y, m, 1);
    return true;
}

static int take_date(const char **out, char buf[SP_DATE_SIZE], imp_field *field, sp_db *db,
                     const imp_row *r, imp_field f, const char *what)
{
    *field = f;
    const char *text = sp_blank(r->cell[f]) ? NULL : r->cell[f];
    char first[SP_DATE_SIZE];
    if (text && imp_month_first_day(first, text))
        text = first;
    return sp_check_date(out, buf, db, what, text);
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

/* A year of four or more digits in the date's groups outside the years a
 * plan keeps (9999-12-31, 1/1/0018), or 0: such a day is real, and "not a
 * real day" would send the clerk looking for a typo in the wrong place. */
static long year_out_of_range(const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = strspn(p, "0123456789");
        if (n >= 4) {
            long y = n > 6 ? SP_YEAR_MAX + 1 : strtol(p, NULL, 10);
            if (y < SP_YEAR_MIN || y > SP_YEAR_MAX)
                return y ? y : -1;
        }
        p += n ? n : 1;
    }
    return 0;
}

/* Why a cell written as a date was refused. */
static int bad_date(sp_db *db, const char *what, const char *text)
{
    if (year_out_of_range(text))
        return sp_fail(db, SP_EINVALID, "%s '%s' is outside the years a plan keeps (%d to "
                       "%d): expected a date in them", what, text, SP_YEAR_MIN, SP_YEAR_MAX);
    char hint[SP_DATE_HINT_SIZE];
    return sp_fail(db, SP_EINVALID, "%s '%s' is not a real day: expected a valid date "
                   "(YYYY-MM-DD or DD/MM/YYYY)%s", what, text, sp_date_hint(hint, text));
}

/* An original due date: a date or a dated timescale, or nothing. */
static int take_original_due(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    const char *text = r->cell[F_ORIGINAL_DUE];
    *field = F_ORIGINAL_DUE;
    if (sp_blank(text))
        return SP_OK;
    if (sp_due_parse(r->original_due_buf, text, r->start ? r->start : o->today) != SP_OK)
        return looks_like_date(text)
                   ? bad_date(db, "original due date", text)
                   : sp_fail(db, SP_EINVALID, "original due date '%s' is not understood: "
                             "expected %s", text, sp_due_forms());
    r->original_due = r->original_due_buf;
    return SP_OK;
}

/* Whether the timescale means another day from another base ("3 months",
 * "end of March"): such a timescale on an action that exists is resolved
 * against that action's own start (imp_row_rebase), never today. `ts` is
 * the text read against `base`: one the parser resolved without reading
 * the base ("March 2013", a date) is not read again (a third of the
 * timescale's cost in a council sheet's import). */
static bool is_relative(const sp_timescale *ts, const char *text, const char *base)
{
    char later[SP_DATE_SIZE];
    sp_timescale again;
    return ts->from_base && sp_date_add_days(later, base, 367) == SP_OK &&
           sp_timescale_parse(&again, text, later) == SP_OK &&
           (again.kind != SP_DUE_DATE || strcmp(again.due, ts->due) != 0);
}

static int take_completion(imp_row *r, sp_db *db);

/* "Complete" in the timescale column: the action is complete, unless the
 * status column says otherwise, which is reported rather than guessed.
 * The day it names ("Completed July 2025"), if any, is the completion's,
 * where no completion date column gives one. */
static int timescale_complete(imp_row *r, sp_db *db, const char *text, const char *on)
{
    if (r->status && strcmp(r->status, "complete") != 0 && strcmp(r->status, "signed_off") != 0)
        return sp_fail(db, SP_EINVALID, "the timescale says '%s' but the status is %s: "
                       "expected the two to agree (correct one of them in the sheet)", text,
                       r->status);
    if (!r->status)
        r->status = "complete";
    if (!*on || r->completed_on)
        return SP_OK;
    memcpy(r->completed_on_buf, on, SP_DATE_SIZE);
    r->completed_on = r->completed_on_buf;
    return take_completion(r, db);
}

static void take_cadence(imp_row *r, const sp_timescale *ts)
{
    memcpy(r->cadence_buf, ts->cadence, sizeof r->cadence_buf);
    r->cadence = r->cadence_buf;
}

/* The cadence a written timescale names (an export's due_as_written
 * "Monthly" beside the next report date), if any. */
static void cadence_of(imp_row *r, const char *text, const char *base)
{
    sp_timescale ts;
    if (text && sp_timescale_parse(&ts, text, base) == SP_OK && ts.kind == SP_DUE_RECURRING)
        take_cadence(r, &ts);
}

/* A cell that says its date was revised ("Dec 2025 (revised from Sept
 * 2025)"): *ts is the date now due, and the date it was revised from, if
 * the cell gives one, becomes the original due date (take_revised_from).
 * The date now due must be a date or "Complete"; the earlier one a date
 * or no date yet ("TBC").
 * False, with *ts as the whole cell left it, if the cell is not one. */
static bool revised(imp_row *r, sp_timescale *ts, const char *text, const char *base)
{
    sp_timescale now, was;
    imp_revision *v = &r->revision;
    if (!imp_revision_split(v, text) || sp_timescale_parse(&now, v->now, base) != SP_OK ||
        (now.kind != SP_DUE_DATE && now.kind != SP_DUE_COMPLETE))
        return false;
    if (*v->was) {
        if (sp_timescale_parse(&was, v->was, base) != SP_OK ||
            (was.kind != SP_DUE_DATE && was.kind != SP_DUE_OPEN))
            return false;
    }
    if (*v->was && was.kind == SP_DUE_DATE) { /* "(was TBC)": no first date to keep */
        memcpy(r->revised_from_buf, was.due, SP_DATE_SIZE);
        r->revised_from = r->revised_from_buf;
    }
    *ts = now;
    r->due_text = v->now;
    return true;
}

/* Whether words name a date within them: a month and a year ("Mar 2026",
 * "March 26") or a day in figures ("31/03/2026"), among other words. */
static bool date_within(const char *words)
{
    const char *prev = NULL;
    size_t prev_len = 0;
    for (const char *p = words; *p;) {
        size_t len = strcspn(p, " ,;()[]");
        char day[24];
        if (len > 0 && len < sizeof day) {
            memcpy(day, p, len);
            day[len] = '\0';
            size_t digits = strspn(p, "0123456789");
            if (looks_like_date(day) ||
                (prev && imp_month_word(prev, prev_len) && (digits == 2 || digits == 4) &&
                 digits == len))
                return true;
        }
        prev = len ? p : prev, prev_len = len ? len : prev_len;
        p += len + (p[len] != '\0');
    }
    return false;
}

/* A timescale with a remark after it ("30/09/2025 (6 month review)",
 * "March 2026 - subject to funding"): the timescale before it, the cell
 * kept as written. A remark that names a date of its own ("Jan 2026 (phase
 * 1), Mar 2026 (phase 2)") is not read: which of the two is meant cannot
 * be told. ("TBC - Autumn 2025" is a date not yet settled: the timescale
 * parser reads it whole.) */
static bool remarked(imp_row *r, sp_timescale *ts, const char *text, const char *base)
{
    static const char *const marks[] = {" (", " [", " - ", " \xe2\x80\x93 ", "; ", ", "};
    const char *at = NULL;
    size_t n = 0;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        const char *p = strstr(text, marks[i]);
        if (p && (!at || p < at))
            at = p, n = strlen(marks[i]);
    }
    size_t len = at ? (size_t)(at - text) : 0;
    imp_revision words;
    if (!at || len == 0 || len >= sizeof r->revision.now || imp_revision_split(&words, text))
        return false; /* a revision that could not be read is no remark */
    sp_timescale first, rest;
    memcpy(r->revision.now, text, len);
    r->revision.now[len] = '\0';
    if (sp_timescale_parse(&first, r->revision.now, base) != SP_OK)
        return false;
    /* a date of its own, alone or among words ("Jan 2026 (phase 1), Mar
     * 2026 (phase 2)"); "6 month review" is a remark */
    if ((sp_timescale_parse(&rest, at + n, base) == SP_OK && rest.kind == SP_DUE_DATE &&
         !rest.from_base) || date_within(at + n)) {
        r->two_dates = first.kind == SP_DUE_DATE;
        return false;
    }
    *ts = first;
    r->due_text = r->revision.now;
    r->due_remark = true;
    return true;
}

/* The first due date of a revision in the timescale's cell, unless the
 * sheet's original due date column gives one: then the two must agree. */
static int take_revised_from(imp_row *r, sp_db *db)
{
    if (!r->revised_from)
        return SP_OK;
    if (!r->original_due) {
        r->original_due = r->revised_from;
        return SP_OK;
    }
    if (strcmp(r->original_due, r->revised_from) == 0)
        return SP_OK;
    return sp_fail(db, SP_EINVALID, "timescale '%s' says the date was revised from %s, but "
                   "the original due date is %s ('%s'): expected the two to agree (correct "
                   "one of them in the sheet)", r->cell[F_DUE], r->revised_from,
                   r->original_due, r->cell[F_ORIGINAL_DUE]);
}

/* The due cell, read as a timescale (timescale.c): a date, no date yet,
 * a cadence, or Complete; or a revision of one (revised). The text as
 * written is kept. */
static int take_timescale(imp_row *r, imp_field *field, sp_db *db, const imp_row_opts *o)
{
    const char *text = sp_blank(r->cell[F_DUE]) ? NULL : r->cell[F_DUE];
    const char *base = r->start ? r->start : o->today;
    sp_timescale ts;
    *field = F_DUE;
    r->timescale = r->has[F_TIMESCALE] ? r->cell[F_TIMESCALE] : text;
    r->due_text = text;
    cadence_of(r, r->has[F_TIMESCALE] ? r->cell[F_TIMESCALE] : NULL, base);
    if (sp_timescale_parse(&ts, text ? text : "", base) != SP_OK) {
        if (looks_like_date(text))
            return bad_date(db, "due date", text);
        if (!revised(r, &ts, text, base) && !remarked(r, &ts, text, base))
            return r->two_dates
                       ? sp_fail(db, SP_EINVALID, "timescale '%s' gives a date and another "
                                 "after it: expected the one the action is due by (write the "
                                 "other in its progress note, or make two actions)", text)
                       : sp_fail_timescale(db, "timescale", text, &ts);
    }
    sp_timescale_ahead(&ts, o->today);
    if (ts.kind == SP_DUE_COMPLETE)
        return timescale_complete(r, db, text, ts.due);
    if (ts.kind == SP_DUE_RECURRING)
        take_cadence(r, &ts);
    if (ts.start[0] && !r->start) { /* "From July 2012", "From April to June 2026" */
        memcpy(r->start_buf, ts.start, SP_DATE_SIZE);
        r->start = r->start_buf;
    }
    if (ts.kind != SP_DUE_DATE)
        return SP_OK;
    memcpy(r->due_buf, ts.due, SP_DATE_SIZE);
    r->due = r->due_buf;
    r->relative = is_relative(&ts, r->due_text, base);
    if (r->start && sp_date_diff(r->start, r->due) < 0)
        return sp_fail(db, SP_EINVALID, "due date %s ('%s') is before the start date %s",
                       r->due, text, r->start);
    return SP_OK;
}

int imp_row_rebase(imp_row *r, const char *base)
{
    sp_timescale ts;
    if (!r->relative || !r->due_text ||
        sp_timescale_parse(&ts, r->due_text, base) != SP_OK || ts.kind != SP_DUE_DATE)
        return SP_EINVALID;
    memcpy(r->due_buf, ts.due, SP_DATE_SIZE);
    r->due = r->due_buf;
    return SP_OK;
}

/* Stored text must be printable: tab, CR and LF are the only control
 * characters allowed (as sp_check_text has it), and no line may leave a
 * direction control open (sp_check_bidi, as sp_check_text has it too). The
 * reader has already checked that every cell is UTF-8 without NUL bytes. */
/* Inlined into both callers: as a call (the dated columns made it two)
 * it cost 0.7% more of an import, every cell of every row passing here. */
static inline __attribute__((always_inline)) bool has_control(const char *t, bool *high)
{
    const unsigned char *p = (const unsigned char *)t;
    size_t n = strlen(t), i = 0;
    uint64_t w, seen = 0; /* every byte ORed in: bit 7 of some byte if any is past ASCII */
    while (n - i >= SP_WORD && !sp_word_has_below(w = sp_word_at(p + i), 0x20)) {
        seen |= w;
        i += SP_WORD; /* no control character in these eight bytes */
    }
    for (; i < n; i++) {
        seen |= p[i];
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return *high = true; /* refused whatever else it holds */
    }
    *high = sp_word_has_high(seen);
    return false;
}

/* The dated columns' cells, checked as stored text is (check_texts). */
static int take_rounds(imp_row *r, imp_field *field, sp_db *db, const imp_map *m,
                       const sp_csv_row *row, bool raw)
{
    bool high = false;
    for (size_t i = 0; i < m->ndated; i++) {
        sp_csv_field v = row->fields[m->dated[i].col];
        v = raw ? v : as_typed(v);
        r->dated_note[i] = sp_blank(v.data) ? NULL : v.data;
        if (!r->dated_note[i])
            continue;
        *field = IMP_DATED_FIELD(i);
        if (has_control(v.data, &high))
            return sp_fail(db, SP_EINVALID, "the progress for %s holds a control character: "
                           "expected text", m->dated[i].on);
        if (high && sp_check_bidi(db, "progress", v.data) != SP_OK)
            return SP_EINVALID;
    }
    return SP_OK;
}

/* A progress cell that says there was no update ("-", "N/A", "No update",
 * "As above"): kept, it would date progress that was never made, and an
 * action with none would not show as stale. */
static bool says_no_update(const char *text)
{
    static const char *const words[] = {
        "n/a", "na", "none", "nil", "nil return",
        "tbc", "no update", "no update provided", "no update received", "no update this month",
        "no update this quarter", "no update this period", "no further update",
        "awaiting update", "update awaited", "update to follow", "as above", "see above",
        "ditto", "not applicable", "not due", "not yet due", NULL};
    text += strspn(text, " \t\r\n");
    /* A dash is one only alone ("- Template revised" is a bulleted note);
     * a word list is compared by its first letter, then in full: every row
     * of a council's sheet passes here. */
    if (text[0] == '-' || (unsigned char)text[0] == 0xe2)
        return text[strspn(text, "-\xe2\x80\x93\x94 \t\r\n.")] == '\0';
    size_t n = strnlen(text, 32);
    if (n == 32)
        return false; /* longer than any of them */
    while (n > 0 && strchr(" \t\r\n.", text[n - 1]))
        n--;
    char first = (char)tolower((unsigned char)text[0]);
    for (size_t i = 0; words[i]; i++)
        if (words[i][0] == first && strlen(words[i]) == n && strncasecmp(text, words[i], n) == 0)
            return true;
    return false;
}

/* Progress cells that say there was none are left out (says_no_update):
 * each round's, and the progress column's where it is a council's. */
static void leave_out_no_updates(imp_row *r, const imp_map *m, const imp_row_opts *o)
{
    for (size_t i = 0; i < m->ndated; i++)
        if (r->dated_note[i] && says_no_update(r->dated_note[i])) {
            if (!r->no_update) /* the note names the first: the rounds by date */
                r->no_update = r->dated_note[i], r->no_update_field = IMP_DATED_FIELD(i);
            r->dated_note[i] = NULL;
        }
    if (o->sheet_notes && r->cell[F_NOTE] && says_no_update(r->cell[F_NOTE])) {
        if (!r->no_update)
            r->no_update = r->cell[F_NOTE], r->no_update_field = F_NOTE;
        r->cell[F_NOTE] = NULL;
    }
}

static int check_texts(const imp_row *r, imp_field *field, sp_db *db)
{
    bool high = false; /* a byte past ASCII: only then can a direction control be there */
    for (int f = 0; f < F_COUNT; f++) {
        if (r->cell[f] && has_control(r->cell[f], &high)) {
            *field = (imp_field)f;
            return sp_fail(db, SP_EINVALID, "%s holds a control character: expected text",
                           imp_field_name((imp_field)f));
        }
        if (r->cell[f] && high &&
            sp_check_bidi(db, imp_field_name((imp_field)f), r->cell[f]) != SP_OK) {
            *field = (imp_field)f;
            return SP_EINVALID;
        }
    }
    return SP_OK;
}

/* Keeps a bad cell's message and goes on, so that a row reports every
 * bad cell at once. */
static void keep(imp_row *r, sp_db *db, int rc, imp_field field)
{
    if (rc == SP_OK || r->nerrors >= IMP_ROW_ERRORS)
        return;
    r->error_field[r->nerrors] = field;
    snprintf(r->error[r->nerrors++], IMP_ROW_ERROR_SIZE, "%s", sp_errmsg(db));
}

/* A start written as a period ("Q1 2025/26", "Autumn 2025", "2025"): its
 * first day, as the timescale "From Autumn 2025" reads it. */
static bool period_start(imp_row *r, const imp_row_opts *o)
{
    char from[200];
    sp_timescale ts;
    if (snprintf(from, sizeof from, "from %s", r->cell[F_START]) >= (int)sizeof from ||
        sp_timescale_parse(&ts, from, o->today) != SP_OK || !ts.start[0])
        return false;
    memcpy(r->start_buf, ts.start, SP_DATE_SIZE);
    r->start = r->start_buf;
    return true;
}

/* The day the work was completed (or closed: withdrawn, transferred) is
 * the day of the row's status change. The row's update is dated its later
 * day: a completion after the last update was the row's last change; one
 * before it is an entry of its own (import_write.c, completion_first). A
 * blank status with a completion date is complete; an open one is
 * refused, as the two disagree. */
static int take_completion(imp_row *r, sp_db *db)
{
    if (!r->completed_on)
        return SP_OK;
    if (!r->status)
        r->status = "complete";
    if (strcmp(r->status, "not_started") == 0 || strcmp(r->status, "in_progress") == 0)
        return sp_fail(db, SP_EINVALID, "completion date %s, but the status is %s: expected "
                       "the two to agree (correct one of them in the sheet)", r->completed_on,
                       r->status);
    if (!r->update_on || strcmp(r->completed_on, r->update_on) > 0)
        r->update_on = r->completed_on;
    return SP_OK;
}

/* A status that says when the work was done ("Completed 12/10/2025",
 * "Closed 01.10.25", "Complete (Oct 2025)"), where no column gives the
 * completion date: that day is the completion's, as a timescale's
 * "Completed July 2025" is. A day after today is left out, as before,
 * with the first words' note. */
static void status_done_on(imp_row *r, const char *today)
{
    sp_timescale ts;
    if (r->completed_on || r->status_reading != IMP_READ_FIRST_WORDS || !r->status ||
        strcmp(r->status, "complete") != 0 ||
        sp_timescale_parse(&ts, r->cell[F_STATUS], NULL) != SP_OK)
        return;
    sp_timescale_ahead(&ts, today);
    if (ts.kind != SP_DUE_COMPLETE || !ts.due[0])
        return;
    memcpy(r->completed_on_buf, ts.due, SP_DATE_SIZE);
    r->completed_on = r->completed_on_buf;
    r->done_in_status = true;
    r->status_reading = IMP_READ_PLAIN; /* all of the cell was read */
}

/* An owner cell that labels its lead among others ("Lead: Head of
 * Service" on one line, "Support: Team managers" on the next, or the two
 * split by ';'): the lead is the owner, as an action has one accountable
 * owner. The import notes the reading once. False if no part is labelled
 * "Lead" (or "Lead officer"), or the name after it is empty or too long. */
static bool lead_of_owners(imp_row *r)
{
    const char *cell = r->cell[F_OWNER];
    /* Most owner cells are one name on one line: a lead's label could only
     * open the cell, and most start with another letter (strchr, not
     * strpbrk or strspn: every row's owner passes here). */
    if ((*cell | 0x20) != 'l' && *cell != ' ' && *cell != '\t' && !strchr(cell, ';') &&
        !strchr(cell, '\n'))
        return false;
    for (const char *p = cell; *p;) {
        p += strspn(p, " \t\r\n;");
        const char *q = p;
        if (strncasecmp(q, "lead", 4) == 0) {
            q += 4;
            if (strncasecmp(q, " officer", 8) == 0)
                q += 8;
            q += strspn(q, " \t");
            /* "Lead: X", "Lead - X"; not "Leadership", nor "Lead-in team" */
            if (*q == ':' || (*q == '-' && (q[1] == ' ' || q[1] == '\t'))) {
                q += 1 + strspn(q + 1, " \t");
                size_t n = strcspn(q, "\r\n;");
                while (n > 0 && (q[n - 1] == ' ' || q[n - 1] == '\t'))
                    n--;
                if (n == 0 || n >= sizeof r->owner_buf)
                    return false;
                memcpy(r->owner_buf, q, n);
                r->owner_buf[n] = '\0';
                r->owner_lead = cell;
                r->cell[F_OWNER] = r->owner_buf;
                return true;
            }
        }
        p += strcspn(p, "\r\n;");
    }
    return false;
}

/* An owner cell of several lines (people listed with Alt+Enter): one
 * owner named by them all, "DCS / Head of Service", as a sheet writing
 * them on one line would give; an action has one accountable owner. The
 * import notes the reading once. A cell too long to join stays as it is,
 * and is refused for its line break. */
static void join_owner_lines(imp_row *r)
{
    const char *p = r->cell[F_OWNER];
    if (!strpbrk(p, "\r\n"))
        return;
    size_t o = 0, lines = 0;
    while (*p) {
        size_t gap = strspn(p, " \t\r\n"), n;
        p += gap;
        n = strcspn(p, "\r\n");
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--; /* the line's own trailing space */
        if (n == 0)
            break;
        if (o + n + 4 >= sizeof r->owner_buf)
            return;
        if (o)
            memcpy(r->owner_buf + o, " / ", 3), o += 3;
        memcpy(r->owner_buf + o, p, n);
        o += n;
        lines++;
        p += strcspn(p, "\r\n");
    }
    r->owner_buf[o] = '\0';
    if (lines > 1) /* one line and a stray break is only tidied */
        r->owner_lines = r->cell[F_OWNER];
    r->cell[F_OWNER] = r->owner_buf;
}

/* An owner cell that names no one yet ("TBC", "-", "Unknown"). The
 * schema needs an owner, and refusing the row would stop an honest plan:
 * the words become an owner of that name, which `owner list` shows with
 * its actions, and the import says so (import.c, note_cells). */
static bool owner_unnamed(const char *cell)
{
    static const char *const words[] = {
        "tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be decided",
        "to be determined", "-", "--", "?", "n/a", "na", "unknown", "not known", "none",
        "unassigned", "not assigned", "not yet assigned", "no owner", "no lead", NULL};
    size_t n;
    const char *text = bare_word(cell, &n);
    /* every row's owner passes here: most names start with another letter */
    return n <= 16 && strchr("tTnNuU-?", *text) && word_index(text, n, words) >= 0;
}

/* The dates, each reported on its own; the due date last, as it counts
 * from the start date. */
static void parse_dates(imp_row *r, sp_db *db, const imp_row_opts *o)
{
    static const struct { imp_field f; const char *what; } dates[] = {
        {F_REVIEW_STARTED, "review start date"}, {F_REVIEW_ENDED, "review end date"},
        {F_REVIEW_REPORTED, "review report date"}, {F_START, "start date"},
        {F_UPDATE_ON, "last update date"}, {F_PROGRESS_ON, "last progress date"},
        {F_COMPLETED_ON, "completion date"}};
    const char **out[] = {&r->review_from, &r->review_to, &r->review_reported, &r->start,
                          &r->update_on, &r->progress_on, &r->completed_on};
    char *bufs[] = {r->review_from_buf, r->review_to_buf, r->review_reported_buf, r->start_buf,
                    r->update_on_buf, r->progress_on_buf, r->completed_on_buf};
    imp_field f = F_COUNT;
    int rc;
    char hint[SP_DATE_HINT_SIZE];
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        rc = take_date(out[i], bufs[i], &f, db, r, dates[i].f, dates[i].what);
        if (rc == SP_EINVALID && dates[i].f == F_START && period_start(r, o))
            continue;
        if (rc == SP_EINVALID && dates[i].f == F_START && !looks_like_date(r->cell[F_START]))
            rc = sp_fail(db, SP_EINVALID, "start date '%s' is not a date: expected a day "
                         "(2025-09-01, 01/09/2025, 1st September 2025) or a period, read as its "
                         "first day (September 2025, Q1 2025/26, Autumn 2025, 2025)%s",
                         r->cell[F_START], sp_date_hint(hint, r->cell[F_START]));
        keep(r, db, rc, f);
    }
    if (r->cell[F_OWNER]) {
        if (!lead_of_owners(r))
            join_owner_lines(r);
        rc = sp_check_name(db, "owner", r->cell[F_OWNER]);
        keep(r, db, rc, F_OWNER);
        r->owner_unnamed = rc == SP_OK && owner_unnamed(r->cell[F_OWNER]);
    }
    status_done_on(r, o->today);
    keep(r, db, take_completion(r, db), r->done_in_status ? F_STATUS : F_COMPLETED_ON);
    rc = take_original_due(r, &f, db, o);
    keep(r, db, rc, f);
    rc = take_timescale(r, &f, db, o);
    keep(r, db, rc, f);
    if (rc == SP_OK)
        keep(r, db, take_revised_from(r, db), F_DUE);
    if (!r->original_due)
        r->original_due = r->due; /* one due date: it is also the first one */
}

static void parse_cells(imp_row *r, sp_db *db, const imp_row_opts *o)
{
    imp_field f = F_COUNT;
    int rc = take_code(r, db);
    keep(r, db, rc, F_AUTHORITY);
    for (size_t i = 0; i < 3; i++) {
        rc = take_ref(r, &f, db, i);
        keep(r, db, rc, f);
    }
    rc = take_enum(&r->authority_kind, &f, db, r, F_AUTHORITY_KIND, "authority_kind",
                   "authority kind");
    keep(r, db, rc, f);
    rc = take_enum(&r->review_kind, &f, db, r, F_REVIEW_KIND, "review_kind", "review kind");
    keep(r, db, rc, f);
    rc = take_enum(&r->finding_kind, &f, db, r, F_FINDING_KIND, "finding_kind", "finding kind");
    keep(r, db, rc, f);
    rc = take_status(r, &f, db);
    keep(r, db, rc, f);
    rc = take_rag(r, &f, db, o);
    keep(r, db, rc, f);
    keep(r, db, take_percent(r, db), F_PERCENT);
    blue_is_done(r);
    percent_is_status(r);
    parse_dates(r, db, o);
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
        rc = take_rounds(r, field, db, m, row, o->raw);
    if (rc != SP_OK) /* a control character: the other checks would repeat it */
        return rc;
    /* A note the row dates itself (Last updated; every export's does) is
     * that update's, whatever its lines start with. */
    leave_out_no_updates(r, m, o);
    if (r->cell[F_NOTE] && !r->cell[F_UPDATE_ON] && imp_log_is(r->cell[F_NOTE], o->today)) {
        r->log = r->cell[F_NOTE]; /* its entries are written on their dates */
        r->cell[F_NOTE] = NULL;
    }
    /* A sheet of a plain and a revised date with no revision on this row:
     * the plain date is the timescale as written ("Monthly", "Ongoing", a
     * range), not only a first date. */
    bool due_in_original = m->revised_pair && sp_blank(r->cell[F_DUE]) &&
                           !sp_blank(r->cell[F_ORIGINAL_DUE]);
    if (due_in_original) {
        r->cell[F_DUE] = r->cell[F_ORIGINAL_DUE];
        r->cell[F_ORIGINAL_DUE] = NULL;
    }
    parse_cells(r, db, o);
    for (size_t i = 0; due_in_original && i < r->nerrors; i++)
        if (r->error_field[i] == F_DUE) /* the cell the text is in */
            r->error_field[i] = F_ORIGINAL_DUE;
    if (r->nerrors > 0) {
        *field = r->error_field[0];
        return sp_fail(db, SP_EINVALID, "%s", r->error[0]);
    }
    if (!r->finding_kind)
        r->finding_kind = m->finding_kind;
    *field = F_COUNT;
    r->carries_update = r->update_on || r->cell[F_UPDATE_BY] || r->cell[F_NOTE] ||
                        r->cell[F_EVIDENCE] || r->percent >= 0;
    return SP_OK;
}
