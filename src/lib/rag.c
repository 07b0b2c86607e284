/*
 * RAG ratings (see rag.h for the rules), the SQL functions that expose
 * them to queries, and the public settings and per-action calls.
 *
 * The SQL functions run once per row over whole plans (a million actions
 * at national scale), so the rating path parses dates with sp_iso_days
 * and never allocates; only rag_reason, which formats text, may.
 */
#include "rag.h"
#include "plan_at.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "enums.h"
#include "internal.h"

/* ------------------------------------------------------------------ */
/* The rules                                                           */

typedef enum rule {
    RULE_BLUE_COMPLETE,
    RULE_BLUE_SIGNED_OFF,
    RULE_GREY_TRANSFERRED,
    RULE_GREY_WITHDRAWN,
    RULE_RED_OVERDUE,
    RULE_AMBER_DUE_SOON,
    RULE_AMBER_SLIPPED,
    RULE_AMBER_STALE,
    RULE_GREEN,
    RULE_RED_MISSED,     /* recurring: no progress within cadence + grace */
    RULE_AMBER_REPORT,   /* recurring: the next report is due soon */
    RULE_GREEN_REPORT,   /* recurring: reporting on time */
    RULE_AMBER_OPEN,     /* open-ended and stale */
    RULE_GREEN_OPEN      /* open-ended, recent progress */
} rule;

static const char *const rule_words[] = {"blue", "blue", "grey", "grey", "red",
                                         "amber", "amber", "amber", "green",
                                         "red", "amber", "green", "amber", "green"};

/* Which rule applies, with the numbers its explanation needs. */
typedef struct verdict {
    rule rule;
    int days;           /* overdue, until due, slippage or since update */
    bool revised;       /* due_on differs from original_due_on */
    bool from_start;    /* staleness measured from start_on, not an update */
} verdict;

static bool is(const char *s, const char *word)
{
    return s && strcmp(s, word) == 0;
}

static bool closed_rule(const char *status, verdict *v)
{
    if (is(status, "complete"))
        v->rule = RULE_BLUE_COMPLETE;
    else if (is(status, "signed_off"))
        v->rule = RULE_BLUE_SIGNED_OFF;
    else if (is(status, "transferred"))
        v->rule = RULE_GREY_TRANSFERRED;
    else if (is(status, "withdrawn"))
        v->rule = RULE_GREY_WITHDRAWN;
    else
        return false;
    return true;
}

/* Days since the last sign of life (an update, else the start), or -1 if
 * the staleness rule does not apply. */
static int stale_for(const sp_rag_in *in, int32_t as_of, verdict *v)
{
    int32_t last;
    if (in->stale_days <= 0)
        return -1;
    v->from_start = !sp_iso_days(in->last_update_on, &last);
    if (v->from_start && !sp_iso_days(in->start_on, &last))
        return -1;
    int since = as_of - last;
    return since >= in->stale_days ? since : -1;
}

/* No due date: staleness alone (rag.stale_days 0 turns staleness off, and
 * then an open-ended action is green while open). */
static bool open_ended_rule(const sp_rag_in *in, int32_t as_of, verdict *v)
{
    int32_t last;
    v->from_start = !sp_iso_days(in->last_update_on, &last);
    if (v->from_start && !sp_iso_days(in->start_on, &last)) {
        v->rule = RULE_GREEN_OPEN, v->days = -1; /* no start, no progress: nothing to go by */
        return true;
    }
    v->days = as_of - last;
    v->rule = in->stale_days > 0 && v->days >= in->stale_days ? RULE_AMBER_OPEN
                                                              : RULE_GREEN_OPEN;
    return true;
}

/* A recurring action's due date is when its next report is due, grace
 * included (progress.c moves it on with each update). */
static void recurring_rule(const sp_rag_in *in, int32_t due, int32_t as_of, verdict *v)
{
    if (as_of > due)
        v->rule = RULE_RED_MISSED, v->days = as_of - due;
    else if (due - as_of <= in->amber_days)
        v->rule = RULE_AMBER_REPORT, v->days = due - as_of;
    else
        v->rule = RULE_GREEN_REPORT, v->days = due - as_of;
}

