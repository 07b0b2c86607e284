/*
 * Which column holds which field: the export's own column names, the
 * headers councils write (matched case-insensitively, with runs of spaces
 * and underscores counted as one space), and names the user adds with a
 * map ("Header=field,...").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "import.h"

#define HEADER_MAX 256 /* a longer header cannot be one of ours */

typedef struct field_def {
    const char *name;    /* the export's column name */
    const char *aliases; /* what councils write, ", "-separated */
} field_def;

/* One table, in the export's column order (imp_field). */
static const field_def fields[F_COUNT] = {
    {"authority", "Authority code"},
    {"authority_name", "Authority name"},
    {"authority_kind", "Authority kind"},
    {"review", "Review ref"},
    {"review_kind", "Review kind"},
    {"review_title", "Review title"},
    {"review_started_on", "Review start"},
    {"review_ended_on", "Review end"},
    {"review_reported_on", "Review reported"},
    {"review_judgement", "Judgement, Judgment"},
    {"finding_ref", "Finding reference, Finding ref, Finding No, Finding No., Rec No, Rec No., "
                    "Rec Ref, Recommendation No, Recommendation No., Recommendation ref, "
                    "Recommendation number, Area No, Area No., Rec, Rec."},
    {"finding_kind", "Finding kind"},
    {"theme", "Theme, Area, Workstream, Work stream, Priority area, Themes"},
    {"finding",
     "Finding, Recommendation, Area for consideration, Area for improvement, "
     "Issue, Findings, Recommendations, Areas for improvement, Areas for "
     "consideration, Ofsted recommendation, Ofsted recommendations, Area for "
     "development, Areas for development, Issue identified, Issues identified, "
     "What needs to improve, Requirement, Improvement required, Recommendation from "
     "Ofsted, Ofsted area for improvement, Ofsted areas for improvement, Inspection finding, "
     "Inspection findings, Improvement needed, Improvements needed, Area of development, "
     "Areas of development, Development area, Development areas"},
    {"action_ref", "Ref, Reference, No., No, Ref no., Ref no, Reference number, Reference no, "
                   "Action No, Action No., Action Ref, Action reference, Action number, "
                   "Action ref no, Action ref no., #, Item, Item no, Item no., Item number"},
    {"action",
     "Action, Actions, Action being taken, What we will do, Action required, "
     "Actions required, Action to be taken, Actions to be taken, Key action, "
     "Key actions, Planned action, Planned actions, Improvement action, "
     "Improvement actions, Task, Tasks, Activity, Activities, What will we do, "
     "What are we going to do, Action description, Description of action, Actions we will "
     "take, Actions to address, Steps to be taken, SMART action, SMART actions, What "
     "action will be taken, Actions planned"},
    {"owner",
     "Owner, Lead, Lead officer, Lead officers, Responsible officer, Responsible, "
     "Responsibility, Lead responsibility, Who, Action owner, Accountable officer, "
     "Lead person, Lead manager, Responsible person, Responsible officers, Owners, "
     "Lead officer or team, Responsible lead, Who is responsible, Action lead, Lead for "
     "action, Operational lead, Responsible team, Lead team, Person responsible, Assigned to, "
     "Officer responsible for delivery"},
    {"start_on", "Start, Start date, Date started"},
    {"original_due_on", "Original due, Original due date, Original target date, "
                        "Original deadline, Original timescale"},
    /* A revised date is the date the action is now due by (the original
     * is kept apart, so that slippage shows): see revised_pair. */
    {"due_on", "Due, Due date, Timescale, Timescales, Target date, Target, Deadline, "
               "By when, When, Completion date, Target completion date, Revised target date, "
               "Revised due date, Revised due, Revised deadline, Revised timescale, "
               "New target date, New due date, New deadline, Amended target date, "
               "Amended due date, Amended deadline, Amended timescale, Target date for "
               "completion, Timescale for completion, Target completion, Date due, Due by, "
               "Target timescale, Target timescales, Completion by, End date, Deadline date, Date "
               "to be completed by, Date to be completed, Due date for completion, Timescales "
               "for completion, Completion target, Planned completion date, When will it be done, "
               "When by, To be completed by, Date to be achieved, When will it be completed, "
               "When will this be completed, When will it be achieved, Revised date, Revised "
               "target, Revised completion date, Revised end date, Revised timescales, New "
               "date, New target, New completion date, Amended date"},
    {"status", "Status, Current status, Action status, Progress status, Overall status"},
    {"measure", "Success measure, Measure of success, How we will know, Success measures, "
                "Measures of success, Success criteria, Outcome, Outcomes, Intended outcome, "
                "Intended outcomes, Desired outcome, Target outcome, Expected outcome, "
                "What will success look like, How will we know, Measures, Outcome measures, Key "
                "performance indicator, Key performance indicators, What does good look like, "
                "How will we measure success, What difference will it make, Outcome/Impact, "
                "Outcome / Impact, Outcomes/Impact, Outcomes / Impact, Intended impact, "
                "Expected impact"},
    {"rag", "RAG, RAG rating, RAG status, Status (RAG), Status RAG, Overall RAG, Current RAG, "
            "RAG (current), Current RAG rating, Current RAG status, BRAG, BRAG rating, BRAG "
            "status"},
    {"rag_reason", "RAG reason"},
    {"rag_override", "RAG override"},
    {"rag_override_reason", "RAG override reason"},
    {"last_update_on", "Last updated, Update date, Date of update, Date of last update, "
                       "Date updated, Last update date, Last updated on"},
    {"last_update_by", "Updated by, Author"},
    {"last_update_note", "Progress, Progress update, Update, Comments, Progress to date, "
                         "Current position, Progress and impact, Update on progress, Latest "
                         "update, Latest progress, Progress made, Progress commentary, "
                         "Commentary, Comment, Progress updates, Progress report, Position "
                         "statement, Current position statement, Progress against action, "
                         "Progress against actions, Comments on progress, Summary of progress, "
                         "Progress summary, Progress notes, Progress note"},
    {"last_update_evidence", "Evidence, Impact, Evidence of impact, Evidence of progress, "
                             "Supporting evidence, Impact and evidence, Impact to date"},
    {"transferred_to", "Transferred to"},
    {"due_as_written", "Timescale as written, Due as written"},
    {"last_progress_on", "Last progress, Last progress date"},
    /* "Completion date" alone is a target (due_on); these say it happened. */
    {"completed_on", "Date completed, Completed on, Date of completion, Actual completion date, "
                     "Actual completion, Date achieved, Date closed, Closed date, Closed on, "
                     "Date signed off, Completed date, Date of closure, Closure date"},
    {"last_update_percent", "% complete, % completed, Percent complete, Per cent complete, "
                            "Percentage complete, Percentage completed, Progress %, % progress, "
                            "% done, Percentage done, Percentage of completion"},
};

