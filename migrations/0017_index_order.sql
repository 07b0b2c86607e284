-- Version 17: the action's indexes in the order the schema made them.

-- When two indexes serve a query equally well, SQLite takes the one made
-- last. A bulk import drops the action's indexes and builds them again
-- after the load; up to version 16 it built them in the order of their
-- names, and the plan it loaded kept that order. There, action_owner was
-- made after action_open_owner, and `owner list` counted each owner's open
-- actions by reading every action's row: 1.2 s at a million actions,
-- where the index counts them without reading a row (version 15). An
-- import now builds them in the schema's own order (sql/import.sql,
-- bulk_indexes); this makes them again in that order in every plan, so a
-- plan loaded before has the query plans of one made by init (3.3 s, once,
-- at a million actions).
--
-- The indexes of action_update kept the order that matters (the two on
-- action_id). The triggers a load made again by name fire in a different
-- order (the reverse of the order they were made), but each pair on one
-- event changes different columns or only reads NEW, so the result is the
-- same; they are left as they are.
DROP INDEX action_owner;
DROP INDEX action_open_due;
DROP INDEX action_last_update;
DROP INDEX action_open_activity;
DROP INDEX action_open_finding;
DROP INDEX action_no_due;
DROP INDEX action_open_owner;
DROP INDEX action_voided;
DROP INDEX action_no_original_due;

CREATE INDEX action_owner ON action (owner_id);
CREATE INDEX action_open_due ON action (due_on)
    WHERE status IN ('not_started', 'in_progress');
CREATE INDEX action_last_update ON action (last_update_on) WHERE last_update_on IS NOT NULL;
CREATE INDEX action_open_activity ON action (coalesce(progress_on, start_on))
    WHERE status IN ('not_started', 'in_progress');
CREATE INDEX action_open_finding ON action (finding_id, due_on)
    WHERE status IN ('not_started', 'in_progress');
CREATE INDEX action_no_due ON action (finding_id) WHERE due_on IS NULL;
CREATE INDEX action_open_owner ON action (owner_id)
    WHERE status IN ('not_started', 'in_progress') AND voided = 0;
CREATE INDEX action_voided ON action (finding_id) WHERE voided = 1;
CREATE INDEX action_no_original_due ON action (finding_id) WHERE original_due_on IS NULL;
