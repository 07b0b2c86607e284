-- The report filters (sp_filter) as fixed fragments of SQL. A query marks
-- where its filters go with a line "-- filters: SET"; the library puts
-- there the fragment SET_FIELD below for each filter that is set, and
-- nothing for the others (sp_prepare_filtered, util.c).
--
-- Why: SQLite plans a statement before any value is bound, so the one
-- statement for every case, `(:owner_id IS NULL OR x.owner_id =
-- :owner_id)`, gets one plan for all cases and an index for none: a list
-- filtered by owner walked every overdue action (350-800 ms at a million
-- actions, against 5 ms for the plain equality). With fragments, each
-- combination of filters is a statement of its own (at most 2^8 shapes per
-- query), planned on the index that suits it. The text depends only on
-- WHICH filters are set; their values are always bound (sp_bind_filter):
-- :authority_id, :review_id, :finding_id, :owner_id, :themes (a JSON array
-- of the themes the --theme words matched), :status, :rag (the rating as
-- shown on :as_of, an override included); --no-due binds nothing.
--
-- The sets, of the same eight filters with the same meaning:
--   by_action   conditions on the action x (or its replayed state) that an
--               index of action serves: for queries that may start from
--               the actions (lists, the summary by owner, review ...)
--   by_finding  conditions on the finding f that an index of finding
--               serves: for queries that walk the findings first
--               (report/summary_theme), so that a filter narrows the walk
--   by_replayed conditions on the action a whose state sql/report.sql
--               replays as it stood on a past day (the CTE replayed), so
--               that only the actions in scope are replayed: a past day's
--               list of one owner or council replayed every action updated
--               since that day (455,000 at a million actions, 1.5 s).
--               Owner, status, RAG and no due date are of the replayed
--               state: the owner keeps the actions that may have been
--               theirs (plan_at/owner_candidates), --no-due those that may
--               have been open-ended (plan_at/no_due_candidates), the
--               others keep all.
--   by_ref      conditions on the export's walk of the plan in reference
--               order (sql/export.sql: authority a, review r, finding f,
--               action x), each on the first of them that decides it, so
--               that a filter passes over the rest of the plan: as runtime
--               ORs, an owner's export read every action (0.32 s at a
--               million actions), and the history's 1.3 s. The owner's
--               narrows the authorities and reviews too; from the theme on
--               they are by_finding's, which the walk reaches the same way.
--   by_candidate conditions on the action x for the queries of the plan on
--               a day (sql/plan_at.sql) that may start from the actions:
--               the fixed facts as by_action's, and the owner's candidates
--               (plan_at/owner_candidates: every action that may have been
--               the owner's on some day), and with --no-due the actions
--               that may have been open-ended (plan_at/no_due_candidates);
--               status and RAG are of the day, judged on the state
--               (plan_at/state_filter), as are owner and no due date among
--               the candidates
--   by_place    conditions on the finding f alone, for the walks of the
--               findings in scope (sql/plan_at.sql, finding_filters): the
--               fixed facts, and the findings of the candidates of an
--               owner or --no-due; the state of a day judges the rest.
-- Aliases: x the action (a in by_replayed), f its finding. Each fragment
-- is one condition starting "AND", or none. tests/unit/test_report.c
-- asserts the query plan of each filter, alone and combined, in each
-- report.

-- name: by_action_authority
  AND x.finding_id IN (SELECT fa.id FROM review ra JOIN finding fa ON fa.review_id = ra.id
                       WHERE ra.authority_id = :authority_id)
-- name: by_action_review
  AND x.finding_id IN (SELECT fr.id FROM finding fr WHERE fr.review_id = :review_id)
-- name: by_action_finding
  AND x.finding_id = :finding_id
-- name: by_action_owner
  AND x.owner_id = :owner_id
-- name: by_action_theme
  AND x.finding_id IN (SELECT ft.id FROM finding ft
                       WHERE ft.theme IN (SELECT value FROM json_each(:themes)))
-- name: by_action_status
  AND x.status = :status
-- name: by_action_rag
  AND rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on,
          x.cadence, x.rag_override, :as_of, :amber_days, :stale_days) = :rag
-- name: by_action_no_due
  -- Open actions are found in action_open_due (due_on IS NULL), any action
  -- in action_no_due (migration 14). Written as an OR on a bound value, as
  -- it was, no index served it: a summary of the one open-ended action
  -- read a million.
  AND x.due_on IS NULL

-- name: by_action_live
  -- Always there unless include_void (issue 12): a voided action is kept
  -- but leaves every report. A void finding or review has no live action.
  AND x.voided = 0

-- name: by_replayed_authority
  AND a.finding_id IN (SELECT fa.id FROM review ra JOIN finding fa ON fa.review_id = ra.id
                       WHERE ra.authority_id = :authority_id)
-- name: by_replayed_review
  AND a.finding_id IN (SELECT fr.id FROM finding fr WHERE fr.review_id = :review_id)
-- name: by_replayed_finding
  AND a.finding_id = :finding_id
-- name: by_replayed_owner
  -- Any action that may have been the owner's on the day: by_action then
  -- keeps those that were.
  AND a.id IN (
-- include: plan_at/owner_candidates
  )
-- name: by_replayed_theme
  AND a.finding_id IN (SELECT ft.id FROM finding ft
                       WHERE ft.theme IN (SELECT value FROM json_each(:themes)))
-- name: by_replayed_status
  -- judged on the state replayed (by_action)
-- name: by_replayed_rag
  -- judged on the state replayed (by_action)