/* What some councils write for a field where a sheet may have another
 * column for it too ("SRO" beside "Lead officer", "Deliverables" beside
 * "Action"): second choices, read only when no other column names the
 * field (second_choice), so that such a sheet reads as it did. */
static const char *const seconds[F_COUNT] = {
    [F_FINDING] = "Area of concern, Areas of concern, Improvement area, Improvement areas, "
                  "Key finding, Key findings, Ofsted finding, Ofsted findings, Objective, "
                  "Objectives, Weakness, Weaknesses, Identified weakness, Identified weaknesses, "
                  "Area of weakness, Areas of weakness, Concern, Concerns, What the inspectors "
                  "said, What inspectors said, Key line of enquiry, Key lines of enquiry, KLOE",
    [F_THEME] = "Strategic priority, Strategic priorities, Key priority, Key priorities",
    [F_ACTION] = "Description, Our response, Response, Actions agreed, Agreed action, Agreed "
                 "actions, Specific action, Specific "
                 "actions, How we will do it, How will we do it, Deliverable, Deliverables, "
                 "Key deliverable, Key deliverables",
    [F_OWNER] =
        "By whom, Accountable lead, Accountable person, SRO, Senior responsible "
        "officer, Who will do it, Officer, Officer responsible, Named lead, Strategic lead, "
        "Senior lead, Lead director, Lead agency, Lead organisation, Lead service, "
        "Workstream lead",
    [F_DUE] = "Timeframe, Time frame, Timeframes, Expected completion date, Expected "
              "completion, Date for completion, Target end date, Milestone date, Milestone "
              "dates, Estimated completion date, Estimated completion, Forecast completion "
              "date, Forecast completion, Anticipated completion date, Projected completion "
              "date, Agreed completion date, Agreed target date, Agreed timescale, Current "
              "target date, Current due date, Current deadline, Current timescale",
    [F_STATUS] = "Status of action, Completion status",
    [F_MEASURE] = "KPI, KPIs, Performance measure, Performance measures",
    [F_NOTE] = "Narrative, Progress narrative, Notes, Further comments, Additional comments, "
               "Progress and evidence",
    [F_RAG] = "Progress RAG, Delivery RAG",
    [F_EVIDENCE] = "Evidence of completion, What difference has it made",
};

const char *imp_field_name(imp_field f)
{
    return f < F_COUNT ? fields[f].name : "ignore";
}

const char *imp_field_aliases(imp_field f)
{
    return f < F_COUNT ? fields[f].aliases : "";
}

const char *imp_field_names(void)
{
    return "authority, authority_name, authority_kind, review, review_kind, review_title, "
           "review_started_on, review_ended_on, review_reported_on, review_judgement, "
           "finding_ref, finding_kind, theme, finding, action_ref, action, owner, start_on, "
           "original_due_on, due_on, status, measure, rag, rag_reason, rag_override, "
           "rag_override_reason, last_update_on, last_update_by, last_update_note, "
           "last_update_evidence, transferred_to, due_as_written, last_progress_on, completed_on, "
           "last_update_percent, ignore";
}

/* Lower-cases ASCII and turns runs of white space and '_' into one space,
 * trimmed; false if the result is empty or does not fit. */
static bool normalise(char out[HEADER_MAX], const char *s, size_t len)
{
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_') {
            gap = o > 0;
            continue;
        }
        if (o + 2 >= HEADER_MAX)
            return false;
        if (gap)
            out[o++] = ' ';
        gap = false;
        out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    out[o] = '\0';
    return o > 0;
}

static bool same_name(const char *norm, const char *name, size_t len)
{
    char other[HEADER_MAX];
    return normalise(other, name, len) && strcmp(norm, other) == 0;
}

/* same_name for the names of the table above, which are written
 * normalised but for capitals and '_' (one at a time, none at the ends):
 * compared as they are read, with no copy to normalise. A workbook's
 * first rows are each asked whether they name columns (import.c): with a
 * copy of every alias, that was 2% of a 10,000-row import. */
static bool is_name(const char *norm, const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = name[i] == '_' ? ' ' : name[i];
        if (norm[i] != (c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c))
            return false;
    }
    return norm[len] == '\0';
}

/* True if the normalised header is one of the ", "-separated aliases. */
static bool in_aliases(const char *norm, const char *aliases)
{
    for (const char *p = aliases; *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char first = p[0] >= 'A' && p[0] <= 'Z' ? (char)(p[0] - 'A' + 'a') : p[0];
        if (first == norm[0] && is_name(norm, p, n))
            return true;
        p += n + (end ? 2 : 0);
    }
    return false;
}

