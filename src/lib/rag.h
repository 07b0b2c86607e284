/*
 * Internal: the RAG rules. One implementation, called directly from C and
 * through the SQL functions rag(), rag_computed() and rag_reason(), and
 * the summaries' counts (sp_tally_bits, for tally.c), that
 * sp_register_functions installs on every connection.
 *
 * For an as-of date, first match wins:
 *   blue   status complete or signed_off
 *   grey   status transferred or withdrawn
 *   red    open and as_of after due_on
 *   amber  open and due within amber_days (0 = due today)
 *   amber  open and due_on later than original_due_on (slipped)
 *   amber  open and no progress for stale_days or more (progress_on, else
 *          start_on; the rule is skipped if neither is known or if
 *          stale_days is 0 or less, which switches it off)
 *   green  otherwise
 * A manual override (a rag word) replaces the rating; its reason keeps the
 * computed rating beside it.
 */
#ifndef SP_RAG_H
#define SP_RAG_H

#include <stddef.h>

#include <sqlite3.h>

#define SP_RAG_AMBER_DAYS_DEFAULT 28
#define SP_RAG_STALE_DAYS_DEFAULT 60
#define SP_RAG_DAYS_MAX 3650
#define SP_RAG_GRACE_DAYS_DEFAULT 7

/* Inputs, as stored on the action: ISO dates, canonical status words.
 * Optional fields may be NULL. */
typedef struct sp_rag_in {
    const char *status;
    const char *due_on;
    const char *original_due_on; /* NULL: same as due_on */
    const char *last_update_on;
    const char *start_on;
    const char *cadence;         /* a recurring action's "1 month", or NULL */
    const char *transferred_to;
    const char *override;        /* a rag word, or NULL */
    const char *override_reason;
    const char *as_of;
    int amber_days;
    int stale_days;
} sp_rag_in;

/* The computed rating, ignoring any override: a static word, or NULL if
 * the inputs cannot be rated (unknown status; an open action without a
 * valid due_on or as_of). */
const char *sp_rag_computed(const sp_rag_in *in);

/* The rating with the override applied (an override that is not a rag
 * word is ignored). Static word or NULL as above. */
const char *sp_rag_rating(const sp_rag_in *in);

/*
 * Explains the rating with the override applied, e.g.
 *   "red: 37 days past due date 2017-03-31"
 *   "amber: override (partner data late); computed red: 37 days past ..."
 * Sets *rag to the word (as sp_rag_rating) and writes the reason into
 * buf, truncated to size and always NUL-terminated when size > 0.
 * Returns the length the whole reason needs (without the NUL), like
 * snprintf, so callers can retry with a larger buffer; -1 (and buf = "")
 * if the inputs cannot be rated.
 */
int sp_rag_reason(const char **rag, char *buf, size_t size, const sp_rag_in *in);

/* The same for the computed rating alone (no override part). */
int sp_rag_computed_reason(const char **rag, char *buf, size_t size, const sp_rag_in *in);

/* The number of counts in a summary's row (total, red, amber, green,
 * blue, grey, unrated, overridden, then each of the six statuses). */
#define SP_TALLY_COUNTS 14

/* Which of a summary's counts one action adds one to: bit i for count i.
 * argv: status, due_on, original_due_on, progress_on, start_on, cadence,
 * rag_override, as_of, amber_days, stale_days (argc 10). */
unsigned sp_tally_bits(int argc, sqlite3_value **argv);

/* Reads rag.grace_days (the default when unset). */
struct sp_db;
int sp_grace_days(int *grace, struct sp_db *db);

#endif
