-- Version 12: an index for the lists of one authority, review or finding
-- (sql/report.sql, sql/filter.sql).

-- A list filtered to an authority or a review walks its findings and, for
-- each, that finding's actions (the filters name findings, not actions).
-- The only index by finding held every action, open or closed, so an
-- authority's overdue list read all its actions' rows (11,331 at a million
-- actions) to keep its open ones (2,964). Like action_open_due, this index
-- holds open actions only, ordered by due date within each finding: the
-- overdue and due-soon ranges are read from it, and closed actions' rows are
-- never read.
CREATE INDEX action_open_finding ON action (finding_id, due_on)
    WHERE status IN ('not_started', 'in_progress');