/* The field a normalised header names exactly, or -1. */
static int exact_field(const char *norm)
{
    /* A workbook's first 20 rows are all matched, data too (the header is
     * sought there): a long cell, an action or a finding, is no name. */
    if (strnlen(norm, IMP_ALIAS_MAX + 1) > IMP_ALIAS_MAX)
        return -1;
    for (int f = 0; f < F_COUNT; f++)
        if (is_name(norm, fields[f].name, strlen(fields[f].name)) ||
            in_aliases(norm, fields[f].aliases) ||
            (seconds[f] && in_aliases(norm, seconds[f])))
            return f;
    return -1;
}

/* The longer of longest and the longest of the ", "-separated aliases. */
static size_t longest_in(const char *aliases, size_t longest)
{
    for (const char *p = aliases; p && *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        longest = n > longest ? n : longest;
        p += n + (end ? 2 : 0);
    }
    return longest;
}

size_t imp_alias_longest(void)
{
    size_t longest = 0;
    for (int f = 0; f < F_COUNT; f++) {
        longest = longest_in(fields[f].name, longest); /* a name has no comma */
        longest = longest_in(fields[f].aliases, longest);
        longest = longest_in(seconds[f], longest);
    }
    return longest;
}

/* The header as sheets decorate names: a plural "(s)" or "/s" dropped
 * ("Lead officer(s)", "Lead Officer/s"), and the marks after it (':', '?',
 * '*', '.'); false if that changes nothing or leaves nothing. */
static bool undecorated(char out[HEADER_MAX], const char *norm)
{
    size_t o = 0;
    for (const char *p = norm; *p; p++) {
        if (strncmp(p, "(s)", 3) == 0) {
            p += 2;
            continue;
        }
        if (p > norm && p[-1] != ' ' && p[0] == '/' && p[1] == 's' && strchr(" /", p[2])) {
            p++; /* strchr finds the '\0' too */
            continue;
        }
        out[o++] = *p;
    }
    while (o > 0 && strchr(" :?*.", out[o - 1]))
        o--;
    out[o] = '\0';
    return o > 0 && strcmp(out, norm) != 0;
}

/* Whether a part of a header of alternatives says what kind of owner the
 * other parts name ("Responsible officer / Team"): an owner may be a
 * person, a post, a team or a body. */
static bool owner_kind(const char *part)
{
    static const char *const kinds[] = {"team", "service", "role", "post", "department",
                                        "directorate", "organisation", "agency", "partner",
                                        "body", "name"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(part, kinds[i]) == 0)
            return true;
    return false;
}

/* The field a part of a header names, as written or undecorated, or -1. */
static int plain_field(const char *norm)
{
    char plain[HEADER_MAX];
    int f = exact_field(norm);
    return f < 0 && undecorated(plain, norm) ? exact_field(plain) : f;
}

/* A header of alternatives ("Actions / Tasks", "Update/Progress"): the
 * field its parts all name; -1 if one names none ("RAG / progress - June"
 * may be a reporting round) or two disagree ("RAG / Status"). Beside the
 * owner, a part may say the owner's kind ("Lead officer / Team"). A
 * header with a digit is not split: its '/' may be a date's. */
static int alternatives_field(const char *norm)
{
    char part[HEADER_MAX];
    int found = -1;
    bool kind = false; /* a part was an owner's kind */
    if (!strchr(norm, '/') || strpbrk(norm, "0123456789"))
        return -1;
    for (const char *p = norm; *p;) {
        size_t n = strcspn(p, "/");
        const char *q = p;
        while (n > 0 && *q == ' ')
            q++, n--;
        while (n > 0 && q[n - 1] == ' ')
            n--;
        memcpy(part, q, n);
        part[n] = '\0';
        int f = plain_field(part);
        if (f < 0 && owner_kind(part))
            kind = true;
        else if (f < 0 || (found >= 0 && f != found))
            return -1;
        else
            found = f;
        p = q + n + strspn(q + n, " ");
        p += *p == '/';
    }
    return kind && found != F_OWNER ? -1 : found;
}

/* The field a normalised header names, or -1: exactly, else without its
 * decoration, else by its alternatives. */
static int builtin_field(const char *norm)
{
    int f = plain_field(norm);
    return f >= 0 ? f : alternatives_field(norm);
}

