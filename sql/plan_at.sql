-- The plan as it stood on a date, rebuilt from the append-only history.
--
-- An action's state on day D:
--   exists      from the earliest of date(created_at), start_on and its
--               first update's on_date (an update dated D proves the action
--               existed on D, which matters for plans imported long after
--               they began)
--   status      new_status of the latest update dated on or before D that
--               set one, else not_started
--   due_on      new_due_on likewise, else original_due_on
--   owner       new_owner_id likewise, else the owner before the first
--               reassignment (its old_owner_id), else the current owner
--   last update the latest on_date on or before D
--   override    rag_override likewise ('none' clears it), with its reason
-- "Latest" means most recently recorded (highest id) among the updates
-- dated on or before D. That is the order the AFTER INSERT trigger applies
-- updates in, so replaying every update gives exactly the action's current
-- columns even when an update was back-dated.
--
-- Shortcut: when nothing is dated after D (last_update_on is NULL or
-- <= D) the current columns ARE the state on D, so "today" reads the
-- action row and runs no subquery. The correlated subqueries that remain
-- each walk the index action_update (action_id, on_date).
--
-- The manager reports (sql/report.sql) repeat these expressions, with
-- the same shortcut, to judge a past day; tests/unit/test_report.c checks
-- that they list and count what this query rebuilds, so change both.
--
-- :replay, when bound to 1, turns the shortcut off; the unit tests use it
-- to prove that the shortcut and the replay agree. Production code leaves
-- it unbound (NULL).
--
-- The queries bind :as_of, the RAG settings :amber_days and :stale_days
-- (sp_bind_filter, as for every report), and the report filters
-- :authority_id, :review_id, :finding_id, :themes (fixed facts of an
-- action) and :owner_id, :status, :rag (judged as they stood on the day).
-- The month-end trend (series.c) applies the same rules in C over one
-- pass of the history; test_plan_at checks its counts against plan_at day
-- by day, so the two cannot drift.

-- name: actions
-- One row per action existing on :as_of, in committee order (theme, then
-- authority, review and finding), or with :overdue = 1 only the open
-- actions past their due date, most overdue first. After id and path come
-- the columns of the CSV export (sql/export.sql), in its order, as they
-- stood on the day, then days_overdue and aging (NULL unless overdue) and
-- rag_computed (the rating before any override: what the counts count)
-- and progress_on (the stale clock: the latest update reporting progress).
-- Only the reconstructed state is materialised; the text is joined back
-- by id, so memory does not hold every action's text twice.
-- A whole plan is not read with this one statement, which sorts every
-- action with its text and so held them all in memory (plan_at.c): the
-- committee orders read a finding at a time (findings_in_order, then
-- finding_actions); the overdue list sorts ids and small keys
-- (overdue_in_order), then reads each action here by :action_id; and
-- readers that need no order read an authority at a time
-- (authorities_in_scope, authority_actions).
-- include: state_from
),
st AS MATERIALIZED (
-- include: state_columns
)
-- include: state_rows
-- include: state_filter
ORDER BY CASE WHEN :overdue IS NOT NULL THEN s.due_on END,
-- include: finding_order
         , CASE WHEN :by_ref IS NOT NULL THEN x.ref END, x.id;

-- name: findings_in_order
-- The findings in scope, in the order `actions` lists their actions.
-- Only the findings are sorted, by their ids, numbers and theme: no
-- action, and no text but the theme and a finding's own reference
-- (finding_ranks). With an owner, only the
-- findings of the actions that may have been the owner's on the day
-- (owner_candidates): finding_actions then runs for a few hundred
-- findings, not for every finding of the plan.
WITH
-- include: finding_ranks
SELECT f.id AS finding_id
-- include: finding_tables
JOIN rv ON rv.id = r.id
-- include: finding_filters
ORDER BY
-- include: finding_rank_order
;