static bool open_rule(const sp_rag_in *in, verdict *v)
{
    int32_t due, as_of, original;
    if (!sp_iso_days(in->as_of, &as_of))
        return false;
    if (!in->due_on && !in->cadence)
        return open_ended_rule(in, as_of, v);
    if (!sp_iso_days(in->due_on, &due))
        return false;
    if (in->cadence) {
        recurring_rule(in, due, as_of, v);
        return true;
    }
    if (!sp_iso_days(in->original_due_on, &original))
        original = due;
    v->revised = original != due;
    int stale;
    if (as_of > due)
        v->rule = RULE_RED_OVERDUE, v->days = as_of - due;
    else if (due - as_of <= in->amber_days)
        v->rule = RULE_AMBER_DUE_SOON, v->days = due - as_of;
    else if (due > original)
        v->rule = RULE_AMBER_SLIPPED, v->days = due - original;
    else if ((stale = stale_for(in, as_of, v)) >= 0)
        v->rule = RULE_AMBER_STALE, v->days = stale;
    else
        v->rule = RULE_GREEN, v->days = due - as_of;
    return true;
}

static bool classify(const sp_rag_in *in, verdict *v)
{
    memset(v, 0, sizeof *v);
    if (closed_rule(in->status, v))
        return true;
    if (!is(in->status, "not_started") && !is(in->status, "in_progress"))
        return false;
    return open_rule(in, v);
}

const char *sp_rag_computed(const sp_rag_in *in)
{
    verdict v;
    return classify(in, &v) ? rule_words[v.rule] : NULL;
}

/* The override word, or NULL when there is none (or it is not a rag word). */
static const char *override_word(const sp_rag_in *in)
{
    return in->override ? sp_enum_word("rag", in->override) : NULL;
}

const char *sp_rag_rating(const sp_rag_in *in)
{
    const char *computed = sp_rag_computed(in);
    const char *over = override_word(in);
    return computed && over ? over : computed;
}

/* ------------------------------------------------------------------ */
/* Explanations                                                        */

/* A fixed buffer that counts what it could not hold, like snprintf. */
typedef struct outbuf {
    char *buf;
    size_t size;
    size_t len; /* the length the whole text needs */
} outbuf;

/* Appends n bytes, as many as fit, and keeps the text NUL-terminated. */
static void append(outbuf *o, const char *s, size_t n)
{
    if (o->len < o->size) {
        size_t fit = o->size - o->len - 1;
        memcpy(o->buf + o->len, s, n < fit ? n : fit);
        o->buf[o->len + (n < fit ? n : fit)] = '\0';
    }
    o->len += n;
}

static void append_int(outbuf *o, int value)
{
    char digits[24];
    append(o, digits, sp_decimal(digits, value));
}

/* Only "%s" and "%d" occur here. rag_reason runs for every row of a list
 * (2,787 rows of an authority's overdue list), and vsnprintf was most of
 * its cost; this writes the same text without it. Type-checked as printf. */
static void put(outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(outbuf *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *lit = fmt;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || p[1] == '\0')
            continue;
        append(o, lit, (size_t)(p - lit));
        if (p[1] == 'd') {
            append_int(o, va_arg(ap, int));
        } else {
            const char *str = p[1] == 's' ? va_arg(ap, const char *) : "";
            str = str ? str : "(null)";
            append(o, str, strlen(str));
        }
        lit = ++p + 1;
    }
    append(o, lit, strlen(lit));
    va_end(ap);
}

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

static void explain_open(outbuf *o, const verdict *v, const sp_rag_in *in)
{
    switch (v->rule) {
    case RULE_RED_OVERDUE:
        put(o, "red: %d day%s past %sdue date %s", v->days, plural(v->days),
            v->revised ? "revised " : "", in->due_on);
        break;
    case RULE_AMBER_DUE_SOON:
        if (v->days == 0)
            put(o, "amber: due today (%s)", in->due_on);
        else
            put(o, "amber: due in %d day%s (%s)", v->days, plural(v->days), in->due_on);
        break;
    case RULE_AMBER_SLIPPED:
        put(o, "amber: due date revised from %s to %s (%d day%s slippage)",
            in->original_due_on, in->due_on, v->days, v->days == 1 ? "'s" : "s'");
        break;
    case RULE_AMBER_STALE:
        put(o, "amber: no progress for %d day%s (%s %s)", v->days, plural(v->days),
            v->from_start ? "started" : "last",
            v->from_start ? in->start_on : in->last_update_on);
        break;
    default:
        put(o, "green: due in %d day%s (%s)", v->days, plural(v->days), in->due_on);
        break;
    }
}