/* ---- A header with a gloss ---- */

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Words a sheet writes after a name to qualify it ("Target date
 * (revised)"): the header is read with the word first, as the table
 * writes it ("Revised target date"). */
static bool qualifier(const char *w)
{
    return in_aliases(w, "Original, Revised, New, Amended, Current, Latest, Actual, Overall");
}

/* Whether a gloss may be read as words about its column: a reporting
 * round's date ("Update (Sept 2023)", "Progress (Q2)") has a digit or a
 * month's name, and is read as a round or not at all. */
static bool plain_gloss(const char *g)
{
    if (strpbrk(g, "0123456789"))
        return false;
    for (const char *w = g; *w; w++) {
        size_t n = 0;
        while (word_char(w[n]))
            n++;
        if (n > 0 && (w == g || !word_char(w[-1])) && imp_month_word(w, n))
            return false;
    }
    return true;
}

/* Copies s..end into out with the spaces and the marks around it taken
 * off; false if nothing is left. */
static bool gloss_part(char out[HEADER_MAX], const char *s, const char *end)
{
    while (s < end && *s == ' ')
        s++;
    while (end > s && strchr(" :?*.", end[-1]))
        end--;
    memcpy(out, s, (size_t)(end - s));
    out[end - s] = '\0';
    return end > s;
}

/* Splits a header into its name and the words in brackets at its end
 * that explain it ("Lead officer (name and role)", "Evidence [link]");
 * false if there are none, or they may be a date. A colon or a dash is
 * not taken for one: a title or a key above the header ("Improvement
 * plan - actions", "Lead: Director") would then name columns. */
static bool split_gloss(char name[HEADER_MAX], char gloss[HEADER_MAX], const char *norm)
{
    size_t len = strlen(norm);
    if (len < 3 || (norm[len - 1] != ')' && norm[len - 1] != ']'))
        return false;
    const char *open = strrchr(norm, norm[len - 1] == ')' ? '(' : '[');
    return open && gloss_part(name, norm, open) && gloss_part(gloss, open + 1, norm + len - 1) &&
           plain_gloss(gloss);
}

/* The field a header with a gloss names, or -1. A qualifier is read before
 * the name, and norm is rewritten so ("target date (revised)" is "revised
 * target date"); else the name's field is read, or, where the name names
 * none, the gloss's ("Column F (Lead)"). Called only when the whole
 * header names no field. */
static int glossed_field(char norm[HEADER_MAX])
{
    char name[HEADER_MAX], gloss[HEADER_MAX];
    if (!split_gloss(name, gloss, norm))
        return -1;
    size_t n = strlen(name), g = strlen(gloss);
    if (qualifier(gloss) && g + 1 + n < HEADER_MAX) {
        char both[HEADER_MAX];
        memcpy(both, gloss, g);
        both[g] = ' ';
        memcpy(both + g + 1, name, n + 1);
        int f = builtin_field(both);
        if (f >= 0) {
            memcpy(norm, both, g + n + 2);
            return f;
        }
    }
    int f = builtin_field(name);
    return f >= 0 ? f : builtin_field(gloss);
}

/* The --map item that names a normalised header, or -1. */
static int user_item(const char *norm, const imp_user_map *user)
{
    for (size_t i = 0; user && i < user->n; i++)
        if (same_name(norm, user->header[i], strlen(user->header[i])))
            return (int)i;
    return -1;
}

static int user_field(const char *norm, const imp_user_map *user)
{
    int i = user_item(norm, user);
    return i >= 0 ? (int)user->field[i] : -1;
}

/* The finding column's header says what kind of finding the rows are. */
static const char *kind_from_header(const char *norm)
{
    if (strncmp(norm, "area for consideration", 22) == 0)
        return "area_for_consideration";
    if (strncmp(norm, "area for improvement", 20) == 0 || strcmp(norm, "issue") == 0)
        return "area_for_improvement";
    return "recommendation";
}

static int field_by_name(imp_field *out, const char *name)
{
    for (int f = 0; f <= F_COUNT; f++)
        if (strcmp(name, imp_field_name((imp_field)f)) == 0) {
            *out = (imp_field)f;
            return SP_OK;
        }
    return SP_EINVALID;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* "end of September 2025", "the end of Sept 2025": the month's last day,
 * a day exactly; false if text does not begin so or names no month. */
static bool month_end(char out[SP_DATE_SIZE], const char *text)
{
    static const char *const leads[] = {"the end of ", "end of ", "end "};
    for (size_t i = 0; i < sizeof leads / sizeof *leads; i++) {
        size_t n = strlen(leads[i]);
        if (strncasecmp(text, leads[i], n) != 0)
            continue;
        /* The first day of the next month, less one. */
        return imp_month_first_day(out, text + n) && sp_date_add_months(out, out, 1) == SP_OK &&
               sp_date_add_days(out, out, -1) == SP_OK;
    }
    return false;
}

bool imp_round_date(char out[SP_DATE_SIZE], bool *month, const char *text)
{
    *month = imp_month_first_day(out, text);
    return *month || month_end(out, text) || sp_date_parse(out, text) == SP_OK;
}

/* "last_update_note@DATE": the column is that round's progress. */
static int dated_item(imp_dated *d, sp_db *db, const char *header, char *name)
{
    char *at = strchr(name, '@');
    if (!at)
        return SP_OK;
    *at = '\0';
    const char *when = trim(at + 1);
    if (strcmp(trim(name), imp_field_name(F_NOTE)) != 0)
        return sp_fail(db, SP_EINVALID, "map item '%s=%s@%s': only %s takes a date (a column "
                       "of progress notes for one reporting round): expected '%s=%s@DATE'",
                       header, name, when, imp_field_name(F_NOTE), header,
                       imp_field_name(F_NOTE));
    if (!imp_round_date(d->on, &d->month, when))
        return sp_fail(db, SP_EINVALID, "map item '%s=%s@%s': '%s' is not a date: expected "
                       "a day (YYYY-MM-DD, DD/MM/YYYY) or a month and year (June 2024, "
                       "06/2024), read as its first day", header, name, when, when);
    return SP_OK;
}

/* Cuts one "Header=field" item (split at its last '=') into the map. */
static int add_item(imp_user_map *m, sp_db *db, char *item)
{
    char *eq = strrchr(item, '=');
    if (!eq)
        return sp_fail(db, SP_EINVALID, "map item '%s' is not HEADER=FIELD", trim(item));
    *eq = '\0';
    const char *header = trim(item);
    char *name = trim(eq + 1);
    if (!*header)
        return sp_fail(db, SP_EINVALID, "map item '=%s' names no header: expected HEADER=FIELD",
                       name);
    int rc = dated_item(&m->dated[m->n], db, header, name);
    if (rc != SP_OK)
        return rc;
    if (field_by_name(&m->field[m->n], name) != SP_OK)
        return sp_fail(db, SP_EINVALID, "map item '%s=%s': '%s' is not a field: expected one "
                       "of %s", header, name, name, imp_field_names());
    m->header[m->n++] = header;
    return SP_OK;
}

int imp_user_map_parse(imp_user_map *m, sp_db *db, const char *text)
{
    memset(m, 0, sizeof *m);
    if (!text || sp_blank(text))
        return SP_OK;
    size_t items = 1;
    for (const char *p = text; *p; p++)
        items += *p == ',';
    m->buf = strdup(text);
    m->header = calloc(items, sizeof *m->header);
    m->field = calloc(items, sizeof *m->field);
    m->dated = calloc(items, sizeof *m->dated);
    if (!m->buf || !m->header || !m->field || !m->dated)
        return sp_fail(db, SP_ENOMEM, "out of memory");
    int rc = SP_OK;
    for (char *item = m->buf, *comma; rc == SP_OK && item; item = comma ? comma + 1 : NULL) {
        comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        if (!sp_blank(item))
            rc = add_item(m, db, item);
    }
    return rc;
}

void imp_user_map_free(imp_user_map *m)
{
    free(m->buf);
    free(m->header);
    free(m->field);
    free(m->dated);
    memset(m, 0, sizeof *m);
}

/* A due date header that says the date was moved. */
static bool is_revised(const char *norm)
{
    return strncmp(norm, "revised ", 8) == 0 || strncmp(norm, "new ", 4) == 0 ||
           strncmp(norm, "amended ", 8) == 0;
}

/* A sheet with both a plain due date ("Target date") and a revised one:
 * the plain one was the original date, the revised one is the due date.
 * True if column i (norm) and the due column already placed are such a
 * pair, which is then placed so. */
static bool revised_pair(imp_map *m, const sp_csv_row *row, size_t i, const char *norm)
{
    char other[HEADER_MAX];
    int prev = m->col[F_DUE];
    const sp_csv_field *h = &row->fields[prev];
    if (m->col[F_ORIGINAL_DUE] >= 0 || !normalise(other, h->data, h->len) ||
        is_revised(norm) == is_revised(other))
        return false;
    m->col[F_DUE] = is_revised(norm) ? (int)i : prev;
    m->col[F_ORIGINAL_DUE] = is_revised(norm) ? prev : (int)i;
    m->revised_pair = true;
    return true;
}

/* A reference header that does not say whose ("Ref", "No."), as against
 * one that says the action's ("Action No."). */
static bool plain_ref(const char *norm)
{
    return strncmp(norm, "action", 6) != 0;
}

/* A sheet with a plain Ref beside an action's ("Ref | Recommendation |
 * Action No. | Action"), and no other finding reference: the plain one
 * numbers the findings. True if column i (norm) and the action reference
 * already placed are such a pair, which is then placed so. */
static bool ref_pair(imp_map *m, const sp_csv_row *row, size_t i, const char *norm,
                     bool finding_ref_named)
{
    char other[HEADER_MAX];
    int prev = m->col[F_ACTION_REF];
    const sp_csv_field *h = &row->fields[prev];
    if (finding_ref_named || m->col[F_FINDING_REF] >= 0 || !normalise(other, h->data, h->len) ||
        plain_ref(norm) == plain_ref(other))
        return false;
    m->col[F_ACTION_REF] = plain_ref(norm) ? prev : (int)i;
    m->col[F_FINDING_REF] = plain_ref(norm) ? (int)i : prev;
    m->ref_pair = true;
    return true;
}

/* Whether a normalised header names field f only as a second choice
 * (seconds), as written or without its decoration, or through the words
 * that explain it (a sheet may keep "Lead officer" beside "Lead
 * (partner)"). */
static bool second_choice(const char *norm, int f, const imp_user_map *user)
{
    char plain[HEADER_MAX];
    if (f < 0 || f >= F_COUNT || user_field(norm, user) >= 0)
        return false;
    if (builtin_field(norm) < 0)
        return true; /* named through its gloss (glossed_field) */
    if (!seconds[f] || in_aliases(norm, fields[f].aliases) ||
        is_name(norm, fields[f].name, strlen(fields[f].name)))
        return false;
    return in_aliases(norm, seconds[f]) ||
           (undecorated(plain, norm) && in_aliases(plain, seconds[f]));
}

/* Places column i; SP_EINVALID if its field already has a column. */
static int place(imp_map *m, int *column, sp_db *db, const sp_csv_row *row, size_t i, int f,
                 const char *norm, bool finding_ref_named)
{
    if (f == F_IGNORE)
        return SP_OK;
    if (f == F_DUE && m->col[f] >= 0 && revised_pair(m, row, i, norm))
        return SP_OK;
    if (f == F_ACTION_REF && m->col[f] >= 0 && ref_pair(m, row, i, norm, finding_ref_named))
        return SP_OK;
    if (m->col[f] >= 0) {
        *column = (int)i;
        return sp_fail(db, SP_EINVALID, "header '%s' means %s, as does column %d's '%s': "
                       "expected one column for each field (map one of them to another "
                       "field, or to ignore)", row->fields[i].data, fields[f].name,
                       m->col[f] + 1, row->fields[m->col[f]].data);
    }
    m->col[f] = (int)i;
    if (f == F_FINDING)
        m->finding_kind = kind_from_header(norm);
    return SP_OK;
}

/* A row of places can only be read if each row can name its action and
 * its finding. A plan's header with no finding column but the action, its
 * reference and its owner or date may write each finding on a row of its
 * own ("1 | Improve supervision" above "1.1 | Audit files | Head of
 * Service"): its rows say (import.c, finding_row_of). */
static int check_required(imp_map *m, sp_db *db)
{
    if (m->col[F_ACTION] < 0 && m->col[F_ACTION_REF] < 0)
        return sp_fail(db, SP_EINVALID, "no column names the action: expected a header such "
                       "as %s (or action_ref, or a map to action)", fields[F_ACTION].aliases);
    if (m->col[F_FINDING] >= 0 || m->col[F_FINDING_REF] >= 0)
        return SP_OK;
    if (m->col[F_ACTION] >= 0 && m->col[F_ACTION_REF] >= 0 &&
        (m->col[F_OWNER] >= 0 || m->col[F_DUE] >= 0)) {
        m->findings_in_rows = true;
        return SP_OK;
    }
    return sp_fail(db, SP_EINVALID, "no column names the finding: expected a header such as "
                   "%s (or finding_ref, or a map to finding)", fields[F_FINDING].aliases);
}

/* The field a header cell names (a --map name first), or -1; norm
 * receives the cell normalised ("" if it has no text). */
static int cell_field(char norm[HEADER_MAX], const sp_csv_field *h, const imp_user_map *user)
{
    norm[0] = '\0';
    if (!normalise(norm, h->data, h->len))
        return -1;
    int f = user_field(norm, user);
    if (f < 0)
        f = builtin_field(norm);
    return f >= 0 ? f : glossed_field(norm);
}

int imp_map_second_field(const sp_csv_field *h, const imp_user_map *user)
{
    char norm[HEADER_MAX];
    int f = cell_field(norm, h, user);
    return second_choice(norm, f, user) ? f : -1;
}

/* ---- Progress columns of reporting rounds ---- */

/* Whether s begins with the n bytes of a table name (is_name's rule). */
static bool name_at(const char *s, const char *name, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] - 'A' + 'a') : name[i];
        if (s[i] != c)
            return false;
    }
    return true;
}

