-- Version 19: a revised due date keeps its words.

-- An action keeps the timescale it was created with as written ("TBC -
-- March 2026"), but a revision (`action update --due`, or a re-import
-- whose due cell changed) kept only the date its words resolve to: a
-- provisional "TBC - June 2026" became a firm 2026-06-30 in the history.
-- The words go in the update beside the date; NULL for every update that
-- revised nothing, or was made before this version.
ALTER TABLE action_update ADD COLUMN new_due_as_written TEXT;

-- An update's entry hash, in one place: the chain's trigger, `verify` and
-- the bulk import's chaining read it here. The words are hashed only when
-- there are some, after the fields version 8 hashed, so every entry made
-- before this version (and every update without words) keeps the hash it
-- was chained with.
CREATE VIEW action_update_entry (id, action_id, entry_hash) AS
SELECT u.id, u.action_id,
       CASE WHEN u.new_due_as_written IS NULL THEN
           sp_entry_hash('action_update', u.id, u.action_id, u.on_date, u.recorded_at,
               u.author, u.note, u.evidence, u.no_evidence_reason, u.percent, u.old_status,
               u.new_status, u.old_due_on, u.new_due_on, u.old_owner_id, u.new_owner_id,
               u.transferred_to, u.rag_override, u.reason)
       ELSE
           sp_entry_hash('action_update', u.id, u.action_id, u.on_date, u.recorded_at,
               u.author, u.note, u.evidence, u.no_evidence_reason, u.percent, u.old_status,
               u.new_status, u.old_due_on, u.new_due_on, u.old_owner_id, u.new_owner_id,
               u.transferred_to, u.rag_override, u.reason, u.new_due_as_written)
       END
FROM action_update u;

DROP TRIGGER ledger_action_update;
CREATE TRIGGER ledger_action_update AFTER INSERT ON action_update
BEGIN
    INSERT INTO ledger (entry_table, entry_id, entry_hash, chained_at, chain_hash)
    SELECT 'action_update', NEW.id, h, t,
           sp_chain_hash((SELECT chain_hash FROM ledger ORDER BY seq DESC LIMIT 1), h, t)
    FROM (SELECT (SELECT entry_hash FROM action_update_entry WHERE id = NEW.id) AS h,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t);
END;
