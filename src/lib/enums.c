/*
 * Enumerated columns: canonical words, the spellings people type for them,
 * and the action status lifecycle.
 *
 * Each kind's words are listed once, in an X-macro, which yields both the
 * lookup table and the comma-separated list for error messages; the words
 * match the CHECK constraints in migrations/0001_core.sql.
 */
#include "enums.h"

#include <stddef.h>
#include <string.h>

#include "safeplan.h"

#define AUTHORITY_KINDS(X) X(council) X(partnership) X(lscb) X(trust) X(other)
#define REVIEW_KINDS(X)                                                                \
    X(lga_peer_review) X(ofsted_inspection) X(ofsted_lscb_review) X(monitoring_visit) \
    X(improvement_notice) X(self_assessment) X(other)
#define FINDING_KINDS(X)                                                 \
    X(strength) X(area_for_consideration) X(recommendation) X(priority_action) \
    X(area_for_improvement) X(improvement_notice_requirement)
#define STATUSES(X) \
    X(not_started) X(in_progress) X(complete) X(signed_off) X(transferred) X(withdrawn)
#define RAGS(X) X(red) X(amber) X(green) X(blue) X(grey)

#define AS_WORD(w) #w,
#define AS_LIST(w) ", " #w

typedef struct alias {
    const char *from; /* normalised spelling */
    const char *to;   /* canonical word */
} alias;

typedef struct enum_kind {
    const char *name;
    const char *const *words;  /* NULL-terminated */
    const char *values;        /* ", a, b, c": skip the first two characters */
    const alias *aliases;      /* terminated by {NULL, NULL} */
} enum_kind;

static const char *const authority_words[] = {AUTHORITY_KINDS(AS_WORD) NULL};
static const char *const review_words[] = {REVIEW_KINDS(AS_WORD) NULL};
static const char *const finding_words[] = {FINDING_KINDS(AS_WORD) NULL};
static const char *const status_words[] = {STATUSES(AS_WORD) NULL};
static const char *const rag_words[] = {RAGS(AS_WORD) NULL};

/* Aliases only where the meaning is unambiguous. */
static const alias authority_aliases[] = {
    {"local_authority", "council"},
    {"local_safeguarding_children_board", "lscb"},
    {"safeguarding_partnership", "partnership"},
    {NULL, NULL}};
static const alias review_aliases[] = {
    {"peer_review", "lga_peer_review"},
    {"lga_review", "lga_peer_review"},
    {"ofsted", "ofsted_inspection"},
    {"ofsted_single_inspection", "ofsted_inspection"},
    {"ofsted_review_of_lscb", "ofsted_lscb_review"},
    {"lscb_review", "ofsted_lscb_review"},
    {"self_evaluation", "self_assessment"},
    {NULL, NULL}};
static const alias finding_aliases[] = {
    {"strengths", "strength"},
    {"area_for_further_consideration", "area_for_consideration"},
    {"areas_for_consideration", "area_for_consideration"},
    {"areas_for_further_consideration", "area_for_consideration"},
    {"recommendations", "recommendation"},
    {"priority_for_immediate_action", "priority_action"},
    {"priorities_for_immediate_action", "priority_action"},
    {"priority_actions", "priority_action"},
    {"areas_for_improvement", "area_for_improvement"},
    {"improvement_notice_requirements", "improvement_notice_requirement"},
    {NULL, NULL}};
