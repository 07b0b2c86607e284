/*
 * Corrections (sp_edit), voids (sp_void), change sets (sp_set_actor, the
 * hook in sp_begin/sp_commit, sp_log) and undo (sp_undo). Every change is a
 * new journal entry (migrations/0009_journal.sql): nothing is rewritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* T_LABEL: text stored tidy (a theme); T_NAME: a one-line name, the same. */
enum ftype { T_TEXT, T_OPT, T_DATE, T_REF, T_ENUM, T_FINDING, T_OWNER, T_NAME, T_LABEL };

typedef struct field_spec {
    const char *kind, *field;
    enum ftype type;
    const char *enum_kind; /* T_ENUM: the enumeration (enums.c) */
} field_spec;

static const field_spec specs[] = {
    {"action", "title", T_TEXT, NULL},       {"action", "start", T_DATE, NULL},
    {"action", "measure", T_OPT, NULL},      {"action", "ref", T_REF, NULL},
    {"action", "finding", T_FINDING, NULL},  {"action", "owner", T_OWNER, NULL},
    {"finding", "ref", T_REF, NULL},         {"finding", "kind", T_ENUM, "finding_kind"},
    {"finding", "theme", T_LABEL, NULL},      {"finding", "text", T_TEXT, NULL},
    {"review", "ref", T_REF, NULL},          {"review", "kind", T_ENUM, "review_kind"},
    {"review", "title", T_TEXT, NULL},       {"review", "started", T_DATE, NULL},
    {"review", "ended", T_DATE, NULL},       {"review", "reported", T_DATE, NULL},
    {"review", "judgement", T_OPT, NULL},    {"authority", "code", T_REF, NULL},
    {"authority", "name", T_NAME, NULL},     {"authority", "kind", T_ENUM, "authority_kind"},
    {"owner", "name", T_NAME, NULL},         {"owner", "team", T_OPT, NULL},
    {"owner", "email", T_OPT, NULL},
};

