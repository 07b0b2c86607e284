-- Importing a history file (export --history): src/lib/import_history.c.
-- The rows are checked and kept first (in a sealed spill, spill.c),
-- creating the places (authorities, reviews, findings) every row names;
-- then replayed in the order they were recorded, so that an action moved
-- from a finding, or a reference freed and used again, lands where it did
-- in the first plan.

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
                           rag_override, reason, new_due_as_written)
VALUES (:action_id, :on_date, :recorded_at, :author, :note, :evidence, :no_evidence_reason,
        :percent, :old_status, :new_status, :old_due_on, :new_due_on, :old_owner_id,
        :new_owner_id, :transferred_to, :rag_override, :reason, :due_as_written);

-- name: edit_add
-- journal_apply_action makes the correction.
INSERT INTO journal (object_kind, object_id, field, old_value, new_value, reason, author,
                     recorded_at)
VALUES ('action', :action_id, :field, :old, :new, :reason, :author, :recorded_at);

-- name: embedded_add
INSERT INTO action_embedded (action_id, on_date, recorded_at, author, evidence)
VALUES (:action_id, :on_date, :recorded_at, :author, :evidence);