static const alias status_aliases[] = {
    {"notstarted", "not_started"},
    {"not_yet_started", "not_started"},
    {"inprogress", "in_progress"},
    {"started", "in_progress"},
    {"completed", "complete"},
    /* Councils' words for an open action. One that is late is still in
     * progress: its dates, not its status, make its RAG amber or red. */
    {"on_track", "in_progress"},
    {"on_target", "in_progress"},
    {"on_schedule", "in_progress"},
    {"ongoing", "in_progress"},
    {"live", "in_progress"},
    {"active", "in_progress"},
    {"wip", "in_progress"},
    {"work_in_progress", "in_progress"},
    {"some_progress", "in_progress"},
    {"good_progress", "in_progress"},
    {"limited_progress", "in_progress"},
    {"progress_made", "in_progress"},
    {"making_progress", "in_progress"},
    {"partially_complete", "in_progress"},
    {"delayed", "in_progress"},
    {"at_risk", "in_progress"},
    {"behind_schedule", "in_progress"},
    {"off_track", "in_progress"},
    {"not_on_track", "in_progress"},
    {"not_on_target", "in_progress"},
    {"significant_progress", "in_progress"},
    {"progress_being_made", "in_progress"},
    {"in_train", "in_progress"},
    {"in_hand", "in_progress"},
    {"on_going", "in_progress"},
    {"in_development", "in_progress"},
    {"under_development", "in_progress"},
    {"being_developed", "in_progress"},
    {"being_implemented", "in_progress"},
    {"commenced", "in_progress"},
    {"partially_implemented", "in_progress"},
    {"partly_implemented", "in_progress"},
    {"substantially_complete", "in_progress"},
    {"mostly_complete", "in_progress"},
    {"mostly_completed", "in_progress"},
    {"largely_complete", "in_progress"},
    {"largely_completed", "in_progress"},
    {"substantially_completed", "in_progress"},
    {"nearly_complete", "in_progress"},
    {"almost_complete", "in_progress"},
    {"behind", "in_progress"},
    {"off_target", "in_progress"},
    {"underway", "in_progress"},
    {"under_way", "in_progress"},
    {"progressing", "in_progress"},
    {"overdue", "in_progress"},
    {"slipped", "in_progress"},
    {"slipping", "in_progress"},
    {"partially_met", "in_progress"},
    {"partly_met", "in_progress"},
    {"partially_achieved", "in_progress"},
    {"partially_completed", "in_progress"},
    {"part_complete", "in_progress"},
    {"part_completed", "in_progress"},
    {"partly_complete", "in_progress"},
    {"partly_completed", "in_progress"},
    {"partly_achieved", "in_progress"},
    {"not_met", "in_progress"},
    {"not_yet_met", "in_progress"},
    {"not_achieved", "in_progress"},
    {"not_yet_achieved", "in_progress"},
    /* Paused work is not done, and safeplan has no paused status: its
     * dates make it amber or red (the importer notes the reading). */
    {"on_hold", "in_progress"},
    {"paused", "in_progress"},
    {"deferred", "in_progress"},
    {"postponed", "in_progress"},
    {"stalled", "in_progress"},
    {"blocked", "in_progress"},
    /* Open, not done: whether it began, the sheet does not say (the
     * importer notes the reading); its dates rate it either way. */
    {"open", "in_progress"},
    {"incomplete", "in_progress"},
    {"not_complete", "in_progress"},
    {"not_completed", "in_progress"},
    {"outstanding", "in_progress"},
    /* Not begun: a plan's "not due" is an action whose time has not come. */
    {"not_due", "not_started"},
    {"not_yet_due", "not_started"},
    {"not_commenced", "not_started"},
    {"not_yet_commenced", "not_started"},
    {"planned", "not_started"},
    {"scheduled", "not_started"},
    {"yet_to_start", "not_started"},
    {"yet_to_begin", "not_started"},
    {"to_start", "not_started"},
    {"not_begun", "not_started"},
    {"future_action", "not_started"},
    /* Done but not signed off: sign-off is a second person's act, which a
     * sheet's "closed" or "awaiting sign off" does not record. */
    {"achieved", "complete"},
    {"done", "complete"},
    {"closed", "complete"},
    {"complete_awaiting_sign_off", "complete"},
    {"completed_awaiting_sign_off", "complete"},
    {"awaiting_sign_off", "complete"},
    {"awaiting_signoff", "complete"},
    {"met", "complete"},
    {"fully_met", "complete"},
    {"fully_achieved", "complete"},
    {"embedded", "complete"},
    {"sustained", "complete"},
    {"implemented", "complete"},
    {"delivered", "complete"},
    {"in_place", "complete"},
    {"finished", "complete"},
    {"fully_implemented", "complete"},
    {"pending_sign_off", "complete"},
    {"for_sign_off", "complete"},
    {"ready_for_sign_off", "complete"},
    {"submitted_for_sign_off", "complete"},
    {"awaiting_closure", "complete"},
    {"for_closure", "complete"},
    {"proposed_for_closure", "complete"},
    {"recommended_for_closure", "complete"},
    {"ready_for_closure", "complete"},
    {"recommend_closure", "complete"},
    {"propose_to_close", "complete"},
    {"proposed_to_close", "complete"},
    /* Replaced by another action: safeplan has no status of its own for
     * that, and an action that will not be done is withdrawn (the
     * importer notes the reading, import.c). */
    {"superseded", "withdrawn"},
    {"merged", "withdrawn"},
    {"cancelled", "withdrawn"},
    {"canceled", "withdrawn"},
    {"deleted", "withdrawn"},
    {"removed", "withdrawn"},
    {"no_longer_required", "withdrawn"},
    {"not_required", "withdrawn"},
    {"signedoff", "signed_off"},
    {"sign_off", "signed_off"},
    {NULL, NULL}};
