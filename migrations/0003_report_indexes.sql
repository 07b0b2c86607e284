-- Version 3: two indexes for the manager reports (sql/report.sql).

-- `safeplan summary` groups themes without regard to case, as the --theme
-- filter matches them. Walking findings in that order lets SQLite count a
-- theme's actions as they come instead of sorting every action first
-- (at a million actions, about half the time). Findings are few, so the
-- index is small.
CREATE INDEX finding_theme_nocase ON finding (theme COLLATE NOCASE);

-- `safeplan stale` asks which open actions have had no sign of life (last
-- update, else start date) since a day, stalest first. Like action_open_due
-- this covers open actions only; it answers the range in order, so a large
-- plan is neither scanned nor sorted (a sort that spills would also write
-- plan text to a temporary file).
CREATE INDEX action_open_activity ON action (coalesce(last_update_on, start_on))
    WHERE status IN ('not_started', 'in_progress');
