/*
 * A due date revised in its own cell: how councils' sheets record
 * slippage when they have no column for the first date.
 *
 *   "Dec 2025 (revised from Sept 2025)"   "31/12/2025 (was 30/09/2025)"
 *   "Sept 2025 revised to Dec 2025"       "Sept 2025 -> Dec 2025"
 *   "Revised to Dec 2025"                 "Dec 2025 (revised)"
 *   "Originally Sept 2025, now Dec 2025"
 *
 * The cell is split into the date now due and the date it was revised
 * from, each read as a timescale by the caller: the first becomes the
 * action's original due date and the second its due date, as if the sheet
 * had had both columns, so the slippage shows and is kept in the history.
 * Only a cell that does not read as a timescale as a whole is split here.
 */
#include "import.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Words after which the earlier date follows, the later one before them. */
static const char *const from_words[] = {
    "revised from", "amended from", "changed from", "extended from", "moved from",
    "deferred from", "slipped from", "put back from", "original target date",
    "original due date", "original deadline", "original target", "original date",
    "originally", "initially", "previously", "original", "orig", "was", NULL};

/* Words after which the later date follows, the earlier one before them;
 * with nothing after them ("Dec 2025 (revised)") the date before is the
 * one now due. */
static const char *const to_words[] = {
    "revised target date", "revised due date", "revised deadline", "revised date",
    "new target date", "new deadline", "new date", "revised to", "amended to", "changed to",
    "extended to", "moved to", "deferred to", "slipped to", "put back to", "revised",
    "extended", "amended", "now", "->", "\xe2\x86\x92", NULL};

static bool word_edge(const char *text, size_t at)
{
    char c = text[at];
    return c == '\0' || strchr(" \t\r\n()[],;:-.", c) != NULL;
}

/* Where `word` stands in text as words of their own (any capitals), from
 * `from`; or -1. */
static long find_word(const char *text, size_t from, const char *word)
{
    size_t n = strlen(word), len = strlen(text);
    for (size_t i = from; i + n <= len; i++) {
        if (strncasecmp(text + i, word, n) != 0)
            continue;
        bool symbol = !((word[0] | 0x20) >= 'a' && (word[0] | 0x20) <= 'z');
        if (symbol || ((i == 0 || word_edge(text, i - 1)) && word_edge(text, i + n)))
            return (long)i;
    }
    return -1;
}

/* The first of `words` in text (the longest at a place), its length in *n. */
static long first_of(const char *text, const char *const *words, size_t *n)
{
    long best = -1;
    for (size_t k = 0; words[k]; k++) {
        long at = find_word(text, 0, words[k]);
        if (at >= 0 && (best < 0 || at < best || (at == best && strlen(words[k]) > *n)))
            best = at, *n = strlen(words[k]);
    }
    return best;
}

/* The spaces, brackets and punctuation around a date in the cell. */
static const char edge[] = " \t\r\n()[],;:-";

/* text[from, to) without the spaces, brackets and punctuation around it. */
static void piece(char *out, size_t size, const char *text, size_t from, size_t to)
{
    while (from < to && strchr(edge, text[from]))
        from++;
    while (to > from && strchr(edge, text[to - 1]))
        to--;
    size_t n = to - from < size ? to - from : 0;
    memcpy(out, text + from, n);
    out[n] = '\0';
}

/* Whether text[0, n) holds more than the spaces and punctuation piece()
 * takes off. */
static bool has_text(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(edge, text[i]))
            return true;
    return false;
}

bool imp_revision_split(imp_revision *out, const char *text)
{
    size_t nf = 0, nt = 0, len = strlen(text);
    if (len >= sizeof out->now)
        return false;
    long f = first_of(text, from_words, &nf), t = first_of(text, to_words, &nt);
    if (f < 0 && t < 0)
        return false;
    char before[sizeof out->now], after[sizeof out->now];
    if (f >= 0 && t > f && !has_text(text, (size_t)f)) { /* "Originally Sept 2025, now Dec 2025" */
        piece(out->was, sizeof out->was, text, (size_t)f + nf, (size_t)t);
        piece(out->now, sizeof out->now, text, (size_t)t + nt, len);
        return *out->was && *out->now;
    }
    bool earlier_after = f >= 0 && (t < 0 || f <= t);
    long at = earlier_after ? f : t;
    size_t n = earlier_after ? nf : nt;
    piece(before, sizeof before, text, 0, (size_t)at);
    piece(after, sizeof after, text, (size_t)at + n, len);
    if (earlier_after) { /* "Dec 2025 (was Sept 2025)" */
        if (!*before || !*after)
            return false;
        memcpy(out->now, before, sizeof before);
        memcpy(out->was, after, sizeof after);
    } else if (*after) { /* "Sept 2025 revised to Dec 2025", "Revised to Dec 2025" */
        memcpy(out->now, after, sizeof after);
        memcpy(out->was, before, sizeof before);
    } else { /* "Dec 2025 (revised)" */
        if (!*before)
            return false;
        memcpy(out->now, before, sizeof before);
        out->was[0] = '\0';
    }
    return true;
}