static const field_spec *spec_of(const char *kind, const char *field)
{
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (strcmp(specs[i].kind, kind) == 0 && strcmp(specs[i].field, field) == 0)
            return &specs[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Change sets                                                         */

void sp_set_actor(sp_db *db, const char *author, const char *command)
{
    free(db->actor);
    free(db->command);
    db->actor = author && *author ? strdup(author) : NULL;
    db->command = command && *command ? strdup(command) : NULL;
}

static int64_t ledger_head(sp_db *db)
{
    sqlite3_stmt *st;
    int64_t n = -1;
    if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(max(seq), 0) FROM ledger", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* At the outermost sp_begin: where this command's ledger entries start
 * (0: no change set, a database older than the journal). */
void sp_change_begin(sp_db *db)
{
    db->cs_first = 0;
    db->cs_undoes = 0;
    if (sp_db_version(db) < 9)
        return;
    int64_t head = ledger_head(db);
    db->cs_first = head >= 0 ? head + 1 : 0;
}

/* At the outermost sp_commit: one change set for what the command
 * appended, if it appended anything. */
int sp_change_end(sp_db *db)
{
    if (db->cs_first <= 0)
        return SP_OK;
    int64_t head = ledger_head(db);
    if (head < db->cs_first)
        return SP_OK;
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/change_add");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":author", db->actor ? db->actor : "safeplan");
    sp_bind_text(st, ":command", db->command ? db->command : "(library call)");
    sp_bind_int(st, ":first", db->cs_first);
    sp_bind_int(st, ":last", head);
    if (db->cs_undoes)
        sp_bind_int(st, ":undoes", db->cs_undoes);
    rc = sp_exec_stmt(db, st, "recording the change set");
    sqlite3_finalize(st);
    db->cs_first = 0;
    return rc;
}

int sp_exec_change(sp_db *db, sqlite3_stmt *st, const char *what, int64_t *id)
{
    int rc = sp_begin(db);
    if (rc != SP_OK)
        return rc;
    rc = sp_exec_stmt(db, st, what);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    /* Now, not after the commit: committing records the change set, a
     * row of its own, and last_insert_rowid would then be that row's. */
    if (id)
        *id = sqlite3_last_insert_rowid(db->sql);
    return sp_commit(db);
}

int sp_log(sp_cursor **out, sp_db *db, const char *since, const char *by)
{
    sqlite3_stmt *st;
    sp_clear(db);
    char buf[SP_DATE_SIZE];
    const char *day = NULL;
    int rc = sp_check_date(&day, buf, db, "--since", since);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "journal/log");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":since", day);
    sp_bind_text(st, ":by", by);
    return sp_cursor_from_stmt(out, db, st);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

static int current_value(sqlite3_value **out, sqlite3_stmt **hold, sp_db *db,
                         const char *kind, int64_t id, const char *field)
{
    int rc = sp_prepare(hold, db, "journal/current");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(*hold, ":kind", kind);
    sp_bind_int(*hold, ":id", id);
    sp_bind_text(*hold, ":field", field);
    if (sqlite3_step(*hold) != SQLITE_ROW) {
        sqlite3_finalize(*hold);
        *hold = NULL;
        return sp_fail(db, SP_ENOTFOUND, "%s %lld not found", kind, (long long)id);
    }
    *out = sqlite3_column_value(*hold, 0);
    return SP_OK;
}

/* The value to store for `text` (NULL: an optional field cleared). */
static int parse_value(sqlite3_value **v, sqlite3_stmt **hold, sp_db *db,
                       const field_spec *s, const char *text, char *what)
{
    char buf[SP_DATE_SIZE];
    const char *use = text;
    int64_t id = 0;
    int rc = SP_OK;
    switch (s->type) {
    case T_TEXT: rc = sp_check_text(db, what, text); break;
    case T_NAME: rc = sp_check_name(db, what, text); break; /* stored tidy: below */
    case T_LABEL: rc = sp_check_text(db, what, text); break;
    case T_OPT: rc = sp_check_optional_text(db, what, text); if (sp_blank(text)) use = NULL; break;
    case T_DATE: rc = sp_check_date(&use, buf, db, what, sp_blank(text) ? NULL : text); break;
    case T_REF: rc = sp_check_ref(db, what, text); break;
    case T_ENUM: rc = sp_check_enum(&use, db, s->enum_kind, what, text); break;
    case T_FINDING: rc = sp_resolve(&id, db, "finding", text); break;
    case T_OWNER: rc = sp_owner_ensure(&id, db, text); break;
    }
    /* A name as it reads, as a new one is stored (sp_name_tidy). */
    bool tidied = s->type == T_NAME || s->type == T_LABEL;
    char *tidy = NULL;
    if (rc == SP_OK && tidied)
        rc = sp_tidy_label(&tidy, db, what, text);
    if (tidied)
        use = tidy;
    /* A one-column statement turns the C value into an SQLite value. */
    if (rc == SP_OK)
        rc = sp_prepare_text(hold, db, "SELECT ?");
    if (rc == SP_OK && (s->type == T_FINDING || s->type == T_OWNER))
        sqlite3_bind_int64(*hold, 1, id);
    else if (rc == SP_OK && use)
        sqlite3_bind_text(*hold, 1, use, -1, SQLITE_TRANSIENT);
    if (rc == SP_OK) {
        sqlite3_step(*hold);
        *v = sqlite3_column_value(*hold, 0);
    }
    free(tidy);
    return rc;
}

static int insert_entry(sp_db *db, const char *kind, int64_t id, const char *field,
                        sqlite3_value *old, sqlite3_value *new, const char *reason,
                        const char *author)
{
    sqlite3_stmt *st;
    bool owner = strcmp(kind, "action") == 0 && strcmp(field, "owner") == 0;
    int rc = sp_prepare(&st, db, owner ? "journal/reassign_one" : "journal/insert");
    if (rc != SP_OK)
        return rc;
    char today[SP_DATE_SIZE];
    sp_today(db, today);
    sp_bind_text(st, ":kind", kind);
    sp_bind_int(st, ":id", id);
    sp_bind_text(st, ":field", field);
    sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":old"), old);
    sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, ":new"), new);
    sp_bind_text(st, ":reason", reason);
    sp_bind_text(st, ":author", author);
    sp_bind_text(st, ":on", today);
    rc = sp_exec_stmt(db, st, "recording the correction");
    sqlite3_finalize(st);
    return rc;
}