-- name: overdue_in_order
-- The ids of the actions overdue on :as_of in scope, in `actions` order
-- with :overdue = 1 (bound, so state_filter keeps only those). The state
-- is worked out here but not materialised, and the sort holds only the
-- due date, the finding's place in the committee order (fo.k: the
-- findings are numbered first, so their text keys are not copied into
-- every overdue action's) and the ids; `actions` then reads each action.
-- With an owner, only the owner's candidates (owner_candidates) are
-- worked out, and only their findings numbered (by_place_owner), not every
-- action and finding of the plan. The filters go in as fragments
-- (by_candidate: the fixed facts, and the owner's candidates), so that the
-- actions are found through their index: a council's overdue list walked
-- the whole plan, and so did an owner's (0.34 s at a million actions)
-- while the owner was a runtime OR.
-- include: state_from
-- filters: by_candidate
),
st AS (
-- include: state_columns
),
-- include: finding_ranks
,
fo AS MATERIALIZED (
    SELECT f.id AS finding_id, row_number() OVER (ORDER BY
-- include: finding_rank_order
    ) AS k
-- include: finding_tables
    JOIN rv ON rv.id = r.id
-- include: finding_filters
)
SELECT s.id
FROM st s
JOIN action x ON x.id = s.id
JOIN fo ON fo.finding_id = x.finding_id
-- include: state_filter
ORDER BY s.due_on, fo.k, CASE WHEN :by_ref IS NOT NULL THEN x.ref END, x.id;

-- name: finding_actions
-- The rows of `actions` for the one finding :of_finding, read through its
-- index, in `actions` order (within a finding only the last keys differ).
-- include: state_from
      AND x.finding_id = :of_finding
),
st AS MATERIALIZED (
-- include: state_columns
)
-- include: state_rows
-- include: state_filter
ORDER BY CASE WHEN :by_ref IS NOT NULL THEN x.ref END, x.id;

-- name: authorities_in_scope
-- For readers that count, or sort for themselves (SP_PLAN_ANY_ORDER): the
-- plan is read an authority at a time (authority_actions), in no order,
-- so that no action is sorted and only one authority's state is held.
SELECT a.id AS of_authority
FROM authority a
WHERE :authority_id IS NULL OR a.id = :authority_id;

-- name: authority_actions
-- The rows of `actions` for the one authority :of_authority, in no order,
-- found through its reviews', findings' and actions' indexes.
-- include: authority_state
-- include: state_rows
-- include: state_filter
;

-- name: authority_counts
-- authority_actions with only what a count reads (SP_PLAN_COUNTS).
-- include: authority_state
-- include: state_counted
-- include: state_filter
;

-- name: authority_state
-- Fragment: the state (st) of the authority :of_authority's actions.
-- include: state_from
      AND r.authority_id = :of_authority
),
st AS MATERIALIZED (
-- include: state_columns
)

-- name: owner_candidates
-- Fragment: the ids (action_id) of the actions that may have been
-- :owner_id's on any day: an action's owner on a day is its owner now, or
-- one an update moved it to or from (plan_at's rule: the latest new owner,
-- else the first reassignment's old owner, else the owner now). Each
-- through its index: action_owner, and migration 0013's partial indexes of
-- the updates that moved an action. A few hundred for an owner, where the
-- actions changed since a past day are hundreds of thousands.
SELECT c.id AS action_id FROM action c WHERE c.owner_id = :owner_id
UNION
SELECT u.action_id FROM action_update u WHERE u.new_owner_id = :owner_id
UNION
SELECT u.action_id FROM action_update u WHERE u.old_owner_id = :owner_id

-- name: no_due_candidates
-- Fragment: the ids (action_id) of the actions that may have been
-- open-ended on some day (--no-due): an action's due date on a day is the
-- latest new due date by then, else none if an update gave it its first
-- due date or none was first agreed, else the first agreed; and its due
-- date now once nothing is dated later. Each through its partial index
-- (migrations 14 and 16): a few in a plan.
SELECT c.id AS action_id FROM action c WHERE c.due_on IS NULL
UNION
SELECT c.id FROM action c WHERE c.original_due_on IS NULL
UNION
SELECT u.action_id FROM action_update u
WHERE u.old_due_on IS NULL AND u.new_due_on IS NOT NULL

-- name: candidate_actions
-- The rows of `actions` in no order (SP_PLAN_ANY_ORDER) with an owner,
-- --no-due, a review or a finding: the candidates (by_candidate:
-- owner_candidates, no_due_candidates, the review's or finding's actions
-- through their index), not a walk of the whole plan an authority at a
-- time (the digest, an owner at a time; a report's counts of five
-- open-ended actions read a million, and a finding's its authority's
-- every action). state_filter keeps those of the day.
-- include: candidate_state
-- include: state_rows
-- include: state_filter
;

-- name: candidate_counts
-- candidate_actions with only what a count reads (SP_PLAN_COUNTS).
-- include: candidate_state
-- include: state_counted
-- include: state_filter
;

-- name: candidate_state
-- Fragment: the state (st) of the candidates (by_candidate).
-- include: state_from
-- filters: by_candidate
),
st AS MATERIALIZED (
-- include: state_columns
)