static const alias rag_aliases[] = {{"gray", "grey"}, {NULL, NULL}};

static const enum_kind kinds[] = {
    {"authority_kind", authority_words, "" AUTHORITY_KINDS(AS_LIST), authority_aliases},
    {"review_kind", review_words, "" REVIEW_KINDS(AS_LIST), review_aliases},
    {"finding_kind", finding_words, "" FINDING_KINDS(AS_LIST), finding_aliases},
    {"status", status_words, "" STATUSES(AS_LIST), status_aliases},
    {"rag", rag_words, "" RAGS(AS_LIST), rag_aliases},
};

static const enum_kind *find_kind(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Lower-cases text into out, trimming it and turning each run of spaces,
 * hyphens and underscores into one '_'. False if it does not fit (no
 * canonical word is anywhere near that long) or is empty. */
static bool normalise(char *out, size_t size, const char *text)
{
    size_t o = 0;
    bool gap = false;
    while (is_space(*text))
        text++;
    for (; *text; text++) {
        char c = *text;
        if (is_space(c) || c == '-' || c == '_') {
            gap = true;
            continue;
        }
        if (o + (gap ? 2 : 1) >= size)
            return false;
        if (gap && o > 0)
            out[o++] = '_';
        gap = false;
        out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    out[o] = '\0';
    return o > 0;
}

/* The canonical word of k that is exactly s, or NULL. */
static const char *canonical(const enum_kind *k, const char *s)
{
    for (const char *const *w = k->words; *w; w++)
        if (s[0] == (*w)[0] && strcmp(s, *w) == 0)
            return *w;
    return NULL;
}

const char *sp_enum_word(const char *kind, const char *text)
{
    const enum_kind *k = find_kind(kind);
    char word[64];
    if (!k || !text)
        return NULL;
    /* Most text is already a canonical word (an export read back, a
     * sheet's own words): found as it is, without the copy. An import
     * checks several words a row, and normalising each was 1% of it. */
    const char *found = canonical(k, text);
    if (found || !normalise(word, sizeof word, text))
        return found;
    if ((found = canonical(k, word)) != NULL)
        return found;
    for (const alias *a = k->aliases; a->from; a++) /* first bytes first: a long list */
        if (a->from[0] == word[0] && strcmp(word, a->from) == 0)
            return a->to;
    return NULL;
}

const char *sp_enum_values(const char *kind)
{
    const enum_kind *k = find_kind(kind);
    return k ? k->values + 2 : "";
}

/* ------------------------------------------------------------------ */
/* Status lifecycle                                                    */

/* The one table of allowed moves; sp_status_transition_ok searches these
 * lists so that the rule and the error message cannot disagree. */
static const alias transitions[] = {
    {"not_started", "in_progress, transferred, withdrawn"},
    {"in_progress", "complete, transferred, withdrawn"},
    {"complete", "signed_off, in_progress"},
    {NULL, NULL}};

bool sp_status_open(const char *status)
{
    const char *s = sp_enum_word("status", status);
    return s && (strcmp(s, "not_started") == 0 || strcmp(s, "in_progress") == 0);
}

const char *sp_status_next(const char *from)
{
    const char *s = sp_enum_word("status", from);
    for (const alias *t = transitions; s && t->from; t++)
        if (strcmp(s, t->from) == 0)
            return t->to;
    return "none";
}

/* True if word appears as a whole item of the ", "-separated list. */
static bool list_has(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
        bool starts = p == list || p[-1] == ' ';
        bool ends = p[n] == '\0' || p[n] == ',';
        if (starts && ends)
            return true;
    }
    return false;
}

bool sp_status_transition_ok(const char *from, const char *to)
{
    const char *t = sp_enum_word("status", to);
    return t && list_has(sp_status_next(from), t);
}
