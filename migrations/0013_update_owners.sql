-- Version 13: the updates that moved an action between owners, by owner
-- (sql/plan_at.sql, owner_candidates).

-- An action's owner on a past day is the owner its updates had given it
-- by then, so a read of one owner's actions as they stood (a digest, an
-- owner's report and its month-end trend) took as candidates every action
-- changed since the day: at a million actions and a day in March, 455,000
-- of them, for each owner. An action was ever an owner's only if it is now,
-- or if an update moved it to or from them; these two indexes hold the few
-- updates that moved an action (the rest have no owner), so those are
-- found by owner.
CREATE INDEX action_update_new_owner ON action_update (new_owner_id)
    WHERE new_owner_id IS NOT NULL;
CREATE INDEX action_update_old_owner ON action_update (old_owner_id)
    WHERE old_owner_id IS NOT NULL;