static const char *const wide_marks[] = {"\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xa0"};
#define MARKS " -:,;/()[]."

/* Length of a separator at s between a header's words and its date: a
 * space, a no-break space, a dash (-, en, em), ':', ',', ';', '/' or a
 * bracket, or one of the words "as", "at", "of", "on" ("as at 31/03/2024",
 * "as of June 2024"); 0 if none. */
static size_t separator(const char *s, const char *end)
{
    static const char *const words[] = {"as ", "at ", "of ", "on "};
    if (s < end && strchr(MARKS, *s))
        return 1;
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(wide_marks[i]);
        if ((size_t)(end - s) >= n && memcmp(s, wide_marks[i], n) == 0)
            return n;
    }
    for (size_t i = 0; i < 4; i++)
        if (end - s >= 3 && memcmp(s, words[i], 3) == 0)
            return 3;
    return 0;
}

/* The length of a mark (not a word) that ends s..end, or 0. */
static size_t mark_before(const char *s, const char *end)
{
    if (end > s && strchr(MARKS, end[-1]))
        return 1;
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(wide_marks[i]);
        if ((size_t)(end - s) >= n && memcmp(end - n, wide_marks[i], n) == 0)
            return n;
    }
    return 0;
}

/* The date a header's words leave once the separators around them are
 * taken off ("(June 2024)", "- June 2024", "as at 31/03/2024"), into
 * out; false if nothing is left. */
