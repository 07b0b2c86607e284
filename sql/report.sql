-- Reports. Every report binds the same parameters (sp_bind_filter): :as_of,
-- the RAG settings :amber_days and :stale_days, and the filters
-- :authority_id, :review_id, :finding_id, :owner_id, :themes, :status, :rag.
-- The RAG rules live in C (rag.c) as the SQL functions rag(),
-- rag_computed() and rag_reason(), so that reports, the export and the
-- library share one definition; the summaries count with the aggregate
-- rag_tally_groups() and read the counts with tally_rows (tally.c).
--
-- FILTERS. A line "-- filters: SET" is where the filters go: the library
-- puts there the fragment "-- name: SET_FIELD" of sql/filter.sql for each
-- filter that is set, and nothing for the others (sp_prepare_filtered,
-- util.c). So every combination of filters is its own statement, planned
-- on the index that suits it; values are still bound. by_action suits
-- arms that may start from the actions (the lists, the summary by owner
-- ...), by_finding summary_theme's walk of the findings.
-- The report tests check each filter against each report and assert the
-- plan of each filter alone and combined.
--
-- Lists are ordered with a tie-break on the id, so that output is stable.
--
-- A date in the past shows the plan AS IT STOOD THEN, by the rules of
-- sql/plan_at.sql (existence, "latest" update, the `settled` shortcut),
-- whose expressions the queries below repeat; keep the two in step (the
-- test reports_equal_plan_at in tests/unit/test_report.c compares them
-- on several dates). Each list is a compound of two arms:
--   settled    actions with nothing dated after :as_of (last_update_on
--              NULL or <= :as_of): their current columns ARE their state,
--              so this arm is the index range it always was, in order
--   replayed   actions changed after :as_of, found by the index
--              action_last_update (migration 0004) and rebuilt from the
--              history; for today's reports that range is empty
-- and ORDER BY on the compound merges the two ordered arms, so the
-- settled rows stream from their index and only replayed rows are sorted.
-- The replayed parts (the CTEs and the second arm) lie between the lines
-- "-- replayed: begin" and "-- replayed: end". When no action has an
-- update dated after :as_of (settled, below), the library leaves them out
-- of the statement: they would give no rows, and preparing them was most
-- of the prepare of a narrow list (report.c, settled_plan).
-- The replayed CTE carries LIMIT -1 so that SQLite runs it as written
-- instead of flattening it, which would evaluate each correlated subquery
-- once per use of its column rather than once per action. It holds the
-- rebuilt state of each replayed action in memory (ids, dates and words,
-- no text; about 40 bytes each: some 18 MiB when 455,000 of a million
-- actions changed after the day). Today's reports hold nothing.

-- name: overdue
-- Open actions past their current due date. The WHERE clause repeats the
-- partial index's condition (status IN ...) so that the index
-- action_open_due serves the range due_on < :as_of, already in order.
-- aging compares due_on with days counted back from :as_of, which SQLite
-- works out once per statement; julianday() of each row's date parsed it
-- up to four times a row (the same buckets: both are whole ISO dates).
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on, s.transferred_to,
           s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(:as_of) - julianday(x.due_on) AS INTEGER) AS days_overdue,
       CASE WHEN x.due_on >= date(:as_of, '-30 days') THEN '1-30'
            WHEN x.due_on >= date(:as_of, '-90 days') THEN '31-90'
            WHEN x.due_on >= date(:as_of, '-180 days') THEN '91-180'
            ELSE '180+' END AS aging,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress') AND x.due_on < :as_of
-- filters: by_action
-- include: settled_on_day
-- replayed: begin
UNION ALL
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(:as_of) - julianday(x.due_on) AS INTEGER) AS days_overdue,
       CASE WHEN x.due_on >= date(:as_of, '-30 days') THEN '1-30'
            WHEN x.due_on >= date(:as_of, '-90 days') THEN '31-90'
            WHEN x.due_on >= date(:as_of, '-180 days') THEN '91-180'
            ELSE '180+' END AS aging,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM replayed_action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress') AND x.due_on < :as_of
-- filters: by_action
-- replayed: end
ORDER BY x.due_on, x.id;

-- name: due
-- Open actions due from :as_of (inclusive) to :before (exclusive), soonest
-- first; the same partial index serves the range.
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on, s.transferred_to,
           s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(x.due_on) - julianday(:as_of) AS INTEGER) AS days_to_due,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
  AND x.due_on >= :as_of AND x.due_on < :before
-- filters: by_action
-- include: settled_on_day
-- replayed: begin
UNION ALL
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(x.due_on) - julianday(:as_of) AS INTEGER) AS days_to_due,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM replayed_action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
  AND x.due_on >= :as_of AND x.due_on < :before
-- filters: by_action
-- replayed: end
ORDER BY x.due_on, x.id;

