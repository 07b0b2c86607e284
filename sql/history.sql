-- Importing a history file (export --history): src/lib/import_history.c.
-- The rows are read into a temporary table first, creating the places
-- (authorities, reviews, findings) every row names; then replayed in the
-- order they were recorded, so that an action moved from a finding, or a
-- reference freed and used again, lands where it did in the first plan.

-- name: rows_create
CREATE TEMP TABLE IF NOT EXISTS history_row (
    line INTEGER PRIMARY KEY, grp INTEGER NOT NULL, seq INTEGER NOT NULL,
    authority, authority_name, authority_kind, review, review_kind, review_title,
    review_started_on, review_ended_on, review_reported_on, review_judgement, finding_ref,
    finding_kind, theme, finding, action_ref, entry, entry_no, entry_on, recorded_at, author,
    created_as, action, owner, start_on, original_due_on, due_on, status, measure,
    due_as_written, cadence, last_update_on, last_progress_on, note, evidence,
    no_evidence_reason, percent, old_status, new_status, old_due_on, new_due_on, old_owner,
    new_owner, transferred_to, rag_override, reason, field, old_value, new_value);

-- name: rows_index
-- The replay's order, so that reading the rows in it copies no row into a
-- sort (the rows are the whole file; the index holds two numbers a row).
CREATE INDEX IF NOT EXISTS temp.history_row_order ON history_row (seq, line);

-- name: rows_drop
DROP TABLE IF EXISTS temp.history_row;

-- name: row_add
INSERT INTO temp.history_row VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
    ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,
    ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49,
    ?50, ?51);

-- name: rows_in_order
-- seq is the file's entry_no (the first pass checked that each action's
-- increase); rows_index gives the order.
SELECT * FROM temp.history_row ORDER BY seq, line;

-- name: action_at
SELECT id FROM action WHERE finding_id = :finding_id AND ref = :ref;

-- name: action_add
-- The action as it was created (the trigger action_origin_record records
-- that); the stale clock is set to where the first plan's ended, which no
-- later entry can move past (action_update_apply keeps the latest).
INSERT INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on,
                    status, measure, created_at, updated_at, last_update_on, transferred_to,
                    rag_override, rag_override_reason, timescale, cadence, progress_on)
VALUES (:finding_id, :ref, :description, :owner_id, :start_on, :original_due_on, :due_on,
        :status, :measure, :recorded_at, :recorded_at, :last_update_on, :transferred_to,
        :rag_override, :reason, :timescale, :cadence, :progress_on);

-- name: update_add
-- action_update_apply brings the action to the state after the update.
INSERT INTO action_update (action_id, on_date, recorded_at, author, note, evidence,
                           no_evidence_reason, percent, old_status, new_status, old_due_on,
                           new_due_on, old_owner_id, new_owner_id, transferred_to,
                           rag_override, reason)
VALUES (:action_id, :on_date, :recorded_at, :author, :note, :evidence, :no_evidence_reason,
        :percent, :old_status, :new_status, :old_due_on, :new_due_on, :old_owner_id,
        :new_owner_id, :transferred_to, :rag_override, :reason);

-- name: edit_add
-- journal_apply_action makes the correction.
INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author,
                     recorded_at)
VALUES ('action', :action_id, :field, :old, :new, :reason, :author, :recorded_at);

-- name: embedded_add
INSERT INTO action_embedded (action_id, on_date, recorded_at, author, evidence)
VALUES (:action_id, :on_date, :recorded_at, :author, :evidence);