static bool round_text(char out[HEADER_MAX], const char *s, const char *end)
{
    size_t n;
    while ((n = separator(s, end)) > 0)
        s += n;
    while ((n = mark_before(s, end)) > 0)
        end -= n;
    if (end <= s)
        return false;
    memcpy(out, s, (size_t)(end - s));
    out[end - s] = '\0';
    return true;
}

/* Whether the normalised header is the progress alias (n bytes) with a
 * round's date before or after it. */
static bool round_beside(imp_dated *d, const char *norm, size_t len, const char *alias,
                         size_t n)
{
    char date[HEADER_MAX];
    if (n >= len)
        return false;
    if (name_at(norm, alias, n) && !word_char(norm[n]) &&
        round_text(date, norm + n, norm + len) && imp_round_date(d->on, &d->month, date))
        return true;
    return name_at(norm + len - n, alias, n) && !word_char(norm[len - n - 1]) &&
           round_text(date, norm, norm + len - n) && imp_round_date(d->on, &d->month, date);
}

/* The words a reporting round's header gives its progress under: the
 * progress column's names, and words that name progress only beside a date
 * ("Position at end of Sept 2025": a "Position" column alone may hold an
 * officer's job). */
static const char *round_words(size_t i)
{
    return i == 0 ? fields[F_NOTE].aliases : "Position, Position update, Update on position";
}

/* A header made of a progress alias (last_update_note's) and a date, in
 * either order: "Progress update - June 2024", "June 2024 update",
 * "Progress at 31/03/2024". Any alias whose remainder is a date will do,
 * so "Progress update" is tried as well as "Progress". */
static bool dated_header(imp_dated *d, const char *norm)
{
    size_t len = strlen(norm);
    for (size_t i = 0; i < 2; i++)
        for (const char *p = round_words(i); *p;) {
            const char *end = strstr(p, ", ");
            size_t n = end ? (size_t)(end - p) : strlen(p);
            if (round_beside(d, norm, len, p, n))
                return true;
            p += n + (end ? 2 : 0);
        }
    return false;
}

/* Whether a header no field matched names progress (an alias as a word)
 * and a round it cannot date exactly ("Progress Q2", "RAG / progress -
 * June"): a digit or a month's name; the note then says how to map it. */
static bool undated_round(const char *norm)
{
    bool alias = false, round = strpbrk(norm, "0123456789") != NULL;
    for (const char *w = norm; *w; w++) {
        if (w != norm && word_char(w[-1]))
            continue;
        size_t wl = 0;
        while (word_char(w[wl]))
            wl++;
        round = round || imp_month_word(w, wl);
        for (size_t i = 0; i < 2; i++)
            for (const char *p = round_words(i); *p && !alias;) {
                const char *end = strstr(p, ", ");
                size_t n = end ? (size_t)(end - p) : strlen(p);
                alias = strlen(w) >= n && name_at(w, p, n) && !word_char(w[n]);
                p += n + (end ? 2 : 0);
            }
    }
    return alias && round;
}

