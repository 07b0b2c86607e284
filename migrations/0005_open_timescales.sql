-- Version 5: plans as councils write them (issue 11).
--
--   * An action's due date is optional: "Ongoing", "TBC" or an empty cell
--     make an open-ended action, rated by staleness and status alone.
--   * A recurring action ("Monthly", "Every 6 weeks") has a cadence; its
--     due_on is the date its next progress report is due, grace included,
--     moved on by each progress update (the library writes it into the
--     update's new_due_on, so the history replays it).
--   * The timescale exactly as the council wrote it is kept beside the
--     date it resolved to, so that a committee can see what was promised.
--   * A grace period for recurring reports, rag.grace_days (default 7).
--
-- SQLite cannot drop NOT NULL, so the action table is rebuilt as SQLite's
-- documentation prescribes: same ids, same rows, the same indexes and
-- triggers made again. Migrations run with foreign keys off and are checked
-- with foreign_key_check before they commit (src/lib/db.c), so dropping
-- the old table neither deletes nor orphans action_update's rows. The
-- trigger on action_update that names action is dropped first, or the
-- RENAME below would refuse to run over a trigger naming a missing table,
-- and is made again unchanged.

DROP TRIGGER action_update_apply;

CREATE TABLE action_v5 (
    id              INTEGER PRIMARY KEY,
    finding_id      INTEGER NOT NULL REFERENCES finding (id),
    ref             TEXT NOT NULL
                    CHECK (length(ref) BETWEEN 1 AND 40 AND ref NOT GLOB '*[^A-Za-z0-9_.-]*'),
    description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner_id        INTEGER NOT NULL REFERENCES owner (id),
    start_on        TEXT CHECK (start_on IS NULL OR date(start_on) IS start_on),
    -- The due date first agreed; never changed once set, so slippage stays
    -- visible. NULL while the action is open-ended.
    original_due_on TEXT CHECK (original_due_on IS NULL OR
                                date(original_due_on) IS original_due_on),
    -- The due date in force now (revised with a reason; see action_update);
    -- NULL: open-ended. For a recurring action, when the next report is due.
    due_on          TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    status          TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status = 'not_started' OR status = 'in_progress' OR
                           status = 'complete' OR status = 'signed_off' OR
                           status = 'transferred' OR status = 'withdrawn'),
    measure         TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_update_on  TEXT,
    transferred_to  TEXT,
    rag_override    TEXT,
    rag_override_reason TEXT,
    -- The timescale exactly as written ("Autumn 2016", "Ongoing"), or NULL.
    timescale       TEXT,
    -- How often a recurring action reports: "N weeks" or "N months".
    cadence         TEXT CHECK (cadence IS NULL OR
                                ((cadence GLOB '[1-9] week*' OR cadence GLOB '[1-9][0-9] week*' OR
                                  cadence GLOB '[1-9] month*' OR cadence GLOB '[1-9][0-9] month*')
                                 AND (cadence GLOB '* week' OR cadence GLOB '* weeks' OR
                                      cadence GLOB '* month' OR cadence GLOB '* months'))),
    UNIQUE (finding_id, ref)
);

INSERT INTO action_v5 (id, finding_id, ref, description, owner_id, start_on, original_due_on,
                       due_on, status, measure, created_at, updated_at, last_update_on,
                       transferred_to, rag_override, rag_override_reason)
SELECT id, finding_id, ref, description, owner_id, start_on, original_due_on, due_on, status,
       measure, created_at, updated_at, last_update_on, transferred_to, rag_override,
       rag_override_reason
FROM action;

DROP TABLE action;
ALTER TABLE action_v5 RENAME TO action;

CREATE INDEX action_owner ON action (owner_id);
CREATE INDEX action_open_due ON action (due_on)
    WHERE status IN ('not_started', 'in_progress');
CREATE INDEX action_open_activity ON action (coalesce(last_update_on, start_on))
    WHERE status IN ('not_started', 'in_progress');
CREATE INDEX action_last_update ON action (last_update_on) WHERE last_update_on IS NOT NULL;

-- The original due date is the record of what was promised: once set it
-- may not change (an open-ended action gets one when it is first dated).
CREATE TRIGGER action_original_due_fixed
BEFORE UPDATE OF original_due_on ON action
WHEN OLD.original_due_on IS NOT NULL AND NEW.original_due_on IS NOT OLD.original_due_on
BEGIN
    SELECT RAISE(ABORT, 'original_due_on is fixed once set; revise due_on instead');
END;

CREATE TRIGGER action_update_apply
AFTER INSERT ON action_update
BEGIN
    UPDATE action SET
        last_update_on = max(coalesce(last_update_on, ''), NEW.on_date),
        status = coalesce(NEW.new_status, status),
        due_on = coalesce(NEW.new_due_on, due_on),
        owner_id = coalesce(NEW.new_owner_id, owner_id),
        transferred_to = coalesce(NEW.transferred_to, transferred_to),
        rag_override = CASE WHEN NEW.rag_override IS NULL THEN rag_override
                            WHEN NEW.rag_override = 'none' THEN NULL
                            ELSE NEW.rag_override END,
        rag_override_reason = CASE WHEN NEW.rag_override IS NULL THEN rag_override_reason
                                   WHEN NEW.rag_override = 'none' THEN NULL
                                   ELSE NEW.reason END,
        updated_at = NEW.recorded_at
    WHERE id = NEW.action_id;
END;

-- An open-ended action's first due date is also its original one.
CREATE TRIGGER action_update_first_due
AFTER INSERT ON action_update
WHEN NEW.new_due_on IS NOT NULL
BEGIN
    UPDATE action SET original_due_on = NEW.new_due_on
    WHERE id = NEW.action_id AND original_due_on IS NULL;
END;

-- Settings: the key list gains rag.grace_days (a CHECK cannot be altered).
CREATE TABLE setting_v5 (
    key   TEXT PRIMARY KEY CHECK (key = 'rag.amber_days' OR key = 'rag.stale_days' OR
                                  key = 'rag.grace_days'),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 3650)
) WITHOUT ROWID;
INSERT INTO setting_v5 (key, value) SELECT key, value FROM setting;
INSERT INTO setting_v5 (key, value) VALUES ('rag.grace_days', 7);
DROP TABLE setting;
ALTER TABLE setting_v5 RENAME TO setting;
