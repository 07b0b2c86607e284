-- Version 4: an index for the reports judged on a past date (sql/report.sql).

-- A report for a past day must rebuild, from the history, the state of the
-- actions that changed after that day; the others' current columns are
-- their state (see sql/plan_at.sql). This index finds those few actions
-- without a scan: for today's reports the range last_update_on > today is
-- empty, so the reports' usual plans cost nothing more. Actions never
-- updated are left out of the index, so it stays small.
CREATE INDEX action_last_update ON action (last_update_on) WHERE last_update_on IS NOT NULL;