/* The round column i is, if it is one: a --map to last_update_note@DATE,
 * or a header of progress and a date that no field or map names. */
static bool round_of(imp_dated *d, const char *norm, int f, const imp_user_map *user)
{
    int item = norm[0] ? user_item(norm, user) : -1;
    if (item >= 0 && user->dated[item].on[0]) {
        *d = user->dated[item];
        return true;
    }
    return f < 0 && norm[0] && dated_header(d, norm);
}

static int place_round(imp_map *m, int *column, sp_db *db, size_t i, const imp_dated *d)
{
    if (m->ndated == IMP_DATED_MAX) {
        *column = (int)i;
        return sp_fail(db, SP_EINVALID, "more than %d columns of dated progress: expected at "
                       "most %d (map the others to ignore)", IMP_DATED_MAX, IMP_DATED_MAX);
    }
    m->dated[m->ndated] = *d;
    m->dated[m->ndated++].col = (int)i;
    return SP_OK;
}

/* The rounds in date order, columns of one date in column order (stable). */
static void sort_rounds(imp_map *m)
{
    for (size_t i = 1; i < m->ndated; i++) {
        imp_dated d = m->dated[i];
        size_t j = i;
        for (; j > 0 && strcmp(m->dated[j - 1].on, d.on) > 0; j--)
            m->dated[j] = m->dated[j - 1];
        m->dated[j] = d;
    }
}

size_t imp_map_names(bool named[F_COUNT], const sp_csv_row *row, const imp_user_map *user)
{
    char norm[HEADER_MAX];
    size_t n = 0;
    memset(named, 0, F_COUNT * sizeof *named);
    for (size_t i = 0; i < row->count; i++) {
        int f = cell_field(norm, &row->fields[i], user);
        if (f < 0 || f == F_IGNORE || named[f])
            continue;
        named[f] = true;
        n++;
    }
    return n;
}

int imp_map_header(imp_map *m, int *column, sp_db *db, const sp_csv_row *row,
                   const imp_user_map *user, imp_unplaced_fn on_unplaced, void *ctx)
{
    char norm[HEADER_MAX];
    for (int f = 0; f < F_COUNT; f++)
        m->col[f] = -1;
    m->ncols = row->count;
    m->finding_kind = "recommendation";
    m->revised_pair = false;
    m->ref_pair = false;
    m->findings_in_rows = false;
    m->ndated = 0;
    *column = -1;
    bool finding_ref_named = false; /* then a plain Ref is never the finding's */
    for (size_t i = 0; i < row->count && !finding_ref_named; i++)
        finding_ref_named = cell_field(norm, &row->fields[i], user) == F_FINDING_REF;
    /* Columns named by a second choice are placed after the others, and
     * only where no other column names their field. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < row->count; i++) {
            const sp_csv_field *h = &row->fields[i];
            imp_dated d;
            int f = cell_field(norm, h, user), rc;
            bool second = second_choice(norm, f, user);
            if (second != (pass == 1))
                continue;
            if (round_of(&d, norm, f, user))
                rc = place_round(m, column, db, i, &d);
            else if (f < 0 || (second && m->col[f] >= 0)) {
                on_unplaced(ctx, i, h->data, h->len, undated_round(norm));
                continue;
            } else
                rc = place(m, column, db, row, i, f, norm, finding_ref_named);
            if (rc != SP_OK)
                return rc;
        }
    sort_rounds(m);
    return check_required(m, db);
}

/* ---- A header over two rows ---- */

/* A name in a header's second row: one short line with no digit (a date,
 * a number or a sentence is data). */
static bool is_label(const sp_csv_field *c)
{
    if (c->len > 60)
        return false;
    for (size_t i = 0; i < c->len; i++)
        if (c->data[i] == '\n' || c->data[i] == '\r' || (c->data[i] >= '0' && c->data[i] <= '9'))
            return false;
    return true;
}

static const sp_csv_field *cell_at(const sp_csv_row *row, size_t i)
{
    static const sp_csv_field none = {"", 0};
    return i < row->count ? &row->fields[i] : &none;
}

/* The field two header cells name together, as "Lead" under
 * "Responsibility" is "Lead Responsibility": the upper then the lower,
 * the lower then the upper, or the lower alone. The name is written to
 * out; -1 if none is a field. */
static int joined_field(char *out, size_t size, const sp_csv_field *top, const sp_csv_field *low,
                        const imp_user_map *user)
{
    char norm[HEADER_MAX];
    for (int k = sp_blank(top->data) ? 2 : 0; k < 3; k++) {
        if (k == 2)
            snprintf(out, size, "%.*s", (int)low->len, low->data);
        else
            snprintf(out, size, "%.*s %.*s", (int)(k ? low : top)->len, (k ? low : top)->data,
                     (int)(k ? top : low)->len, (k ? top : low)->data);
        sp_csv_field f = {out, strlen(out)};
        int field = cell_field(norm, &f, user);
        if (field >= 0)
            return field;
    }
    return -1;
}

static bool same_text(const sp_csv_field *a, const sp_csv_field *b)
{
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* A header cell that a merged cell to its left covers: blank, as a CSV
 * saved by Excel has it, or the same text, as the workbook reader fills
 * a merged range. */
static bool covered(const sp_csv_row *head, size_t i)
{
    const sp_csv_field *c = cell_at(head, i);
    return sp_blank(c->data) || (i > 0 && same_text(c, cell_at(head, i - 1)));
}

/* A second-row cell with no name of its own: blank, or the text of the
 * cell above, merged down over both rows ("Ref"). */
static bool unnamed(const sp_csv_row *head, const sp_csv_row *row, size_t i)
{
    const sp_csv_field *c = cell_at(row, i);
    return sp_blank(c->data) || same_text(c, cell_at(head, i));
}

/* The columns head's cell at j is merged over: j and the covered cells to
 * its right (the spreadsheet keeps a merged cell's text in its first). */
static size_t merge_end(const sp_csv_row *head, size_t width, size_t j)
{
    size_t k = j + 1;
    while (k < width && covered(head, k))
        k++;
    return k;
}

/* A cell of guidance: a question ("By when?") or words in brackets
 * ("(what we will do)"), short, with no digit. */
static bool guidance_cell(const sp_csv_field *c)
{
    const char *s = c->data, *e = c->data + c->len;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e - s < 2 || !is_label(c))
        return false;
    return e[-1] == '?' || (*s == '(' && e[-1] == ')') || (*s == '[' && e[-1] == ']');
}

bool imp_map_guidance_row(const sp_csv_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->count; i++) {
        if (sp_blank(row->fields[i].data))
            continue;
        if (!guidance_cell(&row->fields[i]))
            return false;
        n++;
    }
    return n >= 2;
}