/* A start date after the due date in force is refused, as 'action add'
 * refuses it. */
static int check_start(sp_db *db, int64_t id, sqlite3_value *start)
{
    sqlite3_stmt *h = NULL;
    sqlite3_value *due = NULL;
    const char *s = (const char *)sqlite3_value_text(start);
    int rc = current_value(&due, &h, db, "action", id, "due");
    const char *d = rc == SP_OK ? (const char *)sqlite3_value_text(due) : NULL;
    if (rc == SP_OK && s && d && strcmp(s, d) > 0)
        rc = sp_fail(db, SP_EINVALID, "--start %s is after the action's due date %s", s, d);
    sqlite3_finalize(h);
    return rc;
}

/* A reference may not become one a sibling holds in other capitals (the
 * lookups match either, ref.c); nor may an action moved to another
 * finding bring its reference beside such a one there. */
static int check_spelling(sp_db *db, const char *kind, int64_t id, const sp_edit_field *e,
                          sqlite3_value *new)
{
    if (strcmp(kind, "authority") != 0 && strcmp(e->field, "ref") == 0)
        return sp_ref_spelling(db, kind, 0, id, NULL, e->value);
    if (strcmp(kind, "action") != 0 || strcmp(e->field, "finding") != 0)
        return SP_OK;
    sqlite3_stmt *h = NULL;
    sqlite3_value *ref = NULL;
    int rc = current_value(&ref, &h, db, "action", id, "ref");
    if (rc == SP_OK)
        rc = sp_ref_spelling(db, "action", sqlite3_value_int64(new), 0, e->value,
                             (const char *)sqlite3_value_text(ref));
    sqlite3_finalize(h);
    return rc;
}

/* One field: checked, compared, recorded if it changes. *changed counts. */
static int edit_one(sp_db *db, const char *kind, int64_t id, const sp_edit_field *e,
                    const char *reason, const char *author, int *changed)
{
    const field_spec *s = spec_of(kind, e->field);
    if (!s)
        return sp_fail(db, SP_EINVALID, "a %s has no field '%s' to edit", kind, e->field);
    char what[64];
    snprintf(what, sizeof what, "--%s", e->field);
    sqlite3_stmt *h1 = NULL, *h2 = NULL;
    sqlite3_value *old = NULL, *new = NULL;
    int rc = current_value(&old, &h1, db, kind, id, e->field);
    if (rc == SP_OK)
        rc = parse_value(&new, &h2, db, s, e->value, what);
    if (rc == SP_OK && strcmp(kind, "action") == 0 && strcmp(e->field, "start") == 0)
        rc = check_start(db, id, new);
    if (rc == SP_OK)
        rc = check_spelling(db, kind, id, e, new);
    if (rc == SP_OK && (sqlite3_value_type(old) != sqlite3_value_type(new) ||
                        sqlite3_value_bytes(old) != sqlite3_value_bytes(new) ||
                        memcmp(sqlite3_value_blob(old) ? sqlite3_value_blob(old) : "",
                               sqlite3_value_blob(new) ? sqlite3_value_blob(new) : "",
                               (size_t)sqlite3_value_bytes(old)) != 0)) {
        rc = insert_entry(db, kind, id, e->field, old, new, reason, author);
        /* The apply trigger ran into a UNIQUE rule: a reference or name
         * another object already has. Say so in words, not SQLite's. */
        if (rc == SP_EEXISTS)
            rc = sp_fail(db, rc, "%s %s: another %s already has it under the same parent "
                         "(references and names are unique there): choose another",
                         what, e->value, kind);
        *changed += rc == SP_OK;
    }
    sqlite3_finalize(h1);
    sqlite3_finalize(h2);
    return rc;
}