/* "monthly report", "quarterly report", "report every 6 weeks". */
static void put_report(outbuf *o, const char *cadence)
{
    static const char *const named[][2] = {
        {"1 week", "weekly"}, {"2 weeks", "fortnightly"}, {"1 month", "monthly"},
        {"2 months", "bi-monthly"}, {"3 months", "quarterly"}, {"6 months", "six-monthly"},
        {"12 months", "annual"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(cadence, named[i][0]) == 0) {
            put(o, "%s report", named[i][1]);
            return;
        }
    put(o, "report every %s", cadence);
}

static void explain_recurring(outbuf *o, const verdict *v, const sp_rag_in *in)
{
    const char *word = rule_words[v->rule];
    if (v->rule == RULE_RED_MISSED) {
        put(o, "red: ");
        put_report(o, in->cadence);
        put(o, " missed: due by %s, none since %s", in->due_on,
            in->last_update_on ? in->last_update_on
            : in->start_on     ? in->start_on : "the action was added");
        put(o, " (%d day%s ago)", v->days, plural(v->days));
        return;
    }
    put(o, "%s: ", word);
    put_report(o, in->cadence);
    if (v->days == 0)
        put(o, " due today (%s)", in->due_on);
    else
        put(o, " due in %d day%s (%s)", v->days, plural(v->days), in->due_on);
}

static void explain_open_ended(outbuf *o, const verdict *v, const sp_rag_in *in)
{
    put(o, "%s: no due date, ", rule_words[v->rule]);
    if (v->days < 0)
        put(o, "no progress recorded");
    else if (v->from_start)
        put(o, "no progress since it started %d day%s ago", v->days, plural(v->days));
    else
        put(o, "last progress %d day%s ago", v->days, plural(v->days));
    (void)in;
}

static void explain(outbuf *o, const verdict *v, const sp_rag_in *in)
{
    if (v->rule == RULE_RED_MISSED || v->rule == RULE_AMBER_REPORT ||
        v->rule == RULE_GREEN_REPORT) {
        explain_recurring(o, v, in);
        return;
    }
    if (v->rule == RULE_AMBER_OPEN || v->rule == RULE_GREEN_OPEN) {
        explain_open_ended(o, v, in);
        return;
    }
    switch (v->rule) {
    case RULE_BLUE_COMPLETE: put(o, "blue: complete"); break;
    case RULE_BLUE_SIGNED_OFF: put(o, "blue: signed off"); break;
    case RULE_GREY_TRANSFERRED:
        if (in->transferred_to && !sp_blank(in->transferred_to))
            put(o, "grey: transferred to %s", in->transferred_to);
        else
            put(o, "grey: transferred");
        break;
    case RULE_GREY_WITHDRAWN: put(o, "grey: withdrawn"); break;
    default: explain_open(o, v, in); break;
    }
}

static int finish(outbuf *o, const char **rag, const char *word)
{
    if (o->size > 0 && o->len >= o->size)
        o->buf[o->size - 1] = '\0';
    if (rag)
        *rag = word;
    return o->len > (size_t)INT32_MAX ? INT32_MAX : (int)o->len;
}

static int fail_reason(outbuf *o, const char **rag)
{
    if (o->size > 0)
        o->buf[0] = '\0';
    if (rag)
        *rag = NULL;
    return -1;
}

int sp_rag_computed_reason(const char **rag, char *buf, size_t size, const sp_rag_in *in)
{
    outbuf o = {buf, size, 0};
    verdict v;
    if (!classify(in, &v))
        return fail_reason(&o, rag);
    explain(&o, &v, in);
    return finish(&o, rag, rule_words[v.rule]);
}

int sp_rag_reason(const char **rag, char *buf, size_t size, const sp_rag_in *in)
{
    outbuf o = {buf, size, 0};
    verdict v;
    if (!classify(in, &v))
        return fail_reason(&o, rag);
    const char *over = override_word(in);
    if (!over) {
        explain(&o, &v, in);
        return finish(&o, rag, rule_words[v.rule]);
    }
    bool has_reason = in->override_reason && !sp_blank(in->override_reason);
    put(&o, "%s: override (%s); computed ", over,
        has_reason ? in->override_reason : "no reason given");
    explain(&o, &v, in);
    return finish(&o, rag, over);
}

/* ------------------------------------------------------------------ */
/* SQL functions                                                       */

static const char *arg_text(sqlite3_value *v)
{
    return (const char *)sqlite3_value_text(v);
}

/* A days setting, or its default when the setting is missing (NULL). */
static int arg_days(sqlite3_value *v, int fallback)
{
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return fallback;
    sqlite3_int64 n = sqlite3_value_int64(v);
    return n < 0 ? 0 : n > SP_RAG_DAYS_MAX ? SP_RAG_DAYS_MAX : (int)n;
}

/* Reads the arguments shared by all three functions: (status, due_on,
 * original_due_on, last_update_on, start_on, ...). */
static void args_common(sp_rag_in *in, sqlite3_value **argv)
{
    memset(in, 0, sizeof *in);
    in->status = arg_text(argv[0]);
    in->due_on = arg_text(argv[1]);
    in->original_due_on = arg_text(argv[2]);
    in->last_update_on = arg_text(argv[3]);
    in->start_on = arg_text(argv[4]);
    in->cadence = arg_text(argv[5]);
}

/* The last three arguments of every function: as_of, amber_days, stale_days. */
static void args_tail(sp_rag_in *in, int argc, sqlite3_value **argv)
{
    in->as_of = arg_text(argv[argc - 3]);
    in->amber_days = arg_days(argv[argc - 2], SP_RAG_AMBER_DAYS_DEFAULT);
    in->stale_days = arg_days(argv[argc - 1], SP_RAG_STALE_DAYS_DEFAULT);
}

static void result_word(sqlite3_context *ctx, const char *word)
{
    if (word)
        sqlite3_result_text(ctx, word, -1, SQLITE_STATIC);
    else
        sqlite3_result_null(ctx);
}

/* rag_computed(status, due_on, original_due_on, last_update_on, start_on,
 *              cadence, as_of, amber_days, stale_days) */
static void sql_rag_computed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sp_rag_in in;
    args_common(&in, argv);
    args_tail(&in, argc, argv);
    result_word(ctx, sp_rag_computed(&in));
}

