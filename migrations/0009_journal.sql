-- 0009: corrections, voids and change sets (issue #12).
--
-- One generic, append-only journal holds every correction of every kind of
-- object (action, finding, review, authority, owner): one row per changed
-- field, old -> new, with who, why and when. Five per-kind tables would
-- repeat the same columns, triggers and verify code five times.
-- journal_apply_* copy a new entry onto its object, as action_update_apply
-- does for progress, so `verify` can replay objects from their history.
--
-- Voiding is a journal entry too (field 'void', 0 -> 1): a voided object
-- stays in the database with its history but leaves every report.
--
-- A change set is one write command: who, when, the command, and the run
-- of ledger entries (first_seq .. last_seq) it appended. The ledger already
-- orders every history entry, so "what a change touched" is that run; no
-- second membership table to keep in step. Change sets are chained too.

ALTER TABLE action ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1);
ALTER TABLE finding ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1);
ALTER TABLE review ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1);

CREATE TABLE journal (
    id          INTEGER PRIMARY KEY,
    object_kind TEXT NOT NULL
                CHECK (object_kind = 'action' OR object_kind = 'finding' OR
                       object_kind = 'review' OR object_kind = 'authority' OR
                       object_kind = 'owner'),
    object_id   INTEGER NOT NULL,
    field       TEXT NOT NULL CHECK (
        (object_kind = 'action' AND (field = 'title' OR field = 'start' OR field = 'measure'
                                     OR field = 'ref' OR field = 'finding' OR field = 'void'))
     OR (object_kind = 'finding' AND (field = 'ref' OR field = 'kind' OR field = 'theme'
                                      OR field = 'text' OR field = 'void'))
     OR (object_kind = 'review' AND (field = 'ref' OR field = 'kind' OR field = 'title'
                                     OR field = 'started' OR field = 'ended'
                                     OR field = 'reported' OR field = 'judgement'
                                     OR field = 'void'))
     OR (object_kind = 'authority' AND (field = 'code' OR field = 'name' OR field = 'kind'
                                        OR field = 'created'))
     OR (object_kind = 'owner' AND (field = 'name' OR field = 'team' OR field = 'email'
                                    OR field = 'created'))),
    -- Untyped: an id stays an integer, a text stays text.
    old_value,
    new_value,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    author      TEXT NOT NULL CHECK (length(trim(author)) > 0),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX journal_object ON journal (object_kind, object_id, field);

CREATE TABLE change_set (
    id          INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    author      TEXT NOT NULL CHECK (length(trim(author)) > 0),
    command     TEXT NOT NULL,
    -- The ledger entries the command appended (its own entry follows).
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL CHECK (last_seq >= first_seq),
    -- The change set this one reverts (safeplan undo), if any.
    undoes      INTEGER REFERENCES change_set (id)
);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: add a correcting entry instead');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: add a correcting entry instead');
END;
CREATE TRIGGER change_set_no_update BEFORE UPDATE ON change_set
BEGIN
    SELECT RAISE(ABORT, 'change_set is append-only: undo appends a new change set');
END;
CREATE TRIGGER change_set_no_delete BEFORE DELETE ON change_set
BEGIN
    SELECT RAISE(ABORT, 'change_set is append-only: undo appends a new change set');
END;

CREATE TRIGGER journal_apply_action AFTER INSERT ON journal WHEN NEW.object_kind = 'action'
BEGIN
    UPDATE action SET
        description = CASE NEW.field WHEN 'title' THEN NEW.new_value ELSE description END,
        start_on = CASE NEW.field WHEN 'start' THEN NEW.new_value ELSE start_on END,
        measure = CASE NEW.field WHEN 'measure' THEN NEW.new_value ELSE measure END,
        ref = CASE NEW.field WHEN 'ref' THEN NEW.new_value ELSE ref END,
        finding_id = CASE NEW.field WHEN 'finding' THEN NEW.new_value ELSE finding_id END,
        voided = CASE NEW.field WHEN 'void' THEN NEW.new_value ELSE voided END
    WHERE id = NEW.object_id;
