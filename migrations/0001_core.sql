-- Version 1: the plan itself — authorities, reviews, findings, owners, actions.
-- Dates are ISO 8601 text; the CHECK `date(x) IS x` rejects impossible dates
-- such as 2017-02-30, which SQLite would otherwise silently normalise.
-- Enumerations are checked with OR-chains rather than IN lists: SQLite
-- evaluates a CHECK's IN list through a temporary table on every row,
-- which was a quarter of an import's time.

CREATE TABLE authority (
    id   INTEGER PRIMARY KEY,
    -- A code starts with a letter so that an all-digit reference is always an id.
    code TEXT NOT NULL UNIQUE
         CHECK (length(code) BETWEEN 1 AND 40
                AND code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_.-]*'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL DEFAULT 'council'
         CHECK (kind = 'council' OR kind = 'partnership' OR kind = 'lscb' OR
                kind = 'trust' OR kind = 'other')
);

CREATE TABLE review (
    id           INTEGER PRIMARY KEY,
    authority_id INTEGER NOT NULL REFERENCES authority (id),
    ref          TEXT NOT NULL
                 CHECK (length(ref) BETWEEN 1 AND 40 AND ref NOT GLOB '*[^A-Za-z0-9_.-]*'),
    kind         TEXT NOT NULL
                 CHECK (kind = 'lga_peer_review' OR kind = 'ofsted_inspection' OR
                        kind = 'ofsted_lscb_review' OR kind = 'monitoring_visit' OR
                        kind = 'improvement_notice' OR kind = 'self_assessment' OR
                        kind = 'other'),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    started_on   TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on),
    ended_on     TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
    reported_on  TEXT CHECK (reported_on IS NULL OR date(reported_on) IS reported_on),
    judgement    TEXT,
    UNIQUE (authority_id, ref)
);

CREATE TABLE finding (
    id        INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES review (id),
    ref       TEXT NOT NULL
              CHECK (length(ref) BETWEEN 1 AND 40 AND ref NOT GLOB '*[^A-Za-z0-9_.-]*'),
    kind      TEXT NOT NULL
              CHECK (kind = 'strength' OR kind = 'area_for_consideration' OR
                     kind = 'recommendation' OR kind = 'priority_action' OR
                     kind = 'area_for_improvement' OR
                     kind = 'improvement_notice_requirement'),
    theme     TEXT NOT NULL CHECK (length(trim(theme)) > 0),
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
    UNIQUE (review_id, ref)
);
CREATE INDEX finding_theme ON finding (theme);

CREATE TABLE owner (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    team  TEXT,
    email TEXT CHECK (email IS NULL OR email GLOB '?*@?*')
);

CREATE TABLE action (
    id              INTEGER PRIMARY KEY,
    finding_id      INTEGER NOT NULL REFERENCES finding (id),
    ref             TEXT NOT NULL
                    CHECK (length(ref) BETWEEN 1 AND 40 AND ref NOT GLOB '*[^A-Za-z0-9_.-]*'),
    description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner_id        INTEGER NOT NULL REFERENCES owner (id),
    start_on        TEXT CHECK (start_on IS NULL OR date(start_on) IS start_on),
    -- The due date first agreed; never changed, so slippage stays visible.
    original_due_on TEXT NOT NULL CHECK (date(original_due_on) IS original_due_on),
    -- The due date in force now (revised with a reason; see action_update).
    due_on          TEXT NOT NULL CHECK (date(due_on) IS due_on),
    status          TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status = 'not_started' OR status = 'in_progress' OR
                           status = 'complete' OR status = 'signed_off' OR
                           status = 'transferred' OR status = 'withdrawn'),
    measure         TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (finding_id, ref)
);
CREATE INDEX action_owner ON action (owner_id);
-- Reports ask "which open actions are due before D": a partial index over open
-- actions only keeps that small and ordered by due date.
CREATE INDEX action_open_due ON action (due_on)
    WHERE status IN ('not_started', 'in_progress');

-- The original due date is the record of what was promised: it may not change.
CREATE TRIGGER action_original_due_fixed
BEFORE UPDATE OF original_due_on ON action
WHEN NEW.original_due_on IS NOT OLD.original_due_on
BEGIN
    SELECT RAISE(ABORT, 'original_due_on is fixed once set; revise due_on instead');
END;