/* A row the rules cannot rate holds a value the schema forbids (a file
 * edited by hand): lists show it as "unrated", with the value, rather
 * than leave the cell empty or drop the row. */
static const char unrated[] = "unrated";

/* rag(status, due_on, original_due_on, last_update_on, start_on, cadence,
 *     rag_override, as_of, amber_days, stale_days) */
static void sql_rag(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sp_rag_in in;
    args_common(&in, argv);
    in.override = arg_text(argv[6]);
    args_tail(&in, argc, argv);
    const char *word = sp_rag_rating(&in);
    result_word(ctx, word ? word : unrated);
}

/* Why a row cannot be rated, naming the first value at fault. */
static void unrated_reason(sqlite3_context *ctx, const sp_rag_in *in)
{
    int32_t days;
    const char *what = "status", *value = in->status;
    if (is(in->status, "not_started") || is(in->status, "in_progress")) {
        if (in->due_on && !sp_iso_days(in->due_on, &days))
            what = "due date", value = in->due_on;
        else if (!sp_iso_days(in->as_of, &days))
            what = "as-of date", value = in->as_of;
    }
    char *text = sqlite3_mprintf("unrated: %s '%s' is not one safeplan knows (the file was "
                                 "edited by hand; 'safeplan check' names every such value)",
                                 what, value ? value : "");
    if (text)
        sqlite3_result_text(ctx, text, -1, sqlite3_free);
    else
        sqlite3_result_error_nomem(ctx);
}

/* rag_reason(status, due_on, original_due_on, last_update_on, start_on,
 *            cadence, transferred_to, rag_override, rag_override_reason,
 *            as_of, amber_days, stale_days) */
static void sql_rag_reason(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sp_rag_in in;
    args_common(&in, argv);
    in.transferred_to = arg_text(argv[6]);
    in.override = arg_text(argv[7]);
    in.override_reason = arg_text(argv[8]);
    args_tail(&in, argc, argv);
    char small[256];
    int n = sp_rag_reason(NULL, small, sizeof small, &in);
    if (n < 0) {
        unrated_reason(ctx, &in);
    } else if ((size_t)n < sizeof small) {
        sqlite3_result_text(ctx, small, n, SQLITE_TRANSIENT);
    } else { /* a long override reason or destination: format again in full */
        char *big = sqlite3_malloc(n + 1);
        if (!big) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        sp_rag_reason(NULL, big, (size_t)n + 1, &in);
        sqlite3_result_text(ctx, big, n, sqlite3_free);
    }
}

