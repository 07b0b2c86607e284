-- The committee pack (pack.c: XLSX, html.c: HTML). The actions themselves
-- come from sql/plan_at.sql; these queries add what surrounds them. Each
-- binds the report filters; :authority_id, :review_id, :finding_id and
-- :themes (a JSON array of themes) narrow the scope (the others are judged
-- per action by plan_at).

-- name: scope
-- Who the pack is about, for its title: how many authorities and reviews,
-- and the authority's name when there is only one.
SELECT count(DISTINCT a.id) AS authority_count,
       CASE WHEN count(DISTINCT a.id) = 1 THEN min(a.name) END AS authority_name,
       count(DISTINCT r.id) AS review_count
FROM review r
JOIN authority a ON a.id = r.authority_id
WHERE (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND r.voided = 0 -- issue 12
  AND (:review_id IS NULL OR r.id = :review_id)
  AND (:finding_id IS NULL OR EXISTS (SELECT 1 FROM finding f
                                      WHERE f.id = :finding_id AND f.review_id = r.id))
  AND (:themes IS NULL OR EXISTS (SELECT 1 FROM finding f
                                 WHERE f.review_id = r.id
                                   AND f.theme IN (SELECT value FROM json_each(:themes))))
  -- A review that had not begun by the as-of date was not part of the plan.
  AND (r.started_on IS NULL OR r.started_on <= :as_of);

-- name: reviews
-- The reviews the plan answers, oldest first within each authority.
SELECT a.name AS authority, r.title AS review, r.kind, r.started_on, r.ended_on,
       r.reported_on, r.judgement
FROM review r
JOIN authority a ON a.id = r.authority_id
WHERE (:authority_id IS NULL OR r.authority_id = :authority_id)
  AND r.voided = 0 -- issue 12
  AND (:review_id IS NULL OR r.id = :review_id)
  AND (:finding_id IS NULL OR EXISTS (SELECT 1 FROM finding f
                                      WHERE f.id = :finding_id AND f.review_id = r.id))
  AND (:themes IS NULL OR EXISTS (SELECT 1 FROM finding f
                                 WHERE f.review_id = r.id
                                   AND f.theme IN (SELECT value FROM json_each(:themes))))
  -- A review that had not begun by the as-of date was not part of the plan.
  AND (r.started_on IS NULL OR r.started_on <= :as_of)
ORDER BY a.name, r.started_on, r.ref;

-- name: changes
-- Every update dated from :since to :as_of: what moved since the last
-- meeting, oldest first in the order recorded. The pack keeps only the
-- rows of actions that plan_at selected (action_id). This reads one update,
-- :update_id, of the list changes_in_order sorts and scopes (pack.c): the
-- whole plan's list, sorted here with its text, held 29 MiB at a million
-- actions.
SELECT u.action_id, u.on_date,
       ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       f.theme, x.description AS action, u.author, u.old_status, u.new_status,
       u.old_due_on, u.new_due_on, po.name AS old_owner, pn.name AS new_owner,
       u.transferred_to, u.rag_override, u.percent, u.note, u.evidence,
       u.no_evidence_reason, u.reason, u.recorded_at
-- include: changes_tables
WHERE u.id = :update_id;

-- name: changes_in_order
-- The ids of `changes`, oldest first in the order recorded: only they are
-- sorted. The pack's part goes in as filters (by_candidate: the fixed
-- facts, and the candidates of an owner or --no-due), so that a council's
-- or an owner's changes are found from its actions' updates
-- (action_update_action): as runtime ORs, every update of the plan in the
-- dates was read and judged
-- (0.25 s of a council's pack at a million actions; 2.6 s of an owner's,
-- which kept 200 of 128,000).
SELECT u.id AS update_id
-- include: changes_tables
WHERE u.on_date BETWEEN :since AND :as_of
  AND x.voided = 0 -- issue 12
-- filters: by_candidate
ORDER BY u.on_date, u.id;

-- name: changes_tables
-- Fragment: the updates of `changes`, with their places and owners.
FROM action_update u
JOIN action x ON x.id = u.action_id
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
LEFT JOIN owner po ON po.id = u.old_owner_id
LEFT JOIN owner pn ON pn.id = u.new_owner_id

-- name: unevidenced
-- Actions signed off by :as_of with no evidence of impact recorded by then
-- (issue 11: "signed off without evidence of impact", a data-quality note).
-- Imported rows may carry their status with no update: those count by
-- their current status. The pack's part goes in as filters (a council's
-- report read every action of the plan here).
SELECT x.id FROM action x
WHERE x.voided = 0
-- filters: by_action
-- include: unevidenced_test
;

-- name: unevidenced_among
-- As unevidenced, among :ids (a JSON array of action ids): for a pack
-- narrowed on the day to a few of its part's actions (pack_data.c).
SELECT x.id FROM action x
WHERE x.id IN (SELECT value FROM json_each(:ids)) AND x.voided = 0
-- include: unevidenced_test
;

-- name: unevidenced_test
-- Fragment: signed off by :as_of, and no evidence of impact by then.
  AND (EXISTS (SELECT 1 FROM action_update u
               WHERE u.action_id = x.id AND u.new_status = 'signed_off' AND u.on_date <= :as_of)
       OR (x.status = 'signed_off' AND date(x.created_at) <= :as_of
           AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = x.id)))
  AND NOT EXISTS (SELECT 1 FROM action_update u
                  WHERE u.action_id = x.id AND u.on_date <= :as_of
                    AND trim(coalesce(u.evidence, '')) <> '')