-- name: open
-- Every open action (not started or in progress) on :as_of, due soonest
-- first and those with no due date last: the web's "My actions" (with an
-- owner filter, whose index then leads: an owner's few open actions are
-- sorted, not the plan). Unfiltered it sorts every open action; callers
-- narrow it. days_to_due is negative for an overdue action.
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on, s.transferred_to,
           s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(x.due_on) - julianday(:as_of) AS INTEGER) AS days_to_due,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
-- filters: by_action
-- include: settled_on_day
-- replayed: begin
UNION ALL
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on,
       CAST(julianday(x.due_on) - julianday(:as_of) AS INTEGER) AS days_to_due,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.last_update_on, x.status
FROM replayed_action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
-- filters: by_action
-- replayed: end
ORDER BY x.due_on NULLS LAST, x.id;

-- name: stale
-- Open actions with no progress since :cutoff: counted from the last update
-- that reported progress (progress_on, migration 0011: a note, evidence, a
-- percentage or a status change; a reassignment, transfer, override or
-- revised date is administration and does not count), else from the start
-- date; an action with neither cannot be judged and is left out. Stalest
-- first. The partial index action_open_activity (migration 0011) holds
-- exactly this expression for open actions, so it serves the range in order.
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on,
           s.transferred_to, s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on, x.last_update_on,
       coalesce(x.progress_on, x.start_on) AS counted_from_on,
       CAST(julianday(:as_of) - julianday(coalesce(x.progress_on, x.start_on))
            AS INTEGER) AS days_without_update,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.status
FROM action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
  AND coalesce(x.progress_on, x.start_on) <= :cutoff
-- filters: by_action
-- include: settled_on_day
-- replayed: begin
UNION ALL
SELECT x.id,
       ref_path(au.code, r.ref, f.ref, x.ref) AS path,
       au.name AS authority, r.title AS review, f.ref AS finding_ref, f.theme,
       f.text AS finding, x.description AS action, o.name AS owner, x.start_on,
       x.original_due_on, x.due_on, x.last_update_on,
       coalesce(x.progress_on, x.start_on) AS counted_from_on,
       CAST(julianday(:as_of) - julianday(coalesce(x.progress_on, x.start_on))
            AS INTEGER) AS days_without_update,
       rag(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
           x.rag_override, :as_of, :amber_days, :stale_days) AS rag,
       rag_reason(x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on, x.cadence,
                  x.transferred_to, x.rag_override, x.rag_override_reason, :as_of,
                  :amber_days, :stale_days) AS rag_reason,
       x.status
FROM replayed_action x
JOIN finding f ON f.id = x.finding_id
JOIN review r ON r.id = f.review_id
JOIN authority au ON au.id = r.authority_id
JOIN owner o ON o.id = x.owner_id
WHERE x.status IN ('not_started', 'in_progress')
  AND coalesce(x.progress_on, x.start_on) <= :cutoff
-- filters: by_action
-- replayed: end
ORDER BY coalesce(x.progress_on, x.start_on), x.id;

-- name: summary_theme
-- Counts per theme: see "summary" below for the columns. Findings lead
-- (CROSS JOIN keeps them the outer loop, so a filter of findings narrows
-- the walk), and each action is counted by rag_tally_groups() into the
-- group of its finding's theme, as `summary` counts its groups: one pass,
-- nothing sorted. Grouped by GROUP BY f.theme instead, the counts came
-- without a sort only from a walk in theme order: a council's findings
-- come by review, and its summary sorted all its actions (17.7 ms for
-- 11,331 actions at a million, against 10.7 for the same summary by
-- owner). The replayed actions, rebuilt as they stood on :as_of, are
-- counted apart, and tally_rows (src/lib/tally.c) adds the two sets of
-- counts per theme. (Judging every action through a CASE on "settled"
-- cost a summary of a million actions over half as much again, measured
-- when the counts were fifteen SQL sums that each read the state columns.)
-- Themes group without regard to case or spacing (by_name: sp_name_key,
-- names.c), as the --theme filter matches them: "Leadership" and
-- "leadership " are one group (themes are stored tidy, but not always
-- were); a group is named by the spelling that sorts first (byte order).
-- tally_rows gives the groups in the order of ORDER BY "group" COLLATE
-- NOCASE, "group", numbered in ord: ORDER BY ord sorts nothing. (Themes
-- grouped and ordered in SQL, a summary of a plan where every finding had
-- a theme of its own, 154,424 of them, sorted them twice: bench/RESULTS.md.)
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on, s.transferred_to,
           s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT g.k AS "group",
