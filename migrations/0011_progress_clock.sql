-- Version 11: "stale" measures progress, not administration (issue 12).
--
-- action.last_update_on moves with every update, a reassignment, a
-- transfer, a RAG override or a revised due date included, so a plan could
-- look alive while nothing was done. progress_on is the latest date of an
-- update that reports progress: a note, evidence, a percentage or a status
-- change. A reassignment's own entry carries a generated note ("reassigned
-- from ... to ...", sql/progress.sql) and a transfer a status: neither is
-- progress. An entry with nothing administrative in it (an import's "as
-- at" row, which reports the sheet's state on its date) is progress. The
-- stale report counts from it (else from the start date).
-- last_update_on keeps its meaning: the reports' "nothing dated after the
-- day" shortcut (sql/plan_at.sql) still needs every update.

ALTER TABLE action ADD COLUMN progress_on TEXT;

-- Backfill from the history; an action with no history at all (loaded
-- before updates were kept) keeps what it had.
UPDATE action SET progress_on = coalesce(
    (SELECT max(u.on_date) FROM action_update u
     WHERE u.action_id = action.id
       AND u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
       AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
            OR u.new_status IS NOT NULL
            OR (u.rag_override IS NULL AND u.new_due_on IS NULL))),
    CASE WHEN NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = action.id)
         THEN last_update_on END);

DROP TRIGGER action_update_apply;
CREATE TRIGGER action_update_apply
AFTER INSERT ON action_update
BEGIN
    UPDATE action SET
        last_update_on = max(coalesce(last_update_on, ''), NEW.on_date),
        progress_on = CASE WHEN NEW.new_owner_id IS NULL
                                AND coalesce(NEW.new_status, '') <> 'transferred'
                                AND (NEW.note IS NOT NULL OR NEW.evidence IS NOT NULL
                                     OR NEW.percent IS NOT NULL OR NEW.new_status IS NOT NULL
                                     OR (NEW.rag_override IS NULL AND NEW.new_due_on IS NULL))
                           THEN max(coalesce(progress_on, ''), NEW.on_date)
                           ELSE progress_on END,
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

-- The stale report's range: open actions by the progress clock.
DROP INDEX action_open_activity;
CREATE INDEX action_open_activity ON action (coalesce(progress_on, start_on))
    WHERE status IN ('not_started', 'in_progress');