/* ------------------------------------------------------------------ */
/* The summary's counts                                                */

/* The status words a summary counts, and what else a status can be. */
#define WORD(s) { s, sizeof s - 1 }
static const struct {
    const char *word;
    size_t len;
} tally_statuses[] = {WORD("not_started"), WORD("in_progress"), WORD("complete"),
                      WORD("signed_off"),  WORD("transferred"), WORD("withdrawn")};
#undef WORD
enum { S_NOT_STARTED, S_IN_PROGRESS, S_COMPLETE, S_SIGNED_OFF, S_TRANSFERRED, S_WITHDRAWN,
       S_OTHER, S_NULL };

/* A summary's counts, in the order it shows them (tally.c). */
enum {
    T_TOTAL, T_RED, T_AMBER, T_GREEN, T_BLUE, T_GREY, T_UNRATED, T_OVERRIDDEN,
    T_STATUS, /* then one per word of tally_statuses, in its order */
    T_COUNT = T_STATUS + S_OTHER
};
_Static_assert(T_COUNT == SP_TALLY_COUNTS, "rag.h's count of a summary's columns");

/* v's bytes as SQLite's BINARY collation compares them to word: only a
 * TEXT value can equal it ('complete' stored as a BLOB does not). */
static bool text_is(sqlite3_value *v, const char *word)
{
    if (sqlite3_value_type(v) != SQLITE_TEXT)
        return false;
    const char *t = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    return n == strlen(word) && memcmp(t, word, n) == 0;
}

/* The value is read once, not once a word: a summary calls this for every
 * action it counts (text_is() for each word in turn was 5% of a council's
 * summary). */
static int tally_status(sqlite3_value *v)
{
    int type = sqlite3_value_type(v);
    if (type != SQLITE_TEXT)
        return type == SQLITE_NULL ? S_NULL : S_OTHER;
    const char *t = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    for (int i = 0; t && i < S_OTHER; i++)
        if (n == tally_statuses[i].len && memcmp(t, tally_statuses[i].word, n) == 0)
            return i;
    return S_OTHER;
}

/* due < as_of as SQL has it: 1, 0, or -1 for NULL (either side NULL). A
 * date column holds TEXT (or, written by hand, a BLOB, which sorts after
 * any text); as_of is bound as TEXT. */
static int due_before(sqlite3_value *due, sqlite3_value *as_of)
{
    if (sqlite3_value_type(due) == SQLITE_NULL || sqlite3_value_type(as_of) == SQLITE_NULL)
        return -1;
    if (sqlite3_value_type(due) != SQLITE_TEXT || sqlite3_value_type(as_of) != SQLITE_TEXT)
        return sqlite3_value_type(due) < sqlite3_value_type(as_of);
    const char *a = (const char *)sqlite3_value_text(due);
    size_t an = (size_t)sqlite3_value_bytes(due);
    const char *b = (const char *)sqlite3_value_text(as_of);
    size_t bn = (size_t)sqlite3_value_bytes(as_of);
    int c = memcmp(a, b, an < bn ? an : bn);
    return c < 0 || (c == 0 && an < bn);
}

/* rag_computed() of a tally's action. Only the actions that need it read
 * its arguments: an open action not yet due, or one with an override. For
 * the others (closed ones, most of a plan, and the overdue) reading the
 * nine arguments was over a quarter of the tally's instructions. */
static const char *tally_computed(int argc, sqlite3_value **argv)
{
    sp_rag_in in;
    args_common(&in, argv);
    args_tail(&in, argc, argv);
    return sp_rag_computed(&in);
}

/* sp_tally_bits (rag.h): the counts of report/summary and summary_theme
 * one action adds one to, in the order of the T_ columns above:
 *   red      open and due before as_of: exactly the overdue list
 *   amber, green  the other open actions, by rag_computed()
 *   blue, grey    complete or signed off; transferred or withdrawn
 *   unrated  an open action rag_computed() cannot rate, or a status the
 *            schema forbids (a file edited by hand): the colours add up
 *   overridden  an override that differs from rag_computed()
 * then the count of each status. No count is added to twice, so a bit
 * each says it all, and the caller keeps counts of the width it needs.
 * One C call per action replaces fifteen SQL sums over the same columns
 * (two thirds of a summary's instructions: bench/RESULTS.md).
 * sql/report.sql's history has the sums; tests/unit/test_rag.c checks the
 * two agree on every kind of value. */
