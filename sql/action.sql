-- name: next_ref
-- The next free number within the finding; non-numeric refs are skipped.
SELECT coalesce(max(CAST(ref AS INTEGER)), 0) + 1 FROM action
WHERE finding_id = :finding_id AND ref NOT GLOB '*[^0-9]*';

-- name: add
INSERT INTO action (finding_id, ref, description, owner_id, start_on, original_due_on, due_on,
                    measure, timescale, cadence)
VALUES (:finding_id, :ref, :title, :owner_id, :start, :due, :due, :measure, :timescale,
        :cadence);

-- name: list
-- The report filters (sql/filter.sql), RAG as shown today.
SELECT x.id, ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       x.description AS action, o.name AS owner, x.start_on, x.original_due_on, x.due_on,
       x.status
FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id JOIN owner o ON o.id = x.owner_id
WHERE TRUE
-- filters: by_action
ORDER BY a.code, r.started_on, r.ref, f.id, x.id;

-- name: list_plan
-- The list with no filter that narrows it to an owner or part of the plan
-- (sp_action_list_where): the same rows and order. CROSS JOIN keeps the
-- authorities the outer loop, in code order (their unique index), so the
-- rest of the order is sorted one authority at a time; `list` sorted every
-- action of the plan at once, in memory (279 MiB at a million actions).
-- INDEXED BY: left to itself, SQLite built an automatic index of every
-- live action (voided, finding_id) in memory for this walk, as large again.
-- A theme is an eighth of a plan and in every authority, so it is walked
-- this way too, its condition on the finding: the findings of other themes
-- are passed over, and one authority's rows are sorted at a time (`list`
-- sorted all 142,509 of one theme at once: 40 MiB). The filters are the
-- export's walk's (by_ref): with --no-due it passes over the authorities
-- and reviews with no open-ended action at its first steps (0.25 s at a
-- million actions when it looked into every finding).
SELECT x.id, ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       x.description AS action, o.name AS owner, x.start_on, x.original_due_on, x.due_on,
       x.status
FROM authority a CROSS JOIN review r ON r.authority_id = a.id
CROSS JOIN finding f ON f.review_id = r.id
CROSS JOIN action x INDEXED BY sqlite_autoindex_action_1 ON x.finding_id = f.id
JOIN owner o ON o.id = x.owner_id
WHERE TRUE
-- filters: by_ref
ORDER BY a.code, r.started_on, r.ref, f.id, x.id;

-- name: get
SELECT x.id, ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       a.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, o.team AS owner_team,
       x.start_on, x.original_due_on, x.due_on, x.status, x.measure, x.transferred_to,
       x.rag_override, x.rag_override_reason, x.last_update_on, x.created_at, x.updated_at,
       x.timescale,
       -- The words of the latest revision of the due date, if it had some
       -- (migration 19): "TBC - June 2026" after "March 2026".
       (SELECT u.new_due_as_written FROM action_update u
        WHERE u.action_id = x.id AND u.new_due_on IS NOT NULL
        ORDER BY u.id DESC LIMIT 1) AS revised_timescale,
       x.cadence,
       (SELECT 'signed off without evidence of impact' || coalesce(': ' || u.no_evidence_reason, '')
        FROM action_update u
        WHERE u.action_id = x.id AND u.new_status = 'signed_off'
          AND (u.evidence IS NULL OR trim(u.evidence) = '')
          AND x.status = 'signed_off'
        ORDER BY u.id DESC LIMIT 1) AS data_quality
FROM action x JOIN finding f ON f.id = x.finding_id JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id JOIN owner o ON o.id = x.owner_id
WHERE x.id = :id;