static int check_who(sp_db *db, const char *reason, const char *author)
{
    int rc = sp_check_text(db, "--reason", reason);
    if (rc == SP_OK)
        rc = sp_check_name(db, "the author (--by)", author);
    return rc;
}

int sp_edit(int *changed, sp_db *db, const char *kind, const char *ref,
            const sp_edit_field *fields, size_t n, const char *reason, const char *author)
{
    int64_t id;
    int count = 0;
    sp_clear(db);
    int rc = check_who(db, reason, author);
    if (rc == SP_OK)
        rc = sp_resolve(&id, db, kind, ref);
    if (rc == SP_OK && n == 0)
        rc = sp_fail(db, SP_EINVALID, "nothing to change: give at least one field");
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    for (size_t i = 0; rc == SP_OK && i < n; i++)
        rc = edit_one(db, kind, id, &fields[i], reason, author, &count);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    if (changed)
        *changed = count;
    return sp_commit(db);
}

/* ------------------------------------------------------------------ */
/* Voids                                                               */

static int refuse_live(sp_db *db, const char *kind, int64_t id, const char *ref)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/live_actions");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":kind", kind);
    sp_bind_int(st, ":id", id);
    char names[512] = "";
    size_t used = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int k = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "",
                         (const char *)sqlite3_column_text(st, 0));
        if (k > 0 && (size_t)k < sizeof names - used)
            used += (size_t)k;
    }
    sqlite3_finalize(st);
    if (used)
        return sp_fail(db, SP_ECONFLICT, "%s %s still has live actions (%s): void or move "
                       "them first", kind, ref, names);
    return SP_OK;
}

static int set_void(sp_db *db, const char *kind, int64_t id, int to, const char *reason,
                    const char *author)
{
    sqlite3_stmt *st;
    int rc = sp_prepare(&st, db, "journal/insert");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":kind", kind);
    sp_bind_int(st, ":id", id);
    sp_bind_text(st, ":field", "void");
    sp_bind_int(st, ":old", !to);
    sp_bind_int(st, ":new", to);
    sp_bind_text(st, ":reason", reason);
    sp_bind_text(st, ":author", author);
    rc = sp_exec_stmt(db, st, "recording the void");
    sqlite3_finalize(st);
    return rc;
}

int sp_void(sp_db *db, const char *kind, const char *ref, const char *reason,
            const char *author)
{
    int64_t id;
    sp_clear(db);
    if (strcmp(kind, "action") && strcmp(kind, "finding") && strcmp(kind, "review"))
        return sp_fail(db, SP_EINVALID, "only an action, finding or review can be voided");
    int rc = check_who(db, reason, author);
    if (rc == SP_OK)
        rc = sp_resolve(&id, db, kind, ref);
    if (rc != SP_OK || (rc = sp_begin(db)) != SP_OK)
        return rc;
    sqlite3_stmt *h = NULL;
    sqlite3_value *now = NULL;
    rc = current_value(&now, &h, db, kind, id, "void");
    if (rc == SP_OK && sqlite3_value_int(now))
        rc = sp_fail(db, SP_ECONFLICT, "%s %s is already void", kind, ref);
    sqlite3_finalize(h);
    if (rc == SP_OK && strcmp(kind, "action"))
        rc = refuse_live(db, kind, id, ref);
    if (rc == SP_OK)
        rc = set_void(db, kind, id, 1, reason, author);
    if (rc != SP_OK) {
        sp_rollback(db);
        return rc;
    }
    return sp_commit(db);
}

int sp_journal_history(sp_cursor **out, sp_db *db, const char *kind, const char *ref)
{
    int64_t id;
    sqlite3_stmt *st;
    sp_clear(db);
    int rc = sp_resolve(&id, db, kind, ref);
    if (rc == SP_OK)
        rc = sp_prepare(&st, db, "journal/history");
    if (rc != SP_OK)
        return rc;
    sp_bind_text(st, ":kind", kind);
    sp_bind_int(st, ":id", id);
    return sp_cursor_from_stmt(out, db, st);
}
