-- The export: one row per action, everything needed to recreate the plan.
-- Column names are the importer's field names (src/lib/import_map.c), in
-- the same order; a test keeps the two in step.
--
-- Binds what every report binds (sp_bind_filter): :as_of, :amber_days,
-- :stale_days and the filters :authority_id, :review_id, :finding_id,
-- :owner_id, :themes (a JSON array of themes), :status, :rag (NULL = none).
--
-- The CROSS JOINs fix the join order authority -> review -> finding ->
-- action, so that the ORDER BY is served by the unique (parent, ref)
-- indexes and rows stream out without a sort: no temporary B-tree, memory
-- flat however big the plan. The order is by references only, so an
-- export re-imported into an empty database comes out in the same order.
-- The latest progress update is found with one index probe per action.

-- name: rows
SELECT a.code AS authority, a.name AS authority_name, a.kind AS authority_kind,
       r.ref AS review, r.kind AS review_kind, r.title AS review_title,
       r.started_on AS review_started_on, r.ended_on AS review_ended_on,
       r.reported_on AS review_reported_on, r.judgement AS review_judgement,
       f.ref AS finding_ref, f.kind AS finding_kind, f.theme, f.text AS finding,
       x.ref AS action_ref, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on, x.status, x.measure,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.rag_override, x.rag_override_reason, x.last_update_on,
       u.author AS last_update_by, u.note AS last_update_note,
       u.evidence AS last_update_evidence, x.transferred_to, x.timescale AS due_as_written,
       x.progress_on AS last_progress_on
FROM authority a
CROSS JOIN review r
CROSS JOIN finding f
CROSS JOIN action x
JOIN owner o ON o.id = x.owner_id
LEFT JOIN action_update u ON u.id = (
    SELECT id FROM action_update WHERE action_id = x.id
    ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE r.authority_id = a.id AND f.review_id = r.id AND x.finding_id = f.id
  AND (x.voided = 0 OR :include_void IS NOT NULL) -- issue 12
  AND (:authority_id IS NULL OR a.id = :authority_id)
  AND (:review_id IS NULL OR r.id = :review_id)
  AND (:finding_id IS NULL OR f.id = :finding_id)
  AND (:owner_id IS NULL OR x.owner_id = :owner_id)
  AND (:themes IS NULL OR f.theme IN (SELECT value FROM json_each(:themes)))
  AND (:status IS NULL OR x.status = :status)
  AND (:no_due IS NULL OR x.due_on IS NULL)
  AND (:rag IS NULL OR rag(x.status, x.due_on, x.original_due_on, x.progress_on,
                           x.start_on, x.cadence, x.rag_override, :as_of, :amber_days,
                           :stale_days) = :rag)
ORDER BY a.code, r.ref, f.ref, x.ref;