-- name: finding_tables
-- Fragment: the findings, with their reviews and authorities (for
-- finding_filters, after any joins of the query's own).
FROM finding f
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id

-- name: finding_filters
-- Fragment: the findings in scope (the filters that are fixed facts), as
-- fragments (sql/filter.sql, by_place): as runtime ORs, a council's
-- report numbered and sorted every finding of the plan, twice (0.2 s of
-- its overdue list at a million actions).
WHERE 1
-- filters: by_place

-- name: finding_order
-- Fragment: the order of findings in `actions`, findings_in_order and
-- overdue_in_order's ranks.
-- With :by_review = 1 (the committee pack's Actions sheet) the order is
-- review first, then theme, as a plan is read at committee.
-- With :by_ref = 1 (the export of a past day) the order is the export's:
-- by references only, as sql/export.sql streams today.
-- Each key is written once, the terms an order does not use being NULL:
-- a sort holds every term, for every finding.
         CASE WHEN :by_review IS NULL AND :by_ref IS NULL THEN f.theme END COLLATE NOCASE,
         a.code,
         CASE WHEN :by_ref IS NULL THEN r.started_on END,
         r.ref,
         CASE WHEN :by_ref IS NOT NULL THEN f.ref END,
         CASE WHEN :by_review IS NOT NULL THEN f.theme END COLLATE NOCASE,
         f.id

-- name: finding_ranks
-- Fragment: a CTE numbering the reviews (rv.k: in authority code, start
-- date unless :by_ref, and reference order) of the findings in scope, so
-- that sorting the findings holds a number where finding_order holds a
-- review's code, date and reference (at a million actions, 154,000
-- findings). The theme stays as text in the sort: numbering the themes
-- too (a DISTINCT, a window and the join back by text, each an in-memory
-- table of every theme until the statement ends) cost 12 MiB where each
-- of 154,424 findings had a theme of its own, and a sort's keys are
-- freed once the findings are numbered.
rv AS MATERIALIZED (
    SELECT r.id, row_number() OVER (ORDER BY a.code,
               CASE WHEN :by_ref IS NULL THEN r.started_on END, r.ref) AS k
    FROM review r
    JOIN authority a ON a.id = r.authority_id
    WHERE (:authority_id IS NULL OR r.authority_id = :authority_id)
      AND (:review_id IS NULL OR r.id = :review_id)
)

-- name: finding_rank_order
-- Fragment: finding_order, with finding_ranks' numbers for the reviews'
-- keys (the same order: test_plan_at compares it with `actions`, which
-- sorts by finding_order itself).
         CASE WHEN :by_review IS NULL AND :by_ref IS NULL THEN f.theme END COLLATE NOCASE,
         rv.k,
         CASE WHEN :by_ref IS NOT NULL THEN f.ref END,
         CASE WHEN :by_review IS NOT NULL THEN f.theme END COLLATE NOCASE,
         f.id

-- name: state_from
-- Fragment: the actions in scope (base), up to the end of base's WHERE.
WITH base AS (
    SELECT x.id, x.status, x.due_on, x.original_due_on, x.owner_id, x.last_update_on,
           x.progress_on, x.transferred_to, x.rag_override, x.rag_override_reason,
           (x.last_update_on IS NULL OR x.last_update_on <= :as_of)
               AND :replay IS NULL AS settled
    FROM action x
    JOIN finding f ON f.id = x.finding_id
    JOIN review r ON r.id = f.review_id
    WHERE
-- include: action_scope
      -- :action_id (sp_action_at, sp_action_rag): one action, as it stood.
      -- A range on the rowid, not "(:action_id IS NULL OR x.id = ...)":
      -- SQLite plans before binding, and only a range it can see reads one
      -- row when the id is bound (an action page at a million actions
      -- walked them all); unbound, the range is every id.
      AND x.id BETWEEN coalesce(:action_id, -9223372036854775808)
                   AND coalesce(:action_id, 9223372036854775807)
      AND (date(x.created_at) <= :as_of OR x.start_on <= :as_of
           OR EXISTS (SELECT 1 FROM action_update u
                      WHERE u.action_id = x.id AND u.on_date <= :as_of))

-- name: state_columns
-- Fragment: each action's state on the day (the body of st).
    SELECT b.id,
           CASE WHEN b.settled THEN b.status ELSE coalesce(
               (SELECT u.new_status FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.new_status IS NOT NULL
                ORDER BY u.id DESC LIMIT 1), 'not_started') END AS status,
           CASE WHEN b.settled THEN b.due_on ELSE coalesce(
               (SELECT u.new_due_on FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.new_due_on IS NOT NULL
                ORDER BY u.id DESC LIMIT 1),
               -- an open-ended action dated later had no due date then
               CASE WHEN EXISTS (SELECT 1 FROM action_update f
                                 WHERE f.action_id = b.id AND f.old_due_on IS NULL
                                   AND f.new_due_on IS NOT NULL) THEN NULL
                    ELSE b.original_due_on END) END AS due_on,
           CASE WHEN b.settled THEN b.owner_id ELSE coalesce(
               (SELECT u.new_owner_id FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.new_owner_id IS NOT NULL
                ORDER BY u.id DESC LIMIT 1),
               (SELECT u.old_owner_id FROM action_update u
                WHERE u.action_id = b.id AND u.new_owner_id IS NOT NULL
                ORDER BY u.id LIMIT 1), b.owner_id) END AS owner_id,
           CASE WHEN b.settled THEN b.last_update_on ELSE
               (SELECT max(u.on_date) FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of) END AS last_update_on,
           -- the progress clock (migration 0011), as the stale report counts it
           CASE WHEN b.settled THEN b.progress_on ELSE
               (SELECT max(u.on_date) FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
                  AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
                       OR u.new_status IS NOT NULL
                       OR (u.rag_override IS NULL AND u.new_due_on IS NULL))) END AS progress_on,
           CASE WHEN b.settled THEN b.transferred_to ELSE
               (SELECT u.transferred_to FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.transferred_to IS NOT NULL
                ORDER BY u.id DESC LIMIT 1) END AS transferred_to,
           CASE WHEN b.settled THEN b.rag_override ELSE
               (SELECT nullif(u.rag_override, 'none') FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.rag_override IS NOT NULL
                ORDER BY u.id DESC LIMIT 1) END AS rag_override,
           CASE WHEN b.settled THEN b.rag_override_reason ELSE
               (SELECT CASE WHEN u.rag_override = 'none' THEN NULL ELSE u.reason END
                FROM action_update u
                WHERE u.action_id = b.id AND u.on_date <= :as_of
                  AND u.rag_override IS NOT NULL
                ORDER BY u.id DESC LIMIT 1) END AS rag_override_reason
    FROM base b

-- name: state_rows
-- Fragment: each action's row, with its state (st), filtered.
SELECT x.id, ref_path(a.code, r.ref, f.ref, x.ref) AS path,
       a.code AS authority, a.name AS authority_name, a.kind AS authority_kind,
       r.ref AS review, r.kind AS review_kind, r.title AS review_title,
       r.started_on AS review_started_on, r.ended_on AS review_ended_on,
       r.reported_on AS review_reported_on, r.judgement AS review_judgement,
       f.ref AS finding_ref, f.kind AS finding_kind, f.theme, f.text AS finding,
       x.ref AS action_ref, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, s.due_on, s.status, x.measure,
       rag(s.status, s.due_on, x.original_due_on, s.progress_on, x.start_on, x.cadence,
           s.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(s.status, s.due_on, x.original_due_on, s.progress_on, x.start_on, x.cadence,
                  s.transferred_to, s.rag_override, s.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       s.rag_override, s.rag_override_reason, s.last_update_on,
       lu.author AS last_update_by, lu.note AS last_update_note,
       lu.evidence AS last_update_evidence, s.transferred_to, x.timescale AS due_as_written,
       s.progress_on AS last_progress_on,
       CASE WHEN s.status IN ('not_started', 'in_progress') AND s.due_on < :as_of
            THEN CAST(julianday(:as_of) - julianday(s.due_on) AS INTEGER) END AS days_overdue,
       CASE WHEN s.status NOT IN ('not_started', 'in_progress') OR s.due_on IS NULL
                 OR s.due_on >= :as_of
            THEN NULL
            -- as in report/overdue: dates counted back, not julianday a row
            WHEN s.due_on >= date(:as_of, '-30 days') THEN '1-30'
            WHEN s.due_on >= date(:as_of, '-90 days') THEN '31-90'
            WHEN s.due_on >= date(:as_of, '-180 days') THEN '91-180'
            ELSE '180+' END AS aging,
       -- Counts (summary, pack, report) are of the computed rating, overrides
       -- aside, so that red is exactly the overdue list; an override shows
       -- on its action, and the counts say how many are shown otherwise.
       rag_computed(s.status, s.due_on, x.original_due_on, s.progress_on, x.start_on,
                    x.cadence, :as_of, :amber_days, :stale_days) AS rag_computed
FROM st s
JOIN action x ON x.id = s.id
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority a ON a.id = r.authority_id
JOIN owner o ON o.id = s.owner_id
-- The latest update dated on or before the day, as the export picks it.
LEFT JOIN action_update lu ON lu.id = (
    SELECT u.id FROM action_update u WHERE u.action_id = x.id AND u.on_date <= :as_of
    ORDER BY u.on_date DESC, u.id DESC LIMIT 1)

-- name: state_counted
-- Fragment: state_rows' columns that a count reads (sp_pack_tally, and
-- the pack's done actions), by the same names: without the texts, the
-- reviews, authorities and owners joined, the latest update looked up and
-- rag_reason worded for each action, which a count never reads (they were
-- half of a theme's report at a million actions).
SELECT x.id, f.theme, s.status, s.due_on,
       rag(s.status, s.due_on, x.original_due_on, s.progress_on, x.start_on, x.cadence,
           s.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       CASE WHEN s.status IN ('not_started', 'in_progress') AND s.due_on < :as_of
            THEN CAST(julianday(:as_of) - julianday(s.due_on) AS INTEGER) END AS days_overdue,
       rag_computed(s.status, s.due_on, x.original_due_on, s.progress_on, x.start_on,
                    x.cadence, :as_of, :amber_days, :stale_days) AS rag_computed
FROM st s
JOIN action x ON x.id = s.id
JOIN finding f ON f.id = x.finding_id

-- name: state_filter
-- Fragment: the filters judged on the day, on st (s) and action x.
WHERE (:owner_id IS NULL OR s.owner_id = :owner_id)
  AND (:status IS NULL OR s.status = :status)
  AND (:no_due IS NULL OR s.due_on IS NULL)
  AND (:rag IS NULL OR rag(s.status, s.due_on, x.original_due_on, s.progress_on,
                           x.start_on, x.cadence, s.rag_override, :as_of, :amber_days,
                           :stale_days) = :rag)
  AND (:overdue IS NULL
       OR (s.status IN ('not_started', 'in_progress') AND s.due_on < :as_of))

-- name: first_day
-- The first day any action in scope existed (NULL for an empty plan): where
-- the plan's life, and so its trend, begins. The fixed facts go in as
-- fragments too (sp_plan_at_prepare), so that a council's actions are
-- found through their index, not by walking the plan. With an owner, the
-- scope is the owner's candidates (by_candidate): no action can have been
-- the owner's before the first of them existed, so the owner's trend
-- begins there, as a council's begins with the council's first action
-- (the whole plan's first day took 1.1 s of an owner's report at a
-- million actions, and its trend began with months of nothing).
SELECT min(min(date(x.created_at), coalesce(x.start_on, '9999-12-31'),
               coalesce((SELECT min(u.on_date) FROM action_update u
                         WHERE u.action_id = x.id), '9999-12-31')))
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
WHERE
-- include: action_scope
-- filters: by_candidate
;

-- name: timeline
-- Every action in scope with its updates, oldest first (ORDER BY follows
-- the rowid and the index action_update (action_id, on_date), so nothing
-- is sorted): series.c replays them once, month end by month end, by the
-- rules above. The trend would cost one replay per month in SQL. For the
-- whole plan, or a status or RAG alone: a narrowed trend reads
-- timeline_of_finding for each of timeline_findings (series.c).
-- include: timeline_columns
JOIN review r ON r.id = f.review_id
WHERE
-- include: action_scope
  AND (:owner_id IS NULL OR x.id IN (
-- include: owner_candidates
       ))
ORDER BY x.id, u.on_date, u.id;

-- name: timeline_findings
-- The findings of a narrowed trend (an authority, review, finding, theme
-- or owner), in no order. Walking the plan's million actions in id order
-- to keep a council's took most of its report; through a filter's index
-- the rows come in another order, and one sort of them all grows with the
-- part (60 MiB for a theme's report). So series.c reads the actions a
-- finding at a time (timeline_of_finding), each finding's few sorted. With
-- an owner, only the findings of the owner's candidates (by_place_owner).
SELECT f.id AS finding_id
-- include: finding_tables
-- include: finding_filters
;

-- name: timeline_of_finding
-- timeline's rows for the one finding :of_finding. With an owner, only the
-- actions that were ever the owner's (owner_candidates): the others'
-- updates are not read.
-- include: timeline_columns
WHERE x.finding_id = :of_finding
  AND (x.voided = 0 OR :include_void IS NOT NULL) -- issue 12
  AND (:owner_id IS NULL OR x.id IN (
-- include: owner_candidates
       ))
ORDER BY x.id, u.on_date, u.id;

-- name: action_scope
-- Fragment: the actions in scope (x, with its finding f and review r),
-- after a WHERE: the filters that are fixed facts, and no voided action
-- unless asked (issue 12).
(:authority_id IS NULL OR r.authority_id = :authority_id)
  AND (x.voided = 0 OR :include_void IS NOT NULL)
  AND (:review_id IS NULL OR f.review_id = :review_id)
  AND (:finding_id IS NULL OR x.finding_id = :finding_id)
  AND (:themes IS NULL OR f.theme IN (SELECT value FROM json_each(:themes)))

-- name: timeline_columns
-- Fragment: timeline's columns, which series.c reads by position.
SELECT x.id, x.status, x.due_on, x.original_due_on, x.owner_id, x.last_update_on,
       x.start_on, x.rag_override, date(x.created_at) AS created_on,
       u.id AS update_id, u.on_date, u.new_status, u.new_due_on, u.new_owner_id,
       u.old_owner_id, u.rag_override AS set_override, x.progress_on,
       -- the update reports progress (the stale clock's rule, migration 0011)
       (u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
        AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
             OR u.new_status IS NOT NULL
             OR (u.rag_override IS NULL AND u.new_due_on IS NULL))) AS is_progress,
       -- the update gave an open-ended action its first due date: before
       -- the first update setting one, the action had none (state_columns)
       (u.old_due_on IS NULL AND u.new_due_on IS NOT NULL) AS first_due
FROM action x
JOIN finding f ON f.id = x.finding_id
LEFT JOIN action_update u ON u.action_id = x.id

-- name: series_rows
-- The trend as series.c counted it, handed over as a JSON array of
-- [as_of, actions, open, overdue, done] so that it reads like any cursor.
SELECT json_extract(value, '$[0]') AS as_of, json_extract(value, '$[1]') AS action_count,
       json_extract(value, '$[2]') AS open_count, json_extract(value, '$[3]') AS overdue_count,
       json_extract(value, '$[4]') AS done_count
FROM json_each(:rows)
ORDER BY key;
