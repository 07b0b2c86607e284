-- Version 14: an index of the actions with no due date yet, for --no-due
-- (sql/filter.sql, by_action_no_due).

-- "Ongoing", "TBC" and the like leave an action open-ended, and a manager
-- asks for those to chase a date. The lists of open actions find them in
-- action_open_due (due_on IS NULL); a report, a summary or the list of
-- every action counts closed actions too, and had no index to find them:
-- at a million actions a summary of the one open-ended action read every
-- action (0.65 s). This index holds the open-ended actions only, by
-- finding, so a walk of the findings finds each one's too.
CREATE INDEX action_no_due ON action (finding_id) WHERE due_on IS NULL;