-- include: tally_columns
FROM tally_rows(1,
         (SELECT rag_tally_groups(f.theme, x.status, x.due_on, x.original_due_on,
                                  x.progress_on, x.start_on, x.cadence, x.rag_override,
                                  :as_of, :amber_days, :stale_days)
          FROM finding f
          CROSS JOIN review r ON r.id = f.review_id
          CROSS JOIN action x ON x.finding_id = f.id
          WHERE TRUE
-- filters: by_finding
-- include: settled_on_day
         )
-- replayed: begin
         , (SELECT rag_tally_groups(f.theme, x.status, x.due_on, x.original_due_on,
                                    x.progress_on, x.start_on, x.cadence, x.rag_override,
                                    :as_of, :amber_days, :stale_days)
            FROM replayed_action x
            JOIN finding f ON f.id = x.finding_id
            JOIN review r ON r.id = f.review_id
            WHERE TRUE
-- filters: by_action
           )
-- replayed: end
     ) AS g
ORDER BY g.ord;

-- name: summary
-- Counts per owner, review, authority or status (:by); one pass over the
-- actions (in table order, the rest looked up by primary key). Each group
-- is named in the form the matching filter takes. Status groups follow the
-- lifecycle; the others are in name order.
--
-- The RAG columns count the COMPUTED rating, overrides aside:
--   red    open and due before :as_of: the very condition of the overdue
--          list, so red is exactly its length for the same date and filters
--   amber, green  the other open actions, rated by rag_computed()
--   blue   complete or signed off; grey: transferred or withdrawn
--   unrated  what cannot be rated: a status or a date the schema forbids,
--          written into the file by hand (`safeplan check` names each), so
--          that the colours always add up to the total
-- overridden counts the actions whose manual override shows another
-- colour. The aggregate rag_tally_groups() (src/lib/tally.c) makes every
-- count of a group in one call per action (sp_tally_bits, rag.c): fifteen
-- SQL sums over the same columns cost two thirds of a summary.
-- tests/unit/test_report.c checks every column against rag_computed() for
-- each action; tests/unit/test_rag.c checks the counts against the sums.
--
-- As in summary_theme, settled and replayed actions are counted apart and
-- tally_rows adds the counts per group: the groups are counted in a hash
-- table, as GROUP BY k sorted every action counted, in memory (113 MiB
-- for a summary of a million actions). Only the groups are then sorted,
-- by name, which is looked up once per group.
--
-- The review or authority of an action is looked up only when the groups
-- are reviews or authorities (the subqueries in the CASE): joining finding
-- and review for every action cost two lookups an action whatever :by was,
-- a tenth of a summary by owner or status.
-- replayed: begin
WITH
-- include: replayed
,
replayed_action AS (
    -- Only the rebuilt state is held; the rest is read back by id.
    SELECT a.id, a.ref, a.finding_id, a.description, a.start_on, a.original_due_on,
           a.cadence, a.voided, s.status, s.due_on, s.owner_id, s.last_update_on, s.transferred_to,
           s.rag_override, s.rag_override_reason, s.progress_on
    FROM replayed s
    JOIN action a ON a.id = s.id
)
-- replayed: end
SELECT CASE :by
         WHEN 'owner' THEN (SELECT name FROM owner WHERE id = g.k)
         WHEN 'review' THEN (SELECT ref_path(a.code, r.ref) FROM review r
                             JOIN authority a ON a.id = r.authority_id WHERE r.id = g.k)
         WHEN 'authority' THEN (SELECT code FROM authority WHERE id = g.k)
         ELSE g.k END AS "group",
-- include: tally_columns
FROM tally_rows(0,
         (SELECT rag_tally_groups(
                  CASE :by WHEN 'owner' THEN x.owner_id
                           WHEN 'review' THEN (SELECT f.review_id FROM finding f
                                               WHERE f.id = x.finding_id)
                           WHEN 'authority' THEN (SELECT r.authority_id FROM finding f
                                                  JOIN review r ON r.id = f.review_id
                                                  WHERE f.id = x.finding_id)
                           ELSE x.status END,
                  x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on,
                  x.cadence, x.rag_override, :as_of, :amber_days, :stale_days)
          FROM action x
          WHERE TRUE
-- filters: by_action
-- include: settled_on_day
         )
-- replayed: begin
         , (SELECT rag_tally_groups(
                  CASE :by WHEN 'owner' THEN x.owner_id
                           WHEN 'review' THEN f.review_id
                           WHEN 'authority' THEN r.authority_id
                           ELSE x.status END,
                  x.status, x.due_on, x.original_due_on, x.progress_on, x.start_on,
                  x.cadence, x.rag_override, :as_of, :amber_days, :stale_days)
            FROM replayed_action x
            JOIN finding f ON f.id = x.finding_id
            JOIN review r ON r.id = f.review_id
            WHERE TRUE
-- filters: by_action
           )
-- replayed: end
     ) AS g