-- name: by_replayed_no_due
  -- Any action that may have been open-ended on the day: by_action then
  -- keeps those that were (a past day's list of the open-ended replayed
  -- every action updated since that day).
  AND a.id IN (
-- include: plan_at/no_due_candidates
  )
-- name: by_replayed_live
  AND a.voided = 0

-- name: by_finding_authority
  AND f.review_id IN (SELECT ra.id FROM review ra WHERE ra.authority_id = :authority_id)
-- name: by_finding_review
  AND f.review_id = :review_id
-- name: by_finding_finding
  AND f.id = :finding_id
-- name: by_finding_owner
  -- The findings with an action of the owner, then the owner's actions in
  -- them: the walk visits only those findings (settled actions only: their
  -- owner now is their owner then). The unary + keeps SQLite from reading
  -- all the owner's actions again for each finding (action_owner): a
  -- finding's few actions are found by finding_id and checked.
  AND f.id IN (SELECT xo.finding_id FROM action xo WHERE xo.owner_id = :owner_id)
  AND +x.owner_id = :owner_id
-- name: by_finding_theme
  AND f.theme IN (SELECT value FROM json_each(:themes))
-- name: by_finding_status
  AND x.status = :status
-- name: by_finding_rag
  AND rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on,
          x.cadence, x.rag_override, :as_of, :amber_days, :stale_days) = :rag
-- name: by_finding_no_due
  -- The findings with an open-ended action, from action_no_due: the
  -- summary by theme starts from them (it counts into a hash of its groups,
  -- so nothing is sorted however many there are); the walks of the list
  -- and the export, whose CROSS JOINs fix their order, check each finding
  -- they pass against them. Either way only those findings' actions are
  -- looked into: probing every finding's, a summary of a million actions
  -- with none open-ended took 0.11 s.
  AND f.id IN (SELECT nd.finding_id FROM action nd WHERE nd.due_on IS NULL)
  AND x.due_on IS NULL
-- name: by_finding_live
  AND x.voided = 0

-- name: by_ref_authority
  AND a.id = :authority_id
-- name: by_ref_review
  AND r.id = :review_id
-- name: by_ref_finding
  AND f.id = :finding_id
-- name: by_ref_owner
  -- The authorities and reviews where the owner has an action, then the
  -- findings (by_finding's): the walk passes over the rest of the plan at
  -- its first step, not finding by finding (25 ms at a million actions).
  -- The unary + keep the walk in reference order: a list of ids to look
  -- up instead would have to be sorted, the owner's whole export at once.
  AND +a.id IN (SELECT ro.authority_id FROM action xo JOIN finding fo ON fo.id = xo.finding_id
                JOIN review ro ON ro.id = fo.review_id WHERE xo.owner_id = :owner_id)
  AND +r.id IN (SELECT fo.review_id FROM action xo JOIN finding fo ON fo.id = xo.finding_id
                WHERE xo.owner_id = :owner_id)
-- include: filter/by_finding_owner
-- name: by_ref_theme
-- include: filter/by_finding_theme
-- name: by_ref_status
-- include: filter/by_finding_status
-- name: by_ref_rag
-- include: filter/by_finding_rag
-- name: by_ref_no_due
  -- The authorities and reviews with an open-ended action, from
  -- action_no_due: the walk passes over the rest of the plan at its first
  -- step (a probe of every finding took 0.26 s at a million actions). The
  -- lists grow with the open-ended actions, as the export does; the unary
  -- + keep the walk in reference order (see by_ref_owner).
  AND +a.id IN (SELECT rn.authority_id FROM action nd JOIN finding fn ON fn.id = nd.finding_id
                JOIN review rn ON rn.id = fn.review_id WHERE nd.due_on IS NULL)
  AND +r.id IN (SELECT fn.review_id FROM action nd JOIN finding fn ON fn.id = nd.finding_id
                WHERE nd.due_on IS NULL)
-- include: filter/by_finding_no_due
-- name: by_ref_live
-- include: filter/by_finding_live

-- name: by_place_authority
-- include: filter/by_finding_authority
-- name: by_place_review
-- include: filter/by_finding_review
-- name: by_place_finding
-- include: filter/by_finding_finding
-- name: by_place_theme
-- include: filter/by_finding_theme
-- name: by_place_owner
  -- The findings of the owner's candidates, the findings any of their
  -- actions on the day can be in: numbering or sorting every finding of
  -- the plan took most of one owner's overdue list at a million actions.
  AND f.id IN (SELECT oa.finding_id FROM action oa WHERE oa.id IN (
-- include: plan_at/owner_candidates
      ))
-- name: by_place_status
  -- judged on the day (plan_at/state_filter)
-- name: by_place_rag
  -- judged on the day (plan_at/state_filter)
-- name: by_place_no_due
  -- The findings of the actions that may have been open-ended.
  AND f.id IN (SELECT na.finding_id FROM action na WHERE na.id IN (
-- include: plan_at/no_due_candidates
      ))
-- name: by_place_live
  -- of the actions (plan_at/action_scope): a void finding has none live

-- name: by_candidate_authority
-- include: filter/by_action_authority
-- name: by_candidate_review
-- include: filter/by_action_review
-- name: by_candidate_finding
-- include: filter/by_action_finding
-- name: by_candidate_theme
-- include: filter/by_action_theme
-- name: by_candidate_owner
  AND x.id IN (
-- include: plan_at/owner_candidates
  )
-- name: by_candidate_status
  -- judged on the day (plan_at/state_filter)
-- name: by_candidate_rag
  -- judged on the day (plan_at/state_filter)
-- name: by_candidate_no_due
  AND x.id IN (
-- include: plan_at/no_due_candidates
  )
-- name: by_candidate_live
-- include: filter/by_action_live
