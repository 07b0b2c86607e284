-- Version 2: dated, append-only progress history, and settings.

CREATE TABLE action_update (
    id              INTEGER PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES action (id),
    -- The date the update is for (officers log progress "as at" a date) ...
    on_date         TEXT NOT NULL CHECK (date(on_date) IS on_date),
    -- ... and when it was recorded, which nobody chooses.
    recorded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    author          TEXT NOT NULL CHECK (length(trim(author)) > 0),
    note            TEXT,
    evidence        TEXT,
    -- Signing off without impact evidence is allowed only with a stated reason.
    no_evidence_reason TEXT,
    percent         INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
    old_status      TEXT,
    -- Enumerations are OR-chains, not IN lists: SQLite builds a temporary
    -- table for an IN list on every row it checks (a quarter of an import).
    new_status      TEXT CHECK (new_status IS NULL OR
                        new_status = 'not_started' OR new_status = 'in_progress' OR
                        new_status = 'complete' OR new_status = 'signed_off' OR
                        new_status = 'transferred' OR new_status = 'withdrawn'),
    old_due_on      TEXT,
    new_due_on      TEXT CHECK (new_due_on IS NULL OR date(new_due_on) IS new_due_on),
    old_owner_id    INTEGER REFERENCES owner (id),
    new_owner_id    INTEGER REFERENCES owner (id),
    transferred_to  TEXT,
    -- A manual RAG override; 'none' clears an earlier one.
    rag_override    TEXT CHECK (rag_override IS NULL OR
                        rag_override = 'red' OR rag_override = 'amber' OR
                        rag_override = 'green' OR rag_override = 'blue' OR
                        rag_override = 'grey' OR rag_override = 'none'),
    reason          TEXT
);
CREATE INDEX action_update_action ON action_update (action_id, on_date);

-- History is never rewritten: corrections are new entries.
CREATE TRIGGER action_update_no_update
BEFORE UPDATE ON action_update
BEGIN
    SELECT RAISE(ABORT, 'action_update is append-only: add a correcting update instead');
END;
CREATE TRIGGER action_update_no_delete
BEFORE DELETE ON action_update
BEGIN
    SELECT RAISE(ABORT, 'action_update is append-only: add a correcting update instead');
END;

-- Current state derived from the history, kept on the action so that reports
-- stay indexed queries. Only the insert trigger below writes these columns.
ALTER TABLE action ADD COLUMN last_update_on TEXT;
ALTER TABLE action ADD COLUMN transferred_to TEXT;
ALTER TABLE action ADD COLUMN rag_override TEXT;
ALTER TABLE action ADD COLUMN rag_override_reason TEXT;

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

CREATE TABLE setting (
    key   TEXT PRIMARY KEY CHECK (key = 'rag.amber_days' OR key = 'rag.stale_days'),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 3650)
) WITHOUT ROWID;
INSERT INTO setting (key, value) VALUES ('rag.amber_days', 28), ('rag.stale_days', 60);
