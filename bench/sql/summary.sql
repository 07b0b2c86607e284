-- Baseline for `safeplan summary --by theme --format csv`: counts per theme
-- (case-insensitive, labelled as written) by computed RAG and by status,
-- as sql/report.sql (name: summary) computes them, written as the plain
-- GROUP BY one would type for themes (the product's query serves five
-- groupings and every filter). tool.py replaces rag_computed() with its
-- CASE expression (rag_computed.expr). The rating is computed once per
-- action in the inner query ("LIMIT -1 OFFSET 0" keeps SQLite from copying
-- the CASE into each sum()).
--
-- Reports judge the plan as it stood on the as-of date: an action counts
-- from the earliest of the day it was entered, its start and its first
-- update (the WHERE below, as in sql/report.sql). The product also rebuilds
-- from the history the state of actions updated after the date; this
-- baseline reads their current state, which is the same whenever no update
-- is dated after the as-of date, as in the benchmark (updates are dated on
-- or before "today", and the benchmark's today is the as-of date).
SELECT g.k AS "group", g.total, g.red, g.amber, g.green, g.blue, g.grey, g.unrated, g.overridden,
       g.not_started, g.in_progress, g.complete, g.signed_off, g.transferred, g.withdrawn
FROM (
    SELECT min(s.k) AS k, count(*) AS total,
           sum(s.rag = 'red') AS red, sum(s.rag = 'amber') AS amber,
           sum(s.rag = 'green') AS green, sum(s.rag = 'blue') AS blue,
           sum(s.rag = 'grey') AS grey,
           -- what no colour rates (a value the schema forbids): the colours
           -- and this add up to the total, as in the product's summary
           count(*) - sum(s.rag IN ('red', 'amber', 'green', 'blue', 'grey')) AS unrated,
           sum(s.rag_override IS NOT NULL AND s.rag_override <> s.rag) AS overridden,
           sum(s.status = 'not_started') AS not_started,
           sum(s.status = 'in_progress') AS in_progress,
           sum(s.status = 'complete') AS complete,
           sum(s.status = 'signed_off') AS signed_off,
           sum(s.status = 'transferred') AS transferred,
           sum(s.status = 'withdrawn') AS withdrawn
    FROM (
        SELECT f.theme AS k, x.status, x.rag_override, rag_computed(x.status, x.due_on, x.original_due_on, x.progress_on,
                            x.start_on, x.cadence, :as_of, :amber_days, :stale_days) AS rag
        FROM action x
        JOIN finding f ON f.id = x.finding_id
        WHERE x.start_on <= :as_of OR date(x.created_at) <= :as_of
           OR EXISTS (SELECT 1 FROM action_update u
                      WHERE u.action_id = x.id AND u.on_date <= :as_of)
        LIMIT -1 OFFSET 0
    ) AS s
    GROUP BY s.k COLLATE NOCASE
) AS g
ORDER BY "group" COLLATE NOCASE, g.k;
