-- RAG settings and one action's rating. The rules themselves are C
-- functions registered on every connection (src/lib/rag.c).

-- name: settings
SELECT key, value FROM setting;

-- name: set
INSERT INTO setting (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: action
-- Today's rating, from the current record (sp_action_rag); a past day is
-- rebuilt by plan_at/actions. Goes through the SQL functions, as reports
-- do, so the two cannot drift.
SELECT rag(a.status, a.due_on, a.original_due_on, a.progress_on, a.start_on, a.cadence,
           a.rag_override, :as_of, s.amber, s.stale),
       rag_reason(a.status, a.due_on, a.original_due_on, a.progress_on,
                  a.start_on, a.cadence, a.transferred_to, a.rag_override,
                  a.rag_override_reason, :as_of, s.amber, s.stale)
FROM action AS a,
     (SELECT (SELECT value FROM setting WHERE key = 'rag.amber_days') AS amber,
             (SELECT value FROM setting WHERE key = 'rag.stale_days') AS stale) AS s
WHERE a.id = :id;