END;
CREATE TRIGGER journal_apply_finding AFTER INSERT ON journal WHEN NEW.object_kind = 'finding'
BEGIN
    UPDATE finding SET
        ref = CASE NEW.field WHEN 'ref' THEN NEW.new_value ELSE ref END,
        kind = CASE NEW.field WHEN 'kind' THEN NEW.new_value ELSE kind END,
        theme = CASE NEW.field WHEN 'theme' THEN NEW.new_value ELSE theme END,
        text = CASE NEW.field WHEN 'text' THEN NEW.new_value ELSE text END,
        voided = CASE NEW.field WHEN 'void' THEN NEW.new_value ELSE voided END
    WHERE id = NEW.object_id;
END;
CREATE TRIGGER journal_apply_review AFTER INSERT ON journal WHEN NEW.object_kind = 'review'
BEGIN
    UPDATE review SET
        ref = CASE NEW.field WHEN 'ref' THEN NEW.new_value ELSE ref END,
        kind = CASE NEW.field WHEN 'kind' THEN NEW.new_value ELSE kind END,
        title = CASE NEW.field WHEN 'title' THEN NEW.new_value ELSE title END,
        started_on = CASE NEW.field WHEN 'started' THEN NEW.new_value ELSE started_on END,
        ended_on = CASE NEW.field WHEN 'ended' THEN NEW.new_value ELSE ended_on END,
        reported_on = CASE NEW.field WHEN 'reported' THEN NEW.new_value ELSE reported_on END,
        judgement = CASE NEW.field WHEN 'judgement' THEN NEW.new_value ELSE judgement END,
        voided = CASE NEW.field WHEN 'void' THEN NEW.new_value ELSE voided END
    WHERE id = NEW.object_id;
END;
CREATE TRIGGER journal_apply_authority AFTER INSERT ON journal
WHEN NEW.object_kind = 'authority'
BEGIN
    UPDATE authority SET
        code = CASE NEW.field WHEN 'code' THEN NEW.new_value ELSE code END,
        name = CASE NEW.field WHEN 'name' THEN NEW.new_value ELSE name END,
        kind = CASE NEW.field WHEN 'kind' THEN NEW.new_value ELSE kind END
    WHERE id = NEW.object_id;
END;
CREATE TRIGGER journal_apply_owner AFTER INSERT ON journal WHEN NEW.object_kind = 'owner'
BEGIN
    UPDATE owner SET
        name = CASE NEW.field WHEN 'name' THEN NEW.new_value ELSE name END,
        team = CASE NEW.field WHEN 'team' THEN NEW.new_value ELSE team END,
        email = CASE NEW.field WHEN 'email' THEN NEW.new_value ELSE email END
    WHERE id = NEW.object_id;
END;

-- A finding's or review's creation is its first entry (void: NULL -> 0),
-- so undo can void what an import created. The change set names who.
CREATE TRIGGER journal_finding_created AFTER INSERT ON finding
BEGIN
    INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author)
    VALUES ('finding', NEW.id, 'void', NULL, 0, 'created', 'safeplan');
END;
CREATE TRIGGER journal_review_created AFTER INSERT ON review
BEGIN
    INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author)
    VALUES ('review', NEW.id, 'void', NULL, 0, 'created', 'safeplan');
END;

-- An authority or owner cannot be voided; its creation is recorded all the
-- same ('created', its code or name), so the change that made it says so.
CREATE TRIGGER journal_authority_created AFTER INSERT ON authority
BEGIN
    INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author)
    VALUES ('authority', NEW.id, 'created', NULL, NEW.code, 'created', 'safeplan');
END;
CREATE TRIGGER journal_owner_created AFTER INSERT ON owner
BEGIN
    INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author)
    VALUES ('owner', NEW.id, 'created', NULL, NEW.name, 'created', 'safeplan');
END;

-- Hashed with the same fields, in the same order, as chain/walk.
CREATE TRIGGER ledger_journal AFTER INSERT ON journal
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'journal', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('journal', NEW.id, NEW.object_kind, NEW.object_id, NEW.field,
              NEW.old_value, NEW.new_value, NEW.reason, NEW.author, NEW.recorded_at) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;
CREATE TRIGGER ledger_change_set AFTER INSERT ON change_set
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'change_set', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT sp_entry_hash('change_set', NEW.id, NEW.recorded_at, NEW.author, NEW.command,
              NEW.first_seq, NEW.last_seq, NEW.undoes) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;