/* The merged group's upper cell over column i: i's own, or the first
 * named one to its left across the blank cells a merge leaves. */
static const sp_csv_field *group_top(const sp_csv_row *head, size_t i)
{
    while (i > 0 && covered(head, i))
        i--;
    return cell_at(head, i);
}

/* Whether the lower cell dates the progress column above it: "June 2025"
 * under "Progress update" (merged over the rounds) is the round "Progress
 * update June 2025". Such a cell has digits, which a label does not. */
static bool round_under(char *name, size_t size, const sp_csv_field *top,
                        const sp_csv_field *low, const imp_user_map *user)
{
    char norm[HEADER_MAX];
    imp_dated d;
    if (sp_blank(top->data) || cell_field(norm, top, user) != F_NOTE)
        return false;
    snprintf(name, size, "%.*s %.*s", (int)top->len, top->data, (int)low->len, low->data);
    return normalise(norm, name, strlen(name)) && dated_header(&d, norm);
}

bool imp_map_second_row(const sp_csv_row *head, const sp_csv_row *row, const imp_user_map *user)
{
    char norm[HEADER_MAX], name[2 * HEADER_MAX + 2];
    bool merged = false, named = false, bare = true;
    for (size_t i = 0; i < row->count; i++) {
        const sp_csv_field *c = &row->fields[i], *top = cell_at(head, i);
        if (unnamed(head, row, i))
            continue;
        if (!is_label(c) && !round_under(name, sizeof name, group_top(head, i), c, user))
            return false;
        int f = cell_field(norm, top, user);
        bare = bare && f != F_ACTION && f != F_ACTION_REF;
        /* under a merged cell: a blank header cell with a name to its left */
        for (size_t j = i; !merged && j > 0 && covered(head, j); j--)
            merged = !sp_blank(cell_at(head, j - 1)->data);
        if (!named) {
            size_t j = i;
            while (j > 0 && covered(head, j))
                j--;
            named = joined_field(name, sizeof name, cell_at(head, j), c, user) >= 0;
        }
    }
    /* A row with no action and no Ref cannot be an action; one with names
     * there must name a field to be read as more header. */
    return merged && (bare || named);
}

/* One merged group's names: each lower cell joined with the upper; the
 * upper's own field, if no column took it, goes to the first column left
 * with none. */
static int join_group(char **names, const sp_csv_row *head, const sp_csv_row *row, size_t j,
                      size_t k, const imp_user_map *user)
{
    char norm[HEADER_MAX], name[2 * HEADER_MAX + 2];
    const sp_csv_field *top = cell_at(head, j);
    int top_field = cell_field(norm, top, user);
    bool taken = false;
    for (size_t i = j; i < k; i++) {
        const sp_csv_field *low = cell_at(row, i);
        if (!unnamed(head, row, i) && round_under(name, sizeof name, top, low, user)) {
            if (!(names[i] = strdup(name))) /* a round: never the undated progress */
                return SP_ENOMEM;
            continue;
        }
        int f = unnamed(head, row, i) ? -1 : joined_field(name, sizeof name, top, low, user);
        taken = taken || (f >= 0 && f == top_field);
        if (f >= 0 && !(names[i] = strdup(name)))
            return SP_ENOMEM;
    }
    for (size_t i = j; i < k; i++) {
        const sp_csv_field *low = cell_at(row, i);
        if (names[i])
            continue;
        if (!taken && top_field >= 0) {
            names[i] = strndup(top->data, top->len);
            taken = true;
        } else if (unnamed(head, row, i)) {
            names[i] = i == j ? strndup(top->data, top->len) : strdup("");
        } else {
            snprintf(name, sizeof name, "%.*s%s%.*s", (int)top->len, top->data,
                     sp_blank(top->data) ? "" : " ", (int)low->len, low->data);
            names[i] = strdup(name);
        }
        if (!names[i])
            return SP_ENOMEM;
    }
    return SP_OK;
}

int imp_map_join_rows(char **names, size_t width, const sp_csv_row *head, const sp_csv_row *row,
                      const imp_user_map *user)
{
    size_t j = 0;
    int rc = SP_OK;
    for (size_t i = 0; i < width; i++)
        names[i] = NULL;
    while (rc == SP_OK && j < width) {
        size_t k = merge_end(head, width, j);
        rc = join_group(names, head, row, j, k, user);
        j = k;
    }
    return rc;
}
