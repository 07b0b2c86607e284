-- Reports. Every report binds the same parameters: :as_of, and the filters
-- :authority_id, :review_id, :finding_id, :owner_id, :theme, :status, :rag
-- (NULL = no filter). The RAG rules live in C (rag.c) as SQL functions so
-- that reports, the export and the library share one definition.

-- name: overdue
WITH cfg AS (
    SELECT (SELECT value FROM setting WHERE key = 'rag.amber_days') AS amber,
           (SELECT value FROM setting WHERE key = 'rag.stale_days') AS stale
)
SELECT x.id,
       au.code || '/' || r.ref || '/' || f.ref || '/' || x.ref AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(:as_of) - julianday(x.due_on) AS INTEGER) AS days_overdue,
       CASE WHEN julianday(:as_of) - julianday(x.due_on) <= 30 THEN '1-30'
            WHEN julianday(:as_of) - julianday(x.due_on) <= 90 THEN '31-90'
            WHEN julianday(:as_of) - julianday(x.due_on) <= 180 THEN '91-180'
            ELSE '180+' END AS aging,
       rag(x.status, x.due_on, x.original_due_on, x.last_update_on, x.start_on,
           x.rag_override, :as_of, cfg.amber, cfg.stale) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.last_update_on, x.start_on,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  cfg.amber, cfg.stale) AS rag_reason,
       x.last_update_on, x.status
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
CROSS JOIN cfg
WHERE x.status IN ('not_started', 'in_progress') AND x.due_on < :as_of
  AND (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND (:review_id IS NULL OR f.review_id = :review_id)
  AND (:finding_id IS NULL OR x.finding_id = :finding_id)
  AND (:owner_id IS NULL OR x.owner_id = :owner_id)
  AND (:theme IS NULL OR f.theme = :theme COLLATE NOCASE)
  AND (:status IS NULL OR x.status = :status)
  AND (:rag IS NULL OR rag(x.status, x.due_on, x.original_due_on, x.last_update_on,
                           x.start_on, x.rag_override, :as_of, cfg.amber, cfg.stale) = :rag)
ORDER BY x.due_on, x.id;
