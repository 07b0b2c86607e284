-- Version 16: the actions that may have been open-ended (no due date) on
-- some day, from indexes alone.

-- A report, pack or trend of the open-ended actions (--no-due) judges each
-- day's state, and an action had no due date on a past day if it has none
-- now (action_no_due, migration 14), or none was first agreed, or an
-- update gave it its first due date (plan_at's rule, sql/plan_at.sql).
-- Without these the whole plan was replayed to find them: 6 s for the
-- report of five open-ended actions among a million. Both hold only such
-- actions and updates, a few in a plan, so they cost an import nothing.
CREATE INDEX action_no_original_due ON action (finding_id) WHERE original_due_on IS NULL;
CREATE INDEX action_update_first_due ON action_update (action_id)
    WHERE old_due_on IS NULL AND new_due_on IS NOT NULL;