unsigned sp_tally_bits(int argc, sqlite3_value **argv)
{
    /* Types first: reading a BLOB as text (args_common) makes it TEXT. */
    int status = tally_status(argv[0]);
    int before = due_before(argv[1], argv[argc - 3]);
    sqlite3_value *over = argv[6];
    bool overridden = sqlite3_value_type(over) != SQLITE_NULL;
    const char *computed = NULL;
    bool rated = false;
    unsigned bits = 1u << T_TOTAL;
    if (status < S_OTHER)
        bits |= 1u << (T_STATUS + status);
    if (status == S_NOT_STARTED || status == S_IN_PROGRESS) {
        if (before == 1) {
            bits |= 1u << T_RED;
        } else {
            computed = tally_computed(argc, argv);
            rated = true;
            bits |= 1u << (is(computed, "amber")   ? T_AMBER
                           : is(computed, "green") ? T_GREEN
                                                   : T_UNRATED);
        }
    }
    if (status == S_COMPLETE || status == S_SIGNED_OFF)
        bits |= 1u << T_BLUE;
    if (status == S_TRANSFERRED || status == S_WITHDRAWN)
        bits |= 1u << T_GREY;
    if (status == S_OTHER)
        bits |= 1u << T_UNRATED;
    if (overridden) {
        if (!rated)
            computed = tally_computed(argc, argv);
        if (computed && !text_is(over, computed))
            bits |= 1u << T_OVERRIDDEN;
    }
    return bits;
}

int sp_register_functions(sp_db *db)
{
    static const struct {
        const char *name;
        int argc;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } fns[] = {
        {"rag_computed", 9, sql_rag_computed},
        {"rag", 10, sql_rag},
        {"rag_reason", 12, sql_rag_reason},
    };
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (sqlite3_create_function_v2(db->sql, fns[i].name, fns[i].argc, flags, NULL,
                                       fns[i].fn, NULL, NULL, NULL) != SQLITE_OK)
            return sp_fail_sql(db, "registering SQL functions");
    return sp_register_tally(db);
}

/* ------------------------------------------------------------------ */
/* Settings                                                            */

static const char *const setting_keys[] = {"rag.amber_days", "rag.stale_days",
                                           "rag.grace_days", NULL};

/* The grace after a recurring action's report date before it is missed. */
int sp_grace_days(int *grace, sp_db *db)
{
    *grace = SP_RAG_GRACE_DAYS_DEFAULT;
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "rag/settings");
    if (rc != SP_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (is((const char *)sqlite3_column_text(st, 0), setting_keys[2]))
            *grace = sqlite3_column_int(st, 1);
    rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the RAG settings");
    sqlite3_finalize(st);
    return rc;
}

int sp_rag_settings(int *amber_days, int *stale_days, sp_db *db)
{
    sp_clear(db);
    *amber_days = SP_RAG_AMBER_DAYS_DEFAULT;
    *stale_days = SP_RAG_STALE_DAYS_DEFAULT;
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "rag/settings");
    if (rc != SP_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        int value = sqlite3_column_int(st, 1);
        if (is(key, setting_keys[0]))
            *amber_days = value;
        else if (is(key, setting_keys[1]))
            *stale_days = value;
    }
    rc = rc == SQLITE_DONE ? SP_OK : sp_fail_sql(db, "reading the RAG settings");
    sqlite3_finalize(st);
    return rc;
}

/* A whole number of days, 0..SP_RAG_DAYS_MAX, digits only (surrounding
 * white space allowed). */
static bool parse_days(const char *text, int *out)
{
    size_t i = 0, digits = 0;
    int v = 0;
    while (text[i] == ' ' || text[i] == '\t')
        i++;
    for (; text[i] >= '0' && text[i] <= '9'; i++, digits++) {
        v = v * 10 + (text[i] - '0');
        if (v > SP_RAG_DAYS_MAX)
            return false;
    }
    while (text[i] == ' ' || text[i] == '\t')
        i++;
    if (digits == 0 || text[i] != '\0')
        return false;
    *out = v;
    return true;
}