ORDER BY CASE :by WHEN 'status' THEN
             CASE g.k WHEN 'not_started' THEN 1 WHEN 'in_progress' THEN 2
                      WHEN 'complete' THEN 3 WHEN 'signed_off' THEN 4
                      WHEN 'transferred' THEN 5 ELSE 6 END END,
         "group" COLLATE NOCASE, g.k;

-- name: settled
-- 1 when no action has an update dated after :as_of: then the parts of the
-- reports above that rebuild such actions have no rows, and the library
-- leaves them out (the lines marked "replayed" begin ... end; report.c).
SELECT NOT EXISTS (SELECT 1 FROM action WHERE last_update_on > :as_of);

-- name: settled_on_day
-- Fragment: the settled arm's action x as it stood on :as_of: nothing of it
-- is dated later (so its columns now are its state then), and it existed
-- then (begun, made or updated by then: sql/plan_at.sql's rule).
  AND (x.last_update_on IS NULL OR x.last_update_on <= :as_of)
  AND (x.start_on <= :as_of OR date(x.created_at) <= :as_of
       OR EXISTS (SELECT 1 FROM action_update u
                  WHERE u.action_id = x.id AND u.on_date <= :as_of))

-- name: tally_columns
-- Fragment (included above): a summary's counts, as tally_rows g gives them.
       g.total, g.red, g.amber, g.green, g.blue, g.grey, g.unrated, g.overridden,
       g.not_started, g.in_progress, g.complete, g.signed_off, g.transferred, g.withdrawn

-- name: replayed
-- Fragment (included above): the state of each action updated after
-- :as_of, replayed from its history as sql/plan_at.sql does.
replayed AS (
    SELECT a.id,
           coalesce((SELECT u.new_status FROM action_update u
                     WHERE u.action_id = a.id AND u.on_date <= :as_of
                       AND u.new_status IS NOT NULL
                     ORDER BY u.id DESC LIMIT 1), 'not_started') AS status,
           coalesce((SELECT u.new_due_on FROM action_update u
                     WHERE u.action_id = a.id AND u.on_date <= :as_of
                       AND u.new_due_on IS NOT NULL
                     ORDER BY u.id DESC LIMIT 1),
                    -- an open-ended action dated later had no due date then
                    CASE WHEN EXISTS (SELECT 1 FROM action_update f
                                      WHERE f.action_id = a.id AND f.old_due_on IS NULL
                                        AND f.new_due_on IS NOT NULL) THEN NULL
                         ELSE a.original_due_on END) AS due_on,
           coalesce((SELECT u.new_owner_id FROM action_update u
                     WHERE u.action_id = a.id AND u.on_date <= :as_of
                       AND u.new_owner_id IS NOT NULL
                     ORDER BY u.id DESC LIMIT 1),
                    (SELECT u.old_owner_id FROM action_update u
                     WHERE u.action_id = a.id AND u.new_owner_id IS NOT NULL
                     ORDER BY u.id LIMIT 1), a.owner_id) AS owner_id,
           (SELECT max(u.on_date) FROM action_update u
            WHERE u.action_id = a.id AND u.on_date <= :as_of) AS last_update_on,
           -- the progress clock as it stood (see migration 0011): RAG's
           -- staleness and the stale report count from it
           (SELECT max(u.on_date) FROM action_update u
            WHERE u.action_id = a.id AND u.on_date <= :as_of
              AND u.new_owner_id IS NULL AND coalesce(u.new_status, '') <> 'transferred'
              AND (u.note IS NOT NULL OR u.evidence IS NOT NULL OR u.percent IS NOT NULL
                   OR u.new_status IS NOT NULL
                   OR (u.rag_override IS NULL AND u.new_due_on IS NULL))) AS progress_on,
           (SELECT u.transferred_to FROM action_update u
            WHERE u.action_id = a.id AND u.on_date <= :as_of
              AND u.transferred_to IS NOT NULL
            ORDER BY u.id DESC LIMIT 1) AS transferred_to,
           (SELECT nullif(u.rag_override, 'none') FROM action_update u
            WHERE u.action_id = a.id AND u.on_date <= :as_of
              AND u.rag_override IS NOT NULL
            ORDER BY u.id DESC LIMIT 1) AS rag_override,
           (SELECT CASE WHEN u.rag_override = 'none' THEN NULL ELSE u.reason END
            FROM action_update u
            WHERE u.action_id = a.id AND u.on_date <= :as_of
              AND u.rag_override IS NOT NULL
            ORDER BY u.id DESC LIMIT 1) AS rag_override_reason
    FROM action a
    WHERE a.last_update_on > :as_of
-- filters: by_replayed
      AND (a.start_on <= :as_of OR date(a.created_at) <= :as_of
           OR EXISTS (SELECT 1 FROM action_update u
                      WHERE u.action_id = a.id AND u.on_date <= :as_of))
    LIMIT -1
)
