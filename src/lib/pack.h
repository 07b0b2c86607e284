/*
 * Internal: what the committee pack's two forms share — the XLSX workbook
 * (pack.c) and the HTML report (html.c). Both read the plan through
 * sp_plan_at inside one read transaction, so every sheet, chart and number
 * describes the same moment even while others write.
 */
#ifndef SP_PACK_H
#define SP_PACK_H

#include "internal.h"

#define SP_RAG_N 5    /* red, amber, green, blue, grey */
#define SP_STATUS_N 6 /* not_started ... withdrawn, in lifecycle order */

extern const char *const sp_pack_rags[SP_RAG_N];
extern const char *const sp_pack_statuses[SP_STATUS_N];

/* Counts for one theme (or the total). */
typedef struct sp_tally {
    char *theme; /* in the pack's theme_names; NULL in the total */
    int actions;
    int rag[SP_RAG_N];      /* by computed rating (overrides aside) */
    int overridden;         /* ... of which an override shows another colour */
    int status[SP_STATUS_N];
} sp_tally;

/* A set of action ids and its size: a bitmap, where a sorted array of a
 * million ids took 8 MiB or more. */
typedef struct sp_idset {
    sp_bitset bits;
    size_t n;
} sp_idset;

typedef struct sp_pack {
    sp_db *db;
    const sp_filter *filter; /* NULL = everything */
    const char *author;
    char as_of[SP_DATE_SIZE], since[SP_DATE_SIZE], today[SP_DATE_SIZE];
    char due_limit[SP_DATE_SIZE]; /* as_of + SP_PACK_DUE_DAYS */
    int amber_days, stale_days;
    char title[512];
    int authority_count, review_count;
    sp_tally *themes;
    size_t nthemes, cap;
    struct sp_name_block *theme_names; /* the themes' names (pack_data.c) */
    uint64_t *theme_slot; /* by name key: its hash's low half << 32 | 1 + index */
    size_t theme_slots;   /* a power of two, at most three quarters full; 0 none */
    size_t last_theme;         /* 1 + index of the theme met last, 0 none */
    sp_tally total;
    int overdue;      /* open and past the due date in force */
    int due_soon;     /* open and due from as_of to due_limit */
    int completed;    /* complete or signed off on as_of but not the day before since */
    sp_idset members; /* the actions in the pack */
    sp_idset done;    /* ... of which complete or signed off on as_of */
    int col[7];       /* plan_at columns: see pack_data.c */
    bool snapshot;    /* we opened the read transaction */
    int unevidenced;  /* signed off by as_of with no evidence of impact (issue 11) */
    const char *key_path; /* closure (#14): signs the checkpoint; NULL = unsigned */
    char *few_ids;    /* the members as a JSON array, when narrowed to few (pack_data.c) */
} sp_pack;

/* Checks the options, opens a read transaction, reads the settings and the
 * scope (title). On failure everything is already undone. */
int sp_pack_start(sp_pack *p, sp_db *db, const sp_pack_opts *opts);

/* Ends the read transaction and frees what the pack holds. */
void sp_pack_finish(sp_pack *p);

/* Frees the themes' tallies (the total stays): a caller done with them
 * calls it before its next query, so that the two are never held at
 * once (a plan of 154,424 themes: 12 MiB). sp_pack_finish calls it too. */
void sp_pack_drop_themes(sp_pack *p);

/* Counts the current row of a plan_at cursor into the themes and totals. */
int sp_pack_tally(sp_pack *p, sp_cursor *c);

/* After the last row: counts the actions completed since `since`. */
int sp_pack_tally_end(sp_pack *p);

/* The pack's part of the plan: its filters that are fixed facts of an
 * action (authority, review, finding, theme). Owner, status and RAG are
 * judged on the as-of day, so other queries apply them through
 * sp_pack_has. */
sp_filter sp_pack_part(const sp_pack *p);

/* The claims of completion awaiting verification on as_of, of the pack's
 * part, longest waiting first (after sp_pack_tally_end); some may be of
 * actions not in the pack: check each with sp_pack_has. */
int sp_pack_awaiting(sp_cursor **out, sp_pack *p);

/* True if the action is in the pack (after sp_pack_tally_end). */
bool sp_pack_has(const sp_pack *p, int64_t id);

/* The column named `name` of a cursor, or -1. */
int sp_cursor_column(const sp_cursor *c, const char *name);

/* "1 July 2017" for an ISO date (the ISO text itself if it is not one). */
void sp_date_words(char out[32], const char *iso);

/* The filters in force as words ("theme X; owner Y"), "" for none. */
void sp_pack_filter_words(char *out, size_t size, const sp_filter *f);

/* The RAG key: the rule for each rating, with the settings in force.
 * Writes the i-th (0..SP_RAG_N-1, in sp_pack_rags order) into out. */
void sp_pack_rag_rule(char *out, size_t size, const sp_pack *p, int i);

/* Index of a word in sp_pack_rags / sp_pack_statuses, or -1. */
int sp_pack_rag_index(const char *rag);
int sp_pack_status_index(const char *status);

#endif