int sp_rag_set(sp_db *db, const char *key, const char *value)
{
    sp_clear(db);
    if (!key || (!is(key, setting_keys[0]) && !is(key, setting_keys[1]) &&
                 !is(key, setting_keys[2])))
        return sp_fail(db, SP_EINVALID, "unknown setting '%s' (known: rag.amber_days, "
                       "rag.grace_days, rag.stale_days)", key ? key : "");
    int days;
    if (!value || !parse_days(value, &days))
        return sp_fail(db, SP_EINVALID, "%s must be a whole number of days from 0 to %d, "
                       "not '%s'", key, SP_RAG_DAYS_MAX, value ? value : "");
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "rag/set");
    if (rc != SP_OK)
        return rc;
    if (sp_bind_text(st, ":key", key) != SQLITE_OK || sp_bind_int(st, ":value", days) != SQLITE_OK)
        rc = sp_fail_sql(db, "saving a RAG setting");
    else
        rc = sp_exec_stmt(db, st, "saving a RAG setting");
    sqlite3_finalize(st);
    return rc;
}

/* ------------------------------------------------------------------ */
/* One action's rating                                                 */

/* The column called name; rag/action's two columns are unnamed: 0, 1. */
static int column_named(sqlite3_stmt *st, const char *name, int otherwise)
{
    int i = sp_stmt_column(st, name);
    return i < 0 ? otherwise : i;
}

/* Copies the row's rating out; the statement is positioned on the row. */
static int take_rating(const char **rag, char **reason, sp_db *db, sqlite3_stmt *st,
                       int64_t action_id)
{
    const char *given = (const char *)sqlite3_column_text(st, column_named(st, "rag", 0));
    const char *word = is(given, unrated) ? unrated : sp_enum_word("rag", given);
    const char *text = (const char *)sqlite3_column_text(st, column_named(st, "rag_reason", 1));
    if (!word || !text)
        return sp_fail(db, SP_ERROR, "action %lld cannot be rated: its status or "
                       "due date is not valid", (long long)action_id);
    size_t n = strlen(text) + 1;
    *reason = malloc(n);
    if (!*reason)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    memcpy(*reason, text, n);
    *rag = word;
    return SP_OK;
}

static bool action_exists(sp_db *db, int64_t action_id)
{
    sqlite3_stmt *st;
    if (sp_prepare(&st, db, "rag/action") != SP_OK)
        return false;
    bool found = sp_bind_int(st, ":id", action_id) == SQLITE_OK &&
                 sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* The rating as the action stood on the day (sql/plan_at.sql): a past day
 * judges the status, due date and override recorded by then, as every
 * report does, never today's. */
int sp_action_rag(const char **rag, char **reason, sp_db *db, int64_t action_id,
                  const char *as_of)
{
    sp_clear(db);
    *rag = NULL;
    *reason = NULL;
    char day[SP_DATE_SIZE];
    if (!as_of)
        sp_today(db, day);
    else if (sp_date_parse(day, as_of) != SP_OK)
        return sp_fail(db, SP_EINVALID, "invalid as-of date '%s' (use YYYY-MM-DD)", as_of);
    char today[SP_DATE_SIZE];
    sp_today(db, today);
    sqlite3_stmt *st;
    bool past = strcmp(day, today) < 0;
    int rc = past ? sp_plan_at_action(&st, db, action_id, day) : sp_prepare(&st, db, "rag/action");
    if (rc != SP_OK)
        return rc;
    if (!past && (sp_bind_text(st, ":as_of", day) != SQLITE_OK ||
                  sp_bind_int(st, ":id", action_id) != SQLITE_OK)) {
        sqlite3_finalize(st);
        return sp_fail_sql(db, "rating an action");
    }
    if ((rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = take_rating(rag, reason, db, st, action_id);
    else if (rc == SQLITE_DONE && past && action_exists(db, action_id))
        rc = sp_fail(db, SP_ENOTFOUND, "action %lld was not yet in the plan on %s",
                     (long long)action_id, day);
    else if (rc == SQLITE_DONE)
        rc = sp_fail(db, SP_ENOTFOUND, "no action with id %lld", (long long)action_id);
    else
        rc = sp_fail_sql(db, "rating an action");
    sqlite3_finalize(st);
    return rc;
}
