-- The export: one row per action, everything needed to recreate the plan.
-- Column names are the importer's field names (src/lib/import_map.c), in
-- the same order; a test keeps the two in step.
--
-- Binds what every report binds (sp_bind_filter): :as_of, :amber_days,
-- :stale_days and the filters :authority_id, :review_id, :finding_id,
-- :owner_id, :themes (a JSON array of themes), :status, :rag. The filters
-- that are set go in as the fragments by_ref of sql/filter.sql, judged on
-- the walk's aliases a, r, f and x: so a council is one step of the walk
-- of the authorities, and an owner's export reads only the findings where
-- the owner has an action.
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
-- filters: by_ref
ORDER BY a.code, r.ref, f.ref, x.ref;

-- name: history
-- export --history: every entry of every action's history, one row each,
-- for moving a plan with its past (the importer rebuilds it: import.c).
-- Actions in the export's order; within one, the entries in the order
-- they were chained (the ledger's seq): its creation first, then each
-- update, correction (journal) and embedding check. Every row names the
-- action's place now; the 'created' row names, in created_as, where it
-- was created (a later 'finding' or 'ref' correction moved it). entry_no
-- numbers the rows in the order they were recorded across all actions
-- (moments have seconds only, and a script makes many in one second): the
-- importer replays in that order, so that a reference freed by a move and
-- used again lands as it did. Owners
-- and findings are written by name and path, never by id. Voided actions
-- are in it (their voiding is one of their entries), so nothing is lost.
-- Written one action at a time (history_actions gives them, in order):
-- one query ordering every entry held them all in memory (4.3 GiB at a
-- million actions). entry_no is the entry's place in history_seqs, the
-- export's entries in the ledger's order (entry_rank, src/lib/export.c).
WITH entry AS (
    SELECT g.action_id, l.seq, 'created' AS entry, date(g.created_at) AS entry_on,
           g.created_at AS recorded_at, NULL AS author,
           (SELECT ref_path(fa.code, fr.ref, ff.ref, g.ref)
            FROM finding ff JOIN review fr ON fr.id = ff.review_id
            JOIN authority fa ON fa.id = fr.authority_id WHERE ff.id = g.finding_id)
               AS created_as,
           g.description AS action, (SELECT name FROM owner WHERE id = g.owner_id) AS owner,
           g.start_on, g.original_due_on, g.due_on, g.status, g.measure,
           y.timescale AS due_as_written, y.cadence, g.last_update_on,
           y.progress_on AS last_progress_on, NULL AS note, NULL AS evidence,
           NULL AS no_evidence_reason, NULL AS percent, NULL AS old_status,
           NULL AS new_status, NULL AS old_due_on, NULL AS new_due_on, NULL AS old_owner,
           NULL AS new_owner, g.transferred_to, g.rag_override,
           g.rag_override_reason AS reason, NULL AS field, NULL AS old_value,
           NULL AS new_value
    FROM action_origin g JOIN action y ON y.id = g.action_id
    LEFT JOIN ledger l ON l.entry_table = 'action_origin' AND l.entry_id = g.action_id
    WHERE g.action_id = :of_action
    UNION ALL
    SELECT u.action_id, l.seq, 'update', u.on_date, u.recorded_at, u.author, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, u.new_due_as_written, NULL, NULL, NULL, u.note,
           u.evidence,
           u.no_evidence_reason, u.percent, u.old_status, u.new_status, u.old_due_on,
           u.new_due_on, (SELECT name FROM owner WHERE id = u.old_owner_id),
           (SELECT name FROM owner WHERE id = u.new_owner_id), u.transferred_to,
           u.rag_override, u.reason, NULL, NULL, NULL
    FROM action_update u
    LEFT JOIN ledger l ON l.entry_table = 'action_update' AND l.entry_id = u.id
    WHERE u.action_id = :of_action
    UNION ALL
    SELECT j.object_id, l.seq, 'edit', date(j.recorded_at), j.recorded_at, j.author, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, j.reason, j.field,
           CASE j.field WHEN 'finding' THEN
               (SELECT ref_path(pa.code, pr.ref, pf.ref) FROM finding pf
                JOIN review pr ON pr.id = pf.review_id
                JOIN authority pa ON pa.id = pr.authority_id WHERE pf.id = j.old_value)
           ELSE j.old_value END,
           CASE j.field WHEN 'finding' THEN
               (SELECT ref_path(pa.code, pr.ref, pf.ref) FROM finding pf
                JOIN review pr ON pr.id = pf.review_id
                JOIN authority pa ON pa.id = pr.authority_id WHERE pf.id = j.new_value)
           ELSE j.new_value END
    FROM journal j
    LEFT JOIN ledger l ON l.entry_table = 'journal' AND l.entry_id = j.id
    WHERE j.object_kind = 'action' AND j.object_id = :of_action
    UNION ALL
    SELECT m.action_id, l.seq, 'embedded', m.on_date, m.recorded_at, m.author, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, m.evidence,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM action_embedded m
    LEFT JOIN ledger l ON l.entry_table = 'action_embedded' AND l.entry_id = m.id
    WHERE m.action_id = :of_action
)
SELECT a.code AS authority, a.name AS authority_name, a.kind AS authority_kind,
       r.ref AS review, r.kind AS review_kind, r.title AS review_title,
       r.started_on AS review_started_on, r.ended_on AS review_ended_on,
       r.reported_on AS review_reported_on, r.judgement AS review_judgement,
       f.ref AS finding_ref, f.kind AS finding_kind, f.theme, f.text AS finding,
       x.ref AS action_ref, e.entry, entry_rank(e.seq) AS entry_no,
       e.entry_on, e.recorded_at, e.author, e.created_as,
       e.action, e.owner, e.start_on, e.original_due_on, e.due_on, e.status, e.measure,
       e.due_as_written, e.cadence, e.last_update_on, e.last_progress_on, e.note,
       e.evidence, e.no_evidence_reason, e.percent, e.old_status, e.new_status,
       e.old_due_on, e.new_due_on, e.old_owner, e.new_owner, e.transferred_to,
       e.rag_override, e.reason, e.field, e.old_value, e.new_value
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
JOIN entry e ON e.action_id = x.id
WHERE x.id = :of_action
ORDER BY e.seq;

-- name: history_actions
-- The actions whose history export --history writes, in the export's
-- order: by references, which the indexes give, so nothing is sorted.
SELECT x.id AS of_action
FROM authority a
CROSS JOIN review r
CROSS JOIN finding f
CROSS JOIN action x
WHERE r.authority_id = a.id AND f.review_id = r.id AND x.finding_id = f.id
-- filters: by_ref
ORDER BY a.code, r.ref, f.ref, x.ref;

-- name: history_seqs
-- The ledger's number (seq) of each entry export --history writes: each
-- entry of history's four kinds taken back to its action, and kept if the
-- filters keep that action. In no order: export_history.c marks them in a
-- bitmap, where sorting four million of them took memory.
SELECT l.seq
FROM ledger l
CROSS JOIN action x ON x.id = CASE l.entry_table
    WHEN 'action_origin' THEN l.entry_id
    WHEN 'action_update' THEN (SELECT u.action_id FROM action_update u WHERE u.id = l.entry_id)
    WHEN 'journal' THEN (SELECT j.object_id FROM journal j
                         WHERE j.id = l.entry_id AND j.object_kind = 'action')
    WHEN 'action_embedded' THEN
        (SELECT m.action_id FROM action_embedded m WHERE m.id = l.entry_id) END
CROSS JOIN finding f ON f.id = x.finding_id
CROSS JOIN review r ON r.id = f.review_id
CROSS JOIN authority a ON a.id = r.authority_id
WHERE l.entry_table IN ('action_origin', 'action_update', 'journal', 'action_embedded')
-- filters: by_ref
;

-- name: history_seqs_of_actions
-- history_seqs, from the actions history_actions keeps, when a filter is
-- set: each action's entries of the four kinds through their indexes. The
-- walk of the whole ledger (four million entries at a million actions)
-- took 2.2 s of one council's 2.5 s export. The actions are walked once
-- for each kind, not held (NOT MATERIALIZED): memory stays flat.
WITH acts AS NOT MATERIALIZED (
    SELECT x.id
    FROM authority a
    CROSS JOIN review r
    CROSS JOIN finding f
    CROSS JOIN action x
    WHERE r.authority_id = a.id AND f.review_id = r.id AND x.finding_id = f.id
-- filters: by_ref
)
SELECT l.seq FROM acts
CROSS JOIN ledger l ON l.entry_table = 'action_origin' AND l.entry_id = acts.id
UNION ALL
SELECT l.seq FROM acts
CROSS JOIN action_update u ON u.action_id = acts.id
CROSS JOIN ledger l ON l.entry_table = 'action_update' AND l.entry_id = u.id
UNION ALL
SELECT l.seq FROM acts
CROSS JOIN journal j ON j.object_kind = 'action' AND j.object_id = acts.id
CROSS JOIN ledger l ON l.entry_table = 'journal' AND l.entry_id = j.id
UNION ALL
SELECT l.seq FROM acts
CROSS JOIN action_embedded m ON m.action_id = acts.id
CROSS JOIN ledger l ON l.entry_table = 'action_embedded' AND l.entry_id = m.id;
